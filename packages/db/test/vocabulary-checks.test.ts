import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/client.js';
import { createTestDatabase } from '../src/testing.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** What a writer outside the stores (a script, psql) gets when it stores a word no package knows. */
async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await database.db.execute(statement);
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return String(cause?.message ?? (error as Error).message);
  }
  return 'stored';
}

describe('status and kind columns hold only their package’s vocabulary', () => {
  it('refuses an account role the platform does not have, and stores one it has', async () => {
    const insert = (role: string) => sql`
      insert into users (username, display_name, role, jurisdiction_code, password_hash)
      values (${`u-${role}`}, '测试', ${role}, '000000', 'x')`;
    expect(await refusal(insert('superuser'))).toMatch(/users_role_check/);
    expect(await refusal(insert('auditor'))).toBe('stored');
  });

  it('refuses a jurisdiction level between the five the divisions use', async () => {
    const insert = (code: string, level: string) => sql`
      insert into jurisdictions (code, name, level, province_code) values (${code}, '测试', ${level}, '990000')`;
    expect(await refusal(insert('990000', 'village'))).toMatch(/jurisdictions_level_check/);
    expect(await refusal(insert('990000', 'province'))).toBe('stored');
  });

  it('refuses a kind of people unit the registers do not have, and stores a property-service area', async () => {
    const insert = (kind: string) => sql`
      insert into people_units (community_code, kind, name, record) values ('990000000001', ${kind}, '测试', '{}')`;
    expect(await refusal(insert('estate'))).toMatch(/people_units_kind_check/);
    expect(await refusal(insert('property-area'))).toBe('stored');
  });
});
