/**
 * The scope of a figure: the last scope word in the sentence before it
 * (流动人口, 城区, 专项整治). A scope word that is part of an earlier figure's
 * own label (常住户籍人口153310人) names that figure, not a scope for what follows.
 */
import { CLAUSE_BREAK, SENTENCE_BREAK } from '../chars.js';
import { backTo, CONTEXT_WINDOW, type Passage } from '../passage.js';
import type { Drop, Figure } from './figure.js';
import { countAtOrBefore } from '../../util/bisect.js';

export function scope(p: Passage, f: Figure): Drop | undefined {
  const found = clauseScopeAt(p, f.start) ?? scopeAt(p, f.start) ?? carried(p, f.start);
  if (found) f.scope = found;
  return undefined;
}

/** A word that sets apart the figure of its own clause only (补报女孩3人), or undefined. */
function clauseScopeAt(p: Passage, at: number): string | undefined {
  const words = p.grammar.clauseScopes;
  if (!words.length) return undefined;
  const from = backTo(p.text, at, CLAUSE_BREAK, CLAUSE_REACH);
  // Most clauses hold none of the words' first characters: looked for in place, no slice made.
  const firsts = p.grammar.clauseScopeFirsts;
  let any = false;
  for (let i = from; i < at && !any; i++) any = firsts.has(p.text.charCodeAt(i));
  if (!any) return undefined;
  const clause = p.text.slice(from, at);
  for (const w of words) if (clause.includes(w)) return w;
  return undefined;
}
const CLAUSE_REACH = 24;

/**
 * The scope of the figure before, carried on: through the rest of its sentence
 * to the full stop (流动人口中,新生儿出生27人(男孩12人…) and into a sentence
 * that opens with 其中 (。其中一孩12人;二孩12人), which goes on with the same group.
 */
function carried(p: Passage, at: number): string | undefined {
  const prev = p.lastFigure();
  if (!prev?.scope || at - prev.end > CONTEXT_WINDOW || p.grammar.clauseScopes.includes(prev.scope)) return undefined;
  const between = p.text.slice(prev.end, at);
  const stop = Math.max(between.lastIndexOf('。'), between.lastIndexOf('\n'));
  if (stop < 0) return prev.scope;
  return /^[\s。]*其中/.test(between.slice(stop)) ? prev.scope : undefined;
}

function scopeAt(p: Passage, at: number): string | undefined {
  const scopes = p.grammar.scopeTrie;
  if (!scopes) return undefined;
  const { units, figures } = p;
  const found = p.scopes;
  const from = backTo(p.text, at, SENTENCE_BREAK, CONTEXT_WINDOW);
  let scope: string | undefined;
  // Scope words left to right, each taking the longest wording that ends by `at`, none
  // overlapping. Only the sentence before a figure is read, and in it only the places
  // where a scope word starts (found once for the text): not every character, for every figure.
  let next = from;
  for (let k = countAtOrBefore(found.length, (i) => found[i]!.start, from - 1); k < found.length; k++) {
    const s = found[k]!.start;
    if (s >= at) break;
    if (s < next) continue; // inside the word taken before
    // A word that runs past `at` gives way to the longest that ends by it.
    const word = s + found[k]!.literal.length <= at ? found[k]!.literal : scopes.longestAt(units, s, at);
    if (!word) continue;
    const e = s + word.length;
    let inLabel = false;
    for (let j = figures.length - 1; j >= 0 && figures[j]!.end > from; j--) {
      const l = figures[j]!.label;
      if (s < l.end && e > l.start) inLabel = true;
    }
    if (!inLabel) scope = word;
    next = e;
  }
  return scope;
}
