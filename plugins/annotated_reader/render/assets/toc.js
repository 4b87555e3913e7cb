/* A source's section (#sec-2) opened from "On this page" lands where the theme put it.
   Material's instant navigation treats a jump to an anchor as a visit: it sets the page up
   again and scrolls to the heading; then margin.js lays the text out for its margin and the
   page's fonts arrive, each of which can move the heading down by a line or two, so it would
   sit below where the theme counts it as reached and the entry above it would stay marked.
   So the heading is held at the top while the page settles — each time the text's box
   changes size — until the reader scrolls, clicks or types, or for a few seconds at most
   (a fixed two-frame wait lost that race on a loaded machine). Notes' own addresses are
   reader.js's. */
(function () {
  "use strict";
  if (window.__arToc) return;
  window.__arToc = true;

  var HOLD_MS = 5000;
  var INPUTS = ["wheel", "touchstart", "mousedown", "keydown"];
  var release = null;

  function section() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    return el && el.matches(".ar-text h2[id]") ? el : null;
  }

  function settle() {
    if (release) release();
    var el = section();
    if (!el) return;
    var frame = 0, observer = null, timer;
    function put() {
      cancelAnimationFrame(frame);
      // Two frames: after the layout that the change asked for.
      frame = requestAnimationFrame(function () {
        frame = requestAnimationFrame(function () {
          var now = section();
          if (now) now.scrollIntoView({ block: "start" });
        });
      });
    }
    function stop() {
      if (release !== stop) return;
      release = null;
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      if (observer) observer.disconnect();
      INPUTS.forEach(function (t) { window.removeEventListener(t, stop, true); });
    }
    release = stop;
    put();
    if (window.ResizeObserver) {
      observer = new ResizeObserver(put);
      observer.observe(el.closest(".ar-text"));
      var article = el.closest("article");
      if (article) observer.observe(article);
    }
    INPUTS.forEach(function (t) { window.addEventListener(t, stop, { capture: true, passive: true }); });
    timer = setTimeout(stop, HOLD_MS);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(settle);
  }
  window.addEventListener("hashchange", settle);
})();
