// The admin's autocomplete boxes (select2) type into a search field of their own, which
// has no label; give each the label of the list it searches, whenever select2 makes one.
(function () {
  "use strict";

  function labelFor(field) {
    var container = field.closest(".select2-container");
    var select = container && container.previousElementSibling;
    var label = select && select.id && document.querySelector("label[for='" + select.id + "']");
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function labelAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".select2-search__field:not([aria-label])"), function (field) {
      var words = labelFor(field);
      if (words) { field.setAttribute("aria-label", "Search " + words.toLowerCase()); }
    });
  }

  new MutationObserver(labelAll).observe(document.documentElement, { childList: true, subtree: true });
  labelAll();
})();
