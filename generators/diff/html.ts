/**
 * The diff as one self-contained HTML page (no network, works offline):
 * summary, per-RPC verdicts, filters by severity, document and port status,
 * and a side-by-side OLD/NEW view of prose changes. Every string from the
 * spec is HTML-escaped; on top of that a Content-Security-Policy admits only
 * this page's own script and style (by hash), so even a missed escape could
 * not run injected script.
 */
import { createHash } from 'node:crypto';
import type { Change, DiffResult, WordRun } from '../../src/diff/types.js';
import { groupByDocument, portStatus, summarize } from '../../src/diff/summary.js';
import { portText } from './markdown.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1b1f24;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.6rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;padding:.6rem;background:#f6f8fa;border:1px solid #d0d7de}
.change{border:1px solid #d0d7de;border-left-width:6px;margin:.5rem 0;padding:.4rem .7rem}
.change[data-severity=breaking]{border-left-color:#cf222e}.change[data-severity=warning]{border-left-color:#bf8700}.change[data-severity=info]{border-left-color:#0969da}
.change[hidden]{display:none}.meta{color:#57606a;font-size:.85rem}.rule{font-family:ui-monospace,monospace}
.sev{font-weight:600;text-transform:uppercase;font-size:.8rem}
.prose{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin-top:.4rem}
.prose>div{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.8rem;background:#f6f8fa;padding:.4rem;overflow-wrap:anywhere}
del{background:#ffebe9;text-decoration:line-through}ins{background:#dafbe1;text-decoration:none}
.verdict-incompatible{color:#cf222e}.verdict-degraded{color:#9a6700}
`;

const SCRIPT = `
(function () {
  var selects = ['severity', 'document', 'port'].map(function (k) { return document.getElementById('filter-' + k); });
  var changes = Array.prototype.slice.call(document.querySelectorAll('.change'));
  var shown = document.getElementById('shown');
  function apply() {
    var n = 0;
    changes.forEach(function (el) {
      var ok = selects.every(function (s) { return s.value === '' || el.getAttribute('data-' + s.name) === s.value; });
      el.hidden = !ok;
      if (ok) n++;
    });
    document.querySelectorAll('section.doc').forEach(function (sec) {
      sec.hidden = !sec.querySelector('.change:not([hidden])');
    });
    shown.textContent = String(n);
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  apply();
})();
`;

function hash(s: string): string {
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}

function runs(list: WordRun[], side: 'old' | 'new'): string {
  return list
    .filter((r) => r.op === 'equal' || (side === 'old' ? r.op === 'delete' : r.op === 'insert'))
    .map((r) => (r.op === 'equal' ? escapeHtml(r.text) : r.op === 'delete' ? `<del>${escapeHtml(r.text)}</del>` : `<ins>${escapeHtml(r.text)}</ins>`))
    .join('');
}

function loc(l: Change['from']): string {
  return l ? escapeHtml(`${l.file}:${l.line}:${l.column}`) : '-';
}

function change(c: Change): string {
  const prose = c.prose
    ? `<div class="prose"><div class="old" aria-label="old">${runs(c.prose.runs, 'old')}</div><div class="new" aria-label="new">${runs(c.prose.runs, 'new')}</div></div>`
    : '';
  return `<article class="change" data-severity="${c.severity}" data-document="${escapeHtml(c.document)}" data-port="${portStatus(c)}">
<div><span class="sev">${c.severity}</span> <span class="rule">${escapeHtml(c.rule)}</span>${c.direction !== 'none' ? ` (${c.direction})` : ''} <code>${escapeHtml(c.path)}</code></div>
<div class="message">${escapeHtml(c.message)}</div>
<div class="meta">port: ${escapeHtml(portText(c.port))}${c.port !== 'untracked' && c.port.note ? ` — ${escapeHtml(c.port.note)}` : ''} · from ${loc(c.from)} · to ${loc(c.to)}</div>
${prose}</article>`;
}

function options(values: string[], label: (v: string) => string): string {
  return ['<option value="">all</option>', ...values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(label(v))}</option>`)].join('');
}

export function renderHtml(d: DiffResult): string {
  const s = summarize(d);
  const groups = groupByDocument(d.changes);
  const docLabel = (doc: string) => (doc === '-' ? 'edition and registries' : doc);
  const title = `mxspec diff: ${d.from.label} → ${d.to.label}`;
  const csp = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const verdictRows = d.verdicts
    .map((v) => `<tr><td>${escapeHtml(v.rpc)}</td><td class="verdict-${v.verdict}">${v.verdict}</td><td>${v.breaking}</td><td>${v.warning}</td><td>${v.info}</td></tr>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>From ${escapeHtml(`${d.from.editionLabel} ${d.from.version}`)} to ${escapeHtml(`${d.to.editionLabel} ${d.to.version}`)}.</p>
<h2>Summary</h2>
<table id="summary"><tr><th>breaking</th><th>warning</th><th>info</th><th>total</th><th>untracked</th><th>unclassified</th></tr>
<tr><td>${s.breaking}</td><td>${s.warning}</td><td>${s.info}</td><td>${s.total}</td><td>${s.untracked}</td><td>${s.unclassified}</td></tr></table>
<p>Port records: ${Object.entries(s.ports).map(([k, v]) => `${k} ${v}`).join(', ')}. RPCs: ${s.verdicts.interoperable} interoperable, ${s.verdicts.degraded} degraded, ${s.verdicts.incompatible} incompatible.</p>
<details><summary>Interoperability per RPC</summary>
<table id="verdicts"><tr><th>RPC</th><th>verdict</th><th>breaking</th><th>warning</th><th>info</th></tr>
${verdictRows}
</table></details>
<h2>Changes</h2>
<form class="filters" id="filters">
<label>severity <select id="filter-severity" name="severity">${options(['breaking', 'warning', 'info'], (v) => v)}</select></label>
<label>document <select id="filter-document" name="document">${options(groups.map(([doc]) => doc), docLabel)}</select></label>
<label>port <select id="filter-port" name="port">${options(['untracked', 'pending', 'accepted', 'rejected', 'by-design'], (v) => v)}</select></label>
<span><span id="shown">${d.changes.length}</span> of ${d.changes.length} shown</span>
</form>
${d.changes.length ? '' : '<p>No differences.</p>'}
${groups.map(([doc, changes]) => `<section class="doc" data-document="${escapeHtml(doc)}"><h3>${escapeHtml(docLabel(doc))}</h3>\n${changes.map(change).join('\n')}\n</section>`).join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
