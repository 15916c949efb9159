// The app's own script: small helpers that Blazor calls through JS interop.
window.oneStop = {
  // Moves the keyboard focus to the first field a refusal marked, so the clerk can correct it at once.
  focusFirstError: function () {
    var field = document.querySelector('[aria-invalid="true"]');
    if (field) { field.focus(); }
  }
};
