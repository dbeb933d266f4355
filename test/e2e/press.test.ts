/**
 * The feature page with real photos (generated: RGB, CMYK JPEG, PNG with
 * alpha, gray) through the press route: the proof passes preflight, the
 * press PDF declares PDF/X-3 with a newsprint output intent, keeps boxes,
 * fonts and text, and its black text is pure K, proved on the colour
 * operators and on the separations, not by eye. An edition with a
 * low-resolution photo gets no press file (issue 20).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { loadEdition } from '../../src/content/load.ts';
import { runBatch, type BatchOptions } from '../../src/batch/batch.ts';
import { makePressPdf, pressPdfPath, type PressReport } from '../../src/pdf/press.ts';
import { parseOperations } from '../../src/pdf/read/content-tokens.ts';
import { ghostscriptInfo } from '../../src/pdf/press/ghostscript.ts';
import { inspectPdf } from '../../src/preflight/inspect/document.ts';
import type { TextRun } from '../../src/preflight/inspect/marks.ts';
import { formatReport } from '../../src/preflight/report.ts';
import { preflightEditionOf, runPreflight, type PreflightReport } from '../../src/preflight/preflight.ts';
import { verifyPressFile } from '../../src/preflight/press-check.ts';
import type { PreflightEdition } from '../../src/preflight/types.ts';
import { sharedBrowser } from './support/browser.ts';
import { readBoxes, readFonts } from './support/pdf.ts';
import { writePhotoEdition } from './support/photo-edition.ts';

let dir: string;
let proof: string;
let edition: PreflightEdition;
let press: PressReport<PreflightReport>;
let photoIds: string[];

/** The page's content streams, decompressed by qpdf (independent of pdf-lib). */
function contentOperations(pdf: string) {
  const qdf = path.join(dir, `${path.basename(pdf)}.qdf`);
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]);
  const text = readFileSync(qdf, 'latin1');
  const streams = [...text.matchAll(/%% Contents for page \d+\n[\s\S]*?\nstream\n([\s\S]*?)endstream/g)].map((m) => m[1]!);
  expect(streams.length).toBeGreaterThan(0);
  return [...parseOperations(Uint8Array.from(streams.join('\n'), (c) => c.charCodeAt(0)))];
}

/** Non-whitespace characters of the text layer, counted (reading order differs after Ghostscript). */
function characterCounts(pdf: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })) {
    if (!/\s/.test(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return counts;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'folio-press-'));
  photoIds = await writePhotoEdition(path.join(dir, 'photos'), ['rgb', 'cmyk', 'alpha', 'gray']);
  proof = path.join(dir, 'photos.pdf');
  const result = await build({ input: path.join(dir, 'photos'), output: proof, browser: await sharedBrowser(), press: true, pressSettings: { marks: 'slug' } });
  press = result.press!;
  edition = { ...preflightEditionOf(await loadEdition(path.join(dir, 'photos'))), photos: [] };
});

describe('preflight of the proof', () => {
  it('passes every check that applies to a proof', async () => {
    const report = await runPreflight({ pdf: proof, edition });
    // Sampled at 300 ppi for its frame; Chromium draws the image snapped to whole CSS pixels, which can add
    // one pixel (0.75 pt) to a frame 156 px high and more: 300 × 156 / 157 ≈ 298 (main since issue 19's frames).
    expect(report.measurements.lowestImagePpi).toBeGreaterThanOrEqual(297);
    expect(report.findings).toEqual([]);
    expect(report.rules.filter((rule) => rule.status !== 'skipped').map((rule) => rule.id)).toEqual(['readable', 'glyphs', 'page-size', 'boxes', 'fonts', 'image-resolution', 'text-size', 'safe-area']);
    expect(report.measurements.smallestTextPt).toBeGreaterThanOrEqual(6);
  });
});

describe('the press PDF (CMYK)', () => {
  it('is written next to the proof and passes the press preflight; only small type reversed out of two-plate red is questioned', () => {
    expect(press.output).toBe(path.join(dir, 'photos.press.pdf'));
    expect(press.preflight.ok).toBe(true);
    expect(new Set(press.preflight.findings.map((finding) => finding.rule))).toEqual(new Set(['reversed-type']));
    // folio preflight reports overprint, the plates of coloured text and reversed small type.
    const report = formatReport(press.preflight);
    expect(report).toMatch(/overprint: (\d+) of \1 solid black text runs overprint/);
    expect(report).toMatch(/coloured text 0\/100\/100\/0: M\+Y \(\d+ runs/);
    expect(report).toMatch(/reversed type under 10 pt: [1-9]\d* run/);
    expect(report).toMatch(/\[reversed-type\] .*reversed out of 0\/100\/100\/0 \(M\+Y\)/);
  });

  it('declares PDF/X-3:2002 with a newsprint output intent and an embedded output profile, in PDF 1.3', () => {
    const head = readFileSync(press.output).subarray(0, 8).toString('latin1');
    expect(head).toBe('%PDF-1.3');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', press.output, path.join(dir, 'intent.qdf')]);
    const qdf = readFileSync(path.join(dir, 'intent.qdf'), 'latin1');
    expect(qdf).toContain('/GTS_PDFXVersion (PDF/X-3:2002)');
    expect(qdf).toMatch(/\/Trapped \/False/);
    expect(qdf).toMatch(/\/OutputConditionIdentifier \(CGATS TR 002\)/);
    expect(qdf).toMatch(/\/S \/GTS_PDFX/);
    expect(qdf).toMatch(/\/DestOutputProfile \d+ 0 R/);
    expect(press.pdfx).toBe('PDF/X-3:2002');
  });

  it('keeps the page size, TrimBox and BleedBox', () => {
    const before = readBoxes(proof);
    const after = readBoxes(press.output);
    for (const key of ['media', 'trim', 'bleed'] as const) {
      after[key].forEach((value, i) => expect(value).toBeCloseTo(before[key][i]!, 1));
    }
  });

  it('keeps every font embedded, as the same CID TrueType subsets, none Type 3', () => {
    const before = readFonts(proof);
    const after = readFonts(press.output);
    expect(after).toHaveLength(before.length);
    expect(after.every((font) => font.embedded && font.type === 'CID TrueType')).toBe(true);
    const strip = (name: string) => name.replace(/^[A-Z]{6}\+/, '');
    expect(after.map((f) => strip(f.name)).sort()).toEqual(before.map((f) => strip(f.name)).sort());
  });

  it('keeps the text layer exact (every character, as often as in the proof)', async () => {
    const gs = await ghostscriptInfo();
    if (!gs.legacyInterpreter) return; // 10.02+: the report warns that the text layer was not checked
    expect(characterCounts(press.output)).toEqual(characterCounts(proof));
  });

  it('paints no RGB: every colour operator is CMYK', () => {
    const operators = new Set(contentOperations(press.output).map((op) => op.operator));
    for (const rgb of ['rg', 'RG', 'sc', 'scn', 'SC', 'SCN', 'cs', 'CS']) expect(operators.has(rgb)).toBe(false);
    expect(execFileSync('pdfimages', ['-list', press.output], { encoding: 'utf8' })).not.toMatch(/\b(rgb|icc)\b/);
  });

  it('sets black text and rules as pure K (0/0/0/100), never rich black; the red as solid 0/100/100/0; marks in registration', () => {
    let fill = '';
    const textFills = new Map<string, number>();
    const strokes = new Set<string>();
    for (const op of contentOperations(press.output)) {
      const values = op.operands.map((operand) => operand.value).join(' ');
      if (op.operator === 'k') fill = values;
      if (op.operator === 'K') strokes.add(values);
      if (['Tj', 'TJ', "'", '"'].includes(op.operator)) textFills.set(fill, (textFills.get(fill) ?? 0) + 1);
    }
    const cmyk = (values: string) => values.split(' ').map(Number);
    const neutral = [...textFills.keys()].filter((values) => { const [c, m, y] = cmyk(values); return c === m && m === y; });
    // Every neutral text colour is K only (solid, or a K tint for grey type), and the body
    // (its ~200 lines, one or more text runs each) is solid K: most runs of all.
    const runs = [...textFills.values()].reduce((sum, count) => sum + count, 0);
    expect(textFills.get('0 0 0 1')).toBeGreaterThan(150);
    expect(textFills.get('0 0 0 1')! / runs).toBeGreaterThan(0.8);
    for (const values of neutral) expect(cmyk(values).slice(0, 3)).toEqual([0, 0, 0]);
    // The other text colours: the design red as solid M+Y; in the slug, the registration colour and the plate letters.
    const others = [...textFills.keys()].filter((v) => !neutral.includes(v));
    expect(others).toContain('0 1 1 0');
    for (const values of others) expect(['0 1 1 0', '1 1 1 1', '1 0 0 0', '0 1 0 0', '0 0 1 0']).toContain(values);
    expect(strokes).toContain('1 1 1 1');
    for (const values of strokes) expect(['0 0 0 1', '0 1 1 0', '1 1 1 1']).toContain(values);
  });

  it('separations: the pixels of body text carry K and no C, M or Y', async () => {
    const ppi = 150;
    const raster = path.join(dir, 'separations.pam');
    execFileSync('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=pamcmyk32', `-r${ppi}`, `-sOutputFile=${raster}`, press.output]);
    const bytes = readFileSync(raster);
    const header = bytes.subarray(0, 200).toString('latin1');
    const width = Number(/WIDTH (\d+)/.exec(header)![1]);
    const data = bytes.subarray(header.indexOf('ENDHDR\n') + 7);
    const facts = await inspectPdf(press.output);
    const media = facts.pages[0]!.media;
    // Body type: Noto Serif SC regular at 9 pt (the red 9 pt subhead labels are Noto Sans SC bold).
    const body = facts.pages[0]!.content.texts.filter((run) => Math.abs(run.sizePt - 9) < 0.05 && /NotoSerifSC.*-Regular$/.test(run.font));
    expect(body.length).toBeGreaterThan(100);
    let inked = 0;
    let coloured = 0;
    for (const run of body) {
      const px = (pt: number) => Math.round((pt * ppi) / 72);
      for (let y = px(media.y1 - run.bbox.y1); y < px(media.y1 - run.bbox.y0); y += 1) {
        for (let x = px(run.bbox.x0); x < px(run.bbox.x1); x += 1) {
          const i = (y * width + x) * 4;
          if (data[i + 3]! > 0) inked += 1;
          if (data[i]! + data[i + 1]! + data[i + 2]! > 0) coloured += 1;
        }
      }
    }
    expect(inked).toBeGreaterThan(10_000);
    expect(coloured).toBe(0);
  });

  it('keeps total ink coverage within the 240% newsprint limit and reports the maximum', () => {
    expect(press.ink.limitPercent).toBe(240);
    expect(press.ink.maxPercent).toBeGreaterThan(100);
    expect(press.ink.maxPercent).toBeLessThanOrEqual(240);
    expect(press.preflight.measurements.ink).toEqual(press.ink);
  });
});

describe('black overprint, solid red and marks (issue 20)', () => {
  /** The separations of a press file at `ppi` (tiffsep: one 8-bit plate per ink, 255 = no ink), by plate name. */
  async function plates(pdf: string, ppi: number) {
    const out = path.join(dir, `${path.basename(pdf)}-sep`);
    execFileSync('mkdir', ['-p', out]);
    execFileSync('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=tiffsep', `-r${ppi}`, `-sOutputFile=${path.join(out, 'p.tif')}`, pdf]);
    const result = new Map<string, { width: number; ink: (x: number, y: number) => number }>();
    for (const file of execFileSync('ls', [out], { encoding: 'utf8' }).split('\n').filter((name) => /^p\(.+\)\.tif$/.test(name))) {
      const { data, info } = await sharp(path.join(out, file)).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
      result.set(/\((.+)\)/.exec(file)![1]!, { width: info.width, ink: (x, y) => 1 - data[y * info.width + x]! / 255 });
    }
    return result;
  }

  /** Ink per plate over the glyph boxes of the text runs that `pick` chooses, as fractions of the pixels. */
  async function inkUnder(pdf: string, pick: (run: TextRun) => boolean, ppi = 50) {
    const facts = await inspectPdf(pdf);
    const media = facts.pages[0]!.media;
    const runs = facts.pages[0]!.content.texts.filter(pick);
    expect(runs.length).toBeGreaterThan(0);
    const seps = await plates(pdf, ppi);
    const px = (pt: number) => Math.round((pt * ppi) / 72);
    const full = new Map<string, number>();
    let pixels = 0;
    for (const run of runs) {
      for (let y = px(media.y1 - run.bbox.y1); y < px(media.y1 - run.bbox.y0); y += 1) {
        for (let x = px(run.bbox.x0); x < px(run.bbox.x1); x += 1) {
          pixels += 1;
          for (const [plate, sep] of seps) if (sep.ink(x, y) > 0.98) full.set(plate, (full.get(plate) ?? 0) + 1);
        }
      }
    }
    return { plates: [...seps.keys()], share: (plate: string) => (full.get(plate) ?? 0) / pixels };
  }

  const isHeadline = (run: TextRun) => run.sizePt > 100;

  it('overprints solid black text (ExtGState /OP /op true /OPM 1) and knocks the rest out', async () => {
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', press.output, path.join(dir, 'op.qdf')]);
    const qdf = readFileSync(path.join(dir, 'op.qdf'), 'latin1');
    expect(qdf).toMatch(/\/OPM 1[\s\S]{0,60}\/op true|\/op true[\s\S]{0,60}\/OPM 1/);
    const facts = await inspectPdf(press.output);
    const texts = facts.pages[0]!.content.texts;
    const black = texts.filter((run) => run.fill.family === 'cmyk' && run.fill.values.join(' ') === '0 0 0 1' && run.bbox.y0 > 30);
    expect(black.length).toBeGreaterThan(150);
    expect(black.every((run) => run.overprint)).toBe(true);
    expect(texts.filter((run) => run.fill.values.join(' ') === '0 1 1 0').every((run) => !run.overprint)).toBe(true);
  });

  it('prints the red headline from two plates, M and Y, at 100% (tiffsep)', async () => {
    const { plates: names, share } = await inkUnder(press.output, isHeadline);
    expect(names.sort()).toEqual(['Black', 'Cyan', 'Magenta', 'Yellow']);
    expect(share('Magenta')).toBeGreaterThan(0.3);
    expect(share('Yellow')).toBeCloseTo(share('Magenta'), 2);
    expect(share('Cyan')).toBe(0);
    expect(share('Black')).toBe(0);
  });

  it('--red spot prints the red from one spot plate (a Separation)', async () => {
    const output = path.join(dir, 'spot.press.pdf');
    const spot = await makePressPdf({ pdf: proof, output, settings: { red: 'spot', spotName: 'Red' }, verify: verifyPressFile({ output, edition }) });
    expect(spot.preflight.findings).toEqual([]);
    const { plates: names, share } = await inkUnder(output, isHeadline);
    expect(names).toContain('Red');
    expect(share('Red')).toBeGreaterThan(0.3);
    for (const plate of ['Cyan', 'Magenta', 'Yellow', 'Black']) expect(share(plate)).toBe(0);
  });

  it('draws crop marks and registration targets at 0.25 pt on every plate, outside the bleed', async () => {
    const facts = await inspectPdf(press.output);
    const page = facts.pages[0]!;
    const inSlug = page.content.marks.filter((mark) => mark.kind === 'path' && (mark.bbox.y1 < page.bleed!.y0 || mark.bbox.y0 > page.bleed!.y1 || mark.bbox.x1 < page.bleed!.x0 || mark.bbox.x0 > page.bleed!.x1));
    // Crop marks: 8 lines, each as thick as its stroke (the interpreter adds half the width on each side).
    const lines = inSlug.filter((mark) => Math.min(mark.bbox.x1 - mark.bbox.x0, mark.bbox.y1 - mark.bbox.y0) < 1);
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) expect(Math.min(line.bbox.x1 - line.bbox.x0, line.bbox.y1 - line.bbox.y0)).toBeCloseTo(0.25, 2);
    // On every plate: the bottom-left crop mark's horizontal line, at 150 ppi.
    const ppi = 150;
    const seps = await plates(press.output, ppi);
    const crop = lines.find((mark) => mark.bbox.x1 <= page.trim!.x0 && Math.abs(mark.bbox.y0 - page.trim!.y0) < 1)!;
    const y = Math.round(((page.media.y1 - (crop.bbox.y0 + crop.bbox.y1) / 2) * ppi) / 72);
    const x = Math.round((((crop.bbox.x0 + crop.bbox.x1) / 2) * ppi) / 72);
    for (const [plate, sep] of seps) expect(Math.max(sep.ink(x, y), sep.ink(x, y - 1), sep.ink(x, y + 1)), plate).toBeGreaterThan(0.3);
  });

  it('names the fonts by their real styles', () => {
    const names = readFonts(press.output).map((font) => font.name);
    expect(names.some((name) => /NotoSansSC-Bold$/.test(name))).toBe(true);
    for (const name of names) expect(name).not.toMatch(/(Thin|ExtraLight)-/);
  });

  it('PDF/X-1a:2001 with a 220% limit: declares X-1a, no ICC-based colour, ink within 220% (inkcov too)', async () => {
    const output = path.join(dir, 'x1a.press.pdf');
    const x1a = await makePressPdf({ pdf: proof, output, settings: { pdfx: 'PDF/X-1a:2001', inkLimit: 220, marks: 'none' }, verify: verifyPressFile({ output, edition }) });
    expect(x1a.preflight.errors).toBe(0);
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', output, path.join(dir, 'x1a.qdf')]);
    const qdf = readFileSync(path.join(dir, 'x1a.qdf'), 'latin1');
    expect(qdf).toContain('/GTS_PDFXVersion (PDF/X-1:2001)');
    expect(qdf).toContain('/GTS_PDFXConformance (PDF/X-1a:2001)');
    expect(qdf).not.toContain('/ICCBased');
    expect(x1a.ink.limitPercent).toBe(220);
    expect(x1a.ink.maxPercent).toBeLessThanOrEqual(220);
    const [c, m, y, k] = execFileSync('gs', ['-q', '-o', '-', '-sDEVICE=inkcov', '-r50', output], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    expect(c! + m! + y! + k!).toBeLessThan(2.2);
    // --marks none: a trim-size page.
    const boxes = readBoxes(output);
    expect(boxes.media).toEqual(boxes.trim);
  });
});

describe('the press PDF (gray)', () => {
  it('is DeviceGray throughout, declares PDF/X-3 with a gray output profile, and passes preflight', async () => {
    const output = path.join(dir, 'gray.press.pdf');
    const gray = await makePressPdf({ pdf: proof, output, gray: true, verify: verifyPressFile({ output, edition }) });
    expect(gray.preflight.findings).toEqual([]);
    const operators = new Set(contentOperations(gray.output).map((op) => op.operator));
    for (const colour of ['rg', 'RG', 'k', 'K']) expect(operators.has(colour)).toBe(false);
    expect(operators.has('g')).toBe(true);
    const images = execFileSync('pdfimages', ['-list', gray.output], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((line) => / gray +1 +8 /.test(line))).toBe(true);
    const facts = await inspectPdf(gray.output);
    expect(facts.info.GTS_PDFXVersion).toBe('PDF/X-3:2002');
    expect(facts.outputIntents[0]?.profileComponents).toBe(1);
    expect(gray.ink.maxPercent).toBeLessThanOrEqual(100);
  });
});

describe('a page with a low-resolution photo', () => {
  it('gets no press file (an earlier one stays) and fails naming the photo by its id and file, in batch as in render', async () => {
    const folder = path.join(dir, 'batch');
    const ids = await writePhotoEdition(path.join(folder, 'lowres'), ['lowres']);
    const out = path.join(dir, 'batch-out');
    // The edition keeps the feature's id, so its PDFs are named after it.
    const earlier = pressPdfPath(path.join(out, 'wuzhi-2024.pdf'));
    execFileSync('mkdir', ['-p', out]);
    writeFileSync(earlier, 'an earlier press file');
    const summary = await runBatch({ input: folder, outDir: out, browser: await sharedBrowser(), log: () => undefined, press: {} });
    expect(summary.failed).toEqual(['wuzhi-2024']);
    const error = summary.editions[0]!.error!;
    expect(error).toContain('no press PDF was written');
    expect(error).toContain(`photo "${ids[0]}" (photos/lowres.jpg)`);
    expect(error).toMatch(/placed at \d+ ppi \(minimum 150\)/);
    expect(error).not.toMatch(/image R\d+/);
    expect(readFileSync(earlier, 'utf8')).toBe('an earlier press file');
  });

  it('batch --press takes an edition as unchanged only when its press PDF was made for the same press options', async () => {
    const folder = path.join(dir, 'again');
    cpSync('content/wuzhi-2024', path.join(folder, 'wuzhi-2024'), { recursive: true });
    const out = path.join(dir, 'again-out');
    const run = async (press?: BatchOptions['press']) => (await runBatch({ input: folder, outDir: out, browser: await sharedBrowser(), log: () => undefined, press })).editions[0]!.status;
    expect(await run({})).toBe('rendered');
    expect(await run({})).toBe('unchanged');
    // Another plant setting: the press PDF on disk was made for process red, so the edition is rendered again.
    expect(await run({ settings: { red: 'spot' } })).toBe('rendered');
    expect(execFileSync('qpdf', ['--qdf', '--object-streams=disable', pressPdfPath(path.join(out, 'wuzhi-2024.pdf')), '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 })).toMatch(/\/Separation\s*\/Red\s*\/DeviceCMYK/);
    expect(await run({ settings: { red: 'spot' } })).toBe('unchanged');
    expect(await run()).toBe('unchanged');
  });
});
