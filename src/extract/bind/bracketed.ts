/**
 * A label inside a bracket the gap allows (出生人口性别比(男:女)为108.5) may not
 * take the number; then the label before it may, when the grammar binds them
 * across it.
 */
import { labelFirst, type Binder, type Binding } from './binding.js';
import { bindsTo } from './gap.js';
import { isRow } from './row.js';

// How many labels a bracket in the gap may hold before the label it follows is passed over: (男:女) holds two.
const MAX_BRACKETED_LABELS = 3;
const MAX_BRACKET_SPAN = 24;

/** Whether a bracket closes in [from, to): the label before it may sit inside the bracket. */
function closesBefore(text: string, from: number, to: number): boolean {
  // A label and its number stand close: a longer stretch is not read (nor scanned, which on a long line would cost its square).
  if (to - from > MAX_BRACKET_SPAN) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x29) return true;
  return false;
}

export const bracketed: Binder = {
  name: 'bracketed',
  near: true,
  bind(p, { n, prevEnd, li, before, listed }) {
    if (!before || listed !== undefined || !closesBefore(p.text, before.end, n.start)) return undefined;
    const out: Binding[] = [];
    for (let j = li - 1; j >= 0 && li - j <= MAX_BRACKETED_LABELS && p.labels[j]!.start >= prevEnd; j--) {
      const outer = p.labels[j]!;
      if (bindsTo(outer, n, prevEnd, p.text, p.grammar)) out.push(labelFirst('bracketed', outer, outer.rules, n, prevEnd, isRow(p.text, outer, n)));
    }
    return out.length ? out : undefined;
  },
};
