/**
 * The `folio preview` command: an edition or page is previewed on its own, an
 * issue folder (issue.yaml inside) as spreads of its pages. Runs until
 * Ctrl-C, then shuts everything down.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { t } from '../i18n/locale.ts';
import { findIssueDir } from '../issue/load.ts';
import { isLoopback } from './allowed-hosts.ts';
import { startIssuePreview } from './issue-preview.ts';
import { openInDesktopBrowser, stopOnSignal } from './process.ts';
import { DEFAULT_PREVIEW_PORT, startPreview } from './server.ts';

interface PreviewCommandOptions {
  port?: number;
  host?: string;
  allowHost: string[];
  open?: boolean;
}

/** The `folio preview` command: runs until Ctrl-C, then shuts everything down. */
export function registerPreviewCommand(program: Command): void {
  program
    .command('preview')
    .description(t('help.preview'))
    .argument('<edition>', t('help.editionArg'))
    .option('-p, --port <port>', t('help.port', { port: DEFAULT_PREVIEW_PORT }), parsePort)
    .option('--host <host>', t('help.host'))
    .option('--allow-host <name>', t('help.allowHost'), (name: string, names: string[]) => [...names, name], [] as string[])
    .option('--open', t('help.open'))
    .action(async (edition: string, options: PreviewCommandOptions, command: Command) => {
      const debug = Boolean(command.optsWithGlobals().debug);
      const log = (line: string) => console.log(line);
      if (options.host !== undefined && !isLoopback(options.host)) {
        console.error(t('preview.exposedWarning', { host: options.host }));
      }
      // An issue folder (issue.yaml inside) is previewed as spreads of its pages.
      const issueDir = await findIssueDir(edition);
      const preview = issueDir
        ? await startIssuePreview({ dir: issueDir, port: options.port, host: options.host, log, debug })
        : await startPreview({ input: edition, port: options.port, host: options.host, allowHosts: options.allowHost, log, debug });
      if (options.open) openInDesktopBrowser(preview.url, log);
      const signal = await stopOnSignal(() => {
        log(t('preview.stopping'));
        return preview.close();
      });
      process.exitCode = signal === 'SIGINT' ? 130 : 143;
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError(t('preview.badPort'));
  return port;
}

/** Relative to the working directory when inside it, as the CLI prints paths. */
