// opsbook default theme: copy buttons for snippets, the light/dark toggle, the header search box and
// the offline search. No external requests.
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

  function normalise(s) {
    return s.toLowerCase();
  }

  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      var hit = 0;
      if (normalise(entry.t).indexOf(t) >= 0) { hit += 10; }
      if ((entry.g || []).join(" ").toLowerCase().indexOf(t) >= 0) { hit += 6; }
      if ((entry.h || []).join(" ").toLowerCase().indexOf(t) >= 0) { hit += 4; }
      if (normalise(entry.w || "").indexOf(t) >= 0) { hit += 3; }
      if (normalise(entry.s || "").indexOf(t) >= 0) { hit += 2; }
      if (hit === 0) { return 0; }
      total += hit;
    }
    return total;
  }

  function setUpSearch() {
    var form = document.querySelector(".search-form");
    if (!form) {
      return;
    }
    var input = document.getElementById("search-input");
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    var index = null;

    function render(query) {
      results.textContent = "";
      var terms = normalise(query).split(/\s+/).filter(function (t) { return t.length > 0; });
      if (terms.length === 0) {
        status.textContent = index.length + " articles indexed.";
        return;
      }
      var hits = [];
      for (var i = 0; i < index.length; i++) {
        var s = score(index[i], terms);
        if (s > 0) { hits.push({ s: s, e: index[i] }); }
      }
      hits.sort(function (a, b) { return b.s - a.s || (a.e.t < b.e.t ? -1 : 1); });
      status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for “" + query + "”.";
      for (var j = 0; j < Math.min(hits.length, 50); j++) {
        var e = hits[j].e;
        var li = document.createElement("li");
        li.className = "article-item";
        var h = document.createElement("h2");
        h.className = "article-title";
        var a = document.createElement("a");
        a.href = e.u;
        a.textContent = e.t;
        h.appendChild(a);
        li.appendChild(h);
        if (e.s) {
          var p = document.createElement("p");
          p.className = "summary";
          p.textContent = e.s;
          li.appendChild(p);
        }
        results.appendChild(li);
      }
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    status.textContent = "Loading the search index…";
    fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
      index = data;
      var q = new URLSearchParams(window.location.search).get("q") || "";
      input.value = q;
      render(q);
      input.addEventListener("input", function () { render(input.value); });
    }, function () {
      status.textContent = "The search index could not be loaded. Open the site through a web server, or browse the archive.";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpCopyButtons();
    setUpThemeToggle();
    setUpSearchShortcut();
    openDetailsForPrint();
    setUpSearch();
  });
})();
