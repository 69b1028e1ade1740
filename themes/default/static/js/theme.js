// opsbook default theme: applies the reader's light/dark choice before the page paints.
// Loaded without defer in <head> on purpose; site.js draws the toggle. "system" (no choice) is the default.
(function () {
  "use strict";
  try {
    var choice = window.localStorage.getItem("opsbook-theme");
    if (choice === "light" || choice === "dark") {
      document.documentElement.setAttribute("data-theme", choice);
    }
  } catch (e) {
    // Storage may be disabled (private windows, file://): the system's choice applies.
  }
})();
