// opsbook default theme: copy buttons for snippets, the light/dark toggle and the header search box
// (the search page has search.js). No external requests.
(function () {
  "use strict";

  function snippetText(figure) {
    if (figure.hasAttribute("data-copy")) {
      return figure.getAttribute("data-copy");
    }
    var lines = figure.querySelectorAll("pre code .line");
    var out = [];
    for (var i = 0; i < lines.length; i++) {
      out.push(lines[i].textContent);
    }
    return out.join("\n") + "\n";
  }

  // navigator.clipboard exists only in secure contexts (HTTPS, localhost); on a plain-HTTP intranet
  // site the copy goes through a selected, off-screen textarea and execCommand instead.
  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "copy-buffer";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return copyBySelection(text); });
    }
    return Promise.resolve(copyBySelection(text));
  }

  function setUpCopyButtons() {
    var buttons = document.querySelectorAll(".snippet .copy-button");
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      button.hidden = false;
      button.addEventListener("click", function (event) {
        var b = event.currentTarget;
        copy(snippetText(b.closest(".snippet"))).then(function (ok) {
          b.textContent = ok ? "Copied" : "Copy failed";
          setTimeout(function () { b.textContent = "Copy"; }, 1500);
        });
      });
    }
  }

  // Light, dark, or the system's choice (the default); remembered in localStorage by theme.js.
  function setUpThemeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) {
      return;
    }
    var order = ["system", "light", "dark"];
    function current() {
      return document.documentElement.getAttribute("data-theme") || "system";
    }
    function show() {
      var c = current();
      button.textContent = c === "system" ? "Theme: system" : c === "light" ? "Theme: light" : "Theme: dark";
      button.setAttribute("aria-label", "Colour theme: " + c + ". Change it.");
    }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var next = order[(order.indexOf(current()) + 1) % order.length];
      if (next === "system") {
        document.documentElement.removeAttribute("data-theme");
      } else {
        document.documentElement.setAttribute("data-theme", next);
      }
      try {
        if (next === "system") {
          window.localStorage.removeItem("opsbook-theme");
        } else {
          window.localStorage.setItem("opsbook-theme", next);
        }
      } catch (e) {
        // The choice holds for this page only.
      }
      show();
    });
  }

  // "/" focuses the header search box, as on most documentation sites, unless the reader is typing.
  function setUpSearchShortcut() {
    var box = document.querySelector(".header-search input");
    if (!box) {
      return;
    }
    document.addEventListener("keydown", function (event) {
      var t = event.target;
      var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        box.focus();
      }
    });
  }

  // Printed runbooks show collapsed admonitions too.
  function openDetailsForPrint() {
    window.addEventListener("beforeprint", function () {
      var closed = document.querySelectorAll("details:not([open])");
      for (var i = 0; i < closed.length; i++) {
        closed[i].setAttribute("open", "");
        closed[i].setAttribute("data-print-opened", "");
      }
    });
    window.addEventListener("afterprint", function () {
      var opened = document.querySelectorAll("details[data-print-opened]");
      for (var i = 0; i < opened.length; i++) {
        opened[i].removeAttribute("open");
        opened[i].removeAttribute("data-print-opened");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpCopyButtons();
    setUpThemeToggle();
    setUpSearchShortcut();
    openDetailsForPrint();
  });
})();
