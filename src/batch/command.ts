/** The `folio batch` command: parses its options, runs the batch, fails (exit 1) naming the editions that failed. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { FolioError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import type { StartedChromium } from '../paginate/chromium-process.mjs';
import { addPressOptions, pressSettingsOf, wantsPress, type PressCliOptions } from '../pdf/press/options.ts';
import { runBatch } from './batch.ts';
import type { PressRequest } from './render-edition.ts';
import { relative, type BatchSummary } from './summary.ts';

/** How `--queue` runs the batch: on workers behind a queue (src/queue, given by the CLI so that batch never imports it). */
export interface QueuedBatch<Address = unknown> {
  /** Parses the --queue argument (commander reports a bad one as a usage error). */
  parse(value: string): Address;
  run(options: { input: string; outDir?: string; volume?: string; force?: boolean; press?: PressRequest; isTTY: boolean; log: (line: string) => void; queue: Address }): Promise<BatchSummary>;
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidArgumentError(t('cli.badJobs'));
  return jobs;
}

export function registerBatchCommand(program: Command, context: { startedChromium?: StartedChromium; queued?: QueuedBatch } = {}): void {
  const command = program
    .command('batch')
    .description(t('help.batch'))
    .argument('<input>', t('help.batchInput'))
    .option('-o, --output <dir>', t('help.batchOutput'))
    .option('-j, --jobs <n>', t('help.batchJobs'), parseJobs)
    .option('--volume <file>', t('help.volume'))
    .option('--force', t('help.force'))
    .addOption(
      new Option('--queue <url>', t('help.queue'))
        .argParser((value) => (context.queued ? context.queued.parse(value) : value))
        .conflicts('jobs'),
    );
  addPressOptions(command)
    .action(async (input: string, options: PressCliOptions & { output?: string; jobs?: number; volume?: string; force?: boolean; queue?: unknown }) => {
      const common = {
        input,
        outDir: options.output,
        volume: options.volume,
        force: options.force,
        // Local or queued, each edition's press PDF is made and gated as `folio render --press` makes it (issue 20).
        press: wantsPress(options) ? { gray: options.gray, settings: pressSettingsOf(options) } : undefined,
        isTTY: process.stderr.isTTY === true,
        log: (line: string) => console.log(line),
      };
      if (options.queue !== undefined && !context.queued) throw new FolioError('--queue needs the queue commands, which this program did not register');
      const summary = options.queue !== undefined
        ? await context.queued!.run({ ...common, queue: options.queue })
        : await runBatch({ ...common, jobs: options.jobs, startedChromium: context.startedChromium });
      const problems: string[] = [];
      if (summary.failed.length > 0) {
        problems.push(t('batch.editionsFailed', { failed: summary.failed.length, total: summary.counts.total, ids: summary.failed.join(', ') }));
        if (summary.volume && !summary.volume.error) problems.push(t('batch.volumeLeftOut', { file: relative(summary.volume.path) }));
      }
      if (summary.volume?.error) problems.push(t('batch.volumeFailed', { error: summary.volume.error.split('\n')[0]! }));
      if (problems.length > 0) {
        throw new FolioError(problems.join(t('preflight.factSeparator')), { hint: t('batch.failuresHint', { file: relative(summary.summaryFile) }) });
      }
    });
}
