/**
 * Schema v2, the page: paper metadata, furniture and the modules the page
 * solver places (docs/design/general-pages.md, section 2). Cross-checks that
 * need the whole page (ids unique across modules and photos, pins inside the
 * preset's grid and not overlapping) live in one superRefine.
 */
import { z } from 'zod';
import { PRESETS } from '../../defaults.ts';
import { checkPhotoGroups, PaperSchema } from '../schema.ts';
import { ModuleSchema, type Module } from './modules.ts';

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

export const PaperV2Schema = PaperSchema.extend({
  preset: z.enum(['duikai', 'sikai']).default('duikai').describe('Page-size preset: duikai = 对开 broadsheet, 390×545 mm, 8 columns; sikai = 四开 tabloid, 272.5×390 mm, 5 columns.'),
  cn: text('paper.cn').optional().describe('国内统一连续出版物号 for the masthead, as printed (CN XX-XXXX). Only when a source gives it.'),
  issueNumber: z.int().min(1).optional().describe('第X期: the issue number for the masthead.'),
  publisher: text('paper.publisher').optional().describe('Publisher (主办) for the masthead.'),
}).describe('Paper metadata for the folio line and the masthead. The page shows only what is given.');

export const FurnitureSchema = z
  .strictObject({
    masthead: z.boolean().default(false).describe('Set the masthead (报头) of a front page.'),
    folioLine: z.boolean().default(true).describe('Set the folio line (眉头) above the type area.'),
    credit: text('furniture.credit').optional().describe('Page credit line at the foot, e.g. （本版照片除署名外均由…提供）.'),
  })
  .describe('Page furniture: masthead, folio line, credit.');

export const PageSchema = z
  .strictObject({
    version: z.literal(2).describe('Schema version: 2 for pages of modules.'),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .optional()
      .describe('Page id; names the output PDF. Default: the file or folder name.'),
    title: text('title').optional().describe('Document title for the PDF metadata. Default: the lead headline.'),
    lang: z.string().default('zh-CN').describe('BCP 47 language of the content.'),
    paper: PaperV2Schema.default({ preset: 'duikai' }),
    furniture: FurnitureSchema.default({ masthead: false, folioLine: true }),
    modules: z.array(ModuleSchema).min(1, 'a page needs at least one module').describe('The modules, in reading order.'),
    keywords: z.array(text('keyword')).optional(),
  })
  .superRefine((page, ctx) => {
    const seen = new Set<string>();
    const claim = (value: string, path: (string | number)[]) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path, message: `id "${value}" is used twice on this page; ids must be unique` });
      seen.add(value);
    };
    page.modules.forEach((module, m) => {
      claim(module.id, ['modules', m, 'id']);
      if ('photos' in module) module.photos.forEach((photo, p) => claim(photo.id, ['modules', m, 'photos', p, 'id']));
    });
    const grid = PRESETS[page.paper.preset]!;
    page.modules.forEach((module, m) => {
      if (module.kind === 'feature' && page.paper.preset !== 'duikai') {
        ctx.addIssue({ code: 'custom', path: ['modules', m, 'kind'], message: 'the feature layout is set on the 对开 8-column grid: use preset duikai, or set its stories as story modules on this page' });
      }
      if (module.kind === 'feature') checkPhotoGroups(module, ctx, ['modules', m]);
    });
    const boxes: { m: number; c0: number; c1: number; l0: number; l1: number }[] = [];
    page.modules.forEach((module, m) => {
      const pin = module.pin;
      if (!pin) return;
      if ((pin.column ?? 0) + (pin.columns ?? 1) > grid.columns || (pin.line ?? 0) + (pin.lines ?? 1) > grid.lines) {
        ctx.addIssue({ code: 'custom', path: ['modules', m, 'pin'], message: `the pin reaches outside the ${grid.columns}-column, ${grid.lines}-line type area` });
      }
      if (pin.column === undefined || pin.line === undefined || pin.columns === undefined || pin.lines === undefined) return;
      const box = { m, c0: pin.column, c1: pin.column + pin.columns, l0: pin.line, l1: pin.line + pin.lines };
      const hit = boxes.find((b) => b.c0 < box.c1 && box.c0 < b.c1 && b.l0 < box.l1 && box.l0 < b.l1);
      if (hit) ctx.addIssue({ code: 'custom', path: ['modules', m, 'pin'], message: `the pin overlaps the pin of "${page.modules[hit.m]!.id}"` });
      boxes.push(box);
    });
  })
  .describe('A Folio page (schema v2): paper, furniture and modules placed on the grid.');

export type Page = z.output<typeof PageSchema>;
export type { Module };
