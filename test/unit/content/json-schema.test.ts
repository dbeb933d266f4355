import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replaceBetweenMarkers, serializePageSchema, serializeSchema } from '../../../scripts/write-schema.ts';
import { editionJsonSchema, renderSchemaReference, schemaNodeAt } from '../../../src/content/json-schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('editionJsonSchema', () => {
  it('matches the committed schema/edition.schema.json (run `npx tsx scripts/write-schema.ts` if not)', () => {
    const committed = readFileSync(path.join(root, 'schema/edition.schema.json'), 'utf8');
    expect(committed).toBe(serializeSchema());
  });

  it('matches the committed schema/page.schema.json for general pages, and tells modules apart by kind', () => {
    const committed = readFileSync(path.join(root, 'schema/page.schema.json'), 'utf8');
    expect(committed).toBe(serializePageSchema());
    const kinds = (JSON.parse(committed) as { properties: { modules: { items: { oneOf?: { properties: { kind: { const: string } } }[]; anyOf?: { properties: { kind: { const: string } } }[] } } } }).properties.modules.items;
    const variants = kinds.oneOf ?? kinds.anyOf ?? [];
    expect(variants.map((v) => v.properties.kind.const).sort()).toEqual(['ad', 'box', 'feature', 'photo', 'story']);
  });

  it('describes what a user writes: defaulted fields are optional, objects are closed', () => {
    const schema = editionJsonSchema();
    expect(schema).toMatchObject({ $id: expect.any(String), title: 'Folio edition', type: 'object' });
    expect(schema.required).toEqual(['headline', 'sections']);
    expect(schema.additionalProperties).toBe(false);
    expect(schemaNodeAt(['sections', 0, 'articles', 0])?.required).toEqual(['title', 'paragraphs']);
    expect(schemaNodeAt(['headline', 'deck'])?.description).toMatch(/副题/);
    expect(schemaNodeAt(['nope'])).toBeUndefined();
  });
});

describe('renderSchemaReference', () => {
  const reference = renderSchemaReference();

  it('has one table per object', () => {
    for (const heading of ['edition', 'paper', 'headline', 'photos[]', 'photos[].focus', 'sections[]', 'sections[].articles[]']) {
      expect(reference).toContain(`\n### ${heading}\n`);
    }
  });

  it('carries the zod descriptions, presence and defaults', () => {
    expect(reference).toMatch(/\| `headline\.deck` \| non-empty string \| optional \| 副题: the subtitle under the headline/);
    expect(reference).toMatch(/\| `headline\.title` \| non-empty string \| required \|/);
    expect(reference).toContain('optional, default `"zh-CN"`');
    expect(reference).toContain('| `paper.date` | date `YYYY-MM-DD` |');
  });
});

describe('replaceBetweenMarkers', () => {
  it('replaces only the text between the README markers', () => {
    const readme = 'intro\n<!-- schema:start -->\nold\n<!-- schema:end -->\noutro\n';
    expect(replaceBetweenMarkers(readme, 'new\n')).toBe('intro\n<!-- schema:start -->\nnew\n<!-- schema:end -->\noutro\n');
    expect(replaceBetweenMarkers('no markers here\n', 'new\n')).toBeUndefined();
  });
});
