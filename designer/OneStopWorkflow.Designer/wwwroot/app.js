// The app's own script: small helpers that Blazor calls through JS interop.
window.oneStop = {
  // Moves the keyboard focus to the first field a refusal marked, so the clerk can correct it at once.
  focusFirstError: function () {
    var field = document.querySelector('[aria-invalid="true"]');
    if (field) { field.focus(); }
  },
  // Keeps a value for this tab across a reload (the language switch), never in the address.
  remember: function (key, value) {
    try { sessionStorage.setItem('oneStop.' + key, value || ''); } catch (e) { }
  },
  recall: function (key) {
    try { return sessionStorage.getItem('oneStop.' + key); } catch (e) { return null; }
  }
};

// Ctrl + wheel over the designer's canvas zooms the graph (the canvas does it), not the whole page.
document.addEventListener('wheel', function (e) {
  if (e.ctrlKey && e.target instanceof Element && e.target.closest('.diagram-canvas')) { e.preventDefault(); }
}, { passive: false });
