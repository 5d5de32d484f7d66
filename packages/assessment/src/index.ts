export * from './appraisal.js';
export * from './scores.js';
