/**
 * The feature page with real photos (generated: RGB, CMYK JPEG, PNG with
 * alpha, gray) through the press route: the proof passes preflight, the
 * press PDF declares PDF/X-3 with a newsprint output intent, keeps boxes,
 * fonts and text, and its black text is pure K, proved on the colour
 * operators and on the separations, not by eye. An edition with a
 * low-resolution photo gets no press file (issue 20).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { loadEdition } from '../../src/content/load.ts';
import { runBatch } from '../../src/batch/batch.ts';
import { makePressPdf, pressPdfPath, type PressReport } from '../../src/pdf/press.ts';
import { parseOperations } from '../../src/pdf/read/content-tokens.ts';
import { ghostscriptInfo } from '../../src/pdf/press/ghostscript.ts';
import { inspectPdf } from '../../src/preflight/inspect/document.ts';
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
  const result = await build({ input: path.join(dir, 'photos'), output: proof, browser: await sharedBrowser(), press: true });
  press = result.press!;
  edition = { ...preflightEditionOf(await loadEdition(path.join(dir, 'photos'))), photos: [] };
});

describe('preflight of the proof', () => {
  it('passes every check that applies to a proof', async () => {
    const report = await runPreflight({ pdf: proof, edition });
    expect(report.measurements.lowestImagePpi).toBeGreaterThanOrEqual(299);
    expect(report.findings).toEqual([]);
    expect(report.rules.filter((rule) => rule.status !== 'skipped').map((rule) => rule.id)).toEqual(['glyphs', 'page-size', 'boxes', 'fonts', 'image-resolution', 'text-size', 'safe-area']);
    expect(report.measurements.smallestTextPt).toBeGreaterThanOrEqual(6);
  });
});

describe('the press PDF (CMYK)', () => {
  it('is written next to the proof and passes the press preflight', () => {
    expect(press.output).toBe(path.join(dir, 'photos.press.pdf'));
    expect(press.preflight.findings).toEqual([]);
    expect(press.preflight.ok).toBe(true);
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

  it('sets black text and rules as pure K (0/0/0/100), never rich black; the red stays red', () => {
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
    // The only other text colour is the headline red, converted by the newsprint profile.
    for (const values of [...textFills.keys()].filter((v) => !neutral.includes(v))) {
      const [c, m, y, k] = cmyk(values);
      expect(c).toBeLessThan(0.1);
      expect(m).toBeGreaterThan(0.8);
      expect(y).toBeGreaterThan(0.6);
      expect(k).toBeLessThan(0.3);
    }
    for (const values of strokes) expect(cmyk(values).slice(0, 3)).toEqual([0, 0, 0]);
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
});
