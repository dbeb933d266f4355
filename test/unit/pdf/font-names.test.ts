import { describe, expect, it } from 'vitest';
import { realStyleName } from '../../../src/pdf/font-names.ts';

describe('font names in the PDF', () => {
  it("drop the variable font's master weight and keep the real style", () => {
    expect(realStyleName('NotoSansSCThin-Bold')).toBe('NotoSansSC-Bold');
    expect(realStyleName('ABCDEF+NotoSerifSCExtraLight-Black')).toBe('ABCDEF+NotoSerifSC-Black');
    expect(realStyleName('AAAAAA+NotoSansSCThin-Regular')).toBe('AAAAAA+NotoSansSC-Regular');
  });

  it('leave names that are already right', () => {
    for (const name of ['LXGWWenKai-Regular', 'NotoSansSC-Bold', 'Helvetica', 'ABCDEF+NotoSerifSC-Black']) expect(realStyleName(name)).toBe(name);
  });
});
