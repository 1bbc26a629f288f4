/**
 * The review page in a real browser: Debian's chromium driven by puppeteer-core
 * (nothing is downloaded). Built by the command from the text fixtures and a
 * hostile report; every figure of the JSON has its one highlight, a click on a
 * check lights its figures, j walks the flagged items, an escaped <script> does
 * not run, and the page reads with JavaScript off. A screenshot at 1280×800 is
 * kept in test-artifacts/ (the README's picture is made from it).
 *
 * Skipped, saying so, where no chromium is installed (.ci/run installs it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { cliScratch, root, run } from './helpers/cli.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => Boolean(p && existsSync(p)));
if (!CHROMIUM) console.warn('review-browser.test.ts: skipped, no chromium found (apt-get install chromium, or set CHROMIUM_PATH)');

type Figure = { id: string; text: string; value: number };
type Report = { source: string; indicators: Figure[]; checks: { status: string; inputs?: number[] }[] };

describe.skipIf(!CHROMIUM)('the review page in chromium', () => {
  let browser: Browser;
  let page: Page;
  let reports: Report[];
  let html: string;

  beforeAll(async () => {
    const { dir, texts } = cliScratch('review');
    writeFileSync(
      join(texts, 'hostile.txt'),
      '东川县2015年人口和计划生育工作总结\n全县全年出生1520人<script>window.__pwned=1</script>,其中政策外出生60人<img src=x onerror="window.__pwned=2">。"四术"3120例。\n',
    );
    html = join(dir, 'review.html');
    const r = run([texts, '--json', '--review', html, '-j', '1']);
    expect(r.code).toBe(0);
    reports = JSON.parse(r.out);
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`file://${html}`, { waitUntil: 'load' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('gives every figure of the JSON exactly one highlight whose text is the figure’s (cut only where two highlights would cross)', async () => {
    const marks = await page.$$eval('article.report', (articles) =>
      articles.map((a) => ({
        source: a.querySelector('h2')!.textContent!,
        marks: [...a.querySelectorAll('mark.fig')].map((m) => ({ text: m.textContent!, cut: m.classList.contains('cut') })),
      })),
    );
    for (const r of reports) {
      const shown = marks.find((m) => m.source === r.source)!;
      expect(shown.marks, r.source).toHaveLength(r.indicators.length);
      r.indicators.forEach((f, k) => {
        const m = shown.marks[k]!;
        if (m.cut) expect(f.text.startsWith(m.text), `${f.id} ${f.text}`).toBe(true);
        else expect(m.text, `${f.id}`).toBe(f.text);
      });
    }
  });

  it('lights the figures a check used when the check is clicked', async () => {
    const r = reports.find((x) => x.checks.some((c) => c.status === 'inconsistent' && (c.inputs?.length ?? 0) > 1))!;
    const k = r.checks.findIndex((c) => c.status === 'inconsistent' && (c.inputs?.length ?? 0) > 1);
    const article = await page.$$eval('article.report', (as, source) => as.findIndex((a) => a.querySelector('h2')!.textContent === source), r.source);
    const check = (await page.$$(`article.report:nth-of-type(${article + 1}) li.check .status`))[k]!;
    // Articles off screen are laid out when scrolled to (content-visibility): let the page settle before the click.
    await check.scrollIntoView();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await check.click();
    const lit = await page.$$eval('mark.lit', (ms) => ms.map((m) => m.id));
    expect(lit).toHaveLength(r.checks[k]!.inputs!.length);
    expect(lit.every((id) => id.includes('-f'))).toBe(true);
  });

  it('walks the flagged items with j, and back with k', async () => {
    await page.click('header.bar h1');
    const ids = await page.$$eval('.flagged', (es) => es.map((e) => e.id));
    expect(ids.length).toBeGreaterThan(1);
    await page.keyboard.press('j');
    expect(await page.$eval('.current', (e) => e.id)).toBe(ids[0]);
    await page.keyboard.press('j');
    expect(await page.$eval('.current', (e) => e.id)).toBe(ids[1]);
    await page.keyboard.press('k');
    expect(await page.$eval('.current', (e) => e.id)).toBe(ids[0]);
  });

  it('shows a report’s <script> and onerror as text, and runs neither', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const text = await page.$$eval('article.report .text', (ts) => ts.map((t) => t.textContent!).join('\n'));
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('onerror="window.__pwned=2"');
    expect(readFileSync(html, 'utf8')).not.toContain('<script>window.__pwned');
  });

  it('filters: only flagged checks hides the others', async () => {
    const visible = () => page.$$eval('li.check', (ls) => ls.filter((l) => (l as HTMLElement).offsetParent !== null).map((l) => l.className));
    const all = await visible();
    await page.click('#only-flagged');
    const flagged = await visible();
    expect(flagged.length).toBeLessThan(all.length);
    expect(flagged.every((c) => c.includes('flagged'))).toBe(true);
    await page.click('#only-flagged');
  });

  it('keeps a screenshot at 1280×800', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const dir = join(root, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'review.png');
    await page.screenshot({ path: file as `${string}.png` });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });

  it('reads with JavaScript off: the highlights, the checks and their links are there', async () => {
    const off = await browser.newPage();
    await off.setJavaScriptEnabled(false);
    await off.goto(`file://${html}`, { waitUntil: 'load' });
    const figures = reports.reduce((n, r) => n + r.indicators.length, 0);
    expect(await off.$$eval('mark.fig', (ms) => ms.length)).toBe(figures);
    expect(await off.$$eval('li.check', (ls) => ls.length)).toBe(reports.reduce((n, r) => n + r.checks.length, 0));
    expect(await off.$$eval('#toc a', (as) => as.length)).toBe(reports.length);
    await off.close();
  });
});
