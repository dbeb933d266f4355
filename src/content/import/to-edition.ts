/**
 * Turns the cleaned draft into an EditionInput the schema accepts, fixing
 * what the schema forbids without inventing or losing text: a subhead with no
 * paragraph becomes a paragraph, a band with nothing under it becomes a
 * paragraph, text before any band gets its own section. The only words
 * Folio supplies are the neutral placeholders 正文 (section label, article
 * title) where the schema requires one and the source has none; each is
 * reported and commented in the YAML.
 */
import { ContentError } from '../../errors.ts';
import { t } from '../../i18n/locale.ts';
import type { EditionInput } from '../schema.ts';
import type { Draft, DraftParagraph, DraftSection, Report } from './assemble.ts';
import { endsComplete } from './text.ts';

/** Label or title used where the schema requires one and the source gives none. */
export const PLACEHOLDER = '正文';

/** YAML comments, keyed by the dotted path of the node they sit above (`sections.1.articles.3`). */
export type Notes = Map<string, string[]>;

export interface Assembled {
  edition: EditionInput;
  notes: Notes;
  /** Source lines of paragraphs that look cut off. */
  cutOff: number[];
}

export function toEdition(draft: Draft, report: Report, id: string | undefined, sourceName: string): Assembled {
  fixEmptyArticles(draft, report);
  fixEmptySections(draft, report);
  if (draft.sections.length === 0) {
    throw new ContentError(t('import.noBody', { file: sourceName }), {
      location: { file: sourceName, line: draft.headline.source.line },
      hint: t('import.noBodyHint'),
    });
  }
  const notes: Notes = new Map();
  const note = (path: string, lines: readonly string[]) => {
    if (lines.length > 0) notes.set(path, [...(notes.get(path) ?? []), ...lines]);
  };
  const cutOff: number[] = [];
  const paragraphText = (paragraph: DraftParagraph, path: string) => {
    if (!paragraph.demoted && !endsComplete(paragraph.text)) {
      const line = paragraph.sources[0]!.line;
      cutOff.push(line);
      report.warn(line, `paragraph ${quote(paragraph.text)} ends without terminal punctuation: probably cut off; kept as printed`);
      paragraph.notes.push(`ends without terminal punctuation in the source (line ${line}): probably cut off; kept as printed`);
    }
    note(path, paragraph.notes);
    return paragraph.text;
  };

  const sectionIds = new Map<DraftSection, string>();
  const usedIds = new Set<string>();
  const sections = draft.sections.map((section, index) => {
    const band = section.band;
    const base = band?.year !== undefined ? `section-${band.year}` : `section-${index + 1}`;
    let sectionId = base;
    for (let n = 2; usedIds.has(sectionId); n += 1) sectionId = `${base}-${n}`;
    usedIds.add(sectionId);
    sectionIds.set(section, sectionId);
    const path = `sections.${index}`;
    if (!band) {
      report.warn(section.intro[0]?.sources[0]?.line ?? section.articles[0]!.source.line, `text before any section band (like 精彩 2023): put in a section labelled ${PLACEHOLDER}, which the schema requires`);
      note(`${path}.label`, [`no section band in the source: ${PLACEHOLDER} is a placeholder label; change it or add a band`]);
    }
    let intro = section.intro;
    let articles = section.articles;
    if (articles.length === 0) {
      report.warn(intro[0]!.sources[0]!.line, `no subhead in this section: its paragraphs go under the placeholder title ${PLACEHOLDER}, which the schema requires`);
      articles = [{ title: PLACEHOLDER, heading: PLACEHOLDER, source: intro[0]!.sources[0]!, paragraphs: intro, notes: [`no subhead in the source: ${PLACEHOLDER} is a placeholder title; change it`] }];
      intro = [];
    }
    note(path, section.notes);
    let lead: string | undefined;
    if (intro.length > 0) {
      const texts = intro.map((paragraph) => paragraphText(paragraph, `${path}.lead`));
      if (intro.length > 1) {
        const lines = intro.map((p) => p.sources[0]!.line);
        report.warn(lines[0]!, `${intro.length} paragraphs before the first subhead (lines ${lines.join(', ')}): joined into the section lead, one per line`, lines.at(-1));
        note(`${path}.lead`, [`${intro.length} paragraphs in the source (lines ${lines.join(', ')}), one per line`]);
      }
      lead = texts.join('\n');
    }
    return {
      id: sectionId,
      label: band?.label ?? PLACEHOLDER,
      ...(band?.year !== undefined ? { year: band.year } : {}),
      ...(lead !== undefined ? { lead } : {}),
      articles: articles.map((article, a) => {
        const articlePath = `${path}.articles.${a}`;
        note(articlePath, article.notes);
        return {
          ...(article.label !== undefined ? { label: article.label } : {}),
          title: article.title,
          paragraphs: article.paragraphs.map((paragraph, p) => paragraphText(paragraph, `${articlePath}.paragraphs.${p}`)),
        };
      }),
    };
  });

  attachOrphanCredits(draft, report);
  const photos = draft.photos.map((photo, index) => {
    note(`photos.${index}`, photo.notes);
    const section = photo.section && sectionIds.get(photo.section);
    return {
      id: `photo-${index + 1}`,
      caption: photo.caption,
      ...(photo.credit !== undefined ? { credit: photo.credit } : {}),
      ...(section ? { section } : {}),
    };
  });

  const honors = draft.honors.filter((unit) => {
    if (unit.text) return true;
    report.warn(unit.source.line, `list item “${unit.source.text}” has only a marker and no text: left out`);
    return false;
  });
  if (draft.bylines.length > 1) {
    const lines = draft.bylines.map((unit) => unit.source.line);
    report.warn(lines[0]!, `${draft.bylines.length} bylines (${lines.join(', ')}): joined into one`, lines.at(-1));
  }
  const pageCredits = [...draft.pageCredits, ...draft.orphanCredits];
  const edition: EditionInput = {
    ...(id !== undefined ? { id } : {}),
    headline: { title: draft.headline.text, ...(draft.deck ? { deck: draft.deck.text } : {}) },
    ...(draft.bylines.length > 0 ? { byline: draft.bylines.map((unit) => unit.text).join(' ') } : {}),
    ...(honors.length > 0 ? { honors: honors.map((unit) => unit.text) } : {}),
    ...(photos.length > 0 ? { photos } : {}),
    sections,
    ...(pageCredits.length > 0 ? { credit: pageCredits.map((unit) => unit.text).join(' ') } : {}),
  };
  return { edition, notes, cutOff };
}

const quote = (text: string) => `“${Array.from(text).length > 24 ? `${Array.from(text).slice(0, 24).join('')}…` : text}”`;

/** A subhead with no paragraph under it is kept as a paragraph, where it stands. */
function fixEmptyArticles(draft: Draft, report: Report): void {
  for (const section of draft.sections) {
    const articles = [];
    for (const article of section.articles) {
      if (article.paragraphs.length > 0) {
        articles.push(article);
        continue;
      }
      report.warn(article.source.line, `subhead-like line ${quote(article.heading)} has no paragraph under it: kept as a paragraph`);
      const paragraph: DraftParagraph = { text: article.heading, sources: [article.source], notes: ['a subhead-like line with no paragraph under it in the source'], demoted: true };
      const previous = articles.at(-1);
      if (previous) previous.paragraphs.push(paragraph);
      else section.intro.push(paragraph);
    }
    section.articles = articles;
  }
}

/** A band with nothing under it is kept as a paragraph of the section before (or after) it. */
function fixEmptySections(draft: Draft, report: Report): void {
  for (let index = 0; index < draft.sections.length; index += 1) {
    const section = draft.sections[index]!;
    if (section.intro.length > 0 || section.articles.length > 0) continue;
    const before = draft.sections[index - 1];
    const after = draft.sections[index + 1];
    const band = section.band!;
    const paragraph: DraftParagraph = { text: band.text, sources: [band.source], notes: ['a band-like line with nothing under it in the source'], demoted: true };
    if (before) {
      const last = before.articles.at(-1);
      if (last) last.paragraphs.push(paragraph);
      else before.intro.push(paragraph);
    } else if (after) after.intro.unshift(paragraph);
    const target = before ?? after;
    if (target) {
      report.warn(band.source.line, `section band “${band.text}” has nothing under it: kept as a paragraph`);
      for (const photo of draft.photos) if (photo.section === section) photo.section = target;
    }
    draft.sections.splice(index, 1);
    index -= 1;
  }
}

/** A credit with no caption above it goes to the nearest photo before it without one, else to the page credit. */
function attachOrphanCredits(draft: Draft, report: Report): void {
  draft.orphanCredits = draft.orphanCredits.filter((credit) => {
    const photo = [...draft.photos].reverse().find((p) => p.sources[0]!.line < credit.source.line);
    if (photo && photo.credit === undefined) {
      photo.credit = credit.text;
      photo.sources.push(credit.source);
      report.warn(credit.source.line, `photo credit “${credit.text}” is not right under its caption: given to the caption at line ${photo.sources[0]!.line}`);
      return false;
    }
    report.warn(credit.source.line, `photo credit “${credit.text}” has no caption above it: added to the page credit`);
    return true;
  });
}
