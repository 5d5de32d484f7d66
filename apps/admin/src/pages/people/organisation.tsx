/**
 * 组织架构: one community's committees with their members and terms, its grids with their 网格长,
 * buildings with their 楼栋长, resident groups (and which grid each lies in, Ezhou 第七条（二）), the
 * resident representatives serving now (added and their terms ended here), the terms ending soon, the rules' findings with their
 * citations (and a switch for the reading of ambiguous wording a finding depends on, e.g. what 重合 asks),
 * and the snapshot fields the registers now determine.
 */

import { appraisalRecorderProblem } from '@shequ/assessment';
import { memberKeyOf } from '@shequ/assessment/labels';
import { auditFieldLabel, subCommitteeKindLabel } from '@shequ/domain/labels';
import type { FindingStatus, GridHouseholds, RegisterReading, ResidentGroup } from '@shequ/people';
import {
  type CommitteeKind,
  citeInline,
  committeeKindLabels,
  type MemberKnowledge,
  memberKnowledgeLabels,
  memberRoleLabels,
  workerPostLabels,
} from '@shequ/people/labels';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Col, List, Radio, Row, Space, Tag, Typography } from 'antd';
import { lazy, useState } from 'react';
import { Link, useParams } from 'react-router';
import { WhenVisible } from '../../components/OnDemand.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import { AppraisalSummary, AppraiseButton } from './appraisals.js';
import { CommitteeSpreadsheet, UnitSpreadsheet } from './RegisterSpreadsheets.js';

// Below the first screen, with forms (and a date picker) of their own: fetched when scrolled into view.
const PropertyAreas = lazy(() =>
  import('./PropertyAreas.js').then((module) => ({ default: module.PropertyAreas })),
);
const Representatives = lazy(() =>
  import('./Representatives.js').then((module) => ({ default: module.Representatives })),
);

/**
 * What is kept with a membership: knowledge of finance or management (Jiangsu 17（5）) and the county-level
 * training of a member not on the roster (Jiangsu 19（8））; nothing when neither is entered.
 */
function MemberRecordLine({
  knowledge,
  trainings,
}: {
  knowledge?: readonly MemberKnowledge[] | undefined;
  trainings?: readonly { on: string; level: string }[] | undefined;
}) {
  const county = (trainings ?? []).filter((t) => t.level === 'county-or-above').map((t) => t.on);
  if (knowledge === undefined && county.length === 0) return null;
  return (
    <Typography.Text type="secondary" data-testid="member-record">
      {knowledge !== undefined &&
        `财会、管理知识：${knowledge.length === 0 ? '无' : knowledge.map((k) => memberKnowledgeLabels[k]).join('、')}`}
      {knowledge !== undefined && county.length > 0 && ' · '}
      {county.length > 0 && `县级以上培训：${county.join('、')}`}
    </Typography.Text>
  );
}

/** A grid's households as its buildings and resident groups count them (Ezhou 第七条（二）). */
function householdsLine(h: GridHouseholds | undefined): string {
  if (!h) return '';
  return `按楼栋合计 ${h.inBuildings} 户（${h.buildings} 栋）· 按居民小组合计 ${h.inGroups} 户（${h.groups.length} 个）`;
}

/** A resident group with its households and its 组长 (with the term when an election gave it). */
function groupLine(r: Pick<ResidentGroup, 'name' | 'households' | 'leaderName' | 'leaderTermTo'>): string {
  const term = r.leaderTermTo ? `，任期至${r.leaderTermTo}` : '';
  return `${r.name}（${r.households}户，组长${r.leaderName ?? '未设'}${term}）`;
}

const statusTags: Record<FindingStatus, { color: string; label: string }> = {
  pass: { color: 'green', label: '符合' },
  warn: { color: 'orange', label: '提示' },
  fail: { color: 'red', label: '不符合' },
  unknown: { color: 'default', label: '无法判断' },
};

export default function OrganisationPage() {
  const { code = '' } = useParams();
  // The readings of ambiguous wording asked for beside the findings (默认理解 unless switched).
  const [readings, setReadings] = useState<Record<string, RegisterReading>>({});
  const org = useQuery({
    ...trpc.people.organisation.queryOptions({
      code,
      ...(Object.keys(readings).length > 0 ? { readings } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const appraisals = useQuery(trpc.appraisals.ofCommunity.queryOptions({ communityCode: code }));
  const canWrite = useCanWrite();
  const me = useQuery(trpc.auth.me.queryOptions());
  // 江苏省指引 19（7）: the community or its street records appraisals (R-ASM-4); others only read them.
  const mayAppraise = !!me.data && appraisalRecorderProblem(me.data, code) === undefined;
  const appraisalOf = (committeeId: string, member: { workerId?: string | undefined; name: string }) =>
    appraisals.data?.find((a) => a.committeeId === committeeId && a.memberKey === memberKeyOf(member));
  const data = org.data;
  const workerName = (id?: string) => data?.workers.find((w) => w.id === id)?.name ?? '—';
  const inTerm = (c: { termFrom: string; termTo: string }) =>
    !!data && c.termFrom <= data.asOf && data.asOf <= c.termTo;
  const committees = data?.committees.filter(inTerm) ?? [];
  const order: CommitteeKind[] = ['party', 'residents', 'supervision', 'sub'];
  committees.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="people-page">
      <Breadcrumb items={[{ title: <Link to="/people">人员名册</Link> }, { title: data?.name ?? code }]} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {data?.name ?? code} · 组织架构
      </Typography.Title>
      {org.isError && <Alert type="error" showIcon title={errorMessage(org.error)} />}
      {data && data.termsEnding.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={data.termsEnding
            .map(
              (t) =>
                `${committeeKindLabels[t.kind]}${t.member ? ` ${t.member}` : ''}任期 ${t.endsOn} 届满（${t.daysLeft}天后）`,
            )
            .join('；')}
        />
      )}
      <CommitteeSpreadsheet under={code} />
      <Row gutter={[12, 12]}>
        {committees.map((c) => (
          <Col key={c.id} xs={24} md={12} xl={8}>
            <Card
              size="small"
              data-testid="org-committee"
              title={`${committeeKindLabels[c.kind]}${c.subKind ? `（${subCommitteeKindLabel(c.subKind)}）` : ''}`}
              extra={<Typography.Text type="secondary">{`${c.termFrom} 至 ${c.termTo}`}</Typography.Text>}
            >
              <List
                size="small"
                dataSource={c.members}
                renderItem={(m) => {
                  const appraisal = c.kind === 'residents' ? appraisalOf(c.id, m) : undefined;
                  return (
                    <List.Item
                      data-testid="org-member"
                      extra={
                        appraisal && mayAppraise ? (
                          <AppraiseButton communityCode={code} member={appraisal} />
                        ) : null
                      }
                    >
                      <Space direction="vertical" size={2}>
                        <span>
                          {m.workerId ? <Link to={`/people/${m.workerId}`}>{m.name}</Link> : m.name} ·{' '}
                          {memberRoleLabels[m.role]}
                        </span>
                        <MemberRecordLine knowledge={m.knowledge} trainings={m.trainings} />
                        {appraisal && (
                          <AppraisalSummary history={appraisal.history} officeEnded={appraisal.officeEnded} />
                        )}
                      </Space>
                    </List.Item>
                  );
                }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title="网格、楼栋与居民小组" data-testid="org-units">
        <div style={{ marginBottom: 12 }}>
          <UnitSpreadsheet under={code} />
        </div>
        <List
          size="small"
          data-testid="org-grids"
          dataSource={data?.grids ?? []}
          locale={{ emptyText: '未登记网格' }}
          renderItem={(g) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <span>
                  <strong>{g.name}</strong> · 网格长 {workerName(g.leaderWorkerId)} · {g.households ?? '—'} 户
                </span>
                <Typography.Text type="secondary" data-testid="org-grid-households">
                  {householdsLine(data?.householdsPerGrid.find((h) => h.gridId === g.id))}
                </Typography.Text>
                <Typography.Text type="secondary">
                  楼栋：
                  {data?.buildings
                    .filter((b) => b.gridId === g.id)
                    .map((b) => `${b.name}（${b.households}户，楼栋长${b.leaderName ?? '未设'}）`)
                    .join('、') || '—'}
                </Typography.Text>
                <Typography.Text type="secondary">
                  居民小组：
                  {data?.residentGroups
                    .filter((r) => r.gridId === g.id)
                    .map(groupLine)
                    .join('、') || '—'}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
        {/* Units imported from a sheet or entered without a grid would otherwise be nowhere on the page. */}
        {data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="org-ungridded">
            未划入网格的楼栋：
            {data.buildings
              .filter((b) => !data.grids.some((g) => g.id === b.gridId))
              .map((b) => `${b.name}（${b.households}户，楼栋长${b.leaderName ?? '未设'}）`)
              .join('、') || '—'}
            ；居民小组：
            {data.residentGroups
              .filter((r) => !data.grids.some((g) => g.id === r.gridId))
              .map(groupLine)
              .join('、') || '—'}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title="物业服务区域" data-testid="org-property-areas-card">
        <div style={{ marginBottom: 12 }}>
          <UnitSpreadsheet under={code} initialKind="property-area" />
        </div>
        {data && (
          <WhenVisible>
            <PropertyAreas data={data} canWrite={canWrite} />
          </WhenVisible>
        )}
      </Card>
      <Card size="small" title="居民代表" data-testid="org-representatives">
        <div style={{ marginBottom: 12 }}>
          <UnitSpreadsheet under={code} initialKind="representative" />
        </div>
        {data && (
          <WhenVisible>
            <Representatives
              code={code}
              asOf={data.asOf}
              representatives={data.representatives}
              serving={data.derived.facts.representatives ?? 0}
              canWrite={canWrite}
            />
          </WhenVisible>
        )}
      </Card>
      <Card size="small" title="规则核对">
        <List
          size="small"
          data-testid="org-findings"
          dataSource={data?.findings ?? []}
          locale={{ emptyText: '本社区适用的文件对组织架构没有需核对的规定' }}
          renderItem={(f) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <span>
                  <Tag color={statusTags[f.status].color}>{statusTags[f.status].label}</Tag>
                  {f.title}
                </span>
                <Typography.Text type="secondary">{f.detail}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  依据：{f.citations.map(citeInline).join('；')}
                </Typography.Text>
                {(f.interpretations ?? []).map((i) => (
                  <Space key={i.id} size={4} wrap data-testid="org-finding-reading">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.name}：
                    </Typography.Text>
                    <Radio.Group
                      size="small"
                      optionType="button"
                      value={i.reading}
                      aria-label={i.name}
                      options={[
                        { label: '默认理解', value: 'chosen' },
                        { label: '另一种理解', value: 'alternative' },
                      ]}
                      onChange={(e) =>
                        setReadings((r) => ({ ...r, [i.id]: e.target.value as RegisterReading }))
                      }
                    />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.reading === 'alternative' ? i.alternative : i.chosen}
                    </Typography.Text>
                  </Space>
                ))}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="由名册得出的社区数据">
        <Typography.Paragraph type="secondary">
          以下字段按名册于 {data?.asOf} 的情况计算，合规检查以此为准，不再使用手工填写的数字。
        </Typography.Paragraph>
        <Space wrap data-testid="org-derived">
          {(data?.derived.fields ?? []).map((f) => (
            <Tag key={f}>{auditFieldLabel(f)}</Tag>
          ))}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          在册：
          {Object.entries(workerPostLabels)
            .map(([post, label]) => `${label}${data?.workers.filter((w) => w.post === post).length ?? 0}人`)
            .join('，')}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
