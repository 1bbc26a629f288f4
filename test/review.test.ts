/**
 * The review page's pieces without a browser: marks that nest, cross-cut
 * spans, escaping, the families, the order of attention, and a script allowed
 * by its hash alone (review-browser.test.ts drives the page in chromium).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { byAttention, esc, familyOf, markedText, reviewArticle, reviewBegin, reviewEnd, type ReviewEntry } from '../src/output/review.js';
import { extract } from '../src/extract/pipeline.js';

const open = (name: string) => `<mark class="fig" id="${name}">`;

describe('markedText', () => {
  it.each<[string, string, { start: number; end: number; open: string }[], string]>([
    ['one span', '出生1520人。', [{ start: 0, end: 7, open: open('a') }], '<mark class="fig" id="a">出生1520人</mark>。'],
    ['two apart', '出生12人,死亡3人', [{ start: 0, end: 5, open: open('a') }, { start: 6, end: 10, open: open('b') }], '<mark class="fig" id="a">出生12人</mark>,<mark class="fig" id="b">死亡3人</mark>'],
    ['one inside another', '奖扶2人0.24万元', [{ start: 2, end: 4, open: open('in') }, { start: 0, end: 10, open: open('out') }], '<mark class="fig" id="out">奖扶<mark class="fig" id="in">2人</mark>0.24万元</mark>'],
    ['crossing: the later cut at the earlier’s end', 'ABCDEF', [{ start: 0, end: 4, open: open('a') }, { start: 2, end: 6, open: open('b') }], '<mark class="fig" id="a">AB<mark class="cut fig" id="b">CD</mark></mark>EF'],
    ['text escaped, marks kept', '<b>出生12人</b>', [{ start: 3, end: 8, open: open('a') }], '&lt;b&gt;<mark class="fig" id="a">出生12人</mark>&lt;/b&gt;'],
    ['a span past the end is left out', 'abc', [{ start: 1, end: 9, open: open('a') }], 'abc'],
  ])('%s', (_what, text, spans, html) => {
    expect(markedText(text, spans)).toBe(html);
  });
});

describe('escaping', () => {
  it('escapes what could open a tag or leave an attribute', () => {
    expect(esc(`<script>"x"&'y'</script>`)).toBe('&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;');
  });
  it('a report’s source, text and warnings never reach the page as markup', () => {
    const r = extract('全县出生12人<img src=x onerror=alert(1)>', { source: '<script>alert(1)</script>.txt' });
    const html = reviewArticle(r, '全县出生12人<img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script>|<img/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('families', () => {
  it.each([
    ['births.first.inPolicy', 'births'],
    ['surgery.iudInsertion', 'operations'],
    ['healthCheck.gynecological', 'operations'],
    ['rate.policyCompliance', 'rates'],
    ['sexRatio.atBirth', 'sexratio'],
    ['subsidy.rewardAssistance', 'subsidies'],
    ['subsidy.rewardAssistance.amount', 'money'],
    ['fee.socialMaintenance', 'money'],
    ['population.marriedWomen', 'population'],
    ['other.training', 'other'],
  ])('%s is %s', (id, family) => {
    expect(familyOf(id)).toBe(family);
  });
});

describe('the contents', () => {
  const e = (source: string, extra: Partial<ReviewEntry> = {}): ReviewEntry => ({ source, figures: 10, inconsistent: 0, flagged: 0, unread: 0, coverage: 100, ...extra });
  it('lists reports by what needs attention first: unreadable, contradictions, other flags, unread numbers, low coverage', () => {
    const sorted = [e('ok'), e('low', { coverage: 60 }), e('unread', { unread: 3 }), e('flag', { flagged: 1 }), e('bad', { inconsistent: 1, flagged: 1 }), e('gone', { error: 'no such file' })].sort(byAttention);
    expect(sorted.map((x) => x.source)).toEqual(['gone', 'bad', 'flag', 'unread', 'low', 'ok']);
  });
});

describe('the page', () => {
  it('allows its own script by its hash and nothing from the network', () => {
    const page = reviewBegin(1) + reviewEnd([]);
    const script = /<script>([\s\S]*)<\/script>/.exec(page)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    expect(page).toContain(`script-src 'sha256-${hash}'`);
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/(?:src|href)="https?:/);
  });
});
