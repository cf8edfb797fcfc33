// Workspace page: selecting text in the context fills "Context to pass down" (the pointer a
// subquestion gets); htmx (loaded before this) polls each subquestion that waits for its answer.
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
