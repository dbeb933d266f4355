import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFieldPath, loadEdition, parseEdition } from '../../../src/content/load.ts';
import { ContentError } from '../../../src/errors.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixture = (name: string) => path.join(root, 'test/fixtures/content-errors', `${name}.yaml`);

/** Loads a fixture that must fail and returns the ContentError. */
async function loadError(input: string): Promise<ContentError> {
  const error = await loadEdition(input).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

describe('loadEdition', () => {
  it('loads the Wuzhi edition from its folder, deeply frozen', async () => {
    const loaded = await loadEdition(path.join(root, 'content/wuzhi-2024'));
    expect(loaded.id).toBe('wuzhi-2024');
    expect(loaded.file).toBe(path.join(root, 'content/wuzhi-2024/edition.yaml'));
    expect(loaded.dir).toBe(path.join(root, 'content/wuzhi-2024'));
    expect(loaded.edition.photos).toHaveLength(10);
    expect(loaded.edition.sections).toHaveLength(2);
    expect(loaded.edition.paper.preset).toBe('duikai');
    expect(Object.isFrozen(loaded.edition)).toBe(true);
    expect(Object.isFrozen(loaded.edition.sections[0]!.articles[0]!.paragraphs)).toBe(true);
    expect(() => (loaded.edition.photos as unknown[]).push({})).toThrow(TypeError);
  });

  it('accepts a path to the .yaml file itself and falls back to the folder name for the id', async () => {
    const source = 'headline: {title: 标题}\nsections: [{id: a, label: 精彩, articles: [{title: 产业, paragraphs: [正文。]}]}]\n';
    expect(parseEdition(source, 'x.yaml').id).toBeUndefined();
    const loaded = await loadEdition(path.join(root, 'content/wuzhi-2024/edition.yaml'));
    expect(loaded.id).toBe('wuzhi-2024');
  });

  it('reports a missing path, a folder without edition.yaml and a non-YAML file', async () => {
    const missing = await loadError(path.join(root, 'content/no-such-edition'));
    expect(missing.message).toContain('content/no-such-edition');
    expect(missing.hint).toMatch(/folder containing edition\.yaml/);
    expect((await loadError(path.join(root, 'test/fixtures'))).message).toMatch(/has no edition\.yaml/);
    expect((await loadError(path.join(root, 'package.json'))).message).toMatch(/not an edition folder or a \.yaml file/);
  });

  it('reports a YAML syntax error at its line and column', async () => {
    const error = await loadError(fixture('syntax-error'));
    expect(error.message).toMatch(/^invalid YAML: /);
    expect(error.message).not.toContain('\n');
    expect(error.location).toMatchObject({ line: 5, column: 9 });
    expect(error.location?.file).toMatch(/syntax-error\.yaml$/);
  });

  it('treats a duplicate key as an error', async () => {
    const error = await loadError(fixture('duplicate-key'));
    expect(error.message).toMatch(/unique/);
    expect(error.location).toMatchObject({ line: 3, column: 3 });
  });

  it('reports a wrong type with its field path and position', async () => {
    const error = await loadError(fixture('wrong-type'));
    expect(error.location).toMatchObject({ line: 14, column: 16, path: 'sections[1].articles[1].title' });
    expect(error.message).toMatch(/wrong-type\.yaml:14:16 \(sections\[1\]\.articles\[1\]\.title\): expected string, received number/);
    expect(error.hint).toMatch(/folio schema/);
  });

  it('names an unknown key, the allowed keys and the line of the key', async () => {
    const error = await loadError(fixture('unknown-key'));
    expect(error.location).toMatchObject({ line: 3, column: 3, path: 'headline.subtitle' });
    expect(error.message).toContain('unknown key "subtitle"; allowed keys: kicker, title, deck');
  });

  it('rejects an empty required string', async () => {
    const error = await loadError(fixture('empty-title'));
    expect(error.location).toMatchObject({ line: 2, path: 'headline.title' });
    expect(error.message).toContain('headline.title must not be empty');
  });

  it('points a missing required field at its parent', async () => {
    const error = await loadError(fixture('missing-field'));
    expect(error.location).toMatchObject({ line: 2, path: 'headline.title' });
    expect(error.message).toContain('required field "title" is missing');
  });

  it('rejects a photo that refers to a missing section', async () => {
    const error = await loadError(fixture('missing-section'));
    expect(error.location).toMatchObject({ line: 6, column: 14, path: 'photos[0].section' });
    expect(error.message).toContain('no section has id "review-2022"; use one of: review-2023');
  });

  it('lists at most five problems, in file order', async () => {
    const error = await loadError(fixture('many-problems'));
    const listed = error.message.split('\n').slice(1);
    expect(listed).toHaveLength(6);
    expect(listed[0]).toMatch(/:1:1 \(colour\): unknown key "colour"/);
    expect(listed[5]).toMatch(/and 3 more/);
    expect(error.location).toMatchObject({ line: 1, column: 1, path: 'colour' });
  });

  it('rejects an empty file and a top level that is not a mapping', async () => {
    expect((await loadError(fixture('empty'))).message).toMatch(/empty/);
    const list = await loadError(fixture('not-a-mapping'));
    expect(list.message).toMatch(/mapping/);
    expect(list.location).toMatchObject({ line: 1, column: 1 });
  });
});

describe('formatFieldPath', () => {
  it('writes indices in brackets and keys with dots', () => {
    expect(formatFieldPath(['sections', 1, 'articles', 0, 'title'])).toBe('sections[1].articles[0].title');
    expect(formatFieldPath([])).toBe('');
  });
});
