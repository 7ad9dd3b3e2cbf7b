export * from './attachment.entities';
export * from './read-model.entities';
export * from './thread.entities';
export * from './ticket.entity';
