import { describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

describe('shequ', () => {
  it('refuses an unknown command with status 2 and names the commands there are', () => {
    const result = shequ(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('未知命令: frobnicate');
    expect(result.stderr).toContain('demo');
  });

  it('refuses a malformed division code for import, naming the field, before touching any database', () => {
    const result = shequ(['import', 'divisions', '--prefix', '3205'], {
      env: { SHEQU_DATA_DIR: '/nonexistent/never' },
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('prefix: 行政区划代码应为6位、9位或12位数字（3205）');
  });
});
