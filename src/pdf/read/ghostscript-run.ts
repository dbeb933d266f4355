/**
 * Running Ghostscript, for the press conversion and for the measurements
 * preflight takes (ink coverage). It sits below both so neither imports the
 * other (no import cycles between stages).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PdfError } from '../../errors.ts';

const run = promisify(execFile);

export const GHOSTSCRIPT_INSTALL_HINT = 'install Ghostscript (Debian: `apt-get install ghostscript`); `npm test` installs it through scripts/bootstrap.mjs';

export async function ghostscript(args: string[], signal?: AbortSignal): Promise<string> {
  try {
    const { stdout } = await run('gs', args, { signal, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (cause) {
    const error = cause as NodeJS.ErrnoException & { stderr?: string; stdout?: string };
    if (error.code === 'ENOENT') throw new PdfError('Ghostscript (gs) is not installed', { cause, hint: GHOSTSCRIPT_INSTALL_HINT });
    const detail = `${error.stderr ?? ''}${error.stdout ?? ''}`.trim().split('\n').slice(-3).join(' ');
    throw new PdfError(`Ghostscript failed: ${detail || error.message}`, { cause });
  }
}
