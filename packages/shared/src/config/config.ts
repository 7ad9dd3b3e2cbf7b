import { z } from 'zod';

/**
 * Configuration is read once, from the environment, and validated before anything starts.
 * A bad or missing value stops the process with one line naming the variable and what it expects.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expectation: string,
    readonly got: string | undefined,
  ) {
    super(
      `Invalid configuration: ${variable} ${expectation}` +
        (got === undefined ? ' (it is not set)' : ` (got ${JSON.stringify(redact(variable, got))})`),
    );
    this.name = 'ConfigError';
  }
}

function redact(variable: string, value: string): string {
  return /SECRET|PASSWORD|TOKEN|KEY/i.test(variable) ? '***' : value;
}

export type Env = Record<string, string | undefined>;
export type ConfigShape = Record<string, z.ZodType>;
export type ConfigOf<S extends ConfigShape> = { [K in keyof S]: z.output<S[K]> };

/** Parses `env` against `shape` (keys are variable names); throws ConfigError on the first bad variable. */
export function parseConfig<S extends ConfigShape>(shape: S, env: Env): ConfigOf<S> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const raw = env[name] === '' ? undefined : env[name];
    const result = schema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      const expectation = schema.description ?? issue?.message ?? 'is invalid';
      throw new ConfigError(name, expectation, raw);
    }
    out[name] = result.data;
  }
  return out as ConfigOf<S>;
}

/**
 * The composition roots call this: on a ConfigError it prints the one line and exits with 1.
 * (Exit code 1, never 0: a supervisor must see the failure.)
 */
export function loadConfigOrExit<S extends ConfigShape>(shape: S, env: Env): ConfigOf<S> {
  try {
    return parseConfig(shape, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      process.exit(1);
    }
    throw error;
  }
}

/** Building blocks; each carries a description that becomes the "what it expects" of the error line. */
export const env = {
  port: (fallback: number) =>
    z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(fallback)
      .describe(`must be a TCP port number 0-65535 (default ${fallback})`),
  postgresUrl: () =>
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/)
      .optional()
      .describe('must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/postgres (unset: embedded PGlite)'),
  natsUrl: () =>
    z
      .string()
      .regex(/^(nats|tls):\/\/\S+$/)
      .optional()
      .describe('must be a nats:// URL, e.g. nats://127.0.0.1:4222 (unset: in-process bus)'),
  secret: (name: string) => z.string().min(16).describe(`must be a secret of at least 16 characters (${name})`),
  optionalSecret: (name: string) =>
    z.string().min(16).optional().describe(`must be a secret of at least 16 characters when set (${name})`),
  flag: (fallback: boolean) =>
    z
      .enum(['0', '1', 'true', 'false'])
      .default(fallback ? '1' : '0')
      .transform((v) => v === '1' || v === 'true')
      .describe('must be 1, 0, true or false'),
  logLevel: () =>
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('must be one of fatal, error, warn, info, debug, trace, silent'),
  identifier: (fallback: string) =>
    z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,40}$/)
      .default(fallback)
      .describe(`must be a letter followed by up to 40 letters, digits or underscores (default ${fallback})`),
  integer: (fallback: number, min: number, max: number, what: string) =>
    z.coerce
      .number()
      .int()
      .min(min)
      .max(max)
      .default(fallback)
      .describe(`must be an integer ${min}-${max} (${what}; default ${fallback})`),
  path: (fallback: string) => z.string().min(1).default(fallback).describe('must be a file system path'),
  host: (fallback: string) =>
    z
      .string()
      .regex(/^[0-9A-Za-z.:_-]{1,253}$/)
      .default(fallback)
      .describe(`must be an address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0 (default ${fallback})`),
  url: () => z.url().describe('must be an http(s) URL'),
  optionalEmail: (what: string) => z.email().optional().describe(`must be an e-mail address when set (${what})`),
  optionalPassword: (what: string) =>
    z.string().min(8).optional().describe(`must be at least 8 characters when set (${what})`),
  optionalUrl: () => z.url().optional().describe('must be an http(s) URL when set'),
};
