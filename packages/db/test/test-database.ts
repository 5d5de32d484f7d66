/** A test database that lives as long as the tests of one `describe` block (or file). */
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '../src/index.js';
import { createTestDatabase } from '../src/testing.js';

/**
 * A fresh test database, prepared by `setUp` before the enclosing block's tests and closed after them.
 * Read its members inside a test or hook, once the set-up has run.
 */
export function testDatabaseForTheseTests(
  setUp: (database: DatabaseHandle) => Promise<unknown> = async () => {},
): DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await setUp(handle);
  }, 180_000);
  afterAll(() => handle?.close());
  const current = (): DatabaseHandle => {
    if (!handle) throw new Error('the test database is read before its set-up has run');
    return handle;
  };
  return {
    get db() {
      return current().db;
    },
    get kind() {
      return current().kind;
    },
    get location() {
      return current().location;
    },
    close: () => current().close(),
  };
}
