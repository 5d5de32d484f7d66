import { describe, expect, it } from 'vitest';
import { homePath, safeNext } from './navigation.js';

describe('where sign-in leads', () => {
  it('returns to the page the visitor asked for', () => {
    expect(safeNext('/communities/370305111007')).toBe('/communities/370305111007');
    expect(safeNext('/communities?under=370305111')).toBe('/communities?under=370305111');
  });

  it('never leaves the console or loops back to the sign-in page', () => {
    for (const next of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/login',
      '/login?next=/x',
    ]) {
      expect(safeNext(next)).toBe(homePath);
    }
  });
});
