/** Which TCP addresses a set of processes listens on, read from /proc (Linux): for "nothing listens beyond loopback". */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Listening TCP sockets of these processes, as `address:port` (IPv4 dotted, IPv6 as 32 hex digits). */
export function listeningAddresses(pids: readonly number[]): string[] {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]!);
      } catch {
        // closed meanwhile
      }
    }
  }
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // st 0A = LISTEN; the inode is the 10th field.
      if (fields.length < 10 || fields[3] !== '0A' || !inodes.has(fields[9]!)) continue;
      const [hex, port] = fields[1]!.split(':') as [string, string];
      const address = hex.length === 8 ? hex.match(/../g)!.reverse().map((byte) => parseInt(byte, 16)).join('.') : hex;
      found.push(`${address}:${parseInt(port, 16)}`);
    }
  }
  return found;
}

/** IPv4 127.0.0.0/8, or IPv6 ::1 as /proc prints it. */
export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address.startsWith('00000000000000000000000001000000:');
}
