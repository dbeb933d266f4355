/**
 * Cleaning the draft: exact repeats are dropped (a block, or a subhead with
 * its paragraphs), a subhead printed again with different paragraphs is
 * merged into its first occurrence, and every line-level fix (punctuation,
 * whitespace) is reported with its source line. Nothing unique is dropped.
 */
import type { SourceLine } from './blocks.ts';
import type { Unit } from './classify.ts';
import type { Draft, DraftArticle, DraftParagraph, Report } from './assemble.ts';
import { countFixes, describeFixes } from './text.ts';

export interface CleanStats {
  /** Repeated blocks dropped. */
  dropped: number;
  /** Subheads merged with a later occurrence. */
  merged: number;
  /** Punctuation marks made full-width. */
  punctuation: number;
}

const times = (n: number) => (n === 2 ? 'twice' : `${n} times`);
const lineList = (lines: readonly number[]) => `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`;
const lastLine = (article: DraftArticle) => Math.max(article.source.line, ...article.paragraphs.flatMap((p) => p.sources.map((s) => s.line)));
const quote = (text: string) => `“${text.length > 24 ? `${Array.from(text).slice(0, 24).join('')}…` : text}”`;

export function dedupe(draft: Draft, report: Report, stats: CleanStats): void {
  const seen = new Map<string, DraftParagraph>();
  const paragraphRepeats = new Map<DraftParagraph, number[]>();
  const firstArticles = new Map<string, DraftArticle>();
  const groups = new Map<DraftArticle, { occurrences: { start: number; end: number }[]; merged: number; repeated: number }>();

  const isNew = (paragraph: DraftParagraph) => {
    const kept = seen.get(paragraph.text);
    if (!kept) {
      seen.set(paragraph.text, paragraph);
      return true;
    }
    paragraphRepeats.set(kept, [...(paragraphRepeats.get(kept) ?? []), paragraph.sources[0]!.line]);
    stats.dropped += 1;
    return false;
  };

  for (const section of draft.sections) {
    section.intro = section.intro.filter(isNew);
    const articles: DraftArticle[] = [];
    for (const article of section.articles) {
      const key = `${article.label ?? ''}\u0000${article.title}`;
      const first = firstArticles.get(key);
      if (!first) {
        firstArticles.set(key, article);
        groups.set(article, { occurrences: [{ start: article.source.line, end: lastLine(article) }], merged: 0, repeated: 0 });
        article.paragraphs = article.paragraphs.filter(isNew);
        articles.push(article);
        continue;
      }
      const group = groups.get(first)!;
      group.occurrences.push({ start: article.source.line, end: lastLine(article) });
      stats.dropped += 1;
      for (const paragraph of article.paragraphs) {
        const kept = seen.get(paragraph.text);
        if (kept && first.paragraphs.includes(kept)) {
          group.repeated += 1;
          stats.dropped += 1;
        } else if (isNew(paragraph)) {
          first.paragraphs.push(paragraph);
          group.merged += 1;
        }
      }
    }
    section.articles = articles;
  }

  for (const [article, group] of groups) {
    const n = group.occurrences.length;
    if (n === 1) continue;
    const starts = group.occurrences.map((o) => o.start);
    const end = Math.max(...group.occurrences.map((o) => o.end));
    const count = article.paragraphs.length;
    if (group.merged === 0) {
      const its = count === 1 ? 'its paragraph' : `its ${count} paragraphs`;
      report.warn(starts[0]!, `subhead ${quote(article.heading)} with ${its} is repeated ${times(n)} in the source (${lineList(starts)}): kept once`, end);
      article.notes.push(`repeated ${times(n)} in the source (lines ${starts[0]}–${end}); kept once`);
    } else {
      stats.merged += 1;
      const repeats = group.repeated > 0 ? `; ${group.repeated} repeated paragraph${group.repeated > 1 ? 's' : ''} kept once` : '';
      report.warn(
        starts[0]!,
        `subhead ${quote(article.heading)} is printed ${times(n)} (${lineList(starts)}) with different paragraphs: merged into one subhead at line ${starts[0]} holding all ${count} paragraphs${repeats}`,
        end,
      );
      article.notes.push(`printed ${times(n)} in the source (${lineList(starts)}) with different paragraphs: merged here, in source order`);
    }
  }
  for (const [paragraph, lines] of paragraphRepeats) {
    const first = paragraph.sources[0]!.line;
    report.warn(first, `paragraph ${quote(paragraph.text)} is repeated ${times(lines.length + 1)} (${lineList([first, ...lines])}): kept once`, Math.max(...lines));
    paragraph.notes.push(`repeated ${times(lines.length + 1)} in the source (${lineList([first, ...lines])}); kept once`);
  }

  const photoKeys = new Map<string, number[]>();
  draft.photos = draft.photos.filter((photo) => {
    const key = `${photo.caption}\u0000${photo.credit ?? ''}`;
    const lines = photoKeys.get(key);
    photoKeys.set(key, [...(lines ?? []), photo.sources[0]!.line]);
    if (lines) stats.dropped += 1;
    return lines === undefined;
  });
  for (const [key, lines] of photoKeys) {
    if (lines.length > 1) report.warn(lines[0]!, `caption ${quote(key.split('\u0000')[0]!)} is repeated ${times(lines.length)} (${lineList(lines)}): kept once`, lines.at(-1));
  }
  draft.honors = dedupeUnits(draft.honors, 'honors item', report, stats);
  draft.bylines = dedupeUnits(draft.bylines, 'byline', report, stats);
  draft.pageCredits = dedupeUnits(draft.pageCredits, 'page credit', report, stats);
}

function dedupeUnits(units: Unit[], what: string, report: Report, stats: CleanStats): Unit[] {
  const byText = new Map<string, Unit[]>();
  for (const unit of units) byText.set(unit.text, [...(byText.get(unit.text) ?? []), unit]);
  for (const [text, repeats] of byText) {
    if (repeats.length < 2) continue;
    stats.dropped += repeats.length - 1;
    const lines = repeats.map((unit) => unit.source.line);
    report.warn(lines[0]!, `${what} ${quote(text)} is repeated ${times(repeats.length)} (${lineList(lines)}): kept once`, lines.at(-1));
  }
  return [...byText.values()].map((repeats) => repeats[0]!);
}

/** Every source line that ends up in the edition. */
export function keptLines(draft: Draft): SourceLine[] {
  const lines: SourceLine[] = [draft.headline.source];
  const units = [draft.deck, ...draft.bylines, ...draft.honors, ...draft.pageCredits, ...draft.orphanCredits];
  for (const unit of units) if (unit) lines.push(unit.source);
  for (const photo of draft.photos) lines.push(...photo.sources);
  for (const section of draft.sections) {
    if (section.band) lines.push(section.band.source);
    for (const paragraph of section.intro) lines.push(...paragraph.sources);
    for (const article of section.articles) {
      lines.push(article.source);
      for (const paragraph of article.paragraphs) lines.push(...paragraph.sources);
    }
  }
  return [...new Set(lines)].sort((a, b) => a.line - b.line);
}

/** One warning per kept line that was cleaned; trimmed indentation is reported once for all lines. */
export function reportLineFixes(draft: Draft, report: Report, stats: CleanStats): void {
  reportFixesOn(keptLines(draft), draft.closedSpaces, report, stats);
}

/** One warning per line that was cleaned (the lines kept, in source order); trimmed indentation is reported once for all lines. */
export function reportFixesOn(lines: readonly SourceLine[], closedSpaces: ReadonlyMap<SourceLine, number>, report: Report, stats: CleanStats): void {
  const trimmed: number[] = [];
  for (const line of lines) {
    const parts: string[] = [];
    const marks = countFixes(line.fixes);
    if (marks > 0) {
      stats.punctuation += marks;
      parts.push(`made half-width punctuation full-width (GB/T 15834): ${describeFixes(line.fixes)}`);
    }
    const closed = closedSpaces.get(line) ?? 0;
    if (closed > 0) parts.push(`removed ${closed} stray space${closed > 1 ? 's' : ''} between Chinese characters`);
    if (line.collapsed) parts.push('collapsed runs of whitespace to one space');
    if (line.controls > 0) parts.push(`removed ${line.controls} control character${line.controls > 1 ? 's' : ''}`);
    if (parts.length > 0) report.warn(line.line, parts.join('; '), undefined, 'punctuation');
    if (line.trimmed) trimmed.push(line.line);
  }
  if (trimmed.length > 0) {
    const shown = trimmed.length > 8 ? `${trimmed.slice(0, 8).join(', ')}, …` : trimmed.join(', ');
    report.warn(trimmed[0]!, `trimmed leading or trailing whitespace on ${trimmed.length} line${trimmed.length > 1 ? 's' : ''} (${shown})`, trimmed.at(-1), 'whitespace');
  }
}
