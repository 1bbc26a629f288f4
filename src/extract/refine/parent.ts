/**
 * Parts named under the figure right before them: 一孩418人,其中政策内418人
 * gives births.first.inPolicy (the rule's `parent` map, keyed by the figure
 * before). A rule that only speaks of a part (男790人 after 出生1520人) gives
 * nothing without its parent.
 */
import type { Passage } from '../passage.js';
import type { Drop, Figure } from './figure.js';

// What may stand between a parent figure and a composed child: 一孩418人,其中政策内418人.
// Not ";": 多孩69人;政策内出生2790人 starts a new list.
const PARENT_LINK = /^[\s,、(]*(?:其中)?[:,]?\s*$/;
// Longer than any link; also keeps the test above linear (its two \s runs are ambiguous on a long gap).
const PARENT_LINK_MAX = 12;

export function parent(p: Passage, f: Figure): Drop | undefined {
  compose(f, p.lastFigure(), p.text);
  return undefined;
}

export function onlyWithParent(_p: Passage, f: Figure): Drop | undefined {
  if (!f.rule.onlyWithParent || f.parentId) return undefined;
  return { refiner: 'only-with-parent', reason: `${f.rule.name} names a part only right after the figure it is part of (${Object.keys(f.rule.parent ?? {}).join(', ')})`, kind: undefined };
}

function compose(record: Figure, prev: Figure | undefined, text: string): void {
  const map = record.rule.parent;
  if (!map || !prev) return;
  if (record.label.start - prev.end > PARENT_LINK_MAX) return;
  const between = text.slice(prev.end, record.label.start);
  if (!PARENT_LINK.test(between)) return;
  // A share (一孩418人,占56.64%) is not a part in the figure's unit.
  const sameKind = record.number.unitClass === prev.number.unitClass;
  // 二孩102人,政策外出生25人: a wording that names births in full (…出生) after a bare
  // comma starts a new figure; a part needs 其中 or a bracket to read as one.
  if (sameKind && !/其中|\(/.test(between) && /出生|生育/.test(record.label.literal)) return;
  const parentId = prev.parentId ?? prev.id;
  const id = map[parentId];
  if (!id) return;
  // A nested part (一孩 under 政策外) starts its list after 其中 or in a bracket; its siblings follow it.
  if (record.rule.nested && !prev.parentId && !/其中|\(/.test(between)) return;
  // A part cannot exceed the figure it is part of (for a sibling, its parent is further back: skip the test).
  if (!prev.parentId && sameKind && record.number.value > prev.number.value) return;
  record.id = id;
  record.parentId = parentId;
}
