// opsbook default theme: copy buttons for snippets and the offline search. No external requests.
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

  function setUpCopyButtons() {
    if (!navigator.clipboard) {
      return;
    }
    var buttons = document.querySelectorAll(".snippet .copy-button");
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      button.hidden = false;
      button.addEventListener("click", function (event) {
        var b = event.currentTarget;
        var figure = b.closest(".snippet");
        navigator.clipboard.writeText(snippetText(figure)).then(function () {
          b.textContent = "Copied";
          setTimeout(function () { b.textContent = "Copy"; }, 1500);
        }, function () {
          b.textContent = "Copy failed";
        });
      });
    }
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
    setUpSearch();
  });
})();
