/**
 * The `--queue` argument: a Redis URL, redis://[user:password@]host:port[/db]
 * (rediss:// for TLS). Parsed at the edge, before anything connects; the
 * password never appears in messages or in summary.json.
 */
import { InvalidArgumentError } from 'commander';

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
    throw new InvalidArgumentError('expected a Redis URL such as redis://127.0.0.1:6379 or redis://host:6379/2');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new InvalidArgumentError(`expected redis:// or rediss://, not ${url.protocol}//`);
  if (!url.hostname) throw new InvalidArgumentError('the Redis URL names no host');
  const db = url.pathname === '' || url.pathname === '/' ? 0 : Number(url.pathname.slice(1));
  if (!Number.isInteger(db) || db < 0) throw new InvalidArgumentError(`the database after the port must be a whole number, not "${url.pathname.slice(1)}"`);
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
