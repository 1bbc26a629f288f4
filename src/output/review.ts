/**
 * The review page (--review FILE): one self-contained HTML file in which each
 * report's text is shown as it was read, every figure highlighted by family
 * with its id, value and qualifiers, every number left unread marked, and the
 * checks beside the text with links to the figures they used. Readable with
 * JavaScript off (highlights, checks, links, a table of contents); the inline
 * script, allowed by its hash alone, only adds filters, click-to-highlight
 * and j/k navigation. Every piece of report text is escaped.
 *
 * A report's article is made where the report is extracted (a worker thread),
 * from the text its offsets point into; the table of contents, sorted by what
 * needs attention first, is written at the end from the runs' summaries.
 */
import { createHash } from 'node:crypto';
import { FLAGGED_STATUSES } from '../checks/flagged.js';
import type { Check, Indicator, Report } from '../report.js';

/** What the table of contents says of a report. */
export type ReviewEntry = {
  source: string;
  error?: string;
  place?: string | null;
  year?: number | null;
  figures: number;
  inconsistent: number;
  flagged: number;
  unread: number;
  /** Coverage in per cent, when known. */
  coverage?: number;
};

/** Indicator families, in the legend's order: the first id prefix that matches names the family. */
export const FAMILIES = [
  { name: 'births', label: '出生 births', test: (id: string) => id.startsWith('births.') },
  { name: 'operations', label: '手术与服务 operations', test: (id: string) => /^(surgery|contraception|healthCheck)\./.test(id) },
  { name: 'rates', label: '比率 rates', test: (id: string) => id.startsWith('rate.') },
  { name: 'sexratio', label: '性别比 sex ratio', test: (id: string) => id.startsWith('sexRatio.') },
  { name: 'money', label: '金额 money', test: (id: string) => id.endsWith('.amount') || id.startsWith('fee.') },
  { name: 'subsidies', label: '扶助对象 subsidies', test: (id: string) => id.startsWith('subsidy.') },
  { name: 'population', label: '人口 population', test: (id: string) => /^(population|women)\./.test(id) },
] as const;

export function familyOf(id: string): string {
  return FAMILIES.find((f) => f.test(id))?.name ?? 'other';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML, in an element or an attribute. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A stable id for a report's article, from its source: the same path gives the same anchor in every run. */
export function reportId(source: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193) >>> 0;
  return `r${h.toString(36)}`;
}


/** What a figure's highlight says on hover and focus. */
function tip(i: Indicator): string {
  const q: string[] = [];
  if (i.approximate) q.push('approximate');
  if (i.bound) q.push(i.bound === 'max' ? 'at most' : 'at least');
  if (i.scope) q.push(`scope ${i.scope}`);
  if (i.period) q.push(`period ${i.period}`);
  return `${i.id} = ${i.value} ${i.unit}${q.length ? ` (${q.join(', ')})` : ''} · line ${i.line} · rule ${i.rule}`;
}

/** A stretch of text to mark, and the opening tag that marks it. */
type Span = { start: number; end: number; open: string };

/**
 * The text with its spans marked. Spans nest when one lies inside another (a figure whose text holds
 * another's). A span that starts inside another and runs past its end (two list items sharing words)
 * is cut at that end and marked `cut`: HTML elements cannot cross.
 */
export function markedText(text: string, spans: Span[]): string {
  const sorted = spans.filter((s) => s.end > s.start && s.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  const open: number[] = []; // the ends of the open marks, innermost last
  const closeUntil = (pos: number) => {
    while (open.length && open[open.length - 1]! <= pos) {
      const end = open.pop()!;
      out += esc(text.slice(at, end)) + '</mark>';
      at = end;
    }
  };
  for (const span of sorted) {
    closeUntil(span.start);
    const top = open[open.length - 1];
    const cut = top !== undefined && span.end > top;
    const end = cut ? top : span.end;
    out += esc(text.slice(at, span.start)) + (cut ? span.open.replace('<mark class="', '<mark class="cut ') : span.open);
    at = span.start;
    open.push(end);
  }
  closeUntil(Infinity);
  return out + esc(text.slice(at));
}

function checkItem(c: Check, k: number, rid: string, r: Report): string {
  const inputs = (c.inputs ?? []).filter((i) => r.indicators[i] !== undefined);
  const ids = inputs.map((i) => `${rid}-f${i}`).join(' ');
  const links = inputs
    .map((i) => {
      const ind = r.indicators[i]!;
      return `<a href="#${rid}-f${i}">${esc(ind.id)} ${ind.value} (line ${ind.line})</a>`;
    })
    .join(', ');
  const flagged = FLAGGED_STATUSES.has(c.status) ? ' flagged' : '';
  return `<li class="check ${c.status}${flagged}" id="${rid}-c${k}" data-inputs="${ids}" tabindex="-1"><span class="status">${esc(c.status)}</span> <b>${esc(c.subject.id)} ${c.subject.value}</b>${
    c.arithmetic ? ` <code>${esc(c.arithmetic)}</code>` : ''
  }<p>${esc(c.message)}</p>${links ? `<p class="inputs">figures: ${links}</p>` : ''}</li>`;
}

/** One report's article: its heading, its text with the marks, its checks and warnings. `text`: what the offsets point into. */
export function reviewArticle(r: Report, text: string | undefined): string {
  const rid = reportId(r.source);
  const s0 = r.sections?.find((s) => s.duplicateOf === undefined);
  const flagged = r.checks.filter((c) => FLAGGED_STATUSES.has(c.status)).length;
  const unread = r.coverage?.unread ?? [];
  const meta = r.error
    ? `<p class="error">could not be read: ${esc(r.error)}</p>`
    : `<p class="meta">${esc(s0?.place ?? 'place unknown')} · ${s0?.year ?? 'year unknown'} · ${r.indicators.length} figures · ${flagged} flagged · ${unread.length} unread${
        r.coverage ? ` · coverage ${r.coverage.percent} %` : ''
      }</p>`;
  let body = '';
  if (!r.error && text !== undefined) {
    const spans: Span[] = r.indicators.map((i, k) => ({
      start: i.start,
      end: i.end,
      open: `<mark class="fig fam-${familyOf(i.id)}" id="${rid}-f${k}" tabindex="0" title="${esc(tip(i))}" data-tip="${esc(tip(i))}">`,
    }));
    unread.forEach((u, k) =>
      spans.push({ start: u.start, end: u.end, open: `<mark class="unread flagged" id="${rid}-u${k}" tabindex="0" title="unread: no figure was made of this number" data-tip="unread: read this by hand">` }),
    );
    const checks = r.checks.map((c, k) => checkItem(c, k, rid, r)).join('');
    const warnings = r.warnings.map((w) => `<li>${esc(w)}</li>`).join('');
    body =
      `<div class="cols"><div class="text" lang="zh">${markedText(text, spans)}</div><aside>` +
      `<h3>Checks</h3>${checks ? `<ol class="checks">${checks}</ol>` : '<p class="none">none</p>'}` +
      (warnings ? `<h3>Warnings</h3><ul class="warnings">${warnings}</ul>` : '') +
      '</aside></div>';
  }
  return `<article class="report" id="${rid}"><h2>${esc(r.source)}</h2>${meta}${body}</article>\n`;
}

/** Reports that need attention first: contradictions, then other flags, then unread numbers, then low coverage. */
export function byAttention(a: ReviewEntry, b: ReviewEntry): number {
  return (
    Number(Boolean(b.error)) - Number(Boolean(a.error)) ||
    b.inconsistent - a.inconsistent ||
    b.flagged - a.flagged ||
    b.unread - a.unread ||
    (a.coverage ?? 100) - (b.coverage ?? 100) ||
    (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)
  );
}

/** The file name of a path, for a narrow column (the full path is its title). */
const baseName = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;

function toc(entries: ReviewEntry[]): string {
  const rows = [...entries]
    .sort(byAttention)
    .map((e) => {
      const attention = e.error ? 'error' : e.inconsistent ? 'inconsistent' : e.flagged ? 'unaccounted' : e.unread ? 'unread' : 'ok';
      const where = e.error ? 'could not be read' : [e.place, e.year].filter((x) => x !== null && x !== undefined).join(' ');
      return `<tr class="${attention}"><td><a href="#${reportId(e.source)}" title="${esc(e.source)}">${esc(baseName(e.source))}</a></td><td>${esc(where)}</td><td>${e.figures}</td><td>${e.flagged}</td><td>${e.unread}</td><td>${
        e.coverage ?? ''
      }</td></tr>`;
    })
    .join('');
  return `<nav id="toc"><h2>Reports (${entries.length})</h2><p>Those needing attention first: contradictions, other flags, unread numbers, low coverage.</p><table><thead><tr><th>report</th><th>place, year</th><th title="figures found">figs</th><th title="flagged checks">flags</th><th title="numbers with a unit left unread">unread</th><th title="coverage, per cent">cov.</th></tr></thead><tbody>${rows}</tbody></table></nav>`;
}

const FAMILY_COLOURS: Record<string, string> = {
  births: '#ffe08a',
  operations: '#b5e3ff',
  rates: '#c9f2c0',
  sexratio: '#ffc9e3',
  money: '#ffd2b0',
  subsidies: '#dccbff',
  population: '#d9e2ec',
  other: '#eeeeee',
};

const STYLE = `
:root{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",system-ui,sans-serif;font-size:15px;color:#1d2433}
body{margin:0;display:grid;grid-template-columns:minmax(220px,22%) 1fr;grid-template-rows:auto 1fr;grid-template-areas:"bar bar" "toc main"}
header.bar{grid-area:bar;position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ccd;padding:.4em 1em;display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:center}
header.bar h1{font-size:1.1em;margin:0}
#toc{grid-area:toc;position:sticky;top:3.2em;align-self:start;max-height:calc(100vh - 3.5em);overflow:auto;padding:0 .6em;font-size:.85em;border-right:1px solid #ccd}
#toc table{border-collapse:collapse;width:100%}#toc td,#toc th{padding:.15em .3em;text-align:left;border-bottom:1px solid #eee}#toc td:first-child{word-break:break-all}
#toc tr.inconsistent td:first-child{border-left:4px solid #d33}#toc tr.unaccounted td:first-child{border-left:4px solid #e90}#toc tr.unread td:first-child{border-left:4px dashed #d33}#toc tr.error td:first-child{border-left:4px solid #555}
main{grid-area:main;padding:0 1em}
article.report{content-visibility:auto;contain-intrinsic-size:auto 900px;border-bottom:2px solid #ccd;padding-bottom:1em}
article h2{font-size:1em;margin:.8em 0 .2em;word-break:break-all}.meta,.error{margin:0 0 .6em;color:#556}.error{color:#b00}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1em}
.text{white-space:pre-wrap;line-height:1.9;font-size:1.02em}
aside{font-size:.9em}aside h3{font-size:1em;margin:.4em 0}
ol.checks{list-style:none;padding:0;margin:0}
li.check{border-left:6px solid #999;padding:.3em .5em;margin:.3em 0;background:#f7f8fa;cursor:pointer}
li.check p{margin:.2em 0}li.check code{white-space:pre-wrap}
li.inconsistent{border-color:#d33}li.unaccounted{border-color:#e90}li.consistent{border-color:#2a2}li.approximate{border-color:#1aa}li.unverifiable{border-color:#aaa}
.status{font-weight:bold;text-transform:uppercase;font-size:.8em}
li.inconsistent .status{color:#c00}li.unaccounted .status{color:#b60}li.consistent .status{color:#070}
mark{color:inherit;border-radius:3px;padding:0 1px;position:relative}
mark.unread{background:none;outline:2px dashed #d33;outline-offset:1px}
${Object.entries(FAMILY_COLOURS)
  .map(([f, c]) => `mark.fam-${f}{background:${c}}.legend .fam-${f}{background:${c}}`)
  .join('\n')}
mark.fig:focus::after,mark.unread:focus::after{content:attr(data-tip);position:absolute;left:0;top:1.8em;z-index:3;background:#1d2433;color:#fff;font-size:.8em;padding:.2em .4em;border-radius:3px;white-space:nowrap}
mark.lit{outline:3px solid #d33;outline-offset:2px}
.current{box-shadow:0 0 0 3px #36f}
.legend span{padding:0 .3em;border-radius:3px;margin-right:.2em;font-size:.85em}
.legend .unread{outline:2px dashed #d33}
body.only-flagged li.check:not(.flagged){display:none}
body.only-unread mark.fig{background:none}
body[data-family] mark.fig{background:none}
${Object.keys(FAMILY_COLOURS)
  .map((f) => `body[data-family="${f}"] mark.fam-${f}{background:${FAMILY_COLOURS[f]}}`)
  .join('\n')}
.controls label{margin-right:.8em;font-size:.9em}.keys{font-size:.8em;color:#556}
@media (max-width:900px){body{display:block}#toc{position:static;max-height:none;border:none}.cols{display:block}}
@media print{header.bar,#toc{display:none}body{display:block}}
`;

// Only adds interaction: the page reads the same without it.
const SCRIPT = `(function(){
var b=document.body,lit=[];
function clear(){lit.forEach(function(e){e.classList.remove('lit')});lit=[]}
document.addEventListener('click',function(ev){
  var li=ev.target.closest&&ev.target.closest('li.check');if(!li||ev.target.closest('a'))return;
  clear();(li.getAttribute('data-inputs')||'').split(' ').forEach(function(id){var e=id&&document.getElementById(id);if(e){e.classList.add('lit');lit.push(e)}});
  if(lit[0])lit[0].scrollIntoView({block:'center'});
});
var fl=document.getElementById('only-flagged'),ur=document.getElementById('only-unread'),fam=document.getElementById('family');
fl.addEventListener('change',function(){b.classList.toggle('only-flagged',fl.checked)});
ur.addEventListener('change',function(){b.classList.toggle('only-unread',ur.checked)});
fam.addEventListener('change',function(){if(fam.value)b.setAttribute('data-family',fam.value);else b.removeAttribute('data-family')});
var at=-1;
function items(){return Array.prototype.filter.call(document.querySelectorAll('.flagged'),function(e){return e.offsetParent!==null||e.getClientRects().length})}
function go(step){var list=items();if(!list.length)return;var cur=document.querySelector('.current');if(cur)cur.classList.remove('current');
  at=(at+step+list.length)%list.length;var e=list[at];e.classList.add('current');e.focus({preventScroll:true});e.scrollIntoView({block:'center'});
  if(e.matches('li.check'))e.click();}
document.addEventListener('keydown',function(ev){
  if(ev.ctrlKey||ev.metaKey||ev.altKey||/^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName))return;
  if(ev.key==='j'||ev.key==='n'){go(1);ev.preventDefault()}else if(ev.key==='k'||ev.key==='p'){go(-1);ev.preventDefault()}
});
b.classList.add('js');
})();`;

/** The Content-Security-Policy: nothing from the network, and of scripts only this page's own (by its hash). */
const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;

export function reviewBegin(count: number): string {
  const legend = FAMILIES.map((f) => `<span class="fam-${f.name}">${esc(f.label)}</span>`).join('') + '<span class="unread">unread 未读</span>';
  const options = FAMILIES.map((f) => `<option value="${f.name}">${esc(f.label)}</option>`).join('');
  return `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Review of ${count} report${count === 1 ? '' : 's'}</title><style>${STYLE}</style></head>
<body><header class="bar"><h1>Review of ${count} report${count === 1 ? '' : 's'}</h1><div class="legend">${legend}</div>
<div class="controls"><label><input type="checkbox" id="only-flagged"> only flagged checks</label><label><input type="checkbox" id="only-unread"> only unread numbers</label><label>family <select id="family"><option value="">all</option>${options}</select></label></div>
<span class="keys">j / k: next / previous flagged item · click a check to light its figures</span></header>
<main>
`;
}

export function reviewEnd(entries: ReviewEntry[]): string {
  return `</main>\n${toc(entries)}\n<script>${SCRIPT}</script></body></html>\n`;
}
