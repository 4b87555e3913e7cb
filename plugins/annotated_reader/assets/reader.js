/* Annotated reader: notes and term previews in a popover, by mouse, touch and keyboard.
 *
 * Without this script every note is a numbered item after its block and every number a
 * plain link to it. Listeners are delegated on the document once, so they survive
 * Material's instant navigation, which swaps the page body without reloading scripts.
 */
(function () {
  "use strict";
  if (window.__annotatedReader) return;
  window.__annotatedReader = true;

  var pop = null;          // the popover element
  var owner = null;        // element that opened it (focus returns here)
  var pinned = false;      // opened by click/keyboard: stays until closed
  var hoverTimer = null;

  function popover() {
    if (pop && document.body.contains(pop)) return pop;
    pop = document.createElement("div");
    pop.className = "ar-popover";
    pop.id = "ar-popover";
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-modal", "false");
    pop.setAttribute("tabindex", "-1");
    pop.hidden = true;
    pop.addEventListener("mouseenter", function () { clearTimeout(hoverTimer); });
    pop.addEventListener("mouseleave", function () { if (!pinned) scheduleClose(); });
    document.body.appendChild(pop);
    return pop;
  }

  function noteFor(id) { return document.getElementById("note-" + id); }

  function fill(el, source, label) {
    el.innerHTML = "";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "ar-popover-close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "×";
    close.addEventListener("click", function () { closePopover(true); });
    var body = document.createElement("div");
    body.className = "ar-popover-body";
    Array.prototype.forEach.call(source.childNodes, function (n) {
      body.appendChild(n.cloneNode(true));
    });
    // Cloned content must not duplicate ids of the page.
    Array.prototype.forEach.call(body.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
    el.appendChild(close);
    el.appendChild(body);
    el.setAttribute("aria-label", label);
  }

  function place(el, anchor) {
    var r = anchor.getBoundingClientRect();
    var vw = document.documentElement.clientWidth;
    el.classList.toggle("ar-sheet", vw < 600);
    if (vw < 600) { el.style.left = ""; el.style.top = ""; return; }
    var width = Math.min(420, vw - 16);
    el.style.width = width + "px";
    var left = Math.min(Math.max(8, r.left + window.scrollX), window.scrollX + vw - width - 8);
    el.style.left = left + "px";
    var below = r.bottom + window.scrollY + 6;
    el.style.top = below + "px";
    var h = el.offsetHeight;
    if (r.bottom + h + 12 > window.innerHeight && r.top - h - 6 > 0) {
      el.style.top = (r.top + window.scrollY - h - 6) + "px";
    }
  }

  function open(anchor, source, label, pin) {
    clearTimeout(hoverTimer);
    var el = popover();
    if (owner && owner !== anchor) owner.setAttribute("aria-expanded", "false");
    fill(el, source, label);
    el.hidden = false;
    el.className = "ar-popover " + (source.getAttribute("data-ar-class") || "") + " " +
      Array.prototype.filter.call(source.classList, function (c) { return c.indexOf("ar-k-") === 0; }).join(" ");
    owner = anchor;
    pinned = pin;
    anchor.setAttribute("aria-expanded", "true");
    anchor.setAttribute("aria-controls", "ar-popover");
    place(el, anchor);
    if (pin) el.focus({ preventScroll: true });
  }

  function closePopover(restoreFocus) {
    clearTimeout(hoverTimer);
    if (!pop || pop.hidden) return;
    pop.hidden = true;
    pinned = false;
    if (owner) {
      owner.setAttribute("aria-expanded", "false");
      if (restoreFocus && document.body.contains(owner)) owner.focus();
    }
    owner = null;
  }

  function scheduleClose() {
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(function () { if (!pinned) closePopover(false); }, 250);
  }

  // What a pointer or key is acting on: a note number, a highlight, or a glossary term.
  function target(node) {
    if (!node || !node.closest) return null;
    var term = node.closest("a[data-ar-term]");
    if (term) {
      var def = document.getElementById("ar-def-" + term.getAttribute("data-ar-term"));
      if (def) return { anchor: term, source: def, label: "Definition: " + term.textContent, term: true };
    }
    var ref = node.closest(".ar-ref, mark.ar-hl");
    if (!ref) return null;
    var id = ref.getAttribute("data-ar");
    if (ref.tagName === "MARK") {
      // The innermost highlight wins when passages nest.
      var inner = node.closest("mark.ar-hl");
      id = inner.getAttribute("data-ar");
    }
    var note = noteFor(id);
    if (!note) return null;
    var anchor = ref.classList.contains("ar-ref") ? ref : (document.getElementById("ref-" + id) || ref);
    var num = note.getAttribute("value");
    return { anchor: ref.classList.contains("ar-ref") ? ref : anchor, source: note, label: "Note " + num, place: ref };
  }

  var lastPointer = "mouse";
  document.addEventListener("pointerdown", function (e) { lastPointer = e.pointerType; }, true);
  document.addEventListener("keydown", function () { lastPointer = "keyboard"; }, true);

  document.addEventListener("click", function (e) {
    if (pop && pop.contains(e.target)) return;
    var t = target(e.target);
    if (!t) { closePopover(false); return; }
    if (t.term) {
      // Mouse and keyboard follow the link (the preview came by hover or focus);
      // a first tap shows the preview, a second tap follows the link.
      if (lastPointer === "touch" && !(owner === t.anchor && pop && !pop.hidden)) {
        e.preventDefault();
        e.stopPropagation(); // before Material's instant navigation sees the click
        open(t.anchor, t.source, t.label, true);
      }
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    open(t.anchor, t.source, t.label, true);
    if (t.place && t.place !== t.anchor) place(pop, t.place);
  }, true);

  document.addEventListener("mouseover", function (e) {
    if (pinned) return;
    var t = target(e.target);
    if (!t) return;
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(function () {
      open(t.anchor, t.source, t.label, false);
      if (t.place && t.place !== t.anchor) place(pop, t.place);
    }, 120);
  });

  document.addEventListener("mouseout", function (e) {
    if (pinned) return;
    var t = target(e.target);
    if (t) scheduleClose();
  });

  document.addEventListener("focusin", function (e) {
    var t = target(e.target);
    // Keyboard focus previews a term; a tap's focus must not count as the first tap.
    if (t && t.term && !pinned && lastPointer === "keyboard") open(t.anchor, t.source, t.label, false);
  });

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && pop && !pop.hidden) {
      e.preventDefault();
      closePopover(true);
    }
  });

  // Opening a page at #annotation-id shows that passage's note.
  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var mark = document.getElementById(id);
    if (mark && mark.matches("mark.ar-hl") && noteFor(id)) {
      var ref = document.getElementById("ref-" + id) || mark;
      open(ref, noteFor(id), "Note " + noteFor(id).getAttribute("value"), false);
      place(pop, mark);
    }
  }

  function onPage() {
    closePopover(false);
    document.documentElement.classList.add("ar-js");
    openFromHash();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
  window.addEventListener("hashchange", openFromHash);
})();
