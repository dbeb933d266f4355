/**
 * Schema errors located in the user's YAML: each zod issue's path is mapped
 * to its node (yaml.parseDocument) so the message gives file:line:column and
 * the field path, and says in plain words what is expected.
 */
import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import type { z } from 'zod';
import { ContentError, formatLocation, type SourceLocation } from '../errors.ts';
import { schemaNodeAt, type JsonSchemaNode } from './json-schema.ts';
import { t } from '../i18n/locale.ts';
import type { EditionOverride } from './load.ts';

/** Read when an error is made, in the language of the run. */
export const schemaHint = (): string => t('content.schemaHint');
const MAX_LISTED_ISSUES = 5;

interface LocatedIssue {
  location: SourceLocation;
  offset: number;
  message: string;
}

export function schemaError(
  issues: readonly z.core.$ZodIssue[],
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  overrides: readonly EditionOverride[],
  /** The file's JSON Schema, for the allowed keys of an unknown one; default the edition's. */
  root?: JsonSchemaNode,
): ContentError {
  const located = issues.flatMap((issue) => locateIssue(issue, doc, lineCounter, file, overrides, root));
  // Report in reading order, so the first issue (and the error's location) is the first one in the file.
  located.sort((a, b) => a.offset - b.offset);
  const lines = located.slice(0, MAX_LISTED_ISSUES).map((issue) => `  ${formatLocation(issue.location)}: ${issue.message}`);
  if (located.length > MAX_LISTED_ISSUES) lines.push(`  ${t('batch.moreProblems', { count: located.length - MAX_LISTED_ISSUES })}`);
  return new ContentError(`${t('content.schemaMismatch', { count: located.length })}\n${lines.join('\n')}`, {
    location: located[0]?.location ?? { file },
    hint: schemaHint(),
  });
}

function locateIssue(
  issue: z.core.$ZodIssue,
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  overrides: readonly EditionOverride[],
  root: JsonSchemaNode | undefined,
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
    const allowed = Object.keys(schemaNodeAt(fieldPath, root)?.properties ?? {}).join(', ');
    return issue.keys.map((key) => {
      // A collection used as a key ([精彩]: …) reaches zod as its flow text, e.g. "[ 精彩 ]": match it as the first such key.
      const pair = isMap(container)
        ? (container.items.find((item) => isScalar(item.key) && String(item.key.value) === key) ??
          container.items.find((item) => item.key !== null && !isScalar(item.key) && /^[[{]/.test(key)))
        : undefined;
      const keyNode = pair?.key as { range?: [number, number, number] } | undefined;
      const offset = keyNode?.range?.[0] ?? nearestNodeOffset(doc, fieldPath);
      return at(offset, [...fieldPath, key], t('content.unknownKey', { key, allowed }));
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
    return t('content.requiredField', { field: String(fieldPath.at(-1)), expected: issue.expected });
  }
  // zod prefixes built-in messages with "Invalid input: " / "Invalid option: "; the listing already says it is invalid.
  let message = issue.message.replace(/^Invalid (input|option): /, '');
  if (issue.code === 'invalid_type' && issue.expected === 'string' && /received (number|boolean)$/.test(message)) {
    message += t('content.putInQuotes');
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
