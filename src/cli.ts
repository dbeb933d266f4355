/**
 * The command line: parses arguments, calls the same API the tests, preview
 * and batch use, prints results and errors. No pipeline logic lives here.
 */
import { addPressOptions, pressSettingsOf, wantsPress, type PressCliOptions } from './pdf/press/options.ts';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FOLIO_ROOT, MAX_TIMEOUT_S } from './defaults.ts';
import { build } from './pipeline.ts';
import type { StartedChromium } from './paginate/chromium-process.mjs';
import { editionJsonSchema, pageJsonSchema } from './content/json-schema.ts';
import { registerImportCommand } from './content/import/import.ts';
import { registerPreflightCommand } from './preflight/command.ts';
import { registerPreviewCommand } from './preview/command.ts';
import { registerBatchCommand } from './batch/command.ts';
import { parseQueueAddress, type QueueAddress } from './queue/address.ts';
import { registerQueueCommands, runQueuedBatch } from './queue/command.ts';
import { describeError, exitCodeOf } from './errors.ts';
import { findIssueDir } from './issue/load.ts';
import { runIssueCommand } from './issue/command.ts';
import { captureUsageErrors, formatUsageError, type UsageFailure } from './cli-usage.ts';
import { localeFromArgv, parseLocale, setLocale, t } from './i18n/locale.ts';

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

interface RenderOptions extends PressCliOptions {
  output?: string;
  html?: string;
  png?: boolean;
  templates?: string;
  timeout?: number;
  timings?: boolean;
}

function folioVersion(): string {
  return (JSON.parse(readFileSync(path.join(FOLIO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError(t('cli.badSeconds'));
  // Node's timers overflow past 2³¹−1 ms (24.8 days) and fire at once (issue 16).
  if (seconds > MAX_TIMEOUT_S) throw new InvalidArgumentError(t('cli.tooManySeconds', { max: MAX_TIMEOUT_S }));
  return seconds;
}

function parseLang(value: string): string {
  if (parseLocale(value) === undefined) throw new InvalidArgumentError(t('cli.badLang', { value }));
  return value;
}

function createProgram(context: CliContext): Command {
  const program = new Command('folio')
    .description(t('help.program'))
    .option('--debug', t('cli.optionDebug'))
    .option('--lang <language>', t('cli.optionLang'), parseLang)
    .exitOverride();

  const render = program
    .command('render')
    .description(t('help.render'))
    .argument('<edition>', t('help.editionArg'))
    .option('-o, --output <file>', t('help.renderOutput'))
    .option('--html <file>', t('help.html'))
    .option('--png', t('help.png'))
    .option('--templates <dir>', t('help.templates'))
    .option('--timeout <seconds>', t('help.timeout', { max: MAX_TIMEOUT_S }), parseSeconds)
    .option('--timings', t('help.timings'));
  addPressOptions(render).action(async (edition: string, options: RenderOptions) => {
      // An issue folder (issue.yaml): every page to its plate file, and the issue PDF (issue 18).
      const issueDir = await findIssueDir(edition);
      if (issueDir) return runIssueCommand(issueDir, options, context.startedChromium);
      const result = await build({
        input: edition,
        output: options.output,
        htmlOutput: options.html,
        png: options.png,
        templatesDir: options.templates,
        timeouts: options.timeout === undefined ? undefined : { paginateMs: options.timeout * 1000 },
        press: wantsPress(options),
        gray: options.gray,
        pressSettings: pressSettingsOf(options),
        startedChromium: context.startedChromium,
      });
      const total = Object.entries(result.timings).filter(([stage]) => !stage.includes('.')).reduce((sum, [, ms]) => sum + ms, 0);
      console.log(t('cli.wrotePdf', { file: relative(result.pdfPath), pages: result.pages, seconds: (total / 1000).toFixed(2) }));
      if (result.htmlPath) console.log(t('cli.wrote', { file: relative(result.htmlPath) }));
      if (result.pngPath) console.log(t('cli.wrote', { file: relative(result.pngPath) }));
      if (result.fit) {
        const a = result.fit.arrangement;
        console.log(t('cli.fitSummary', {
          rounds: result.fit.rounds,
          gallery: a.galleryLines,
          sections: a.sections.map((s) => t('cli.fitSection', { name: s.name, lines: s.lines, columns: s.textColumns })).join(t('cli.listSeparator')),
          blank: a.blankLines ? t('cli.fitBlank', { lines: a.blankLines }) : '',
        }));
      }
      // A feature's own fit line says more (gallery, sections, their columns); its arrangement goes to summary.json.
      else if (result.arrangement) {
        const a = result.arrangement;
        console.log(t('cli.pageSummary', {
          count: a.modules.length,
          rounds: a.rounds,
          steps: a.steps,
          ms: a.solveMs,
          modules: a.modules.map((m) => t('cli.pageModule', { id: m.id, columns: m.columns, lines: m.lines })).join(t('cli.listSeparator')),
          blank: a.blankLines ? t('cli.fitBlank', { lines: a.blankLines }) : '',
        }));
      }
      if (result.press) {
        const press = result.press;
        console.log(t('cli.wrotePress', { file: relative(press.output), pdfx: press.pdfx, colour: press.colour, ink: press.ink.maxPercent, limit: press.ink.limitPercent }));
        for (const warning of press.warnings) console.error(t('cli.pressWarning', { message: warning }));
      }
      if (options.timings) {
        console.log(t('cli.timings', { stages: Object.entries(result.timings).map(([stage, ms]) => `${stage} ${ms} ms`).join(', ') }));
      }
      const reports = [result.preflightPath, result.pressPreflightPath].filter((file): file is string => !!file).map(relative);
      console.log(t('cli.preflightFiles', { files: reports.join(', ') }));
      for (const warning of result.warnings) console.error(t('cli.warning', { message: warning }));
    });

  program
    .command('schema')
    .description(t('help.schema'))
    .option('--page', t('help.schemaPage'))
    .action((options: { page?: boolean }) => {
      console.log(JSON.stringify(options.page ? pageJsonSchema() : editionJsonSchema(), null, 2));
    });

  registerImportCommand(program);
  registerPreflightCommand(program);
  registerPreviewCommand(program);
  registerBatchCommand(program, { ...context, queued: { parse: parseQueueAddress, run: (options) => runQueuedBatch({ ...options, queue: options.queue as QueueAddress }) } });
  registerQueueCommands(program);

  program.version(folioVersion(), '-V, --version', t('cli.optionVersion'));
  return program;
}

export interface CliContext {
  /** The Chromium bin/folio.js started for `render` or `batch` while Folio loaded. */
  startedChromium?: StartedChromium;
}

/** Runs the CLI and returns the exit code: 0 ok, 2 bad input, 1 failure. */
export async function main(argv: string[], context: CliContext = {}): Promise<number> {
  // The language is chosen before any message is made, help texts included.
  const chosen = localeFromArgv(argv);
  if (chosen) setLocale(chosen);
  const program = createProgram(context);
  let usageFailure: UsageFailure | undefined;
  captureUsageErrors(program, (failure) => (usageFailure = failure));
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 0;
      if (usageFailure) console.error(formatUsageError(usageFailure));
      return 2;
    }
    const debug = argv.includes('--debug');
    console.error(describeError(error, debug));
    return exitCodeOf(error);
  }
}
