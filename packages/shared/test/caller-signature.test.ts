import { type Caller, signCaller, verifyCaller } from '../src/domain';

const SECRET = 'a-secret-of-at-least-16-chars';
const customer: Caller = { kind: 'user', id: 'u1', role: 'CUSTOMER', organizationId: 'org-1', name: 'Ivan' };

function headers(map: Record<string, string>) {
  return { get: (name: string) => map[name] };
}

describe('signed caller header (the gateway signs, subgraphs verify)', () => {
  it('accepts the caller the gateway signed', () => {
    const verdict = verifyCaller(headers(signCaller(customer, SECRET)), SECRET);
    expect(verdict).toEqual({ ok: true, caller: customer, address: null });
  });

  it("carries the client's address when the gateway gives it", () => {
    const verdict = verifyCaller(headers(signCaller(customer, SECRET, Date.now(), '203.0.113.5')), SECRET);
    expect(verdict).toEqual({ ok: true, caller: customer, address: '203.0.113.5' });
  });

  it('refuses a request without a signature', () => {
    expect(verifyCaller(headers({}), SECRET)).toEqual({
      ok: false,
      reason: 'the request carries no signed caller (call through the gateway)',
    });
  });

  it('refuses a caller signed with another secret', () => {
    const verdict = verifyCaller(headers(signCaller(customer, 'another-secret-0123456789')), SECRET);
    expect(verdict.ok).toBe(false);
  });

  it('refuses a caller whose body was changed after signing (e.g. promoted to ADMIN)', () => {
    const signed = signCaller(customer, SECRET);
    const forged = Buffer.from(JSON.stringify({ caller: { ...customer, role: 'ADMIN' }, iat: Date.now() })).toString(
      'base64url',
    );
    const verdict = verifyCaller(headers({ ...signed, 'x-reglament-caller': forged }), SECRET);
    expect(verdict).toEqual({ ok: false, reason: 'the caller signature is not valid' });
  });

  it('refuses a signed caller replayed after five minutes', () => {
    const signedAt = Date.UTC(2025, 0, 1, 12, 0, 0);
    const signed = signCaller(customer, SECRET, signedAt);
    expect(verifyCaller(headers(signed), SECRET, signedAt + 4 * 60_000).ok).toBe(true);
    expect(verifyCaller(headers(signed), SECRET, signedAt + 6 * 60_000)).toEqual({
      ok: false,
      reason: 'the signed caller has expired',
    });
  });
});
