/**
 * The panel: one row per place and year, built from every section of every
 * input, by rules stated in the README and carried in the output.
 *
 * - A section that states no figure (a blank template, a target-only plan) is
 *   no data; one whose place or year is missing or redacted (XX镇, 20xx年) goes
 *   to `unplaced`.
 * - The same report under several files (near-duplicate signatures) counts
 *   once: the first by path is kept, and the row names the files merged.
 * - Places are resolved by the gazetteer (a town under its county where the
 *   text says so); a name it lacks is kept as written and its status says so.
 * - Each cell takes the figure the section's own wide-CSV rule chose; a figure
 *   of another period than its report's is not this row's. A full-year report
 *   stands above one for part of the year (上半年); when reports of the same
 *   standing disagree, nothing is chosen: the cell is a conflict, and every
 *   candidate with its file, line and text goes to `conflicts`.
 * - A figure a later report gives for this year (比上年的11250人) is compared
 *   with this year's own report; a difference is a `revision`, with both sources.
 */
import { gazetteer, isRedacted, type Gazetteer, type Placed } from './gazetteer.js';
import type { Cell, ReportRecord, SectionRecord } from './records.js';
import { duplicateGroups } from './signature.js';

export type Candidate = Cell & { source: string; section: number; period: string; standing: number };

export type PanelRow = {
  place: Placed;
  year: number;
  /** year when a full-year report is among its sources, else the part of the year they cover. */
  basis: string;
  /** The reports it was built from (after duplicates were merged), and the files merged into them as duplicates. */
  sources: string[];
  duplicates: string[];
  cells: Record<string, Candidate>;
  /** Ids whose reports of the same standing disagree: how many different values. */
  conflicts: Record<string, number>;
};

/** A later report's figure for this year that differs from this year's own report: a revision or a typo. */
export type Revision = {
  place: string;
  placeCode?: string;
  year: number;
  id: string;
  value: number;
  source: string;
  line: number;
  text: string;
  laterValue: number;
  laterSource: string;
  laterLine: number;
  laterText: string;
};

export type Unplaced = { source: string; section: number; title: string; place: string | null; year: number | null; why: string };

export type Panel = {
  rows: PanelRow[];
  /** Every candidate of every conflicting cell. */
  conflicts: (Candidate & { place: string; placeCode?: string; year: number; id: string })[];
  unplaced: Unplaced[];
  /** Groups of files that hold the same report: the one kept first. */
  duplicates: { kept: string; merged: string[] }[];
  /** Baselines of later reports (比上年的…) that differ from the year's own report. */
  revisions: Revision[];
};

/** Full-year reports first, then those for part of a year. */
const standingOf = (s: SectionRecord) => (s.period === 'year' ? 0 : 1);

export class PanelBuilder {
  private readonly sections: SectionRecord[] = [];

  add(r: ReportRecord): void {
    for (const s of r.sections) this.sections.push(s);
  }

  build(places: Gazetteer = gazetteer()): Panel {
    // In path order, so that the report kept of a duplicate group does not depend on which thread finished first.
    const all = [...this.sections].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.section - b.section));
    const unplaced: Unplaced[] = [];
    const data = all.filter((s) => {
      if (s.figures > 0) return true;
      unplaced.push(unplacedOf(s, 'states no figure (a template, a plan or a speech without data)'));
      return false;
    });
    // Each duplicate by the report kept for it, and each kept report's merged files.
    const merged = new Set<number>();
    const mergedOf = new Map<number, string[]>();
    const duplicates: Panel['duplicates'] = [];
    for (const [kept, ...rest] of duplicateGroups(data.map((s) => s.signature))) {
      for (const i of rest) merged.add(i);
      const files = rest.map((i) => label(data[i]!));
      mergedOf.set(kept!, files);
      duplicates.push({ kept: label(data[kept!]!), merged: files });
    }
    const rows = new Map<string, PanelRow>();
    const members = new Map<PanelRow, SectionRecord[]>();
    data.forEach((s, i) => {
      if (merged.has(i)) return;
      if (!s.place || isRedacted(s.place)) return void unplaced.push(unplacedOf(s, s.place ? 'its place is redacted' : 'no place is named'));
      if (s.year === null) return void unplaced.push(unplacedOf(s, 'no year is named, or it is redacted'));
      const place = places.resolve(placeAsWritten(s));
      const key = `${place.code ?? `?${place.name}`}|${s.year}`;
      let row = rows.get(key);
      if (!row) {
        row = { place, year: s.year, basis: s.period, sources: [], duplicates: [], cells: {}, conflicts: {} };
        rows.set(key, row);
        members.set(row, []);
      }
      row.sources.push(label(s));
      for (const file of mergedOf.get(i) ?? []) row.duplicates.push(file);
      members.get(row)!.push(s);
    });
    const conflicts: Panel['conflicts'] = [];
    for (const [row, secs] of members) {
      if (secs.some((s) => s.period === 'year')) row.basis = 'year';
      const ids = new Set(secs.flatMap((s) => Object.keys(s.cells)));
      for (const id of ids) {
        // A figure of another period than its report's (2014年 in a 2015 report) is not this row's.
        const candidates: Candidate[] = secs
          .filter((s) => s.cells[id] && s.cells[id]!.period === undefined)
          .map((s) => ({ ...s.cells[id]!, source: s.source, section: s.section, period: s.period, standing: standingOf(s) }));
        if (!candidates.length) continue;
        const best = Math.min(...candidates.map((c) => c.standing));
        const top = candidates.filter((c) => c.standing === best);
        const values = new Set(top.map((c) => c.value));
        if (values.size === 1) row.cells[id] = top[0]!;
        else {
          row.conflicts[id] = values.size;
          for (const c of top) conflicts.push({ ...c, place: row.place.name, placeCode: row.place.code, year: row.year, id });
        }
      }
    }
    // A later report's baseline is evidence about the year before, not a figure of it: compared, never taken.
    const revisions: Revision[] = [];
    for (const [row, secs] of members) {
      for (const s of secs) {
        if (s.period !== 'year') continue;
        const before = rows.get(`${row.place.code ?? `?${row.place.name}`}|${row.year - 1}`);
        for (const b of s.baselines) {
          const own = before?.cells[b.id];
          if (!own || own.value === b.value) continue;
          revisions.push({
            place: row.place.name, placeCode: row.place.code, year: row.year - 1, id: b.id, value: own.value, source: own.source, line: own.line, text: own.text,
            laterValue: b.value, laterSource: s.source, laterLine: b.line, laterText: b.text,
          });
        }
      }
    }
    const sorted = [...rows.values()].sort((a, b) => (a.place.name < b.place.name ? -1 : a.place.name > b.place.name ? 1 : a.year - b.year));
    return { rows: sorted, conflicts, unplaced, duplicates, revisions };
  }
}

/** The place as the title writes it, with the units before the one the section names (桂阳县龙潭街道 for 龙潭街道). */
function placeAsWritten(s: SectionRecord): string {
  const at = s.place ? s.title.indexOf(s.place) : -1;
  if (at < 0) return s.place!;
  const before = /[\p{Script=Han}]*$/u.exec(s.title.slice(0, at))![0];
  return before + s.place!;
}

const label = (s: SectionRecord) => (s.section ? `${s.source}#${s.section}` : s.source);

function unplacedOf(s: SectionRecord, why: string): Unplaced {
  return { source: s.source, section: s.section, title: s.title, place: s.place, year: s.year, why };
}
