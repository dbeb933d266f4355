/**
 * Live progress. On a terminal: one bar, redrawn in place (editions running,
 * done/total, failures, ETA), with failures printed above it as they happen.
 * Elsewhere (CI logs, pipes): one plain line per edition as it finishes.
 */
import { firstErrorLine, pad, seconds, statusLabel, type EditionSummary } from './summary.ts';
import { t } from '../i18n/locale.ts';

export interface ProgressOptions {
  total: number;
  /** Editions that will be rendered (the ETA counts only those). */
  toRender: number;
  isTTY: boolean;
  /** Permanent lines. */
  log: (line: string) => void;
  /** Raw terminal output for the bar (TTY only). */
  write: (text: string) => void;
  columns?: number;
  now?: () => number;
}

const BAR_WIDTH = 20;
/** The status column of a plain progress line: as wide as `unchanged`. */
const STATUS_COLUMNS = 9;

export class Progress {
  private done = 0;
  private failures = 0;
  private rendersDone = 0;
  private readonly running: string[] = [];
  private readonly startedAt: number;
  private barShown = false;
  private readonly options: ProgressOptions;
  private readonly now: () => number;

  constructor(options: ProgressOptions) {
    this.options = options;
    this.now = options.now ?? (() => performance.now());
    this.startedAt = this.now();
  }

  started(id: string): void {
    this.running.push(id);
    this.draw();
  }

  finished(edition: EditionSummary): void {
    const index = this.running.indexOf(edition.id);
    if (index >= 0) this.running.splice(index, 1);
    this.done += 1;
    if (edition.attempts > 0) this.rendersDone += 1;
    if (edition.status === 'failed') this.failures += 1;
    if (!this.options.isTTY) this.options.log(this.plainLine(edition));
    else if (edition.status === 'failed') this.note(this.plainLine(edition));
    else this.draw();
  }

  /** A permanent line; on a terminal it goes above the bar. */
  note(line: string): void {
    this.clear();
    this.options.log(line);
    this.draw();
  }

  /** Removes the bar before the summary. */
  end(): void {
    this.clear();
  }

  plainLine(edition: EditionSummary): string {
    const count = `[${String(this.done).padStart(String(this.options.total).length)}/${this.options.total}]`;
    if (edition.status === 'failed') {
      const retried = edition.attempts > 1 ? t('batch.afterAttempts', { attempts: edition.attempts }) : '';
      return `${count} ${pad(statusLabel('failed'), STATUS_COLUMNS)} ${edition.id}${retried}: ${firstErrorLine(edition.error)}`;
    }
    const pages = edition.pages === null ? '' : t('batch.pagesPart', { pages: edition.pages });
    const warnings = edition.warnings.length ? t('batch.warningsPart', { count: edition.warnings.length }) : '';
    const retried = edition.attempts > 1 ? t('batch.retriedAfterCrash') : '';
    const status = pad(statusLabel(edition.status), STATUS_COLUMNS);
    const time = edition.status === 'rendered' ? ` ${seconds(edition.timeMs)}` : '';
    return `${count} ${status} ${edition.id}${time}${pages}${warnings}${retried}`;
  }

  /** The bar's text (without control sequences). */
  barText(): string {
    const { total, toRender } = this.options;
    const filled = total === 0 ? BAR_WIDTH : Math.round((this.done / total) * BAR_WIDTH);
    const parts = [`[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${this.done}/${total}`];
    if (this.failures) parts.push(t('batch.barFailed', { count: this.failures }));
    const remaining = toRender - this.rendersDone;
    if (remaining > 0) parts.push(t('batch.eta', { time: this.rendersDone === 0 ? '…' : clock(((this.now() - this.startedAt) / this.rendersDone) * remaining) }));
    if (this.running.length) parts.push(t('batch.rendering', { ids: this.running.join(', ') }));
    return parts.join(' · ');
  }

  private draw(): void {
    if (!this.options.isTTY) return;
    const columns = Math.max(20, (this.options.columns ?? 100) - 1);
    const text = this.barText();
    this.options.write(`\r\x1b[2K${text.length > columns ? `${text.slice(0, columns - 1)}…` : text}`);
    this.barShown = true;
  }

  private clear(): void {
    if (!this.barShown) return;
    this.options.write('\r\x1b[2K');
    this.barShown = false;
  }
}

function clock(ms: number): string {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, '0')}`;
}
