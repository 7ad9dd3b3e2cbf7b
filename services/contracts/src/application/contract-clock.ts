import type { Clock, Logger } from '@reglament/shared/platform';

export interface ClockJob {
  name: string;
  run(): Promise<unknown>;
}

/**
 * What changes by time alone: contract statuses (a contract expires after its end date),
 * prepaid months opening (grants, carry-over, expiry) and old login failures. Runs when the
 * shared clock moves (the test clock's setClock/advanceClock) and periodically (real time);
 * one run at a time, and a move during a run queues exactly one more.
 */
export class ContractClock {
  private running: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly jobs: readonly ClockJob[],
    private readonly log: Logger,
    private readonly intervalMs = 30_000,
  ) {}

  start(): void {
    this.unsubscribe = this.clock.onChange(() => this.poke());
    this.timer = setInterval(() => this.poke(), this.intervalMs);
    this.timer.unref();
    this.poke();
  }

  /** Runs the jobs now (or once more after the current run). */
  poke(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      for (const job of this.jobs) {
        if (this.stopped) return;
        try {
          await job.run();
        } catch (error) {
          this.log.error({ err: error, job: job.name }, 'contracts clock job failed; it runs again on the next tick');
        }
      }
    } while (this.again && !this.stopped);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
