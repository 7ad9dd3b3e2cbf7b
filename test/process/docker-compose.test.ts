import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractsConfigShape } from '@reglament/contracts';
import { gatewayConfigShape } from '@reglament/gateway';
import { notificationsConfigShape } from '@reglament/notifications';
import { type ConfigShape, parseConfig } from '@reglament/shared/platform';
import { slaConfigShape } from '@reglament/sla';
import { ticketsConfigShape } from '@reglament/tickets';
import { parse } from 'yaml';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
}

/** There is no Docker engine here: the compose file is checked statically against each part's config. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(__dirname, '../../docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };

  /** `${NAME:-default}` as docker compose resolves it with NAME unset. */
  const resolve = (value: string) => String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');

  const parts: [string, ConfigShape, string[]][] = [
    ['tickets', ticketsConfigShape, ['DATABASE_URL', 'NATS_URL']],
    ['sla', slaConfigShape, ['DATABASE_URL', 'NATS_URL']],
    ['contracts', contractsConfigShape, ['DATABASE_URL', 'NATS_URL']],
    ['notifications', notificationsConfigShape, ['DATABASE_URL', 'NATS_URL']],
    [
      'gateway',
      gatewayConfigShape,
      ['NATS_URL', 'JWT_SECRET', 'TICKETS_URL', 'SLA_URL', 'CONTRACTS_URL', 'NOTIFICATIONS_URL'],
    ],
  ];

  it('runs postgres, NATS with JetStream and every part as its own container', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['contracts', 'gateway', 'nats', 'notifications', 'postgres', 'sla', 'tickets'].sort(),
    );
    expect(compose.services.nats!.command).toContain('-js');
  });

  it.each(parts)(
    '%s: every variable its config requires is set, with a value the config accepts',
    (name, shape, distributed) => {
      const environment = Object.fromEntries(
        Object.entries(compose.services[name]!.environment ?? {}).map(([k, v]) => [k, resolve(v)]),
      );
      const required = Object.entries(shape)
        .filter(([, schema]) => !schema.safeParse(undefined).success)
        .map(([variable]) => variable);
      for (const variable of [...required, ...distributed]) expect(environment).toHaveProperty(variable);
      expect(() => parseConfig(shape, environment)).not.toThrow();
      // Only names the part knows: a typo would be silently ignored at run time.
      for (const variable of Object.keys(environment)) expect(Object.keys(shape)).toContain(variable);
    },
  );

  it.each(parts.map(([name]) => [name]))(
    '%s runs node itself (signals reach it; no pnpm in between) and is healthy only when /readyz says so',
    (name) => {
      const main = name === 'gateway' ? 'gateway/src/main.ts' : `services/${name}/src/main.ts`;
      expect(compose.services[name]!.command).toEqual(['node', '--import', 'tsx', main]);
      const service = compose.services[name] as ComposeService & {
        healthcheck?: { test: string[] };
        init?: boolean;
      };
      expect(service.init).toBe(true);
      expect(service.healthcheck?.test.join(' ')).toContain('/readyz');
    },
  );

  it('the gateway waits for every part to be healthy and keeps its data on a volume', () => {
    const gateway = compose.services.gateway as ComposeService & {
      depends_on: Record<string, { condition: string }>;
      volumes: string[];
    };
    for (const part of ['tickets', 'sla', 'contracts', 'notifications']) {
      expect(gateway.depends_on[part]).toEqual({ condition: 'service_healthy' });
    }
    expect(gateway.volumes).toContain('gatewaydata:/app/.data');
  });
});
