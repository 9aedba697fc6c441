import { describe, expect, it } from 'vitest';
import { checkPin, checkPublish, checkWithdraw, customColumnId, defaultPublic, isDuePublication, isFixedColumn, statusOnCreate, summaryOf, SUMMARY_LENGTH, COLUMN_KEY } from './rules.ts';
import { plainTextOf, sanitizeArticleHtml } from './sanitize.ts';

const NOW = '2025-06-02T01:00:00.000Z';
const OWN_IMAGE = '/api/articles/files/0b9f7d2e-3c4a-4e5b-9a1c-2d3e4f5a6b7c.png';

describe('article lifecycle', () => {
  it('is a draft without publishAt, published with one that has come, scheduled with one ahead', () => {
    expect(statusOnCreate(undefined, NOW)).toBe('draft');
    expect(statusOnCreate(NOW, NOW)).toBe('published');
    expect(statusOnCreate('2025-06-03T00:00:00.000Z', NOW)).toBe('scheduled');
  });

  it('publishes (or reschedules) drafts, scheduled and withdrawn articles; withdraws published and scheduled ones', () => {
    expect(checkPublish('draft')).toBeNull();
    expect(checkPublish('scheduled')).toBeNull();
    expect(checkPublish('withdrawn')).toBeNull();
    expect(checkPublish('published')).toEqual({ code: 'article_already_published' });
    expect(checkWithdraw('published')).toBeNull();
    expect(checkWithdraw('scheduled')).toBeNull();
    expect(checkWithdraw('draft')).toEqual({ code: 'article_not_published' });
    expect(checkWithdraw('withdrawn')).toEqual({ code: 'article_not_published' });
  });

  it('pins only published or scheduled articles and always unpins', () => {
    expect(checkPin('published', true)).toBeNull();
    expect(checkPin('scheduled', true)).toBeNull();
    expect(checkPin('draft', true)).toEqual({ code: 'article_not_published' });
    expect(checkPin('withdrawn', false)).toBeNull();
  });

  it('lets a publication job publish only an article still scheduled for the job’s instant', () => {
    expect(isDuePublication('scheduled', NOW, NOW)).toBe(true);
    expect(isDuePublication('scheduled', '2025-06-03T00:00:00.000Z', NOW)).toBe(false);
    expect(isDuePublication('withdrawn', NOW, NOW)).toBe(false);
    expect(isDuePublication('published', NOW, NOW)).toBe(false);
  });

  it('knows the fixed columns and the keys of columns a union added', () => {
    expect(['news', 'rights_guide', 'c12'].every((k) => COLUMN_KEY.test(k))).toBe(true);
    expect(['c0', 'c', 'x12', 'news ', 'c12;'].some((k) => COLUMN_KEY.test(k))).toBe(false);
    expect([isFixedColumn('notice'), isFixedColumn('c3')]).toEqual([true, false]);
    expect([customColumnId('c42'), customColumnId('policy')]).toEqual([42, null]);
  });

  it('makes policies and rights guides public by default, news and notices for members', () => {
    expect([defaultPublic('policy'), defaultPublic('rights_guide'), defaultPublic('news'), defaultPublic('notice')]).toEqual([true, true, false, false]);
  });

  it('summarises an article in its first characters, whitespace collapsed', () => {
    expect(summaryOf('  工会\n\n动态  ')).toBe('工会 动态');
    const long = '职'.repeat(SUMMARY_LENGTH + 5);
    expect(summaryOf(long)).toBe(`${'职'.repeat(SUMMARY_LENGTH)}…`);
  });
});

describe('article sanitizer', () => {
  it('keeps text formatting, lists, tables and links', async () => {
    const html = '<h2>标题</h2><p><strong>粗</strong><em>斜</em></p><ul><li>一</li></ul><table><tbody><tr><td>格</td></tr></tbody></table>';
    expect(await sanitizeArticleHtml(html)).toBe(html);
    expect(await sanitizeArticleHtml('<a href="https://www.acftu.org/">全总</a>')).toBe('<a href="https://www.acftu.org/" target="_blank" rel="noopener noreferrer">全总</a>');
  });

  it.each([
    ['a script', '<p>正文</p><script>alert(1)</script>', '<p>正文</p>'],
    ['a style sheet', '<style>body{display:none}</style><p>正文</p>', '<p>正文</p>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe><p>正文</p>', '<p>正文</p>'],
    ['an event handler', '<p onclick="alert(1)" onmouseover="x()">正文</p>', '<p>正文</p>'],
    ['an inline style', '<p style="background:url(javascript:alert(1))">正文</p>', '<p>正文</p>'],
    ['a javascript: link', '<a href="javascript:alert(1)">点</a>', '<a target="_blank" rel="noopener noreferrer">点</a>'],
    ['an obfuscated javascript: link', '<a href="jav&#x09;ascript:alert(1)">点</a>', '<a target="_blank" rel="noopener noreferrer">点</a>'],
    ['a data: link', '<a href="data:text/html,<script>alert(1)</script>">点</a>', '<a target="_blank" rel="noopener noreferrer">点</a>'],
    ['an outside image', '<p>图<img src="https://tracker.example/p.gif"></p>', '<p>图</p>'],
    ['a protocol-relative image', '<img src="//tracker.example/p.gif">', ''],
    ['an image with onerror', '<img src="x" onerror="alert(1)">', ''],
    ['a data: image', '<img src="data:image/png;base64,AAAA">', ''],
    ['a path-climbing image', '<img src="/api/articles/files/../../api/me">', ''],
    ['an SVG with a script', '<svg><script>alert(1)</script></svg><p>正文</p>', '<p>正文</p>'],
    ['a form', '<form action="https://evil.example/"><input name="p"></form><p>正文</p>', '<p>正文</p>'],
    ['an object and an embed', '<object data="x.swf"></object><embed src="x.swf"><p>正文</p>', '<p>正文</p>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>正文</p>', '<p>正文</p>'],
  ])('strips %s', async (_, html, clean) => {
    expect(await sanitizeArticleHtml(html)).toBe(clean);
  });

  it('keeps images served from gonghui’s own article files', async () => {
    expect(await sanitizeArticleHtml(`<p><img src="${OWN_IMAGE}" alt="图" onload="x()"></p>`)).toBe(`<p><img src="${OWN_IMAGE}" alt="图" /></p>`);
  });

  it('gives the plain text of HTML for summaries, entities decoded', async () => {
    expect((await plainTextOf('<p>劳动者&amp;工会</p><p>第二段</p>')).replace(/\s+/g, ' ').trim()).toBe('劳动者&工会 第二段');
  });
});
