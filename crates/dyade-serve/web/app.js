// dyade web page. Vanilla JS, no dependencies.
// SECURITY: article text and every field from the API are untrusted. The DOM is built with
// createElement + textContent only (the `el` helper); no innerHTML, no string-built HTML.
'use strict';

const SVGNS = 'http://www.w3.org/2000/svg';
const QUAD_NAMES = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
const QUAD_COLORS = { 1: '#7fbf7b', 2: '#1b7837', 3: '#f4a582', 4: '#b2182b' };

// Build an element: attrs (class, on* handlers as functions, other attributes as strings),
// children as nodes or strings (strings become text nodes, never markup).
function el(tag, attrs, ...children) {
  const n = document.createElement(tag);
  setAttrs(n, attrs);
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return n;
}
function svg(tag, attrs, ...children) {
  const n = document.createElementNS(SVGNS, tag);
  setAttrs(n, attrs);
  for (const c of children.flat()) if (c !== null && c !== undefined) n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return n;
}
function setAttrs(n, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') n.addEventListener(k.slice(2), v);
    else if (k === 'href') n.setAttribute('href', safeHref(String(v)));
    else n.setAttribute(k, String(v));
  }
}
// Only in-page routes and http(s) links; anything else (javascript:, data:) becomes inert.
function safeHref(h) {
  if (h.startsWith('#/') || h.startsWith('/api/')) return h;
  try { const u = new URL(h); if (u.protocol === 'http:' || u.protocol === 'https:') return u.href; } catch (_) { /* fallthrough */ }
  return '#';
}
function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); return n; }

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v !== null && v !== undefined) qs.set(k, v);
  const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
  const r = await fetch(url);
  const body = await r.json().catch(() => ({ error: 'bad response' }));
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const [path, qs] = h.split('?');
  const parts = path.split('/').filter(Boolean);
  return { view: parts[0] || 'timeline', arg: parts[1] ? decodeURIComponent(parts[1]) : null, params: new URLSearchParams(qs || '') };
}
function go(view, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v !== null && v !== undefined) qs.set(k, v);
  location.hash = '#/' + view + (qs.toString() ? '?' + qs : '');
}

const view = () => document.getElementById('view');
function showError(where, e) { where.append(el('p', { class: 'error', role: 'alert' }, String(e.message || e))); }

// ---------- shared pieces ----------

function quadBadge(q) { return el('span', { class: 'quad q' + (q || 0), title: QUAD_NAMES[q] || 'unknown quad class' }); }
function fmtActor(code, person) { return [code || '?', person ? ' (' + person + ')' : ''].join(''); }

// Split text (as code points) into runs, each with the set of classes covering it.
function runs(text, spans) {
  const chars = Array.from(text);
  const n = chars.length;
  const cuts = new Set([0, n]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(n, s.start))); cuts.add(Math.max(0, Math.min(n, s.end))); }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    if (a === b) continue;
    const cover = spans.filter(s => s.start <= a && s.end >= b);
    out.push({ start: a, end: b, text: chars.slice(a, b).join(''), spans: cover });
  }
  return out;
}
// Render text with spans: each span {start, end, cls, title, id}. Returns a container.
function renderSpans(container, text, spans) {
  for (const r of runs(text, spans)) {
    if (!r.spans.length) { container.append(document.createTextNode(r.text)); continue; }
    const classes = [...new Set(r.spans.map(s => s.cls))].join(' ');
    const title = r.spans.map(s => s.title).filter(Boolean).join('\n');
    const node = el('span', { class: classes, title: title || null }, r.text);
    for (const s of r.spans) if (s.mark) node.setAttribute('data-mark', s.mark);
    container.append(node);
  }
  return container;
}

// The source view of one event: the article text with the event's sentence highlighted.
async function showSource(target, ev) {
  clear(target);
  target.append(el('p', { class: 'muted' }, 'Loading source…'));
  try {
    const a = await api('articles/' + ev.doc_id);
    clear(target);
    target.append(
      el('h3', {}, a.title || a.doc),
      el('p', { class: 'muted' }, [a.source, a.published, 'event ' + ev.id + ': ' + ev.type + (ev.mode ? '/' + ev.mode : '')].filter(Boolean).join(' · '), ' ',
        el('a', { href: '#/article/' + a.id + '?ev=' + ev.id }, 'open article with all layers')));
    const box = el('div', { class: 'article-text', id: 'source-text' });
    renderSpans(box, a.text, [
      { start: ev.sentence_start, end: ev.sentence_end, cls: 'hl-sentence', mark: 'sentence', title: 'source sentence' },
      { start: ev.trigger_start, end: ev.trigger_end, cls: 'hl-trigger', title: 'trigger' },
    ]);
    target.append(box);
    const s = box.querySelector('.hl-sentence');
    if (s) box.scrollTop = Math.max(0, s.offsetTop - box.offsetTop - 40);
  } catch (e) { clear(target); showError(target, e); }
}

function eventTable(items, sourceTarget, opts) {
  const head = el('tr', {}, ['date', 'type', 'actor', 'recipient', 'trigger', 'sentence', 'article'].map(h => el('th', {}, h)));
  const body = el('tbody');
  for (const e of items) {
    const tr = el('tr', { class: 'event-row', 'data-event': e.id, tabindex: '0' },
      el('td', {}, e.date || e.day || (e.published || '').slice(0, 10) || '?'),
      el('td', {}, quadBadge(e.quad), e.type, e.mode ? '/' + e.mode : '', e.negated ? ' (negated)' : ''),
      el('td', {}, fmtActor(e.actor, e.actor_person)),
      el('td', {}, fmtActor(e.recipient, e.recipient_person)),
      el('td', {}, e.trigger),
      el('td', {}, (e.sentence || '').length > 160 ? e.sentence.slice(0, 160) + '…' : e.sentence),
      el('td', {}, e.title || e.doc || ''));
    const open = () => {
      body.querySelectorAll('tr.selected').forEach(x => x.classList.remove('selected'));
      tr.classList.add('selected');
      showSource(sourceTarget, e);
      if (opts && opts.scroll) sourceTarget.scrollIntoView({ block: 'nearest' });
    };
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', k => { if (k.key === 'Enter') open(); });
    body.append(tr);
  }
  return el('table', { class: 'events' }, el('thead', {}, head), body);
}

function pager(res, onPage) {
  const p = el('div', { class: 'pager' });
  const from = res.total ? res.offset + 1 : 0, to = res.offset + res.items.length;
  p.append(el('span', { class: 'muted' }, from + '–' + to + ' of ' + res.total));
  if (res.offset > 0) p.append(el('button', { onclick: () => onPage(Math.max(0, res.offset - res.limit)) }, '← previous'));
  if (res.next_offset !== null && res.next_offset !== undefined) p.append(el('button', { onclick: () => onPage(res.next_offset) }, 'next →'));
  return p;
}

function filterForm(fields, values, onSubmit) {
  const f = el('form', { class: 'filters' });
  for (const [name, label, kind] of fields) {
    let input;
    if (Array.isArray(kind)) {
      input = el('select', { name }, kind.map(([v, l]) => { const o = el('option', { value: v }, l); if ((values.get(name) || '') === v) o.selected = true; return o; }));
    } else {
      input = el('input', { name, type: kind || 'text', size: 10 });
      input.value = values.get(name) || '';
    }
    f.append(el('label', {}, label, input));
  }
  f.append(el('button', { type: 'submit' }, 'Apply'));
  f.addEventListener('submit', ev => { ev.preventDefault(); const o = {}; for (const [k, v] of new FormData(f)) o[k] = v; onSubmit(o); });
  return f;
}

// ---------- views ----------

async function viewTimeline(params) {
  const v = clear(view());
  const a = params.get('a') || 'RUS', b = params.get('b') || 'PRK', bucket = params.get('bucket') || 'month';
  v.append(el('h2', {}, 'Dyad timeline: ' + a + ' – ' + b));
  v.append(filterForm([['a', 'actor A'], ['b', 'actor B'], ['bucket', 'bucket', [['month', 'month'], ['year', 'year'], ['day', 'day']]], ['from', 'from (YYYY-MM-DD)'], ['to', 'to']],
    params, o => go('timeline', o)));
  const chart = el('div', { class: 'panel', id: 'timeline' });
  const list = el('div');
  const source = el('div', { class: 'panel', id: 'source' }, el('p', { class: 'muted' }, 'Click an event to see its source sentence in the article.'));
  v.append(chart, el('div', { class: 'cols' }, list, source));
  try {
    const res = await api('dyad', { a, b, bucket, from: params.get('from'), to: params.get('to') });
    drawTimeline(chart, res);
    list.append(el('h3', {}, res.total + ' events' + (res.index !== null ? ' · index ' + res.index : '')));
    list.append(eventTable(res.items, source, { scroll: false }));
  } catch (e) { showError(chart, e); }
}

function drawTimeline(target, res) {
  clear(target);
  const P = res.periods;
  if (!P.length) { target.append(el('p', { class: 'muted' }, 'No dated events for this pair.')); return; }
  const W = 1000, H = 260, L = 40, R = 50, T = 16, B = 40;
  const maxN = Math.max(1, ...P.map(p => p.total));
  const bw = (W - L - R) / P.length;
  const y = n => H - B - (n / maxN) * (H - T - B);
  const yi = s => T + (10 - s) / 20 * (H - T - B);
  const g = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: '100%', id: 'timeline-svg', role: 'img', 'aria-label': 'events per period by quad class, and the cooperation/conflict index' });
  // axes
  g.append(svg('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#999' }), svg('line', { x1: L, y1: T, x2: L, y2: H - B, stroke: '#999' }));
  g.append(svg('text', { x: 4, y: T + 4 }, String(maxN)), svg('text', { x: 4, y: H - B }, '0'));
  g.append(svg('text', { x: W - R + 6, y: yi(10) + 4 }, '+10'), svg('text', { x: W - R + 6, y: yi(0) + 4 }, '0'), svg('text', { x: W - R + 6, y: yi(-10) + 4 }, '−10'));
  g.append(svg('line', { x1: L, y1: yi(0), x2: W - R, y2: yi(0), stroke: '#ccc', 'stroke-dasharray': '4 3' }));
  const labelEvery = Math.ceil(P.length / 12);
  const pts = [];
  P.forEach((p, i) => {
    let acc = 0;
    const x = L + i * bw + bw * 0.15, w = Math.max(1, bw * 0.7);
    for (const q of [1, 2, 3, 4]) {
      const n = p['q' + q];
      if (!n) continue;
      const r = svg('rect', { x, y: y(acc + n), width: w, height: y(acc) - y(acc + n), fill: QUAD_COLORS[q], class: 'bar q' + q, 'data-period': p.period });
      r.append(svg('title', {}, p.period + ': ' + n + ' ' + QUAD_NAMES[q]));
      g.append(r);
      acc += n;
    }
    if (p.index !== null) pts.push([x + w / 2, yi(p.index), p]);
    if (i % labelEvery === 0) g.append(svg('text', { x: x, y: H - B + 14 }, p.period));
  });
  if (pts.length > 1) g.append(svg('polyline', { points: pts.map(p => p[0] + ',' + p[1]).join(' '), fill: 'none', stroke: '#333', 'stroke-width': 1.5 }));
  for (const [cx, cy, p] of pts) { const c = svg('circle', { cx, cy, r: 3, fill: '#333' }); c.append(svg('title', {}, p.period + ': index ' + p.index)); g.append(c); }
  target.append(g);
  const legend = el('div', { class: 'legend' });
  for (const q of [1, 2, 3, 4]) legend.append(el('span', {}, quadBadge(q), QUAD_NAMES[q]));
  legend.append(el('span', {}, '— cooperation/conflict index (mean PLOVER score, right axis)'));
  target.append(legend);
}

async function viewEvents(params) {
  const v = clear(view());
  v.append(el('h2', {}, 'Events'));
  const quads = [['', 'any'], ['1', '1 verbal coop'], ['2', '2 material coop'], ['3', '3 verbal conflict'], ['4', '4 material conflict']];
  v.append(filterForm([['actor', 'actor'], ['recipient', 'recipient'], ['type', 'type'], ['quad', 'quad', quads], ['from', 'from'], ['to', 'to'], ['source', 'source']],
    params, o => go('events', o)));
  const out = el('div'), source = el('div', { class: 'panel', id: 'source' }, el('p', { class: 'muted' }, 'Click an event to see its source sentence.'));
  v.append(out, source);
  const q = Object.fromEntries(params);
  try {
    const res = await api('events', q);
    out.append(pager(res, off => go('events', { ...q, offset: off })), eventTable(res.items, source, { scroll: true }));
  } catch (e) { showError(out, e); }
}

async function viewArticles(params) {
  const v = clear(view());
  v.append(el('h2', {}, 'Articles'));
  v.append(filterForm([['q', 'search words'], ['source', 'source'], ['from', 'from'], ['to', 'to']], params, o => go('articles', o)));
  const out = el('div');
  v.append(out);
  const q = Object.fromEntries(params);
  try {
    const res = await api('articles', q);
    const ul = el('ul');
    for (const a of res.items) {
      const li = el('li', {}, el('a', { href: '#/article/' + a.id }, a.title || a.doc), ' ', el('span', { class: 'muted' }, [a.source, a.published].filter(Boolean).join(' · ')));
      if (a.snippet) {
        // Matches are wrapped in U+0002 … U+0003 by the API: split, never parse markup.
        const sn = el('div', { class: 'muted snippet' });
        a.snippet.split('\u0002').forEach((part, i) => {
          if (i === 0) { sn.append(document.createTextNode(part)); return; }
          const [hit, rest] = part.split('\u0003');
          sn.append(el('mark', {}, hit), document.createTextNode(rest || ''));
        });
        li.append(sn);
      }
      ul.append(li);
    }
    out.append(pager(res, off => go('articles', { ...q, offset: off })), ul);
  } catch (e) { showError(out, e); }
}

async function viewArticle(id, params) {
  const v = clear(view());
  let a;
  try { a = await api('articles/' + encodeURIComponent(id)); } catch (e) { showError(v, e); return; }
  const evSel = params.get('ev');
  v.append(el('h2', { id: 'article-title' }, a.title || a.doc));
  const meta = [a.source, a.published && ('published ' + a.published), a.lang, a.doc].filter(Boolean).join(' · ');
  v.append(el('p', { class: 'muted' }, meta, ' ', a.url ? el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'original') : ''));
  const text = el('div', { class: 'article-text full', id: 'article-text' });
  const toggles = el('div', { class: 'legend' });
  for (const [k, label, cls] of [['ent', 'entities', 'l-ent'], ['timex', 'dates', 'l-timex'], ['quote', 'quotes', 'l-quote'], ['event', 'events', 'l-event']]) {
    const cb = el('input', { type: 'checkbox', 'data-layer': k });
    cb.checked = true;
    cb.addEventListener('change', () => text.classList.toggle('hide-' + k, !cb.checked));
    toggles.append(el('label', {}, cb, el('span', { class: cls }, label)));
  }
  v.append(toggles);
  const spans = [];
  for (const b of a.boilerplate) spans.push({ start: b.start, end: b.end, cls: 'l-boiler', title: 'boilerplate (' + b.label + ')' });
  for (const e of a.entities) spans.push({ start: e.start, end: e.end, cls: 'l-ent l-ent-' + e.type, title: e.type + (e.ref ? ' → ' + e.ref : '') });
  for (const t of a.timexes) spans.push({ start: t.start, end: t.end, cls: 'l-timex', title: t.type + ' = ' + t.value + (t.mod ? ' (' + t.mod + ')' : '') });
  for (const q of a.quotes) spans.push({ start: q.start, end: q.end, cls: 'l-quote', title: q.kind + ' quote, speaker: ' + (q.speaker || '?') + (q.cue ? ' [' + q.cue + ']' : '') });
  for (const e of a.events) {
    const sel = String(e.id) === evSel;
    spans.push({ start: e.sentence_start, end: e.sentence_end, cls: sel ? 'l-event hl-sentence' : 'l-event', mark: sel ? 'sentence' : null,
      title: e.type + (e.mode ? '/' + e.mode : '') + ': ' + fmtActor(e.actor, e.actor_person) + ' → ' + fmtActor(e.recipient, e.recipient_person) + (e.date ? ' @ ' + e.date : '') });
    spans.push({ start: e.trigger_start, end: e.trigger_end, cls: 'l-trigger', title: 'trigger' });
  }
  renderSpans(text, a.text, spans);
  v.append(el('div', { class: 'panel' }, text));
  const lists = el('div', { class: 'cols' });
  lists.append(el('div', {}, el('h3', {}, 'Entities (' + a.entities.length + ')'),
    el('ul', { class: 'side-list' }, a.entities.map(e => el('li', {}, e.type + ' ', el('b', {}, e.text), e.ref ? ' → ' + e.ref : '')))));
  lists.append(el('div', {}, el('h3', {}, 'Dates (' + a.timexes.length + ')'),
    el('ul', { class: 'side-list' }, a.timexes.map(t => el('li', {}, el('b', {}, t.text), ' = ' + t.value)))));
  lists.append(el('div', {}, el('h3', {}, 'Quotes (' + a.quotes.length + ')'),
    el('ul', { class: 'side-list' }, a.quotes.map(q => el('li', {}, (q.speaker || '?') + ': «' + q.text + '»')))));
  lists.append(el('div', {}, el('h3', {}, 'Events (' + a.events.length + ')'),
    el('ul', { class: 'side-list' }, a.events.map(e => el('li', {}, quadBadge(e.quad), e.type + ' ' + fmtActor(e.actor) + ' → ' + fmtActor(e.recipient) + ' (' + (e.trigger || '') + ')')))));
  v.append(lists);
  const hl = text.querySelector('.hl-sentence');
  if (hl) hl.scrollIntoView({ block: 'center' });
}

async function viewQuotes(params) {
  const v = clear(view());
  v.append(el('h2', {}, 'Quotes by speaker'));
  const left = el('div'), right = el('div');
  v.append(el('div', { class: 'cols' }, left, right));
  const speaker = params.get('speaker');
  try {
    const sp = await api('speakers', { limit: 100 });
    const ul = el('ul', { class: 'speaker-list' });
    for (const s of sp.items) {
      ul.append(el('li', { class: s.speaker === speaker ? 'selected' : null, onclick: () => go('quotes', { speaker: s.speaker }) }, s.speaker + ' (' + s.quotes + ')'));
    }
    left.append(el('h3', {}, sp.total + ' speakers'), ul);
    const res = await api('quotes', { speaker, limit: 100, offset: params.get('offset') });
    right.append(el('h3', {}, (speaker || 'all speakers') + ': ' + res.total + ' quotes'), pager(res, off => go('quotes', { speaker, offset: off })));
    for (const q of res.items) {
      right.append(el('div', { class: 'panel' }, el('div', {}, '«' + q.text + '»'),
        el('div', { class: 'muted' }, (q.speaker || '?') + ' · ' + q.kind + (q.cue ? ' · ' + q.cue : '') + ' · ', el('a', { href: '#/article/' + q.doc_id }, q.title || q.doc))));
    }
  } catch (e) { showError(v, e); }
}

async function viewGraph() {
  const v = clear(view());
  v.append(el('h2', {}, 'Actor graph'), el('p', { class: 'muted' }, 'Top actor pairs by number of events; edge color is the mean PLOVER score (green cooperation, red conflict). Click an edge for its timeline.'));
  const box = el('div', { class: 'panel' });
  v.append(box);
  try {
    const res = await api('top/pairs', { undirected: 'true', limit: 60 });
    if (!res.items.length) { box.append(el('p', { class: 'muted' }, 'No events with both an actor and a recipient yet.')); return; }
    const nodes = new Map();
    for (const p of res.items) for (const c of [p.actor, p.recipient]) nodes.set(c, (nodes.get(c) || 0) + p.events);
    const W = 900, H = 620, cx = W / 2, cy = H / 2, R = 250;
    const names = [...nodes.keys()].sort((a, b) => nodes.get(b) - nodes.get(a));
    const pos = new Map(names.map((n, i) => [n, [cx + R * Math.cos(2 * Math.PI * i / names.length), cy + R * Math.sin(2 * Math.PI * i / names.length)]]));
    const maxE = Math.max(...res.items.map(p => p.events));
    const g = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: '100%', id: 'graph-svg' });
    const color = s => s === null ? '#999' : (s >= 0 ? 'rgb(' + Math.round(180 - s * 15) + ',' + Math.round(160 + s * 5) + ',90)' : 'rgb(' + Math.round(180 - s * 5) + ',' + Math.round(150 + s * 12) + ',80)');
    for (const p of res.items) {
      const [x1, y1] = pos.get(p.actor), [x2, y2] = pos.get(p.recipient);
      const line = svg('line', { x1, y1, x2, y2, stroke: color(p.index), 'stroke-width': 1 + 7 * p.events / maxE, 'stroke-opacity': 0.8, class: 'edge' });
      line.append(svg('title', {}, p.actor + ' – ' + p.recipient + ': ' + p.events + ' events, index ' + p.index));
      line.addEventListener('click', () => go('timeline', { a: p.actor, b: p.recipient }));
      line.style.cursor = 'pointer';
      g.append(line);
    }
    for (const n of names) {
      const [x, y] = pos.get(n);
      const c = svg('circle', { cx: x, cy: y, r: 5 + 12 * Math.sqrt(nodes.get(n) / Math.max(...nodes.values())), fill: '#3a6ea5' });
      c.append(svg('title', {}, n + ': ' + nodes.get(n) + ' events'));
      g.append(c, svg('text', { x: x + 10, y: y - 8 }, n));
    }
    box.append(g);
  } catch (e) { showError(box, e); }
}

async function route() {
  const { view: name, arg, params } = parseHash();
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.view === name));
  try {
    if (name === 'events') await viewEvents(params);
    else if (name === 'articles') await viewArticles(params);
    else if (name === 'article' && arg) await viewArticle(arg, params);
    else if (name === 'quotes') await viewQuotes(params);
    else if (name === 'graph') await viewGraph();
    else await viewTimeline(params);
  } catch (e) { showError(clear(view()), e); }
  document.body.setAttribute('data-ready', name);
}

window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', async () => {
  route();
  try {
    const m = await api('meta');
    const c = m.counts;
    document.getElementById('counts').textContent = c.documents + ' articles · ' + c.events + ' events · ' + c.quotes + ' quotes · ' + c.entities + ' entity mentions';
  } catch (_) { /* counts are decoration */ }
});
