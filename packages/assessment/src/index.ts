export * from './appraisal.js';
export * from './cells.js';
export * from './compute.js';
export * from './decimal.js';
export * from './file-input.js';
export * from './findings.js';
export * from './scheme.js';
export * from './scores.js';
