// Progressive enhancement for the staff change page: without it the preview shows the
// story as last saved, and every button still works.
(function () {
  "use strict";

  var preview = document.querySelector("[data-story-preview]");
  var body = document.getElementById("id_body");
  if (!preview || !body || !window.fetch) { return; }
  var target = preview.querySelector(".story-preview__content");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = "Preview the story as typed";
  preview.querySelector(".story-preview__actions").appendChild(button);
  var status = preview.querySelector("[role=status]");

  button.addEventListener("click", function () {
    var form = new FormData();
    form.append("body", body.value);
    form.append("csrfmiddlewaretoken", document.querySelector("[name=csrfmiddlewaretoken]").value);
    status.textContent = "Rendering the preview…";
    fetch(preview.getAttribute("data-story-preview"), { method: "POST", body: form, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        // Rendered and cleaned on the server by the same code as the public page.
        target.innerHTML = html;
        status.textContent = "The preview shows the story as typed, not yet saved.";
      })
      .catch(function () { status.textContent = "The preview could not be made just now; the story is unchanged."; });
  });
})();
