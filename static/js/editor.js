/* The editors' small enhancements; every page works without them (progressive enhancement). */
(function () {
  "use strict";

  // "Add a row" buttons: clone the formset's empty row and count it in TOTAL_FORMS.
  function enableFormsets() {
    document.querySelectorAll("[data-formset-add]").forEach(function (button) {
      var prefix = button.getAttribute("data-formset-add");
      var template = document.querySelector('template[data-formset-template="' + prefix + '"]');
      var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      var body = document.querySelector('table[data-formset="' + prefix + '"] tbody');
      if (!template || !total || !body) {
        return;
      }
      button.parentElement.hidden = false;
      button.addEventListener("click", function () {
        var index = parseInt(total.value, 10);
        var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__row__/g, String(index + 1));
        body.insertAdjacentHTML("beforeend", html);
        total.value = String(index + 1);
        var first = body.lastElementChild.querySelector("input:not([type=hidden]), select");
        if (first) {
          first.focus();
        }
      });
    });
    document.addEventListener("change", function (event) {
      var box = event.target;
      if (box.matches && box.matches('table.formset input[type=checkbox][name$="-DELETE"]')) {
        box.closest("tr").classList.toggle("row--deleted", box.checked);
      }
    });
  }

  function slugify(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 90);
  }

  // Propose the slug from the title while it is typed, until someone edits the slug itself.
  function enableSlug() {
    document.querySelectorAll("input[data-slug-from]").forEach(function (slug) {
      var title = document.getElementById(slug.getAttribute("data-slug-from"));
      var follow = slug.value === "";  // only a new dossier: an existing one keeps its web address
      if (!title) {
        return;
      }
      slug.addEventListener("input", function () {
        follow = slug.value === "";
      });
      title.addEventListener("input", function () {
        if (follow) {
          slug.value = slugify(title.value);
        }
      });
    });
  }

  // "New municipality": a dialog posting to /municipalities/new/ instead of a new tab.
  function enableMunicipalityDialog() {
    var link = document.querySelector("[data-opens-dialog]");
    var dialog = link && document.getElementById(link.getAttribute("data-opens-dialog"));
    if (!dialog || typeof dialog.showModal !== "function") {
      return;
    }
    var form = dialog.querySelector("form");
    var status = dialog.querySelector("[data-dialog-status]");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      status.textContent = "";
      dialog.showModal();
      form.querySelector("input:not([type=hidden])").focus();
    });
    dialog.querySelector("[data-dialog-close]").addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () {
      link.focus();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      }).then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) {
            status.textContent = (answer.errors || []).join(" ");
            return;
          }
          var option = document.createElement("option");
          option.value = answer.name;
          document.getElementById("municipality-names").appendChild(option);
          var empty = Array.prototype.find.call(
            document.querySelectorAll('table.formset input[list="municipality-names"]'),
            function (input) { return input.value === ""; }
          );
          if (empty) {
            empty.value = answer.name;
          }
          form.reset();
          dialog.close();
          var note = document.getElementById("municipality-added");
          if (note) {
            note.textContent = link.getAttribute("data-added-text").replace("%s", answer.name);
          }
        });
      }).catch(function () {
        status.textContent = link.getAttribute("data-failed-text");
      });
    });
  }

  enableFormsets();
  enableSlug();
  enableMunicipalityDialog();
})();
