export * from './gateway-server';
export * from './context';
export { SUPERGRAPH_PATH, loadSupergraph } from './supergraph';
export { gatewayConfigShape } from './config';
export { clientSchemaOf, persistedProblems } from './persisted/folders';
export { PERSISTED_DIR } from './persisted/manifest-store';
export { buildOperationsSchema, OPERATIONS_SUBGRAPH } from './operations/parked-events';
