/** The little ICC reading the PDF/X check needs (ICC.1:2001-04 §6.1, the 128-byte header). */

export interface IccHeader {
  size: number;
  version: string;
  /** Device class: 'prtr' for output devices, 'mntr' for displays. */
  deviceClass: string;
  /** Data colour space: 'CMYK', 'GRAY', 'RGB '. */
  colourSpace: string;
  pcs: string;
}

export function readIccHeader(bytes: Uint8Array): IccHeader | undefined {
  if (bytes.length < 128) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (tag(36) !== 'acsp') return undefined;
  return { size: view.getUint32(0), version: `${bytes[8]}.${bytes[9]! >> 4}`, deviceClass: tag(12), colourSpace: tag(16), pcs: tag(20) };
}
