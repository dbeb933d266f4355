/**
 * The reading budget of one preflight (PREFLIGHT_LIMITS): every operator run
 * and every byte decompressed is counted, and a file past a limit is refused
 * as bad input (exit 2) naming the limit, instead of hanging or exhausting
 * memory (issue 16).
 */
import { constants, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFName, PDFNull, PDFRawStream, type PDFObject } from 'pdf-lib';
import { PREFLIGHT_LIMITS } from '../../defaults.ts';
import { PdfError } from '../../errors.ts';

/** A PDF preflight cannot read safely or at all: bad input, exit 2. */
export class UnreadablePdfError extends PdfError {
  override readonly exitCode = 2;
}

export function limitError(what: string, limit: number): UnreadablePdfError {
  return new UnreadablePdfError(`the PDF is past a preflight limit: ${what} (limit ${limit.toLocaleString('en')})`, {
    hint: 'this is not a PDF Folio or a normal layout program writes; re-export it, or check where it came from',
  });
}

export class ReadBudget {
  operators = 0;
  bytes = 0;
  /** Content that could not be read (a stream that does not decode), per page: preflight errors. */
  readonly unreadable: string[] = [];
  readonly limits = PREFLIGHT_LIMITS;

  countOperator(): void {
    if (++this.operators > this.limits.operators) throw limitError('too many content operators', this.limits.operators);
  }

  /** A stream's decoded bytes, within the limits; a stream that cannot be decoded is `undefined`. */
  decode(stream: PDFObject | undefined): Uint8Array | undefined {
    if (stream === undefined || stream === PDFNull) return new Uint8Array();
    if (!(stream instanceof PDFRawStream)) return undefined;
    const filter = stream.dict.lookup(PDFName.of('Filter'));
    const onlyFlate = filter === PDFName.of('FlateDecode') || (filter instanceof PDFArray && filter.size() === 1 && filter.lookup(0) === PDFName.of('FlateDecode'));
    const plainFlate = onlyFlate && stream.dict.lookup(PDFName.of('DecodeParms')) === undefined;
    let bytes: Uint8Array;
    try {
      // zlib stops at the limit; pdf-lib would inflate a bomb whole first.
      bytes = plainFlate ? inflateSync(stream.contents, { maxOutputLength: this.limits.streamBytes + 1, finishFlush: constants.Z_SYNC_FLUSH }) : decodePDFRawStream(stream).decode();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw limitError('a content stream decompresses to too many bytes', this.limits.streamBytes);
      return undefined;
    }
    if (bytes.length > this.limits.streamBytes) throw limitError('a content stream decompresses to too many bytes', this.limits.streamBytes);
    this.bytes += bytes.length;
    if (this.bytes > this.limits.totalBytes) throw limitError('the content streams decompress to too many bytes in all', this.limits.totalBytes);
    return bytes;
  }
}
