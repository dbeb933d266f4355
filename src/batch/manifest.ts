/**
 * The batch manifest: which editions to render, values to set over each
 * edition's own (paper.date, paper.page, …) and the order of the volume. Like
 * edition files, it is YAML validated by a strict zod schema, and every
 * problem points at the manifest's file:line:column.
 *
 * ```yaml
 * editions:
 *   - 2024-01/wuzhi             # a folder with edition.yaml, or a .yaml file, relative to the manifest
 *   - path: 2024-02/wuzhi
 *     overrides: { paper: { date: 2024-02-05, page: A1 } }
 * volume:
 *   title: 武陟 2024
 *   order: [wuzhi-2024-02, wuzhi]   # edition ids first in the volume; the rest follow in manifest order
 * ```
 */
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { formatFieldPath } from '../content/load.ts';
import { schemaNodeAt } from '../content/json-schema.ts';
import { ContentError, formatLocation, type SourceLocation } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import type { EditionOverride } from './overrides.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an edition id: lower-case letters, digits and hyphens');

const EntrySchema = z.preprocess(
  (value) => (typeof value === 'string' ? { path: value } : value),
  z.strictObject({
    path: z.string().trim().min(1, 'path must not be empty'),
    overrides: z.record(z.string(), z.unknown()).optional(),
  }),
);

export const ManifestSchema = z.strictObject({
  editions: z.array(EntrySchema).min(1, 'a manifest needs at least one edition'),
  volume: z
    .strictObject({
      title: z.string().trim().min(1).optional(),
      order: z.array(slug).optional(),
    })
    .optional(),
});

export interface ManifestEdition {
  /** Absolute path of the edition folder or .yaml file. */
  input: string;
  /** Where the entry is written, for messages. */
  location: SourceLocation;
  overrides: EditionOverride[];
}

export interface Manifest {
  file: string;
  editions: ManifestEdition[];
  volumeTitle?: string;
  /** Edition ids to put first in the volume, each with its location. */
  order: { id: string; location: SourceLocation }[];
}

const manifestHint = () => t('manifest.hint');

/** Parses manifest YAML. `file` is its path: entries are resolved against its folder and errors name it. */
export function parseManifest(source: string, file: string): Manifest {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { uniqueKeys: true, lineCounter });
  const at = (pathSegments: readonly (string | number)[], offset = nodeOffset(doc, pathSegments)): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, path: formatFieldPath(pathSegments) || undefined };
  };
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const pos = syntaxError.linePos?.[0];
    throw new ContentError(t('manifest.invalidYaml', { message: syntaxError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }), {
      location: { file, line: pos?.line, column: pos?.col },
      hint: t('manifest.yamlHint'),
    });
  }
  if (!isMap(doc.contents)) throw new ContentError(t('manifest.notMapping'), { location: at([]), hint: manifestHint() });

  const result = ManifestSchema.safeParse(doc.toJS());
  if (!result.success) {
    const looksLikeEdition = isMap(doc.contents) && doc.has('headline');
    const issues = result.error.issues.map((issue) => {
      const segments = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
      const where = issue.code === 'unrecognized_keys' ? [...segments, issue.keys[0]!] : segments;
      const message = issue.code === 'unrecognized_keys' ? t('content.unknownKey', { key: issue.keys.join('", "'), allowed: allowedKeys(segments) }) : issue.message.replace(/^Invalid (input|option): /, '');
      const offset = issue.code === 'unrecognized_keys' ? keyOffset(doc, where) : undefined;
      return { location: at(where, offset ?? nodeOffset(doc, where)), message };
    });
    issues.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0));
    throw new ContentError(`${t('manifest.schemaMismatch')}\n${issues.map((i) => `  ${formatLocation(i.location)}: ${i.message}`).join('\n')}`, {
      location: issues[0]!.location,
      hint: looksLikeEdition ? t('manifest.looksLikeEdition') : manifestHint(),
    });
  }

  const dir = path.dirname(path.resolve(file));
  const editions = result.data.editions.map((entry, index): ManifestEdition => {
    const overrides: EditionOverride[] = [];
    if (entry.overrides) flattenOverrides(entry.overrides, [], overrides, (segments) => at(['editions', index, 'overrides', ...segments]));
    for (const override of overrides) {
      if (schemaNodeAt(override.path) === undefined) {
        throw new ContentError(t('manifest.unknownOverride', { field: formatFieldPath(override.path) }), {
          location: override.location,
          hint: t('manifest.unknownOverrideHint'),
        });
      }
    }
    return { input: path.resolve(dir, entry.path), location: at(['editions', index]), overrides };
  });
  const order = (result.data.volume?.order ?? []).map((id, index) => ({ id, location: at(['volume', 'order', index]) }));
  const seen = new Set<string>();
  for (const item of order) {
    if (seen.has(item.id)) throw new ContentError(t('manifest.orderTwice', { id: item.id }), { location: item.location, hint: t('manifest.orderTwiceHint') });
    seen.add(item.id);
  }
  return { file, editions, volumeTitle: result.data.volume?.title, order };
}

/**
 * Mappings merge key by key into the edition; anything else (text, numbers,
 * lists) replaces the edition's value at that path.
 */
function flattenOverrides(
  value: Record<string, unknown>,
  prefix: string[],
  out: EditionOverride[],
  locate: (segments: string[]) => SourceLocation,
): void {
  for (const [key, child] of Object.entries(value)) {
    const segments = [...prefix, key];
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
      flattenOverrides(child as Record<string, unknown>, segments, out, locate);
    } else {
      out.push({ path: segments, value: child, location: locate(segments) });
    }
  }
}

function allowedKeys(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return 'editions, volume';
  if (segments[0] === 'volume') return 'title, order';
  return 'path, overrides';
}

function nodeOffset(doc: Document, segments: readonly (string | number)[]): number {
  for (let length = segments.length; length > 0; length -= 1) {
    const node = doc.getIn(segments.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return doc.contents?.range?.[0] ?? 0;
}

/** Offset of the key itself (for unknown keys and overrides), when the parent is a mapping. */
function keyOffset(doc: Document, segments: readonly (string | number)[]): number | undefined {
  const parent = doc.getIn(segments.slice(0, -1), true);
  const key = segments.at(-1);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}
