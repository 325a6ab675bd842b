// Progress of a PDF export without reloading the page: polls the status and reloads once it is done.
// Without JavaScript the page refreshes itself (<noscript> meta refresh).
(function () {
  "use strict";
  var box = document.querySelector("[data-status-url]");
  if (!box || box.dataset.finished === "true") return;
  var text = box.querySelector("[data-status-text]");
  var bar = box.querySelector("[data-progress]");
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (state) {
        if (state.finished) { window.location.reload(); return; }
        if (text.textContent !== state.text) text.textContent = state.text;
        if (bar && state.total) { bar.max = state.total; bar.value = state.done; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
