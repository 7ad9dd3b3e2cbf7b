/**
 * `@reglament/shared/telemetry`: imported first by every process's entry point, before anything
 * that loads `http`, `undici` or `pg`, so their instrumentations can wrap them. With
 * OTEL_EXPORTER_OTLP_ENDPOINT set it starts the OpenTelemetry Node SDK (traces over OTLP/HTTP,
 * the standard OTEL_* variables apply: OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER, ...); unset, it
 * does nothing and loads nothing more.
 */
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as HttpInstrumentations from '@opentelemetry/instrumentation-http';
import type * as PgInstrumentations from '@opentelemetry/instrumentation-pg';
import type * as UndiciInstrumentations from '@opentelemetry/instrumentation-undici';
import type * as SdkNode from '@opentelemetry/sdk-node';
import { onTelemetryFlush } from './tracing';

export function startTelemetry(serviceName = partName()): void {
  // The OpenTelemetry standard variables, read by the SDK itself: this runs before any config loads.
  // eslint-disable-next-line no-restricted-properties
  const env = process.env;
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT || started) return;
  started = true;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof SdkNode;
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof HttpInstrumentations;
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof UndiciInstrumentations;
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof PgInstrumentations;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? serviceName,
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      // Health checks and metrics scrapes are not worth a trace each.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)/.test(req.url ?? ''),
      }),
      new UndiciInstrumentation(),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  // The last spans go out on SIGTERM (runUntilSignal) or when the loop empties.
  onTelemetryFlush(() => sdk.shutdown());
  process.once('beforeExit', () => void sdk.shutdown());
}

let started = false;

/** The part this process runs, from its entry file (services/<part>/..., gateway/...), else "reglament". */
function partName(): string {
  const entry = (process.argv[1] ?? '').replace(/\\/g, '/');
  return /\/services\/([a-z]+)\//.exec(entry)?.[1] ?? (entry.includes('/gateway/') ? 'gateway' : 'reglament');
}

startTelemetry();
