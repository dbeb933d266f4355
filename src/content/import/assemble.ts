/**
 * Groups classified lines into a draft edition, still in source order and
 * still allowed to break the schema's rules (an empty section, a subhead with
 * no paragraph); clean and to-edition fix those. Credits join the caption just
 * above them; captions inside a section's text belong to that section.
 */
import type { SourceLine } from './blocks.ts';
import type { Unit } from './classify.ts';
import { closeCjkSpaces } from './text.ts';

export interface ImportWarning {
  line: number;
  endLine?: number;
  message: string;
  /** A routine fix nobody needs to check one by one (issue 15, item 8): the CLI summarises each kind in one line. */
  routine?: RoutineFix;
}

/** Kinds of routine fix: punctuation and spacing inside lines, whitespace around them, list and byline markers. */
export type RoutineFix = 'punctuation' | 'whitespace' | 'markers';

/** Collects warnings; comments for the YAML hang on the draft items themselves. */
export class Report {
  readonly warnings: ImportWarning[] = [];
  warn(line: number, message: string, endLine?: number, routine?: RoutineFix): void {
    const warning: ImportWarning = endLine !== undefined && endLine !== line ? { line, endLine, message } : { line, message };
    if (routine) warning.routine = routine;
    this.warnings.push(warning);
  }
}

export interface DraftParagraph {
  text: string;
  sources: SourceLine[];
  notes: string[];
  /** A subhead or band line kept as a paragraph (already reported; not a cut-off sentence). */
  demoted?: boolean;
}

export interface DraftArticle {
  label?: string;
  title: string;
  /** The subhead as printed (label and title), for warnings and demotion. */
  heading: string;
  source: SourceLine;
  paragraphs: DraftParagraph[];
  notes: string[];
}

export interface DraftSection {
  /** The band line; undefined for the text before the first band. */
  band?: Unit;
  intro: DraftParagraph[];
  articles: DraftArticle[];
  notes: string[];
}

export interface DraftPhoto {
  caption: string;
  credit?: string;
  sources: SourceLine[];
  section?: DraftSection;
  notes: string[];
}

export interface Draft {
  headline: Unit;
  deck?: Unit;
  bylines: Unit[];
  honors: Unit[];
  photos: DraftPhoto[];
  sections: DraftSection[];
  pageCredits: Unit[];
  /** Photo credits with no caption above them. */
  orphanCredits: Unit[];
  /** Lines whose prose had spaces between Chinese characters removed. */
  closedSpaces: Map<SourceLine, number>;
}

export function paragraphOf(unit: Unit, draft: Draft): DraftParagraph {
  const closed = closeCjkSpaces(unit.text);
  if (closed.removed > 0) draft.closedSpaces.set(unit.source, closed.removed);
  return { text: closed.text, sources: [unit.source], notes: [] };
}

export function assemble(units: readonly Unit[]): Draft {
  const [headline, ...rest] = units;
  if (!headline) throw new Error('assemble() needs at least one unit');
  const draft: Draft = { headline, bylines: [], honors: [], photos: [], sections: [], pageCredits: [], orphanCredits: [], closedSpaces: new Map() };
  let section: DraftSection | undefined;
  let article: DraftArticle | undefined;
  let inBody = false;
  let previous: Unit = headline;
  const currentSection = () => {
    if (!section) {
      section = { intro: [], articles: [], notes: [] };
      draft.sections.push(section);
    }
    return section;
  };

  for (const unit of rest) {
    switch (unit.kind) {
      case 'deck':
        draft.deck = unit;
        break;
      case 'byline':
        draft.bylines.push(unit);
        break;
      case 'honor':
        draft.honors.push(unit);
        break;
      case 'pageCredit':
        draft.pageCredits.push(unit);
        break;
      case 'caption': {
        const closed = paragraphOf(unit, draft);
        draft.photos.push({ caption: closed.text, sources: [unit.source], section: inBody ? currentSection() : undefined, notes: [] });
        break;
      }
      case 'credit': {
        const photo = draft.photos.at(-1);
        if (previous.kind === 'caption' && photo && photo.credit === undefined) {
          photo.credit = unit.text;
          photo.sources.push(unit.source);
        } else draft.orphanCredits.push(unit);
        break;
      }
      case 'band':
        inBody = true;
        section = { band: unit, intro: [], articles: [], notes: [] };
        draft.sections.push(section);
        article = undefined;
        break;
      case 'subhead':
        inBody = true;
        article = { label: unit.label, title: unit.title ?? unit.text, heading: unit.text, source: unit.source, paragraphs: [], notes: [] };
        currentSection().articles.push(article);
        break;
      case 'para': {
        inBody = true;
        const target = currentSection();
        const paragraph = paragraphOf(unit, draft);
        if (article && target.articles.includes(article)) article.paragraphs.push(paragraph);
        else target.intro.push(paragraph);
        break;
      }
    }
    previous = unit;
  }
  return draft;
}
