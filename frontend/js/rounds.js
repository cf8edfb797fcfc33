// Rounds: the held-out accuracy chart across rounds (list page), and a round's live progress (its page),
// polled from the API every second until it ends; when it ends the page reloads once to show the result.
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

    const page = document.getElementById('round-page');
    if (!page) {
        return;
    }
    const id = page.dataset.round;
    const finished = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED'];
    if (finished.includes(document.getElementById('round-status').textContent.trim())) {
        return;
    }
    async function poll() {
        try {
            const response = await fetch('/api/v1/rounds/' + id, {headers: {Accept: 'application/json'},
                credentials: 'same-origin'});
            if (response.ok) {
                const round = await response.json();
                document.getElementById('progress-bar').style.width = (round.progress * 100).toFixed(1) + '%';
                document.getElementById('round-phase').textContent = 'phase: ' + round.phase.toLowerCase();
                document.getElementById('progress-text').textContent = round.step + ' of ' + round.totalSteps
                    + ' training steps' + (round.loss == null ? '' : ', loss ' + round.loss.toFixed(3));
                const status = document.getElementById('round-status');
                status.textContent = round.status;
                status.className = 'badge status-' + round.status.toLowerCase();
                if (round.snapshotId != null) {
                    document.getElementById('round-snapshot').textContent = '#' + round.snapshotId + ', '
                        + round.snapshotSize + ' transcripts';
                }
                if (finished.includes(round.status)) {
                    showEnd(round);
                    return;
                }
            }
        } catch (e) {
            // the next poll tries again
        }
        setTimeout(poll, 1000);
    }
    /** The round ended: its result in place, without reloading the page. */
    function showEnd(round) {
        if (round.modelVersionId != null) {
            // the version's one name: "v4" (the round's page names the domain), linked to its row on the Models page
            const href = '/models?domain=' + encodeURIComponent(round.domain) + '#version-' + round.modelVersion;
            const version = document.getElementById('round-version');
            version.textContent = '';
            const anchor = document.createElement('a');
            anchor.id = 'round-version-link';
            anchor.href = href;
            anchor.textContent = 'v' + round.modelVersion;
            version.appendChild(anchor);
            if (round.promoted) {
                const badge = document.createElement('span');
                badge.className = 'badge champion';
                badge.textContent = 'champion';
                version.append(' ', badge);
            }
            const link = document.getElementById('models-link');
            link.href = href;
            link.textContent = 'See ' + round.domain + ' v' + round.modelVersion + ' on the Models page'
                + (round.promoted ? '' : ', to promote it');
            link.hidden = false;
        }
        if (round.promotionReason) {
            document.getElementById('round-promotion').textContent = round.promotionReason;
        }
        if (round.metrics && round.metrics.accuracy != null) {
            document.getElementById('round-accuracy').textContent = (round.metrics.accuracy * 100).toFixed(1) + ' %';
        }
        if (round.errorMessage) {
            document.getElementById('round-error').textContent = round.errorMessage;
        }
        const cancel = document.getElementById('cancel-form');
        if (cancel) {
            cancel.remove();
        }
    }
    setTimeout(poll, 1000);
})();
