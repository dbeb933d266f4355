/**
 * Every message Folio prints or shows, in English and Chinese, keyed by id
 * (issue 15, item 9). `{name}` is a parameter; `{n|one|other}` picks an
 * English plural by n. Ids are grouped by where the message appears: cli.*
 * (the terminal), preview.* (the proofing page in the browser), preflight.*
 * (the preflight report). test/unit/i18n checks that every message has both
 * languages with the same parameters. Add new messages here, never inline.
 */
import { CLI_MESSAGES } from './messages-cli.ts';
import { PREVIEW_MESSAGES } from './messages-preview.ts';
import { PREFLIGHT_MESSAGES } from './messages-preflight.ts';
import { ISSUE_MESSAGES } from './messages-issue.ts';
import { ERROR_MESSAGES } from './messages-errors.ts';
import { QUEUE_MESSAGES } from './messages-queue.ts';
import { HELP_MESSAGES } from './messages-help.ts';

export interface Message {
  en: string;
  zh: string;
}

export const MESSAGES = { ...CLI_MESSAGES, ...PREVIEW_MESSAGES, ...PREFLIGHT_MESSAGES, ...ISSUE_MESSAGES, ...ERROR_MESSAGES, ...QUEUE_MESSAGES, ...HELP_MESSAGES } satisfies Record<string, Message>;

export type MessageId = keyof typeof MESSAGES;
