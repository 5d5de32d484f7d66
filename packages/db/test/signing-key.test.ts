import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey } from '../src/index.js';

describe("the installation's checkpoint signing key", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shequ-key-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is created on first use in a file only its owner can read, and the same key is used afterwards', async () => {
    const path = join(dir, 'nested', 'signing-key.pem');
    const first = loadSigningKey(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first.publicKey, 'base64')).toHaveLength(32);
    expect(loadSigningKey(path).publicKey).toBe(first.publicKey);
    expect(loadSigningKey(join(dir, 'other.pem')).publicKey).not.toBe(first.publicKey);
  });
});
