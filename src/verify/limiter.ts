/** A counting semaphore: at most `size` holders at once, the rest wait in arrival order. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  get idle(): boolean {
    return this.active === 0;
  }
}

/** Limits requests in flight: `total` at once over all hosts, `perHost` at once to any one host. */
export class RequestLimiter {
  private readonly all: Semaphore;
  private readonly hosts = new Map<string, Semaphore>();

  constructor(
    total: number,
    private readonly perHost: number,
  ) {
    this.all = new Semaphore(total);
  }

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const hostSlot = this.hosts.get(host) ?? new Semaphore(this.perHost);
    this.hosts.set(host, hostSlot);
    // Host first, then the global slot: a request never holds a global slot while it waits on its host.
    await hostSlot.acquire();
    await this.all.acquire();
    try {
      return await task();
    } finally {
      this.all.release();
      hostSlot.release();
      if (hostSlot.idle) this.hosts.delete(host);
    }
  }
}
