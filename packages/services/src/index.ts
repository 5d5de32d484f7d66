export * from './access.js';
export * from './cases.js';
export * from './citations.js';
export * from './demo.js';
export * from './feedback.js';
export * from './snapshot.js';
export * from './visits.js';
export * from './windows.js';
