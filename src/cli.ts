import { readFileSync } from 'node:fs';
import { extract } from './extract.js';
export async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'))!;
  const r = extract(readFileSync(file, 'utf8'), { source: file });
  process.stdout.write(JSON.stringify(r, null, 1) + '\n');
  return 0;
}
