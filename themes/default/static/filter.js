// The practice catalogue's filters, enhanced. Without JavaScript the radio
// buttons already filter (the page's <style> hides what does not match);
// this adds what CSS cannot: the selection in the URL (shareable, Back
// works), counts that follow the selection, a message when nothing matches,
// and the filters folded away on a phone.
(function () {
  "use strict";
  var catalogue = document.querySelector(".catalogue");
  var form = catalogue && catalogue.querySelector("form.facets");
  if (!form) return;
  catalogue.classList.add("js-filter");
  var items = Array.prototype.slice.call(catalogue.querySelectorAll(".page-list > li"));
  var radios = Array.prototype.slice.call(form.querySelectorAll("input[type=radio]"));
  var facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), function (f) {
    return f.getAttribute("data-facet");
  });
  var count = document.getElementById("result-count");
  var none = catalogue.querySelector(".no-results");
  var clear = catalogue.querySelector(".clear-filters");

  function chosen() {
    var c = {};
    radios.forEach(function (r) {
      if (r.checked && r.value) c[r.name] = r.value;
    });
    return c;
  }
  function has(item, facet, key) {
    return (item.getAttribute("data-" + facet) || "").split(" ").indexOf(key) !== -1;
  }
  function matches(item, c, except) {
    return Object.keys(c).every(function (f) {
      return f === except || has(item, f, c[f]);
    });
  }
  function update() {
    var c = chosen();
    var shown = items.filter(function (i) { return matches(i, c); }).length;
    count.textContent = shown + " " + count.getAttribute(shown === 1 ? "data-one" : "data-many");
    none.hidden = shown !== 0;
    // Each value counts what the list would show if it were chosen.
    radios.forEach(function (r) {
      var n = items.filter(function (i) {
        return matches(i, c, r.name) && (!r.value || has(i, r.name, r.value));
      }).length;
      var span = r.parentNode.querySelector("[data-count]");
      if (span) span.textContent = n;
      r.parentNode.classList.toggle("empty", n === 0);
    });
  }
  function select(c) {
    radios.forEach(function (r) {
      r.checked = (c[r.name] || "") === r.value;
    });
  }
  function fromUrl() {
    var params = new URLSearchParams(location.search);
    var c = {};
    var any = false;
    facets.forEach(function (f) {
      if (params.has(f)) {
        any = true;
        c[f] = params.get(f);
      }
    });
    if (any) select(c);
    else form.reset();
  }
  function remember() {
    var c = chosen();
    var query = Object.keys(c).map(function (f) {
      return encodeURIComponent(f) + "=" + encodeURIComponent(c[f]);
    }).join("&");
    var url = form.action + (query ? "?" + query : "");
    try {
      history.pushState(null, "", url);
    } catch (e) {
      // A page opened from disk may not change its path: keep the query.
      history.pushState(null, "", "?" + query);
    }
  }

  form.addEventListener("change", function () {
    remember();
    update();
  });
  clear.addEventListener("click", function (event) {
    event.preventDefault();
    select({});
    remember();
    update();
  });
  window.addEventListener("popstate", function () {
    fromUrl();
    update();
  });
  if (window.matchMedia("(max-width: 48rem)").matches) {
    form.querySelector(".facets-toggle").open = false;
  }
  if (location.search) fromUrl();
  update();
})();
