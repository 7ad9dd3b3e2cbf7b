import { assertInfrastructureReachable, dropStaleTestDatabases, dropStaleTestStreams } from '@reglament/shared/testing';

/** Before any test: PostgreSQL and NATS must answer, or the run fails at once saying how to start them. */
export default async function globalSetup(): Promise<void> {
  await assertInfrastructureReachable();
  await dropStaleTestDatabases();
  await dropStaleTestStreams();
}
