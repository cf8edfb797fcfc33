/*
 * Amplify: the Experiments pages. Draws held-out accuracy (and the calls to H against SL's labels)
 * against training steps with Chart.js, and keeps a running experiment's page live by polling the
 * points API every 1.5 s for the points after the last one seen.
 */
(function () {
    'use strict';

    const POLL_MILLIS = 1500;
    const COLORS = {IA: '#3b5bdb', SL: '#e8590c'};
    const FINISHED = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED'];

    function lineChart(canvas, yTitle, yMax) {
        return new Chart(canvas, {
            type: 'line',
            data: {datasets: []},
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                parsing: false,
                interaction: {mode: 'nearest', intersect: false},
                scales: {
                    x: {type: 'linear', title: {display: true, text: 'training step'}, min: 0},
                    y: {title: {display: true, text: yTitle}, min: 0, max: yMax}
                },
                plugins: {legend: {position: 'bottom'}}
            }
        });
    }

    function dataset(label, color, points, value) {
        return {
            label: label,
            borderColor: color,
            backgroundColor: color,
            pointRadius: 2,
            borderWidth: 2,
            tension: 0.15,
            data: points.map(p => ({x: p.step, y: value(p)}))
        };
    }

    /** The charts of one page: accuracy per mode, and (when asked for) calls to H and labels. */
    function Charts(curves) {
        const accuracyCanvas = document.getElementById('accuracy-chart');
        const costCanvas = document.getElementById('cost-chart');
        this.accuracy = accuracyCanvas ? lineChart(accuracyCanvas, 'held-out accuracy', 1) : null;
        this.cost = costCanvas ? lineChart(costCanvas, 'calls to H (IA) / labels (SL)', undefined) : null;
        this.sets = {};
        for (const mode of Object.keys(curves)) {
            const curve = curves[mode];
            const name = mode + ' #' + curve.id;
            const sets = {};
            if (this.accuracy) {
                sets.accuracy = dataset(name, COLORS[mode], curve.points, p => p.accuracy);
                this.accuracy.data.datasets.push(sets.accuracy);
            }
            if (this.cost) {
                const costName = mode === 'IA' ? 'calls to H, ' + name : 'labels, ' + name;
                sets.cost = dataset(costName, COLORS[mode], curve.points, p => mode === 'IA' ? p.callsToH : p.labels);
                this.cost.data.datasets.push(sets.cost);
            }
            this.sets[mode] = sets;
        }
        this.update();
    }

    Charts.prototype.add = function (mode, points) {
        const sets = this.sets[mode];
        for (const p of points) {
            if (sets.accuracy) sets.accuracy.data.push({x: p.step, y: p.accuracy});
            if (sets.cost) sets.cost.data.push({x: p.step, y: mode === 'IA' ? p.callsToH : p.labels});
        }
        if (points.length) this.update();
    };

    Charts.prototype.update = function () {
        if (this.accuracy) this.accuracy.update();
        if (this.cost) this.cost.update();
    };

    async function getJson(url) {
        const response = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
        if (!response.ok) throw new Error(url + ' answered ' + response.status);
        return response.json();
    }

    function percent(value) {
        return (100 * value).toFixed(1) + ' %';
    }

    /**
     * Follows one experiment until it finishes: appends new points to the charts and calls
     * onUpdate(experiment, newPoints) after each poll; onFinished(experiment) once at the end.
     */
    function follow(id, lastStep, charts, mode, onUpdate, onFinished) {
        let last = lastStep;
        let timer = null;
        async function poll() {
            try {
                const experiment = await getJson('/api/v1/experiments/' + id);
                const points = await getJson('/api/v1/experiments/' + id + '/points?after=' + last);
                if (points.length) last = points[points.length - 1].step;
                charts.add(mode, points);
                onUpdate(experiment, points);
                if (FINISHED.includes(experiment.status)) {
                    onFinished(experiment);
                    return;
                }
            } catch (e) {
                console.warn('polling experiment ' + id + ' failed; trying again', e);
            }
            timer = setTimeout(poll, POLL_MILLIS);
        }
        timer = setTimeout(poll, POLL_MILLIS);
        return () => clearTimeout(timer);
    }

    function lastStepOf(curve) {
        return curve.points.length ? curve.points[curve.points.length - 1].step : -1;
    }

    function experimentPage(page, curves, charts) {
        const id = Number(page.dataset.id);
        const mode = Object.keys(curves)[0];
        if (charts.accuracy) {
            charts.accuracy.options.scales.x.max = Number(page.dataset.steps); // the curve fills the budget
            charts.accuracy.update();
        }
        const bar = document.getElementById('progress-bar');
        const progressText = document.getElementById('progress-text');
        const status = document.getElementById('status');
        const latestAccuracy = document.getElementById('latest-accuracy');
        const latestCost = document.getElementById('latest-cost');
        if (FINISHED.includes(page.dataset.status)) return;
        follow(id, lastStepOf(curves[mode]), charts, mode, (experiment, points) => {
            bar.style.width = (100 * experiment.progress).toFixed(2) + '%';
            bar.parentElement.setAttribute('aria-valuenow', (100 * experiment.progress).toFixed(0));
            progressText.textContent = 'step ' + experiment.currentStep + ' of ' + experiment.steps
                + ' (' + (100 * experiment.progress).toFixed(0) + ' %)';
            status.textContent = experiment.cancelRequested && !FINISHED.includes(experiment.status)
                ? 'STOPPING' : experiment.status;
            status.className = 'badge status-' + experiment.status.toLowerCase();
            if (points.length && latestAccuracy) {
                latestAccuracy.textContent = percent(points[points.length - 1].accuracy)
                    + ' at step ' + points[points.length - 1].step;
            }
            if (points.length && latestCost) {
                const last = points[points.length - 1];
                latestCost.textContent = String(mode === 'IA' ? last.callsToH : last.labels);
            }
        }, () => window.location.reload());
    }

    function listPage(curves, charts) {
        for (const mode of Object.keys(curves)) {
            const curve = curves[mode];
            if (!FINISHED.includes(curve.status)) {
                follow(curve.id, lastStepOf(curve), charts, mode, () => {}, () => {});
            }
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        const data = document.getElementById('curves');
        if (!data || typeof Chart === 'undefined') return;
        const curves = JSON.parse(data.dataset.curves || '{}');
        const charts = new Charts(curves);
        const page = document.getElementById('experiment');
        if (page) {
            experimentPage(page, curves, charts);
        } else {
            listPage(curves, charts);
        }
    });
})();
