/* Margin notes: the text reads whole, each note a card in the margin level with its passage.
 *
 * Progressive enhancement of a source page: without this script (and in print) every note is
 * a numbered item under its block. With it, the reader chooses in the page's header where the
 * notes go — in the margin, under each paragraph, or hidden (behind their numbers) — and which
 * kinds to show; the choice is kept in localStorage across pages and visits. Below 1220 px
 * (Material's breakpoint for its side columns) "in the margin" folds the notes behind their
 * numbers, which open them in reader.js's popover. reader.js asks this script first, through
 * window.annotatedReaderMargin, whether it handles a note.
 *
 * The layout reads every passage's and card's position in one pass, then writes every card's
 * top in another, so a page forces the browser to lay out once (benchmarks/margin_layout.py).
 */
(function () {
  "use strict";
  if (window.annotatedReaderMargin) return;

  var KEY = "annotated-reader:notes";
  var MODES = [["margin", "In the margin"], ["under", "Under each paragraph"], ["hidden", "Hidden"]];
  var GAP = 8;           // px between two cards
  var COLUMN_GAP = 20;   // px between the text column and the cards
  var MAX_WIDTH = 360;   // px: a card wider than this reads as a second text column
  var COLLAPSED_LINES = 5; // a long card shows this many lines until "Show all"
  var wide = window.matchMedia("(min-width: 76.25em)");
  var reduced = window.matchMedia("(prefers-reduced-motion: reduce)");

  var prefs = { mode: "margin", off: [] };
  var page = null;       // {text, article, column, cards: [...], byId, kinds}
  var selected = null;   // id of the selected (lit) note
  var hot = null;        // id lit by the pointer
  var timer = null;
  var observer = null;
  var stats = { ms: 0, cards: 0, worst: 0, worstId: null }; // of the last layout
  var firstMs = 0; // building the page's cards and laying them out the first time
  var pageMs = 0;  // the page's own first layout, before the cards (for the benchmark)

  // -- preferences: localStorage may be missing or refuse (privacy modes, some file:// setups)

  function load() {
    var p = { mode: "margin", off: [] };
    try {
      var v = JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (v && MODES.some(function (m) { return m[0] === v.mode; })) p.mode = v.mode;
      if (v && Array.isArray(v.off)) p.off = v.off.filter(function (k) { return typeof k === "string"; });
    } catch (e) { /* keep the defaults */ }
    return p;
  }

  function save() {
    try { window.localStorage.setItem(KEY, JSON.stringify(prefs)); } catch (e) { /* not kept */ }
  }

  function isOff(kind) { return prefs.off.indexOf(kind) >= 0; }

  function marginOn() { return !!page && prefs.mode === "margin" && wide.matches; }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function byData(selector, id) {
    return document.querySelectorAll(selector + '[data-ar="' + CSS.escape(id) + '"]');
  }

  // -- building the page's cards and controls ------------------------------------------------

  function kindOf(li) {
    for (var i = 0; i < li.classList.length; i++) {
      var c = li.classList[i];
      if (c.indexOf("ar-k-") === 0) return c.slice(5);
    }
    return "";
  }

  function makeCard(li) {
    var id = li.getAttribute("data-ar"), kind = kindOf(li), number = li.getAttribute("value");
    var card = document.createElement("div");
    card.className = "ar-card ar-k-" + kind;
    card.setAttribute("data-margin-note", id);
    card.setAttribute("data-ar", id);
    card.setAttribute("role", "note");
    card.setAttribute("tabindex", "-1");
    var label = li.querySelector(".ar-kind");
    card.setAttribute("aria-label", "Note " + number + (label ? ": " + label.textContent : ""));
    var inner = document.createElement("div");
    inner.className = "ar-card-inner";
    each(li.childNodes, function (n) { inner.appendChild(n.cloneNode(true)); });
    each(inner.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
    var num = document.createElement("span");
    num.className = "ar-card-num";
    num.textContent = number;
    var head = inner.querySelector(".ar-note-head");
    if (head) head.insertBefore(num, head.firstChild); else inner.insertBefore(num, inner.firstChild);
    card.appendChild(inner);
    var c = { id: id, kind: kind, number: +number, el: card, inner: inner, head: head, more: null,
      mark: document.getElementById(id) };
    c.more = moreButton(c);
    card.appendChild(c.more);
    return c;
  }

  function build(text) {
    var article = text.closest("article") || text.parentNode;
    var column = document.createElement("div");
    column.className = "ar-margin";
    var cards = [], byId = Object.create(null), kinds = [];
    var counts = Object.create(null), labels = Object.create(null);
    each(text.querySelectorAll("li.ar-note[data-ar]"), function (li) {
      var c = makeCard(li);
      if (!c.mark) return;
      cards.push(c);
      byId[c.id] = c;
      if (!(c.kind in counts)) {
        kinds.push(c.kind);
        counts[c.kind] = 0;
        var l = li.querySelector(".ar-kind");
        labels[c.kind] = l ? l.textContent : c.kind;
      }
      counts[c.kind]++;
    });
    // In passage order, which is the order of their numbers.
    cards.sort(function (a, b) { return a.number - b.number; });
    var frag = document.createDocumentFragment();
    cards.forEach(function (c) { frag.appendChild(c.el); });
    column.appendChild(frag);
    article.appendChild(column);
    var legend = document.querySelector(".ar-source-header .ar-legend");
    var order = legend ? Array.prototype.map.call(legend.querySelectorAll(".ar-kind"), kindOf) : [];
    kinds.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    page = { text: text, article: article, column: column, cards: cards, byId: byId,
      kinds: kinds.map(function (k) { return { id: k, label: labels[k], count: counts[k] }; }) };
    controls();
  }

  function controls() {
    var header = document.querySelector(".ar-source-header");
    if (!header) return;
    var box = document.createElement("div");
    box.className = "ar-controls";
    var mode = fieldset("ar-mode-set", "Notes");
    MODES.forEach(function (m) {
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "ar-mode";
      input.value = m[0];
      input.id = "ar-mode-" + m[0];
      input.checked = prefs.mode === m[0];
      mode.appendChild(labelled(input, document.createTextNode(m[1])));
    });
    var filter = fieldset("ar-filter-set", "Show notes of kind");
    page.kinds.forEach(function (k) {
      var input = document.createElement("input");
      input.type = "checkbox";
      input.value = k.id;
      input.id = "ar-show-" + k.id;
      input.setAttribute("data-ar-kind", k.id);
      input.checked = !isOff(k.id);
      var chip = document.createElement("span");
      chip.className = "ar-kind ar-k-" + k.id;
      chip.textContent = k.label + " (" + k.count + ")";
      filter.appendChild(labelled(input, chip));
    });
    box.appendChild(mode);
    box.appendChild(filter);
    // The static list of kinds gives way to the filter, which shows the same counts.
    var legend = header.querySelector(".ar-legend");
    if (legend) legend.classList.add("ar-replaced"); // shown again in print
    header.insertBefore(box, legend ? legend.nextSibling : null);
    box.addEventListener("change", function (e) {
      var t = e.target;
      if (t.name === "ar-mode") prefs.mode = t.value;
      else if (t.hasAttribute("data-ar-kind")) {
        var k = t.getAttribute("data-ar-kind");
        prefs.off = prefs.off.filter(function (x) { return x !== k; });
        if (!t.checked) prefs.off.push(k);
      }
      save();
      apply();
    });
  }

  function fieldset(cls, title) {
    var f = document.createElement("fieldset");
    f.className = cls;
    var l = document.createElement("legend");
    l.textContent = title;
    f.appendChild(l);
    return f;
  }

  function labelled(input, text) {
    var label = document.createElement("label");
    label.appendChild(input);
    label.appendChild(document.createTextNode(" "));
    label.appendChild(text);
    return label;
  }

  // -- applying the reader's choice --------------------------------------------------------

  /* The mode is a class of the text (and of its article, for the margin): a class changed on
   * the root element would have the browser restyle the whole page. */
  function apply() {
    var on = marginOn();
    var sidebar = document.querySelector(".md-sidebar--secondary");
    // The theme's table of contents is empty on a source page: the cards take its place.
    if (sidebar) sidebar.style.visibility = on ? "hidden" : "";
    if (!page) return;
    MODES.forEach(function (m) { page.text.classList.toggle("ar-notes-" + m[0], prefs.mode === m[0]); });
    page.article.classList.toggle("ar-margin-on", on);
    each(page.text.querySelectorAll("mark.ar-hl, a.ar-ref, li.ar-note"), function (el) {
      var c = page.byId[el.getAttribute("data-ar")];
      el.classList.toggle("ar-off", !!c && isOff(c.kind));
    });
    page.cards.forEach(function (c) { c.el.classList.toggle("ar-off", isOff(c.kind)); });
    // A block whose every note is filtered out shows no empty list under it.
    each(page.text.querySelectorAll(".ar-notes"), function (n) {
      n.classList.toggle("ar-off", !n.querySelector("li.ar-note:not(.ar-off)"));
    });
    var radios = document.querySelectorAll('input[name="ar-mode"]');
    each(radios, function (r) { r.checked = r.value === prefs.mode; });
    if (selected && page.byId[selected] && isOff(page.byId[selected].kind)) select(null);
    layout();
    // For the note map (notemap.js), which follows the kinds shown and the text's layout.
    document.dispatchEvent(new CustomEvent("annotated-reader:notes"));
  }

  // -- the layout ----------------------------------------------------------------------------

  /* Each visible card's top: level with its passage's first line, pushed down by the card
   * above. With a selected card, that one is level with its passage and the cards above it
   * move up to make room (as far as the top of the page's text), the way a margin of
   * comments follows the comment being read. */
  function positions(targets, heights, anchor, pin) {
    var n = targets.length, pos = new Array(n), i, prev = -Infinity;
    if (anchor < 0) {
      for (i = 0; i < n; i++) { pos[i] = Math.max(targets[i], prev); prev = pos[i] + heights[i] + GAP; }
      return pos;
    }
    pos[anchor] = pin === undefined ? targets[anchor] : pin;
    for (i = anchor + 1; i < n; i++) pos[i] = Math.max(targets[i], pos[i - 1] + heights[i - 1] + GAP);
    for (i = anchor - 1; i >= 0; i--) pos[i] = Math.min(targets[i], pos[i + 1] - heights[i] - GAP);
    prev = 0;
    for (i = 0; i < n; i++) { pos[i] = Math.max(pos[i], prev); prev = pos[i] + heights[i] + GAP; }
    return pos;
  }

  function layout(pin) {
    if (!marginOn()) return;
    var t0 = performance.now();
    var root = document.documentElement.clientWidth;
    var col = page.column, article = page.article;
    var shown = page.cards.filter(function (c) { return !isOff(c.kind); });
    var i, n = shown.length;
    // Reads, all in one pass (one forced layout) ...
    var textBox = page.text.getBoundingClientRect(), artBox = article.getBoundingClientRect();
    var left = textBox.right - artBox.left + COLUMN_GAP;
    var width = Math.max(160, Math.min(MAX_WIDTH, root - 12 - textBox.right - COLUMN_GAP));
    var base = textBox.top - artBox.top; // the column's top is the article's
    var line = parseFloat(getComputedStyle(col).lineHeight) || 20;
    var collapsed = Math.round(COLLAPSED_LINES * line);
    var targets = new Array(n), content = new Array(n), head = new Array(n), chrome = new Array(n);
    var opened = new Array(n), sameWidth = col.style.width === width + "px";
    for (i = 0; i < n; i++) {
      var c = shown[i];
      targets[i] = c.mark.getBoundingClientRect().top - textBox.top + base;
      if (sameWidth) {
        opened[i] = c.el.classList.contains("ar-open");
        content[i] = c.inner.scrollHeight;
        head[i] = c.head ? c.head.offsetHeight : line;
        chrome[i] = c.el.offsetHeight - c.inner.clientHeight;
      }
    }
    if (!sameWidth) { // a new width reflows every card: set it, then read them again
      col.style.width = width + "px";
      for (i = 0; i < n; i++) {
        opened[i] = shown[i].el.classList.contains("ar-open");
        content[i] = shown[i].inner.scrollHeight;
        head[i] = shown[i].head ? shown[i].head.offsetHeight : line;
        chrome[i] = shown[i].el.offsetHeight - shown[i].inner.clientHeight;
      }
    }
    // ... then the positions, computed ...
    var anchor = -1;
    for (i = 0; i < n; i++) if (shown[i].id === selected) anchor = i;
    var heights = new Array(n), clip = new Array(n);
    for (i = 0; i < n; i++) {
      clip[i] = opened[i] ? "" : Math.min(content[i], collapsed);
      heights[i] = chrome[i] + (opened[i] ? content[i] : clip[i]);
    }
    // Where the next passage starts before a card would end, the card shrinks to its head
    // (number, kind, verdict); selecting it opens it again. A margin of 40 notes beside
    // 1,800 pixels of text has no room for more.
    var stub = new Array(n);
    for (i = 0; i < n; i++) {
      stub[i] = i + 1 < n && i !== anchor && !opened[i] && targets[i + 1] - targets[i] < heights[i] + GAP;
      if (stub[i]) { clip[i] = head[i]; heights[i] = chrome[i] + head[i]; }
    }
    var pos = positions(targets, heights, anchor, anchor < 0 ? undefined : pin);
    // ... and written, all in one pass.
    col.style.left = left + "px";
    var worst = 0, worstId = null, bottom = 0;
    for (i = 0; i < n; i++) {
      var card = shown[i];
      card.inner.style.maxHeight = clip[i] === "" ? "none" : clip[i] + "px";
      card.el.classList.toggle("ar-stub", stub[i]);
      card.el.classList.toggle("ar-long", opened[i] || content[i] > collapsed + 2);
      card.el.style.top = pos[i] + "px";
      bottom = Math.max(bottom, pos[i] + heights[i]);
      if (pos[i] - targets[i] > worst) { worst = pos[i] - targets[i]; worstId = card.id; }
    }
    col.style.height = bottom + "px";
    article.style.minHeight = bottom > artBox.height ? bottom + "px" : "";
    if (anchor < 0) stats = { ms: 0, cards: n, worst: Math.round(worst), worstId: worstId };
    stats.ms = performance.now() - t0;
  }

  function moreButton(c) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "ar-card-more";
    b.setAttribute("aria-expanded", "false");
    b.textContent = "Show all";
    b.addEventListener("click", function (e) {
      e.stopPropagation();
      expand(c, !c.el.classList.contains("ar-open"));
      select(c.id, true);
    });
    return b;
  }

  function expand(c, open) {
    c.el.classList.toggle("ar-open", open);
    if (c.more) {
      c.more.setAttribute("aria-expanded", open ? "true" : "false");
      c.more.textContent = open ? "Show less" : "Show all";
    }
  }

  // Relayout at most once per frame burst: resizes, fonts arriving, the text column reflowing.
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { timer = null; apply(); }, 120);
  }

  // -- lighting a passage and its card together ----------------------------------------------

  function paint(id, cls, on) {
    if (!id) return;
    each(byData("mark.ar-hl", id), function (m) { m.classList.toggle(cls, on); });
    each(byData("a.ar-ref", id), function (m) { m.classList.toggle(cls, on); });
    each(byData("li.ar-note", id), function (m) { m.classList.toggle(cls, on); });
    var c = page && page.byId[id];
    if (c) c.el.classList.toggle(cls, on);
  }

  function setHot(id) {
    if (id === hot) return;
    paint(hot, "ar-hot", false);
    hot = id;
    paint(hot, "ar-hot", true);
  }

  /* Light note ``id`` and its passage. The card moves level with its passage, unless
   * ``stay``: a card clicked where it is must not move from under the pointer. */
  function select(id, stay) {
    if (id !== selected) {
      paint(selected, "ar-lit", false);
      selected = id;
      paint(selected, "ar-lit", true);
    }
    var c = stay && page && page.byId[id];
    layout(c && c.el.style.top ? parseFloat(c.el.style.top) : undefined);
  }

  /* Open note ``id`` (a deep link, a click or Enter on its number or passage). Returns true
   * when the margin shows it; otherwise reader.js opens it in its popover. */
  function open(id, how) {
    if (!page || !page.byId[id]) return false;
    var c = page.byId[id];
    if (isOff(c.kind)) { // a link to a note of a hidden kind shows that kind again
      prefs.off = prefs.off.filter(function (k) { return k !== c.kind; });
      save();
      var box = document.getElementById("ar-show-" + c.kind);
      if (box) box.checked = true;
      apply();
    }
    select(id);
    if (!marginOn()) return false;
    if (how && how.expand) expand(c, true);
    layout();
    if (how && how.scroll) c.mark.scrollIntoView({ block: "center", behavior: "instant" });
    if (how && how.focus) c.el.focus({ preventScroll: true });
    return true;
  }

  function innermost(node) {
    var m = node && node.closest && node.closest("mark.ar-hl, a.ar-ref, .ar-card");
    return m ? m.getAttribute("data-ar") : null;
  }

  document.addEventListener("mouseover", function (e) {
    if (!marginOn()) return;
    setHot(innermost(e.target));
  });

  // A click on a card (not on a link in it) selects it: a one-line card opens.
  document.addEventListener("click", function (e) {
    if (!marginOn() || !e.target.closest) return;
    var card = e.target.closest(".ar-card");
    if (card && !e.target.closest("a, button")) select(card.getAttribute("data-ar"), true);
  });

  var pointing = false; // a pointer is pressed: the focus it gives is not the keyboard's
  document.addEventListener("pointerdown", function () { pointing = true; }, true);
  document.addEventListener("pointerup", function () { setTimeout(function () { pointing = false; }); }, true);


  document.addEventListener("focusin", function (e) {
    if (!marginOn()) return;
    var t = e.target;
    var card = t.closest && t.closest(".ar-card");
    if (card) {
      var c = page.byId[card.getAttribute("data-ar")];
      // A link hidden by a collapsed card opens the card as it takes the focus.
      if (!c) return;
      if (pointing) { if (selected !== c.id) select(c.id, true); return; }
      if (t !== card && t !== c.more && !c.el.classList.contains("ar-open")) expand(c, true);
      select(c.id, t !== card);
      return;
    }
    if (t.matches && t.matches("a.ar-ref")) select(t.getAttribute("data-ar"));
  });

  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !marginOn()) return;
    var card = e.target.closest && e.target.closest(".ar-card");
    if (!card) return;
    var ref = document.getElementById("ref-" + card.getAttribute("data-ar"));
    if (ref) { e.preventDefault(); ref.focus(); }
  });

  wide.addEventListener("change", later);
  window.addEventListener("resize", later);
  if (document.fonts && document.fonts.addEventListener) document.fonts.addEventListener("loadingdone", later);

  function onPage() {
    var text = document.querySelector(".ar-text");
    if (page && page.text === text) { apply(); return; }
    if (observer) observer.disconnect();
    page = null;
    selected = hot = null;
    prefs = load();
    if (text && text.querySelector("li.ar-note")) {
      // The page's own first layout, which the browser does anyway, is not the cards'.
      var t0 = performance.now();
      void document.body.offsetHeight;
      pageMs = performance.now() - t0;
      t0 = performance.now();
      build(text);
      apply();
      void page.column.offsetHeight; // the layout the writes call for, counted here
      firstMs = performance.now() - t0;
      if (window.ResizeObserver) {
        observer = new ResizeObserver(later);
        observer.observe(text);
      }
    }
    apply();
  }

  window.annotatedReaderMargin = {
    open: open,
    on: marginOn,
    select: function (id) { if (page && page.byId[id]) select(id); },
    relayout: function () { layout(); return stats; },
    stats: function () { return Object.assign({ firstMs: firstMs, pageMs: pageMs }, stats); },
    reduced: function () { return reduced.matches; },
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
  else onPage();
})();
