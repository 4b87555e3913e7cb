/* Combined timeline: filter events by source, category and disputed dates.
   Plain script, no server: it works opened from disk (file://) and across Material's
   instant navigation (listeners are delegated on document; each new page is set up through
   document$ when Material provides it). Without JavaScript the filters stay hidden and every
   event is shown. */
(function () {
  "use strict";
  if (window.__arTimeline) return;
  window.__arTimeline = true;

  function timeline() { return document.querySelector("[data-ar-timeline]"); }

  function control(root, name) { return root.querySelector('[data-ar-tl-filter="' + name + '"]'); }

  function apply(root) {
    var source = control(root, "source"), category = control(root, "category");
    var disputed = control(root, "disputed");
    var wantSource = source ? source.value : "", wantCategory = category ? category.value : "";
    var onlyDisputed = !!(disputed && disputed.checked);
    var events = root.querySelectorAll(".ar-tl-event"), shown = 0;
    for (var i = 0; i < events.length; i++) {
      var ev = events[i];
      var sources = " " + (ev.getAttribute("data-sources") || "") + " ";
      var ok = (!wantSource || sources.indexOf(" " + wantSource + " ") >= 0) &&
        (!wantCategory || ev.getAttribute("data-category") === wantCategory) &&
        (!onlyDisputed || ev.hasAttribute("data-disputed"));
      ev.hidden = !ok;
      if (ok) shown++;
    }
    /* The drawing shows what the list shows: an event filtered out loses its marks. */
    var drawn = root.querySelectorAll(".ar-tlc [data-event], .ar-tlc [data-join]");
    for (var j = 0; j < drawn.length; j++) {
      var id = drawn[j].getAttribute("data-event") || drawn[j].getAttribute("data-join");
      var entry = document.getElementById(id);
      drawn[j].classList.toggle("ar-tlc-off", !!(entry && entry.hidden));
    }
    var count = root.querySelector(".ar-tl-count");
    if (count) {
      count.textContent = shown === events.length
        ? "Showing all " + events.length + " events."
        : "Showing " + shown + " of " + events.length + " events.";
    }
    var empty = root.querySelector(".ar-tl-empty");
    if (empty) empty.hidden = shown > 0;
  }

  function reset(root) {
    var form = root.querySelector("[data-ar-tl-filters]");
    if (form) form.reset();
    apply(root);
  }

  /* An address such as timeline/#event-id must show its event even when filtered out. */
  function revealHash(root) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (target && root.contains(target) && target.closest(".ar-tl-event[hidden]")) {
      reset(root);
      target.scrollIntoView();
    }
  }

  function onPage() {
    var root = timeline();
    if (!root) return;
    var form = root.querySelector("[data-ar-tl-filters]");
    if (form) form.hidden = false;
    apply(root);
    revealHash(root);
  }

  /* Hovering or focusing a mark says its passage in words under the drawing (a tooltip
     shows only on hover, and never to the keyboard). */
  function say(e) {
    var mark = e.target && e.target.closest && e.target.closest(".ar-tlc-mark");
    var root = timeline();
    if (!mark || !root) return;
    var out = root.querySelector(".ar-tlc-focus"), title = mark.querySelector("title");
    if (out && title) out.textContent = title.textContent;
  }
  document.addEventListener("focusin", say);
  document.addEventListener("mouseover", say);

  document.addEventListener("change", function (e) {
    var root = timeline();
    if (root && e.target && e.target.closest && e.target.closest("[data-ar-tl-filters]")) apply(root);
  });
  document.addEventListener("reset", function (e) {
    var root = timeline();
    /* The form's reset event fires before its controls are reset. */
    if (root && e.target && e.target.matches && e.target.matches("[data-ar-tl-filters]")) {
      setTimeout(function () { apply(root); }, 0);
    }
  });
  document.addEventListener("click", function (e) {
    var root = timeline();
    if (root && e.target && e.target.closest && e.target.closest("[data-ar-tl-reset]")) reset(root);
  });
  document.addEventListener("submit", function (e) {
    if (e.target && e.target.matches && e.target.matches("[data-ar-tl-filters]")) e.preventDefault();
  });
  window.addEventListener("hashchange", function () {
    var root = timeline();
    if (root) revealHash(root);
  });

  /* Set-up is idempotent, so run it on both signals: Material's document$ for instant
     navigation, and the page's own load, because under file:// Material completes document$
     without ever emitting (instant navigation is off there). */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
