/** The `folio batch` command: parses its options, runs the batch, fails (exit 1) naming the editions that failed. */
import { InvalidArgumentError, type Command } from 'commander';
import { FolioError } from '../errors.ts';
import type { StartedChromium } from '../paginate/chromium-process.mjs';
import { addPressOptions, pressSettingsOf, wantsPress, type PressCliOptions } from '../pdf/press/options.ts';
import { runBatch } from './batch.ts';
import { relative } from './summary.ts';

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return jobs;
}

export function registerBatchCommand(program: Command, context: { startedChromium?: StartedChromium } = {}): void {
  const command = program
    .command('batch')
    .description('Render many editions: every */edition.yaml under a folder, or the editions a manifest lists. Unchanged editions are skipped.')
    .argument('<input>', 'a folder of edition folders, or a manifest .yaml (editions:, overrides:, volume:)')
    .option('-o, --output <dir>', 'folder for the PDFs, summary.json and the cache (default: output/)')
    .option('-j, --jobs <n>', 'editions rendered in parallel (default: the number of cores)', parseJobs)
    .option('--volume <file>', 'also merge the editions into one PDF, with a bookmark per edition')
    .option('--force', 'render every edition, even the unchanged ones');
  addPressOptions(command)
    .action(async (input: string, options: PressCliOptions & { output?: string; jobs?: number; volume?: string; force?: boolean }) => {
      const summary = await runBatch({
        input,
        outDir: options.output,
        jobs: options.jobs,
        volume: options.volume,
        force: options.force,
        press: wantsPress(options) ? { gray: options.gray, settings: pressSettingsOf(options) } : undefined,
        isTTY: process.stderr.isTTY === true,
        log: (line) => console.log(line),
        startedChromium: context.startedChromium,
      });
      const problems: string[] = [];
      if (summary.failed.length > 0) {
        problems.push(`${summary.failed.length} of ${summary.counts.total} editions failed: ${summary.failed.join(', ')}`);
      }
      if (summary.volume?.error) problems.push(`the volume was not written: ${summary.volume.error.split('\n')[0]}`);
      if (problems.length > 0) {
        throw new FolioError(problems.join('; '), { hint: `each failure is listed above and in ${relative(summary.summaryFile)}` });
      }
    });
}
