/**
 * What the workload tabs share: the node a query asks about and the communities a picker offers.
 */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc.js';

/**
 * The node a workload query asks about: the system administrator's 全国 (000000) is no division code,
 * so the query leaves it out and the API answers for the whole country, the principal's own scope.
 */
export const underNode = (node: string): string | undefined => (node === '000000' ? undefined : node);

/** The communities of the signed-in street (or the community itself), for the pickers. */
export function useCommunities(node: string) {
  const isStreet = node.length === 9;
  const street = useQuery({
    ...trpc.services.cases.queryOptions({ under: node, limit: 1 }),
    enabled: isStreet,
  });
  if (node.length === 12) return [{ value: node, label: '本社区' }];
  return (street.data?.communities ?? []).map((c) => ({ value: c.code, label: c.name }));
}
