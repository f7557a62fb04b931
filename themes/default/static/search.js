// Client-side search over the indexes that oogst ships as scripts
// (window.OOGST_SEARCH), so it also works from a folder on disk (file://).
// The index maps every word to its Snowball stem; a query word that is not
// in it is matched to the longest stem it starts with.
(function () {
  "use strict";
  var indexes = window.OOGST_SEARCH || [];
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !list) return;
  var root = (document.body.getAttribute("data-root") || "");
  var fileMode = location.protocol === "file:";
  var FOLD = { "ĳ": "i", "ß": "s", "æ": "a", "œ": "o", "ø": "o", "ł": "l" };

  // One character for one, so positions in folded text match the original.
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i].toLowerCase();
      c = FOLD[c] || c.normalize("NFD").replace(/[\u0300-\u036f]/g, "")[0] || c;
      out += c;
    }
    return out;
  }

  function words(query) {
    return fold(query).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 1; });
  }

  function stemsFor(word, index) {
    if (index.words[word]) return [index.words[word]];
    if (index.terms[word]) return [word];
    var best = null;
    for (var stem in index.terms) {
      if (stem.length >= 3 && word.indexOf(stem) === 0 && word.length - stem.length <= 4 &&
          (!best || stem.length > best.length)) best = stem;
    }
    if (best) return [best];
    var prefixed = [];
    for (var s in index.terms) if (s.indexOf(word) === 0) prefixed.push(s);
    return prefixed.slice(0, 30);
  }

  function search(query) {
    var qwords = words(query);
    var results = [];
    if (!qwords.length) return results;
    indexes.forEach(function (index) {
      var scores = null;
      qwords.forEach(function (word) {
        var found = {};
        stemsFor(word, index).forEach(function (stem) {
          var postings = index.terms[stem] || [];
          for (var i = 0; i < postings.length; i += 2) {
            found[postings[i]] = (found[postings[i]] || 0) + postings[i + 1];
          }
        });
        if (scores === null) { scores = found; return; }
        var both = {};
        for (var d in scores) if (found[d]) both[d] = scores[d] + found[d];
        scores = both;
      });
      for (var doc in scores || {}) {
        results.push({ index: index, doc: index.docs[doc], score: scores[doc], words: qwords });
      }
    });
    results.sort(function (a, b) { return b.score - a.score; });
    return results;
  }

  function escape(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function snippet(text, qwords) {
    var folded = fold(text);
    var at = -1, length = 0;
    qwords.forEach(function (w) {
      var stem = w.length > 5 ? w.slice(0, w.length - 2) : w;
      var i = folded.search(new RegExp("(^|[^a-z0-9])" + stem.replace(/[^a-z0-9]/g, "")));
      if (i >= 0 && (at < 0 || i < at)) {
        at = i + (/[a-z0-9]/.test(folded[i]) ? 0 : 1);
        var end = at;
        while (end < folded.length && /[a-z0-9]/.test(folded[end])) end++;
        length = end - at;
      }
    });
    if (at < 0) return escape(text.slice(0, 160)) + (text.length > 160 ? "…" : "");
    var start = Math.max(0, at - 70);
    var stop = Math.min(text.length, at + length + 90);
    return (start > 0 ? "…" : "") + escape(text.slice(start, at)) + "<mark>" +
      escape(text.slice(at, at + length)) + "</mark>" + escape(text.slice(at + length, stop)) +
      (stop < text.length ? "…" : "");
  }

  function href(url) {
    return root + url + (fileMode && /\/$/.test(url) ? "index.html" : "");
  }

  function show(query) {
    var results = search(query);
    list.innerHTML = results.slice(0, 50).map(function (r) {
      return '<li><a href="' + escape(href(r.doc[0])) + '">' + escape(r.doc[1]) + "</a> " +
        '<span class="meta">' + escape(r.doc[2]) + " · " + escape(r.index.network) + "</span>" +
        "<p>" + snippet(r.doc[3], r.words) + "</p></li>";
    }).join("");
    if (status) {
      var word = status.getAttribute(results.length === 1 ? "data-count-one" : "data-count");
      status.textContent = query ? (results.length ? results.length + " " + word
        : status.getAttribute("data-none")) : "";
    }
  }

  var params = new URLSearchParams(location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  if (initial) show(initial);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    if (history.replaceState && !fileMode) history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
  });
  input.addEventListener("input", function () { show(input.value); });
})();
