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

  // margin.js: notes as cards in the margin, and the reader's choice of where notes go.
  function margin() { return window.annotatedReaderMargin || null; }

  // Term previews live in one generated script beside this one (glossary-terms.js), not in
  // every page. It is requested once, as soon as a page has a glossary link (a script tag,
  // because fetch() cannot read files when the offline bundle is opened from disk). Its
  // links are relative to the site root, which is two folders above this script.
  var here = document.currentScript && document.currentScript.src;
  var termsRequested = false;
  // Keyed by term id, which may be any word: "constructor" must not find Object's own.
  var previews = Object.create(null);
  // A term hovered, focused or tapped while the script is on its way (a big glossary on a
  // slow line takes seconds): {anchor, how}. Its preview opens when the script arrives.
  var waiting = null;

  function requestTerms() {
    if (termsRequested || !here || !document.querySelector("a[data-ar-term]")) return;
    termsRequested = true;
    var script = document.createElement("script");
    script.src = new URL("glossary-terms.js", here).href;
    script.onload = resumeWaiting;
    script.onerror = function () { termsRequested = false; resumeWaiting(); };
    document.head.appendChild(script);
  }

  function termsPending() { return termsRequested && !window.annotatedReaderTerms; }

  // Only if the reader is still on the term: the pointer over it, or the keyboard focus on
  // it. A tap is a request to see it; when there is no preview to show, it follows the link.
  function resumeWaiting() {
    var w = waiting;
    waiting = null;
    if (!w || !document.body.contains(w.anchor)) return;
    var t = target(w.anchor);
    if (w.how === "tap") {
      if (t && t.source) open(t.anchor, t.source, t.label, true);
      else w.anchor.click();
      return;
    }
    if (!t || !t.source || pinned) return;
    if (w.how === "hover" ? w.anchor.matches(":hover") : document.activeElement === w.anchor) {
      open(t.anchor, t.source, t.label, false);
    }
  }

  function definitionFor(id) {
    var terms = window.annotatedReaderTerms;
    if (!terms || !Object.prototype.hasOwnProperty.call(terms, id)) return null;
    if (previews[id]) return previews[id];
    var el = document.createElement("div");
    el.className = "ar-def";
    // Built from the glossary's Markdown with raw HTML off, every other value escaped.
    el.innerHTML = terms[id];
    var root = new URL("../../", here);
    Array.prototype.forEach.call(el.querySelectorAll("a[href]"), function (a) {
      var href = a.getAttribute("href");
      if (!/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) a.setAttribute("href", new URL(href, root).href);
    });
    previews[id] = el;
    return el;
  }

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

  // The box of a note's whole passage and its number: a note opens above or below it, never
  // over it. A number is set high, so its own box ends above the line's last pixels.
  function passageBox(anchor) {
    var r = anchor.getBoundingClientRect();
    var id = anchor.getAttribute("data-ar");
    if (!id || !anchor.matches(".ar-ref, mark.ar-hl")) return r;
    var box = { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    var parts = document.querySelectorAll('mark.ar-hl[data-ar="' + CSS.escape(id) + '"], a.ar-ref[data-ar="' + CSS.escape(id) + '"]');
    var line = parseFloat(getComputedStyle(anchor.parentNode).lineHeight) || 0;
    Array.prototype.forEach.call(parts, function (p) {
      Array.prototype.forEach.call(p.getClientRects(), function (q) {
        box.top = Math.min(box.top, q.top);
        box.bottom = Math.max(box.bottom, q.bottom, p.matches("a") ? q.top + line * 0.8 : 0);
      });
    });
    return box;
  }

  function place(el, anchor) {
    var r = passageBox(anchor);
    var vw = document.documentElement.clientWidth;
    el.classList.toggle("ar-sheet", vw < 600);
    if (vw < 600) {
      el.style.left = "";
      el.style.top = "";
      // A bottom sheet must not cover the passage it explains: scroll the passage's end (and
      // its number, just tapped) above the sheet; a long passage's start may leave the top.
      // Room below the page's end, so that the last passage can rise above the sheet too.
      document.body.style.paddingBottom = el.offsetHeight + "px";
      var over = r.bottom + 8 - (window.innerHeight - el.offsetHeight);
      if (over > 0) window.scrollBy(0, over);
      return;
    }
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

  // A note opened on purpose (a click, a key, its address) is brought whole onto the screen
  // when it fits neither below nor above its passage, as far as the passage's top stays on
  // it: at 1024 and 768 px a long note ran off the bottom, the page never scrolled.
  // The theme's header stays at the top of the screen: what is brought into view stays below it.
  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  function reveal(passage) {
    if (!pop || pop.hidden || pop.classList.contains("ar-sheet")) return;
    var over = pop.getBoundingClientRect().bottom + 8 - window.innerHeight;
    var room = passageBox(passage).top - headerBottom() - 8;
    if (over > 0 && room > 0) {
      var by = Math.min(over, room);
      window.scrollBy(0, by);
    }
  }

  var restoring = false;    // the focus given back on closing: it must not preview again
  function closePopover(restoreFocus) {
    clearTimeout(hoverTimer);
    if (!pop || pop.hidden) return;
    pop.hidden = true;
    pinned = false;
    document.body.style.paddingBottom = "";
    if (owner) {
      owner.setAttribute("aria-expanded", "false");
      if (restoreFocus && document.body.contains(owner)) {
        restoring = true;
        try { owner.focus(); } finally { restoring = false; }
      }
    }
    owner = null;
  }

  function scheduleClose() {
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(function () { if (!pinned) closePopover(false); }, 250);
  }

  // What a pointer or key is acting on: a note number, a highlight, or a glossary term.
  function target(node) {
    // What is in the popover is read there: a term linked in a definition is a link to
    // follow, not a preview that would replace the one it is in.
    if (!node || !node.closest || (pop && pop.contains(node))) return null;
    var term = node.closest("a[data-ar-term]");
    if (term) {
      var def = definitionFor(term.getAttribute("data-ar-term"));
      if (def) return { anchor: term, source: def, label: "Definition: " + term.textContent, term: true };
      if (termsPending()) return { anchor: term, source: null, term: true };
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
    return { anchor: ref.classList.contains("ar-ref") ? ref : anchor, source: note, label: "Note " + num, place: ref, id: id };
  }

  var lastPointer = "mouse";
  document.addEventListener("pointerdown", function (e) { lastPointer = e.pointerType; }, true);
  document.addEventListener("keydown", function () { lastPointer = "keyboard"; }, true);

  document.addEventListener("click", function (e) {
    if (pop && pop.contains(e.target)) return;
    var t = target(e.target);
    var w = waiting;
    waiting = null;
    if (!t) { closePopover(false); return; }
    if (t.term) {
      // Mouse and keyboard follow the link (the preview came by hover or focus);
      // a first tap shows the preview, a second tap follows the link.
      var second = (owner === t.anchor && pop && !pop.hidden) ||
        (w && w.how === "tap" && w.anchor === t.anchor);
      if (lastPointer === "touch" && !second) {
        e.preventDefault();
        e.stopPropagation(); // before Material's instant navigation sees the click
        if (t.source) open(t.anchor, t.source, t.label, true);
        else waiting = { anchor: t.anchor, how: "tap" };
      }
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    // A second click or tap on an open note's number or passage closes it.
    if (pinned && owner === t.anchor && pop && !pop.hidden) { closePopover(true); return; }
    current = t.id;
    // In the margin (margin.js), the note's card lights up beside its passage instead.
    var keyed = lastPointer === "keyboard";
    if (margin() && margin().open(t.id, { focus: keyed, expand: keyed })) { closePopover(false); return; }
    open(t.anchor, t.source, t.label, true);
    if (t.place && t.place !== t.anchor) place(pop, t.place);
    reveal(t.place || t.anchor);
  }, true);

  document.addEventListener("mouseover", function (e) {
    if (pinned) return;
    var t = target(e.target);
    if (!t || (t.id && margin() && (margin().on() || margin().under()))) return;
    if (!t.source) { if (!waiting || waiting.how !== "tap") waiting = { anchor: t.anchor, how: "hover" }; return; }
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(function () {
      open(t.anchor, t.source, t.label, false);
      if (t.place && t.place !== t.anchor) place(pop, t.place);
    }, 120);
  });

  document.addEventListener("mouseout", function (e) {
    if (pinned) return;
    var t = target(e.target);
    if (t && t.source) scheduleClose();
  });

  document.addEventListener("focusin", function (e) {
    if (restoring) return;
    // A preview shown by hover or focus goes when the focus moves on: left open, it hid
    // the text and the next focus stops, and Tab past the page's end walked into it.
    if (pop && !pop.hidden && !pinned && e.target !== owner && !pop.contains(e.target)) {
      closePopover(false);
    }
    var t = target(e.target);
    // Keyboard focus previews a term; a tap's focus must not count as the first tap.
    if (!t || !t.term || pinned || lastPointer !== "keyboard") return;
    if (t.source) open(t.anchor, t.source, t.label, false);
    else waiting = { anchor: t.anchor, how: "focus" };
  });

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && pop && !pop.hidden) {
      e.preventDefault();
      // The focus goes back to what opened the popover only from the popover itself: a
      // preview shown by the pointer leaves the keyboard where it was.
      closePopover(pop.contains(document.activeElement));
    }
  });

  // "]" and "[" move the focus to the next and previous highlight's note number, past the
  // glossary links in between (Tab still visits everything in order); Enter then opens it.
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  // The note the reader is on: the one last opened, selected by its address or a click on its
  // passage (neither moves the focus), or whose number or card has the focus. "]" and "["
  // step from it; the focus moved anywhere else steps from there instead.
  var current = null;
  document.addEventListener("focusin", function (e) {
    var t = e.target, card = t.closest && t.closest(".ar-card, a.ar-ref, li.ar-note");
    if (card) current = card.getAttribute("data-ar");
    else if (!(pop && pop.contains(t))) current = null;
  }, true);

  function stepNote(dir) {
    var refs = document.querySelectorAll("a.ar-ref");
    if (!refs.length) return;
    var at = current && document.getElementById("ref-" + current);
    var from = pop && !pop.hidden && owner && pop.contains(document.activeElement) ? owner : at || document.activeElement;
    var next = null;
    for (var i = 0; i < refs.length; i++) {
      var r = refs[dir > 0 ? i : refs.length - 1 - i];
      if (r === from || !r.getClientRects().length) continue; // a kind the reader hid
      var pos = from && from !== document.body ? from.compareDocumentPosition(r) : Node.DOCUMENT_POSITION_FOLLOWING;
      if (dir > 0 ? pos & Node.DOCUMENT_POSITION_FOLLOWING : pos & Node.DOCUMENT_POSITION_PRECEDING) { next = r; break; }
    }
    if (!next) return;
    closePopover(false);
    next.focus();
    next.scrollIntoView({ block: "center" });
  }

  document.addEventListener("keydown", function (e) {
    if ((e.key !== "]" && e.key !== "[") || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (!document.querySelector("a.ar-ref")) return;
    e.preventDefault();
    e.stopPropagation(); // Material's own shortcuts do not use these keys; keep it that way
    stepNote(e.key === "]" ? 1 : -1);
  }, true);

  // Print: every note once more, as a numbered endnote after the text, while the notes
  // under each block are hidden (reader.css, @media print). Without scripts the notes print
  // under their blocks, numbered the same way.
  function removeEndnotes() {
    var old = document.querySelectorAll(".ar-endnotes");
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
    document.documentElement.classList.remove("ar-print-endnotes");
  }

  function addEndnotes() {
    removeEndnotes();
    var notes = Array.prototype.slice.call(document.querySelectorAll(".ar-text li.ar-note"));
    if (!notes.length) return;
    notes.sort(function (a, b) { return (+a.getAttribute("value")) - (+b.getAttribute("value")); });
    var section = document.createElement("section");
    section.className = "ar-endnotes";
    var title = document.createElement("h2");
    title.textContent = "Notes";
    var list = document.createElement("ol");
    list.className = "ar-endnote-list";
    notes.forEach(function (note) {
      var item = note.cloneNode(true);
      item.removeAttribute("id");
      Array.prototype.forEach.call(item.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
      Array.prototype.forEach.call(item.querySelectorAll(".ar-back"), function (n) { n.parentNode.removeChild(n); });
      item.className += " ar-endnote";
      list.appendChild(item);
    });
    section.appendChild(title);
    section.appendChild(list);
    var text = notes[0].closest(".ar-text");
    text.parentNode.insertBefore(section, text.nextSibling);
    document.documentElement.classList.add("ar-print-endnotes");
  }

  window.addEventListener("beforeprint", function () { closePopover(false); addEndnotes(); });
  window.addEventListener("afterprint", removeEndnotes);

  // Opening a page at #annotation-id shows that passage's note.
  // A long page (the glossary, the timeline) is cut into parts; its index page says on which
  // part each id went, so an address made before the cut (glossary/#term) still reaches it.
  function followHome(id) {
    // An attribute, not a JSON <script>: Material's instant navigation re-creates the
    // content's scripts without their type, and would run the data as code.
    var data = document.querySelector("[data-ar-homes]");
    if (!data || document.getElementById(id)) return false;
    var homes;
    try {
      homes = JSON.parse(data.getAttribute("data-ar-homes"));
    } catch (e) {
      return false;
    }
    var known = homes && homes.ids && Object.prototype.hasOwnProperty.call(homes.ids, id);
    var part = known && document.querySelectorAll("nav[data-ar-parts] a")[homes.ids[id]];
    if (!part) return false;
    location.replace(part.href.split("#")[0] + location.hash);
    return true;
  }

  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || followHome(id)) return;
    var mark = document.getElementById(id);
    if (mark && mark.matches("mark.ar-hl") && noteFor(id)) {
      current = id;
      if (margin() && margin().open(id, { expand: true, scroll: true })) return;
      var ref = document.getElementById("ref-" + id) || mark;
      open(ref, noteFor(id), "Note " + noteFor(id).getAttribute("value"), false);
      place(pop, mark);
      reveal(mark);
      // On a page just loaded, the browser jumps to the address's passage after this ran,
      // which left a note placed above it off the screen: placed again once it has.
      var again = function () {
        if (pop && !pop.hidden && owner === ref) { place(pop, mark); reveal(mark); }
      };
      if (document.readyState !== "complete") window.addEventListener("load", function () { setTimeout(again, 0); }, { once: true });
      setTimeout(again, 120);
    }
  }

  // A wide table scrolls sideways on a phone (reader.css). Like the theme's code blocks, it
  // takes keyboard focus while it scrolls, so that arrow keys can scroll it.
  function scrollableTables() {
    var tables = document.querySelectorAll('.md-typeset table[class^="ar-"]');
    for (var i = 0; i < tables.length; i++) {
      var t = tables[i], scrolls = t.scrollWidth > t.clientWidth + 1;
      if (scrolls && !t.hasAttribute("tabindex")) {
        t.setAttribute("tabindex", "0");
        t.setAttribute("data-ar-scrolls", "");
      } else if (!scrolls && t.hasAttribute("data-ar-scrolls")) {
        t.removeAttribute("tabindex");
        t.removeAttribute("data-ar-scrolls");
      }
    }
  }
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(scrollableTables, 150);
  });

  function onPage() {
    waiting = null;
    current = null;
    closePopover(false);
    scrollableTables();
    // The theme's search panel is a dialog without a name; screen readers announce it as one.
    var search = document.querySelector('.md-search[role="dialog"]');
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
    document.documentElement.classList.add("ar-js");
    requestTerms();
    openFromHash();
  }

  // Material's instant navigation emits each new page on document$; from file:// it
  // completes without emitting, so the first page is also set up on load.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
  window.addEventListener("hashchange", openFromHash);
})();
