import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '@reglament/shared/testing';
import { ensurePagesBuilt } from '@reglament/wallboard';
import { type Browser, chromium, type Page, type WebSocketRoute } from 'playwright-core';
import { Seed } from '../support/seed';
import { TestSystem } from '../support/system';

/** Kept after the run (gitignored): what the board looked like at the end. */
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const CHROMIUM = '/usr/bin/chromium';

/**
 * The wallboard in a real browser (Debian's chromium, driven by playwright-core) against the
 * whole system on real PostgreSQL and NATS, on the test clock: tickets registered through the
 * API appear, the countdown runs in working time and turns AT_RISK when the clock moves, a cut
 * socket resumes from the last cursor, and a customer sees only its organization.
 */
describe('the wallboard in a browser', () => {
  let sys: TestSystem;
  let browser: Browser;
  let admin: string;
  let dispatcher: string;
  let seed: Seed;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensurePagesBuilt();
    sys = await TestSystem.start();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    // Monday 3 March 2025, 10:00 Moscow: a working day (asmo works 08:45-17:00 Moscow).
    seed = await Seed.on(sys, { clock: '2025-03-03T10:00:00+03:00' });
    admin = seed.admin;
    dispatcher = (
      await seed.staff('DISPATCHER', {
        fullName: 'Dora Dispatcher',
        email: 'dora@provider.example',
        password: 'correct-horse-battery',
      })
    ).token;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });
  afterEach(() => {
    // The strict CSP of the page: nothing the page does may be refused (no inline code, no CDN).
    expect(pageErrors).toEqual([]);
  });

  async function customer(name: string, email: string) {
    const seeded = await seed.customer({
      preset: 'asmo',
      organization: { name, email: 'it@customer.example' },
      contact: { fullName: 'Pavel Customer', email, password: 'correct-horse-battery' },
      contract: { number: 'C-1', startsOn: '2025-01-01', endsOn: '2025-12-31' },
    });
    const register = (title: string) =>
      seed.ticket(seeded, {
        input: { title, description: 'Stops after 20 labels', category: 'ERROR', priority: 'HIGH' },
      });
    return { orgId: seeded.organizationId, email, token: seeded.token, register };
  }

  async function open(fragment: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('response', async (response) => {
      if (response.status() >= 400) {
        pageErrors.push(`HTTP ${response.status()} ${response.url()}: ${await response.text().catch(() => '')}`);
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    await page.goto(sys.url.replace(/\/graphql$/, `/wallboard${fragment}`));
    return page;
  }

  /** The text of an element once `check` holds for it (the page updates itself; no fixed waits). */
  async function textWhen(page: Page, selector: string, check: (text: string) => boolean): Promise<string> {
    return eventually(
      async () => {
        const text = (await page.locator(selector).first().textContent({ timeout: 1000 })) ?? '';
        return check(text) ? text : null;
      },
      { timeoutMs: 20_000, message: `waiting for ${selector}` },
    );
  }

  let acme: Awaited<ReturnType<typeof customer>>;
  let page: Page;
  let ticket: { id: string; number: string };
  const sockets: WebSocketRoute[] = [];
  let socketsAllowed = true;

  it('a ticket registered through the API appears, its reaction counting down in working time', async () => {
    acme = await customer('Acme Labels', 'pavel@acme.example');
    page = await open(`#token=${admin}`);
    // Every socket of the page goes through here, so the test can cut it like a network drop.
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      if (!socketsAllowed) return void ws.close({ code: 1006, reason: 'network down' }).catch(() => undefined);
      sockets.push(ws);
      ws.connectToServer();
    });
    await page.reload();
    await textWhen(page, '[data-testid=link]', (t) => t === 'live');
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=');

    ticket = await acme.register('Label printer stops');
    const card = `[data-testid=ticket-${ticket.number}]`;
    await textWhen(page, `[data-testid=column-REGISTERED] ${card}`, (t) => t.includes('Label printer stops'));
    // asmo reaction: 2 working hours from 10:00 Moscow -> 12:00; the test clock stands still.
    expect(await textWhen(page, `${card} [data-testid=countdown]`, (t) => t.includes('2 h 00 min'))).toContain(
      'reaction',
    );
    expect(await page.locator(`${card} [data-testid=state]`).textContent()).toBe('ON TRACK');
    expect(await page.locator('[data-testid=summary]').textContent()).toContain('REGISTERED0100');
  });

  it('R-SLA-9: moving the clock past the warning (a quarter left) marks it AT RISK with 25 minutes left', async () => {
    // 95 minutes later it is 11:35: the warning was due at 11:30 (30 of 120 minutes left).
    await sys.ok(`mutation { advanceClock(minutes: 95) }`, {}, admin);
    const card = `[data-testid=ticket-${ticket.number}]`;
    await textWhen(page, `${card} [data-testid=state]`, (t) => t === 'AT RISK');
    expect(await page.locator(card).getAttribute('data-state')).toBe('AT_RISK');
    expect(await textWhen(page, `${card} [data-testid=countdown]`, (t) => t.includes('25 min'))).toContain(
      'reaction: 25 min',
    );
    expect(await textWhen(page, '[data-testid=warnings]', (t) => t.length > 0)).toContain(
      `${ticket.number} REACTION (PROVIDER) at risk`,
    );
  });

  it('after a network drop it reconnects by itself and resumes from the last cursor it saw', async () => {
    socketsAllowed = false;
    for (const ws of sockets.splice(0)) await ws.close({ code: 1006, reason: 'network down' }).catch(() => undefined);
    await textWhen(page, '[data-testid=link]', (t) => t === 'reconnecting');
    // While the board is away, the dispatcher takes the ticket into analysis (the reaction is met).
    await sys.ok(`mutation($id: ID!) { acknowledgeTicket(id: $id) { status } }`, { id: ticket.id }, dispatcher);
    socketsAllowed = true;
    await textWhen(page, '[data-testid=link]', (t) => t === 'live');
    // Only a resumed subscription can know: the change happened while no socket was open.
    await textWhen(page, `[data-testid=column-IN_ANALYSIS] [data-testid=ticket-${ticket.number}]`, (t) =>
      t.includes('Label printer stops'),
    );
    expect(await page.locator(`[data-testid=column-REGISTERED] [data-testid=ticket-${ticket.number}]`).count()).toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'wallboard.png'), fullPage: true });
  });

  it("a customer's login shows its own organization only, live as well", async () => {
    const other = await customer('Borealis Foods', 'olga@borealis.example');
    const mine = await other.register('Scales do not print');
    const customerPage = await open('');
    await customerPage.fill('input[name=email]', other.email);
    await customerPage.fill('input[name=password]', 'correct-horse-battery');
    await customerPage.click('button[type=submit]');
    await textWhen(customerPage, '[data-testid=link]', (t) => t === 'live');
    expect(await customerPage.locator('[data-testid=organization]').textContent()).toBe('Borealis Foods');
    await textWhen(customerPage, `[data-testid=ticket-${mine.number}]`, (t) => t.includes('Scales do not print'));
    expect(await customerPage.locator(`[data-testid=ticket-${ticket.number}]`).count()).toBe(0);
    // Live too: Acme's next ticket never shows; Borealis' next one, registered after it, does.
    const foreign = await acme.register('Another Acme problem');
    const second = await other.register('Scales lose their settings');
    await textWhen(customerPage, `[data-testid=ticket-${second.number}]`, (t) => t.includes('lose their settings'));
    expect(await customerPage.locator(`[data-testid=ticket-${foreign.number}]`).count()).toBe(0);
    expect(await customerPage.locator('[data-testid=warnings]').textContent()).not.toContain(ticket.number);
    await customerPage.close();

    // Staff see every organization and may narrow the board to one.
    await page.reload();
    await textWhen(page, `[data-testid=ticket-${foreign.number}]`, (t) => t.includes('Another Acme problem'));
    await page.selectOption('[data-testid=organization-filter]', { label: 'Borealis Foods' });
    await textWhen(page, `[data-testid=ticket-${second.number}]`, (t) => t.includes('lose their settings'));
    expect(await page.locator(`[data-testid=ticket-${foreign.number}]`).count()).toBe(0);
    expect(await page.locator(`[data-testid=ticket-${ticket.number}]`).count()).toBe(0);
  });
});
