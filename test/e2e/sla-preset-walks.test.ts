import { eventually } from '@reglament/shared/testing';
import { Seed } from '../support/seed';
import { TestSystem } from '../support/system';

/**
 * Issue 6: one ticket per preset walked through the gateway by the right roles, on real
 * PostgreSQL and NATS, with the test clock set before each step; every deadline is checked
 * against values worked out by hand (the same arithmetic as services/sla/test/domain/preset-walks).
 */
describe('SLA walks of the five presets, end to end', () => {
  let sys: TestSystem;
  let admin: string;
  let seed: Seed;

  beforeAll(async () => {
    sys = await TestSystem.start();
    seed = await Seed.on(sys);
    admin = seed.admin;
  });
  afterAll(async () => {
    await sys?.stop();
  });

  /** Every part moves to `iso` (the clock travels over NATS) before the next step. */
  async function clockAt(iso: string) {
    const target = new Date(iso).getTime();
    await sys.ok(`mutation($at: DateTime!) { setClock(at: $at) }`, { at: iso }, admin);
    await eventually(() => sys.system.platforms.every((p) => p.clock.nowMs() === target));
  }

  interface Party {
    customer: string;
    engineer: string;
    engineerId: string;
    contractId: string;
  }

  async function customerUnder(preset: string, options: { products?: string[] } = {}): Promise<Party> {
    const suffix = Math.random().toString(36).slice(2, 8);
    const customer = await seed.customer({
      preset,
      organization: { name: `${preset} customer ${suffix}`, email: `it-${suffix}@${preset}.example` },
      contact: { fullName: 'Anna Smirnova', email: `anna-${suffix}@${preset}.example` },
      contract: { number: preset, startsOn: '2025-01-01', endsOn: '2025-12-31', products: options.products ?? [] },
      tokenName: null,
    });
    const engineer = await seed.staff('ENGINEER', {
      fullName: 'Pavel Engineer',
      email: `pavel-${suffix}@provider.example`,
      password: 'engineer-pass-1',
      tokenName: null,
    });
    return {
      customer: customer.token,
      engineer: engineer.token,
      engineerId: engineer.id,
      contractId: customer.contractId,
    };
  }

  async function register(party: Party, input: Record<string, unknown>): Promise<string> {
    // The tickets service learns contacts and contracts from events: the kit retries until it knows them.
    const ticket = await seed.ticket(
      { contractId: party.contractId, token: party.customer },
      { input: { title: 'Walk', description: 'Walking the preset', ...input } },
    );
    return ticket.id;
  }

  type Timers = Record<string, { status: string; deadline: string | null }>;
  async function timers(ticketId: string, token = admin): Promise<Timers> {
    const { ticket } = await sys.ok<{
      ticket: { sla: { timers: { metric: string; cycle: number; status: string; deadline: string | null }[] } };
    }>(
      `query($id: ID!) { ticket(id: $id) { sla { timers { metric cycle status deadline } } } }`,
      { id: ticketId },
      token,
    );
    return Object.fromEntries(
      ticket.sla.timers.map((t) => [`${t.metric}#${t.cycle}`, { status: t.status, deadline: t.deadline }]),
    );
  }
  /** Waits until the clocks show `expected` (a subset of the ticket's timers). */
  async function expectTimers(ticketId: string, expected: Record<string, Partial<Timers[string]>>) {
    await eventually(async () => {
      const actual = await timers(ticketId);
      expect(actual).toMatchObject(expected);
      return true;
    });
  }

  async function act(token: string, mutation: string, variables: Record<string, unknown>) {
    const result = await sys.gql(mutation, variables, token);
    if (result.errors) throw new Error(`${mutation}: ${JSON.stringify(result.errors)}`);
  }

  it('imc-typical: analysis, clarification, resolution, rework and acceptance (R-TKT-8, R-SLA-4, R-TKT-9, R-TKT-11)', async () => {
    const p = await customerUnder('imc-typical');
    await clockAt('2025-03-03T10:00:00+03:00'); // Mon
    const id = await register(p, {});
    // Analysis: 1 working day -> Tue 10:00 Moscow.
    await expectTimers(id, { 'ANALYSIS#1': { status: 'RUNNING', deadline: '2025-03-04T07:00:00.000Z' } });
    await clockAt('2025-03-03T10:30:00+03:00');
    await act(p.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    await clockAt('2025-03-03T15:00:00+03:00');
    await act(p.engineer, `mutation($id: ID!) { requestClarification(id: $id, question: "Which period?") { id } }`, {
      id,
    });
    // Clarification: 3 working days -> Thu 15:00 Moscow.
    await expectTimers(id, {
      'ANALYSIS#1': { status: 'MET' },
      'CLARIFICATION#1': { status: 'RUNNING', deadline: '2025-03-06T12:00:00.000Z' },
    });
    await clockAt('2025-03-04T11:00:00+03:00');
    await act(p.customer, `mutation($id: ID!) { answerClarification(id: $id, answer: "February") { id } }`, { id });
    await clockAt('2025-03-04T12:00:00+03:00');
    await act(
      p.engineer,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: SUPPORT, priority: URGENT, assigneeId: $a,
         plannedResolutionAt: "2025-03-06T18:00:00+03:00" }) { id } }`,
      { id, a: p.engineerId },
    );
    // Resolution: 3 working days from Tue 12:00 -> Fri 7 March 12:00 (a shortened day).
    await expectTimers(id, {
      'CLARIFICATION#1': { status: 'MET' },
      'RESOLUTION#1': { status: 'RUNNING', deadline: '2025-03-07T09:00:00.000Z' },
    });
    await clockAt('2025-03-06T16:00:00+03:00');
    await act(p.engineer, `mutation($id: ID!) { provideSolution(id: $id, solution: "Report rebuilt") { id } }`, { id });
    // Acceptance: 3 working days -> Tue 11 March 16:00 (8 March is a holiday); auto-close: 14 calendar days.
    await expectTimers(id, {
      'RESOLUTION#1': { status: 'MET' },
      'CUSTOMER_ACCEPTANCE#1': { status: 'RUNNING', deadline: '2025-03-11T13:00:00.000Z' },
      'AUTO_CLOSE#1': { status: 'RUNNING', deadline: '2025-03-20T13:00:00.000Z' },
    });
    await clockAt('2025-03-10T10:00:00+03:00');
    await act(p.customer, `mutation($id: ID!) { returnSolution(id: $id, remarks: "Totals still wrong") { id } }`, {
      id,
    });
    // Rework: 3 working days from Mon 10:00 -> Thu 13 March 10:00.
    await expectTimers(id, {
      'AUTO_CLOSE#1': { status: 'CANCELLED' },
      'REWORK#1': { status: 'RUNNING', deadline: '2025-03-13T07:00:00.000Z' },
    });
    await clockAt('2025-03-12T17:00:00+03:00');
    await act(p.engineer, `mutation($id: ID!) { provideSolution(id: $id, solution: "Totals fixed") { id } }`, { id });
    await clockAt('2025-03-13T09:30:00+03:00');
    await act(p.customer, `mutation($id: ID!) { acceptSolution(id: $id) { id } }`, { id });
    await expectTimers(id, {
      'ANALYSIS#1': { status: 'MET', deadline: '2025-03-04T07:00:00.000Z' },
      'CLARIFICATION#1': { status: 'MET', deadline: '2025-03-06T12:00:00.000Z' },
      'RESOLUTION#1': { status: 'MET', deadline: '2025-03-07T09:00:00.000Z' },
      'CUSTOMER_ACCEPTANCE#1': { status: 'MET', deadline: '2025-03-11T13:00:00.000Z' },
      'AUTO_CLOSE#1': { status: 'CANCELLED' },
      'REWORK#1': { status: 'MET', deadline: '2025-03-13T07:00:00.000Z' },
      'CUSTOMER_ACCEPTANCE#2': { status: 'MET', deadline: '2025-03-17T14:00:00.000Z' },
      'AUTO_CLOSE#2': { status: 'CANCELLED' },
    });
  });

  it('asmo: reaction met, warnings fired by the clock, typical resolution met (R-SLA-6, R-SLA-9)', async () => {
    const p = await customerUnder('asmo');
    await clockAt('2025-06-20T16:00:00+03:00'); // Fri
    const id = await register(p, { category: 'ERROR', priority: 'HIGH' });
    // Reaction 2 working hours -> Mon 09:45; resolution 8 working hours -> Mon 15:45 (08:45-17:00 days).
    await expectTimers(id, {
      'REACTION#1': { status: 'RUNNING', deadline: '2025-06-23T06:45:00.000Z' },
      'RESOLUTION#1': { status: 'RUNNING', deadline: '2025-06-23T12:45:00.000Z' },
    });
    await clockAt('2025-06-23T09:20:00+03:00'); // past the reaction warning (09:15)
    const atRisk = await sys.ok<{ ticket: { sla: { state: string } } }>(
      `query($id: ID!) { ticket(id: $id) { sla { state } } }`,
      { id },
      p.customer,
    );
    expect(atRisk.ticket.sla.state).toBe('AT_RISK');
    await act(p.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id, message: "On it") { id } }`, { id });
    await clockAt('2025-06-23T10:00:00+03:00');
    await act(
      p.engineer,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: ERROR, priority: HIGH, assigneeId: $a,
         plannedResolutionAt: "2025-06-23T16:00:00+03:00" }) { id } }`,
      { id, a: p.engineerId },
    );
    await clockAt('2025-06-23T15:00:00+03:00');
    await act(p.engineer, `mutation($id: ID!) { provideSolution(id: $id, solution: "Patched") { id } }`, { id });
    await expectTimers(id, {
      'REACTION#1': { status: 'MET' },
      'RESOLUTION#1': { status: 'MET', deadline: '2025-06-23T12:45:00.000Z' },
    });
  });

  it('altec-8x5x4: processing breached by the clock, a priority change recomputed, auto-close closes the ticket (R-SLA-5, R-SLA-10, R-TKT-12)', async () => {
    const p = await customerUnder('altec-8x5x4');
    await clockAt('2025-10-27T17:00:00+03:00'); // Mon
    const id = await register(p, {});
    // Processing (Normal, 1 working hour) -> Mon 18:00.
    await expectTimers(id, { 'ANALYSIS#1': { status: 'RUNNING', deadline: '2025-10-27T15:00:00.000Z' } });
    await clockAt('2025-10-28T09:05:00+03:00'); // the scheduler fires the breach at Mon 18:00
    await expectTimers(id, { 'ANALYSIS#1': { status: 'BREACHED' } });
    await act(p.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    await clockAt('2025-10-28T09:10:00+03:00');
    await act(
      p.engineer,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: ERROR, priority: NORMAL, assigneeId: $a,
         plannedResolutionAt: "2025-11-03T12:00:00+03:00" }) { id } }`,
      { id, a: p.engineerId },
    );
    // Execution (Normal, 4 working days) from Tue 09:10 -> Sat 1 November 09:10 (a working Saturday).
    await expectTimers(id, { 'RESOLUTION#1': { status: 'RUNNING', deadline: '2025-11-01T06:10:00.000Z' } });
    await clockAt('2025-10-28T10:00:00+03:00');
    await act(
      p.engineer,
      `mutation($id: ID!) { changePriority(id: $id, priority: HIGH, reason: "Blocks payroll") { id } }`,
      { id },
    );
    // High: 2 working days from the original start Tue 09:10 -> Thu 30 October 09:10.
    await expectTimers(id, { 'RESOLUTION#1': { status: 'RUNNING', deadline: '2025-10-30T06:10:00.000Z' } });
    await clockAt('2025-10-29T15:00:00+03:00');
    await act(p.engineer, `mutation($id: ID!) { provideSolution(id: $id, solution: "Fixed in 2.4.1") { id } }`, { id });
    await expectTimers(id, {
      'RESOLUTION#1': { status: 'MET' },
      'AUTO_CLOSE#1': { status: 'RUNNING', deadline: '2025-11-12T12:00:00.000Z' },
    });
    // 14 days of silence: the clock closes the ticket (AUTO_CLOSED) through the tickets service.
    await clockAt('2025-11-12T15:00:30+03:00');
    await eventually(async () => {
      const { ticket } = await sys.ok<{ ticket: { status: string; closeReason: string | null } }>(
        `query($id: ID!) { ticket(id: $id) { status closeReason } }`,
        { id },
        p.customer,
      );
      return ticket.status === 'CLOSED' && ticket.closeReason === 'AUTO_CLOSED';
    });
    await expectTimers(id, { 'AUTO_CLOSE#1': { status: 'MET' } });
  });

  it('kz-supplier: term agreed, a late on-site arrival blocks closing until the failure report (R-SLA-11)', async () => {
    const p = await customerUnder('kz-supplier');
    await clockAt('2025-07-16T17:00:00+05:00'); // Wed, Almaty
    const id = await register(p, { category: 'ERROR' });
    // Term agreement 2 working hours -> Thu 10:00 Almaty.
    await expectTimers(id, { 'TERM_AGREEMENT#1': { status: 'RUNNING', deadline: '2025-07-17T05:00:00.000Z' } });
    await clockAt('2025-07-16T17:10:00+05:00');
    await act(p.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    await clockAt('2025-07-17T09:40:00+05:00');
    await act(
      p.engineer,
      `mutation($id: ID!) { proposePlannedDate(id: $id, plannedResolutionAt: "2025-07-21T18:00:00+05:00") { id } }`,
      { id },
    );
    await clockAt('2025-07-17T09:45:00+05:00');
    // 003 item 2: the customer agrees the term; TERM_AGREEMENT stops at the agreement.
    await act(p.customer, `mutation($id: ID!) { agreePlannedDate(id: $id) { id } }`, { id });
    await act(
      p.engineer,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: ERROR, priority: HIGH, assigneeId: $a }) { id } }`,
      { id, a: p.engineerId },
    );
    await expectTimers(id, {
      'TERM_AGREEMENT#1': { status: 'MET' },
      'RESOLUTION#1': { status: 'RUNNING', deadline: '2025-07-21T13:00:00.000Z' },
    });
    await clockAt('2025-07-17T10:00:00+05:00');
    await act(p.customer, `mutation($id: ID!) { requestOnSiteVisit(id: $id, note: "Server down") { id } }`, { id });
    await expectTimers(id, { 'ON_SITE#1': { status: 'RUNNING', deadline: '2025-07-17T08:00:00.000Z' } });
    await clockAt('2025-07-17T13:30:00+05:00'); // 3 calendar hours passed at 13:00: breached
    await act(p.engineer, `mutation($id: ID!) { recordOnSiteArrival(id: $id) { id } }`, { id });
    await expectTimers(id, { 'ON_SITE#1': { status: 'BREACHED' } });
    await clockAt('2025-07-18T11:00:00+05:00');
    await act(p.engineer, `mutation($id: ID!) { provideSolution(id: $id, solution: "Disk replaced") { id } }`, { id });
    // The customer may not close it while the failure report is missing.
    const refused = await eventually(async () => {
      const r = await sys.gql(`mutation($id: ID!) { acceptSolution(id: $id) { id } }`, { id }, p.customer);
      return r.errors?.[0];
    });
    expect(refused.message).toMatch(/failure report/i);
    await act(
      p.engineer,
      `mutation($id: ID!) { submitFailureReport(ticketId: $id, causes: "Traffic", measures: "Standby engineer") { id } }`,
      { id },
    );
    await eventually(
      async () => !(await sys.gql(`mutation($id: ID!) { acceptSolution(id: $id) { id } }`, { id }, p.customer)).errors,
    );
    const { ticket } = await sys.ok<{ ticket: { status: string; closeReason: string } }>(
      `query($id: ID!) { ticket(id: $id) { status closeReason } }`,
      { id },
      p.customer,
    );
    expect(ticket).toEqual({ status: 'CLOSED', closeReason: 'ACCEPTED' });
  });

  it("infocraft-365: the package's reaction holds only while prepaid time remains (R-CON-6)", async () => {
    const p = await customerUnder('infocraft-365');
    await clockAt('2025-09-10T09:00:00+03:00');
    await act(
      admin,
      `mutation($c: ID!) { addHourPackage(input: { contractId: $c, kind: SUBSCRIPTION, minutesPerMonth: 120, startsOn: "2025-09-01",
         reactionWorkingMinutes: 240 }) { id } }`,
      { c: p.contractId },
    );
    await clockAt('2025-09-10T10:00:00+03:00'); // Wed
    const id = await register(p, { category: 'SUPPORT' });
    // Reaction 4 working hours (the package's) -> 14:00 Moscow.
    await expectTimers(id, { 'REACTION#1': { status: 'RUNNING', deadline: '2025-09-10T11:00:00.000Z' } });
    await clockAt('2025-09-10T12:00:00+03:00'); // 2 h spent
    await act(
      admin,
      `mutation($c: ID!) { correctPrepaid(input: { contractId: $c, minutes: -120, reason: "used up" }) { __typename } }`,
      {
        c: p.contractId,
      },
    );
    await expectTimers(id, { 'REACTION#1': { status: 'NOT_GUARANTEED', deadline: null } });
    await clockAt('2025-09-11T10:00:00+03:00'); // Thu
    await act(
      admin,
      `mutation($c: ID!) { correctPrepaid(input: { contractId: $c, minutes: 60, reason: "refill" }) { __typename } }`,
      {
        c: p.contractId,
      },
    );
    // 2 h left from Thu 10:00 -> 12:00 Moscow.
    await expectTimers(id, { 'REACTION#1': { status: 'RUNNING', deadline: '2025-09-11T09:00:00.000Z' } });
  });
});
