import { ErrorCode } from '@reglament/shared/domain';
import { type Route, sendJson } from '@reglament/shared/platform';
import type { ExecutionResult } from 'graphql';
import type { Authenticator } from '../auth/authenticate';
import type { GatewayContext } from '../context';
import type { InFlightLimiter } from '../guard/in-flight';
import { RateLimiter } from '../guard/rate-limiter';
import { CONTENT_TYPES, type ReportFormat, render } from './reports/formats';
import type { ReportKind } from './reports/report-kind';
import { breachesReportKind, slaReportKind } from './reports/sla-report';
import { statementReportKind } from './reports/statement-report';

export interface ReportDownloadOptions {
  authenticator: Authenticator;
  /** The gateway's per-caller request limits (a download is a request like any other)... */
  limiter: RateLimiter;
  inFlight: InFlightLimiter;
  /** ...and a stricter one of its own: a report reads a year of clocks. */
  downloadsPerMinute?: number;
  /** Runs an operation through the supergraph as the caller (their rights apply in every subgraph). */
  execute: (query: string, variables: Record<string, unknown>, context: GatewayContext) => Promise<ExecutionResult>;
}

const PATH = /^\/reports\/(sla|breaches|statement)\.(csv|xlsx|html)$/;
const KINDS: Record<string, ReportKind<never>> = {
  sla: slaReportKind as ReportKind<never>,
  breaches: breachesReportKind as ReportKind<never>,
  statement: statementReportKind as ReportKind<never>,
};
const STATUS_OF: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/**
 * Report downloads with `Authorization: Bearer <token>`, run through the supergraph as the caller
 * (every subgraph applies the caller's rights): `GET /reports/sla.csv|.xlsx|.html` (`slaReport`)
 * and `GET /reports/statement.csv|.xlsx|.html` (`monthlyStatement`), with Russian or English
 * column names (`lang`). HTML is a printable page without scripts or outside resources.
 */
export function reportDownloadRoute(options: ReportDownloadOptions): Route {
  const downloads = new RateLimiter(options.downloadsPerMinute ?? 30, 10);
  return async (req, res, url) => {
    const match = PATH.exec(url.pathname);
    if (!match) return false;
    const kind = KINDS[match[1]!]!;
    const format = match[2] as ReportFormat;
    if (req.method !== 'GET') {
      sendJson(res, 405, refusal(ErrorCode.BAD_REQUEST, 'Reports are downloaded with GET'), { allow: 'GET' });
      return true;
    }
    let context: GatewayContext;
    try {
      context = await options.authenticator.authenticate({ authorization: req.headers.authorization });
    } catch (error) {
      sendJson(res, 401, refusal(ErrorCode.UNAUTHENTICATED, (error as Error).message));
      return true;
    }
    const valid = options.authenticator.stillValid(context);
    if (context.caller.kind !== 'user' || !valid.ok) {
      const reason = valid.ok ? 'send "Authorization: Bearer <token>"' : valid.reason;
      sendJson(res, 401, refusal(ErrorCode.UNAUTHENTICATED, `A report needs a signed-in caller: ${reason}`), {
        'www-authenticate': 'Bearer',
      });
      return true;
    }
    const key = `user:${context.caller.id}`;
    const own = downloads.take(key);
    const decision = own.allowed ? options.limiter.take(key) : own;
    const leave = decision.allowed ? options.inFlight.enter(key) : null;
    if (!leave) {
      const retry = decision.allowed ? 1 : decision.retryAfterSeconds;
      const message = decision.allowed
        ? options.inFlight.message()
        : own.allowed
          ? options.limiter.message(retry)
          : `At most ${options.downloadsPerMinute ?? 30} report downloads a minute; retry in ${retry} s`;
      sendJson(res, 429, refusal(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds: retry }), {
        'retry-after': String(retry),
      });
      return true;
    }
    try {
      const parsed = kind.parse(url);
      if (!parsed.ok) {
        sendJson(res, 400, refusal(ErrorCode.BAD_USER_INPUT, parsed.message));
        return true;
      }
      const execute = (variables: Record<string, unknown>) => options.execute(kind.query, variables, context);
      const result = kind.run ? await kind.run(execute, parsed.variables) : await execute(parsed.variables);
      if (result.errors?.length || !result.data) {
        const first = result.errors?.[0];
        const code = String(first?.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
        sendJson(res, STATUS_OF[code] ?? 500, {
          errors: result.errors ?? [{ message: 'No report', extensions: { code } }],
        });
        return true;
      }
      const document = kind.document(result.data, parsed.variables, parsed.lang);
      const body = await render(document, format);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[format],
        // HTML opens to be printed; the spreadsheets are saved.
        'content-disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${document.name}.${format}"`,
        'content-length': String(body.length),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        ...(format === 'html'
          ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" }
          : {}),
      });
      res.end(body);
    } finally {
      leave();
    }
    return true;
  };
}

function refusal(code: string, message: string, details: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...details } }] };
}
