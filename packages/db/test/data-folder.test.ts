import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultDataFolder } from '../src/client.js';

describe('the default PGlite data folder', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is .data/pglite under the working directory, wherever the package is installed', async () => {
    const project = mkdtempSync(join(tmpdir(), 'shequ-project-'));
    vi.spyOn(process, 'cwd').mockReturnValue(project);
    vi.stubEnv('INIT_CWD', '');
    vi.resetModules();
    const { defaultDataDir } = await import('../src/client.js');
    expect(defaultDataDir).toBe(join(project, '.data/pglite'));
    expect(defaultDataDir).not.toContain('node_modules');
  });

  it('follows the directory a package script was started from (npm and pnpm set INIT_CWD)', () => {
    expect(defaultDataFolder('/srv/app/apps/api', { INIT_CWD: '/srv/app' })).toBe('/srv/app/.data/pglite');
    expect(defaultDataFolder('/srv/app', {})).toBe('/srv/app/.data/pglite');
  });
});
