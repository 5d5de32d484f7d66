/**
 * What a program needs to run the API in its own process — the load benchmark, an embedding host:
 * the app factory, the first administrator, password hashing, and what the benchmark also puts behind
 * a bare route to measure what the procedures add: the dashboard, and the answers' compression, which
 * both sides then do alike.
 */
export { type BuildAppOptions, buildApp } from './app.js';
export { hashPassword } from './auth/password.js';
export { ensureFirstAdmin } from './bootstrap.js';
export { registerJsonCompression } from './compression.js';
export { dashboardOf } from './routers/compliance.js';
