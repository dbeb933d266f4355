/**
 * The preflight report in Chinese (issue 15, item 9): a rule's finding, not
 * only the report's frame, is written in Chinese and still names the photo by
 * its id and file. A real PDF with a coarse photo is checked, not a made-up report.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../src/i18n/locale.ts';
import { runPreflight } from '../../../src/preflight/preflight.ts';
import { formatReport } from '../../../src/preflight/report.ts';
import { EDITION, MM, png, save, sheet } from './fixtures.ts';

afterEach(() => setLocale('en'));

const CJK = /[\u3400-\u9fff]/;

describe('the preflight report in Chinese', () => {
  it('names the coarse photo by id and file, in Chinese, with its resolution and fix', async () => {
    const target = await sheet();
    const [left, bottom] = target.trim;
    const coarse = await target.document.embedPng(await png(100, 100));
    target.page.drawImage(coarse, { x: left + 20 * MM, y: bottom + 200 * MM, width: 72, height: 72 });
    const pdf = await save(target.document, 'coarse-photo');
    const edition = { ...EDITION, photos: [{ id: 'yuba-study-base', file: 'small.jpg', widthPx: 100, heightPx: 100 }] };

    setLocale('zh');
    const report = await runPreflight({ pdf, edition });
    const text = formatReport(report);
    const finding = text.split('\n').find((line) => line.includes('[image-resolution]'));
    expect(finding).toBeDefined();
    expect(finding).toContain('yuba-study-base');
    expect(finding).toContain('small.jpg');
    expect(finding).toContain('100 ppi');
    // The finding itself, past the rule id and page, is Chinese.
    expect(finding!.slice(finding!.indexOf('yuba-study-base'))).toMatch(CJK);
    expect(finding).not.toMatch(/is placed at|minimum/);
    const fix = text.split('\n')[text.split('\n').indexOf(finding!) + 1]!;
    expect(fix).toMatch(/^ {2}解决：/);
    expect(fix.replace(/^ {2}解决：/, '')).toMatch(CJK);

    setLocale('en');
    const english = formatReport(await runPreflight({ pdf, edition }));
    expect(english).toMatch(/photo "yuba-study-base" \(small\.jpg\) \(100×100 px\) is placed at 100 ppi \(minimum 150\)/);
  });
});
