/**
 * Fact paths: the names a rule uses to declare which facts of a community snapshot it reads
 * (`households`, `facility.totalArea`). Declaring them lets the engine report `unknown` when one
 * is missing — before the rule's own code runs — and list them in the explanation.
 */
import { type CommunityFacts, communityFacts } from '@shequ/domain';
import { z } from 'zod';

type Facts = CommunityFacts;
type Key = keyof Facts & string;
/** The object type behind a nested (non-array) fact, or never. */
type NestedObject<T> =
  NonNullable<T> extends readonly unknown[] ? never : NonNullable<T> extends object ? NonNullable<T> : never;

type NestedPath = {
  [K in Key]: [NestedObject<Facts[K]>] extends [never]
    ? never
    : `${K}.${keyof NestedObject<Facts[K]> & string}`;
}[Key];

/** Every fact a rule may read: a top-level field or a field of a nested object (`facility.totalArea`). */
export type FactPath = Key | NestedPath;

/** The (present) value type of a fact path. */
export type FactValue<P extends FactPath> = P extends `${infer A extends Key}.${infer B}`
  ? B extends keyof NestedObject<Facts[A]>
    ? NonNullable<NestedObject<Facts[A]>[B]>
    : never
  : P extends Key
    ? NonNullable<Facts[P]>
    : never;

/** Facts whose absence means a documented default (CONTRACTS.md §2: `setting` defaults to `urban`). */
const factDefaults: Partial<Record<FactPath, unknown>> = { setting: 'urban' };

export type FactGetter = (facts: Facts) => unknown;

/** Compiles a fact path into a getter once, so evaluation does no string work per community. */
export function factGetter(path: FactPath): FactGetter {
  const fallback = factDefaults[path];
  const dot = path.indexOf('.');
  if (dot < 0) {
    const key = path as Key;
    return fallback === undefined ? (f) => f[key] : (f) => f[key] ?? fallback;
  }
  const outer = path.slice(0, dot) as Key;
  const inner = path.slice(dot + 1);
  return (f) => {
    const object = f[outer] as Record<string, unknown> | undefined;
    return object === undefined ? undefined : object[inner];
  };
}

/** Every fact path the snapshot schema defines, for validating declarations at load time. */
export function isFactPath(path: string): path is FactPath {
  return knownFactPaths.has(path);
}

/** Read from the schema itself, so a field added to the snapshot format is readable at once. */
const knownFactPaths: ReadonlySet<string> = (() => {
  const paths = new Set<string>();
  for (const [key, schema] of Object.entries(communityFacts.shape)) {
    paths.add(key);
    const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
    if (inner instanceof z.ZodObject) {
      for (const nested of Object.keys(inner.shape)) paths.add(`${key}.${nested}`);
    }
  }
  return paths;
})();
