export * from './citations.js';
export * from './dates.js';
export * from './demo.js';
export * from './labels.js';
export * from './records.js';
export * from './rules.js';
export * from './snapshot.js';
