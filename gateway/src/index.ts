export * from './system';
export * from './gateway-server';
export * from './context';
export { SUPERGRAPH_PATH, loadSupergraph } from './supergraph';
export { gatewayConfigShape } from './config';
export { composeSupergraph } from './tools/compose';
