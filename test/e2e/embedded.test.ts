import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, TEST_SECRET } from '@reglament/shared/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readMailDir } from '../../services/notifications/test/support/smtp';
import { adminToken, Seed } from '../support/seed';
import { gatewayAt, subscribe, TEST_JWT_SECRET } from '../support/system';

const ROOT = join(__dirname, '..', '..');

/**
 * The one-command start (`pnpm start`: every part in one process on PGlite and the in-process
 * bus), run as its own process exactly as a user runs it. Tested for itself; it does not
 * replace the real PostgreSQL and NATS of the other suites.
 */
describe('embedded mode: pnpm start (PGlite + in-process bus)', () => {
  let dataDir: string;
  let child: ChildProcess | null = null;
  let url = '';

  let output = '';

  async function start(args: string[] = [], extraEnv: Record<string, string> = {}): Promise<void> {
    // As `pnpm start` runs it: node with tsx as its loader, so a signal reaches the system itself
    // (the tsx CLI relays signals through IPC and SIGKILLs a child that does not confirm within
    // 30 ms: on a loaded machine a graceful stop became exit 143).
    const proc = spawn(process.execPath, ['--import', 'tsx', 'packages/launcher/src/embedded.ts', ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        TEST_CLOCK: '1',
        JWT_SECRET: TEST_JWT_SECRET,
        INTERNAL_SECRET: TEST_SECRET,
        LOG_LEVEL: 'warn',
        ...Object.fromEntries(
          ['GATEWAY', 'TICKETS', 'SLA', 'CONTRACTS', 'NOTIFICATIONS', 'SMTP_IN'].map((p) => [`${p}_PORT`, '0']),
        ),
        ...extraEnv,
      },
    });
    child = proc;
    output = '';
    proc.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A bound, not a measure: a first start is ~15 s on a quiet machine, over 60 s on the shared 2-core one.
    url = await eventually(() => /GraphQL \(HTTP and graphql-ws\): (\S+)/.exec(output)?.[1] ?? null, {
      timeoutMs: 150_000,
      message: 'pnpm start did not print its URL',
    });
    expect(output).toMatch(/Reglament is ready in \d+\.\d s, embedded \(PGlite \+ in-process bus\)/);
  }

  async function stop(): Promise<number | null> {
    const proc = child;
    if (!proc) return null;
    child = null;
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.kill('SIGTERM');
    return exited;
  }

  async function gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'reglament-embedded-'));
  });
  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the demo data with a day of history, plays a demo day, walks the skeleton, keeps its data across a restart and starts clean with --reset', async () => {
    await start();
    const admin = await adminToken(null);
    // The demo data set: a customer under each of the five presets, its tickets in every status
    // (seven each: the demo customers register them, the demo dispatcher and engineer move them).
    // The contracts' duties (issue 18) open DUTY tickets beside them, as many as the day's date
    // starts periods (imc-typical's portal users list at least): they are counted apart.
    const demo = await eventually(
      async () => {
        const { tickets } = await gql<{
          tickets: { edges: { node: { status: string; contract: { preset: string }; sla: { state: string } } }[] };
        }>(
          `{ tickets(first: 100, filter: { kind: [REQUEST, WISH] }) { edges { node { status contract { preset } sla { state } } } } }`,
          {},
          admin,
        );
        const presets = new Set(tickets.edges.map((e) => e.node.contract.preset));
        const statuses = new Set(tickets.edges.map((e) => e.node.status));
        return presets.size === 5 && statuses.size === 6 && tickets.edges.length === 35 ? tickets.edges : null;
      },
      { timeoutMs: 60_000 },
    );
    expect(demo.every((e) => ['ON_TRACK', 'AT_RISK', 'BREACHED', 'PAUSED', 'MET'].includes(e.node.sla.state))).toBe(
      true,
    );
    // The demo tickets lived a day before the start (a history from 09:30 Moscow of a working day at
    // least 7 h back, then the clock set to the start's own instant): asmo's reaction target is 2
    // working hours (08:45-17:00 Moscow) and its first demo ticket, never acknowledged, was
    // registered before 11:00 (the 7 imc-typical tickets and their 12 moves take 3 + 5 minutes
    // each: 81 minutes); by 16:30 of that day at least 5.5 working hours had passed: breached, and
    // warned on the way (a quarter of the target left).
    expect(output).toMatch(/Loading the demo data: a working day of history from \S+/);
    await eventually(
      async () => {
        const { tickets } = await gql<{
          tickets: { edges: { node: { status: string; contract: { preset: string }; sla: { state: string } } }[] };
        }>(
          `{ tickets(first: 100, filter: { status: [REGISTERED] }) { edges { node { status contract { preset } sla { state } } } } }`,
          {},
          admin,
        );
        const asmo = tickets.edges.filter((e) => e.node.contract.preset === 'asmo');
        return asmo.length === 2 && asmo.every((e) => e.node.sla.state === 'BREACHED') ? asmo : null;
      },
      { timeoutMs: 30_000, message: "asmo's unacknowledged demo tickets did not breach" },
    );

    // `pnpm demo:day` plays a working day on the test clock of the running system (here 4 steps of
    // 15 minutes, no pause): a ticket arrives through the portal (step 1) and one by e-mail (step 3,
    // from the kz-supplier demo customer's registered address: R-TKT-4).
    // (Run without blocking this process: a blocked event loop would let the keep-alive sockets go stale.)
    const day = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const proc = spawn(
        join(ROOT, 'node_modules/.bin/tsx'),
        ['--tsconfig', 'tsconfig.json', 'packages/launcher/src/tools/demo-day.ts'],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', GATEWAY_URL: url, DEMO_DAY_STEPS: '4', DEMO_DAY_PAUSE_MS: '0' },
        },
      );
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      proc.on('exit', (status) => resolve({ status, stdout, stderr }));
    });
    expect(day.stderr).toBe('');
    expect(day.status).toBe(0);
    expect(day.stdout.match(/registered through the portal/g)).toHaveLength(1);
    expect(day.stdout.match(/registered from an e-mail/g)).toHaveLength(1);
    expect(day.stdout).toContain('The demo day is over.');
    await eventually(
      async () =>
        (
          await gql<{ tickets: { totalCount: number } }>(
            `{ tickets(first: 1, filter: { kind: [REQUEST, WISH] }) { totalCount } }`,
            {},
            admin,
          )
        ).tickets.totalCount ===
        35 + 2,
      { timeoutMs: 30_000, message: 'the demo day did not register its two tickets' },
    );
    const { tickets: byMail } = await gql<{
      tickets: { edges: { node: { channel: string; contract: { preset: string } } }[] };
    }>(`{ tickets(first: 50) { edges { node { channel contract { preset } } } } }`, {}, admin);
    expect(byMail.edges.map((e) => e.node).filter((t) => t.channel === 'EMAIL')).toEqual([
      { channel: 'EMAIL', contract: { preset: 'kz-supplier' } },
    ]);

    const seed = new Seed(gatewayAt(url), admin);
    await seed.setClock('2025-06-02T06:00:00Z');
    const seeded = await seed.customer({
      preset: 'asmo',
      organization: { name: 'Embedded Co', email: 'it@embedded.example' },
      contract: { number: 'E-1', startsOn: '2025-01-01', endsOn: '2025-12-31' },
      contact: { fullName: 'Oleg Sidorov', email: 'oleg@embedded.example' },
      tokenName: null,
    });
    const customer = seeded.token;
    const client = createClient({
      url: url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${customer}` },
    });
    const sub = subscribe<{ slaChanged: { type: string; ticket: { title: string; sla: { nextDeadline: string } } } }>(
      client,
      // From the start of the stream (cursor 0): nothing can be missed however late the subscription lands.
      `subscription { slaChanged(after: "0") { type ticket { title sla { nextDeadline } } } }`,
    );
    const ticket = await seed.ticket(seeded, { input: { title: 'Report is empty', description: 'No rows' } });
    const change = await eventually(
      () => {
        if (sub.error) throw new Error(`subscription failed: ${JSON.stringify(sub.error)}`);
        return sub.received[0];
      },
      { timeoutMs: 30_000 },
    );
    expect(change.data?.slaChanged).toEqual({
      type: 'STARTED',
      ticket: { title: 'Report is empty', sla: { nextDeadline: '2025-06-02T08:00:00.000Z' } },
    });
    sub.unsubscribe();
    await client.dispose();

    // Issue 14: the ticket walked through its lifecycle leaves its e-mails as .eml files under
    // DATA_DIR/mail (no SMTP_URL). The admin acknowledges (with a first response) and triages
    // to a new engineer, Egor; Egor provides the solution; Oleg accepts it. Told, from the rules
    // table (nobody hears of their own change, no clock passes a warning: it stays Mon 09:00):
    // Oleg: registered, acknowledged (with "On it"), assigned, planned date, triaged, solution (6);
    // the demo dispatcher: the new ticket (1); Egor: his assignment (1).
    const egor = await seed.staff('ENGINEER', {
      fullName: 'Egor Embedded',
      email: 'egor@embedded.example',
      password: 'engineer-pass-1',
      tokenName: null,
    });
    const engineer = egor.token;
    const id = ticket.id;
    const { ticket: registered } = await gql<{ ticket: { number: string } }>(
      `query($id: ID!) { ticket(id: $id) { number } }`,
      { id },
      customer,
    );
    const n = registered.number;
    await gql(`mutation($id: ID!) { acknowledgeTicket(id: $id, message: "On it") { id } }`, { id }, admin);
    await eventually(() =>
      gql(
        `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: SUPPORT, priority: NORMAL, assigneeId: $a,
           plannedResolutionAt: "2025-06-03T15:00:00+03:00" }) { id } }`,
        { id, a: egor.id },
        admin,
      ).catch(() => null),
    );
    await gql(
      `mutation($id: ID!) { provideSolution(id: $id, solution: "Rebuilt the report") { id } }`,
      { id },
      engineer,
    );
    await gql(`mutation($id: ID!) { acceptSolution(id: $id) { id } }`, { id }, customer);
    const expectedMail = [
      ['oleg@embedded.example', `[${n}] Обращение ${n} зарегистрировано`],
      ['oleg@embedded.example', `[${n}] Обращение ${n}: Первичный анализ`],
      ['oleg@embedded.example', `[${n}] Обращение ${n}: назначен исполнитель`],
      ['oleg@embedded.example', `[${n}] Обращение ${n}: плановый срок 03.06.2025 15:00 (UTC+3)`],
      ['oleg@embedded.example', `[${n}] Обращение ${n}: В работе`],
      ['oleg@embedded.example', `[${n}] Обращение ${n}: предоставлено решение`],
      ['dispatcher@reglament.local', `[${n}] Новое обращение ${n}`],
      ['egor@embedded.example', `[${n}] Вам назначено обращение ${n}`],
    ].sort();
    const files = await eventually(
      async () => {
        const mine = (await readMailDir(join(dataDir, 'mail'))).filter((m) => m.subject?.startsWith(`[${n}]`));
        return mine.length >= expectedMail.length ? mine : null;
      },
      { timeoutMs: 30_000, message: "the ticket's .eml files did not all appear" },
    );
    expect(files.map((m) => [m.to && !Array.isArray(m.to) ? m.to.value[0]!.address : null, m.subject]).sort()).toEqual(
      expectedMail,
    );

    expect(await stop()).toBe(0);
    await start();
    const again = await gql<{ ticket: { title: string; sla: { timers: { metric: string }[] } } }>(
      `query($id: ID!) { ticket(id: $id) { title sla { timers { metric } } } }`,
      { id: ticket.id },
      customer,
    );
    // asmo (R-SLA-6): a reaction clock and a resolution clock, both from registration; the
    // solution above started the auto-close clock (R-TKT-12).
    expect(again.ticket).toEqual({
      title: 'Report is empty',
      sla: { timers: [{ metric: 'AUTO_CLOSE' }, { metric: 'REACTION' }, { metric: 'RESOLUTION' }] },
    });

    // `pnpm start --reset` with DEMO=0: the data folder is cleared and nothing is loaded.
    expect(await stop()).toBe(0);
    await start(['--reset'], { DEMO: '0' });
    expect(output).toContain(`--reset: ${dataDir} removed, starting clean`);
    expect(output).not.toContain('Demo logins');
    expect(output).not.toContain('Loading the demo data');
    const { tickets: clean } = await gql<{ tickets: { totalCount: number } }>(
      `{ tickets(first: 1) { totalCount } }`,
      {},
      admin,
    );
    expect(clean.totalCount).toBe(0);
  }, 600_000);
});
