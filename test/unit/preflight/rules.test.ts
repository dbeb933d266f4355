/**
 * One fixture per preflight check, each tripping it, and a clean sheet that
 * trips none: small PDFs made with pdf-lib (see fixtures.ts).
 */
import { cmyk, PDFDict, PDFName, PDFString, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runPreflight } from '../../../src/preflight/preflight.ts';
import type { Finding } from '../../../src/preflight/types.ts';
import { EDITION, MM, png, save, sheet, text, type3Text } from './fixtures.ts';

const only = (findings: Finding[], rule: string) => findings.filter((finding) => finding.rule === rule);

describe('preflight rules', () => {
  it('passes a clean sheet with a bleeding band, a photo at 300 ppi and crop marks in the slug', async () => {
    const target = await sheet();
    const [left, bottom, right, top] = target.trim;
    // A band that bleeds off the top: from 3 mm beyond the trim to 30 mm inside.
    target.page.drawRectangle({ x: left - 3 * MM, y: top - 30 * MM, width: right - left + 6 * MM, height: 33 * MM, color: cmyk(0, 1, 1, 0) });
    const image = await target.document.embedPng(await png(300, 300));
    target.page.drawImage(image, { x: left + 20 * MM, y: bottom + 200 * MM, width: 72, height: 72 });
    // Crop marks: in the slug, beyond the bleed.
    target.page.drawLine({ start: { x: left, y: 0 }, end: { x: left, y: bottom - 4 * MM }, thickness: 0.3, color: cmyk(0, 0, 0, 1) });
    const report = await runPreflight({ pdf: await save(target.document, 'clean'), edition: EDITION });
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.measurements.lowestImagePpi).toBe(300);
  });

  it('page-size: a wrong trim size and a second page are errors', async () => {
    const target = await sheet({ widthMm: 380 });
    target.document.addPage([100, 100]);
    const findings = only((await runPreflight({ pdf: await save(target.document), edition: EDITION })).findings, 'page-size');
    expect(findings.map((f) => f.message).join('\n')).toMatch(/2 page\(s\); the edition makes 1/);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/380\.0×545\.0 mm; preset duikai is 390×545 mm/);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('boxes: a page without TrimBox and BleedBox fails; a TrimBox outside the BleedBox fails', async () => {
    const bare = await sheet({ boxes: false });
    const findings = only((await runPreflight({ pdf: await save(bare.document) })).findings, 'boxes');
    expect(findings.map((f) => f.message)).toEqual(['the page has no TrimBox', 'the page has no BleedBox']);

    const crossed = await sheet();
    crossed.page.setBleedBox(crossed.trim[0] + 10, crossed.trim[1], 100, 100);
    const inconsistent = only((await runPreflight({ pdf: await save(crossed.document) })).findings, 'boxes');
    expect(inconsistent[0]?.message).toMatch(/TrimBox .* is not inside the BleedBox/);
  });

  it('boxes: a bleed other than the preset’s is an error with the edition', async () => {
    const target = await sheet();
    const [left, bottom, right, top] = target.trim;
    target.page.setBleedBox(left - MM, bottom - 3 * MM, right - left + 4 * MM, top - bottom + 6 * MM);
    const findings = only((await runPreflight({ pdf: await save(target.document), edition: EDITION })).findings, 'boxes');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('the bleed is 1.0 mm at the left; the preset declares 3 mm');
  });

  it('fonts: a font that is not embedded and a Type 3 font are errors', async () => {
    const target = await sheet();
    await text(target, 'Helvetica');
    type3Text(target);
    const findings = only((await runPreflight({ pdf: await save(target.document) })).findings, 'fonts');
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', 'font Helvetica (Type1) is not embedded'],
      ['error', 'font (unnamed) is a Type 3 font'],
    ]);
  });

  it('image-resolution: 180 ppi is a warning, 100 ppi an error', async () => {
    const target = await sheet();
    const [left, bottom] = target.trim;
    const soft = await target.document.embedPng(await png(180, 180));
    const coarse = await target.document.embedPng(await png(100, 100));
    target.page.drawImage(soft, { x: left + 20 * MM, y: bottom + 100 * MM, width: 72, height: 72 });
    target.page.drawImage(coarse, { x: left + 20 * MM, y: bottom + 200 * MM, width: 72, height: 72 });
    const findings = only((await runPreflight({ pdf: await save(target.document) })).findings, 'image-resolution');
    const described = findings.map((f) => `${f.severity}: ${f.message}`).sort();
    expect(described).toHaveLength(2);
    expect(described[0]).toMatch(/^error: image \S+ \(100×100 px\) is placed at 100 ppi \(minimum 150\)$/);
    expect(described[1]).toMatch(/^warning: image \S+ \(180×180 px\) is placed at 180 ppi \(recommended 200\)$/);
  });

  it('image-resolution: a 1-pixel image is exempt only as a rule (under 1 mm across); a 1×1 image placed as a photo is an error (issue 16, case 12)', async () => {
    const target = await sheet();
    const [left, bottom] = target.trim;
    const dot = await target.document.embedPng(await png(1, 1));
    const strip = await target.document.embedPng(await png(1, 400));
    // The attack: a 1×1 photo across a 175 mm frame, about 0.145 ppi.
    target.page.drawImage(dot, { x: left + 10 * MM, y: bottom + 150 * MM, width: 175 * MM, height: 120 * MM });
    // Rules drawn as images: a 0.5 mm horizontal hairline and a 0.3 mm vertical one.
    target.page.drawImage(dot, { x: left + 10 * MM, y: bottom + 100 * MM, width: 200 * MM, height: 0.5 * MM });
    target.page.drawImage(strip, { x: left + 10 * MM, y: bottom + 10 * MM, width: 0.3 * MM, height: 80 * MM });
    const findings = only((await runPreflight({ pdf: await save(target.document) })).findings, 'image-resolution');
    expect(findings.map((f) => f.severity)).toEqual(['error']);
    expect(findings[0]!.message).toMatch(/\(1×1 px\) is placed at 0(\.1\d)? ppi/);
  });

  it('text-size: text under 6 pt is an error, 6 pt is not', async () => {
    const target = await sheet();
    await text(target, 'tiny', { size: 5.5 });
    await text(target, 'fine', { size: 6, y: target.trim[1] + 100 * MM });
    const findings = only((await runPreflight({ pdf: await save(target.document) })).findings, 'text-size');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('4 glyph(s) of Helvetica set at 5.50 pt (minimum 6 pt)');
  });

  it('safe-area: text near the trim is an error, a box that stops short of the trim a warning', async () => {
    const target = await sheet();
    const [left, bottom, right] = target.trim;
    await text(target, 'edge', { x: left + 2 * MM, y: bottom + 100 * MM });
    target.page.drawRectangle({ x: right - 8 * MM, y: bottom + 200 * MM, width: 6 * MM, height: 20 * MM, color: cmyk(0, 0, 0, 0.5) });
    // Paper white needs no margin: it lays no ink.
    target.page.drawRectangle({ x: right - 4 * MM, y: bottom + 300 * MM, width: 2 * MM, height: 20 * MM, color: cmyk(0, 0, 0, 0) });
    const findings = only((await runPreflight({ pdf: await save(target.document) })).findings, 'safe-area');
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', 'text crosses the safe area at the left, 5 mm inside the trim, and may be cut'],
      ['warning', 'a graphic crosses the safe area at the right, 5 mm inside the trim, without reaching the trim edge to bleed'],
    ]);
  });

  it('safe-area: a bleed that stops at the trim is a warning', async () => {
    const target = await sheet();
    const [left, bottom] = target.trim;
    target.page.drawRectangle({ x: left, y: bottom + 100 * MM, width: 30 * MM, height: 30 * MM, color: cmyk(1, 0, 0, 0) });
    const findings = only((await runPreflight({ pdf: await save(target.document) })).findings, 'safe-area');
    expect(findings.map((f) => f.message)).toEqual(['a graphic bleeds at the left but stops 3.0 mm short of the BleedBox; a paper-white sliver may show after trimming']);
  });

  it('rgb and transparency: checked for press files only', async () => {
    const target = await sheet();
    const [left, bottom] = target.trim;
    target.page.drawRectangle({ x: left + 50 * MM, y: bottom + 50 * MM, width: 50, height: 50, color: rgb(1, 0, 0), opacity: 0.5 });
    const image = await target.document.embedPng(await png(300, 300));
    target.page.drawImage(image, { x: left + 50 * MM, y: bottom + 150 * MM, width: 72, height: 72 });
    const file = await save(target.document);
    const proof = await runPreflight({ pdf: file, rules: ['rgb', 'transparency'] });
    expect(proof.rules.filter((r) => r.id === 'rgb' || r.id === 'transparency').map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(proof.findings).toEqual([]);
    const press = await runPreflight({ pdf: file, press: true, rules: ['rgb', 'transparency'] });
    const messages = press.findings.map((f) => `${f.rule}: ${f.message}`);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toBe('rgb: 1 text, path or shading painting operation(s) use an RGB colour');
    expect(messages[1]).toMatch(/^rgb: image \S+ is RGB$/);
    expect(messages[2]).toMatch(/^transparency: uses transparency: \/ca 0\.5 in graphics state \/\S+$/);
  });

  it('ink-coverage: a four-colour solid (400%) fails the 240% newsprint limit', async () => {
    const target = await sheet();
    const [left, bottom] = target.trim;
    target.page.drawRectangle({ x: left + 50 * MM, y: bottom + 50 * MM, width: 20 * MM, height: 10 * MM, color: cmyk(1, 1, 1, 1) });
    const report = await runPreflight({ pdf: await save(target.document), press: true, rules: ['ink-coverage'] });
    expect(report.measurements.ink?.maxPercent).toBe(400);
    expect(report.findings[0]?.message).toMatch(/^total ink coverage reaches 400% \(limit 240%\); (19\d|20\d) mm² are above the limit$/);
  });

  it('pdfx: a press file must declare its PDF/X version, with a valid output intent', async () => {
    const plain = await sheet();
    const undeclared = await runPreflight({ pdf: await save(plain.document), press: true, rules: ['pdfx'] });
    expect(undeclared.findings.map((f) => f.message)).toEqual(['the file declares no PDF/X version (GTS_PDFXVersion), so a press cannot rely on its output intent']);

    const claimed = await sheet();
    const info = claimed.document.context.lookup(claimed.document.context.trailerInfo.Info, PDFDict);
    info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-3:2002'));
    const messages = (await runPreflight({ pdf: await save(claimed.document), press: true, rules: ['pdfx'] })).findings.map((f) => f.message);
    expect(messages).toContain('PDF/X-3:2002 is based on PDF 1.3, but the file is PDF 1.7');
    expect(messages).toContain('Trapped must be True or False in the Info dictionary');
    expect(messages).toContain('there must be exactly one GTS_PDFX output intent; found 0');
  });
});
