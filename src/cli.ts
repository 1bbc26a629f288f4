/**
 * The command line: parse options, run the batch, pick a reporter, return an
 * exit code. Data goes to stdout (or --out); errors, progress and the summary
 * to stderr, one line each.
 *
 * Exit codes: 0 ok · 1 --strict found a contradiction · 2 usage error (bad
 * options, bad rule files, unwritable --out) · 3 some inputs failed · 4 the
 * output could not be written (a full disk, a closed pipe) · 5 internal error
 * (a bug), for the run or for any one input.
 */
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { supportsEncoding } from './input/decode.js';
import { collectInputList, REPORT_EXTENSIONS } from './input/inputs.js';
import { fstatSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, resolve as resolvePath, sep } from 'node:path';
import { prepareFormats, reporterFor, type Format } from './output/select.js';
import { codebook, CODEBOOK_FORMATS, type CodebookFormat } from './output/codebook.js';
import type { NameStyle } from './output/wide.js';
import type { ReviewEntry } from './output/review.js';
import type { PanelBuilder } from './panel/assemble.js';
import type { ReportRecord } from './panel/records.js';
import { cleanupOnExit, fileSink, OutputError, settle, streamSink, type Sink } from './output/sink.js';
import { heapKeeper } from './batch/heap.js';
import { defaultPlan, inOrder, runAll, type OnResult, type Sources } from './batch/pool.js';
import { layoutFor, failed, MAX_INPUT_BYTES, rulesFor, TOO_LARGE } from './batch/process.js';
import { render, type Rendered, type Summary } from './batch/render.js';
import { RuleFileError } from './rules/load.js';
import { Progress } from './batch/progress.js';

export const EXIT = { ok: 0, contradiction: 1, usage: 2, inputFailed: 3, outputFailed: 4, internal: 5 } as const;

export type Io = {
  stdout: { write(s: string | Uint8Array): unknown; isTTY?: boolean; columns?: number; once?(event: 'drain', cb: () => void): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stdin?: AsyncIterable<Uint8Array | string>;
  env?: Record<string, string | undefined>;
  /** Standard output is a regular file (extract … > data.csv): CSV then starts with a byte-order mark. */
  stdoutIsFile?: boolean;
  /** Standard input is a pipe or a file (cat r.txt | extract): read when no input is named. */
  stdinIsPiped?: boolean;
};

/** A sink that feeds the panel what each report gives it (one JSON line per report), instead of writing it. */
function panelCollector(panel: PanelBuilder): Sink {
  const decoder = new TextDecoder();
  return {
    write: (piece) => {
      const text = typeof piece === 'string' ? piece : decoder.decode(piece);
      for (const line of text.split('\n')) if (line) panel.add(JSON.parse(line) as ReportRecord);
    },
    commit: () => undefined,
    abort: () => undefined,
    failure: () => undefined,
  };
}

/** Whether a file descriptor is a regular file, or with `pipes` also a pipe (a FIFO, or the socket Node's child processes get), rather than a terminal or a device such as /dev/null. */
function isFileOr(fd: number, also: 'pipes' | 'none'): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFile() || (also === 'pipes' && (st.isFIFO() || st.isSocket()));
  } catch {
    return false;
  }
}

const defaultIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  stdoutIsFile: isFileOr(1, 'none'),
  stdinIsPiped: isFileOr(0, 'pipes'),
});

/** The package's version, from its package.json, found by the package's name (this module may be bundled: bin/ runs dist/bundle/). */
const VERSION = (createRequire(import.meta.url)('fp-report-extract/package.json') as { version: string }).version;

type Options = {
  json?: boolean;
  jsonl?: boolean;
  csv?: boolean;
  wide?: boolean;
  out?: string;
  bom?: boolean;
  checksCsv?: string;
  review?: string;
  panel?: boolean;
  conflicts?: string;
  encoding?: string;
  patterns: string[];
  strict?: boolean;
  explain?: boolean;
  line?: number;
  jobs: number;
  quiet?: boolean;
  debug?: boolean;
  color: 'auto' | 'always' | 'never';
  names: NameStyle;
  codebook?: CodebookFormat | true;
};

class UsageError extends Error {}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

function program(io: Io): Command {
  return new Command('extract')
    .description('Extract every figure from Chinese population and family-planning work reports, with its source text, and check the arithmetic.')
    .version(VERSION, '-V, --version', 'print the version and exit')
    .argument('[inputs...]', 'report files or folders (searched for .txt .md .html .htm .doc .docx .wps .pdf); "-", or none when input is piped, reads standard input')
    .option('--json', 'JSON: one Report for one input, an array in path order for several')
    .option('--jsonl', 'JSON Lines: one Report per line, written as each file finishes')
    .option('--csv', 'CSV: one row per figure (source, id, value, unit, approximate, line, text …)')
    .option('--wide', 'with --csv: one row per report section, one column per indicator (its first mention)')
    .option('-o, --out <file>', 'write to this file instead of standard output; replaced only when the run completes')
    .addOption(new Option('--names <style>', 'with --csv: name the wide CSV\'s columns by indicator id (births.total) or as variables valid in Stata and R (births_total)').choices(['ids', 'stata']).default('ids'))
    .addOption(new Option('--codebook [format]', 'print every indicator with its variable name, meaning, unit, wordings and an example, and exit').choices([...CODEBOOK_FORMATS]))
    .option('--bom', 'start CSV with a UTF-8 byte-order mark so that Excel reads the Chinese right (default when CSV goes to a file, --out or > file)')
    .option('--no-bom', 'never write a byte-order mark (for tools that do not skip one)')
    .option('--checks-csv <file>', 'also write every check as CSV (source, rule, status, subject, expected, arithmetic, message)')
    .option('--panel', 'with --csv or --json: one row per place and year, built from every report (duplicates merged, conflicts shown, not resolved silently)')
    .option('--conflicts <file>', 'with --panel: also write every candidate of every conflicting panel cell as CSV')
    .option('--review <file>', 'also write a review page: one self-contained HTML file with every figure highlighted on its report\'s text, the checks beside it, and the unread numbers marked')
    .option('--encoding <name>', 'decode inputs as this encoding (gbk, gb18030, big5, utf-16le …) instead of detecting it')
    .option('--patterns <dir>', 'add the rule files in this folder (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--strict', 'exit with code 1 when any check is inconsistent')
    .option('--explain', 'show what became of every number: the labels found for it and the refiner that dropped each (with --json or --jsonl: an `explain` list in each report)')
    .option('--line <n>', 'with --explain: only the numbers on this line', positiveInt)
    .addOption(
      new Option('-j, --jobs <n>', 'threads for a batch')
        .argParser(positiveInt)
        .default(availableParallelism(), 'the number of cores: at once for batches of 32 MB or more, and for smaller ones once the work proves long enough to repay them'),
    )
    .addOption(new Option('--color <when>', 'colour the table view: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never').choices(['auto', 'always', 'never']).default('auto'))
    .option('-q, --quiet', 'print nothing on standard error')
    .option('--debug', 'print stack traces for internal errors')
    .addHelpText(
      'after',
      `
Examples:
  extract report.txt                       a table of figures and checks
  extract report.txt --json                the Report as JSON
  extract reports/ --jsonl > all.jsonl     a folder, one Report per line
  extract reports/ --csv --wide --out data.csv
                                           one row per report, ready for R, pandas or Excel
  extract reports/ --csv --checks-csv checks.csv --out figures.csv
  extract reports/ --csv --wide --names stata --out data.csv
                                           the same with names valid in Stata and R
  extract --codebook markdown > codebook.md what every column means
  extract gbk-report.txt --encoding gbk --json
  cat report.txt | extract --json

Exit codes:
  0  success
  1  --strict and some check is inconsistent
  2  usage error: bad options, an invalid rule file, an unwritable --out
  3  some inputs could not be read or decoded (the others are still reported)
  4  the output could not be written (a full disk, a closed pipe): it is lost
  5  internal error (a bug: please report it with --debug); also when an input
     failed from one, though the other inputs are still reported`,
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s) => io.stderr.write(s.startsWith('error:') ? `extract: ${s}` : s),
    })
    .showHelpAfterError('(run extract --help for usage)');
}

function pickFormat(o: Options, io: Io): Format {
  const formats = [o.json && '--json', o.jsonl && '--jsonl', o.csv && '--csv'].filter(Boolean);
  if (formats.length > 1) throw new UsageError(`choose one output format: ${formats.join(' and ')} cannot be combined`);
  if (o.wide && !o.csv) throw new UsageError('--wide goes with --csv');
  if (o.explain && o.csv) throw new UsageError('--explain goes with the table view, --json or --jsonl, not --csv');
  if (o.line !== undefined && !o.explain) throw new UsageError('--line goes with --explain');
  if (o.names !== 'ids' && !o.csv) throw new UsageError('--names goes with --csv');
  if (o.panel && !o.csv && !o.json) throw new UsageError('--panel goes with --csv or --json');
  if (o.panel && (o.wide || o.explain)) throw new UsageError(`--panel cannot be combined with ${o.wide ? '--wide' : '--explain'}`);
  if (o.conflicts && !o.panel) throw new UsageError('--conflicts goes with --panel');
  if (o.panel) return 'panel-records';
  if (o.json) return 'json';
  if (o.jsonl) return 'jsonl';
  if (o.csv) return o.wide ? 'wide' : 'csv';
  const color = o.color === 'always' || (o.color === 'auto' && !o.out && autoColor(io));
  if (o.explain) return color ? 'explain-color' : 'explain';
  return color ? 'table-color' : 'table';
}

/** Colour by the habits of terminal tools: FORCE_COLOR (not 0) forces it, NO_COLOR (not empty) stops it, else a terminal that is not dumb. */
function autoColor(io: Io): boolean {
  const env = io.env ?? {};
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR) return false;
  return Boolean(io.stdout.isTTY) && env.TERM !== 'dumb';
}

/** Standard input, up to `max` bytes; undefined when it goes on past them (it is not read further). */
async function readAll(stream: AsyncIterable<Uint8Array | string>, max: number): Promise<Uint8Array | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const part = Buffer.from(chunk);
    size += part.length;
    if (size > max) return undefined;
    parts.push(part);
  }
  return Buffer.concat(parts);
}

/** "3 files skipped, not reports by their names: .xls ×2, .jpg". */
export function skippedLine(skipped: Map<string, number>): string {
  let n = 0;
  for (const k of skipped.values()) n += k;
  const kinds = [...skipped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([ext, k]) => `${ext || '(no extension)'}${k > 1 ? ` ×${k}` : ''}`);
  return `${n} file${n === 1 ? '' : 's'} skipped, not reports by their names: ${kinds.join(', ')}`;
}

/** coverage 94 %: 3 numbers with a unit left unread (the figure floored, so that 100 % means none). */
export function coverageLine(withUnit: number, unread: number): string {
  const percent = withUnit ? Math.floor((100 * (withUnit - unread)) / withUnit) : 100;
  return `coverage ${percent} %: ${unread} number${unread === 1 ? '' : 's'} with a unit left unread`;
}

/** A path as the file system knows it: its real path when it exists, else its resolved path. */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolvePath(path);
  }
}

/**
 * Why the output paths cannot be used with these inputs, or undefined: an output that is also an
 * input (it would be overwritten), two outputs in one file, or a report-named output inside a folder
 * being read (the next run would read it as a report).
 */
function outputClash(inputs: string[], o: Options): string | undefined {
  const outs = [['--out', o.out], ['--checks-csv', o.checksCsv], ['--review', o.review], ['--conflicts', o.conflicts]].filter((x): x is [string, string] => Boolean(x[1]));
  for (let a = 0; a < outs.length; a++) {
    for (let b = a + 1; b < outs.length; b++) {
      if (canonical(outs[a]![1]) === canonical(outs[b]![1])) return `${outs[a]![0]} and ${outs[b]![0]} name the same file (${outs[a]![1]}): give each its own`;
    }
  }
  for (const [flag, out] of outs) {
    const target = canonical(out);
    for (const input of inputs) {
      if (input === '-') continue;
      const source = canonical(input);
      if (source === target) return `${flag} ${out} is also an input: writing it would replace the report`;
      const inside = target.startsWith(source.endsWith(sep) ? source : source + sep);
      if (inside && REPORT_EXTENSIONS.has(extname(target).toLowerCase())) {
        return `${flag} ${out} lies in the folder ${input} being read and is named like a report: a later run would read it as one (name it .json, .jsonl or .csv, or put it elsewhere)`;
      }
    }
  }
  return undefined;
}

/** --codebook: the registry (with --patterns' additions) as CSV or Markdown, on standard output or --out; CSV to a file with a byte-order mark, as the other CSVs. */
async function printCodebook(o: Options, io: Io): Promise<number> {
  let set;
  try {
    set = rulesFor(o.patterns);
  } catch (e) {
    if (e instanceof RuleFileError) return usageError(io, `invalid rule file ${e.message}`);
    throw e;
  }
  const format = o.codebook === true ? 'csv' : o.codebook!;
  let sink: Sink;
  try {
    sink = mainSink(o, io, format === 'csv');
  } catch (e) {
    if (e instanceof OutputError) return usageError(io, e.message);
    throw e;
  }
  await sink.write(codebook(set, format));
  sink.commit();
  await new Promise((resolve) => setImmediate(resolve));
  const lost = sink.failure();
  if (lost) {
    io.stderr.write(`extract: ${lost}\n`);
    return EXIT.outputFailed;
  }
  return EXIT.ok;
}

/**
 * Where the main output goes: --out, or standard output. CSV that goes to a file (--out, or a
 * standard output redirected to one) starts with a byte-order mark, for Excel; a pipe gets none;
 * --bom and --no-bom decide otherwise.
 */
function mainSink(o: Options, io: Io, csv: boolean): Sink {
  const bom = csv && (o.bom ?? (o.out ? true : Boolean(io.stdoutIsFile)));
  // Node writes standard output to a file synchronously: its block can then be reused.
  return o.out ? fileSink(o.out, bom) : streamSink(io.stdout, bom, Boolean(io.stdoutIsFile) && io.stdout === process.stdout);
}

function usageError(io: Io, msg: string): number {
  io.stderr.write(`extract: ${msg}\n`);
  return EXIT.usage;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const cmd = program(io);
  let inputs: string[];
  let o: Options;
  try {
    cmd.parse(argv, { from: 'user' });
    inputs = cmd.args;
    o = cmd.opts<Options>();
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw e;
  }
  const say = (line: string) => {
    if (!o.quiet) io.stderr.write(`${line}\n`);
  };
  const usage = (msg: string) => usageError(io, msg);

  if (o.codebook) return inputs.length ? usage(`--codebook reads no reports: drop ${inputs[0]}`) : printCodebook(o, io);
  let format: Format;
  try {
    format = pickFormat(o, io);
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message);
    throw e;
  }
  if (!inputs.length && io.stdinIsPiped) inputs = ['-'];
  if (!inputs.length) return usage('no input: name report files or folders, or pipe a report in (extract --help)');
  if (o.encoding && !supportsEncoding(o.encoding)) return usage(`--encoding ${o.encoding}: not an encoding this Node.js can decode`);
  try {
    rulesFor(o.patterns); // fail early, once, on a broken rule file
  } catch (e) {
    if (e instanceof RuleFileError) return usage(`invalid rule file ${e.message}`);
    throw e;
  }

  // From here on a signal ends the run with 128 + its number, leaving no temporary file.
  if (io.stdout === process.stdout) cleanupOnExit();
  const clash = outputClash(inputs, o);
  if (clash) return usage(clash);
  const skipped = new Map<string, number>();
  // Made before the walk, so that what the walk of a large folder leaves behind counts as growth: collected once the run is under way.
  const heap = heapKeeper();
  const found = collectInputList(inputs, skipped);
  // Standard input sorts first, when it is named.
  const stdinAt = found.length && found.path(0) === '-' ? 0 : -1;
  // Why an input fails before it is read: missing, or refused from its size (before a worker is started for it).
  const refused = (i: number) => found.missing(i) ?? ((found.size(i) ?? 0) > MAX_INPUT_BYTES ? TOO_LARGE : undefined);
  // The sizes of the files to read, for the plan: standard input and refused inputs take no thread's time.
  function* readable() {
    for (let i = 0; i < found.length; i++) if (i !== stdinAt && !refused(i)) yield found.size(i);
  }
  const plan = cmd.getOptionValueSource('jobs') === 'default' ? defaultPlan(readable(), o.jobs) : { jobs: o.jobs };
  const sinks: Sink[] = [];
  let sink: Sink;
  let checksSink: Sink | undefined;
  let reviewSink: Sink | undefined;
  let conflictsSink: Sink | undefined;
  try {
    sink = mainSink(o, io, o.csv === true);
    sinks.push(sink);
    if (o.checksCsv) {
      checksSink = fileSink(o.checksCsv, o.bom ?? true);
      sinks.push(checksSink);
    }
    if (o.review) {
      reviewSink = fileSink(o.review, false);
      sinks.push(reviewSink);
    }
    if (o.conflicts) {
      conflictsSink = fileSink(o.conflicts, o.bom ?? true);
      sinks.push(conflictsSink);
    }
  } catch (e) {
    for (const s of sinks) s.abort();
    if (e instanceof OutputError) return usage(e.message);
    throw e;
  }

  const count = found.length;
  let failures = 0;
  let internal = 0;
  let inconsistent = 0;
  let flagged = 0;
  let withUnit = 0;
  let unread = 0;
  let empty = 0;
  const kinds = new Map<string, number>();
  const progress = new Progress(io.stderr, count, Boolean(io.stderr.isTTY) && !o.quiet && count > 1);
  const layout = layoutFor(o.patterns, o.names);
  // The table view fits a terminal; written to a file or a pipe it keeps its default widths.
  const width = !o.out && io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined;
  // The main output, then the checks CSV, then the review page: each rendered piece goes to its sink.
  const extra: [Format, Sink | undefined][] = [
    ['checks-csv', checksSink],
    ['review', reviewSink],
  ];
  // With --panel, what each report gives the panel is gathered here, and the panel written at the end.
  // The panel's modules (its gazetteer, signatures) are loaded only for --panel.
  const panel = o.panel ? new (await import('./panel/assemble.js')).PanelBuilder() : undefined;
  await prepareFormats([format, ...extra.filter(([, out]) => out).map(([f]) => f)]);
  const outputs = [{ reporter: reporterFor(format, layout, width), sink: panel ? panelCollector(panel) : sink }];
  const formats: Format[] = [format];
  for (const [f, out] of extra) {
    if (!out) continue;
    outputs.push({ reporter: reporterFor(f, layout), sink: out });
    formats.push(f);
  }
  // What each report was, for the review page's contents.
  const entries: ReviewEntry[] = [];
  const explain = o.explain ? (o.line !== undefined ? { line: o.line } : true) : undefined;
  const emit = async (r: Rendered, index: number) => {
    for (let k = 0; k < outputs.length; k++) {
      const { reporter, sink: out } = outputs[k]!;
      if (index === 0) await out.write(reporter.begin(count));
      const separator = reporter.separator?.(index, count);
      if (separator) await out.write(separator);
      await out.write(r.pieces[k]!);
    }
  };
  const tally = (s: Summary) => {
    if (s.error) {
      failures++;
      if (s.internal) internal++;
      progress.clear();
      say(`extract: ${s.source}: ${s.error}`);
    } else {
      kinds.set(s.format, (kinds.get(s.format) ?? 0) + 1);
      if (!s.figures) empty++;
    }
    for (const n of s.notices) {
      progress.clear();
      say(`extract: ${s.source}: warning: ${n}`);
    }
    if (reviewSink) entries.push(s);
    inconsistent += s.inconsistent;
    flagged += s.flagged;
    withUnit += s.withUnit;
    unread += s.unread;
    progress.tick(s);
  };
  // JSON Lines is written as each file finishes; the other formats in path order.
  let order = 0;
  const onResult: OnResult =
    format === 'jsonl'
      ? (_i, r) => {
          tally(r.summary);
          return emit(r, order++);
        }
      : inOrder((r, i) => {
          tally(r.summary);
          return emit(r, i);
        });

  try {
    let stdin: Uint8Array | undefined;
    if (stdinAt >= 0) stdin = io.stdin ? await readAll(io.stdin, MAX_INPUT_BYTES) : new Uint8Array();
    // Every input goes to the pool, those that cannot be read with their reason (a failed report, made where it is rendered).
    const sources: Sources = {
      length: count,
      path: (i) => found.path(i),
      size: (i) => (i === stdinAt ? stdin?.length : found.size(i)),
      missing: (i) => (i === stdinAt ? (stdin ? undefined : TOO_LARGE) : refused(i)),
    };
    await runAll(sources, plan.jobs, { encoding: o.encoding, patterns: o.patterns, formats, explain, names: o.names, width }, onResult, {
      contents: stdin ? [stdin] : undefined,
      grow: plan.grow,
      heap,
    });
    for (const { reporter, sink: out } of outputs) await out.write(reporter.end(count, entries));
    if (panel) {
      const built = panel.build();
      const { conflictsCsv, panelCsv, panelJson } = await import('./panel/output.js');
      await sink.write(o.csv ? panelCsv(built, layout) : panelJson(built));
      if (conflictsSink) await conflictsSink.write(conflictsCsv(built));
      say(`extract: panel: ${built.rows.length} place-years, ${built.conflicts.length ? `${new Set(built.conflicts.map((c) => `${c.placeCode ?? c.place}|${c.year}|${c.id}`)).size} conflicting cells, ` : ''}${built.revisions.length ? `${built.revisions.length} revision${built.revisions.length === 1 ? '' : 's'} across years, ` : ''}${built.duplicates.reduce((n, d) => n + d.merged.length, 0)} duplicates merged, ${built.unplaced.length} section${built.unplaced.length === 1 ? '' : 's'} not placed`);
    }
    progress.clear();
    // A signal that came while this thread was busy is handled here, before any output is renamed into place.
    await settle();
    if (failures === count) {
      // Nothing was read: an existing output file is left as it was.
      for (const s of sinks) s.abort();
    } else {
      for (const s of sinks) s.commit();
    }
  } catch (e) {
    progress.clear();
    for (const s of sinks) s.abort();
    io.stderr.write(`extract: internal error: ${(e as Error).message}\n`);
    if (o.debug) io.stderr.write(`${(e as Error).stack}\n`);
    return EXIT.internal;
  }
  // A write error on standard output arrives as an event: let it.
  await new Promise((resolve) => setImmediate(resolve));
  const lost = sinks.map((s) => s.failure()).filter((x): x is string => x !== undefined);
  // Inputs that failed from a bug: exit 5, which outranks a lost output (4) and failed inputs (3).
  const internalFailures = (n: number) => {
    io.stderr.write(`extract: ${n} input${n === 1 ? '' : 's'} failed from an internal error, not from ${n === 1 ? 'its' : 'their'} content: a bug, please report it\n`);
    return EXIT.internal;
  };
  if (lost.length) {
    for (const l of lost) io.stderr.write(`extract: ${l}\n`);
    return internal ? internalFailures(internal) : EXIT.outputFailed;
  }

  if (skipped.size) say(`extract: ${skippedLine(skipped)}`);
  if (count > 1) {
    // What was read, when it was more than text: "7 inputs (2 text, 1 docx, 1 doc, 2 pdf)".
    const read = [...kinds].some(([k]) => k !== 'text') ? ` (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})` : '';
    say(
      `extract: ${count} inputs${read}, ${failures} failed, ${empty ? `${empty} with no figures, ` : ''}${flagged} flagged check${flagged === 1 ? '' : 's'}, ${coverageLine(withUnit, unread)}${o.out ? ` → ${o.out}` : ''}`,
    );
  }
  if (internal) return internalFailures(internal);
  if (failures) return EXIT.inputFailed;
  if (o.strict && inconsistent) return EXIT.contradiction;
  return EXIT.ok;
}
