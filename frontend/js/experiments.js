/*
 * Amplify: the Experiments pages. Draws held-out accuracy (and how often H' predicts H) against
 * training steps, IA's curriculum (open levels and the size N) against steps, the calls to H against
 * SL's labels, and accuracy against what it cost (calls to H
 * or labels) with Chart.js. The page keeps itself live with htmx: while an experiment runs, its
 * fragments are polled and swapped in, the curves among them (#curves, data-curves); the charts are
 * drawn again from them after each swap.
 */
(function () {
    'use strict';

    const COLORS = {IA: '#3b5bdb', IA_HP: '#2b8a3e', SL: '#e8590c'};
    const LABELS = {IA: 'IA with H', IA_HP: "IA with H'", SL: 'SL'};

    /** What a point cost: transcripts made by H (IA with H or H'), or ground-truth labels (SL). */
    function cost(mode, p) {
        return mode === 'SL' ? p.labels : p.callsToH;
    }

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

    Charts.prototype.update = function () {
        for (const chart of Object.values(this.charts)) chart.update();
    };

    Charts.prototype.destroy = function () {
        for (const chart of Object.values(this.charts)) chart.destroy();
    };

    /** The charts of the page, from the curves it carries now; an experiment's page fills its step budget. */
    function draw(previous) {
        const data = document.getElementById('curves');
        if (!data || typeof Chart === 'undefined') return previous;
        if (previous) previous.destroy();
        const charts = new Charts(JSON.parse(data.dataset.curves || '{}'));
        const page = document.getElementById('experiment');
        if (page) {
            for (const name of ['accuracy', 'cost', 'curriculum']) {
                const chart = charts.charts[name];
                if (chart) {
                    chart.options.scales.x.max = Number(page.dataset.steps);
                    chart.update();
                }
            }
        }
        return charts;
    }

    document.addEventListener('DOMContentLoaded', () => {
        let charts = draw(null);
        let drawn = document.getElementById('curves');
        // after each htmx swap: drawn again when the curves were swapped (a new #curves element)
        document.body.addEventListener('htmx:afterSettle', () => {
            const curves = document.getElementById('curves');
            if (curves && curves !== drawn) {
                drawn = curves;
                charts = draw(charts);
            }
        });
    });
})();
