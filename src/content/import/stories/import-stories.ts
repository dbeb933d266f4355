/**
 * Import of a news page's text with several stories (issue 17, Import): lines
 * → tagged (captions on evidence only) → split into stories → repeats dropped
 * → a schema v2 page, written as commented YAML and checked against
 * PageSchema before it is returned. `chooseShape` decides, for `folio import`
 * without --as, whether a text is one feature (the v1 import, unchanged) or a
 * page of stories.
 */
import { Document, isMap, isScalar, isSeq, parse, Scalar } from 'yaml';
import type { SourceLine } from '../blocks.ts';
import { Report, type ImportWarning } from '../assemble.ts';
import { reportFixesOn, type CleanStats } from '../clean.ts';
import { ContentError, FolioError } from '../../../errors.ts';
import { PageSchema } from '../../v2/page.ts';
import { applyNotes, comment } from '../write-yaml.ts';
import type { Notes } from '../to-edition.ts';
import { isBylineLine, isSignoffLine, parseDateline } from './recognise.ts';
import { dropRepeats } from './repeats.ts';
import { splitStories, type SplitPage } from './split.ts';
import { hasBand, tagLines } from './tag.ts';
import { toPage, type PageInput } from './to-page.ts';

export type ImportShape = 'feature' | 'stories';

export interface PageImportResult {
  shape: 'stories';
  page: PageInput;
  yaml: string;
  warnings: ImportWarning[];
  summary: string[];
  /** Source lines left out because they repeat a kept line word for word. */
  dropped: number[];
}

/** Captions longer than this are written as block scalars too. */
const LONG_CAPTION = 30;
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function split(lines: readonly SourceLine[], report: Report): SplitPage {
  return splitStories(tagLines(lines, report), report);
}

/**
 * Several stories when a second headline has its evidence (a dateline or
 * byline under it, or the story above signed off) and no section band (精彩
 * 2023) marks the text as a feature. A text that only might hold several
 * stories stays a feature: that import is today's, and --as stories asks for the other.
 */
export function chooseShape(lines: readonly SourceLine[]): { shape: ImportShape; reason: string } {
  if (hasBand(lines)) return { shape: 'feature', reason: 'it has section bands (like 精彩 2023)' };
  // No line that could prove a second story: no need to split (most texts a feature import sees).
  if (!lines.slice(1).some(({ text }) => parseDateline(text) || isBylineLine(text) || isSignoffLine(text))) {
    return { shape: 'feature', reason: 'no dateline, byline or sign-off after the first line' };
  }
  const { stories } = split(lines, new Report());
  const evidenced = stories.slice(1).filter((story) => story.start !== 'guess');
  if (evidenced.length === 0) return { shape: 'feature', reason: 'no second headline has a dateline or byline under it' };
  return { shape: 'stories', reason: `${plural(evidenced.length, 'headline')} after the first ${evidenced.length === 1 ? 'has' : 'have'} a dateline or byline under ${evidenced.length === 1 ? 'it' : 'them'} or follow${evidenced.length === 1 ? 's' : ''} a sign-off` };
}

export function importStories(lines: readonly SourceLine[], options: { sourceName: string; id?: string; reason?: string }): PageImportResult {
  const { sourceName } = options;
  const report = new Report();
  const splitPage = split(lines, report);
  const dropped = dropRepeats(splitPage.stories, report);
  const draft = toPage(splitPage, report, options.id);
  if (draft.page.modules.every((module) => module.kind !== 'story' || module.body.length === 0)) {
    throw new ContentError(`${sourceName} has no body text: after the headline there is no paragraph`, {
      location: { file: sourceName, line: lines[0]!.line },
      hint: 'Import the whole page text: each headline followed by its paragraphs.',
    });
  }
  const stats: CleanStats = { dropped: dropped.length, merged: 0, punctuation: 0 };
  const droppedSet = new Set(dropped);
  reportFixesOn(lines.filter((line) => !droppedSet.has(line)), draft.closedSpaces, report, stats);
  const warnings = report.warnings.sort((a, b) => a.line - b.line);

  const stories = draft.page.modules.flatMap((module) => (module.kind === 'story' ? [module] : []));
  const paragraphs = stories.reduce((n, story) => n + story.body.filter((part) => typeof part === 'string').length, 0);
  const subheads = stories.reduce((n, story) => n + story.body.filter((part) => typeof part !== 'string').length, 0);
  const photos = stories.reduce((n, story) => n + (story.photos?.length ?? 0), 0);
  const header = [
    `Imported by \`folio import\` from ${sourceName} as a page of ${plural(stories.length, 'story', 'stories')} (schema v2)${options.reason ? `: ${options.reason}` : ''}.`,
    `${plural(warnings.length, 'warning')} at import; the comments below mark what was cleaned or guessed.`,
    'No rank is set: the page solver weighs every story alike until you give the lead story rank: 1.',
    'No paper name, date or page (版次) comes from the text: add `paper:` (name, date, page) for the folio line before press.',
    ...(photos > 0 ? ['The source has no images: every photo is a declared placeholder; add `file:` when the picture arrives.'] : []),
  ];
  const yaml = pageYaml(draft.page, draft.notes, header);
  const checked = PageSchema.safeParse(parse(yaml));
  if (!checked.success) {
    throw new FolioError(`the import of ${sourceName} produced a page that does not validate: this is a bug in folio import`, { cause: checked.error });
  }
  const summary = [
    `imported ${sourceName} as a page of ${plural(stories.length, 'story', 'stories')}: ${stories.map((story) => `“${story.headline.title}”`).join(', ')}; ` +
      `${plural(paragraphs, 'paragraph')}, ${plural(subheads, 'subhead')}, ${plural(photos, 'photo placeholder')}`,
    `cleaned: dropped ${plural(dropped.length, 'repeated line')}, made ${plural(stats.punctuation, 'punctuation mark')} full-width`,
    ...(draft.cutOff.length > 0 ? [`${plural(draft.cutOff.length, 'paragraph')} look${draft.cutOff.length === 1 ? 's' : ''} cut off (lines ${draft.cutOff.join(', ')}): kept as printed; check against the page`] : []),
    plural(warnings.length, 'warning'),
  ];
  return { shape: 'stories', page: draft.page, yaml, warnings, summary, dropped: [...droppedSet].map((line) => line.line).sort((a, b) => a - b) };
}

/** The page as YAML an editor reviews: paragraphs as folded block scalars, a blank line between stories, the notes as comments. */
function pageYaml(page: PageInput, notes: Notes, header: readonly string[]): string {
  const doc = new Document(page);
  doc.commentBefore = comment(header);
  const folded = (node: unknown) => {
    if (isScalar(node) && typeof node.value === 'string') node.type = Scalar.BLOCK_FOLDED;
  };
  const modules = doc.get('modules', true);
  if (isSeq(modules)) {
    modules.items.forEach((module, index) => {
      if (!isMap(module)) return;
      if (index > 0) module.spaceBefore = true;
      const body = module.get('body', true);
      if (isSeq(body)) body.items.forEach(folded);
      const photos = module.get('photos', true);
      if (!isSeq(photos)) return;
      for (const photo of photos.items) {
        const caption = isMap(photo) ? photo.get('caption', true) : undefined;
        if (isScalar(caption) && Array.from(String(caption.value)).length > LONG_CAPTION) folded(caption);
      }
    });
  }
  applyNotes(doc, notes);
  return doc.toString({ lineWidth: 0 });
}
