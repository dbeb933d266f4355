/**
 * Manifest overrides: values set over an edition's own (paper.date, …),
 * applied to the parsed YAML before validation, never written to the user's
 * files. Applying them is the loader's job (`parseEdition(source, file,
 * overrides)` and `build({ overrides })`); this module holds the shape and
 * checks, once per process, that the loader in this checkout applies them, so
 * a batch never prints a page without the values the manifest asked for.
 */
import { parseEdition } from '../content/load.ts';
import type { Edition } from '../content/schema.ts';
import type { BuildOptions } from '../pipeline.ts';
import { FolioError, type SourceLocation } from '../errors.ts';

/** One value set over the edition's, at a field path such as `['paper', 'date']`. */
export interface EditionOverride {
  path: readonly (string | number)[];
  value: unknown;
  /** Where the manifest sets it, so a bad value is reported there. */
  location?: SourceLocation;
}

type ParseWithOverrides = (source: string, file: string, overrides?: readonly EditionOverride[]) => Edition;

/** Parses edition YAML with overrides applied (throws when the loader cannot apply them). */
export function parseEditionWith(source: string, file: string, overrides: readonly EditionOverride[]): Edition {
  if (overrides.length === 0) return parseEdition(source, file);
  requireOverrides();
  return (parseEdition as ParseWithOverrides)(source, file, overrides);
}

/** build() options carrying the overrides. */
export function withOverrides(options: BuildOptions, overrides: readonly EditionOverride[]): BuildOptions {
  if (overrides.length === 0) return options;
  requireOverrides();
  return { ...options, overrides } as BuildOptions;
}

let supported: boolean | undefined;

/** Whether `parseEdition` applies a third `overrides` argument (see the batch notes for the loader change). */
export function overridesSupported(): boolean {
  supported ??= (() => {
    const probe = 'headline: {title: 标题}\nsections: [{id: a, label: 精彩, articles: [{title: 题, paragraphs: [文。]}]}]\n';
    try {
      const edition = (parseEdition as ParseWithOverrides)(probe, '<probe>', [{ path: ['paper', 'page'], value: 'P' }]);
      return edition.paper.page === 'P';
    } catch {
      return false;
    }
  })();
  return supported;
}

function requireOverrides(): void {
  if (!overridesSupported()) {
    throw new FolioError('this Folio cannot apply manifest overrides yet: the edition loader ignores them', {
      hint: 'remove `overrides:` from the manifest entry, or update Folio (parseEdition/build need their `overrides` option)',
    });
  }
}
