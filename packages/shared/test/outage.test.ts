import { outageOf } from '@reglament/shared/domain';

/**
 * What the gateway and the parts call an outage (a typed, retryable SERVICE_UNAVAILABLE, docs/api.md
 * "Errors") rather than a bug (INTERNAL_SERVER_ERROR, logged).
 */
describe('outages told from bugs', () => {
  const coded = (code: string) => Object.assign(new Error(code), { code });

  it('a refused connection: nothing ran, safe to send again', () => {
    expect(outageOf(coded('ECONNREFUSED'))).toEqual({ outage: true, connect: true });
  });

  it('a part that answers later than the gateway waits (undici timeouts), or a connection cut mid-way: it may have run', () => {
    for (const code of ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ECONNRESET', 'UND_ERR_SOCKET']) {
      expect([code, outageOf(coded(code))]).toEqual([code, { outage: true, connect: false }]);
    }
  });

  it('looks through causes (fetch wraps the socket error)', () => {
    const error = new TypeError('fetch failed', { cause: coded('UND_ERR_HEADERS_TIMEOUT') });
    expect(outageOf(error)).toEqual({ outage: true, connect: false });
  });

  it('a bug is not an outage', () => {
    expect(outageOf(new TypeError("Cannot read properties of undefined (reading 'id')"))).toEqual({
      outage: false,
      connect: false,
    });
  });
});
