/**
 * The edition schema: the one description of what an edition may contain.
 * Its `.describe()` texts are the documentation (README schema reference and
 * `folio schema` JSON Schema). Every object is strict, so a misspelt key is an
 * error rather than silently ignored content.
 */
import { z } from 'zod';
import { INK_LIMITS, MARK_MODES, PDFX_VERSIONS, RED_MODES } from '../defaults.ts';

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, e.g. "jiaying-base"');

/**
 * A BCP 47 language tag (RFC 5646), e.g. zh-CN, zh-Hans, en. The tag is
 * written into the PDF Catalog, so nothing else may pass (issue 16: a crafted
 * `lang` once put a JavaScript action there). Intl accepts exactly the
 * well-formed Unicode locale identifiers, which BCP 47 tags in use are.
 */
const languageTag = z
  .string()
  .refine((tag) => {
    if (tag.length > 35 || !/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'use a BCP 47 language tag, e.g. "zh-CN" or "zh-Hans"');

export const PAGE_PRESETS = ['duikai'] as const;

export const PressSchema = z
  .strictObject({
    pdfx: z.enum(PDFX_VERSIONS).optional().describe('PDF/X version of the press file: PDF/X-3:2002 (default) or PDF/X-1a:2001.'),
    profile: text('paper.press.profile').optional().describe("The plant's CMYK output profile (an ICC file, relative to the edition folder). Default: Folio's built-in newsprint profile."),
    condition: text('paper.press.condition').optional().describe('OutputConditionIdentifier of the output intent, e.g. the characterization the plant names. Default: CGATS TR 002 (built-in profile), Custom (own profile).'),
    inkLimit: z.union(INK_LIMITS.map((limit) => z.literal(limit)) as [z.ZodLiteral<220>, z.ZodLiteral<240>, z.ZodLiteral<260>]).optional().describe('Total ink limit in percent: 220, 240 (default) or 260.'),
    red: z.enum(RED_MODES).optional().describe('Design red: process = solid M+Y 0/100/100/0 (default); spot = a spot plate (Separation) for 套红 pages.'),
    spotName: text('paper.press.spotName').optional().describe('Name of the spot plate when red is spot (default Red).'),
    marks: z.enum(MARK_MODES).optional().describe('crop = crop marks and registration targets (default); slug = also a slug line and colour bar; none = no marks, a trim-size page.'),
  })
  .describe("The printing plant's settings for the press PDF (folio render --press); command-line options override them.");

export const PaperSchema = z
  .strictObject({
    name: text('paper.name').optional().describe('Newspaper name for the folio line, e.g. 焦作日报. Leave out when unknown.'),
    date: z.iso.date('use a date written YYYY-MM-DD, e.g. 2024-01-05').optional().describe('Publication date (YYYY-MM-DD) for the folio line. Leave out when unknown.'),
    page: text('paper.page').optional().describe('Page label or number for the folio line, e.g. "A4" or "7".'),
    section: text('paper.section').optional().describe('Section or page title for the folio line, e.g. 专版.'),
    editor: text('paper.editor').optional().describe('Page editor credit for the folio line (责任编辑).'),
    preset: z.enum(PAGE_PRESETS).default('duikai').describe('Page-size preset. duikai = 对开 broadsheet, 390×545 mm trim, 8 columns.'),
    press: PressSchema.optional(),
  })
  .describe('Paper metadata for the folio line. Every field is optional: the folio line shows only what is given.');

export const HeadlineSchema = z
  .strictObject({
    kicker: text('headline.kicker').optional().describe('引题: the line above the headline.'),
    title: text('headline.title').describe('主题: the main headline. A space marks a preferred line break.'),
    deck: text('headline.deck').optional().describe('副题: the subtitle under the headline. A leading —— is kept.'),
  })
  .describe('The headline block: kicker 引题, headline 主题, deck 副题.');

export const FocusSchema = z
  .strictObject({
    x: z.number().min(0).max(1).describe('Horizontal focal point, 0 = left edge, 1 = right edge.'),
    y: z.number().min(0).max(1).describe('Vertical focal point, 0 = top edge, 1 = bottom edge.'),
  })
  .describe('Point of the photo that cropping keeps in frame.');

export const PhotoSchema = z
  .strictObject({
    id: slug.describe('Unique id of the photo slot, e.g. "jiaying-base".'),
    file: text('photo.file')
      .optional()
      .describe('Image file, relative to the edition folder. Leave out to declare a placeholder slot; a named file that does not exist is an error.'),
    caption: text('photo.caption').describe('Caption set under the photo.'),
    credit: text('photo.credit').optional().describe('Photo credit, e.g. 本报记者 贾蓝 摄.'),
    focus: FocusSchema.optional().describe('Focal point kept in frame when cropping. Default: the centre.'),
    section: slug.optional().describe('Id of the section whose module holds the photo. Leave out to place it in the page gallery.'),
  })
  .describe('A photo slot: a real image file, or a declared placeholder.');

/** An edition's photo slot: as above, but a photo of a photo group has no caption of its own (checkPhotoGroups). */
export const EditionPhotoSchema = PhotoSchema.extend({
  caption: text('photo.caption').optional().describe('Caption set under the photo. Required, except for a photo of a photo group, which has none: the group caption serves it.'),
}).describe('A photo slot: a real image file, or a declared placeholder.');

/** Photos of one group share a gallery row; at most this many fit one (the fit's widest row). */
export const MOST_GROUP_PHOTOS = 4;

export const PhotoGroupSchema = z
  .strictObject({
    id: slug.describe('Unique id of the group, e.g. "duanwu-festival".'),
    caption: text('photoGroups.caption').describe('组图 caption, set once under the whole group and spanning its photos.'),
    credit: text('photoGroups.credit').optional().describe('Credit of the group, e.g. 本报记者 贾蓝 摄.'),
    photos: z
      .array(slug)
      .min(2, 'a photo group needs at least two photos')
      .max(MOST_GROUP_PHOTOS, `a photo group holds at most ${MOST_GROUP_PHOTOS} photos: they share one gallery row`)
      .describe('Ids of the gallery photos of the group, in the order they have under photos (one after another).'),
  })
  .describe('组图: gallery photos that form one group, set side by side in one row under one caption. Mark a group only where the source shows several photos forming it.');

export const ArticleSchema = z
  .strictObject({
    label: text('article.label').optional().describe('Subhead label word set apart from the title, e.g. 产业, 民生, 聚力.'),
    title: text('article.title').describe('Subhead title. A space marks a preferred line break.'),
    paragraphs: z.array(text('paragraph')).min(1, 'an article needs at least one paragraph').describe('Body paragraphs, in order.'),
  })
  .describe('One subhead with its paragraphs.');

export const SectionSchema = z
  .strictObject({
    id: slug.describe('Unique id of the section, e.g. "review-2023".'),
    label: text('section.label').describe('Band label, e.g. 精彩.'),
    year: z.int().min(1900).max(2200).optional().describe('Year shown in the band, e.g. 2023.'),
    lead: text('section.lead').optional().describe('Lead paragraph set before the articles.'),
    articles: z.array(ArticleSchema).min(1, 'a section needs at least one article').describe('Subheads with their paragraphs.'),
  })
  .describe('A section band with its lead and articles.');

export const EditionSchema = z
  .strictObject({
    id: slug.optional().describe('Edition id; names the output PDF. Default: the edition folder name.'),
    title: text('title').optional().describe('Document title for the PDF metadata. Default: the headline.'),
    lang: languageTag.default('zh-CN').describe('BCP 47 language tag of the content, e.g. zh-CN.'),
    paper: PaperSchema.default({ preset: 'duikai' }),
    headline: HeadlineSchema,
    byline: text('byline').optional().describe('Byline, e.g. 本报记者 董柏生, set in 楷体 on the deck\'s last baseline after the ■ the template adds (a □ or ■ typed before it is not repeated).'),
    honors: z.array(text('honor')).optional().describe('Honors list, set as a box; each item is one honor (a leading ★ is added if missing).'),
    photos: z.array(EditionPhotoSchema).default([]).describe('Photo slots, in reading order.'),
    photoGroups: z.array(PhotoGroupSchema).optional().describe('组图: groups of gallery photos, each under one caption spanning the group.'),
    sections: z.array(SectionSchema).min(1, 'an edition needs at least one section').describe('Sections, in reading order.'),
    credit: text('credit').optional().describe('Page credit line at the foot, e.g. （本版照片除署名外均由…提供）.'),
    keywords: z.array(text('keyword')).optional().describe('Keywords for the PDF metadata.'),
  })
  .superRefine((edition, ctx) => {
    const sectionIds = new Set(edition.sections.map((section) => section.id));
    const seenPhotos = new Set<string>();
    edition.photos.forEach((photo, index) => {
      if (seenPhotos.has(photo.id)) {
        ctx.addIssue({ code: 'custom', path: ['photos', index, 'id'], message: `photo id "${photo.id}" is used twice; ids must be unique` });
      }
      seenPhotos.add(photo.id);
      if (photo.section !== undefined && !sectionIds.has(photo.section)) {
        ctx.addIssue({
          code: 'custom',
          path: ['photos', index, 'section'],
          message: `no section has id "${photo.section}"; use one of: ${[...sectionIds].join(', ')}`,
        });
      }
    });
    checkPhotoGroups(edition, ctx);
    const seenSections = new Set<string>();
    edition.sections.forEach((section, index) => {
      if (seenSections.has(section.id)) {
        ctx.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `section id "${section.id}" is used twice` });
      }
      seenSections.add(section.id);
    });
  })
  .describe('A Folio edition: one newspaper page of structured content.');

type EditionShape = { photos: { id: string; caption?: string; credit?: string; section?: string }[]; photoGroups?: { id: string; photos: string[] }[] };

/** A group names declared gallery photos, each in one group, listed one after another; a photo outside a group has its own caption. */
export function checkPhotoGroups(edition: EditionShape, ctx: z.RefinementCtx, at: (string | number)[] = []) {
  const gallery = edition.photos.filter((photo) => photo.section === undefined).map((photo) => photo.id);
  const grouped = new Map<string, string>();
  edition.photoGroups?.forEach((group, index) => {
    const issue = (message: string, rest: (string | number)[] = []) => ctx.addIssue({ code: 'custom', path: [...at, 'photoGroups', index, ...rest], message });
    if (edition.photoGroups!.findIndex((other) => other.id === group.id) !== index) issue(`photo group id "${group.id}" is used twice`, ['id']);
    group.photos.forEach((id, p) => {
      const photo = edition.photos.find((candidate) => candidate.id === id);
      if (!photo) issue(`no photo has id "${id}"; use one of: ${edition.photos.map((candidate) => candidate.id).join(', ')}`, ['photos', p]);
      else if (photo.section !== undefined) issue(`photo "${id}" is set in section "${photo.section}"; a group is set in the gallery: leave out its section`, ['photos', p]);
      else if (grouped.has(id)) issue(`photo "${id}" is already in group "${grouped.get(id)}"; a photo belongs to one group`, ['photos', p]);
      else if (photo.caption !== undefined || photo.credit !== undefined) {
        issue(`photo "${id}" has a caption or credit of its own; a group prints its caption and credit once, under all its photos: give them to the group`, ['photos', p]);
      }
      grouped.set(id, group.id);
    });
    const first = gallery.indexOf(group.photos[0]!);
    if (first >= 0 && group.photos.some((id, p) => gallery[first + p] !== id)) {
      issue(`list the photos of group "${group.id}" one after another under photos, in this order: ${group.photos.join(', ')}`, ['photos']);
    }
  });
  edition.photos.forEach((photo, index) => {
    if (photo.caption === undefined && !grouped.has(photo.id)) {
      ctx.addIssue({ code: 'custom', path: [...at, 'photos', index, 'caption'], message: `photo "${photo.id}" needs a caption (only a photo of a photo group may leave it out)` });
    }
  });
}

export type EditionInput = z.input<typeof EditionSchema>;
export type Edition = z.output<typeof EditionSchema>;
export type Photo = Edition['photos'][number];
export type PhotoGroup = NonNullable<Edition['photoGroups']>[number];
export type Section = Edition['sections'][number];
export type Article = Section['articles'][number];
