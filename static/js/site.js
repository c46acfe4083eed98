// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Move focus to an error summary so screen reader users hear what went wrong.
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }

  // On narrow screens, fold the finder's filters behind a button (they are open by default without JavaScript).
  var filters = document.getElementById("filters");
  if (!filters || !window.matchMedia) { return; }
  var narrow = window.matchMedia("(max-width: 59.99rem)");
  var title = filters.querySelector(".finder__filters-title");
  var body = document.createElement("div");
  body.className = "finder__filters-body";
  body.id = "filters-body";
  while (title.nextSibling) { body.appendChild(title.nextSibling); }
  filters.appendChild(body);

  var selected = filters.querySelectorAll("input[type=checkbox]:checked").length;
  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "button button--secondary filters-toggle";
  toggle.setAttribute("aria-controls", "filters-body");
  title.parentNode.insertBefore(toggle, title.nextSibling);

  function render(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.textContent = (open ? "Hide filters" : "Show filters") + (selected ? " (" + selected + " selected)" : "");
    filters.classList.toggle("is-collapsed", !open);
  }
  toggle.addEventListener("click", function () { render(filters.classList.contains("is-collapsed")); });
  function apply() {
    toggle.hidden = !narrow.matches;
    render(!narrow.matches || document.querySelector(".error-summary") !== null);
  }
  if (narrow.addEventListener) { narrow.addEventListener("change", apply); }
  apply();
})();
