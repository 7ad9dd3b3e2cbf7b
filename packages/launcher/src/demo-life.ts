import { demoLogins } from '@reglament/contracts';
import type { Logger } from '@reglament/shared/platform';
import type { DemoHistory } from './demo-history';

type Call = <T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
) => Promise<{ data?: T; errors?: { message: string }[] }>;

/** Where each further demo ticket of a customer is taken, so the board shows every status. */
const LIVES: { title: string; category: string; priority: string; steps: Step[] }[] = [
  { title: 'Не открывается журнал документов', category: 'ERROR', priority: 'URGENT', steps: [] },
  { title: 'Ошибка при печати счёта', category: 'ERROR', priority: 'NORMAL', steps: ['ack'] },
  { title: 'Настроить обмен с банком', category: 'SUPPORT', priority: 'HIGH', steps: ['ack', 'triage'] },
  { title: 'Не приходят уведомления', category: 'ERROR', priority: 'HIGH', steps: ['ack', 'clarify'] },
  { title: 'Расчёт отпускных', category: 'SUPPORT', priority: 'NORMAL', steps: ['ack', 'triage', 'solve'] },
  {
    title: 'Права доступа для нового сотрудника',
    category: 'SUPPORT',
    priority: 'LOW',
    steps: ['ack', 'triage', 'solve', 'accept'],
  },
];
type Step = 'ack' | 'triage' | 'clarify' | 'solve' | 'accept';

async function staffLogin(call: Call, role: 'DISPATCHER' | 'ENGINEER') {
  const login = demoLogins().find((l) => l.role === role);
  if (!login) return null;
  const session = await call<{ login: { token: string; user: { id: string } } }>(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }`,
    { e: login.email, p: login.password },
  );
  return session.data ? { token: session.data.login.token, id: session.data.login.user.id } : null;
}

/**
 * The rest of a demo customer's tickets (first start only): registered as the customer, then
 * moved by the demo dispatcher and engineer so every status has tickets; their clocks run,
 * warn and stop as in real use. Best effort: a step refused is logged and the rest goes on.
 */
export async function seedDemoLives(
  call: Call,
  customer: { token: string; preset: string; contractId: string; product: string | null },
  log: Logger,
  history: DemoHistory | null = null,
): Promise<void> {
  const [dispatcher, engineer] = await Promise.all([staffLogin(call, 'DISPATCHER'), staffLogin(call, 'ENGINEER')]);
  if (!dispatcher || !engineer) return log.warn('demo staff cannot log in: the demo tickets stay registered');
  const planned = new Date(Date.now() + 5 * 24 * 3_600_000).toISOString();
  for (const life of LIVES) {
    await history?.pass(3);
    const registered = await call<{ registerTicket: { id: string; number: string } }>(
      `mutation($input: RegisterTicketInput!) { registerTicket(input: $input) { id number } }`,
      {
        input: {
          contractId: customer.contractId,
          channel: 'PORTAL',
          title: life.title,
          description: `${life.title} (demo).`,
          category: life.category,
          priority: life.priority,
          product: customer.product,
        },
      },
      customer.token,
    );
    const ticket = registered.data?.registerTicket;
    if (!ticket) {
      log.warn({ preset: customer.preset, error: registered.errors?.[0]?.message }, 'demo ticket not registered');
      continue;
    }
    const moves: Record<Step, [string, Record<string, unknown>, string]> = {
      ack: ['acknowledgeTicket(id: $id) { id }', {}, dispatcher.token],
      triage: [
        `triageTicket(id: $id, input: { category: ${life.category}, priority: ${life.priority},
           assigneeId: "${engineer.id}", plannedResolutionAt: "${planned}" }) { id }`,
        {},
        dispatcher.token,
      ],
      clarify: [
        'requestClarification(id: $id, question: "Пришлите, пожалуйста, снимок экрана.") { id }',
        {},
        engineer.token,
      ],
      solve: [
        'provideSolution(id: $id, solution: "Настройка исправлена, проверьте, пожалуйста.") { id }',
        {},
        engineer.token,
      ],
      accept: ['acceptSolution(id: $id) { id }', {}, customer.token],
    };
    for (const step of life.steps) {
      await history?.pass(5);
      const [field, variables, token] = moves[step];
      const moved = await call(`mutation($id: ID!) { ${field} }`, { id: ticket.id, ...variables }, token);
      if (moved.errors) {
        log.warn({ number: ticket.number, step, error: moved.errors[0]!.message }, 'demo ticket stopped short');
        break;
      }
    }
  }
  log.info({ preset: customer.preset, tickets: LIVES.length + 1 }, 'demo tickets in every status');
}
