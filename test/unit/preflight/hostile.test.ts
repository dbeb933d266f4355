/**
 * Hostile PDFs, each a few KB and made here (issue 16): nested forms, a Flate
 * bomb, a flood of `q`, and files preflight cannot read. Before the limits the
 * first three hung or took GBs; the last three passed unchecked.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../../src/errors.ts';
import { runPreflight } from '../../../src/preflight/preflight.ts';
import { PREFLIGHT_LIMITS } from '../../../src/defaults.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function save(name: string, document: PDFDocument): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await document.save({ useObjectStreams: false, addDefaultPage: false }));
  return file;
}

/** A one-page PDF whose page content is `content` (raw or already Flate-compressed). */
async function pageWith(content: Uint8Array, flate = false, prepare?: (document: PDFDocument) => Record<string, PDFRef>) {
  const document = await PDFDocument.create();
  const page = document.addPage([200, 200]);
  const forms = prepare?.(document) ?? {};
  const raw = PDFRawStream.of(document.context.obj(flate ? { Filter: 'FlateDecode' } : {}), content);
  page.node.set(PDFName.of('Contents'), document.context.register(raw));
  if (Object.keys(forms).length) page.node.set(PDFName.of('Resources'), document.context.obj({ XObject: forms }));
  return document;
}

async function refusal(file: string) {
  try {
    await runPreflight({ pdf: file });
  } catch (error) {
    return error as Error;
  }
  throw new Error('preflight passed a hostile file');
}

const ascii = (text: string) => new TextEncoder().encode(text);

describe('preflight limits: exit 2 naming the limit', () => {
  it('forms nested past the depth limit, each drawing the next four times', async () => {
    const document = await pageWith(ascii('/F0 Do'), false, (doc) => {
      // F0 draws F1 four times, …: 4^30 draws unbounded.
      const refs: PDFRef[] = [];
      for (let i = 30; i >= 0; i -= 1) {
        const inner = i === 30 ? {} : { XObject: { [`F${i + 1}`]: refs[0]! } };
        const form = PDFRawStream.of(doc.context.obj({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 200, 200], Resources: inner }), ascii(i === 30 ? '0 0 1 1 re f' : `/F${i + 1} Do `.repeat(4)));
        refs.unshift(doc.context.register(form));
      }
      return { F0: refs[0]! };
    });
    const error = await refusal(await save('forms.pdf', document));
    expect(exitCodeOf(error)).toBe(2);
    expect(error.message).toBe(`the PDF is past a preflight limit: forms nested too deep (limit ${PREFLIGHT_LIMITS.formDepth})`);
  });

  it('a Flate bomb: a small stream that inflates past the stream limit', async () => {
    const bomb = deflateSync(Buffer.alloc(PREFLIGHT_LIMITS.streamBytes + 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const error = await refusal(await save('bomb.pdf', await pageWith(bomb, true)));
    expect(exitCodeOf(error)).toBe(2);
    expect(error.message).toMatch(/past a preflight limit: a content stream decompresses to too many bytes \(limit 67,108,864\)/);
  });

  it('a flood of q (saved states never restored)', async () => {
    const error = await refusal(await save('q.pdf', await pageWith(ascii('q '.repeat(20_000)))));
    expect(exitCodeOf(error)).toBe(2);
    expect(error.message).toMatch(/graphics states nested too deep \(q without Q\) \(limit 256\)/);
  });
});

describe('files preflight cannot read are errors, not passes', () => {
  const readable = async (file: string) => {
    const report = await runPreflight({ pdf: file });
    expect(report.ok).toBe(false);
    return report.findings.filter((finding) => finding.rule === 'readable').map((finding) => finding.message);
  };

  it('an encrypted PDF', async () => {
    const plain = await save('plain.pdf', await pageWith(ascii('0 0 10 10 re f')));
    const encrypted = path.join(dir, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, encrypted]);
    expect(await readable(encrypted)).toEqual([expect.stringMatching(/the file is encrypted/)]);
  });

  it('a PDF with no pages', async () => {
    expect(await readable(await save('empty.pdf', await PDFDocument.create()))).toEqual(['the file has no pages']);
  });

  it('a page whose content stream does not decompress', async () => {
    const garbage = await save('garbage.pdf', await pageWith(ascii('this is not flate data at all'), true));
    expect(await readable(garbage)).toEqual(['page 1: the content stream cannot be decompressed']);
  });
});
