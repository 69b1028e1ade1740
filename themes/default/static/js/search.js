// opsbook default theme: the offline search on /search/. It reads search-index.json (the article
// count and every term), then only the posting shards its query's terms hash to (search/p/N.json) and the
// title, URL and text of the results it shows (search/d/N.json, a few articles to a file). The Java
// side, SearchIndexFile and SearchTerms, writes those files; the term rules below must match
// SearchTerms. Results are built as DOM nodes with textContent: nothing from the index is ever
// parsed as HTML.
(function () {
  "use strict";

  var TITLE = 8, HEADING = 4, TAG = 2, BODY = 1;
  var SHOWN = 20;
  var MAX_EXPANSIONS = 12;
  var WORD = /[\p{L}\p{N}_]+/gu;

  function termsOf(text, stop) {
    var out = [];
    var parts = text.toLowerCase().split(/[^\p{L}\p{N}_]+/u);
    for (var i = 0; i < parts.length; i++) {
      var t = parts[i];
      if (t.length >= 2 && t.length <= 40 && !stop.has(t) && out.indexOf(t) < 0) {
        out.push(t);
      }
    }
    return out;
  }

  // SearchTerms.shard: a 31-multiplier hash over UTF-16 units in 32-bit arithmetic.
  function shardOf(term, shards) {
    var h = 0;
    for (var i = 0; i < term.length; i++) {
      h = (Math.imul(h, 31) + term.charCodeAt(i)) | 0;
    }
    return ((h % shards) + shards) % shards;
  }

  // Levenshtein distance, or max + 1 as soon as it must exceed max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) {
      return max + 1;
    }
    var previous = [];
    for (var j = 0; j <= b.length; j++) {
      previous.push(j);
    }
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(k - 1) ? 0 : 1;
        var d = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost);
        current.push(d);
        best = Math.min(best, d);
      }
      if (best > max) {
        return max + 1;
      }
      previous = current;
    }
    return previous[b.length];
  }

  // The index terms a query term stands for, each with how well it matches: the term itself,
  // longer terms it begins, and (from 4 letters) terms one typo away, two from 8 letters.
  function expand(term, vocabulary) {
    var out = [];
    var typos = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
    for (var i = 0; i < vocabulary.length; i++) {
      var v = vocabulary[i];
      if (v === term) {
        out.push({ term: v, quality: 1 });
      } else if (v.lastIndexOf(term, 0) === 0) {
        out.push({ term: v, quality: 0.7 * term.length / v.length + 0.1 });
      } else if (typos > 0) {
        var d = distance(term, v, typos);
        if (d <= typos) {
          out.push({ term: v, quality: d === 1 ? 0.5 : 0.3, typo: true });
        }
      }
    }
    // A word the index has is taken as meant: its near misses ("old" for "bold") would only add noise.
    if (out.some(function (e) { return e.quality === 1; })) {
      out = out.filter(function (e) { return !e.typo; });
    }
    out.sort(function (a, b) { return b.quality - a.quality || (a.term < b.term ? -1 : 1); });
    // Each expansion may cost a shard fetch: a short prefix keeps only its closest completions.
    return out.slice(0, MAX_EXPANSIONS);
  }

  function fieldScore(code) {
    var fields = code >> 4;
    var count = code & 15;
    var s = 0;
    if (fields & TITLE) { s += 10; }
    if (fields & HEADING) { s += 5; }
    if (fields & TAG) { s += 3; }
    if (fields & BODY) { s += 1 + Math.log(1 + count); }
    return s;
  }

  function Search(form) {
    this.base = form.getAttribute("data-base");
    this.indexUrl = form.getAttribute("data-index");
    this.shards = {};
    this.docs = {};
    this.index = null;
  }

  Search.prototype.load = function () {
    var self = this;
    return fetch(this.indexUrl).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (index) {
      self.index = index;
      self.stop = new Set(index.stop);
      return index;
    });
  };

  Search.prototype.json = function (cache, path) {
    if (!cache[path]) {
      cache[path] = fetch(this.base + path).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      });
    }
    return cache[path];
  };

  // Resolves to { hits: [{ id, score }], words: Set of index terms that matched }.
  Search.prototype.run = function (query) {
    var self = this;
    var index = this.index;
    var terms = termsOf(query, this.stop);
    var expansions = terms.map(function (t) { return expand(t, index.terms); });
    var needed = {};
    expansions.forEach(function (list) {
      list.forEach(function (e) { needed[shardOf(e.term, index.shards)] = true; });
    });
    var loads = Object.keys(needed).map(function (n) {
      return self.json(self.shards, "p/" + n + ".json");
    });
    return Promise.all(loads).then(function (loaded) {
      var postings = {};
      loaded.forEach(function (shard) {
        Object.keys(shard).forEach(function (t) { postings[t] = shard[t]; });
      });
      var total = index.count;
      var scores = null;
      var words = new Set();
      expansions.forEach(function (list) {
        var best = new Map();
        list.forEach(function (e) {
          var p = postings[e.term];
          if (!p) { return; }
          var idf = Math.log(1 + total / (p.length / 2));
          var id = 0;
          for (var i = 0; i < p.length; i += 2) {
            id += p[i];
            var s = e.quality * idf * fieldScore(p[i + 1]);
            if (!best.has(id) || best.get(id) < s) { best.set(id, s); }
          }
          words.add(e.term);
        });
        // Every query term must match something in an article.
        if (scores === null) {
          scores = best;
        } else {
          var next = new Map();
          best.forEach(function (s, id) {
            if (scores.has(id)) { next.set(id, scores.get(id) + s); }
          });
          scores = next;
        }
      });
      var hits = [];
      (scores || new Map()).forEach(function (s, id) { hits.push({ id: id, score: s }); });
      // Equal scores keep the articles' path order.
      hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      return { hits: hits, words: words, terms: terms };
    });
  };

  // The words of text, with those the query matched marked, as nodes appended to parent.
  function appendMarked(parent, text, words) {
    var last = 0;
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (words.has(m[0].toLowerCase())) {
        parent.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.textContent = m[0];
        parent.appendChild(mark);
        last = m.index + m[0].length;
      }
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function countMatches(text, words) {
    var n = 0;
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (words.has(m[0].toLowerCase())) { n++; }
    }
    return n;
  }

  function shorten(text) {
    if (text.length <= 200) {
      return text;
    }
    var cut = text.lastIndexOf(" ", 200);
    return text.slice(0, cut > 0 ? cut : 200) + " …";
  }

  // The section that matches most (its heading counting double) and about 200 characters of its
  // text around the first match, cut at word boundaries.
  function excerpt(doc, words) {
    var best = null;
    var bestScore = 0;
    for (var i = 0; i < doc.x.length; i++) {
      var s = doc.x[i];
      var score = 2 * countMatches(s[1], words) + countMatches(s[2], words);
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    if (best === null) {
      // A match in the title, tags or snippets only: the summary, or else the article's opening.
      var lead = doc.s;
      for (var j = 0; !lead && j < doc.x.length; j++) {
        lead = doc.x[j][2];
      }
      return { anchor: "", text: shorten(lead || "") };
    }
    var text = best[2];
    var first = -1;
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (words.has(m[0].toLowerCase())) {
        first = m.index;
        break;
      }
    }
    if (first < 0) {
      return { anchor: best[0], heading: best[1], text: shorten(text) };
    }
    var start = Math.max(0, first - 60);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space >= 0 && space < first ? space + 1 : start;
    }
    var end = Math.min(text.length, start + 200);
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      end = cut > first ? cut : end;
    }
    return {
      anchor: best[0],
      heading: best[1],
      text: (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "")
    };
  }

  function setUp() {
    var form = document.querySelector(".search-form");
    if (!form) {
      return;
    }
    var input = document.getElementById("search-input");
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    var search = new Search(form);
    var latest = 0;
    var pending = 0;

    function render(query) {
      var ticket = ++latest;
      if (termsOf(query, search.stop).length === 0) {
        results.textContent = "";
        status.textContent = search.index.count + " articles indexed.";
        return;
      }
      search.run(query).then(function (found) {
        if (ticket !== latest) {
          return;
        }
        results.textContent = "";
        var hits = found.hits;
        status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for “" + query + "”"
          + (hits.length > SHOWN ? ", the best " + SHOWN + " shown." : ".");
        hits.slice(0, SHOWN).forEach(function (hit) {
          var li = document.createElement("li");
          li.className = "article-item search-result";
          var h = document.createElement("h2");
          h.className = "article-title";
          var a = document.createElement("a");
          a.textContent = "…";
          h.appendChild(a);
          li.appendChild(h);
          var where = document.createElement("p");
          where.className = "search-section";
          var p = document.createElement("p");
          p.className = "summary search-excerpt";
          li.appendChild(where);
          li.appendChild(p);
          results.appendChild(li);
          var per = search.index.docs;
          search.json(search.docs, "d/" + Math.floor(hit.id / per) + ".json").then(function (docs) {
            if (ticket !== latest) {
              return;
            }
            var doc = docs[hit.id % per];
            var e = excerpt(doc, found.words);
            a.textContent = "";
            appendMarked(a, doc.t, found.words);
            a.href = doc.u;
            if (e.anchor) {
              a.href = doc.u + "#" + encodeURIComponent(e.anchor);
              appendMarked(where, "§ " + e.heading, found.words);
            } else {
              where.remove();
            }
            appendMarked(p, e.text, found.words);
            li.setAttribute("data-excerpt", "shown");
          }, function () {
            where.remove();
            a.textContent = "This result could not be loaded.";
            li.setAttribute("data-excerpt", "missing");
          });
        });
      }, function () {
        status.textContent = "Part of the search index could not be loaded. Try again, or browse the archive.";
      });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    status.textContent = "Loading the search index…";
    search.load().then(function () {
      var q = new URLSearchParams(window.location.search).get("q") || "";
      input.value = q;
      render(q);
      input.addEventListener("input", function () {
        var url = new URL(window.location.href);
        if (input.value) {
          url.searchParams.set("q", input.value);
        } else {
          url.searchParams.delete("q");
        }
        window.history.replaceState(null, "", url.toString());
        // Wait for a pause in typing, so each keystroke does not fetch shards of its own.
        clearTimeout(pending);
        pending = setTimeout(function () { render(input.value); }, 120);
      });
    }, function () {
      status.textContent = "The search index could not be loaded. Open the site through a web server, or browse the archive.";
    });
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
