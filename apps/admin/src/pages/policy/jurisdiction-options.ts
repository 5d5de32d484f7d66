/** The jurisdictions whose rules the explorer can show, as options of a Select. */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc.js';

export function useJurisdictionOptions() {
  const list = useQuery(trpc.policy.jurisdictions.queryOptions());
  const options = (list.data ?? []).map((j) => ({
    value: j.code,
    label: `${j.name}（${j.code}）`,
  }));
  return { list, options };
}
