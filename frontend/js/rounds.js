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

})();
