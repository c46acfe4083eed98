// Progressive enhancement: with JavaScript, the proof-of-work widget replaces the question
// the form asks without it. Loaded as a module after the vendored ALTCHA widget.
(function () {
  "use strict";
  var box = document.querySelector("[data-altcha-widget]");
  var fallback = document.querySelector("[data-altcha-fallback]");
  if (!box || !fallback || !window.$altcha || !window.customElements || !customElements.get("altcha-widget")) {
    return;  // the question stays, and the form works as without JavaScript
  }
  var worker = box.getAttribute("data-worker");
  window.$altcha.algorithms.set("PBKDF2/SHA-256", function () { return new Worker(worker); });
  box.hidden = false;
  fallback.hidden = true;
  fallback.querySelectorAll("input").forEach(function (input) { input.disabled = true; });
})();
