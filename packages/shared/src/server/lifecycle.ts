import { flushTelemetry } from '../telemetry/tracing';
import type { Logger } from '../logger';

/** Things to stop, in reverse order of starting (the composition root's shutdown). */
export class Lifecycle {
  private readonly stops: { name: string; stop: () => Promise<void> | void }[] = [];

  add(name: string, stop: () => Promise<void> | void): void {
    this.stops.push({ name, stop });
  }

  async stopAll(log?: Logger): Promise<void> {
    while (this.stops.length > 0) {
      const { name, stop } = this.stops.pop()!;
      try {
        log?.debug({ part: name }, 'stopping');
        await stop();
      } catch (error) {
        log?.error({ err: error, part: name }, 'error while stopping');
      }
    }
  }
}

let signalled = false;

/** True once SIGTERM or SIGINT started the shutdown: servers then drain before they close (closeServer). */
export function stoppingOnSignal(): boolean {
  return signalled;
}

/**
 * Runs until SIGTERM or SIGINT, then shuts down gracefully. An error during start-up exits
 * with 1 (never 0: a supervisor must see a crash).
 */
export function runUntilSignal(log: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    signalled = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    stop().then(
      () => flushTelemetry().then(() => process.exit(0)),
      (error: unknown) => {
        log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

export function exitOnStartupFailure(log: Logger | undefined, error: unknown): never {
  if (log) log.fatal({ err: error }, 'failed to start');
  else process.stderr.write(`Failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
