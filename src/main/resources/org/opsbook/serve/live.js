// opsbook preview: reload this tab when the site has been rebuilt. Served only by `opsbook serve`.
(function () {
  "use strict";
  var overlay = document.getElementById("opsbook-overlay");
  if (overlay) {
    var close = overlay.querySelector("[data-opsbook-close]");
    if (close) {
      close.addEventListener("click", function () { overlay.style.display = "none"; });
    }
  }
  if (!window.EventSource) {
    return;
  }
  var events = new EventSource("/__opsbook/events");
  events.addEventListener("reload", function () {
    window.location.reload();
  });
})();
