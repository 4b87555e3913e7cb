/* The note map (render/notemap.py): with scripts, each mark stands at its passage's place in
 * the text as laid out (pushed apart where marks would overlap) on a strip that stays on
 * screen, with the part of the text in view shaded; marks of the kinds the reader filtered
 * out are hidden; the strip is one tab stop whose marks the arrow keys move through; and a
 * mark opens its note as a click on its number does, in whatever mode margin.js is in.
 *
 * Without this script the marks are links to the passages, placed by their share of the text.
 */
(function () {
  "use strict";
  if (window.__annotatedReaderNoteMap) return;
  window.__annotatedReaderNoteMap = true;

  var GAP = 1; // px between two marks pushed apart

  function strip() { return document.querySelector(".ar-text > .ar-notemap"); }

  function marks(map) { return Array.prototype.slice.call(map.querySelectorAll("a.ar-nm-mark")); }

  function shown(map) { return marks(map).filter(function (a) { return !a.parentNode.hidden; }); }

  /* Marks of a kind whose box in margin.js's filter is unticked are hidden. */
  function filter(map) {
    marks(map).forEach(function (a) {
      var box = document.getElementById("ar-show-" + a.getAttribute("data-kind"));
      var hide = !!box && !box.checked;
      // Written only where it changes: the page opens with every kind shown.
      if (a.parentNode.hidden !== hide) a.parentNode.hidden = hide;
    });
  }

  /* Each mark at its passage's share of the text as laid out (notes listed under their
   * paragraphs lengthen it), pushed apart where marks would overlap, as far as the strip has
   * room. Every position is read, then every mark written, so the page is laid out once. */
  function align(map) {
    var list = shown(map), n = list.length, i;
    var text = map.parentNode.getBoundingClientRect();
    var strip = map.querySelector(".ar-nm-list").clientHeight;
    var targets = new Array(n), size = n ? list[0].parentNode.offsetHeight : 0;
    var room = Math.max(0, strip - size);
    for (i = 0; i < n; i++) {
      var passage = document.getElementById(list[i].getAttribute("data-note"));
      var share = passage && text.height > 0
        ? (passage.getBoundingClientRect().top - text.top) / text.height
        : parseFloat(list[i].getAttribute("data-pos")) || 0;
      targets[i] = Math.min(1, Math.max(0, share)) * room;
    }
    // Down from the top, then back up from the bottom, a step apart (closer when crowded).
    var step = n > 1 ? Math.min(size + GAP, room / (n - 1)) : 0, pos = new Array(n);
    for (i = 0; i < n; i++) pos[i] = i ? Math.max(targets[i], pos[i - 1] + step) : targets[i];
    for (i = n - 1; i >= 0; i--) pos[i] = Math.min(pos[i], i === n - 1 ? room : pos[i + 1] - step);
    for (i = 0; i < n; i++) list[i].parentNode.style.top = pos[i].toFixed(1) + "px";
    view(map);
  }

  /* The part of the text on screen, drawn on the strip. */
  function view(map) {
    var box = map.querySelector(".ar-nm-view");
    if (!box) {
      box = document.createElement("div");
      box.className = "ar-nm-view";
      box.setAttribute("aria-hidden", "true");
      map.querySelector(".ar-nm-list").insertBefore(box, map.querySelector(".ar-nm-item"));
    }
    var text = map.parentNode.getBoundingClientRect(), strip = map.querySelector(".ar-nm-list").clientHeight;
    var top = Math.max(0, -text.top), bottom = Math.min(text.height, window.innerHeight - text.top);
    var shown = text.height > 0 && bottom > top;
    box.hidden = !shown;
    if (!shown) return;
    box.style.top = (top / text.height * strip).toFixed(1) + "px";
    box.style.height = ((bottom - top) / text.height * strip).toFixed(1) + "px";
  }

  /* One tab stop: the current mark (the last one used, else the first shown). */
  function roving(map, current) {
    var list = shown(map);
    if (!current || list.indexOf(current) < 0) {
      current = list.filter(function (a) { return a.getAttribute("tabindex") === "0"; })[0] || list[0];
    }
    marks(map).forEach(function (a) {
      var stop = a === current ? "0" : "-1";
      if (a.getAttribute("tabindex") !== stop) a.setAttribute("tabindex", stop);
      a.classList.toggle("ar-nm-current", a === current && map.hasAttribute("data-ar-used"));
    });
  }

  /* Open the note as a click on its number does, in whatever mode margin.js is in (reader.js
   * answers it: a card lit beside the passage, opened and focused when asked by keyboard; a
   * popover, or a bottom sheet on a phone; the note lit under its paragraph), with the
   * passage scrolled to the middle of the screen first. The address names the note. */
  function openNote(a) {
    var map = strip(), id = a.getAttribute("data-note");
    map.setAttribute("data-ar-used", "");
    roving(map, a);
    history.replaceState(history.state, "", "#" + encodeURIComponent(id));
    var passage = document.getElementById(id), ref = document.getElementById("ref-" + id);
    if (passage) passage.scrollIntoView({ block: "center", behavior: "instant" });
    if (ref) ref.click();
    else window.dispatchEvent(new HashChangeEvent("hashchange"));
  }

  // Capturing, so that the theme's instant navigation never takes the click for its own,
  // and before reader.js, which closes its popover on a click outside a note.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.ar-nm-mark");
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    openNote(a);
  }, true);

  var STEPS = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
  document.addEventListener("keydown", function (e) {
    var a = e.target.closest && e.target.closest("a.ar-nm-mark");
    if (!a || e.altKey || e.ctrlKey || e.metaKey) return;
    var list = shown(strip()), i = list.indexOf(a), next = null;
    if (e.key in STEPS) next = list[Math.min(list.length - 1, Math.max(0, i + STEPS[e.key]))];
    else if (e.key === "Home") next = list[0];
    else if (e.key === "End") next = list[list.length - 1];
    if (!next) return;
    e.preventDefault(); // the arrows move between marks, not the page
    roving(strip(), next);
    next.focus();
  });

  // margin.js announces each change of the reader's choice (mode, kinds shown) and each
  // relayout of the text (a page shown, by a load or instant navigation; a resize; fonts
  // arriving): the map follows.
  // The kinds shown follow at once; the marks are placed in the next frame (before it is
  // painted), not in the task that announced the change: placing reads the text's layout, and
  // the page's opening task (margin.js's first cards) stays short.
  var pending = false;
  document.addEventListener("annotated-reader:notes", function () {
    var map = strip();
    if (!map) return;
    filter(map);
    roving(map);
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; var m = strip(); if (m) align(m); });
  });
  var scrolled = false;
  window.addEventListener("scroll", function () {
    if (scrolled) return;
    scrolled = true;
    requestAnimationFrame(function () { scrolled = false; var map = strip(); if (map) view(map); });
  }, { passive: true });
})();
