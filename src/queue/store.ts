/**
 * Where the machines of a distributed batch meet their files. A job names its
 * edition and its PDF by reference; a store turns a reference into a local
 * file for the worker and publishes what the worker wrote.
 *
 * The one store today is a shared folder (NFS, SMB, a bind mount): every
 * machine sees the same absolute paths, so a reference is the path itself,
 * the worker reads the edition and its photos in place and writes the PDF
 * with the same atomic rename as a local batch. An S3-compatible store would
 * implement the same two methods: `openInput` downloads the edition file and
 * the photos it names into a temporary folder, `openOutput` gives a temporary
 * file whose `publish` uploads it (a PUT replaces an object atomically).
 */
export interface PageOutput {
  /** Where the render writes the PDF (and, with press, <name>.press.pdf and its preflight beside it). */
  file: string;
  /** Makes the written PDF visible at its reference. */
  publish(): Promise<void>;
}

export interface PageStore {
  /** A local path of the edition file a job names, with its photos beside it. */
  openInput(reference: string): Promise<string>;
  /** Where to write the PDF a job names. */
  openOutput(reference: string): Promise<PageOutput>;
}

/** Every machine mounts the shared folder at the same path: references are paths. */
export const sharedFolder: PageStore = {
  openInput: async (reference) => reference,
  // build() already writes the PDF by an atomic rename beside its target.
  openOutput: async (reference) => ({ file: reference, publish: async () => undefined }),
};
