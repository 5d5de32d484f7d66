/**
 * What a program needs to run the API in its own process — the load benchmark, an embedding host:
 * the app factory, the first administrator, password hashing, and the dashboard the benchmark also
 * puts behind a bare route to measure what the procedures add.
 */
export { type BuildAppOptions, buildApp } from './app.js';
export { hashPassword } from './auth/password.js';
export { ensureFirstAdmin } from './bootstrap.js';
export { dashboardOf } from './routers/compliance.js';
