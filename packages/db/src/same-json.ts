import { isDeepStrictEqual } from 'node:util';

/**
 * Whether two JSON documents say the same: key order aside (PostgreSQL's jsonb keeps its own) and a
 * member that is `undefined` taken as absent, as it is once stored. An import uses it to leave alone the
 * records a sheet says again as they are.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));
}
