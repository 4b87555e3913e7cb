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
 * top in another, so a page forces the browser to lay out once; what it read is kept until the
 * text or the cards change. The cards beside the first screen are built as the page opens, the
 * rest in small tasks after it (benchmarks/margin_layout.py measures both).
 */
(function () {
  "use strict";
  if (window.annotatedReaderMargin) return;

  // render/margin_mode.py applies the saved mode before the first layout: keep KEY, MODES and
  // the wide screen's width the same there.
  var KEY = "annotated-reader:notes";
  var MODES = ["margin", "under", "hidden"]; // the page's controls label them
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
  var timer2 = null;     // the next task building and laying out later cards (more())
  var measured = null;   // what the layout read (measure()), until the text or the cards change
  var observer = null;
  var stats = { ms: 0, cards: 0, worst: 0, worstId: null }; // of the last layout
  var firstMs = 0; // building the page's cards and laying them out the first time
  var pageMs = 0;  // the page's own first layout, before the cards (for the benchmark)
  var restMs = 0, longestMs = 0; // the later cards: all their tasks, and the longest one

  // -- preferences: localStorage may be missing or refuse (privacy modes, some file:// setups)

  function load() {
    var p = { mode: "margin", off: [] };
    try {
      var v = JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (v && MODES.indexOf(v.mode) >= 0) p.mode = v.mode;
      if (v && Array.isArray(v.off)) p.off = v.off.filter(function (k) { return typeof k === "string"; });
    } catch (e) { /* keep the defaults */ }
    return p;
  }

  function save() {
    try { window.localStorage.setItem(KEY, JSON.stringify(prefs)); } catch (e) { /* not kept */ }
  }

  function isOff(kind) { return prefs.off.indexOf(kind) >= 0; }

  function marginOn() { return !!page && prefs.mode === "margin" && wide.matches; }
  function underOn() { return !!page && prefs.mode === "under"; }

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

  /* A note's card: its facts now, its element when it is first laid out (grow()). */
  function makeCard(li) {
    return { id: li.getAttribute("data-ar"), kind: kindOf(li), number: +li.getAttribute("value"),
      li: li, mark: document.getElementById(li.getAttribute("data-ar")),
      el: null, inner: null, head: null, more: null, top: null, clip: null, fit: null };
  }

  function makeElement(c) {
    var li = c.li, id = c.id, number = String(c.number);
    var card = document.createElement("div");
    card.className = "ar-card ar-k-" + c.kind + (isOff(c.kind) ? " ar-off" : "");
    card.setAttribute("data-margin-note", id);
    card.id = "ar-card-" + id;
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
    c.el = card;
    c.inner = inner;
    c.head = head;
    c.more = moreButton(c);
    card.appendChild(c.more);
    if (c.id === selected) card.classList.add("ar-lit");
    if (c.id === hot) card.classList.add("ar-hot");
    return card;
  }

  /* Give the first ``upTo`` cards (in passage order) their elements. A card's place depends
   * only on the cards above it, so the cards beside the first screen are laid out as the page
   * opens and the rest follow in short tasks (more()); whatever selects a later card (a deep
   * link, ], a click or the focus) builds it, and every card above it, first. */
  function grow(upTo) {
    if (!page || upTo <= page.ready) return;
    var frag = document.createDocumentFragment();
    for (var i = page.ready; i < upTo; i++) frag.appendChild(makeElement(page.cards[i]));
    page.column.appendChild(frag);
    if (page.announced !== null) for (i = page.ready; i < upTo; i++) announce(page.cards[i], page.announced === "margin");
    page.ready = upTo; // measured by the next layout(), with the cards already measured
  }

  function built(c) { return !!c && !!c.el; }

  /* What a note's number does, as assistive technology hears it. In the margin it lights its
   * card, which it names (aria-details); under each paragraph it leads to its note there, a
   * link; otherwise it opens the note in reader.js's popover, a dialog. Without scripts it is
   * a plain link to the note under its block. */
  function announce(c, margin) {
    var ref = document.getElementById("ref-" + c.id);
    if (!ref) return;
    if (underOn()) {
      ["aria-haspopup", "aria-expanded", "aria-controls", "aria-details"].forEach(function (a) {
        ref.removeAttribute(a);
      });
    } else if (margin && built(c)) {
      ["aria-haspopup", "aria-expanded", "aria-controls"].forEach(function (a) { ref.removeAttribute(a); });
      ref.setAttribute("aria-details", c.el.id);
    } else {
      ref.removeAttribute("aria-details");
      ref.setAttribute("aria-haspopup", "dialog");
      if (!ref.hasAttribute("aria-expanded")) ref.setAttribute("aria-expanded", "false");
    }
  }

  function ensure(id) {
    var c = page && page.byId[id];
    if (c && !built(c)) { grow(page.cards.indexOf(c) + 1); layout(); }
    return c;
  }

  // A later task builds cards one by one until it has run this long (wall-clock ms, so with
  // the CPU throttled it builds fewer): a card costs 2 to 15 ms at 4x, so no task comes near
  // the 50 ms of a long task, whatever the notes' lengths.
  var SLICE = 16;

  function more() {
    timer2 = null;
    if (!page) return;
    var t0 = performance.now();
    // The header's menus show only once the page's own controls have scrolled away: they are
    // made after the first screen's cards, not in the task that opens the page.
    if (!page.docked) { page.docked = true; if (page.box) { dock(page.box); sync(); } }
    while (page.ready < page.cards.length) {
      grow(page.ready + 1);
      layout(); // its reading lays out the last card's writes with the new card
      if (performance.now() - t0 >= SLICE) break;
    }
    void page.column.offsetHeight; // the layout the last writes call for, counted in this task
    var ms = performance.now() - t0;
    restMs += ms;
    longestMs = Math.max(longestMs, ms);
    if (page.ready < page.cards.length) timer2 = setTimeout(more, 0);
  }

  function build(text) {
    var article = text.closest("article") || text.parentNode;
    // The first screen's: the next cards follow one short task later, before a reader can scroll.
    var bottom = window.innerHeight;
    var column = document.createElement("div");
    column.className = "ar-margin";
    var f = frame(text, article);
    column.style.width = f.width + "px";
    column.style.left = f.left + "px";
    var cards = [], byId = Object.create(null), kinds = [];
    var counts = Object.create(null), labels = Object.create(null);
    each(text.querySelectorAll("li.ar-note[data-ar]"), function (li) {
      var c = makeCard(li);
      if (!c.mark) return;
      c.first = c.mark.getBoundingClientRect().top < bottom || "#" + c.id === location.hash;
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
    article.appendChild(column);
    var legend = document.querySelector(".ar-source-header .ar-legend");
    var order = legend ? Array.prototype.map.call(legend.querySelectorAll(".ar-kind"), kindOf) : [];
    kinds.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    var first = 0;
    cards.forEach(function (c, i) { if (c.first) first = i + 1; });
    page = { text: text, article: article, column: column, cards: cards, byId: byId, ready: 0,
      announced: null, filtered: false, box: null, dock: null, docked: false, height: null,
      kinds: kinds.map(function (k) { return { id: k, label: labels[k], count: counts[k] }; }) };
    controls();
    grow(first);
  }

  /* The reader's controls are in the page (render/templates/source_header.html), laid out
   * with it: here they are answered, and docked in the theme's header (dock()). */
  function controls() {
    var box = document.querySelector(".ar-source-header .ar-controls");
    if (!box) return;
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
    box.addEventListener("click", function (e) {
      var b = e.target.closest && e.target.closest("button[data-ar-only]");
      if (b) showOnly(b.getAttribute("data-ar-only"));
    });
    page.box = box;
  }

  /* Show the notes of ``kinds`` (space-separated; empty: every kind) and no other. */
  function showOnly(kinds) {
    var keep = kinds ? kinds.split(" ") : null;
    prefs.off = keep ? page.kinds.map(function (k) { return k.id; })
      .filter(function (k) { return keep.indexOf(k) < 0; }) : [];
    save();
    apply();
  }

  /* The controls again, compact, in the theme's header bar once the page's own have scrolled
   * away: the header stays on screen anyway, so they cover no text and move nothing as they
   * appear. Two menus: where the notes go, and which kinds (every kind, or only one). */
  function dock(box) {
    var bar = document.querySelector(".md-header__inner");
    var title = bar && bar.querySelector(".md-header__title");
    if (!title) return;
    var d = document.createElement("div");
    d.className = "ar-dock";
    d.hidden = true;
    var mode = document.createElement("select");
    mode.id = "ar-dock-mode";
    mode.setAttribute("aria-label", "Notes");
    var short = { margin: "Notes: margin", under: "Notes: under text", hidden: "Notes: hidden" };
    MODES.forEach(function (m) { mode.appendChild(option(m, short[m])); });
    var kind = document.createElement("select");
    kind.id = "ar-dock-kind";
    kind.setAttribute("aria-label", "Kinds of notes shown");
    var total = page.cards.length;
    kind.appendChild(option("", "All kinds (" + total + ")"));
    page.kinds.forEach(function (k) { kind.appendChild(option(k.id, "Only " + k.label + " (" + k.count + ")")); });
    var some = option("some", "Some kinds");
    some.disabled = true;
    kind.appendChild(some);
    d.appendChild(mode);
    d.appendChild(kind);
    title.parentNode.insertBefore(d, title.nextSibling);
    d.addEventListener("change", function (e) {
      if (e.target === mode) { prefs.mode = mode.value; save(); apply(); }
      else if (e.target === kind) showOnly(kind.value);
    });
    page.dock = d;
    if (window.IntersectionObserver) {
      page.watcher = new IntersectionObserver(function (entries) {
        var e = entries[entries.length - 1];
        // Shown once the page's controls are above the screen, not while they are below it.
        d.hidden = e.isIntersecting || e.boundingClientRect.top > 0;
      });
      page.watcher.observe(box);
    }
  }

  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  /* Every control says the reader's current choice, whichever one made it. */
  function sync() {
    each(document.querySelectorAll('input[name="ar-mode"]'), function (r) { r.checked = r.value === prefs.mode; });
    each(document.querySelectorAll("input[data-ar-kind]"), function (c) { c.checked = !isOff(c.value); });
    var shown = page.kinds.filter(function (k) { return !isOff(k.id); });
    each(document.querySelectorAll("button[data-ar-only]"), function (b) {
      var only = b.getAttribute("data-ar-only");
      var on = only ? shown.length === 1 && shown[0].id === only : shown.length === page.kinds.length;
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    if (!page.dock) return;
    page.dock.querySelector("#ar-dock-mode").value = prefs.mode;
    page.dock.querySelector("#ar-dock-kind").value = shown.length === page.kinds.length ? ""
      : shown.length === 1 ? shown[0].id : "some";
  }

  // -- applying the reader's choice --------------------------------------------------------

  /* The mode is a class of the text (and of its article, for the margin): a class changed on
   * the root element would have the browser restyle the whole page. */
  function apply() {
    measured = null; // the mode, the kinds shown or the window changed: read everything again
    var on = marginOn();
    if (!page) return;
    MODES.forEach(function (m) { page.text.classList.toggle("ar-notes-" + m, prefs.mode === m); });
    page.article.classList.toggle("ar-margin-on", on);
    if (!on && page.height) { page.article.style.minHeight = ""; page.height = ""; } // no cards to end below
    var said = on ? "margin" : underOn() ? "under" : "popover";
    if (page.announced !== said) {
      page.announced = said;
      // In the margin, a card not yet built is announced as grow() builds it: the page opens
      // touching the numbers of the first screen's notes only.
      page.cards.forEach(function (c) { if (!on || built(c)) announce(c, on); });
    }
    // Every kind shown, as every page opens until the reader filters: nothing to mark.
    if (prefs.off.length || page.filtered) filter();
    sync();
    if (selected && page.byId[selected] && isOff(page.byId[selected].kind)) select(null);
    layout();
    // For the note map (notemap.js), which follows the kinds shown and the text's layout.
    document.dispatchEvent(new CustomEvent("annotated-reader:notes"));
  }

  function filter() {
    page.filtered = prefs.off.length > 0;
    each(page.text.querySelectorAll("mark.ar-hl, a.ar-ref, li.ar-note"), function (el) {
      var c = page.byId[el.getAttribute("data-ar")];
      el.classList.toggle("ar-off", !!c && isOff(c.kind));
    });
    page.cards.forEach(function (c) { if (built(c)) c.el.classList.toggle("ar-off", isOff(c.kind)); });
    // A block whose every note is filtered out shows no empty list under it.
    each(page.text.querySelectorAll(".ar-notes"), function (n) {
      n.classList.toggle("ar-off", !n.querySelector("li.ar-note:not(.ar-off)"));
    });
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

  /* Where the column goes: right of the text, as wide as the window leaves room for. Read
   * before the cards exist, from a layout the browser has already done, so that the cards are
   * laid out once, at their final width (an absolute column without a width would have the
   * browser size every card's text to fit first). */
  function frame(text, article) {
    var textBox = text.getBoundingClientRect(), artBox = article.getBoundingClientRect();
    var root = document.documentElement.clientWidth;
    return {
      left: textBox.right - artBox.left + COLUMN_GAP,
      width: Math.max(160, Math.min(MAX_WIDTH, root - 12 - textBox.right - COLUMN_GAP)),
      base: textBox.top - artBox.top, // the column's top is the article's
      end: textBox.bottom - artBox.top,
      textTop: textBox.top,
    };
  }

  /* Every measurement the layout needs, read in one pass: each shown card's passage top and
   * its heights (content, head line, border and padding). Kept until the text or the cards
   * change (apply(), a resize, a font, a card opened); selecting or lighting a card moves the
   * cards with no reading at all. Cards built since (``prev``) are read and added alone: a
   * card's heights and its passage's place do not depend on the cards, as long as the column's
   * width and the text's place in the article are the same. */
  function measure(prev) {
    var f = frame(page.text, page.article), col = page.column;
    if (col.style.width !== f.width + "px") { // a new width reflows every card
      col.style.width = f.width + "px";
      col.style.left = f.left + "px";
      prev = null;
    }
    if (prev && prev.frame.base !== f.base) prev = null;
    var line = prev ? prev.line : parseFloat(getComputedStyle(col).lineHeight) || 20;
    var m = prev || { shown: [], line: line, collapsed: Math.round(COLLAPSED_LINES * line),
      targets: [], content: [], head: [], chrome: [], opened: [], upTo: 0 };
    m.frame = f;
    for (var i = m.upTo; i < page.ready; i++) {
      var c = page.cards[i];
      if (isOff(c.kind)) continue;
      m.shown.push(c);
      m.targets.push(c.mark.getBoundingClientRect().top - f.textTop + f.base);
      m.opened.push(c.el.classList.contains("ar-open"));
      m.content.push(c.inner.scrollHeight);
      m.head.push(c.head ? c.head.offsetHeight : line);
      m.chrome.push(c.el.offsetHeight - c.inner.clientHeight);
    }
    m.upTo = page.ready;
    return m;
  }

  function layout(pin) {
    if (!marginOn()) return;
    var t0 = performance.now();
    if (!measured || measured.upTo < page.ready) measured = measure(measured);
    var m = measured, shown = m.shown, n = shown.length, i;
    var targets = m.targets, content = m.content, collapsed = m.collapsed, opened = m.opened;
    var anchor = -1;
    for (i = 0; i < n; i++) if (shown[i].id === selected) anchor = i;
    var heights = new Array(n), clip = new Array(n);
    for (i = 0; i < n; i++) {
      clip[i] = opened[i] ? "" : Math.min(content[i], collapsed);
      heights[i] = m.chrome[i] + (opened[i] ? content[i] : clip[i]);
    }
    // Where the next passage starts before a card would end, the card shrinks to its head
    // (number, kind, verdict); selecting it opens it again. A margin of 40 notes beside
    // 1,800 pixels of text has no room for more.
    var stub = new Array(n);
    for (i = 0; i < n; i++) {
      stub[i] = i + 1 < n && i !== anchor && !opened[i] && targets[i + 1] - targets[i] < heights[i] + GAP;
      if (stub[i]) { clip[i] = m.head[i]; heights[i] = m.chrome[i] + m.head[i]; }
    }
    var pos = positions(targets, heights, anchor, anchor < 0 ? undefined : pin);
    // ... and written, all in one pass.
    var worst = 0, worstId = null, bottom = 0;
    for (i = 0; i < n; i++) {
      var card = shown[i];
      var h = clip[i] === "" ? "none" : clip[i] + "px";
      // Written only where it changed: a selection moves a few cards, not every one.
      if (card.clip !== h) { card.inner.style.maxHeight = h; card.clip = h; }
      var fit = stub[i] ? "stub" : opened[i] || content[i] > collapsed + 2 ? "long" : "short";
      if (card.fit !== fit) { card.el.setAttribute("data-fit", fit); card.fit = fit; }
      if (card.top !== pos[i]) { card.el.style.top = pos[i] + "px"; card.top = pos[i]; }
      bottom = Math.max(bottom, pos[i] + heights[i]);
      if (pos[i] - targets[i] > worst) { worst = pos[i] - targets[i]; worstId = card.id; }
    }
    // The article ends below its last card, where the cards run past the text: written only
    // then, and only when it changes, since a new height lays out the page around the article.
    var height = bottom > m.frame.end ? bottom + "px" : "";
    if (page.height !== height) { page.article.style.minHeight = height; page.height = height; }
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
    if (c.el.classList.contains("ar-open") !== open) measured = null; // its height changes
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
    if (built(c)) c.el.classList.toggle(cls, on);
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
    if (id) ensure(id);
    if (id !== selected) {
      paint(selected, "ar-lit", false);
      selected = id;
      paint(selected, "ar-lit", true);
    }
    var c = stay && page && page.byId[id];
    layout(c && c.top !== null ? c.top : undefined);
  }

  /* Open note ``id`` (a deep link, a click or Enter on its number or passage). Returns true
   * when the margin shows it; otherwise reader.js opens it in its popover. */
  function open(id, how) {
    if (!page || !page.byId[id]) return false;
    var c = ensure(id);
    if (isOff(c.kind)) { // a link to a note of a hidden kind shows that kind again
      prefs.off = prefs.off.filter(function (k) { return k !== c.kind; });
      save();
      var box = document.getElementById("ar-show-" + c.kind);
      if (box) box.checked = true;
      apply();
    }
    select(id);
    if (underOn()) { // the note is printed under its paragraph: go to it, no popover over it
      var item = document.getElementById("note-" + id);
      if (!item) return false;
      if (how && how.scroll) c.mark.scrollIntoView({ block: "center", behavior: "instant" });
      // The note brought up under its passage, as far as the passage stays on the screen.
      var over = item.getBoundingClientRect().bottom + 8 - window.innerHeight;
      var header = document.querySelector(".md-header");
      var room = c.mark.getBoundingClientRect().top - (header ? header.getBoundingClientRect().bottom : 0) - 8;
      if (over > 0 && room > 0) window.scrollBy(0, Math.min(over, room));
      if (how && how.focus) {
        item.setAttribute("tabindex", "-1");
        item.focus({ preventScroll: true });
      }
      return true;
    }
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
    if (page && page.text === text) return; // the theme's document$ and DOMContentLoaded both ask
    if (observer) observer.disconnect();
    if (page && page.watcher) page.watcher.disconnect();
    // The theme keeps its header across instant navigation: the last page's menus go.
    each(document.querySelectorAll(".ar-dock"), function (d) { d.remove(); });
    clearTimeout(timer2);
    page = measured = null;
    restMs = longestMs = 0;
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
      longestMs = firstMs;
      timer2 = setTimeout(more, 0);
      if (window.ResizeObserver) observer = watch(text);
      return;
    }
    apply();
  }

  /* Relayout when the text's box changes size (its column reflowed, a font arrived), not on
   * the observer's first report of the size the layout has just read. */
  function watch(text) {
    var seen = null;
    var o = new ResizeObserver(function (entries) {
      var r = entries[entries.length - 1].contentRect, size = r.width + "x" + r.height;
      if (seen !== null && size !== seen) later();
      seen = size;
    });
    o.observe(text);
    return o;
  }

  window.annotatedReaderMargin = {
    open: open,
    on: marginOn,
    under: underOn,
    select: function (id) { if (page && page.byId[id]) select(id); },
    // ``keep``: reuse the last measurements, as selecting a card does (benchmarks/margin_layout.py)
    relayout: function (keep) { if (!keep) measured = null; layout(); return stats; },
    stats: function () {
      return Object.assign({ firstMs: firstMs, pageMs: pageMs, restMs: restMs, longestMs: longestMs,
        settled: !page || (page.ready === page.cards.length && page.docked) }, stats);
    },
    reduced: function () { return reduced.matches; },
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
  else onPage();
})();
