/**
 * The edition schema as JSON Schema (for editors via `# yaml-language-server:
 * $schema=…` and `folio schema`) and as a Markdown reference for the README.
 * Both are generated from the zod schema so the documentation cannot drift
 * from what the loader accepts.
 */
import { z } from 'zod';
import { EditionSchema } from './schema.ts';
import { PageSchema } from './v2/page.ts';

/** The subset of JSON Schema that zod emits for the edition schema. */
export interface JsonSchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  additionalProperties?: boolean;
}

export const EDITION_SCHEMA_ID = 'urn:folio:schema:edition';
export const PAGE_SCHEMA_ID = 'urn:folio:schema:page';

/** The JSON Schema of a general page (schema v2: `version: 2` and its modules, told apart by `kind`). */
export function pageJsonSchema(): JsonSchemaNode & Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(PageSchema, { io: 'input' });
  return { $schema, $id: PAGE_SCHEMA_ID, title: 'Folio page (schema v2)', ...rest } as JsonSchemaNode & Record<string, unknown>;
}

/**
 * The JSON Schema of an edition file. `io: 'input'` describes what a user may
 * write (fields with defaults are optional), not the parsed result. The
 * cross-field checks in superRefine (unique ids, photo → section) cannot be
 * expressed here; the loader still enforces them.
 */
export function editionJsonSchema(): JsonSchemaNode & Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(EditionSchema, { io: 'input' });
  // Key order chosen so the identifying fields come first in the written file.
  return { $schema, $id: EDITION_SCHEMA_ID, title: 'Folio edition', ...rest } as JsonSchemaNode & Record<string, unknown>;
}

/** The schema node for a field path such as `['sections', 0, 'articles']`, if any. */
export function schemaNodeAt(path: readonly PropertyKey[], root: JsonSchemaNode = editionJsonSchema()): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    node = typeof segment === 'number' ? node.items : node.properties?.[String(segment)];
  }
  return node;
}

/** One table per object in the schema, in document order: edition, paper, headline, photos[], … */
function collectObjects(node: JsonSchemaNode, path: string, out: Array<{ path: string; node: JsonSchemaNode }>): void {
  if (node.type === 'array' && node.items) return collectObjects(node.items, `${path}[]`, out);
  if (node.type !== 'object' || !node.properties) return;
  out.push({ path, node });
  for (const [key, child] of Object.entries(node.properties)) collectObjects(child, path ? `${path}.${key}` : key, out);
}

function describeType(node: JsonSchemaNode, path: string): string {
  if (node.enum) return `one of ${node.enum.map((value) => `\`${JSON.stringify(value)}\``).join(', ')}`;
  switch (node.type) {
    case 'object':
      return `object, see [\`${path}\`](#${anchorOf(path)})`;
    case 'array': {
      const items = node.items ?? {};
      const least = node.minItems ? `, at least ${node.minItems}` : '';
      if (items.type === 'object') return `list of objects${least}, see [\`${path}[]\`](#${anchorOf(`${path}[]`)})`;
      if (items.type === 'string' && !items.pattern && !items.format) return `list of ${items.minLength ? 'non-empty ' : ''}strings${least}`;
      return `list of ${describeType(items, `${path}[]`)}${least}`;
    }
    case 'string':
      // The date regex zod emits is unreadable; the format says the same thing.
      if (node.format === 'date') return 'date `YYYY-MM-DD`';
      if (node.pattern) return `string matching \`${node.pattern}\``;
      return node.minLength ? 'non-empty string' : 'string';
    case 'integer':
    case 'number': {
      const range = node.minimum !== undefined && node.maximum !== undefined ? ` ${node.minimum}–${node.maximum}` : '';
      return `${node.type}${range}`;
    }
    default:
      return node.type ?? 'any';
  }
}

/** GitHub's heading anchor for the headings this module writes. */
function anchorOf(path: string): string {
  return path.toLowerCase().replace(/[^a-z0-9 _-]/g, '');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function renderTable(path: string, node: JsonSchemaNode): string[] {
  const required = new Set(node.required ?? []);
  const lines = [`### ${path || 'edition'}`, ''];
  if (node.description) lines.push(node.description, '');
  lines.push('| Field | Type | Required | Description |', '| --- | --- | --- | --- |');
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const fieldPath = path ? `${path}.${key}` : key;
    const presence = required.has(key)
      ? 'required'
      : child.default !== undefined
        ? `optional, default \`${JSON.stringify(child.default)}\``
        : 'optional';
    lines.push(`| \`${fieldPath}\` | ${cell(describeType(child, fieldPath))} | ${cell(presence)} | ${cell(child.description ?? '')} |`);
  }
  lines.push('');
  return lines;
}

/** The Markdown schema reference that scripts/write-schema.ts puts into the README. */
export function renderSchemaReference(): string {
  const objects: Array<{ path: string; node: JsonSchemaNode }> = [];
  collectObjects(editionJsonSchema(), '', objects);
  const lines = [
    '<!-- Generated from src/content/schema.ts by `npx tsx scripts/write-schema.ts`; edit the schema, not this text. -->',
    '',
    'An edition is one YAML file. Objects are strict: a key not listed here is an error.',
    'Photo and section ids must be unique, and a photo\'s `section` must name an existing section.',
    '',
  ];
  for (const { path, node } of objects) lines.push(...renderTable(path, node));
  return `${lines.join('\n').trimEnd()}\n`;
}
