/**
 * The two files of an issue (docs/design/issues-and-years.md, section 1):
 * paper.yaml, the paper once (in the issue folder or the year folder above
 * it), and issue.yaml, the date and the pages in order. The page files carry
 * no folio-line fields: these fill them.
 */
import { z } from 'zod';
import { PaperV2Schema } from '../content/v2/page.ts';
import { DEFAULT_PLATE_PATTERN, PAGE_LABEL, plateNameProblem } from './plate-name.ts';

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

export const PaperFileSchema = PaperV2Schema.pick({ cn: true, publisher: true, preset: true })
  .extend({
    name: text('name').describe('Newspaper name for the masthead and every folio line, e.g. 焦作日报.'),
    plateFile: z
      .string()
      .default(DEFAULT_PLATE_PATTERN)
      .superRefine((pattern, context) => {
        const problem = plateNameProblem(pattern);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      })
      .describe('Name of each page\'s plate PDF: {date:YYYYMMDD} and {label:A01} (the label\'s number zero-padded to 2 digits). Default {date:YYYYMMDD}_{label:A01} → 20240126_A01.pdf.'),
  })
  .describe('paper.yaml: the paper once, for every issue in its folder (or the issues in the folders under it).');

export type PaperFile = z.infer<typeof PaperFileSchema>;

export const IssuePageSchema = z
  .strictObject({
    label: z
      .string()
      .regex(PAGE_LABEL, 'a page label is letters then a number, e.g. A1, B12 or 3')
      .describe('The page label printed in the folio line and used in plate names and PDF page labels, e.g. A1.'),
    name: text('name').describe('版名: the page\'s name in the folio line, e.g. 要闻.'),
    file: text('file').describe('The page file (schema v2 page, or a feature edition), relative to the issue folder.'),
    editor: text('editor').optional().describe('责任编辑 of the page, for its folio line.'),
  })
  .describe('One page of the issue.');

export const IssueFileSchema = z
  .strictObject({
    date: z.iso.date('use a date written YYYY-MM-DD, e.g. 2024-01-26').describe('Publication date of the issue (YYYY-MM-DD).'),
    issueNumber: z.int().min(1).optional().describe('第X期, for the masthead. Only when a source gives it.'),
    pages: z.array(IssuePageSchema).min(1, 'an issue needs at least one page').describe('The pages, in printed order.'),
  })
  .superRefine((issue, context) => {
    // Two pages of one label (or one file) would write over each other's plate.
    for (const key of ['label', 'file'] as const) {
      const seen = new Set<string>();
      issue.pages.forEach((page, index) => {
        const value = key === 'label' ? page.label.toUpperCase() : page.file;
        if (seen.has(value)) context.addIssue({ code: 'custom', path: ['pages', index, key], message: `${key} "${page[key]}" is used by an earlier page; each page needs its own` });
        seen.add(value);
      });
    }
  })
  .describe('issue.yaml: one issue of the paper, its date and its pages in order.');

export type IssueFile = z.infer<typeof IssueFileSchema>;
