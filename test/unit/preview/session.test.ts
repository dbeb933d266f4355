/** Preview rebuilds: one at a time, bursts folded together, errors kept beside the last good page. */
import { describe, expect, it } from 'vitest';
import { ContentError, describeError } from '../../../src/errors.ts';
import type { PreviewPage } from '../../../src/preview/build-page.ts';
import { PreviewSession } from '../../../src/preview/session.ts';

const page = (html: string): PreviewPage => ({
  id: 'test',
  title: 'Test',
  html,
  report: { rounds: 1, totalLines: 104, blankLines: 0, modules: [], adjustments: [] },
  warnings: [],
  findings: [],
  timings: {},
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PreviewSession', () => {
  it('folds saves made during a build into one follow-up build', async () => {
    const gate = deferred();
    let builds = 0;
    const session = new PreviewSession(async () => {
      builds += 1;
      if (builds === 1) await gate.promise;
      return page(`<p>${builds}</p>`);
    }, () => {});
    const first = session.rebuild('first build');
    void session.rebuild('a changed');
    void session.rebuild('b changed');
    const last = session.rebuild('c changed');
    gate.resolve();
    await Promise.all([first, last]);
    expect(builds).toBe(2);
    expect(session.page).toBe('<p>2</p>');
    expect(session.state).toMatchObject({ status: 'ok', pageVersion: 2, reason: 'c changed' });
    await session.close();
  });

  it('keeps the last good page under an error, with the message the CLI prints, until a build succeeds', async () => {
    const error = new ContentError('invalid YAML: oops', { location: { file: 'edition.yaml', line: 3, column: 5 }, hint: 'fix it' });
    let fail = false;
    const lines: string[] = [];
    const session = new PreviewSession(async () => {
      if (fail) throw error;
      return page('<p>good</p>');
    }, (line) => lines.push(line));
    await session.rebuild('first build');
    fail = true;
    await session.rebuild('edition.yaml changed');
    expect(session.state.status).toBe('error');
    expect(session.state.error).toBe(describeError(error));
    expect(session.state.error).toContain('edition.yaml:3:5: invalid YAML: oops');
    expect(session.state.pageVersion).toBe(1);
    expect(session.page).toBe('<p>good</p>');
    expect(lines.join('\n')).toContain(describeError(error));
    fail = false;
    await session.rebuild('edition.yaml changed');
    expect(session.state).toMatchObject({ status: 'ok', pageVersion: 2 });
    expect(session.state.error).toBeUndefined();
    await session.close();
  });

  it('runs no builds once closed', async () => {
    let builds = 0;
    const session = new PreviewSession(async () => {
      builds += 1;
      return page('');
    }, () => {});
    await session.close();
    await session.rebuild('late save');
    expect(builds).toBe(0);
  });
});
