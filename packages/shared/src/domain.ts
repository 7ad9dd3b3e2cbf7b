/**
 * `@reglament/shared/domain`: what every part's `domain/` code may use. Errors, ids, the enums of
 * the public API, presets, the event catalog (payload types, envelopes, subjects), callers and
 * their access rules, text checks. It loads no infrastructure (no TypeORM, NATS, Apollo, pg):
 * test/architecture/domain-loads-nothing.test.ts imports it in a clean process and checks.
 */
export * from './errors';
export * from './ids';
export * from './domain-types';
export * from './presets';
export * from './events/catalog';
export * from './events/envelope';
export * from './events/subjects';
export * from './auth/caller';
export * from './text/unicode';
export * from './text/controls';
