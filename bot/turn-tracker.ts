// Counts requests in flight so shutdown can stop taking new ones and wait for the running turns to finish.
export class TurnTracker {
  private inFlight = 0;
  private draining = false;
  private waiters: (() => void)[] = [];

  get active(): number {
    return this.inFlight;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  /** Refuses new work from now on; resolves true when in-flight work finished, false when the timeout came first. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
    if (this.inFlight === 0) return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
