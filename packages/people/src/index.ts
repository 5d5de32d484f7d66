export * from './access.js';
export * from './citations.js';
export * from './conflicts.js';
export * from './demo.js';
export * from './masking.js';
export * from './registers.js';
export * from './rules.js';
export * from './snapshot.js';
