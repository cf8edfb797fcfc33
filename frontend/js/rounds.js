// Rounds: the held-out accuracy chart across rounds (list page). A round's own page keeps itself live
// with htmx (its progress fragment, polled until the round has finished).
(function () {
    const data = document.getElementById('accuracy-data');
    const canvas = document.getElementById('accuracy-chart');
    if (data && canvas && window.Chart) {
        const points = JSON.parse(data.textContent);
        new Chart(canvas, {
            type: 'line',
            data: {
                labels: points.map(p => '#' + p.round + ' ' + p.domain),
                datasets: [
                    {label: 'new version', data: points.map(p => p.accuracy), borderColor: '#3b5bdb', tension: 0.2},
                    {label: 'its parent, same items', data: points.map(p => p.parentAccuracy < 0 ? null : p.parentAccuracy),
                        borderColor: '#adb5bd', borderDash: [4, 4], tension: 0.2}
                ]
            },
            options: {maintainAspectRatio: false, animation: false,
                scales: {y: {min: 0, max: 1, title: {display: true, text: 'held-out accuracy'}}}}
        });
    }

    // the cascade in text: the small model's share and accuracy (left axis), the endpoint's calls (right axis)
    const cascadeData = document.getElementById('cascade-data');
    const cascadeCanvas = document.getElementById('cascade-chart');
    if (cascadeData && cascadeCanvas && window.Chart) {
        const points = JSON.parse(cascadeData.textContent);
        const share = v => v < 0 ? null : v;
        new Chart(cascadeCanvas, {
            type: 'line',
            data: {
                labels: points.map(p => p.label),
                datasets: [
                    {label: 'answered by the small model', data: points.map(p => share(p.studentShare)),
                        borderColor: '#2f9e44', tension: 0.2, yAxisID: 'y'},
                    {label: 'its held-out accuracy', data: points.map(p => share(p.accuracy)),
                        borderColor: '#3b5bdb', borderDash: [4, 4], tension: 0.2, yAxisID: 'y'},
                    {label: 'endpoint calls', data: points.map(p => p.endpointCalls), type: 'bar',
                        backgroundColor: 'rgba(240, 140, 0, 0.35)', yAxisID: 'calls'}
                ]
            },
            options: {maintainAspectRatio: false, animation: false,
                scales: {y: {min: 0, max: 1, title: {display: true, text: 'share'}},
                    calls: {position: 'right', beginAtZero: true, grid: {drawOnChartArea: false},
                        title: {display: true, text: 'endpoint calls'}}}}
        });
    }
})();
