export * from './eventually';
export * from './infrastructure';
export * from './nats-server';
export * from './consumer-acks';
