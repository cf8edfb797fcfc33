/*
 * Amplify: the Experiments pages. Draws held-out accuracy (and how often H' predicts H) against
 * training steps, IA's curriculum (open levels and the size N) against steps, the calls to H against
 * SL's labels, and accuracy against what it cost (calls to H
 * or labels) with Chart.js, and keeps a running experiment's page live by polling the points API
 * every 1.5 s for the points after the last one seen.
 */
(function () {
    'use strict';

    const POLL_MILLIS = 1500;
    const COLORS = {IA: '#3b5bdb', IA_HP: '#2b8a3e', SL: '#e8590c'};
    const LABELS = {IA: 'IA with H', IA_HP: "IA with H'", SL: 'SL'};

    /** What a point cost: transcripts made by H (IA with H or H'), or ground-truth labels (SL). */
    function cost(mode, p) {
        return mode === 'SL' ? p.labels : p.callsToH;
    }
    const FINISHED = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED'];

    function lineChart(canvas, yTitle, yMax, xTitle, xType) {
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
                    x: xType === 'logarithmic'
                        ? {type: 'logarithmic', title: {display: true, text: xTitle}}
                        : {type: 'linear', title: {display: true, text: xTitle || 'training step'}, min: 0},
                    y: {title: {display: true, text: yTitle}, min: 0, max: yMax}
                },
                plugins: {legend: {position: 'bottom'}}
            }
        });
    }

    /** A line through points: {x, y} of each point, leaving out those without a y. */
    function dataset(label, color, points, toXY, dashed) {
        return {
            label: label,
            borderColor: color,
            backgroundColor: color,
            pointRadius: 2,
            borderWidth: 2,
            borderDash: dashed ? [6, 4] : [],
            tension: 0.15,
            data: xys(points, toXY)
        };
    }

    function xys(points, toXY) {
        return points.map(toXY).filter(xy => xy.y !== null && xy.y !== undefined && xy.x !== null);
    }

    /**
     * The charts of one page, each drawn when its canvas is there: accuracy per mode (and, dashed, how
     * often H' predicts H), calls to H and labels per step, and accuracy against calls to H or labels.
     */
    function Charts(curves) {
        const canvas = id => document.getElementById(id);
        this.charts = {};
        if (canvas('accuracy-chart')) this.charts.accuracy = lineChart(canvas('accuracy-chart'), 'held-out accuracy', 1);
        if (canvas('cost-chart')) this.charts.cost = lineChart(canvas('cost-chart'), 'calls to H (IA) / labels (SL)');
        if (canvas('curriculum-chart')) {
            this.charts.curriculum = lineChart(canvas('curriculum-chart'), 'open levels · size N');
        }
        if (canvas('calls-chart')) {
            this.charts.calls = lineChart(canvas('calls-chart'), 'held-out accuracy', 1,
                'calls to H (IA with H or H\') / labels (SL)', 'logarithmic');
        }
        this.sets = {};
        this.sizes = {};
        for (const mode of Object.keys(curves)) {
            const curve = curves[mode];
            const name = (LABELS[mode] || mode) + ' #' + curve.id;
            const labels = {
                accuracy: name,
                cost: (mode === 'SL' ? 'labels, ' : 'calls to H, ') + name,
                calls: name,
                asker: "H' predicts H, " + name,
                levels: 'open levels, ' + name,
                size: 'N, ' + name
            };
            const lines = {};
            this.sizes[mode] = curve.size;
            for (const line of Object.keys(LINES)) {
                if (line === 'asker' && mode !== 'IA_HP') continue;
                if (LINES[line].curriculum && mode === 'SL') continue;
                lines[line] = dataset(labels[line], COLORS[mode], curve.points,
                    p => LINES[line].xy(mode, p, curve.size), line === 'asker' || line === 'size');
                if (LINES[line].curriculum) lines[line].stepped = 'before';
                const chart = this.charts[LINES[line].chart];
                if (chart) chart.data.datasets.push(lines[line]);
            }
            this.sets[mode] = lines;
        }
        this.update();
    }

    /** Each line of a mode: the chart it is drawn on, and a point's {x, y} on it. */
    const LINES = {
        accuracy: {chart: 'accuracy', xy: (mode, p) => ({x: p.step, y: p.accuracy})},
        asker: {chart: 'accuracy', xy: (mode, p) => ({x: p.step, y: p.askerAccuracy})},
        cost: {chart: 'cost', xy: (mode, p) => ({x: p.step, y: cost(mode, p)})},
        calls: {chart: 'calls', xy: (mode, p) => ({x: cost(mode, p) || null, y: p.accuracy})},
        // IA's curriculum: the levels of questions open, and the size N of the contexts (a point that
        // did not record its N has the experiment's)
        levels: {chart: 'curriculum', curriculum: true, xy: (mode, p) => ({x: p.step, y: p.openLevels})},
        size: {chart: 'curriculum', curriculum: true, xy: (mode, p, runSize) => ({x: p.step, y: p.size || runSize})}
    };

    Charts.prototype.add = function (mode, points) {
        for (const [line, set] of Object.entries(this.sets[mode])) {
            set.data.push(...xys(points, p => LINES[line].xy(mode, p, this.sizes[mode])));
        }
        if (points.length) this.update();
    };

    Charts.prototype.update = function () {
        for (const chart of Object.values(this.charts)) chart.update();
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
        for (const name of ['accuracy', 'cost', 'curriculum']) {
            const chart = charts.charts[name];
            if (chart) {
                chart.options.scales.x.max = Number(page.dataset.steps); // the curve fills the budget
                chart.update();
            }
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
                latestCost.textContent = String(cost(mode, last));
            }
            const latestCurriculum = document.getElementById('latest-curriculum');
            if (points.length && latestCurriculum) {
                const last = points[points.length - 1];
                latestCurriculum.textContent = last.openLevels + (last.openLevels === 1 ? ' level' : ' levels')
                    + ' at N = ' + (last.size || curves[mode].size);
            }
            const latestAsker = document.getElementById('latest-asker-accuracy');
            if (points.length && latestAsker && points[points.length - 1].askerAccuracy !== null) {
                latestAsker.textContent = percent(points[points.length - 1].askerAccuracy) + ' of its actions';
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
