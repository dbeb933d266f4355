import type { Readable, Writable } from 'node:stream';

/** Folio's own Chromium flags, each pinned for a reason given in the source. */
export declare const CHROMIUM_FLAGS: readonly string[];

/** The whole command line after the executable. */
export declare function chromiumArguments(options: { profile: string; shareable?: boolean }): string[];

export interface ChromiumExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the binary could not be started at all (ENOENT, EACCES). */
  error?: Error;
}

/** A Chromium process Folio started, not yet connected to. */
export interface StartedChromium {
  readonly executablePath: string;
  /** Its profile folder, removed when the browser closes. */
  readonly profile: string;
  /** Also its process group's id. */
  readonly pid: number | undefined;
  readonly input: Writable;
  readonly output: Readable;
  readonly exited: Promise<ChromiumExit>;
  /** For a shareable browser: its WebSocket endpoint, once Chromium prints it. */
  readonly endpoint: Promise<string> | undefined;
  stderrTail(): string;
  closePipes(): void;
  killNow(): void;
  adopt(): void;
  /** True once a launcher has taken it over (and with it the duty to close it). */
  readonly adopted: boolean;
}

export declare function startChromium(options: { executablePath: string; shareable?: boolean }): StartedChromium;

export declare function startChromiumEarly(argv: readonly string[]): StartedChromium | undefined;
