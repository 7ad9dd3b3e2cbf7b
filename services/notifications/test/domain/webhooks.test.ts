import { type AnyEventEnvelope, makeEvent } from '@reglament/shared/domain';
import {
  afterFailure,
  isPublicAddress,
  MAX_RETRY_DELAY_MS,
  parseSecret,
  parseWebhookEvents,
  parseWebhookUrl,
  retryDelayMs,
  shouldDisable,
  signatureOf,
  webhookMayCarry,
} from '../../src/domain/webhooks';

const ORG = '0190f000-0000-7000-8000-00000000000a';
const HOUR = 3600_000;

/** The webhook rules of issue 17, pure: addresses, inputs, signature, retries, disabling. */
describe('webhooks (domain)', () => {
  it('only public unicast addresses may be reached without internal: loopback, private, link-local and metadata are not', () => {
    const verdicts = Object.fromEntries(
      [
        '93.184.215.14',
        '2606:4700::1111',
        '127.0.0.1',
        '127.1.2.3',
        '::1',
        '::ffff:127.0.0.1',
        '10.0.0.1',
        '172.16.5.4',
        '192.168.0.1',
        '169.254.169.254',
        '100.100.100.200',
        'fd00:ec2::254',
        'fe80::1',
        '0.0.0.0',
        '224.0.0.1',
        '203.0.113.7',
        'not-an-ip',
      ].map((a) => [a, isPublicAddress(a)]),
    );
    expect(verdicts).toEqual({
      '93.184.215.14': true,
      '2606:4700::1111': true,
      '127.0.0.1': false,
      '127.1.2.3': false,
      '::1': false,
      '::ffff:127.0.0.1': false,
      '10.0.0.1': false,
      '172.16.5.4': false,
      '192.168.0.1': false,
      '169.254.169.254': false,
      '100.100.100.200': false,
      'fd00:ec2::254': false,
      'fe80::1': false,
      '0.0.0.0': false,
      '224.0.0.1': false,
      '203.0.113.7': false,
      'not-an-ip': false,
    });
  });

  it('a URL must be https (http only when allowed), short, without credentials or fragment', () => {
    expect(parseWebhookUrl('https://hooks.example/a?b=1', false).toString()).toBe('https://hooks.example/a?b=1');
    expect(parseWebhookUrl('http://hooks.example/a', true).protocol).toBe('http:');
    expect(() => parseWebhookUrl('http://hooks.example/a', false)).toThrow('https://');
    expect(() => parseWebhookUrl('file:///etc/passwd', true)).toThrow('https:// or http://');
    expect(() => parseWebhookUrl('https://a:b@hooks.example/', false)).toThrow('user name or password');
    expect(() => parseWebhookUrl('https://hooks.example/#x', false)).toThrow('fragment');
    expect(() => parseWebhookUrl(`https://hooks.example/${'a'.repeat(2030)}`, false)).toThrow('at most 2048');
    expect(() => parseWebhookUrl('hooks.example', false)).toThrow('absolute URL');
  });

  it('a secret is whsec_ and the base64 of 24 to 64 bytes', () => {
    expect(parseSecret(`whsec_${Buffer.alloc(24, 7).toString('base64')}`)).toHaveLength(24);
    expect(parseSecret(`whsec_${Buffer.alloc(64, 7).toString('base64')}`)).toHaveLength(64);
    for (const bad of [
      'secret',
      `whsec_${Buffer.alloc(23, 7).toString('base64')}`,
      `whsec_${Buffer.alloc(65, 7).toString('base64')}`,
      'whsec_not base64!',
      `whsec_${'A'.repeat(300)}`,
    ]) {
      expect(() => parseSecret(bad)).toThrow('whsec_');
    }
  });

  it('events are catalog names offered to webhooks, at least one, duplicates folded', () => {
    expect(parseWebhookEvents(['sla.timer.warning', ' sla.timer.warning ', 'tickets.ticket.closed'])).toEqual([
      'sla.timer.warning',
      'tickets.ticket.closed',
    ]);
    expect(() => parseWebhookEvents([])).toThrow('at least one');
    expect(() => parseWebhookEvents(['contracts.credential.changed'])).toThrow('cannot be subscribed to');
    expect(() => parseWebhookEvents(['notifications.email.ticket_requested'])).toThrow('cannot be subscribed to');
  });

  it('internal messages and files, and events without an organization, never go to a webhook', () => {
    const origin = { source: 'tickets', occurredAt: new Date('2025-03-03T07:00:00Z') };
    const message = (internal: boolean) =>
      makeEvent('tickets.ticket.message_added', ORG, { internal } as never, origin) as unknown as AnyEventEnvelope;
    expect(webhookMayCarry(message(false))).toBe(true);
    expect(webhookMayCarry(message(true))).toBe(false);
    const coverage = makeEvent('sla.calendar.coverage_low', null, {} as never, origin) as unknown as AnyEventEnvelope;
    expect(webhookMayCarry(coverage)).toBe(false);
    const warning = makeEvent('sla.timer.warning', null, {} as never, origin) as unknown as AnyEventEnvelope;
    expect(webhookMayCarry(warning)).toBe(false);
  });

  it('signs "id.timestamp.body" with HMAC-SHA256 as Standard Webhooks does (its published example)', () => {
    // standardwebhooks.com's example: this secret, id, timestamp and body give this signature.
    const signature = signatureOf(
      ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    // Two secrets (after a rotation): two signatures, the new one first.
    const two = signatureOf(
      [`whsec_${Buffer.alloc(32, 2).toString('base64')}`, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    ).split(' ');
    expect(two).toHaveLength(2);
    expect(two[1]).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('waits double per attempt, half of it random, at most two hours', () => {
    // base 1 s, random 0: 0.5 s, 1 s, 2 s, 4 s; random 0.5: 0.75 s, 1.5 s; random 1: the whole step.
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2].map((n) => retryDelayMs(n, 1000, 0.5))).toEqual([750, 1500]);
    expect(retryDelayMs(3, 1000, 1)).toBe(4000);
    // base 5 s: attempt 12 would be 5 s x 2^11 = 10,240 s > 2 h: capped.
    expect(retryDelayMs(12, 5000, 0)).toBe(MAX_RETRY_DELAY_MS / 2);
    expect(retryDelayMs(500, 5000, 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('a delivery is DEAD when its next try would fall past 24 h from its start', () => {
    const start = new Date('2025-03-03T07:00:00Z');
    // attempt 3, base 5 s, random 0: wait 10 s.
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(
      afterFailure({ attempts: 3, at: at(24 * HOUR - 60_000), windowStartedAt: start, baseMs: 5000, random: 0 }),
    ).toEqual({
      dead: false,
      nextAt: at(24 * HOUR - 50_000),
    });
    expect(
      afterFailure({ attempts: 3, at: at(24 * HOUR - 5_000), windowStartedAt: start, baseMs: 5000, random: 0 }),
    ).toEqual({
      dead: true,
    });
  });

  it('a webhook failing without a success for the whole period is disabled, not before', () => {
    const since = new Date('2025-03-03T07:00:00Z');
    expect(shouldDisable(since, new Date(since.getTime() + 72 * HOUR - 1), 72 * HOUR)).toBe(false);
    expect(shouldDisable(since, new Date(since.getTime() + 72 * HOUR), 72 * HOUR)).toBe(true);
    expect(shouldDisable(null, new Date(since.getTime() + 500 * HOUR), 72 * HOUR)).toBe(false);
  });
});
