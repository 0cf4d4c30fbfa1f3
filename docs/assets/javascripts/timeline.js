/*
 * Narrows the Timeline page's list by theme and outlet. Without JavaScript the form stays hidden
 * and the full list shows; with it, the form appears, and each change hides the items (and the
 * year groups left empty) that do not match, and says how many show. Runs on every page Material
 * shows (document$) and does nothing where there is no filter.
 */
(function () {
  "use strict";

  function setUp() {
    var form = document.querySelector("form.timeline__filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    var theme = form.querySelector("#timeline-theme");
    var outlet = form.querySelector("#timeline-outlet");
    var count = form.querySelector(".timeline__count");
    var items = Array.prototype.slice.call(document.querySelectorAll(".timeline__list li"));

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var themes = (item.getAttribute("data-themes") || "").split(" ");
        var match = (!theme.value || themes.indexOf(theme.value) >= 0) &&
          (!outlet.value || item.getAttribute("data-outlet") === outlet.value);
        item.hidden = !match;
        if (match) shown += 1;
      });
      document.querySelectorAll(".timeline__group").forEach(function (group) {
        group.hidden = !group.querySelector("li:not([hidden])");
      });
      var noun = shown === 1 ? " article" : " articles";
      count.textContent = (theme.value || outlet.value)
        ? "Showing " + shown + noun + " of " + items.length + "."
        : "Showing all " + items.length + (items.length === 1 ? " article." : " articles.");
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  if (window.document$) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", function () {
      if (window.document$) window.document$.subscribe(setUp);
      else setUp();
    });
  }
})();
