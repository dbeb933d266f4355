/**
 * The `--queue` argument: a Redis URL, redis://[user:password@]host:port[/db]
 * (rediss:// for TLS). Parsed at the edge, before anything connects; the
 * password never appears in messages or in summary.json.
 */
import { InvalidArgumentError } from 'commander';
import { t } from '../i18n/locale.ts';

export interface QueueAddress {
  /** The URL as messages show it, without a password. */
  url: string;
  /** ioredis connection options, as BullMQ takes them. */
  connection: { host: string; port: number; db: number; username?: string; password?: string; tls?: object };
}

export function parseQueueAddress(value: string): QueueAddress {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(t('queue.badUrl'));
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new InvalidArgumentError(t('queue.badProtocol', { protocol: url.protocol }));
  if (!url.hostname) throw new InvalidArgumentError(t('queue.noHost'));
  const db = url.pathname === '' || url.pathname === '/' ? 0 : Number(url.pathname.slice(1));
  if (!Number.isInteger(db) || db < 0) throw new InvalidArgumentError(t('queue.badDb', { db: url.pathname.slice(1) }));
  const port = url.port === '' ? 6379 : Number(url.port);
  // URL keeps the brackets of an IPv6 host; ioredis wants the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const shown = new URL(url.href);
  shown.password = '';
  return {
    url: shown.href.replace(/\/$/, ''),
    connection: {
      host,
      port,
      db,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}
