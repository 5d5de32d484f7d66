/**
 * One community's democracy registers: what is due (notice of meetings, disclosures by cadence,
 * consultation outcomes, charter filings), meetings by month with their notice warnings and quorum,
 * disclosures with the overdue ones, charters with every version, consultations with their outcome
 * tasks, elections with their results (entered in the committee register from here), the deliberation
 * body, a month calendar, and the link to the public page. The rules and their citations come from
 * @shequ/democracy.
 */
import {
  attendanceBasisLabels,
  charterKindLabels,
  citeInline,
  deliberationSectorLabels,
  deliberationSelectionLabels,
  disclosureCategoryLabels,
  electedPostLabels,
  electionKindLabels,
  imposedMeetingLevelLabels,
  meetingKindLabels,
} from '@shequ/democracy/labels';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Descriptions, List, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { DemocracyCalendar, deadlineLabels } from './calendar.js';
import { CharterForm } from './charter-form.js';
import { ConsultationForm } from './consultation-form.js';
import { DeliberationBodyForm } from './deliberation-form.js';
import { ApplyElectionButton, ElectionForm } from './election-form.js';
import { DisclosureForm, MeetingForm } from './forms.js';
import { RecordActions } from './record-shared.js';

type View = RouterOutputs['democracy']['community'];

/** A record's rows (outcomes, candidates, members) in a small list, each row's parts side by side, wrapping on a phone. */
function RowsList<T>({ rows, row }: { rows: T[]; row: (item: T) => ReactNode }) {
  return (
    <List
      size="small"
      dataSource={rows}
      renderItem={(item) => (
        <List.Item>
          <Space wrap>{row(item)}</Space>
        </List.Item>
      )}
    />
  );
}

function Deadlines({ view }: { view: View }) {
  return (
    <List
      data-testid="democracy-deadlines"
      dataSource={view.deadlines}
      locale={{ emptyText: '没有待办期限' }}
      renderItem={(d) => (
        <List.Item>
          <Space orientation="vertical" size={0}>
            <Space wrap>
              <Tag color={d.overdue ? 'red' : 'blue'}>{d.overdue ? '已逾期' : `${d.dueOn} 前`}</Tag>
              <Typography.Text strong>{deadlineLabels[d.kind]}</Typography.Text>
            </Space>
            <Typography.Text>{d.message}</Typography.Text>
            <Typography.Text type="secondary">依据{citeInline(d.citation)}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

function Meetings({ view, code }: { view: View; code: string }) {
  const months = [...new Set(view.meetings.map((m) => m.heldOn.slice(0, 7)))].sort().reverse();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <MeetingForm code={code} />
      {months.map((month) => (
        <Card key={month} size="small" title={`${month.slice(0, 4)}年${Number(month.slice(5))}月`}>
          <List
            size="small"
            dataSource={view.meetings
              .filter((m) => m.heldOn.startsWith(month))
              .sort((a, b) => a.heldOn.localeCompare(b.heldOn))}
            renderItem={(m) => (
              <List.Item data-testid="democracy-meeting">
                <Space orientation="vertical" size={0}>
                  <Space wrap>
                    <Typography.Text strong>{m.heldOn}</Typography.Text>
                    <Tag>{meetingKindLabels[m.kind]}</Tag>
                    <span>{m.title}</span>
                    {m.heldOn > view.asOf && <Tag color="blue">待召开</Tag>}
                    {m.quorum?.quorate === false && <Tag color="red">未达法定人数</Tag>}
                  </Space>
                  {m.attendance && (
                    <Typography.Text type="secondary">
                      {`${attendanceBasisLabels[m.attendance.basis]}应到${m.attendance.eligible}、实到${m.attendance.present}`}
                    </Typography.Text>
                  )}
                  {m.noticeWarning && <Typography.Text type="warning">{m.noticeWarning}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
      {view.burden && <MeetingBurdenCard burden={view.burden} />}
    </Space>
  );
}

/** The imposed meetings counted against the limits of the document that sets them (only where it governs). */
function MeetingBurdenCard({ burden }: { burden: NonNullable<View['burden']> }) {
  return (
    <Card size="small" title="上级要求参加的会议（本年度）" data-testid="democracy-meeting-burden">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'd',
            label: imposedMeetingLevelLabels.district,
            children: `${burden.districtMeetingsPerYear} 次（每年不超过2次）`,
          },
          {
            key: 'w',
            label: imposedMeetingLevelLabels['street-work'],
            children: `单周最多 ${burden.streetWorkMeetingsMaxPerWeek} 次（每周1次）`,
          },
          {
            key: 'o',
            label: imposedMeetingLevelLabels['street-other'],
            children: `单月最多 ${burden.streetOtherMeetingsMaxPerMonth} 次（每月不超过1次）`,
          },
        ]}
      />
      <Typography.Text type="secondary">{`依据：《${burden.citation.document}》${burden.citation.article}`}</Typography.Text>
    </Card>
  );
}

function Disclosures({ view, code }: { view: View; code: string }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {view.disclosureStandings.map((s) => (
        <Alert key={s.category} type={s.overdue ? 'warning' : 'info'} showIcon title={s.message} />
      ))}
      <DisclosureForm code={code} />
      <List
        bordered
        dataSource={[...view.disclosures].sort((a, b) => b.on.localeCompare(a.on))}
        renderItem={(d) => (
          <List.Item data-testid="democracy-disclosure">
            <Space orientation="vertical" size={0}>
              <Space wrap>
                <Typography.Text strong>{d.on}</Typography.Text>
                <Tag>{disclosureCategoryLabels[d.category]}</Tag>
                <span>{d.title}</span>
              </Space>
              {d.until && <Typography.Text type="secondary">公开至 {d.until}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}

function Charters({ view, code }: { view: View; code: string }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <CharterForm code={code} />
      {view.charters.map((c) => (
        <Card
          key={c.id}
          size="small"
          data-testid="democracy-charter"
          title={`${charterKindLabels[c.kind]} · ${c.title}`}
          extra={<CharterForm code={code} stored={c} />}
        >
          <Timeline
            items={[...c.versions]
              .sort((a, b) => b.version - a.version)
              .map((v) => ({
                key: v.version,
                content: (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>第{v.version}版</Typography.Text>
                    <Typography.Text type="secondary">
                      {[
                        `起草 ${v.draftedOn}`,
                        v.consultedOn && `征求意见 ${v.consultedOn}`,
                        v.reviewedOn && `街道审核 ${v.reviewedOn}`,
                        v.adoptedOn && `表决通过 ${v.adoptedOn}`,
                        v.filedOn && `备案 ${v.filedOn}`,
                        v.publishedOn && `公布 ${v.publishedOn}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </Space>
                ),
              }))}
          />
        </Card>
      ))}
    </Space>
  );
}

function Consultations({ view, code }: { view: View; code: string }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ConsultationForm code={code} meetings={view.meetings} />
      {view.consultations.map((c) => (
        <Card
          key={c.id}
          size="small"
          data-testid="democracy-consultation"
          title={c.topic}
          extra={
            <RecordActions>
              <Typography.Text type="secondary">{c.heldOn}</Typography.Text>
              <ConsultationForm code={code} stored={c} meetings={view.meetings} />
            </RecordActions>
          }
        >
          <Space wrap style={{ marginBottom: 8 }}>
            {c.contested &&
              (c.unsubmitted === null ? (
                <Tag>存在较大争议</Tag>
              ) : (
                <Tag color={c.unsubmitted ? 'red' : 'orange'}>
                  {c.unsubmitted ? '争议事项未提交居民会议' : '争议事项已提交居民会议'}
                </Tag>
              ))}
            <Typography.Text type="secondary">
              {`参与：${c.parties.join('、')}；通报：${c.noticeOn ?? '未记录'}`}
            </Typography.Text>
          </Space>
          <RowsList
            rows={c.outcomes}
            row={(o) => (
              <>
                <span>{o.text}</span>
                <Tag>{o.owner}</Tag>
                {o.doneOn ? (
                  <Tag color={o.disclosedOn ? 'green' : 'orange'}>
                    {o.disclosedOn ? `已落实并公开 ${o.disclosedOn}` : `已落实 ${o.doneOn}，待公开`}
                  </Tag>
                ) : (
                  <Tag color={o.dueOn < view.asOf ? 'red' : 'blue'}>{`${o.dueOn} 前落实`}</Tag>
                )}
              </>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}

function Elections({ view, code }: { view: View; code: string }) {
  const elections = [...view.elections].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ElectionForm code={code} />
      {elections.length === 0 && <Typography.Text type="secondary">尚未登记选举</Typography.Text>}
      {elections.map((e) => (
        <Card
          key={e.id}
          size="small"
          data-testid="democracy-election"
          title={`${electionKindLabels[e.kind]} · ${e.heldOn}`}
        >
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{`任期至 ${e.termEndsOn}`}</Typography.Text>
            {e.residentGroupName && <Tag>{e.residentGroupName}</Tag>}
            <ElectionForm code={code} stored={e} />
            <ApplyElectionButton election={e} />
          </Space>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color={e.candidates.length > e.seats ? 'green' : 'orange'}>
              {e.candidates.length > e.seats ? '差额选举' : '等额选举'}
            </Tag>
            <Tag color={e.secretBallot ? 'green' : 'orange'}>
              {e.secretBallot ? '无记名投票' : '非无记名投票'}
            </Tag>
            <Typography.Text type="secondary">{`应选 ${e.seats} 人，参加投票 ${e.votesCast} 人`}</Typography.Text>
          </Space>
          <RowsList
            rows={[...e.candidates].sort((a, b) => b.votes - a.votes)}
            row={(c) => (
              <>
                <span>{c.name}</span>
                <Tag>{electedPostLabels[c.post]}</Tag>
                <span>{`${c.votes} 票`}</span>
                {c.elected && <Tag color="green">当选</Tag>}
              </>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}

function Deliberation({ view, code }: { view: View; code: string }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        依据《社区建设和治理条例》第十七条、第十八条：社区应当成立议事协商组织，并制定议事规则。
      </Typography.Text>
      <DeliberationBodyForm code={code} />
      {view.deliberationBodies.length === 0 && (
        <Typography.Text type="secondary">尚未登记议事协商组织</Typography.Text>
      )}
      {view.deliberationBodies.map((b) => (
        <Card
          key={b.id}
          size="small"
          data-testid="democracy-deliberation"
          title={b.name}
          extra={<DeliberationBodyForm code={code} stored={b} />}
        >
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{`成立于 ${b.establishedOn}`}</Typography.Text>
            {view.deliberationBodyInForce === b.id && <Tag color="green">现行</Tag>}
            <Tag color={b.rulesAdoptedOn ? 'green' : 'red'}>
              {b.rulesAdoptedOn ? `议事规则 ${b.rulesAdoptedOn} 制定` : '尚未制定议事规则'}
            </Tag>
          </Space>
          <RowsList
            rows={b.members}
            row={(m) => (
              <>
                <span>{m.name}</span>
                <Tag>{deliberationSectorLabels[m.sector]}</Tag>
                <Typography.Text type="secondary">{deliberationSelectionLabels[m.selection]}</Typography.Text>
              </>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}

export default function DemocracyCommunityPage() {
  const { code = '' } = useParams();
  // The open tab is in the address, so a link (and a phone, where tabs scroll out of sight) opens it.
  const [search, setSearch] = useSearchParams();
  const query = useQuery(trpc.democracy.community.queryOptions({ code }));
  const view = query.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="democracy-page">
      <Breadcrumb items={[{ title: <Link to="/democracy">民主议事</Link> }, { title: code }]} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        民主议事
      </Typography.Title>
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} />}
      {view && (
        <>
          <Typography.Text>
            居务公开页：<a href={`/public/communities/${code}`}>{`/public/communities/${code}`}</a>
            {view.contact ? `（办公电话 ${view.contact.officePhone}）` : '（尚未填写联系方式）'}
          </Typography.Text>
          {/* The tab bar scrolls within itself; its hidden overflow menu must not widen the page on a phone. */}
          <div style={{ overflowX: 'clip' }}>
            <Tabs
              activeKey={search.get('tab') ?? 'due'}
              onChange={(tab) => setSearch({ tab }, { replace: true })}
              items={[
                {
                  key: 'due',
                  label: `待办期限（${view.deadlines.length}）`,
                  children: <Deadlines view={view} />,
                },
                { key: 'calendar', label: '日历', children: <DemocracyCalendar view={view} /> },
                { key: 'meetings', label: '会议', children: <Meetings view={view} code={code} /> },
                { key: 'disclosures', label: '居务公开', children: <Disclosures view={view} code={code} /> },
                { key: 'charters', label: '章程公约', children: <Charters view={view} code={code} /> },
                { key: 'consultations', label: '协商', children: <Consultations view={view} code={code} /> },
                { key: 'elections', label: '选举', children: <Elections view={view} code={code} /> },
                {
                  key: 'deliberation',
                  label: '议事协商组织',
                  children: <Deliberation view={view} code={code} />,
                },
              ]}
            />
          </div>
        </>
      )}
    </Space>
  );
}
