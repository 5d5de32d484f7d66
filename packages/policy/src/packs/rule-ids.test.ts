/**
 * Rule ids are stable within a major version (GUIDE.md, "Versions"): a rule id renamed or removed is
 * a major change. `rule-ids.json` records every shipped rule id of the current major; this test fails
 * when one disappears, unless the file's `major` moves on with the package's major version. New ids
 * are listed there (and in RULES-CHANGELOG.md) when added.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedPacks } from './index.js';

const readJson = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const recorded = readJson<{ major: number; packs: Record<string, string[]> }>('../../rule-ids.json');
const { version } = readJson<{ version: string }>('../../package.json');

const idsOf = (code: string) => {
  const pack = shippedPacks[code];
  if (!pack) return [];
  const replacements = pack.overrides.flatMap((o) => (o.action === 'replace-rule' ? [o.rule.id] : []));
  return [...pack.rules.map((r) => r.id), ...replacements];
};

describe('rule ids within a major version', () => {
  it('are recorded for the package’s major version', () => {
    expect(recorded.major).toBe(Number(version.split('.')[0]));
  });

  it.each(Object.keys(recorded.packs))('%s keeps every recorded rule id', (code) => {
    const current = new Set(idsOf(code));
    expect(recorded.packs[code]?.filter((id) => !current.has(id))).toEqual([]);
  });

  it('records every shipped rule id (add new ones to rule-ids.json and RULES-CHANGELOG.md)', () => {
    for (const code of Object.keys(shippedPacks)) {
      expect(
        idsOf(code).filter((id) => !recorded.packs[code]?.includes(id)),
        code,
      ).toEqual([]);
    }
  });
});
