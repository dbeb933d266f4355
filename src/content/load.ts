/**
 * Loads an edition: finds edition.yaml, parses the YAML and validates it
 * against the schema. Every failure becomes one ContentError pointing at the
 * exact line and field, because the people writing editions are editors, not
 * programmers, and "invalid input" alone would leave them guessing.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isAlias, isMap, isScalar, LineCounter, Parser, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { ContentError, formatLocation, type SourceLocation } from '../errors.ts';
import { schemaNodeAt } from './json-schema.ts';
import { EditionSchema, type Edition } from './schema.ts';

/**
 * A value set over the edition file's own, e.g. by a batch manifest
 * (`paper.date`, `paper.page`). It is applied to the parsed YAML before
 * validation; the edition file is never changed.
 */
export interface EditionOverride {
  /** Field path, e.g. `['paper', 'date']`; missing mappings on the way are created. */
  path: readonly (string | number)[];
  value: unknown;
  /** Where the override is written (the manifest), so a bad value is reported there. */
  location?: SourceLocation;
}

export interface LoadedEdition {
  edition: Readonly<Edition>;
  /** Absolute path of edition.yaml. */
  file: string;
  /** The folder holding edition.yaml; photo paths are relative to it. */
  dir: string;
  /** `edition.id`, or the folder name when the edition does not set one. */
  id: string;
}

const EDITION_FILE = 'edition.yaml';
const INPUT_HINT = `expected a folder containing ${EDITION_FILE} or a path to an edition .yaml file`;
const SCHEMA_HINT = 'Check the schema reference in README.md, or run `npx folio schema` for the JSON Schema.';
const MAX_LISTED_ISSUES = 5;

/** Loads `<input>/edition.yaml`, or `input` itself when it is a .yaml/.yml file. */
export async function loadEdition(input: string, overrides: readonly EditionOverride[] = []): Promise<LoadedEdition> {
  const file = await resolveEditionFile(path.resolve(input));
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ContentError(`cannot read ${file}`, { cause, hint: 'Check that the file exists and is readable.' });
  }
  const edition = parseEdition(source, displayPath(file), overrides);
  const dir = path.dirname(file);
  return { edition, file, dir, id: edition.id ?? path.basename(dir) };
}

// These errors carry no `location`: the message already names the path, and describeError would print it twice.
async function resolveEditionFile(resolved: string): Promise<string> {
  const info = await stat(resolved).catch(() => undefined);
  if (info === undefined) {
    throw new ContentError(`no edition at ${resolved}: the path does not exist`, { hint: INPUT_HINT });
  }
  if (info.isDirectory()) {
    const file = path.join(resolved, EDITION_FILE);
    const inner = await stat(file).catch(() => undefined);
    if (inner?.isFile()) return file;
    throw new ContentError(`the folder ${resolved} has no ${EDITION_FILE}`, { hint: INPUT_HINT });
  }
  if (info.isFile() && /\.ya?ml$/i.test(resolved)) return resolved;
  throw new ContentError(`${resolved} is not an edition folder or a .yaml file`, { hint: INPUT_HINT });
}

/** Paths under the working directory are shown relative, so terminals make them clickable and short. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Parses and validates edition YAML. `file` is used only in error locations.
 * The result is deeply frozen: templates and later stages share it and must
 * not be able to change the content under each other.
 */
export function parseEdition(source: string, file: string, overrides: readonly EditionOverride[] = []): Edition {
  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml library would otherwise print Node warnings (collection keys) beside Folio's message.
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true, lineCounter, logLevel: 'error' });

  const syntaxError = doc.errors[0];
  if (syntaxError) {
    // An unclosed quote is reported where the file ends; the editor needs the line where it opens.
    const quoteStart = syntaxError.code === 'MISSING_CHAR' ? unclosedQuoteOffset(source) : undefined;
    const pos = quoteStart === undefined ? syntaxError.linePos?.[0] : lineCounter.linePos(quoteStart);
    const location: SourceLocation = { file, line: pos?.line, column: pos?.col };
    // prettyErrors appends " at line L, column C:" and a code excerpt; the location already says where.
    const message = syntaxError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more YAML error(s) after it)` : '';
    const line = pos?.line === undefined ? '' : (source.split(/\r\n|\r|\n/)[pos.line - 1] ?? '');
    throw new ContentError(`invalid YAML: ${message}${more}`, {
      location,
      hint: /^[^:#]*：/.test(line)
        ? 'That line uses a full-width colon （：）after its key: type the ASCII colon (:) followed by a space.'
        : 'Fix the YAML syntax at that line: check indentation, colons after keys and quotes around text starting with special characters.',
    });
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new ContentError('the edition file is empty', { location: { file }, hint: SCHEMA_HINT });
  }
  if (!isMap(doc.contents)) {
    const start = lineCounter.linePos(doc.contents.range?.[0] ?? 0);
    throw new ContentError('the edition must be a mapping of keys (headline:, sections:, …) at the top level', {
      location: { file, line: start.line, column: start.col },
      hint: SCHEMA_HINT,
    });
  }

  for (const override of overrides) {
    try {
      doc.setIn(override.path, doc.createNode(override.value));
    } catch (cause) {
      // setIn cannot go through a scalar, e.g. `paper: x` under an override of `paper.date`.
      throw new ContentError(`cannot set ${formatFieldPath(override.path)}: the edition has a value there that is not a mapping`, {
        cause,
        location: override.location ?? { file },
        hint: 'make the edition field a mapping, or override the whole field',
      });
    }
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (cause) {
    // The yaml library throws ReferenceError for `*name` without `&name` and for alias bombs.
    const alias = firstAlias(doc);
    const start = alias?.range ? lineCounter.linePos(alias.range[0]) : undefined;
    throw new ContentError(`invalid YAML: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
      location: { file, line: start?.line, column: start?.col },
      hint: 'A value starting with * or & is a YAML alias or anchor: put text that starts with them in quotes, e.g. title: "*擎旗领跑*".',
    });
  }
  const result = EditionSchema.safeParse(data);
  if (!result.success) throw schemaError(result.error.issues, doc, lineCounter, file, overrides);
  return deepFreeze(result.data);
}

interface LocatedIssue {
  location: SourceLocation;
  offset: number;
  message: string;
}

function schemaError(
  issues: readonly z.core.$ZodIssue[],
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  overrides: readonly EditionOverride[],
): ContentError {
  const located = issues.flatMap((issue) => locateIssue(issue, doc, lineCounter, file, overrides));
  // Report in reading order, so the first issue (and the error's location) is the first one in the file.
  located.sort((a, b) => a.offset - b.offset);
  const lines = located.slice(0, MAX_LISTED_ISSUES).map((issue) => `  ${formatLocation(issue.location)}: ${issue.message}`);
  if (located.length > MAX_LISTED_ISSUES) lines.push(`  …and ${located.length - MAX_LISTED_ISSUES} more`);
  const count = located.length === 1 ? '1 problem' : `${located.length} problems`;
  return new ContentError(`the edition does not match the schema (${count}):\n${lines.join('\n')}`, {
    location: located[0]?.location ?? { file },
    hint: SCHEMA_HINT,
  });
}

function locateIssue(
  issue: z.core.$ZodIssue,
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  overrides: readonly EditionOverride[],
): LocatedIssue[] {
  const fieldPath = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const at = (offset: number, pathSegments: readonly (string | number)[], message: string): LocatedIssue => {
    // A value an override set is reported where the override is written (sorted before the file's own issues).
    const override = overrides.find((o) => o.location && o.path.every((segment, i) => pathSegments[i] === segment));
    if (override?.location) return { offset: -1, message, location: { ...override.location, path: formatFieldPath(pathSegments) } };
    const { line, col } = lineCounter.linePos(offset);
    return { offset, message, location: { file, line, column: col, path: formatFieldPath(pathSegments) } };
  };
  if (issue.code === 'unrecognized_keys') {
    // Point at each offending key itself, not at the object that contains it.
    const container = doc.getIn(fieldPath, true);
    const allowed = Object.keys(schemaNodeAt(fieldPath)?.properties ?? {}).join(', ');
    return issue.keys.map((key) => {
      // A collection used as a key ([精彩]: …) reaches zod as its flow text, e.g. "[ 精彩 ]": match it as the first such key.
      const pair = isMap(container)
        ? (container.items.find((item) => isScalar(item.key) && String(item.key.value) === key) ??
          container.items.find((item) => item.key !== null && !isScalar(item.key) && /^[[{]/.test(key)))
        : undefined;
      const keyNode = pair?.key as { range?: [number, number, number] } | undefined;
      const offset = keyNode?.range?.[0] ?? nearestNodeOffset(doc, fieldPath);
      return at(offset, [...fieldPath, key], `unknown key "${key}"; allowed keys: ${allowed}`);
    });
  }
  return [at(nearestNodeOffset(doc, fieldPath), fieldPath, readableMessage(issue, fieldPath))];
}

/** Offset of the node at `fieldPath`, or of its nearest existing ancestor (a missing key has no node). */
function nearestNodeOffset(doc: Document, fieldPath: readonly (string | number)[]): number {
  for (let length = fieldPath.length; length > 0; length -= 1) {
    const node: unknown = doc.getIn(fieldPath.slice(0, length), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return range[0];
  }
  return doc.contents?.range?.[0] ?? 0;
}

function readableMessage(issue: z.core.$ZodIssue, fieldPath: readonly (string | number)[]): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return `required field "${fieldPath.at(-1)}" is missing (expected ${issue.expected})`;
  }
  // zod prefixes built-in messages with "Invalid input: " / "Invalid option: "; the listing already says it is invalid.
  let message = issue.message.replace(/^Invalid (input|option): /, '');
  if (issue.code === 'invalid_type' && issue.expected === 'string' && /received (number|boolean)$/.test(message)) {
    message += ' (put the value in quotes)';
  }
  return message;
}

/** `['sections', 1, 'articles', 0, 'title']` → `sections[1].articles[0].title`. */
export function formatFieldPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    '',
  );
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Offset of the first alias (*name), to point at it when aliases cannot be resolved. */
function firstAlias(doc: Document): { range?: [number, number, number] | null } | undefined {
  let found: { range?: [number, number, number] | null } | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && !node.resolve(doc)) {
        found = node;
        return visit.BREAK;
      }
      found ??= node;
    },
  });
  return found;
}

/** Offset of a quoted scalar that is never closed, from the CST. */
function unclosedQuoteOffset(source: string): number | undefined {
  let found: number | undefined;
  const walk = (token: unknown): void => {
    if (found !== undefined || token === null || typeof token !== 'object') return;
    const t = token as { type?: string; offset?: number; source?: string };
    if ((t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar') && typeof t.source === 'string' && typeof t.offset === 'number') {
      const quote = t.source[0];
      const body = t.source.slice(1);
      const closed = quote === '"' ? /(^|[^\\])(\\\\)*"$/.test(body) : /'$/.test(body.replace(/''/g, ''));
      if (!closed || body.length === 0) found = t.offset;
      return;
    }
    for (const value of Object.values(token)) {
      if (Array.isArray(value)) value.forEach(walk);
      else walk(value);
    }
  };
  for (const token of new Parser().parse(source)) walk(token);
  return found;
}
