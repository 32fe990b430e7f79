import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { isPublicAddress } from './address.js';

/** A request aimed, directly or through DNS, at an address that is not public. */
export class BlockedAddressError extends Error {
  readonly code = 'PGCHECK_BLOCKED_ADDRESS';
  constructor(host: string, address: string) {
    super(
      address === host
        ? `refused: ${host} is not a public address (use --allow-private-network to allow it)`
        : `refused: ${host} resolves to ${address}, not a public address (use --allow-private-network to allow it)`,
    );
  }
}

/** Refuses a URL whose host is itself a non-public IP literal (no DNS lookup happens for those). */
export function checkLiteralHost(url: URL): void {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0 && !isPublicAddress(host)) throw new BlockedAddressError(host, host);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect that resolves the name and refuses it when any address it resolves
 * to is not public. The socket connects to exactly the addresses checked here, so the name cannot
 * be re-resolved elsewhere between the check and the connection (DNS rebinding).
 */
export function publicOnlyLookup(
  hostname: string,
  options: { all?: boolean; family?: number | string },
  callback: LookupCallback,
): void {
  dnsLookup(hostname, { ...options, all: true } as { all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
    if (blocked)
      return callback(Object.assign(new BlockedAddressError(hostname, blocked.address), { errno: undefined }), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

/** The BlockedAddressError behind an error, however deeply the HTTP library wrapped it. */
export function blockedCause(error: unknown): BlockedAddressError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof BlockedAddressError) return current;
  }
  return undefined;
}
