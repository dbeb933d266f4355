/**
 * Typed errors, one class per pipeline stage. Each says what failed, where and
 * how to fix it; the CLI prints the chain of causes once (stacks only under
 * --debug) and maps `exitCode` to the process exit status.
 */

import { t } from './i18n/locale.ts';

/** Where in the user's input a problem sits. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  /** Field path inside the edition, e.g. `sections[1].articles[0].title`. */
  path?: string;
}

export interface FolioErrorOptions {
  cause?: unknown;
  location?: SourceLocation;
  /** One sentence telling the user how to fix it. */
  hint?: string;
}

export class FolioError extends Error {
  /** 2 = the input is wrong; 1 = Folio or its environment failed. */
  readonly exitCode: 1 | 2 = 1;
  readonly location?: SourceLocation;
  readonly hint?: string;

  constructor(message: string, options: FolioErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.location = options.location;
    this.hint = options.hint;
  }
}

/** The edition file is unreadable, not YAML, or does not match the schema. */
export class ContentError extends FolioError {
  override readonly exitCode = 2;
}

/** A photo or font named by the edition is missing or unusable. */
export class AssetError extends FolioError {
  override readonly exitCode = 2;
}

/** A template or stylesheet could not be compiled or rendered. */
export class TemplateError extends FolioError {}

/** The browser failed, timed out, or the content does not fit the page. */
export class PaginationError extends FolioError {}

/** The content does not fit its page: bad input, not a crash. */
export class OverflowError extends PaginationError {
  override readonly exitCode = 2;
}

/** An output folder cannot be made or written to: exit 1 (the environment, not the edition). */
export class OutputError extends FolioError {}

/** The user's cache folder ($XDG_CACHE_HOME/folio) cannot be made or written to: exit 1 (issue 16, case 12). */
export class CacheError extends FolioError {}

/** The printed PDF could not be post-processed or written. */
export class PdfError extends FolioError {}

/** Formats `file:line:column (path)` for messages. */
export function formatLocation(location: SourceLocation): string {
  let where = location.file;
  if (location.line !== undefined) {
    where += `:${location.line}`;
    if (location.column !== undefined) where += `:${location.column}`;
  }
  if (location.path) where += ` (${location.path})`;
  return where;
}

/**
 * Renders an error and its causes as the lines a user reads. Stack traces
 * appear only when `debug` is set.
 */
export function describeError(error: unknown, debug = false): string {
  const lines: string[] = [];
  let current: unknown = error;
  let depth = 0;
  while (current !== undefined && current !== null && depth < 8) {
    const line = (message: string) => t(depth === 0 ? 'cli.error' : 'cli.causedBy', { message });
    if (current instanceof Error) {
      const where =
        current instanceof FolioError && current.location
          ? `${formatLocation(current.location)}: `
          : '';
      lines.push(line(`${where}${current.message}`));
      if (current instanceof FolioError && current.hint) lines.push(t('cli.fix', { hint: current.hint }));
      if (debug && current.stack) lines.push(current.stack.split('\n').slice(1).join('\n'));
      current = current.cause;
    } else {
      lines.push(line(String(current)));
      current = undefined;
    }
    depth += 1;
  }
  return lines.join('\n');
}

/** A line of describeError() without its leading `error: ` (in either language), for one-line summaries. */
export function withoutErrorPrefix(line: string): string {
  const prefix = t('cli.error', { message: '' });
  return line.startsWith(prefix) ? line.slice(prefix.length) : line.replace(/^error: /, '');
}

/** The process exit code for an error: 2 for bad input, 1 otherwise. */
export function exitCodeOf(error: unknown): 1 | 2 {
  return error instanceof FolioError ? error.exitCode : 1;
}
