/**
 * `pnpm demo:day`: a simulated working day on the test clock of a running system (started with
 * `TEST_CLOCK=1 pnpm start`), fast enough to watch on the wallboard: every step moves the clock
 * on, customers of the demo data register tickets through the portal and by e-mail, the dispatcher takes them
 * into analysis and triages them, the engineer asks for clarifications and solves some, and a
 * few are left to run late (warnings, then a breach).
 *
 * GATEWAY_URL (default http://localhost:4000/graphql), ADMIN_EMAIL / ADMIN_PASSWORD (the start's
 * defaults), DEMO_DAY_STEPS (36 steps of DEMO_DAY_STEP_MINUTES = 15: nine hours), DEMO_DAY_PAUSE_MS
 * (1500: the real time between steps).
 */
import { demoLogins } from '@reglament/contracts';

const url = process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql';
const steps = Number(process.env.DEMO_DAY_STEPS ?? 36);
const stepMinutes = Number(process.env.DEMO_DAY_STEP_MINUTES ?? 15);
const pauseMs = Number(process.env.DEMO_DAY_PAUSE_MS ?? 1500);

async function call<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.data;
}

async function login(email: string, password: string) {
  const { login: session } = await call<{ login: { token: string; user: { id: string } } }>(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }`,
    { e: email, p: password },
  );
  return session;
}

const TITLES = [
  'Не проводится накладная',
  'Зависает формирование отчёта',
  'Нужна консультация по настройке',
  'Ошибка при входе в систему',
  'Не выгружаются данные в банк',
  'Вопрос по новому релизу',
];

const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

/** 08:30 Moscow of the same day when still before it (Monday to Friday), else of the next weekday. */
export function nextMorning(at: number): number {
  const local = at + MOSCOW_OFFSET_MS;
  let day = Math.floor(local / DAY_MS) * DAY_MS;
  const morning = (d: number) => d + 8.5 * 3_600_000 - MOSCOW_OFFSET_MS;
  if (morning(day) <= at) day += DAY_MS;
  while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
  return morning(day);
}

async function main() {
  const admin = await login(
    process.env.ADMIN_EMAIL ?? 'admin@reglament.local',
    process.env.ADMIN_PASSWORD ?? 'admin-demo-password',
  );
  try {
    await call(`{ now }`, {}, admin.token);
  } catch {
    process.stderr.write(
      'The test clock is off: start the system with `TEST_CLOCK=1 pnpm start`, then run pnpm demo:day\n',
    );
    process.exit(1);
  }
  // The day starts at the next working morning (08:30 Moscow, Monday to Friday), never going back.
  const { now: current } = await call<{ now: string }>(`{ now }`, {}, admin.token);
  const morning = nextMorning(Date.parse(current));
  if (morning > Date.parse(current)) {
    await call(`mutation($at: DateTime!) { setClock(at: $at) }`, { at: new Date(morning).toISOString() }, admin.token);
  }
  const staff = (role: string) => demoLogins().find((l) => l.role === role)!;
  const dispatcher = await login(staff('DISPATCHER').email, staff('DISPATCHER').password);
  const engineer = await login(staff('ENGINEER').email, staff('ENGINEER').password);
  const customers = await Promise.all(
    demoLogins()
      .filter((l) => l.role === 'CUSTOMER')
      .map(async (l) => {
        const session = await login(l.email, l.password);
        const { me } = await call<{ me: { organizationId: string } }>(`{ me { organizationId } }`, {}, session.token);
        const { organization } = await call<{ organization: { contracts: { id: string }[] } }>(
          `query($o: ID!) { organization(id: $o) { contracts { id } } }`,
          { o: me.organizationId },
          session.token,
        );
        return { preset: l.preset, token: session.token, contractId: organization.contracts[0]!.id };
      }),
  );
  const move = async (token: string, field: string, id: string) => {
    try {
      await call(`mutation($id: ID!) { ${field} }`, { id }, token);
    } catch (error) {
      process.stdout.write(`  (refused: ${(error as Error).message})\n`);
    }
  };
  for (let step = 1; step <= steps; step++) {
    const { advanceClock: now } = await call<{ advanceClock: string }>(
      `mutation($m: Int!) { advanceClock(minutes: $m) }`,
      { m: stepMinutes },
      admin.token,
    );
    const customer = customers[step % customers.length]!;
    if (step % 4 === 3) {
      // Every other arrival comes by e-mail (seeds 000, 001, 004 take requests by mail): the mail a
      // mail server would deliver to the listener, handed to the same intake through receiveEmail.
      const contact = demoLogins().find((l) => l.role === 'CUSTOMER' && l.preset === customer.preset)!;
      const raw = [
        `From: ${contact.email}`,
        'To: support@reglament.local',
        `Subject: ${TITLES[step % TITLES.length]}`,
        `Message-ID: <demo-day-${Date.parse(now)}-${step}@demo.reglament.local>`,
        `Date: ${new Date(now).toUTCString()}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Добрый день! Ошибка повторяется с утра, снимок экрана приложу позже.',
        '',
      ].join('\r\n');
      const { receiveEmail: mail } = await call<{
        receiveEmail: { registered: boolean; ticketNumber: string | null; reason: string | null };
      }>(
        `mutation($raw: String!) { receiveEmail(raw: $raw) { registered ticketNumber reason } }`,
        { raw },
        admin.token,
      );
      process.stdout.write(
        mail.registered
          ? `${now}  ${customer.preset}: ${mail.ticketNumber ?? 'a ticket'} registered from an e-mail\n`
          : `${now}  ${customer.preset}: an e-mail was not registered (${mail.reason ?? 'no reason given'})\n`,
      );
    } else if (step % 2 === 1) {
      const { registerTicket: t } = await call<{ registerTicket: { number: string } }>(
        `mutation($c: ID!, $t: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $t,
           description: "Demo day", category: ${step % 3 ? 'ERROR' : 'SUPPORT'}, priority: ${step % 5 ? 'NORMAL' : 'URGENT'} }) { number } }`,
        { c: customer.contractId, t: TITLES[step % TITLES.length] },
        customer.token,
      );
      process.stdout.write(`${now}  ${customer.preset}: ${t.number} registered through the portal\n`);
    }
    const { tickets } = await call<{ tickets: { edges: { node: { id: string; number: string; status: string } }[] } }>(
      `{ tickets(first: 50, filter: { status: [REGISTERED, IN_ANALYSIS, IN_PROGRESS], kind: [REQUEST] }) { edges { node { id number status } } } }`,
      {},
      dispatcher.token,
    );
    // Every third ticket is left alone: its clocks warn, then breach.
    for (const { node } of tickets.edges.filter((_, i) => (i + step) % 3 !== 0).slice(0, 2)) {
      if (node.status === 'REGISTERED') await move(dispatcher.token, 'acknowledgeTicket(id: $id) { id }', node.id);
      else if (node.status === 'IN_ANALYSIS')
        await move(
          dispatcher.token,
          `triageTicket(id: $id, input: { category: ERROR, priority: NORMAL, assigneeId: "${engineer.user.id}",
             plannedResolutionAt: "${new Date(Date.parse(now) + 3 * 86_400_000).toISOString()}" }) { id }`,
          node.id,
        );
      else if (step % 4 === 0)
        await move(
          engineer.token,
          'requestClarification(id: $id, question: "Уточните версию, пожалуйста.") { id }',
          node.id,
        );
      else await move(engineer.token, 'provideSolution(id: $id, solution: "Исправлено в настройках.") { id }', node.id);
      process.stdout.write(`${now}  ${node.number}: ${node.status} moved on\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  process.stdout.write('The demo day is over.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`demo:day failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
