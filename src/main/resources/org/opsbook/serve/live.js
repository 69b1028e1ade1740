// opsbook preview: reload this tab when the site has been rebuilt. Served only by `opsbook serve`.
(function () {
  "use strict";
  var overlay = document.getElementById("opsbook-overlay");
  // On a phone the overlay starts folded to its one-line bar; a tap on the bar opens the list.
  if (overlay && window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) {
    overlay.removeAttribute("open");
  }
  if (!window.EventSource) {
    return;
  }
  var events = new EventSource("/__opsbook/events");
  events.addEventListener("reload", function () {
    window.location.reload();
  });
})();
