/** The whole system in one process (`pnpm start`, the end-to-end tests) and the build tools that need every part. */
export * from './system';
export { composeSupergraph, SUPERGRAPH_FILE } from './tools/compose';
export { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from './tools/subgraphs';
