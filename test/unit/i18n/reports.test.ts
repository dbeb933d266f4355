/** The preflight report and the CLI's error lines follow the language (issue 15, item 9). */
import { afterEach, describe, expect, it } from 'vitest';
import { FolioError, describeError } from '../../../src/errors.ts';
import { setLocale } from '../../../src/i18n/locale.ts';
import { formatReport } from '../../../src/preflight/report.ts';
import type { PreflightReport } from '../../../src/preflight/types.ts';

afterEach(() => setLocale('en'));

const report: PreflightReport = {
  file: 'out/page.pdf',
  press: false,
  ok: false,
  errors: 1,
  warnings: 0,
  rules: [{ id: 'image-resolution', title: 'images at least 200 ppi at their placed size', status: 'failed' }],
  findings: [{ rule: 'image-resolution', severity: 'error', page: 1, message: 'image Im1 is placed at 44 ppi', hint: 'use a larger original' }],
  measurements: { pages: 1, lowestImagePpi: 44 },
  durationMs: 1200,
};

describe('reports in Chinese', () => {
  it('writes the preflight report in Chinese under zh, in English otherwise', () => {
    setLocale('zh');
    const zh = formatReport(report);
    expect(zh.split('\n')[0]).toBe('印前检查 out/page.pdf');
    expect(zh).toContain('错误： [image-resolution] 第 1 版: image Im1 is placed at 44 ppi');
    expect(zh).toContain('  解决：use a larger original');
    expect(zh).toContain('1 个版面；图片最低分辨率 44 ppi');
    expect(zh.split('\n').at(-1)).toBe('印前检查未通过：1 个错误，0 个警告，用时 1.20 秒');
    setLocale('en');
    expect(formatReport(report).split('\n').at(-1)).toBe('FAILED: 1 error(s), 0 warning(s) in 1.20 s');
  });

  it('frames error messages in Chinese', () => {
    setLocale('zh');
    expect(describeError(new FolioError('x', { hint: 'y', cause: new Error('z') }))).toBe('错误：x\n  解决：y\n  原因：z');
  });
});

describe('preflight rule titles', () => {
  it('are listed in the language of the run, every rule in both', async () => {
    const { RULES } = await import('../../../src/preflight/rules/index.ts');
    const { setLocale } = await import('../../../src/i18n/locale.ts');
    try {
      setLocale('zh');
      for (const rule of RULES) expect(rule.title, rule.id).toMatch(/[\u4e00-\u9fff]/);
      setLocale('en');
      for (const rule of RULES) expect(rule.title, rule.id).not.toMatch(/[\u4e00-\u9fff]/);
    } finally {
      setLocale('en');
    }
  });
});
