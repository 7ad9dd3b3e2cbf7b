import { demoLogins } from '@reglament/contracts';
import type { Logger } from '@reglament/shared/platform';
import type { DemoHistory } from './demo-history';
import { seedDemoLives } from './demo-life';

/** One open request per demo customer, so the five presets show running clocks after the first start. */
const DEMO_TICKETS: Record<string, { title: string; description: string; category: string; priority: string }> = {
  'imc-typical': {
    title: 'Не формируется отчёт по остаткам',
    description: 'При формировании отчёта за март система выдаёт ошибку.',
    category: 'ERROR',
    priority: 'HIGH',
  },
  asmo: {
    title: 'Как настроить права доступа к модулю',
    description: 'Нужно дать бухгалтеру доступ только на чтение.',
    category: 'SUPPORT',
    priority: 'NORMAL',
  },
  'altec-8x5x4': {
    title: 'Медленно работает проведение документов',
    description: 'Проведение накладной занимает больше минуты.',
    category: 'ERROR',
    priority: 'HIGH',
  },
  'kz-supplier': {
    title: 'Сбой синхронизации с резервной базой',
    description: 'Синхронизация остановилась ночью, журнал приложен по почте.',
    category: 'ERROR',
    priority: 'URGENT',
  },
  'infocraft-365': {
    title: 'Консультация по начислению пеней',
    description: 'Как учитывается ключевая ставка при расчёте пеней?',
    category: 'SUPPORT',
    priority: 'NORMAL',
  },
};

interface Response<T> {
  data?: T;
  errors?: { message: string }[];
}

/**
 * Registers the demo tickets through the public API as the demo customers themselves, once
 * (a customer that already has tickets is left alone). Runs after start-up without holding it:
 * the tickets service learns contacts and contracts from events a moment later.
 */
export async function seedDemoTickets(
  gatewayUrl: string,
  log: Logger,
  options: { history?: DemoHistory | null; timeoutMs?: number } = {},
): Promise<void> {
  const history = options.history ?? null;
  try {
    await seedAll(gatewayUrl, log, history, options.timeoutMs ?? 60_000);
  } finally {
    // Back to real time whatever happened: a history left standing would stop every clock.
    await history?.finish();
    if (history) log.info('demo history written; the clock follows real time again');
  }
}

async function seedAll(gatewayUrl: string, log: Logger, history: DemoHistory | null, timeoutMs: number) {
  const call = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<Response<T>> => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Response<T>;
  };
  const deadline = Date.now() + timeoutMs;
  for (const login of demoLogins().filter((l) => l.role === 'CUSTOMER' && l.preset)) {
    const demo = DEMO_TICKETS[login.preset!];
    if (!demo) continue;
    for (;;) {
      try {
        const session = await call<{ login: { token: string; user: { organizationId: string } } }>(
          `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { organizationId } } }`,
          { e: login.email, p: login.password },
        );
        const token = session.data?.login.token;
        const organizationId = session.data?.login.user.organizationId;
        if (!token || !organizationId) throw new Error(session.errors?.[0]?.message ?? 'login failed');
        // Requests only: the contract's duties (issue 18) may have opened DUTY tickets already.
        const existing = await call<{ tickets: { totalCount: number } }>(
          `{ tickets(first: 1, filter: { kind: [REQUEST, WISH] }) { totalCount } }`,
          {},
          token,
        );
        if ((existing.data?.tickets.totalCount ?? 0) > 0) break;
        const org = await call<{ organization: { contracts: { id: string; products: string[] }[] } }>(
          `query($o: ID!) { organization(id: $o) { contracts { id products } } }`,
          { o: organizationId },
          token,
        );
        const contract = org.data?.organization.contracts[0];
        if (!contract) throw new Error('no contract yet');
        await history?.pass(3);
        const registered = await call<{ registerTicket: { number: string } }>(
          `mutation($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
          {
            input: {
              contractId: contract.id,
              channel: 'PORTAL',
              title: demo.title,
              description: demo.description,
              category: demo.category,
              priority: demo.priority,
              product: contract.products[0] ?? null,
            },
          },
          token,
        );
        if (registered.errors) throw new Error(registered.errors[0]!.message);
        log.info({ preset: login.preset, number: registered.data?.registerTicket.number }, 'demo ticket registered');
        await seedDemoLives(
          call,
          { token, preset: login.preset!, contractId: contract.id, product: contract.products[0] ?? null },
          log,
          history,
        );
        break;
      } catch (error) {
        if (Date.now() > deadline) {
          log.warn({ preset: login.preset, err: error }, 'demo ticket not registered');
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}
