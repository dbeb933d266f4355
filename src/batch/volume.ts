/**
 * The volume: every edition's PDF in one file, with a bookmark (outline item)
 * per edition and page labels. It is streamed: each edition is loaded with
 * pdf-lib, its pages and what they use are renumbered and written out, and
 * the edition is dropped before the next one is read. Only the object
 * offsets and one entry per page stay in memory, so a year of editions costs
 * no more memory than one. The catalog, page tree and outline go last,
 * followed by a classic cross-reference table.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectCopier,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { PDF_CREATOR } from '../defaults.ts';
import { PdfError } from '../errors.ts';
import { refuseOutputOverInput, type NamedPath } from '../same-file.ts';
import { t } from '../i18n/locale.ts';

/**
 * Refuses (exit 2) a volume path that is one of the batch's own files: an
 * edition's PDF or source, the manifest, summary.json or the cache. A volume
 * written onto an edition's PDF grew by the volume each run (issue 16).
 */
export function refuseVolumeOverBatchFiles(volume: string, batchFiles: readonly NamedPath[]): void {
  refuseOutputOverInput([{ path: volume, role: t('role.volume') }], batchFiles);
}

export interface VolumePart {
  /** The edition's PDF. */
  file: string;
  /** Used for the page labels (`<id>-1`, `<id>-2`, …). */
  id: string;
  /** The bookmark's title. */
  title: string;
  /** The part's printed page label (an issue's page, e.g. A1), used as its PDF page label instead of `<id>-1`. */
  label?: string;
  /** Label the part's pages i, ii, iii… (a volume's front matter) instead. */
  roman?: boolean;
}

/** A bookmark of a nested outline: the page it opens is page `page` (0-based, default 0) of part `part`. */
export interface OutlineNode {
  title: string;
  part: number;
  page?: number;
  /** Opens the page scrolled to this far below its trim's top (pt), e.g. a story's headline; otherwise the whole page. */
  below?: number;
  children?: readonly OutlineNode[];
}

export interface VolumeResult {
  pages: number;
}

const encoder = new TextEncoder();
const FLUSH_BYTES = 1 << 20;

/** Appends bytes to a file through a 1 MB buffer, counting the offset for the xref table. */
class PdfStream {
  offset = 0;
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private readonly handle: FileHandle;

  constructor(handle: FileHandle) {
    this.handle = handle;
  }

  async write(bytes: Uint8Array | string): Promise<void> {
    const data = typeof bytes === 'string' ? encoder.encode(bytes) : bytes;
    this.chunks.push(data);
    this.buffered += data.length;
    this.offset += data.length;
    if (this.buffered >= FLUSH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.chunks.length === 0) return;
    await this.handle.writev(this.chunks);
    this.chunks = [];
    this.buffered = 0;
  }
}

/** Writes the parts into one PDF; `outline` replaces the flat bookmark per part with a tree (the annual volume's month → issue → page → story). */
export async function writeVolume(target: string, parts: readonly VolumePart[], title: string, outline?: readonly OutlineNode[]): Promise<VolumeResult> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'w');
    const pages = await writeParts(new PdfStream(handle), parts, title, outline);
    await handle.close();
    handle = undefined;
    await rename(temporary, target);
    return { pages };
  } catch (cause) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw new PdfError(t('batch.volumeWriteFailed', { file: target }), { cause, hint: t('batch.volumeWriteFailedHint') });
  }
}

async function writeParts(out: PdfStream, parts: readonly VolumePart[], title: string, outline?: readonly OutlineNode[]): Promise<number> {
  // Object numbers 1–4 are written last but referenced throughout.
  const catalogRef = PDFRef.of(1);
  const pagesRef = PDFRef.of(2);
  const outlinesRef = PDFRef.of(3);
  const infoRef = PDFRef.of(4);
  const offsets: number[] = [];
  const writeObject = async (ref: PDFRef, object: PDFObject) => {
    offsets[ref.objectNumber] = out.offset;
    const bytes = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(bytes, 0);
    await out.write(`${ref.objectNumber} 0 obj\n`);
    await out.write(bytes);
    await out.write('\nendobj\n');
  };
  // The comment of four high bytes tells transfer tools the file is binary.
  await out.write('%PDF-1.7\n');
  await out.write(new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));

  let largest = 4;
  const kids: PDFRef[] = [];
  /** The top of each page's trim, in its own coordinates, for bookmarks that open below it. */
  const trimTops: number[] = [];
  const marks: { title: string; id: string; label?: string; roman?: boolean; page: PDFRef; index: number }[] = [];
  for (const part of parts) {
    const source = await PDFDocument.load(await readFile(part.file), { updateMetadata: false });
    const context = PDFContext.create();
    context.largestObjectNumber = largest;
    const copier = PDFObjectCopier.for(source.context, context);
    const first = kids.length;
    for (const page of source.getPages()) {
      const trim = page.getTrimBox();
      trimTops.push(trim.y + trim.height);
      const copied = copier.copy(page.node);
      copied.set(PDFName.of('Parent'), pagesRef);
      kids.push(context.register(copied));
    }
    if (kids.length === first) throw new Error(`${part.file} has no pages`);
    marks.push({ title: part.title, id: part.id, label: part.label, roman: part.roman, page: kids[first]!, index: first });
    for (const [ref, object] of context.enumerateIndirectObjects()) await writeObject(ref, object);
    largest = context.largestObjectNumber;
  }

  const tail = PDFContext.create();
  // The flat outline is a tree of leaves, one per part.
  const tree: readonly OutlineNode[] = outline ?? parts.map((part, index) => ({ title: part.title, part: index }));
  const indexOf = (node: OutlineNode) => marks[node.part]!.index + (node.page ?? 0);
  const pageOf = (node: OutlineNode) => kids[indexOf(node)] ?? marks[node.part]!.page;
  // A story's bookmark opens at its headline (XYZ, zoom kept); a page's shows the whole page.
  const destOf = (node: OutlineNode) => (node.below === undefined ? [pageOf(node), 'Fit'] : [pageOf(node), 'XYZ', PDFNull, trimTops[indexOf(node)]! - node.below, PDFNull]);
  let next = largest + 1;
  const writeLevel = async (nodes: readonly OutlineNode[], parent: PDFRef, depth: number): Promise<{ first?: PDFRef; last?: PDFRef; count: number }> => {
    const refs = nodes.map(() => PDFRef.of(next++));
    let count = nodes.length;
    for (const [index, node] of nodes.entries()) {
      const item = tail.obj({ Title: PDFHexString.fromText(node.title), Parent: parent, Dest: destOf(node) }) as PDFDict;
      if (index > 0) item.set(PDFName.of('Prev'), refs[index - 1]!);
      if (index < nodes.length - 1) item.set(PDFName.of('Next'), refs[index + 1]!);
      if (node.children?.length) {
        const children = await writeLevel(node.children, refs[index]!, depth + 1);
        item.set(PDFName.of('First'), children.first!);
        item.set(PDFName.of('Last'), children.last!);
        // Open for two levels (a volume's months and issues), closed below (a negative count): a year's outline stays short until asked.
        const open = depth < 2;
        item.set(PDFName.of('Count'), PDFNumber.of(open ? children.count : -node.children.length));
        if (open) count += children.count;
      }
      await writeObject(refs[index]!, item);
    }
    return { first: refs[0], last: refs.at(-1), count };
  };
  const top = await writeLevel(tree, outlinesRef, 0);
  const outlines = tail.obj({ Type: 'Outlines', Count: top.count });
  if (top.first) {
    outlines.set(PDFName.of('First'), top.first);
    outlines.set(PDFName.of('Last'), top.last!);
  }
  await writeObject(outlinesRef, outlines);
  const kidsArray = PDFArray.withContext(tail);
  for (const kid of kids) kidsArray.push(kid);
  await writeObject(pagesRef, tail.obj({ Type: 'Pages', Kids: kidsArray, Count: PDFNumber.of(kids.length) }));
  const labels = PDFArray.withContext(tail);
  for (const mark of marks) {
    labels.push(PDFNumber.of(mark.index));
    labels.push(mark.roman ? tail.obj({ S: 'r' }) : mark.label === undefined ? tail.obj({ S: 'D', P: PDFHexString.fromText(`${mark.id}-`) }) : tail.obj({ P: PDFHexString.fromText(mark.label) }));
  }
  await writeObject(catalogRef, tail.obj({ Type: 'Catalog', Pages: pagesRef, Outlines: outlinesRef, PageMode: 'UseOutlines', PageLabels: tail.obj({ Nums: labels }) }));
  const now = pdfDate(new Date());
  await writeObject(infoRef, tail.obj({ Title: PDFHexString.fromText(title), Creator: PDFHexString.fromText(PDF_CREATOR), Producer: PDFHexString.fromText('Folio batch with pdf-lib'), CreationDate: PDFString.of(now), ModDate: PDFString.of(now) }));

  const size = next;
  // A number the copier reserved but never filled holds null, so the table has no holes.
  for (let number = 1; number < size; number += 1) if (offsets[number] === undefined) await writeObject(PDFRef.of(number), PDFNull);
  const xrefAt = out.offset;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let number = 1; number < size; number += 1) xref += `${String(offsets[number]).padStart(10, '0')} 00000 n \n`;
  const id = PDFHexString.of(randomBytes(16).toString('hex')).toString();
  await out.write(`${xref}trailer\n<< /Size ${size} /Root 1 0 R /Info 4 0 R /ID [${id} ${id}] >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  await out.flush();
  return kids.length;
}

function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
