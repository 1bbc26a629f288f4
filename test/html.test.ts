/**
 * Web pages to text: what is read, what is dropped, where lines break, and
 * that the reading is linear in the page (deeply nested and unclosed tags
 * are common in pages saved from government sites).
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../src/input/html.js';
import { leastTime } from './helpers/timing.js';

describe('htmlToText', () => {
  it.each([
    ['paragraphs are lines', '<p>全县共出生1083人,</p><p>出生率为3.41‰</p>', '全县共出生1083人,\n出生率为3.41‰\n'],
    ['<br> breaks a line', '一孩589人<br>二孩494人', '一孩589人\n二孩494人\n'],
    ['script, style and head are dropped', '<html><head><title>标题</title><style>p{}</style></head><body><script>var a="出生99人"</script><p>出生1083人</p></body></html>', '出生1083人\n'],
    ['an unclosed head ends where the body starts', '<html><head><meta charset="utf-8"><body><p>出生1083人</p>', '出生1083人\n'],
    ['table cells are kept apart by tabs', '<table><tr><td>出生人数</td><td>1083</td></tr><tr><td>死亡</td><td>5</td></tr></table>', '出生人数\t1083\t\n死亡\t5\n'],
    ['entities are decoded', '<p>出生率为3.41&permil;&nbsp;,政策内&lt;90%</p>', '出生率为3.41‰\u00a0,政策内<90%\n'],
    ['numeric entities too', '<p>&#20986;&#29983;1083&#x4EBA;</p>', '出生1083人\n'],
    ['runs of spaces and newlines inside text collapse', '<p>全县共出生\n\n   1083人</p>', '全县共出生\n1083人\n'],
    ['inline tags join their text', '<p>全县<b>共出生</b><span>1083</span>人</p>', '全县共出生1083人\n'],
    ['comments are dropped', '<p>出生<!-- 99人 -->1083人</p>', '出生1083人\n'],
    ['upper-case tags are tags', '<P>出生1083人</P><BR>死亡5人', '出生1083人\n死亡5人\n'],
    ['blank lines stay at most one', '<div><div><p>一</p></div></div><p></p><p></p><p>二</p>', '一\n二\n'],
  ])('%s', (_what, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it.each([
    ['unclosed <div> with text', '<div>字'],
    ['unclosed <span> with text', '<span>字'],
    ['unclosed <p> with text', '<p>字'],
    ['unclosed <table>', '<table>'],
  ])('is linear in the page: %s, 100 000 deep', (_what, open) => {
    const page = (n: number) => `<html><body>${open.repeat(n)}全县共出生1083人。</body></html>`;
    const small = page(10_000);
    const large = page(100_000);
    expect(htmlToText(large)).toContain('全县共出生1083人。');
    // Ten times the tags, not a hundred times the time.
    expect(leastTime(() => htmlToText(large), 2)).toBeLessThan(Math.max(30 * leastTime(() => htmlToText(small)), 2000));
  });
});
