export * from './gateway-server';
export * from './context';
export { SUPERGRAPH_PATH, loadSupergraph } from './supergraph';
export { gatewayConfigShape } from './config';
export { clientSchemaOf, persistedProblems } from './persisted/folders';
export { PERSISTED_DIR } from './persisted/manifest-store';
