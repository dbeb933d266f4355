/**
 * Outputs that are inputs: writing `render -o <edition>/edition.yaml`,
 * `import x.txt -o x.txt` or a batch volume onto an edition's own PDF once
 * destroyed the input (issue 16). Every command checks its outputs against its
 * inputs before it writes anything. Two paths are the same file when they
 * resolve to one path, or when both exist and are one inode (a symlink or a
 * hard link to the input counts too).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { ContentError } from './errors.ts';
import { t } from './i18n/locale.ts';

export interface NamedPath {
  path: string;
  /** What the file is to the command, e.g. "the edition file", "the PDF of edition wuzhi". */
  role: string;
}

function identity(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return `path:${path.resolve(file)}`;
  }
}

/** Throws (exit 2) when an output is one of the inputs, naming both and the option to change. */
export function refuseOutputOverInput(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): void {
  const byIdentity = new Map<string, NamedPath>();
  for (const input of inputs) byIdentity.set(identity(input.path), input);
  for (const input of inputs) byIdentity.set(`path:${path.resolve(input.path)}`, input);
  for (const output of outputs) {
    const input = byIdentity.get(identity(output.path)) ?? byIdentity.get(`path:${path.resolve(output.path)}`);
    if (!input) continue;
    throw new ContentError(t('output.overwritesInput', { output: output.role, input: input.role, file: path.relative(process.cwd(), path.resolve(output.path)) || output.path }), {
      hint: t('output.overwritesInputHint', { output: output.role }),
    });
  }
}
