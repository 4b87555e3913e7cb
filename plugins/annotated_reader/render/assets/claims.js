/* Claims page: filter the claims by verdict and by source.
   Plain script, no server: it works opened from disk (file://) and across Material's
   instant navigation (listeners are delegated on document; each new page is set up through
   document$ when Material provides it). Without JavaScript the filters stay hidden and every
   claim is shown. */
(function () {
  "use strict";
  if (window.__arClaims) return;
  window.__arClaims = true;

  function page() { return document.querySelector("[data-ar-claims]"); }

  function control(root, name) { return root.querySelector('[data-ar-cl-filter="' + name + '"]'); }

  function has(list, word) { return (" " + (list || "") + " ").indexOf(" " + word + " ") >= 0; }

  function apply(root) {
    var verdict = control(root, "verdict"), source = control(root, "source");
    var wantVerdict = verdict ? verdict.value : "", wantSource = source ? source.value : "";
    var claims = root.querySelectorAll(".ar-cl-claim"), shown = 0;
    for (var i = 0; i < claims.length; i++) {
      var claim = claims[i];
      var ok = (!wantVerdict || has(claim.getAttribute("data-verdicts"), wantVerdict)) &&
        (!wantSource || has(claim.getAttribute("data-sources"), wantSource));
      claim.hidden = !ok;
      if (ok) shown++;
    }
    var count = root.querySelector(".ar-cl-count");
    if (count) {
      count.textContent = shown === claims.length
        ? "Showing all " + claims.length + " claims."
        : "Showing " + shown + " of " + claims.length + " claims.";
    }
    var empty = root.querySelector(".ar-cl-empty");
    if (empty) empty.hidden = shown > 0;
  }

  function reset(root) {
    var form = root.querySelector("[data-ar-cl-filters]");
    if (form) form.reset();
    apply(root);
  }

  /* An address such as claims/#claim-id must show its claim even when filtered out. */
  function revealHash(root) {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && root.contains(target) && target.closest(".ar-cl-claim[hidden]")) {
      reset(root);
      target.scrollIntoView();
    }
  }

  function onPage() {
    var root = page();
    if (!root) return;
    var form = root.querySelector("[data-ar-cl-filters]");
    if (form) form.hidden = false;
    apply(root);
    revealHash(root);
  }

  document.addEventListener("change", function (e) {
    var root = page();
    if (root && e.target && e.target.closest && e.target.closest("[data-ar-cl-filters]")) apply(root);
  });
  document.addEventListener("reset", function (e) {
    var root = page();
    /* The form's reset event fires before its controls are reset. */
    if (root && e.target && e.target.matches && e.target.matches("[data-ar-cl-filters]")) {
      setTimeout(function () { apply(root); }, 0);
    }
  });
  document.addEventListener("click", function (e) {
    var root = page();
    if (root && e.target && e.target.closest && e.target.closest("[data-ar-cl-reset]")) reset(root);
  });
  document.addEventListener("submit", function (e) {
    if (e.target && e.target.matches && e.target.matches("[data-ar-cl-filters]")) e.preventDefault();
  });
  window.addEventListener("hashchange", function () {
    var root = page();
    if (root) revealHash(root);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
