import { describe, expect, it } from 'vitest';
import { EditionSchema } from '../../../src/content/schema.ts';
import { PageSchema } from '../../../src/content/v2/page.ts';
import { upgradeV1, featurePageAsEdition } from '../../../src/content/v2/upgrade.ts';

// Placeholder content (示例): the checks are about structure, not words.
const base = {
  headline: { title: '示例标题' },
  sections: [{ id: 's', label: '示例', articles: [{ title: '示例小标题', paragraphs: ['示例段落（占位）。'] }] }],
};
const photos = [
  { id: 'a', caption: '示例说明一（占位）。' },
  { id: 'g1' },
  { id: 'g2' },
  { id: 'b', caption: '示例说明二（占位）。' },
];
const group = { id: 'g', caption: '示例组图说明（占位）。', photos: ['g1', 'g2'] };

const problems = (edition: unknown) => {
  const parsed = EditionSchema.safeParse(edition);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('photo groups (组图) in the edition schema', () => {
  it('accepts a group of gallery photos listed one after another, without captions of their own', () => {
    expect(problems({ ...base, photos, photoGroups: [group] })).toEqual([]);
  });

  it('asks a photo outside any group for its caption', () => {
    expect(problems({ ...base, photos })).toEqual(expect.arrayContaining([expect.stringMatching(/^photos\.1\.caption: photo "g1" needs a caption/)]));
  });

  it('names each broken rule at its place', () => {
    const cases: [unknown[], Record<string, unknown>[], RegExp][] = [
      [photos, [{ ...group, photos: ['g1', 'nope'] }], /photoGroups\.0\.photos\.1: no photo has id "nope"/],
      [[...photos.slice(0, 3), { id: 'c', caption: '示例（占位）。', section: 's' }], [{ ...group, photos: ['g1', 'g2', 'c'] }], /is set in section "s"/],
      [photos, [group, { ...group, id: 'h' }], /already in group "g"/],
      [[photos[1], photos[0], photos[2], photos[3]], [group], /one after another under photos, in this order: g1, g2/],
      [[photos[0], { id: 'g1', caption: '示例（占位）。' }, photos[2], photos[3]], [group], /caption or credit of its own/],
      [photos, [{ ...group, photos: ['g1'] }], /at least two photos/],
    ];
    for (const [list, groups, message] of cases) expect(problems({ ...base, photos: list, photoGroups: groups }).join('\n')).toMatch(message);
  });

  it('round-trips through the v2 page of one feature, checked there too', () => {
    const edition = EditionSchema.parse({ ...base, id: 'x', photos, photoGroups: [group] });
    const page = upgradeV1(edition);
    expect(featurePageAsEdition(PageSchema.parse(page))).toEqual(edition);
    const broken = { ...page, modules: [{ ...page.modules[0], photoGroups: [{ ...group, photos: ['g1', 'nope'] }] }] };
    const parsed = PageSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain('modules.0.photoGroups.0.photos.1');
  });
});
