/**
 * The preview shell's HTML in the user's language (issue 15, item 9):
 * `{{id}}` in client/shell.html becomes the message, and the messages the
 * shell's scripts show (toolbar status, report panel) go in a JSON element,
 * which the page's CSP lets no one execute.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getLocale, messagesFor, t } from '../i18n/locale.ts';
import type { MessageId } from '../i18n/messages.ts';
import { CLIENT_DIR } from './asset-roots.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function renderShell(): Promise<string> {
  const template = await readFile(path.join(CLIENT_DIR, 'shell.html'), 'utf8');
  const messages = JSON.stringify({ ...messagesFor('preview.shell.'), ...messagesFor('preview.report.') }).replaceAll('<', '\\u003c');
  return template.replace(/\{\{([\w.]+)\}\}/g, (whole, id: string) => {
    if (id === 'lang') return getLocale() === 'zh' ? 'zh-CN' : 'en';
    if (id === 'messages') return messages;
    return id.startsWith('preview.') ? escapeHtml(t(id as MessageId)) : whole;
  });
}
