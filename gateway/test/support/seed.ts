// The seeding kit lives in test/support/seed.ts (one for every end-to-end test); the gateway's
// tests and benchmarks take it from there.
export { ADMIN_ID, adminToken, seedCustomer, type SeededCustomer } from '../../../test/support/seed';
