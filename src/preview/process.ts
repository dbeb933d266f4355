/**
 * Process-level parts of `folio preview`: stopping cleanly on Ctrl-C, and
 * opening the preview in the desktop browser.
 */
import { spawn } from 'node:child_process';

/**
 * Stops on Ctrl-C or SIGTERM and resolves when stopped. The listener goes
 * first and starts stopping synchronously: Puppeteer's own listener (added
 * when the browser was launched) kills Chromium and exits the process right
 * after it, so only the synchronous start of stop() is sure to run. That start
 * closes the watchers, the event streams and the listening socket.
 */
export function stopOnSignal(stop: () => Promise<void>): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      void stop().then(() => resolve(signal));
    };
    process.prependListener('SIGINT', on);
    process.prependListener('SIGTERM', on);
  });
}

/** Best effort: the platform's opener when a desktop session is likely, otherwise just the hint. */
export function openInDesktopBrowser(url: string, log: (line: string) => void): void {
  const manual = () => log(`open ${url} in your browser`);
  const opener: [string, string[]] | undefined =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : process.env.DISPLAY || process.env.WAYLAND_DISPLAY
          ? ['xdg-open', [url]]
          : undefined;
  if (!opener) return manual();
  const child = spawn(opener[0], opener[1], { stdio: 'ignore', detached: true });
  child.on('error', manual);
  child.on('exit', (code) => {
    if (code !== 0) manual();
  });
  child.unref();
}
