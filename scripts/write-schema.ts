/**
 * Regenerates the edition's published schema from src/content/schema.ts:
 * schema/edition.schema.json (used by editors through the `$schema` comment in
 * each edition.yaml) and the schema reference between the README markers.
 * Run after changing the schema: `npx tsx scripts/write-schema.ts`.
 * A unit test fails when the committed JSON Schema is stale.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editionJsonSchema, pageJsonSchema, renderSchemaReference } from '../src/content/json-schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.join(root, 'schema', 'edition.schema.json');
const pageSchemaFile = path.join(root, 'schema', 'page.schema.json');
const readmeFile = path.join(root, 'README.md');
const START = '<!-- schema:start -->';
const END = '<!-- schema:end -->';

/** Pretty JSON with a trailing newline, matching what the staleness test compares against. */
export function serializeSchema(): string {
  return `${JSON.stringify(editionJsonSchema(), null, 2)}\n`;
}

/** The same for general pages (schema/page.schema.json). */
export function serializePageSchema(): string {
  return `${JSON.stringify(pageJsonSchema(), null, 2)}\n`;
}

/** Replaces the text between the markers; returns undefined when the markers are absent or out of order. */
export function replaceBetweenMarkers(text: string, body: string): string | undefined {
  const start = text.indexOf(START);
  const end = text.indexOf(END, start + START.length);
  if (start === -1 || end === -1) return undefined;
  return `${text.slice(0, start + START.length)}\n${body}${text.slice(end)}`;
}

async function main(): Promise<void> {
  await mkdir(path.dirname(schemaFile), { recursive: true });
  await writeFile(schemaFile, serializeSchema());
  console.log(`wrote ${path.relative(root, schemaFile)}`);
  await writeFile(pageSchemaFile, serializePageSchema());
  console.log(`wrote ${path.relative(root, pageSchemaFile)}`);

  // The README belongs to someone else; only touch it where it asked for the reference.
  if (!existsSync(readmeFile)) return console.log('README.md not found; schema reference not written');
  const updated = replaceBetweenMarkers(await readFile(readmeFile, 'utf8'), renderSchemaReference());
  if (updated === undefined) return console.log(`README.md has no ${START} … ${END} markers; schema reference not written`);
  await writeFile(readmeFile, updated);
  console.log('updated the schema reference in README.md');
}

// Only run when executed directly, so tests can import the helpers.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
