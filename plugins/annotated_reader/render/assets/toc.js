/* A source's section (#sec-2) opened from "On this page" lands where the theme put it.
   Material's instant navigation treats a jump to an anchor as a visit: it sets the page up
   again and scrolls to the heading, and margin.js then lays the text out for its margin,
   which moves the heading down by a line or two; the heading would sit below where the
   theme counts it as reached, and the entry above it would stay marked. So once the page is
   laid out (two frames later), the heading is brought back to the top. Notes' own addresses
   are reader.js's. */
(function () {
  "use strict";
  if (window.__arToc) return;
  window.__arToc = true;

  function section() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    return el && el.matches(".ar-text h2[id]") ? el : null;
  }

  function settle() {
    if (!section()) return;
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        var el = section();
        if (el) el.scrollIntoView({ block: "start" });
      });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(settle);
  }
  window.addEventListener("hashchange", settle);
})();
