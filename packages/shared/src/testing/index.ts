export * from './eventually';
export * from './infrastructure';
export * from './nats-server';
