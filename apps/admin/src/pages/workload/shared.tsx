/**
 * What the workload tabs share: date and option helpers, field problems placed on the form, and the
 * communities a picker offers.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, type Form } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { serverErrorsFor } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';

export const asDate = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : '');
export const optionsOf = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** Places the API's field problems (`within.field`) on the form's fields, the rest above the form. */
export function useFieldErrors(form: ReturnType<typeof Form.useForm>[0], within: string, fields: string[]) {
  const [others, setOthers] = useState<string[]>([]);
  const onError = (error: unknown) => {
    const placed = serverErrorsFor(
      error,
      fields.map((f) => (within ? `${within}.${f}` : f)),
    );
    form.setFields(
      placed.fields.map((f) => ({ ...f, name: within ? (f.name as (string | number)[]).slice(1) : f.name })),
    );
    setOthers(placed.others);
  };
  const banner = others.length > 0 ? <Alert type="error" showIcon title={others.join('；')} /> : null;
  return { onError, banner, clear: () => setOthers([]) };
}

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
