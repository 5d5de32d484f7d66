/** Small pieces the archive and seal pages share: dates in China time, overdue marks, people. */

import { isAdminRole } from '@shequ/domain/roles';
import { useQuery } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { daysPast } from './dates.js';

export { chinaToday, daysPast, formatTime } from './dates.js';

export type Person = RouterOutputs['archives']['people'][number];

/** A due date, red with the days overdue once it has passed. */
export function DueDate({ dueOn, done }: { dueOn: string; done?: boolean }) {
  const late = done ? 0 : daysPast(dueOn);
  if (late <= 0) return <span>{dueOn}</span>;
  return (
    <span>
      <Typography.Text type="danger">{dueOn}</Typography.Text>{' '}
      <Tag color="red" data-testid="overdue-tag">
        逾期 {late} 天
      </Tag>
    </span>
  );
}

/** The community's workers and the town's people, for the pickers of the forms. */
export function usePeople(community: string) {
  const people = useQuery(trpc.archives.people.queryOptions({ community }));
  const list = people.data ?? [];
  const nameOf = (id: string | null | undefined) =>
    (id && list.find((person) => person.id === id)?.displayName) || '—';
  return { people: list, nameOf, isPending: people.isPending };
}

export function personOptions(people: Person[]) {
  return people.map((person) => ({
    value: person.id,
    label: `${person.displayName}（${person.username}）`,
  }));
}

/** Whether the signed-in account may change anything: auditors only look. */
export function useCanWrite(): boolean {
  const me = useQuery(trpc.auth.me.queryOptions());
  return !!me.data && me.data.role !== 'auditor';
}

/** Column props for a short header that must not wrap one character per line in a narrow table. */
export function keepOnOneLine(width: number) {
  return { width, onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };
}

/** Who may open a handover: the API's `manage` need, administrators of the street and above. */
export const CANNOT_START_HANDOVER = '只有街道（乡镇）及以上管理员可以发起离任移交';

export function useCanStartHandover(): { canStart: boolean; isPending: boolean } {
  const me = useQuery(trpc.auth.me.queryOptions());
  return { canStart: !!me.data && isAdminRole(me.data.role), isPending: me.isPending };
}

/** A community in a cross-community list: its name (code as a tooltip), linking to its archives tab. */
export function CommunityLink({ code, name, tab }: { code: string; name: string | null; tab: string }) {
  return (
    <Link to={`/archives/${code}?tab=${tab}`} title={code}>
      {name ?? code}
    </Link>
  );
}

/** Where an item is kept: room, cabinet, shelf. */
export function location(row: {
  locationRoom?: string | null;
  locationCabinet?: string | null;
  locationShelf?: string | null;
}): string {
  return [row.locationRoom, row.locationCabinet, row.locationShelf].filter(Boolean).join(' / ') || '—';
}
