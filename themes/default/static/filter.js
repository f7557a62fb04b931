// Instant, combined filtering of the practice catalogue. Progressive
// enhancement: without JavaScript the facet links lead to static pages.
(function () {
  "use strict";
  var nav = document.querySelector(".facets");
  var list = document.querySelector(".results-list .page-list");
  if (!nav || !list || document.querySelector(".facets [aria-current]")) return;
  var items = Array.prototype.slice.call(list.children);
  var count = document.getElementById("result-count");
  var words = count && count.querySelector("[data-one]");
  var chosen = {};
  function matches(item) {
    return Object.keys(chosen).every(function (facet) {
      var keys = (item.getAttribute("data-" + facet) || "").split(" ");
      return keys.indexOf(chosen[facet]) !== -1;
    });
  }
  function update() {
    var shown = 0;
    items.forEach(function (item) {
      var show = matches(item);
      item.hidden = !show;
      if (show) shown += 1;
    });
    if (words) {
      words.textContent = shown + " " + words.getAttribute(shown === 1 ? "data-one" : "data-many");
    }
  }
  nav.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-key]");
    if (!link) return;
    event.preventDefault();
    var facet = link.closest("[data-facet]").getAttribute("data-facet");
    var key = link.getAttribute("data-key");
    var on = chosen[facet] !== key;
    nav.querySelectorAll('[data-facet="' + facet + '"] a[data-key]').forEach(function (a) {
      a.removeAttribute("aria-pressed");
    });
    if (on) {
      chosen[facet] = key;
      link.setAttribute("aria-pressed", "true");
    } else {
      delete chosen[facet];
    }
    update();
  });
})();
