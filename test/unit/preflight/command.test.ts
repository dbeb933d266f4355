import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { cmyk } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitCodeOf } from '../../../src/errors.ts';
import { PreflightFailedError, registerPreflightCommand } from '../../../src/preflight/command.ts';
import { preflightRenderedPdf, preflightReportPath } from '../../../src/preflight/report.ts';
import { MM, save, sheet, text } from './fixtures.ts';

async function runCommand(...args: string[]): Promise<{ output: string; error?: unknown }> {
  const program = new Command('folio').exitOverride();
  registerPreflightCommand(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await program.parseAsync(['node', 'folio', 'preflight', ...args]);
    return { output: log.mock.calls.map((call) => call.join(' ')).join('\n') };
  } catch (error) {
    return { output: log.mock.calls.map((call) => call.join(' ')).join('\n'), error };
  }
}

async function cleanPdf(name = 'clean'): Promise<string> {
  const target = await sheet();
  target.page.drawRectangle({ x: target.trim[0] + 50 * MM, y: target.trim[1] + 50 * MM, width: 50, height: 50, color: cmyk(0, 0, 0, 1) });
  return save(target.document, name);
}

async function brokenPdf(): Promise<string> {
  const target = await sheet({ boxes: false });
  await text(target, 'small', { size: 4 });
  return save(target.document, 'broken');
}

afterEach(() => vi.restoreAllMocks());

describe('folio preflight', () => {
  it('prints a readable report and succeeds when nothing fails', async () => {
    const { output, error } = await runCommand(await cleanPdf());
    expect(error).toBeUndefined();
    expect(output).toMatch(/^passed: 0 error\(s\), 0 warning\(s\)/m);
    expect(output).toContain('ok   fonts: every font embedded, no Type 3 fonts');
  });

  it('lists the errors with fixes and exits 1 when a check fails', async () => {
    const { output, error } = await runCommand(await brokenPdf());
    expect(error).toBeInstanceOf(PreflightFailedError);
    expect(exitCodeOf(error)).toBe(1);
    expect(output).toContain('error: [boxes] page 1: the page has no TrimBox');
    expect(output).toContain('error: [text-size] page 1, ');
    expect(output).toContain('  fix: ');
    expect(output).toMatch(/^FAILED: \d+ error\(s\)/m);
  });

  it('prints the report as JSON with --json', async () => {
    const { output, error } = await runCommand(await brokenPdf(), '--json', '--edition', 'content/wuzhi-2024');
    expect(error).toBeInstanceOf(PreflightFailedError);
    const report = JSON.parse(output);
    expect(report.ok).toBe(false);
    expect(report.rules.find((rule: { id: string }) => rule.id === 'boxes').status).toBe('failed');
    expect(report.rules.find((rule: { id: string }) => rule.id === 'glyphs').status).toBe('passed');
  });

  it('checks a *.press.pdf as a press file', async () => {
    const { output, error } = await runCommand(await cleanPdf('clean.press'));
    expect(error).toBeInstanceOf(PreflightFailedError);
    expect(output).toContain('(press)');
    expect(output).toContain('FAIL pdfx');
    const { output: asProof } = await runCommand(await cleanPdf('clean.press'), '--no-press');
    expect(asProof).toMatch(/^passed/m);
  });

  it('writes <name>.preflight.json beside the PDF', async () => {
    const pdf = await cleanPdf();
    expect(preflightReportPath('/out/page.press.pdf')).toBe('/out/page.press.preflight.json');
    const { report, reportPath } = await preflightRenderedPdf({ pdf });
    expect(reportPath).toBe(pdf.replace(/\.pdf$/, '.preflight.json'));
    expect(existsSync(reportPath)).toBe(true);
    expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toEqual(report);
  });
});
