/**
 * Schema v2, the modules a page holds (docs/design/general-pages.md,
 * section 2). One strict object per kind, told apart by `kind`, so a field
 * that belongs to another kind is an error at its own line. The feature kind
 * is the v1 edition's body (headline, honors, gallery, sections) unchanged.
 */
import { z } from 'zod';
import { EditionPhotoSchema, FocusSchema, HeadlineSchema, PhotoGroupSchema, PhotoSchema, SectionSchema } from '../schema.ts';

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, e.g. "lead-story"')
  .describe('Unique id of the module on its page. Identity is by id, never by headline or label.');

/** A story's id; `<id>~cont` is the id the issue gives a story's continuation on a later page (转版). */
const storyId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*(~cont)?$/, 'use lower-case letters, digits and hyphens, e.g. "lead-story"')
  .describe('Unique id of the module on its page. Identity is by id, never by headline or label.');

/** One later page of the issue as the 导读 box lists it: filled by the issue, or typed. */
export const IndexEntrySchema = z
  .strictObject({
    label: text('index.label').describe('The page label, e.g. A2.'),
    name: text('index.name').optional().describe('版名 of the page, e.g. 综合新闻.'),
    headlines: z.array(text('headline')).describe('Headlines of the page\'s lead stories.'),
  })
  .describe('One later page in the 导读 box.');

const gridInt = (what: string) => z.int(`${what} is a whole number`).min(0);

export const PinSchema = z
  .strictObject({
    column: gridInt('pin.column').optional().describe('First column, counted from 0 at the left of the type area.'),
    line: gridInt('pin.line').optional().describe('First line, counted from 0 at the top of the type area.'),
    columns: gridInt('pin.columns').min(1).optional().describe('Width in columns.'),
    lines: gridInt('pin.lines').min(1).optional().describe('Height in body lines.'),
  })
  .describe('What the editor fixes; the solver chooses the rest. A pinned place needs a pinned size too.');

export const StoryHeadlineSchema = HeadlineSchema.extend({
  orientation: z
    .enum(['horizontal', 'vertical'])
    .default('horizontal')
    .describe('vertical = 竖排: the title set top to bottom (writing-mode: vertical-rl) beside the text.'),
}).describe('The story headline: kicker 引题, title 主题, deck 副题.');

const StoryPhotoSchema = z
  .strictObject({
    id,
    file: text('photo.file').optional().describe('Image file, relative to the page file. Leave out for a placeholder.'),
    caption: text('photo.caption').describe('Caption set under the photo.'),
    credit: text('photo.credit').optional().describe('Photo credit, e.g. 本报记者 X 摄.'),
    focus: FocusSchema.optional(),
  })
  .describe("A photo inside a story's module.");

const BodyItemSchema = z.union([
  text('paragraph').describe('A paragraph.'),
  z.strictObject({ subhead: text('subhead').describe('A subhead (小标题) inside the story.') }),
]);

export const StoryModuleSchema = z
  .strictObject({
    kind: z.literal('story'),
    id: storyId,
    rank: z.int().min(1).max(9).default(3).describe('Weight on the page: 1 = the lead story (头条), larger = lighter.'),
    headline: StoryHeadlineSchema,
    dateline: text('dateline').optional().describe('本报讯, 本报X日电 or 新华社X地X月X日电, set before the first paragraph.'),
    byline: text('byline').optional().describe('Byline, e.g. （记者 X）, run into the first paragraph after the dateline; any other (本报记者 X) stands under the headline in 楷体 after the ■ the template adds (a □ or ■ typed before it is not repeated).'),
    lead: text('lead').optional().describe('Lead paragraph (导语).'),
    body: z.array(BodyItemSchema).min(1, 'a story needs at least one paragraph').describe('Paragraphs and subheads, in order.'),
    photos: z.array(StoryPhotoSchema).default([]),
    signoff: text('signoff').optional().describe('Sign-off at the end, e.g. （完）.'),
    pin: PinSchema.optional(),
    continue: text('continue')
      .optional()
      .describe(
        '转版: a later page of the issue where the story continues when it is longer than its module: its label (A3) or its file (a3.yaml). ' +
          'The jump lines 下转第X版 and 上接第X版 print the labels of the issue\'s page list.',
      ),
    continued: z
      .strictObject({
        from: text('continued.from').describe('Label of the page the story comes from.'),
        tail: z.boolean().describe('The first paragraph is the tail of one cut mid-way (set without indent).'),
      })
      .optional()
      .describe('Set by the issue on a continuation (上接第X版); not typed by editors.'),
  })
  .refine((story) => story.id.endsWith('~cont') === (story.continued !== undefined), {
    message: 'the id ending ~cont is the one the issue gives a continuation; choose another id',
    path: ['id'],
  })
  .describe('A story: headline block, dateline/byline, lead, body and its own photos.');

export const PhotoModuleSchema = StoryPhotoSchema.extend({ kind: z.literal('photo'), pin: PinSchema.optional() }).describe(
  'A standalone photo with its caption.',
);

export const BoxModuleSchema = z
  .strictObject({
    kind: z.literal('box'),
    id,
    title: text('box.title').optional().describe('Title of the box, e.g. 荣誉榜.'),
    items: z.array(text('item')).min(1).optional().describe('A list, one entry per item.'),
    paragraphs: z.array(text('paragraph')).min(1).optional().describe('Running text, for a notice.'),
    index: z
      .union([z.literal(true), z.array(IndexEntrySchema)])
      .optional()
      .describe('导读: true on a front page of an issue fills the box from the issue: each later page\'s label, 版名 and lead headlines, in page order.'),
    pin: PinSchema.optional(),
  })
  .refine((box) => [box.items, box.paragraphs, box.index].filter((x) => x !== undefined).length === 1, {
    message: 'a box holds one of items, paragraphs or index',
    path: ['items'],
  })
  .describe('A framed list or notice.');

export const AdModuleSchema = z
  .strictObject({
    kind: z.literal('ad'),
    id,
    file: text('ad.file').optional().describe('The ad as supplied (PDF, JPEG or PNG). Leave out for a placeholder marked 广告.'),
    pin: PinSchema.extend({ columns: gridInt('pin.columns').min(1), lines: gridInt('pin.lines').min(1) }).describe(
      'An ad has a fixed size (and usually a fixed place).',
    ),
  })
  .describe('An advertisement slot of fixed size.');

export const FeatureModuleSchema = z
  .strictObject({
    kind: z.literal('feature'),
    id,
    headline: HeadlineSchema,
    byline: text('byline').optional(),
    honors: z.array(text('honor')).optional(),
    photos: z.array(EditionPhotoSchema).default([]),
    photoGroups: z.array(PhotoGroupSchema).optional(),
    sections: z.array(SectionSchema).min(1, 'a feature needs at least one section'),
    pin: PinSchema.optional(),
  })
  .describe('A feature: one story in banded sections with an honors box and a gallery (the Wuzhi page).');

export const ModuleSchema = z.discriminatedUnion('kind', [
  StoryModuleSchema,
  PhotoModuleSchema,
  BoxModuleSchema,
  AdModuleSchema,
  FeatureModuleSchema,
]);

export type Module = z.output<typeof ModuleSchema>;
export type StoryModule = z.output<typeof StoryModuleSchema>;
export type FeatureModule = z.output<typeof FeatureModuleSchema>;
