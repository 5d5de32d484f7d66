import type { RouterInputs } from '../../lib/trpc.js';

export type ListInput = RouterInputs['communities']['list'];
type SortField = NonNullable<ListInput['sortField']>;

const sortFields: readonly SortField[] = ['code', 'name', 'households', 'residents', 'updatedAt'];

function numberParam(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}

/**
 * The list state lives in the URL (`?under=…&q=…&page=…&sort=…`) so a reload, a shared link or the
 * back button from a community returns to the same page of the same list.
 */
export function listInputFromParams(params: URLSearchParams): ListInput {
  const sort = params.get('sort');
  return {
    under: params.get('under') ?? undefined,
    search: params.get('q') ?? undefined,
    page: numberParam(params.get('page')) || 1,
    pageSize: Math.min(numberParam(params.get('size')) || 20, 100),
    sortField: sortFields.find((field) => field === sort) ?? 'code',
    sortOrder: params.get('order') === 'descend' ? 'descend' : 'ascend',
    minHouseholds: numberParam(params.get('min')),
    maxHouseholds: numberParam(params.get('max')),
  };
}
