/**
 * Which Host headers the preview answers, and which addresses to print
 * (issue 15, item 5). A page elsewhere that rebinds its DNS name to this
 * machine still sends its own name as Host, so the check stays on when the
 * preview listens beyond loopback: the machine's own names and addresses
 * (os.hostname, os.networkInterfaces) are allowed, plus names the user
 * gives with --allow-host (e.g. a name colleagues reach it by).
 */
import os from 'node:os';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.includes(host);
}

/** `::1` → `[::1]`: IPv6 addresses are bracketed in URLs and Host headers. */
export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** The machine's addresses on each interface (link-local IPv6 left out: a browser cannot open them without a zone). */
function machineAddresses(): { address: string; internal: boolean }[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((entry): entry is os.NetworkInterfaceInfo => entry !== undefined && !entry.address.startsWith('fe80:'))
    .map((entry) => ({ address: entry.address, internal: entry.internal }));
}

/** The names a browser on this machine or another may use to reach a preview listening on `host`. */
function reachableNames(host: string): string[] {
  if (isLoopback(host)) return LOOPBACK_NAMES;
  const hostname = os.hostname();
  const names = [...LOOPBACK_NAMES, hostname, `${hostname}.local`];
  if (WILDCARDS.has(host)) names.push(...machineAddresses().map((entry) => entry.address));
  else names.push(host);
  return [...new Set(names.map((name) => name.toLowerCase()))];
}

/** Host header values accepted: every reachable name and --allow-host name, with the port (and bare, as sent for port 80). */
export function allowedHosts(host: string, port: number, extra: readonly string[] = []): Set<string> {
  const allowed = new Set<string>();
  for (const name of [...reachableNames(host), ...extra.map((name) => name.toLowerCase())]) {
    const inHeader = hostForUrl(name);
    allowed.add(`${inHeader}:${port}`);
    if (port === 80) allowed.add(inHeader);
  }
  return allowed;
}

/** Whether a request's Host header is one the preview answers (names are case-insensitive). */
export function isAllowedHost(allowed: ReadonlySet<string>, header: string | undefined): boolean {
  return allowed.has((header ?? '').toLowerCase());
}

/** URLs a colleague on the network can open: the machine's non-loopback addresses, or the one address listened on. */
export function colleagueUrls(host: string, port: number, extra: readonly string[] = []): string[] {
  if (isLoopback(host)) return [];
  const addresses = WILDCARDS.has(host) ? machineAddresses().filter((entry) => !entry.internal).map((entry) => entry.address) : [host];
  return [...new Set([...extra, os.hostname(), ...addresses])].map((name) => `http://${hostForUrl(name)}:${port}/`);
}
