// Workspace page: selecting text in the context fills "Context to pass down" (the pointer a
// subquestion gets); a subquestion that waits for its answer is fetched again when the page's
// answer stream (htmx's SSE extension, loaded before this) says it got one.
(function () {
    const context = document.getElementById('context');
    const unlocked = document.getElementById('unlocked-context');
    const passed = document.getElementById('passed-context');
    if (!passed) {
        return;
    }
    function takeSelection() {
        const selection = window.getSelection();
        const text = selection ? selection.toString().trim() : '';
        if (text) {
            passed.value = text;
        }
    }
    [context, unlocked].forEach(function (element) {
        if (element) {
            element.addEventListener('mouseup', takeSelection);
            element.addEventListener('keyup', takeSelection);
        }
    });
})();
document.body.addEventListener('subquestion-asked', function () {
    const none = document.getElementById('no-subquestions');
    if (none) {
        none.remove();
    }
});

// Keyboard shortcuts (listed on the page): a accepts, c goes to the Correct field of the subquestion
// clicked last (else the newest), n takes the next workspace. Not while typing in a field.
(function () {
    const list = document.getElementById('subquestions');
    if (!list || !document.getElementById('shortcuts')) {
        return;
    }
    let chosen = null;
    list.addEventListener('click', function (event) {
        const row = event.target.closest('li.subquestion');
        if (row) {
            list.querySelectorAll('li.chosen').forEach(function (li) { li.classList.remove('chosen'); });
            row.classList.add('chosen');
            chosen = row.id;
        }
    });
    function target(selector) {
        const picked = chosen && document.getElementById(chosen);
        if (picked && picked.querySelector(selector)) {
            return picked.querySelector(selector);
        }
        const all = list.querySelectorAll('li.subquestion ' + selector);
        return all.length ? all[all.length - 1] : null;
    }
    document.addEventListener('keydown', function (event) {
        const typing = event.target.closest('input, textarea, select, [contenteditable]');
        if (typing || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        if (event.key === 'a') {
            const accept = target('button.accept');
            if (accept) { event.preventDefault(); accept.click(); }
        } else if (event.key === 'c') {
            const field = target('input.correct-answer');
            if (field) { event.preventDefault(); field.focus(); }
        } else if (event.key === 'n') {
            const next = document.getElementById('next-form');
            if (next) { event.preventDefault(); next.submit(); }
        }
    });
})();

// The answer stream: an "answered" event names a subquestion; its row, if it is waiting (it has a
// data-fragment), is fetched and replaced. A row not on the page yet (its Ask still on the way) is
// fetched when it arrives. When the stream opens (and reopens after a break), every waiting row is
// fetched once: an answer may have come while there was no stream.
(function () {
    const list = document.getElementById('subquestions');
    if (!list || typeof htmx === 'undefined') {
        return;
    }
    const early = new Set();
    function fetchRow(row) {
        // the row is the request's source too: htmx keeps one request at a time per source (and of
        // several waiting, only the last), so with the body as the source rows would be dropped
        htmx.ajax('GET', row.dataset.fragment, {source: row, target: row, swap: 'outerHTML'});
    }
    list.addEventListener('htmx:sseOpen', function (event) {
        event.detail.source.addEventListener('answered', function (message) {
            const row = document.getElementById('subquestion-' + message.data);
            if (!row) {
                early.add(message.data);
            } else if (row.dataset.fragment) {
                fetchRow(row);
            }
        });
        list.querySelectorAll('li.subquestion[data-fragment]').forEach(fetchRow);
    });
    document.body.addEventListener('htmx:afterSwap', function () {
        early.forEach(function (id) {
            const row = document.getElementById('subquestion-' + id);
            if (row) {
                early.delete(id);
                if (row.dataset.fragment) {
                    fetchRow(row);
                }
            }
        });
    });
})();
