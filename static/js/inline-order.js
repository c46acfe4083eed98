// Ordering partners, sources and images on the case-study change page. Without this
// script each row's "order" number decides; with it, each row also gets "Move up" and
// "Move down" buttons (the keyboard way) and a handle to drag it by, and moving a row
// renumbers the order fields to match what the page shows.
(function () {
  "use strict";

  var PREFIXES = ["partners", "sources", "images"];
  var announcer = document.createElement("p");
  announcer.className = "workspace-sr-only";
  announcer.setAttribute("role", "status");
  document.body.appendChild(announcer);

  PREFIXES.forEach(function (prefix) {
    var group = document.getElementById(prefix + "-group");
    if (!group) { return; }
    // The inline's own name, as its rows' headings give it ("Partner:").
    var named = group.querySelector(".inline-related h3 b");
    var noun = named ? named.textContent.replace(/:\s*$/, "").trim().toLowerCase() : "row";
    var dragged = null;

    function rows() {
      return Array.prototype.filter.call(group.querySelectorAll(".inline-related"), function (row) {
        return !row.classList.contains("empty-form") && row.id !== prefix + "-empty";
      });
    }

    function field(row, name) {
      return row.querySelector("[name$='-" + name + "']");
    }

    // A blank extra row must stay untouched, or Django would take it for a new entry.
    function isBlank(row) {
      var id = field(row, "id");
      if (id && id.value) { return false; }
      return Array.prototype.every.call(row.querySelectorAll("input, select, textarea"), function (input) {
        var name = input.name || "";
        if (/-(order|id|case_study|DELETE)$/.test(name) || input.type === "checkbox" || input.type === "hidden") { return true; }
        return !input.value;
      });
    }

    function renumber() {
      var position = 0;
      rows().forEach(function (row) {
        var order = field(row, "order");
        if (order && !isBlank(row)) { order.value = position; position += 1; }
        label(row);
      });
    }

    function label(row) {
      var list = rows();
      var place = list.indexOf(row) + 1;
      var tools = row.querySelector(".inline-order");
      if (!tools) { return; }
      tools.querySelector("[data-move='-1']").setAttribute("aria-label", "Move up: " + noun + " " + place + " of " + list.length);
      tools.querySelector("[data-move='1']").setAttribute("aria-label", "Move down: " + noun + " " + place + " of " + list.length);
    }

    function move(row, step) {
      var list = rows();
      var from = list.indexOf(row);
      var to = from + step;
      if (to < 0 || to >= list.length) {
        announcer.textContent = "The " + noun + " is already " + (step < 0 ? "first." : "last.");
        return;
      }
      var other = list[to];
      other.parentNode.insertBefore(row, step < 0 ? other : other.nextSibling);
      renumber();
      announcer.textContent = "Moved the " + noun + " to position " + (to + 1) + " of " + list.length + ".";
    }

    function button(words, step) {
      var made = document.createElement("button");
      made.type = "button";
      made.className = "inline-order__move";
      made.setAttribute("data-move", String(step));
      made.textContent = words;
      return made;
    }

    function equip(row) {
      if (row.querySelector(".inline-order")) { return; }
      var tools = document.createElement("div");
      tools.className = "inline-order";
      var handle = document.createElement("span");
      handle.className = "inline-order__handle";
      handle.setAttribute("aria-hidden", "true");
      handle.title = "Drag to move";
      handle.textContent = "⠿";
      tools.appendChild(handle);
      tools.appendChild(button("Move up", -1));
      tools.appendChild(button("Move down", 1));
      var heading = row.querySelector("h3");
      row.insertBefore(tools, heading ? heading.nextSibling : row.firstChild);
      tools.addEventListener("click", function (event) {
        var step = event.target.getAttribute && event.target.getAttribute("data-move");
        if (step) { move(row, Number(step)); event.target.focus(); }
      });
      // Dragging starts from the handle only, so text in the fields can still be selected.
      handle.addEventListener("mousedown", function () { row.draggable = true; });
      row.addEventListener("dragstart", function (event) {
        dragged = row;
        row.classList.add("inline-order--dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", row.id);
      });
      row.addEventListener("dragend", function () {
        row.draggable = false;
        row.classList.remove("inline-order--dragging");
        dragged = null;
      });
      row.addEventListener("dragover", function (event) {
        if (dragged && dragged !== row) { event.preventDefault(); }
      });
      row.addEventListener("drop", function (event) {
        if (!dragged || dragged === row) { return; }
        event.preventDefault();
        var box = row.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        row.parentNode.insertBefore(dragged, after ? row.nextSibling : row);
        renumber();
        var list = rows();
        announcer.textContent = "Moved the " + noun + " to position " + (list.indexOf(dragged) + 1) + " of " + list.length + ".";
      });
    }

    rows().forEach(equip);
    rows().forEach(label);
    document.addEventListener("formset:added", function (event) {
      if (event.target && event.target.id && event.target.id.indexOf(prefix + "-") === 0) {
        equip(event.target);
        rows().forEach(label);
      }
    });
  });
})();
