import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEWSPRINT_CMYK_PROFILE, newsprintGrayProfile } from '../../../src/pdf/press/icc.ts';
import { readIccHeader } from '../../../src/pdf/read/icc-header.ts';
import { pdfxDefinition } from '../../../src/pdf/press/ghostscript.ts';
import { resolvePressSettings } from '../../../src/pdf/press/settings.ts';

describe('press output profiles', () => {
  it('ships a CMYK output-device profile for newsprint', () => {
    expect(readIccHeader(readFileSync(NEWSPRINT_CMYK_PROFILE))).toMatchObject({ deviceClass: 'prtr', colourSpace: 'CMYK', pcs: 'Lab ' });
  });

  it('builds a gray output-device profile whose size field matches its length', () => {
    const profile = newsprintGrayProfile();
    expect(readIccHeader(profile)).toEqual({ size: profile.length, version: '2.1', deviceClass: 'prtr', colourSpace: 'GRAY', pcs: 'XYZ ' });
    // The tag table lists desc, cprt, wtpt and kTRC.
    const tags = new TextDecoder('latin1').decode(profile.subarray(132, 132 + 4 * 12));
    for (const tag of ['desc', 'cprt', 'wtpt', 'kTRC']) expect(tags).toContain(tag);
  });

  it('has a gray curve rising from solid black to paper white', () => {
    const profile = newsprintGrayProfile();
    const view = new DataView(profile.buffer, profile.byteOffset);
    const at = new TextDecoder('latin1').decode(profile).indexOf('curv');
    const count = view.getUint32(at + 8);
    const values = Array.from({ length: count }, (_, i) => view.getUint16(at + 12 + 2 * i));
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(65535);
    expect(values.every((value, i) => i === 0 || value >= values[i - 1]!)).toBe(true);
  });

  it('writes a PDF/X-3 definition with the output intent and escaped paths', () => {
    const ps = pdfxDefinition('/tmp/a (b)/default_cmyk.icc', 'cmyk', resolvePressSettings());
    expect(ps).toContain('/GTS_PDFXVersion (PDF/X-3:2002) /Trapped /False');
    expect(ps).toContain('<< /N 4 >>');
    expect(ps).toContain('(/tmp/a \\(b\\)/default_cmyk.icc) (r) file');
    expect(ps).toContain('/OutputConditionIdentifier (CGATS TR 002)');
  });

  it('declares PDF/X-1a:2001 as ISO 15930-1 spells it, and a plant profile as a custom condition', () => {
    const ps = pdfxDefinition('/plant/press.icc', 'cmyk', resolvePressSettings({ pdfx: 'PDF/X-1a:2001', profile: '/plant/press.icc' }));
    expect(ps).toContain('/GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001)');
    expect(ps).toContain('/OutputConditionIdentifier (Custom)');
    expect(ps).not.toContain('/RegistryName');
  });
});
