import type { HttpClient } from './http.js';

/** getaddrinfo's answers when a name cannot be resolved, however the HTTP library wrapped them. */
const DNS_FAILURES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const HOSTS_NAMED = 3;

export interface WatchedClient {
  client: HttpClient;
  /** Why nothing could be checked (no host answered at all), or undefined when the network was there. */
  unreachable(): string | undefined;
  /** Stops the stall clock (which keeps the process alive while it runs): call it when the run is over. */
  stop(): void;
}

/**
 * Wraps a client to tell "the evidence is broken" from "there is no network". The run has no network
 * when no request got any answer and either every failure was a DNS lookup, or nothing answered within
 * `stallMs` of the first request: then every request still waiting, or not yet sent, fails at once,
 * so a dead network costs one timeout rather than one per URL.
 */
export function watchNetwork(inner: HttpClient, stallMs?: number): WatchedClient {
  let answered = false;
  let otherFailures = 0;
  const dnsFailures = new Map<string, string>();
  let down: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let giveUp: (error: Error) => void = () => undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    giveUp = reject;
  });
  stalled.catch(() => undefined);

  const startClock = () => {
    if (timer || stallMs === undefined || answered) return;
    timer = setTimeout(() => {
      if (answered) return;
      down = `no host answered within ${stallMs / 1000}s`;
      giveUp(new Error(`not checked: ${down}`));
    }, stallMs);
  };

  const client: HttpClient = {
    get: async (url, request) => {
      if (down) throw new Error(`not checked: ${down}`);
      startClock();
      try {
        const response = await Promise.race([inner.get(url, request), stalled]);
        answered = true;
        clearTimeout(timer);
        return response;
      } catch (error) {
        const code = dnsCode(error);
        if (code) dnsFailures.set(url.hostname, code);
        else if (!down) otherFailures++;
        throw error;
      }
    },
    close: async () => {
      clearTimeout(timer);
      await inner.close();
    },
  };

  return {
    client,
    stop: () => clearTimeout(timer),
    unreachable: () => {
      if (answered) return undefined;
      if (down) return down;
      if (dnsFailures.size === 0 || otherFailures > 0) return undefined;
      const hosts = [...dnsFailures.keys()].sort();
      const named = hosts.slice(0, HOSTS_NAMED).join(', ');
      const more = hosts.length > HOSTS_NAMED ? ` and ${hosts.length - HOSTS_NAMED} more` : '';
      const codes = [...new Set(dnsFailures.values())].join(', ');
      return `the DNS lookup failed for every host (${named}${more}: ${codes})`;
    },
  };
}

function dnsCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 6; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && DNS_FAILURES.has(code)) return code;
  }
  return undefined;
}
