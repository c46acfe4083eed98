// The finder, enhanced. Without this file it still works: "Apply filters" and "Sort"
// submit the form, the compare form posts the ticked boxes, and the map page lists
// every case study. With it, filters and sort apply as they change, the map loads only
// when its panel is opened, and a bar counts what is ticked for comparison.
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser || !window.history.replaceState) { return; }

  var PAGE = "finder-page";
  var STORE = "finder-compare";
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  var page = document.getElementById(PAGE);
  if (!page) { return; }
  page.parentNode.insertBefore(status, page);

  // Scripts are added once each, in order; the map's own script runs again after the
  // results change, to draw the new map panel.
  function addScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  var leaflet = null;
  function loadMap(panel) {
    if (!leaflet) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = panel.getAttribute("data-leaflet-css");
      document.head.appendChild(css);
      leaflet = addScript(panel.getAttribute("data-leaflet-js"));
    }
    return leaflet.then(function () { return addScript(panel.getAttribute("data-map-js")); });
  }

  function watchMap() {
    var panel = document.querySelector("[data-map-panel]");
    if (!panel) { return; }
    if (panel.open) { loadMap(panel); return; }
    panel.addEventListener("toggle", function opened() {
      if (!panel.open) { return; }
      panel.removeEventListener("toggle", opened);
      loadMap(panel);
    });
  }

  // The compare bar ---------------------------------------------------------------
  function stored() {
    try { return JSON.parse(window.sessionStorage.getItem(STORE)) || []; } catch (error) { return []; }
  }
  function store(slugs) {
    try { window.sessionStorage.setItem(STORE, JSON.stringify(slugs)); } catch (error) { /* kept on this page only */ }
  }
  var ticked = stored();

  function boxes() { return document.querySelectorAll("input[name=cs][form=compare-form]"); }

  function renderBar() {
    var bar = document.querySelector("[data-compare-bar]");
    var form = document.getElementById("compare-form");
    if (!bar || !form) { return; }
    var most = parseInt(bar.getAttribute("data-compare-most"), 10) || 4;
    var onPage = {};
    boxes().forEach(function (box) { onPage[box.value] = true; box.checked = ticked.indexOf(box.value) !== -1; });
    // Ticks made on other pages of results travel with the form as hidden fields.
    form.textContent = "";
    ticked.forEach(function (slug) {
      if (onPage[slug]) { return; }
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = "cs";
      field.value = slug;
      form.appendChild(field);
    });
    var count = ticked.length;
    var text = bar.getAttribute("data-compare-idle");
    if (count === 1) {
      text = "1 case study ticked. Tick at least one more to compare.";
    } else if (count > most) {
      text = count + " case studies ticked: you can compare up to " + most + " at once, so untick " + (count - most) + ".";
    } else if (count > 1) {
      text = count + " case studies ticked.";
    }
    bar.querySelector("[data-compare-status]").textContent = text;
    bar.classList.toggle("compare-bar--active", count > 0);
    bar.classList.toggle("compare-bar--over", count > most);
    bar.querySelector("[data-compare-clear]").hidden = count === 0;
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.name !== "cs" || box.getAttribute("form") !== "compare-form") { return; }
    var at = ticked.indexOf(box.value);
    if (box.checked && at === -1) { ticked.push(box.value); }
    if (!box.checked && at !== -1) { ticked.splice(at, 1); }
    store(ticked);
    renderBar();
  });

  document.addEventListener("click", function (event) {
    var clear = event.target.closest && event.target.closest("[data-compare-clear]");
    if (!clear) { return; }
    ticked = [];
    store(ticked);
    renderBar();
    clear.parentNode.querySelector("button[type=submit]").focus();
  });

  // Filters and sort, applied as they change ---------------------------------------
  var latest = 0;

  function addressOf(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") { params.append(name, value); }
    });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function openIds(root) {
    return Array.prototype.map.call(root.querySelectorAll("details[open][id]"), function (item) { return item.id; });
  }

  function show(address, push) {
    var request = ++latest;
    var focused = document.activeElement && document.activeElement.id;
    var open = openIds(document.getElementById(PAGE));
    status.textContent = "Updating the results…";
    return fetch(address, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (request !== latest) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var replacement = fresh.getElementById(PAGE);
        if (!replacement) { throw new Error("no finder in the response"); }
        var current = document.getElementById(PAGE);
        current.innerHTML = replacement.innerHTML;
        document.title = fresh.title;
        open.forEach(function (id) {
          var item = document.getElementById(id);
          if (item) { item.open = true; }
        });
        if (push) { window.history.pushState({ finder: true }, "", address); }
        enhance();
        var summary = current.querySelector("[data-autofocus]");
        var target = summary || (focused && document.getElementById(focused)) || document.getElementById("results-heading");
        if (target) { target.focus(); }
        var heading = document.getElementById("results-heading");
        status.textContent = heading ? heading.textContent.replace(/\s+/g, " ").trim() : "";
      })
      .catch(function () { window.location.assign(address); });
  }

  function apply(form) { show(addressOf(form), true); }

  document.addEventListener("change", function (event) {
    var control = event.target;
    var form = control.form;
    if (!form || form.id !== "finder") { return; }
    if (control.type === "checkbox" || control.tagName === "SELECT") { apply(form); }
  });

  document.addEventListener("submit", function (event) {
    if (event.target.id !== "finder") { return; }
    event.preventDefault();
    apply(event.target);
  });

  window.addEventListener("popstate", function () { show(window.location.href, false); });

  function enhance() {
    var sort = document.querySelector("[data-sort-button]");
    if (sort) { sort.hidden = true; }
    watchMap();
    renderBar();
  }

  window.history.replaceState({ finder: true }, "", window.location.href);
  enhance();
})();
