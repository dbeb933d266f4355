/** The message catalogue: every message in both languages, with the same parameters (issue 15, item 9). */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/i18n/messages.ts';
import { formatMessage, localeFromArgv, localeFromEnv, placeholdersOf, t } from '../../../src/i18n/locale.ts';

describe('message catalogue', () => {
  it('has every message in English and Chinese with the same placeholders', () => {
    const mismatched = Object.entries(MESSAGES)
      .filter(([, message]) => !message.en.trim() || !message.zh.trim() || placeholdersOf(message.en).join() !== placeholdersOf(message.zh).join())
      .map(([id]) => id);
    expect(mismatched).toEqual([]);
  });

  it('writes Chinese messages in Chinese', () => {
    // A message copied over untranslated would have no CJK character at all.
    const untranslated = Object.entries(MESSAGES)
      .filter(([, message]) => !/[\u3400-\u9fff]/.test(message.zh) && /[a-z]{3}/i.test(message.en.replace(/\{[^}]*\}/g, '')))
      .map(([id]) => id);
    expect(untranslated).toEqual([]);
  });

  it('fills parameters and English plurals', () => {
    expect(formatMessage('{n} {n|page|pages}', { n: 1 })).toBe('1 page');
    expect(formatMessage('{n} {n|page|pages}', { n: 3 })).toBe('3 pages');
    expect(t('cli.wrote', { file: 'a.pdf' }, 'zh')).toBe('已写入 a.pdf');
    expect(t('cli.wrote', { file: 'a.pdf' }, 'en')).toBe('wrote a.pdf');
  });

  it('follows --lang, then LC_ALL, LC_MESSAGES and LANG', () => {
    expect(localeFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(localeFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeFromEnv({})).toBe('en');
    expect(localeFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(localeFromArgv(['render', '--lang', 'zh', 'x'])).toBe('zh');
    expect(localeFromArgv(['render', '--lang=en'])).toBe('en');
    expect(localeFromArgv(['render'])).toBeUndefined();
  });
});
