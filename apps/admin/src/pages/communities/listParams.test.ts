import { describe, expect, it } from 'vitest';
import { listInputFromParams } from './listParams.js';

describe('community list state in the URL', () => {
  it('reads node, search, page, sort and household range', () => {
    const input = listInputFromParams(
      new URLSearchParams(
        'under=370305111&q=象山&page=3&size=50&sort=households&order=descend&min=100&max=5000',
      ),
    );
    expect(input).toEqual({
      under: '370305111',
      search: '象山',
      page: 3,
      pageSize: 50,
      sortField: 'households',
      sortOrder: 'descend',
      minHouseholds: 100,
      maxHouseholds: 5000,
    });
  });

  it('falls back to the first page by code for missing or hand-edited values', () => {
    const input = listInputFromParams(new URLSearchParams('page=-2&size=100000&sort=password&min=abc'));
    expect(input).toMatchObject({ page: 1, pageSize: 100, sortField: 'code', sortOrder: 'ascend' });
    expect(input.minHouseholds).toBeUndefined();
  });
});
