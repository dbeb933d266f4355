import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseQueueAddress } from '../../../src/queue/address.ts';

describe('parseQueueAddress', () => {
  it('reads host, port and database, with Redis defaults for the ones left out', () => {
    expect(parseQueueAddress('redis://127.0.0.1:6380/2')).toEqual({ url: 'redis://127.0.0.1:6380/2', connection: { host: '127.0.0.1', port: 6380, db: 2 } });
    expect(parseQueueAddress('redis://queue.local').connection).toEqual({ host: 'queue.local', port: 6379, db: 0 });
    expect(parseQueueAddress('redis://[::1]:7000').connection).toMatchObject({ host: '::1', port: 7000 });
    expect(parseQueueAddress('rediss://h:1/0').connection).toMatchObject({ tls: {} });
  });

  it('keeps the password for the connection and out of the URL it shows', () => {
    const address = parseQueueAddress('redis://folio:s%40cret@10.0.0.5:6379/1');
    expect(address.connection).toMatchObject({ username: 'folio', password: 's@cret' });
    expect(address.url).toBe('redis://folio@10.0.0.5:6379/1');
    expect(parseQueueAddress('redis://:pw@h:1').url).not.toContain('pw');
  });

  it('refuses what is not a Redis URL, as a usage error', () => {
    for (const bad of ['127.0.0.1:6379', 'http://h:6379', 'redis://h:6379/x', 'redis://h:6379/-1']) {
      expect(() => parseQueueAddress(bad), bad).toThrow(InvalidArgumentError);
    }
  });
});
