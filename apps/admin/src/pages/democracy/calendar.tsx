/**
 * A month of the community's meetings, consultations, elections and deadlines: a seven-column grid
 * that shrinks to the width of a phone (each day shows a count of what falls on it, coloured red when
 * something is overdue), and the month's entries listed under it in date order.
 */
import { meetingKindLabels } from '@shequ/democracy/labels';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RouterOutputs } from '../../lib/trpc.js';

type View = RouterOutputs['democracy']['community'];

/** What each kind of deadline the calendar and the community page list is called. */
export const deadlineLabels: Record<View['deadlines'][number]['kind'], string> = {
  'meeting-notice': '会议公告',
  disclosure: '居务公开',
  'outcome-task': '协商成果落实',
  'outcome-disclosure': '落实情况公开',
  'charter-filing': '章程公约备案',
  'term-end': '任期届满',
};

export interface CalendarEntry {
  on: string;
  label: string;
  what: string;
  overdue: boolean;
}

export function calendarEntries(view: View): CalendarEntry[] {
  return [
    ...view.meetings.map((m) => ({
      on: m.heldOn,
      label: m.title,
      what: meetingKindLabels[m.kind],
      overdue: false,
    })),
    ...view.consultations.map((c) => ({ on: c.heldOn, label: c.topic, what: '协商', overdue: false })),
    ...view.elections.map((e) => ({ on: e.heldOn, label: '选举', what: '选举', overdue: false })),
    ...view.deadlines.map((d) => ({
      on: d.dueOn,
      label: d.message,
      what: deadlineLabels[d.kind],
      overdue: d.overdue,
    })),
  ].sort((a, b) => a.on.localeCompare(b.on));
}

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];

/** `YYYY-MM` shifted by `months`. */
function shiftMonth(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month's days, padded with blanks so the first falls under its weekday (Monday first). */
function monthCells(month: string): (string | undefined)[] {
  const year = Number(month.slice(0, 4));
  const monthIndex = Number(month.slice(5, 7)) - 1;
  const days = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, monthIndex, 1)).getUTCDay() + 6) % 7;
  const cells: (string | undefined)[] = Array.from({ length: lead }, () => undefined);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  return cells;
}

export function DemocracyCalendar({ view }: { view: View }) {
  const [month, setMonth] = useState(view.asOf.slice(0, 7));
  const entries = calendarEntries(view).filter((e) => e.on.startsWith(month));
  const cells = monthCells(month);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="democracy-calendar">
      <Space wrap>
        <Button onClick={() => setMonth(shiftMonth(month, -1))} aria-label="上个月">
          上个月
        </Button>
        <Typography.Text
          strong
          data-testid="calendar-month"
        >{`${month.slice(0, 4)}年${Number(month.slice(5))}月`}</Typography.Text>
        <Button onClick={() => setMonth(shiftMonth(month, 1))} aria-label="下个月">
          下个月
        </Button>
        <Button type="link" onClick={() => setMonth(view.asOf.slice(0, 7))}>
          本月
        </Button>
      </Space>
      <Card size="small" styles={{ body: { padding: 4 } }}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 2 }}>
          {weekdays.map((w) => (
            <div key={w} style={{ textAlign: 'center', fontSize: 12, color: '#888' }}>
              {w}
            </div>
          ))}
          {cells.map((day, i) => {
            const onDay = day ? entries.filter((e) => e.on === day) : [];
            const overdue = onDay.some((e) => e.overdue);
            return (
              <div
                // Blank leading cells have no date; their position is their identity.
                key={day ?? `blank-${i}`}
                data-testid={day ? `calendar-day-${day}` : undefined}
                title={onDay.map((e) => `${e.what}：${e.label}`).join('\n')}
                style={{
                  minHeight: 44,
                  padding: 2,
                  borderRadius: 4,
                  background: day === view.asOf ? '#e6f4ff' : day ? '#fafafa' : 'transparent',
                  overflow: 'hidden',
                  fontSize: 12,
                }}
              >
                {day && <div>{Number(day.slice(8))}</div>}
                {onDay.length > 0 && (
                  <Tag
                    color={overdue ? 'red' : 'blue'}
                    style={{ marginInlineEnd: 0, fontSize: 11, padding: '0 3px' }}
                  >
                    {onDay.length}
                  </Tag>
                )}
              </div>
            );
          })}
        </div>
      </Card>
      <List
        size="small"
        bordered
        dataSource={entries}
        locale={{ emptyText: '本月没有会议和期限' }}
        renderItem={(e) => (
          <List.Item data-testid="calendar-entry">
            <Space wrap size={4}>
              <Typography.Text strong>{e.on.slice(5)}</Typography.Text>
              <Tag color={e.overdue ? 'red' : undefined}>{e.what}</Tag>
              <Typography.Text style={{ wordBreak: 'break-all' }}>{e.label}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
