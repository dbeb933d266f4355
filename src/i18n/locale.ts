/**
 * The language Folio speaks (issue 15, item 9): `--lang en|zh`, else the
 * POSIX locale variables in their order of precedence (LC_ALL, LC_MESSAGES,
 * LANG: the first one set decides), zh* → Chinese, anything else → English.
 * `t(id, params)` looks a message up in the one catalogue (messages.ts).
 */
import { MESSAGES, type MessageId } from './messages.ts';

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

export type MessageParams = Readonly<Record<string, string | number>>;

/** The locale the environment asks for (`LANG=zh_CN.UTF-8` → zh). */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): Locale {
  const chosen = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return chosen !== undefined && /^zh/i.test(chosen) ? 'zh' : 'en';
}

/** `--lang zh`, `--lang=zh`, `--lang zh-CN` → zh; undefined when argv does not choose. */
export function localeFromArgv(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return parseLocale(value);
  }
  return undefined;
}

/** `zh`, `zh-CN`, `zh_CN.UTF-8` → zh; `en…` → en; anything else undefined. */
export function parseLocale(value: string): Locale | undefined {
  if (/^zh/i.test(value)) return 'zh';
  if (/^en/i.test(value)) return 'en';
  return undefined;
}

// One process speaks one language: the CLI sets it once, before any message is made.
let current: Locale = localeFromEnv();

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/**
 * The message `id` in the current (or the given) locale, with `{name}`
 * replaced by params.name and `{n|one|other}` by `one` when params.n is 1,
 * else `other` (English plurals; Chinese needs none).
 */
export function t(id: MessageId, params: MessageParams = {}, locale: Locale = current): string {
  return formatMessage(MESSAGES[id][locale], params);
}

export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one !== undefined) return Number(value) === 1 ? one : other!;
    return String(value);
  });
}

/** The placeholder names a message uses, for the catalogue test. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((match) => match[1]!))].sort();
}

/** The messages whose id starts with `prefix`, in one locale: the preview's browser page gets its own. */
export function messagesFor(prefix: string, locale: Locale = current): Record<string, string> {
  return Object.fromEntries(
    Object.entries(MESSAGES)
      .filter(([id]) => id.startsWith(prefix))
      .map(([id, message]) => [id, message[locale]]),
  );
}
