import { describe, expect, it } from 'vitest';
import { DEFAULT_PLATE_PATTERN, formatPlateName, issuePdfName, plateNameProblem } from '../../../src/issue/plate-name.ts';

const date = '2024-01-26';

describe('plate-file names', () => {
  it('default to the date and the label padded to two digits, as plants expect', () => {
    expect(formatPlateName(DEFAULT_PLATE_PATTERN, { date, label: 'A1' })).toBe('20240126_A01.pdf');
    expect(formatPlateName(DEFAULT_PLATE_PATTERN, { date, label: 'B12' })).toBe('20240126_B12.pdf');
    expect(formatPlateName(DEFAULT_PLATE_PATTERN, { date, label: '3' })).toBe('20240126_03.pdf');
    expect(issuePdfName(date)).toBe('20240126.pdf');
  });

  it('follow a pattern of other shapes: date parts, a wider or no padding, a written .pdf', () => {
    expect(formatPlateName('{date:YYYY-MM-DD}-{label}', { date, label: 'A1' })).toBe('2024-01-26-A1.pdf');
    expect(formatPlateName('JZRB{date:MMDD}{label:A001}.pdf', { date, label: 'A7' })).toBe('JZRB0126A007.pdf');
    expect(formatPlateName('{label:01}_{date}', { date, label: 'C2' })).toBe('C02_2024-01-26.pdf');
  });

  it('accept the default and reject patterns that would clash or make no file name', () => {
    expect(plateNameProblem(DEFAULT_PLATE_PATTERN)).toBeUndefined();
    expect(plateNameProblem('{date:YYYYMMDD}')).toMatch(/\{label\}/);
    expect(plateNameProblem('{date}_{page}')).toMatch(/unknown field \{page\}/);
    expect(plateNameProblem('{date:YYYYMMDD}/{label}')).toMatch(/file name/);
    expect(plateNameProblem('{label:AB}')).toMatch(/\{label:A01\}/);
    expect(plateNameProblem('{date:yyyy}{label}')).toMatch(/YYYY/);
  });
});
