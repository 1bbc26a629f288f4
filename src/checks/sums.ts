/**
 * Parts and totals. An exhaustive split (一孩+二孩+多孩, 政策内+政策外,
 * 死亡+伤残) must add up exactly; a list under 其中 need not be exhaustive:
 * parts short of the total are "unaccounted", parts above it a contradiction.
 */
import type { Check, Indicator } from '../report.js';
import type { PartSet } from '../rules/schema.js';
import { sortShort } from '../util/order.js';
import { runAfter, runBefore, zerosFor, type Context, type Ref } from './groups.js';
import type { Zero } from '../extract/zeros.js';

const byIndex = (a: Ref, b: Ref) => a.index - b.index;


/** Half a unit of the last printed digit of a scaled figure (212.4万 → ±500 yuan); exact figures have none. */
export function slack(ind: Indicator): number {
  const printed = Number(ind.printed);
  if (!printed || ind.value === printed) return 0;
  return (ind.value / printed) * 0.5 * 10 ** -(ind.decimals ?? 0);
}

export function partsChecks(ctx: Context, total: Ref): Check[] {
  const sets = ctx.registry.partSets.get(total.ind.id);
  if (!sets) return [];
  const partIds = ctx.registry.partIds.get(total.ind.id)!;
  const after = runAfter(ctx, total, partIds);
  // Parts follow their total as a rule; a total stated after its parts is checked against those.
  const run = after.size ? after : runBefore(ctx, total, partIds);
  const out: Check[] = [];
  for (const set of sets) {
    // Loops rather than map/filter/reduce here and below: the arrays those make vary in
    // kind from report to report, and each new kind made V8 recompile the code around them.
    const present: Ref[] = [];
    for (const id of set.parts) {
      const r = run.get(id);
      if (r) present.push(r);
    }
    if (!present.length) continue;
    // A part of a listed part is counted in it, not again (男扎 and 女扎 under 结扎 under the operations).
    for (let i = present.length - 1; i >= 0; i--) {
      const id = present[i]!.ind.id;
      if (present.some((q) => ctx.registry.partIds.get(q.ind.id)?.has(id))) present.splice(i, 1);
    }
    sortShort(present, byIndex);
    if (set.unlessPresent?.some((id) => run.has(id))) continue;
    // Parts stated to be none (无多孩出生) count, as 0, in a split that is whole by its own words.
    const zeros = set.exhaustive ? zerosFor(ctx, total, set.parts.filter((id) => !run.has(id))) : [];
    const count = present.length + zeros.length;
    if (set.exhaustive && count < 2 && set.parts.length > 1 && count < set.parts.length) {
      // One part alone says little about a split; still catch it exceeding the total.
      if (present[0]!.ind.value <= total.ind.value) continue;
    }
    const check = judgeSum(total, present, set, zeros);
    // 出生156人(男84人,女69人),另补报3人: late registrations the total counts and the split does not.
    const late = check.status === 'inconsistent' || check.status === 'unaccounted' ? lateMakingUp(ctx, total, set, Number(check.expected)) : undefined;
    out.push(late ? { ...check, status: 'consistent', arithmetic: `${check.arithmetic!.replace(/ ≠ .*/, '')} + ${late.ind.value} (${late.ind.scope}) = ${total.ind.value} ✓`, message: `The ${set.name} and the ${late.ind.value} late registrations (${late.ind.text}) add up to the total.`, inputs: [...check.inputs!, late.index] } : check);
  }
  return out;
}

/**
 * Breakdowns of one quantity into parts of the same id (奖扶对象441人,其中国家级352人,
 * 省级59人,市级3人): the parts need not be exhaustive, so parts short of the whole
 * are unaccounted and parts above it a contradiction.
 */
export function breakdownChecks(ctx: Context): Check[] {
  const parts = new Map<number, Ref[]>();
  for (const r of ctx.refs) {
    const whole = r.ind.partOf;
    if (whole === undefined) continue;
    const list = parts.get(whole);
    if (list) list.push(r);
    else parts.set(whole, [r]);
  }
  const out: Check[] = [];
  for (const [whole, list] of parts) {
    const total = ctx.refs[whole];
    // One part alone (其中城镇无业2人) says nothing of the rest, unless it exceeds the whole.
    if (list.length < 2 && total && list[0]!.ind.value <= total.ind.value) continue;
    if (total) out.push(judgeSum(total, list, { name: `parts of ${total.ind.id}`, parts: [], exhaustive: false }));
  }
  return out;
}

function judgeSum(total: Ref, parts: Ref[], set: PartSet, zeros: Zero[] = []): Check {
  const t = total.ind;
  // Summed in the parts' order, the total's slack first, as the message shows them.
  let sum = 0;
  let tolerance = slack(t);
  let scaled = tolerance > 0;
  let approx = t.approximate === true;
  const inputs = [total.index];
  for (const r of parts) {
    sum += r.ind.value;
    const s = slack(r.ind);
    tolerance += s;
    if (s > 0) scaled = true;
    inputs.push(r.index);
    if (r.ind.approximate) approx = true;
  }
  let terms = '';
  for (const r of parts) terms += (terms ? ' + ' : '') + (scaled ? r.ind.printed : String(r.ind.value));
  for (const z of zeros) terms += `${terms ? ' + ' : ''}0 (${z.text})`;
  const complete = set.exhaustive && parts.length + zeros.length === set.parts.length;
  const sumShown = scaled ? trim(sum / (t.value / Number(t.printed))) : String(sum);
  const totalShown = scaled ? t.printed : String(t.value);
  const diff = t.value - sum;
  const subject = { id: t.id, value: t.value };
  const expected = String(round(sum));
  // Literals, not a spread of shared fields: spreading an object costs microseconds in V8.
  const check = (status: Check['status'], arithmetic: string, message: string): Check => ({ rule: 'parts-sum', subject, expected, inputs, status, arithmetic, message });
  if (Math.abs(diff) <= tolerance + 1e-9) {
    return check(
      approx ? 'approximate' : 'consistent',
      `${terms} = ${sumShown} ✓`,
      `The ${set.name} add up to the total${tolerance ? ' within the rounding of the printed figures' : ''}.`,
    );
  }
  // 100余万元 is a lower bound: parts that fall short of it say nothing against it.
  if (diff > 0 && t.approximate) {
    return check(
      'approximate',
      `${terms} = ${sumShown} < ${totalShown}+ (${t.text})`,
      `The listed ${set.name} add up to ${round(sum)}; the total is approximate (${t.text}), so the parts cannot be held to it.`,
    );
  }
  if (diff > 0 && !complete) {
    return check(
      'unaccounted',
      `${terms} = ${sumShown} ≠ ${totalShown} (${trim(scaled ? diff / (t.value / Number(t.printed)) : diff)} unaccounted)`,
      `The listed ${set.name} add up to ${round(sum)}, ${round(diff)} short of the reported ${round(t.value)}: the list may leave some out.`,
    );
  }
  return check(
    'inconsistent',
    `${terms} = ${sumShown} ≠ ${totalShown}`,
    diff < 0
      ? `The listed ${set.name} add up to ${round(sum)}, more than the reported total ${round(t.value)}: at least one figure is wrong.`
      : `The ${set.name} are a complete split but add up to ${round(sum)}, not the reported ${round(t.value)}.`,
  );
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
function trim(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/** A figure set apart as a late registration (补报, 漏报) after `total` in its paragraph that makes up the shortfall of its split, if any. */
function lateMakingUp(ctx: Context, total: Ref, set: PartSet, sum: number): Ref | undefined {
  const short = total.ind.value - sum;
  if (!(short > 0)) return undefined;
  const end = ctx.text.indexOf('\n', total.ind.end);
  const limit = end < 0 ? ctx.text.length : end;
  // The figures after the total, in text order, up to the end of its paragraph: not every figure of the report.
  for (let k = total.index + 1; k < ctx.refs.length; k++) {
    const r = ctx.refs[k]!;
    if (r.ind.start >= limit) break;
    if (r.ind.start <= total.ind.end) continue;
    if (!r.ind.scope || r.ind.section !== total.ind.section || !ctx.lateScopes.has(r.ind.scope)) continue;
    if ((r.ind.id === total.ind.id || set.parts.includes(r.ind.id)) && r.ind.value === short) return r;
  }
  return undefined;
}

// The population groups a report may split a figure into (常住 + 流出): scopes that add up.
const POPULATION_GROUPS = new Set(['常住人口', '户籍人口', '流出人口', '流入人口', '流动人口']);
const OPENS_GROUPS = /^[^。!?]*(?:其中|\(|:)/u;
// How far after the whole its groups may stand, in one paragraph.
const GROUP_REACH = 300;

/**
 * A figure split by population group in the paragraph after it (全乡共出生171人,其中:常住人口出生157人
 * …;流出人口出生14人): the groups' figures of the same id are its parts. The report's groups need not
 * be all there are, so parts short of the whole are unaccounted and parts above it a contradiction.
 */
export function groupChecks(ctx: Context): Check[] {
  const out: Check[] = [];
  // Most reports split nothing by population group: the ids that some group's figure has, found once.
  const grouped = new Set<string>();
  for (const r of ctx.refs) if (r.ind.scope && POPULATION_GROUPS.has(r.ind.scope)) grouped.add(r.ind.id);
  if (!grouped.size) return out;
  for (const whole of ctx.refs) {
    if (whole.ind.scope || !grouped.has(whole.ind.id)) continue;
    const parts: Ref[] = [];
    const seen = new Set<string>();
    const line = ctx.text.indexOf('\n', whole.ind.end);
    const end = Math.min(line < 0 ? ctx.text.length : line, whole.ind.end + GROUP_REACH);
    for (let k = whole.index + 1; k < ctx.refs.length; k++) {
      const r = ctx.refs[k]!;
      if (r.ind.section !== whole.ind.section || r.ind.start >= end) break;
      if (r.ind.id !== whole.ind.id) continue;
      if (!r.ind.scope) break; // the same figure again, of the whole: another list
      if (!POPULATION_GROUPS.has(r.ind.scope) || seen.has(r.ind.scope)) continue;
      seen.add(r.ind.scope);
      parts.push(r);
    }
    // The groups break the whole down: 其中, a bracket or a colon opens them, in its sentence.
    if (parts.length < 2 || !OPENS_GROUPS.test(ctx.text.slice(whole.ind.end, parts[0]!.ind.start))) continue;
    const meaning = ctx.registry.byId.get(whole.ind.id)?.meaning.replace(/ \(.*\)$/, '') ?? whole.ind.id;
    out.push(judgeSum(whole, parts, { name: `${meaning} by population group (${parts.map((p) => p.ind.scope).join(', ')})`, parts: [], exhaustive: false }));
  }
  return out;
}
