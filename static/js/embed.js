// The embed page's "Copy the snippet" button; without JavaScript the snippet is selected
// and copied by hand.
(function () {
  "use strict";
  var button = document.querySelector("[data-copy]");
  if (!button || !navigator.clipboard) { return; }
  var field = document.getElementById(button.getAttribute("data-copy"));
  var status = document.querySelector("[data-copy-status]");
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      status.textContent = "Copied.";
    }, function () {
      field.select();
      status.textContent = "Select the snippet and copy it.";
    });
  });
})();
