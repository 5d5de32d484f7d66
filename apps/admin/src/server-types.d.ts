// The API's router type reaches code that uses `request.cookies`, which @fastify/cookie adds to Fastify's
// types; the API loads that augmentation in app.ts, which the router type does not reach. Loading it here
// lets this app type-check the router. Remove once apps/api/src/context.ts imports it itself.
import type {} from '@fastify/cookie';
