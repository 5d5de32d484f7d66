import { communityFacts } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isFactPath } from './facts.js';

describe('fact paths', () => {
  it('accepts every field and nested field of the snapshot schema, and nothing else', () => {
    const schemaPaths: string[] = [];
    for (const [key, schema] of Object.entries(communityFacts.shape)) {
      schemaPaths.push(key);
      const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
      if (inner instanceof z.ZodObject) {
        for (const nested of Object.keys(inner.shape)) schemaPaths.push(`${key}.${nested}`);
      }
    }
    expect(schemaPaths.length).toBeGreaterThan(50);
    expect(schemaPaths.filter((path) => !isFactPath(path))).toEqual([]);
    expect(isFactPath('facility.unknownField')).toBe(false);
    expect(isFactPath('householdz')).toBe(false);
  });
});
