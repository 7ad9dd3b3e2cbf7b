import { ConfigError, env, parseConfig, platformConfigShape } from '../src/platform';

const valid = { INTERNAL_SECRET: '0123456789abcdef0123' };

describe('configuration from the environment', () => {
  it('applies defaults and parses types', () => {
    const config = parseConfig({ ...platformConfigShape, PORT: env.port(4001) }, valid);
    expect(config.PORT).toBe(4001);
    expect(config.EVENT_PREFIX).toBe('reglament');
    expect(config.TEST_CLOCK).toBe(false);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names the variable and what it expects in one line', () => {
    expect(() => parseConfig(platformConfigShape, { ...valid, DATABASE_URL: 'mysql://x' })).toThrow(
      new ConfigError(
        'DATABASE_URL',
        'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/postgres (unset: embedded PGlite)',
        'mysql://x',
      ),
    );
    const error = (() => {
      try {
        parseConfig({ PORT: env.port(4001) }, { PORT: 'eighty' });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error?.message).toBe(
      'Invalid configuration: PORT must be a TCP port number 0-65535 (default 4001) (got "eighty")',
    );
    expect(error?.message.split('\n')).toHaveLength(1);
  });

  it('reports a missing required variable and never prints a secret', () => {
    expect(() => parseConfig(platformConfigShape, {})).toThrow(
      'Invalid configuration: INTERNAL_SECRET must be a secret of at least 16 characters (HMAC key the gateway signs callers with) (it is not set)',
    );
    expect(() => parseConfig(platformConfigShape, { INTERNAL_SECRET: 'short' })).toThrow('(got "***")');
  });
});
