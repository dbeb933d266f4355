/**
 * The import report as the terminal shows it (issue 15, item 8): first what
 * needs an editor (cut-off paragraphs, guessed structure, dropped repeats),
 * one `file:line: warning: …` each; then each kind of routine fix (punctuation
 * made full-width, whitespace, list markers) summarised in one line with the
 * lines it touched. Every warning stays in the YAML's comments and in the API result.
 */
import { t } from '../../i18n/locale.ts';
import type { MessageId } from '../../i18n/messages.ts';
import type { ImportWarning, RoutineFix } from './assemble.ts';

const ROUTINE_ORDER: readonly RoutineFix[] = ['punctuation', 'whitespace', 'markers'];
const SHOWN_LINES = 8;

export function importReportLines(file: string, warnings: readonly ImportWarning[]): string[] {
  const where = (w: ImportWarning) => (w.endLine !== undefined ? `${w.line}-${w.endLine}` : `${w.line}`);
  const editor = warnings.filter((w) => !w.routine);
  const lines: string[] = [];
  if (editor.length > 0) {
    lines.push(t('import.needsEditor', { count: editor.length }));
    lines.push(...editor.map((w) => t('import.warningLine', { where: `${file}:${where(w)}`, message: w.message })));
  }
  for (const kind of ROUTINE_ORDER) {
    const fixes = warnings.filter((w) => w.routine === kind);
    if (fixes.length === 0) continue;
    const at = fixes.map(where);
    const shown = at.length > SHOWN_LINES ? `${at.slice(0, SHOWN_LINES).join(', ')}, …` : at.join(', ');
    lines.push(`${file}: ${t(`import.routine.${kind}` as MessageId, { count: fixes.length, lines: shown })}`);
  }
  return lines;
}
