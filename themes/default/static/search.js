// Client-side search over the indexes that oogst ships as scripts
// (window.OOGST_SEARCH), so it also works from a folder on disk (file://).
// The index maps every word to its Snowball stem. Results are ranked by
// relevance over all networks together (see `search`); a query word that
// no index knows is matched to the longest stem it starts with.
(function () {
  "use strict";
  var indexes = window.OOGST_SEARCH || [];
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

  // The stem a network's index knows for `word`, or none.
  function exactStem(word, index) {
    if (index.words[word]) return index.words[word];
    if (index.terms[word]) return word;
    return null;
  }

  // For a word no index knows: the longest stem it starts with (a longer
  // form of a known word), else the stems that start with it (typing).
  function nearStems(word, index) {
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

  // Relevance over all networks at once: a word counts by how rare it is
  // among all pages (idf) and how strongly each page has it (its weight,
  // which already favours titles and headings, saturated). A word that
  // some network knows matches only that word: no network falls back to a
  // shorter stem ("werkdruk" never matches "werken").
  function search(query) {
    var qwords = words(query);
    if (!qwords.length) return [];
    var total = 0;
    indexes.forEach(function (index) { total += index.docs.length; });
    var perIndex = indexes.map(function () { return {}; });
    var first = true;
    qwords.forEach(function (word) {
      var known = indexes.some(function (index) { return exactStem(word, index) !== null; });
      var found = indexes.map(function (index) {
        var stems = known ? [exactStem(word, index)].filter(Boolean) : nearStems(word, index);
        var weights = {};
        stems.forEach(function (stem) {
          var postings = index.terms[stem] || [];
          for (var i = 0; i < postings.length; i += 2) {
            weights[postings[i]] = (weights[postings[i]] || 0) + postings[i + 1];
          }
        });
        return weights;
      });
      var df = 0;
      found.forEach(function (weights) { df += Object.keys(weights).length; });
      var idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
      found.forEach(function (weights, n) {
        var scores = perIndex[n];
        var next = {};
        for (var doc in weights) {
          if (!first && !(doc in scores)) continue;
          var w = weights[doc];
          next[doc] = (first ? 0 : scores[doc]) + idf * (w * 2.2) / (w + 1.2);
        }
        perIndex[n] = next;
      });
      first = false;
    });
    var results = [];
    indexes.forEach(function (index, n) {
      for (var doc in perIndex[n]) {
        results.push({ index: index, doc: index.docs[doc], score: perIndex[n][doc], words: qwords });
      }
    });
    results.sort(function (a, b) {
      return b.score - a.score || (a.doc[1] < b.doc[1] ? -1 : a.doc[1] > b.doc[1] ? 1 : 0);
    });
    return results;
  }

  function escape(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  // Where each query word (or its stem) starts a word of `text`: [start, end]
  // of the whole word, in order.
  function matches(text, qwords) {
    var folded = fold(text);
    var found = [];
    qwords.forEach(function (w) {
      var stem = (w.length > 5 ? w.slice(0, w.length - 2) : w).replace(/[^a-z0-9]/g, "");
      if (!stem) return;
      var re = new RegExp("(^|[^a-z0-9])(" + stem + ")", "g");
      var m;
      while ((m = re.exec(folded)) !== null) {
        var at = m.index + m[1].length;
        var end = at;
        while (end < folded.length && /[a-z0-9]/.test(folded[end])) end++;
        found.push([at, end]);
      }
    });
    return found.sort(function (a, b) { return a[0] - b[0]; });
  }

  // About 160 characters around the first match, cut between words, with
  // every match in it marked.
  function snippet(text, qwords) {
    var found = matches(text, qwords);
    var first = found.length ? found[0][0] : 0;
    var start = Math.max(0, first - 60);
    var stop = Math.min(text.length, start + 160);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space >= 0 && space < first ? space + 1 : start;
    }
    if (stop < text.length) {
      var last = text.lastIndexOf(" ", stop);
      var lastMatch = found.length ? found[0][1] : 0;
      stop = last > lastMatch ? last : stop;
    }
    var out = start > 0 ? "…" : "";
    var at = start;
    found.forEach(function (m) {
      if (m[0] < at || m[1] > stop) return;
      out += escape(text.slice(at, m[0])) + "<mark>" + escape(text.slice(m[0], m[1])) + "</mark>";
      at = m[1];
    });
    return out + escape(text.slice(at, stop)) + (stop < text.length ? "…" : "");
  }

  // For the judged-query tests, which run this file in Node.
  if (typeof module !== "undefined" && module.exports) {
    module.exports = { search: search, snippet: snippet, words: words };
  }

  if (typeof document === "undefined") return;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !list) return;
  var root = (document.body.getAttribute("data-root") || "");
  var fileMode = location.protocol === "file:";

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
