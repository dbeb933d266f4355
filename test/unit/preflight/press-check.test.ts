import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../../src/errors.ts';
import { assertReadyForPress } from '../../../src/preflight/press-check.ts';
import type { PreflightReport } from '../../../src/preflight/types.ts';

const report = (severity: 'error' | 'warning'): PreflightReport => ({
  file: '/out/page.pdf', press: false, ok: severity !== 'error', errors: severity === 'error' ? 1 : 0, warnings: severity === 'warning' ? 1 : 0, rules: [], measurements: {}, durationMs: 1,
  findings: [{ rule: 'image-resolution', severity, page: 1, message: 'photo "a" (photos/a.jpg) (400×300 px) is placed at 119 ppi (minimum 150)' }],
});

describe('the press gate', () => {
  it('refuses a proof with an error finding, as a failure (exit 1), listing the finding', () => {
    let thrown: unknown;
    try {
      assertReadyForPress(report('error'), '/out/page.press.pdf');
    } catch (error) {
      thrown = error;
    }
    expect(exitCodeOf(thrown)).toBe(1);
    expect((thrown as Error).message).toContain('[image-resolution] page 1: photo "a" (photos/a.jpg)');
  });

  it('lets a proof with warnings only through', () => {
    expect(() => assertReadyForPress(report('warning'), '/out/page.press.pdf')).not.toThrow();
  });
});
