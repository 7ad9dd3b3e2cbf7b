import type { SlaFailureReportEntity, SlaTimerEntity } from '../infra/entities';
import type { SlaPolicy as Policy } from '../domain/policy';
import type { SlaMetric } from '@reglament/shared/domain';
import { type FailureReport, type SlaPolicy, type SlaTimer, Ticket } from './types/sla.types';

export function toTimer(row: SlaTimerEntity): SlaTimer {
  return {
    id: row.id,
    ticketId: row.ticketId,
    metric: row.metric,
    party: row.party,
    status: row.status,
    cycle: row.cycle,
    startedAt: row.startedAt,
    deadline: row.deadline,
    warnAt: row.warnAt,
    stoppedAt: row.stoppedAt,
    breachedAt: row.breachedAt,
    elapsedWorkingMinutes: Math.round(row.elapsedMinutes * 100) / 100,
    remainingWorkingMinutes: row.remainingMinutes === null ? null : Math.round(row.remainingMinutes * 100) / 100,
    failureReportId: row.failureReportId,
    provisional: row.provisional,
    policyId: row.policyId,
    contractId: row.contractId,
    category: row.category,
    priority: row.priority,
  };
}

export function toFailureReport(row: SlaFailureReportEntity): FailureReport {
  return {
    id: row.id,
    ticketId: row.ticketId,
    ticket: Object.assign(new Ticket(), { id: row.ticketId }),
    organizationId: row.organizationId,
    forFailure: row.forFailure,
    metrics: row.metrics as SlaMetric[],
    causes: row.causes,
    measures: row.measures,
    submittedAt: row.submittedAt,
    submittedBy: row.submittedBy,
  };
}

function describeMeasure(measure: Policy['targets'][number]['measure']): string {
  switch (measure.kind) {
    case 'WORKING_MINUTES':
    case 'CALENDAR_MINUTES':
      return `${measure.kind} ${measure.minutes}`;
    case 'WORKING_DAYS':
      return `WORKING_DAYS ${measure.days}`;
    case 'RELEASE':
      return `RELEASE ${measure.release}`;
    case 'AGREED':
      return 'AGREED';
    case 'PACKAGE_REACTION':
      return `PACKAGE_REACTION (default WORKING_MINUTES ${measure.defaultMinutes})`;
    case 'PROMISED':
      return `PROMISED ${new Date(measure.at).toISOString()}`;
    case 'DUTY_DUE':
      return `DUTY_DUE ${measure.workingDays} working days after ${measure.periodStartsOn}`;
  }
}

export function toPolicy(policy: Policy): SlaPolicy {
  return {
    id: policy.id,
    name: policy.name,
    preset: policy.preset,
    seed: policy.seed,
    description: policy.description,
    calendarId: policy.calendarId,
    failureReportRequired: policy.failureReportRequired,
    reactionRequiresPrepaid: policy.reactionRequiresPrepaid,
    targets: policy.targets.map((t) => ({
      metric: t.metric,
      party: t.party,
      categories: t.appliesTo.categories ? [...t.appliesTo.categories] : null,
      priorities: t.appliesTo.priorities ? [...t.appliesTo.priorities] : null,
      channels: t.appliesTo.channels ? [...t.appliesTo.channels] : null,
      measure: describeMeasure(t.measure),
      warning: t.warn
        ? t.warn.kind === 'FRACTION'
          ? `when ${t.warn.fraction * 100}% of the time is left`
          : t.warn.kind === 'WORKING_DAYS'
            ? `${t.warn.days} working day(s) before`
            : `${t.warn.minutes} working minutes before`
        : null,
    })),
  };
}
