import { describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumArguments } from '../../../src/paginate/chromium-process.mjs';

describe('chromiumArguments', () => {
  const args = chromiumArguments({ profile: '/tmp/folio-chromium-x' });

  it("holds Folio's pinned flags, its profile and the protocol pipe, and opens a blank tab", () => {
    for (const flag of CHROMIUM_FLAGS) expect(args).toContain(flag);
    expect(args).toContain('--user-data-dir=/tmp/folio-chromium-x');
    expect(args).toContain('--remote-debugging-pipe');
    expect(args).toContain('--headless=new');
    expect(args.at(-1)).toBe('about:blank');
    expect(args.some((arg) => arg.startsWith('--remote-debugging-port'))).toBe(false);
  });

  it('gives one --disable-features list, with the preloaded address-bar popup turned off', () => {
    const lists = args.filter((arg) => arg.startsWith('--disable-features='));
    expect(lists).toHaveLength(1);
    const features = lists[0]!.slice('--disable-features='.length).split(',');
    expect(features).toEqual(expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'Translate']));
  });

  it('listens on a local port too when shareable', () => {
    expect(chromiumArguments({ profile: '/p', shareable: true })).toContain('--remote-debugging-port=0');
  });

  it('has no flag twice', () => {
    expect(new Set(args).size).toBe(args.length);
  });
});
