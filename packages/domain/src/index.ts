export * from './common.js';
export * from './division.js';
export * from './errors.js';
export * from './identifiers.js';
export * from './labels.js';
export * from './organisation.js';
export * from './roles.js';
export * from './snapshot.js';
