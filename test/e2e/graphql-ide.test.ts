import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '@reglament/shared/testing';
import { ensurePagesBuilt } from '@reglament/wallboard';
import { type Browser, chromium, type Page } from 'playwright-core';
import { adminToken, Seed } from '../support/seed';
import { TestSystem } from '../support/system';

const CHROMIUM = '/usr/bin/chromium';
/** Kept after the run (gitignored). */
const ARTIFACTS = join(__dirname, '..', 'artifacts');

/**
 * The offline GraphQL IDE (GraphiQL bundled from npm) at GET /graphql for browsers, in a real
 * browser: it loads with nothing from elsewhere, runs a query with the header editor's token and
 * a subscription over graphql-ws; GraphQL clients asking the same address for JSON are unaffected.
 */
describe('the GraphQL IDE in a browser', () => {
  let sys: TestSystem;
  let browser: Browser;
  let admin: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensurePagesBuilt();
    sys = await TestSystem.start({ gateway: { ide: true } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    admin = await adminToken();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  /** The editor shows spaces as no-break spaces: one plain space for each run of them. */
  const resultText = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // A refused resource or a CSP violation is an error on the console.
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    page.on('response', async (response) => {
      if (response.status() >= 400) {
        pageErrors.push(`HTTP ${response.status()} ${response.url()}: ${await response.text().catch(() => '')}`);
      }
    });
    page.on('requestfailed', (request) => pageErrors.push(`failed: ${request.url()}`));
    // The header editor offers the token the wallboard of this origin holds.
    await page.addInitScript(`sessionStorage.setItem('reglament.wallboard.token', ${JSON.stringify(admin)})`);
    await page.goto(sys.url);
    return page;
  }

  /** Replaces the operation in the editor and runs it; the result pane's text after `check` holds. */
  async function run(page: Page, operation: string, check: (text: string) => boolean): Promise<string> {
    await page.locator('.graphiql-query-editor .monaco-editor').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // Monaco closes brackets itself: type the operation without its closing ones.
    await page.keyboard.type(operation.replace(/\s*}+\s*$/, ''));
    // Close the completion list the editor may have open, so the click runs what was typed.
    await page.keyboard.press('Escape');
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    return eventually(
      async () => {
        const text = resultText(await result.textContent());
        return check(text) ? text : null;
      },
      { timeoutMs: 20_000, message: 'waiting for the result pane' },
    );
  }

  it('GET /graphql from a browser is the IDE under a strict CSP; clients asking for JSON get GraphQL', async () => {
    const html = await fetch(sys.url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    const body = await html.text();
    expect(body).toContain('Reglament GraphQL IDE');
    expect(body).not.toMatch(/src="https?:|href="https?:/);
    // A GraphQL GET with a query is still GraphQL, and a client's POST too.
    const get = await fetch(`${sys.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('runs a query with the token from the header editor and a subscription over graphql-ws', async () => {
    const page = await open();
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    expect(await run(page, '{ me { role name } }', (text) => text.includes('ADMIN'))).toMatch(/"name":\s*"Admin"/);

    await run(page, 'subscription { ticketChanged { type ticket { title } } }', () => true);
    // Subscribed when the gateway counts it (the socket and its subscribe message went through).
    await eventually(() => sys.system.gateway.hub.subscriberCount > 0);
    // Something to see: a customer registers a ticket, the subscription shows it.
    const seed = new Seed(sys, admin);
    const customer = await seed.customer({
      preset: 'asmo',
      organization: { name: 'Acme Labels', email: 'it@acme.example' },
      contract: { number: 'C-1', startsOn: '2025-01-01', endsOn: '2035-12-31' },
      contact: { fullName: 'Pavel Customer', email: 'pavel@acme.example' },
      tokenName: 'Pavel',
    });
    // The tickets service learns the contract from an event a moment later: the kit retries until it can register.
    await seed.ticket(customer, { input: { title: 'Seen in the IDE', description: 'via graphql-ws' } });
    const seen = await eventually(
      async () => {
        const text = resultText(await page.locator('.result-window').textContent());
        return text.includes('Seen in the IDE') ? text : null;
      },
      { timeoutMs: 20_000, message: 'waiting for the subscription result' },
    ).finally(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'graphql-ide.png') });
    });
    expect(seen).toContain('REGISTERED');
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
