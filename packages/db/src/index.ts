export * from './client.js';
export * from './demo-facts.js';
export type { DivisionNode, ResidentsCommittee } from './divisions.js';
export { isResidentsCommittee, readDivisionNodes, readResidentsCommittees } from './divisions.js';
export * from './facts-import.js';
export * from './migrate.js';
export * from './schema.js';
export * from './seed.js';
