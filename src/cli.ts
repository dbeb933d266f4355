/**
 * The command line: parses arguments, calls the same API the tests, preview
 * and batch use, prints results and errors. No pipeline logic lives here.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FOLIO_ROOT } from './defaults.ts';
import { build } from './pipeline.ts';
import type { StartedChromium } from './paginate/chromium-process.mjs';
import { editionJsonSchema } from './content/json-schema.ts';
import { registerImportCommand } from './content/import/import.ts';
import { registerPreflightCommand } from './preflight/command.ts';
import { registerPreviewCommand } from './preview/server.ts';
import { registerBatchCommand } from './batch/command.ts';
import { describeError, exitCodeOf } from './errors.ts';

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

interface RenderOptions {
  output?: string;
  html?: string;
  png?: boolean;
  templates?: string;
  timeout?: number;
  press?: boolean;
  gray?: boolean;
  timings?: boolean;
}

function folioVersion(): string {
  return (JSON.parse(readFileSync(path.join(FOLIO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('give a number of seconds greater than 0');
  return seconds;
}

function createProgram(context: CliContext): Command {
  const program = new Command('folio')
    .description('Lays out newspaper pages for print: edition YAML → Handlebars → Paged.js → press-ready PDF.')
    .option('--debug', 'print stack traces with errors')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('render')
    .description('Render an edition to a print-ready PDF.')
    .argument('<edition>', 'edition folder (containing edition.yaml) or an edition .yaml file')
    .option('-o, --output <file>', 'PDF to write (default: output/<edition id>.pdf)')
    .option('--html <file>', 'also write the exact HTML that went to the browser')
    .option('--png', 'also write a PNG preview beside the PDF')
    .option('--templates <dir>', "Handlebars templates to use instead of Folio's own (layouts/page.hbs and partials/)")
    .option('--timeout <seconds>', 'longest wait for Paged.js to paginate the page (default 60)', parseSeconds)
    .option('--press', 'also write <name>.press.pdf for the printer: newsprint CMYK, PDF/X-3, black text and rules as pure K')
    .option('--gray', 'make the press PDF gray, for black-and-white pages (implies --press)')
    .option('--timings', 'print the time each stage took')
    .action(async (edition: string, options: RenderOptions) => {
      const result = await build({
        input: edition,
        output: options.output,
        htmlOutput: options.html,
        png: options.png,
        templatesDir: options.templates,
        timeouts: options.timeout === undefined ? undefined : { paginateMs: options.timeout * 1000 },
        press: options.press,
        gray: options.gray,
        startedChromium: context.startedChromium,
      });
      const total = Object.entries(result.timings).filter(([stage]) => !stage.includes('.')).reduce((sum, [, ms]) => sum + ms, 0);
      console.log(`wrote ${relative(result.pdfPath)} (${result.pages} page${result.pages === 1 ? '' : 's'}, ${(total / 1000).toFixed(2)} s)`);
      if (result.htmlPath) console.log(`wrote ${relative(result.htmlPath)}`);
      if (result.pngPath) console.log(`wrote ${relative(result.pngPath)}`);
      const a = result.fit.arrangement;
      console.log(`fit: ${result.fit.rounds} round(s); gallery ${a.galleryLines} lines; ` +
        a.sections.map((s) => `「${s.name}」 ${s.lines} lines in ${s.textColumns} columns`).join(', ') +
        (a.blankLines ? `; ${a.blankLines} blank lines` : ''));
      if (result.press) {
        const press = result.press;
        console.log(`wrote ${relative(press.output)} (${press.pdfx}, ${press.colour}, max ink ${press.ink.maxPercent}% of ${press.ink.limitPercent}%)`);
        for (const warning of press.warnings) console.error(`warning: press: ${warning}`);
      }
      if (options.timings) {
        console.log(`timings: ${Object.entries(result.timings).map(([stage, ms]) => `${stage} ${ms} ms`).join(', ')}`);
      }
      console.log(`preflight: ${relative(result.preflightPath)}${result.pressPreflightPath ? `, ${relative(result.pressPreflightPath)}` : ''}`);
      for (const warning of result.warnings) console.error(`warning: ${warning}`);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of edition files (for editor autocompletion).')
    .action(() => {
      console.log(JSON.stringify(editionJsonSchema(), null, 2));
    });

  registerImportCommand(program);
  registerPreflightCommand(program);
  registerPreviewCommand(program);
  registerBatchCommand(program, context);

  program.version(folioVersion(), '--version', 'print the version of Folio');
  return program;
}

export interface CliContext {
  /** The Chromium bin/folio.js started for `render` or `batch` while Folio loaded. */
  startedChromium?: StartedChromium;
}

/** Runs the CLI and returns the exit code: 0 ok, 2 bad input, 1 failure. */
export async function main(argv: string[], context: CliContext = {}): Promise<number> {
  const program = createProgram(context);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.help' ? 0 : 2;
    }
    const debug = argv.includes('--debug');
    console.error(describeError(error, debug));
    return exitCodeOf(error);
  }
}
