// Prints a stored document from the app's own page: the document opens in a frame of the same origin and its
// window's print dialog is opened from here, so the documents themselves never need a script.
window.oneStopPrint = {
  frame: function (id) {
    const frame = document.getElementById(id);
    if (!frame) {
      return;
    }
    const print = function () {
      frame.contentWindow.focus();
      frame.contentWindow.print();
    };
    const loaded = frame.contentDocument && frame.contentDocument.readyState === 'complete'
      && frame.contentDocument.URL !== 'about:blank';
    if (loaded) {
      print();
    } else {
      frame.addEventListener('load', print, { once: true });
    }
  }
};
