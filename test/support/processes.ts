import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, freePort, TEST_SECRET } from '@reglament/shared/testing';
import { TEST_JWT_SECRET } from './system';

const ROOT = join(__dirname, '..', '..');

export type PartName = 'tickets' | 'sla' | 'contracts' | 'notifications' | 'gateway';
const ENTRY: Record<PartName, string> = {
  tickets: 'services/tickets/src/main.ts',
  sla: 'services/sla/src/main.ts',
  contracts: 'services/contracts/src/main.ts',
  notifications: 'services/notifications/src/main.ts',
  gateway: 'gateway/src/main.ts',
};

/**
 * One part as its own operating-system process (`node --import tsx <part>/src/main.ts`, as the
 * compose file runs it), on a fixed port so that a restart comes back where the gateway looks.
 */
export class PartProcess {
  private child: ChildProcess | null = null;
  private log = '';

  constructor(
    readonly part: PartName,
    readonly port: number,
    private readonly env: Record<string, string>,
    /** Node's own options before the script (e.g. `--cpu-prof`, which NODE_OPTIONS may not carry). */
    private readonly nodeArgs: string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  /** Everything the process printed since it was last started. */
  get output(): string {
    return this.log;
  }

  /** Starts it and waits until `/readyz` answers 200. */
  async start(): Promise<void> {
    this.log = '';
    // Nothing may answer on the port before: a leftover would pass the readiness check for it.
    await eventually(async () => !(await fetch(`http://127.0.0.1:${this.port}/healthz`).catch(() => null)), {
      timeoutMs: 10_000,
      message: `something still answers on :${this.port}`,
    });
    // node itself with tsx as its loader (as docker-compose.yml runs a part), not the tsx CLI: the
    // CLI is a second process, and a SIGKILL sent to it would leave the part running.
    const child = spawn(process.execPath, [...this.nodeArgs, '--import', 'tsx', join(ROOT, ENTRY[this.part])], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env },
    });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${this.part} exited ${child.exitCode}: ${this.log.slice(-1500)}`);
        const ready = await fetch(`http://127.0.0.1:${this.port}/readyz`).catch(() => null);
        return ready?.status === 200;
      },
      { timeoutMs: 120_000, intervalMs: 200, message: `${this.part} on :${this.port} did not become ready` },
    );
  }

  /** Sends a signal and waits for the exit code (SIGKILL: a crash; SIGTERM: a graceful stop). */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    this.child = null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }
}

/** One copy of every part and a gateway that routes to them. */
export interface ReplicaSet {
  parts: Record<Exclude<PartName, 'gateway'>, PartProcess>;
  gateway: PartProcess;
}

export interface DistributedSystem {
  sets: ReplicaSet[];
  /** The first set's gateway. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The distributed mode on real PostgreSQL and NATS: every part its own process, `replicas`
 * copies of each, and a gateway per copy routing to its own copy of every part (so a restart
 * of one copy is seen through one gateway while the other keeps serving). All share the
 * database and the streams; TEST_CLOCK=1 moves every process's clock together.
 */
export async function startDistributed(options: {
  databaseUrl: string;
  natsUrl: string;
  eventPrefix: string;
  replicas?: number;
  /** Extra environment per part (benchmarks: rate limits out of the way, NODE_OPTIONS to profile). */
  env?: Partial<Record<PartName, Record<string, string>>>;
  /** Node options per part, before the script (benchmarks: `--cpu-prof`). */
  nodeArgs?: Partial<Record<PartName, string[]>>;
}): Promise<DistributedSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rgl-dist-'));
  const common = {
    DATABASE_URL: options.databaseUrl,
    NATS_URL: options.natsUrl,
    EVENT_PREFIX: options.eventPrefix,
    INTERNAL_SECRET: TEST_SECRET,
    JWT_SECRET: TEST_JWT_SECRET,
    TEST_CLOCK: '1',
    LOG_LEVEL: 'warn',
  };
  const sets: ReplicaSet[] = [];
  for (let i = 0; i < (options.replicas ?? 1); i++) {
    const part = async (name: Exclude<PartName, 'gateway'>) => {
      const port = await freePort();
      return new PartProcess(
        name,
        port,
        {
          ...common,
          [`${name.toUpperCase()}_PORT`]: String(port),
          ...options.env?.[name],
        },
        options.nodeArgs?.[name],
      );
    };
    const parts = {
      tickets: await part('tickets'),
      sla: await part('sla'),
      contracts: await part('contracts'),
      notifications: await part('notifications'),
    };
    const gatewayPort = await freePort();
    const gateway = new PartProcess(
      'gateway',
      gatewayPort,
      {
        NATS_URL: options.natsUrl,
        EVENT_PREFIX: options.eventPrefix,
        INTERNAL_SECRET: TEST_SECRET,
        JWT_SECRET: TEST_JWT_SECRET,
        GATEWAY_PORT: String(gatewayPort),
        DATA_DIR: join(dataDir, `gateway-${i}`),
        LOG_LEVEL: 'warn',
        ...Object.fromEntries(Object.values(parts).map((p) => [`${p.part.toUpperCase()}_URL`, p.url])),
        ...options.env?.gateway,
      },
      options.nodeArgs?.gateway,
    );
    sets.push({ parts, gateway });
  }
  const all = sets.flatMap((set) => [...Object.values(set.parts), set.gateway]);
  try {
    // The first set first (it runs the migrations), then the others beside it.
    await Promise.all(Object.values(sets[0]!.parts).map((p) => p.start()));
    await Promise.all(sets.slice(1).flatMap((set) => Object.values(set.parts).map((p) => p.start())));
    await Promise.all(sets.map((set) => set.gateway.start()));
  } catch (error) {
    await Promise.all(all.map((p) => p.stop('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    sets,
    url: sets[0]!.gateway.url,
    stop: async () => {
      await Promise.all(all.map((p) => p.stop('SIGTERM')));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs an operation to a gateway; returns the whole answer (data and errors). */
export async function post<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
