import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Collapse,
  Descriptions,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../components/ExportButton.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { ArticleText, citationLabel, ParameterTable } from '../compliance/explain.js';
import { bindingLabels } from '../compliance/status.js';
import { useJurisdictionOptions } from './jurisdiction-options.js';

// 假设分析 (its form and statistics) is fetched when its tab is opened.
const WhatIfTab = lazy(() => import('./what-if.js'));

type Explained = RouterOutputs['policy']['explain'];
type RuleDescription = Explained['rules'][number];
type DiffRow = RouterOutputs['policy']['diff']['rules'][number];

function RuleCard({
  rule,
  packNames,
  parameterLabels,
}: {
  rule: RuleDescription;
  packNames: Record<string, string>;
  /** The Chinese name of each parameter the page lists, by its identifier. */
  parameterLabels: ReadonlyMap<string, string>;
}) {
  return (
    <Row gutter={[24, 8]} data-rule={rule.id}>
      <Col xs={24} lg={12}>
        <Space wrap size={4}>
          <Typography.Text strong>{rule.title}</Typography.Text>
          {rule.kind === 'quantity' ? (
            <Tag color="blue">核定数量</Tag>
          ) : (
            <Tag bordered={false}>{rule.binding ? bindingLabels[rule.binding] : ''}</Tag>
          )}
          {!rule.inForce && <Tag color="default">所选日期未施行</Tag>}
          {rule.replaces && <Tag color="purple">替换 {rule.replaces}</Tag>}
        </Space>
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: 6 }}
          items={[
            { key: 'citation', label: '依据', children: citationLabel(rule.citation) },
            {
              key: 'pack',
              label: '政策包',
              children: `${packNames[rule.jurisdiction] ?? rule.jurisdiction}`,
            },
            { key: 'id', label: '规则编号', children: <Typography.Text code>{rule.id}</Typography.Text> },
            ...(rule.parameters.length > 0
              ? [
                  {
                    key: 'params',
                    label: '参数',
                    children: rule.parameters.map((name) => parameterLabels.get(name) ?? name).join('、'),
                  },
                ]
              : []),
          ]}
        />
        {rule.interpretations.map((i) => (
          <Typography.Paragraph key={i.id} style={{ marginBottom: 4 }}>
            <Tag color="purple">解释</Tag>
            {i.name}：采用“{i.chosen}”；另一种理解：“{i.alternative}”
          </Typography.Paragraph>
        ))}
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" style={{ background: '#fafafa' }}>
          <ArticleText citation={rule.citation} text={rule.articleText} />
        </Card>
      </Col>
    </Row>
  );
}

function RulesTab() {
  const [params, setParams] = useSearchParams();
  const { options } = useJurisdictionOptions();
  const code = params.get('jurisdiction') ?? '370305111';
  const explained = useQuery(trpc.policy.explain.queryOptions({ jurisdictionCode: code }));
  const data = explained.data;
  const packNames = Object.fromEntries((data?.jurisdictions ?? []).map((j) => [j.code, j.name]));
  const parameterLabels = new Map((data?.parameters ?? []).map((p) => [p.name, p.label ?? p.name]));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <span>辖区</span>
        <Select
          aria-label="选择辖区"
          style={{ width: 280 }}
          value={code}
          options={options}
          onChange={(value: string) =>
            setParams((current) => {
              const next = new URLSearchParams(current);
              next.set('tab', 'rules');
              next.set('jurisdiction', value);
              return next;
            })
          }
        />
        <ExportButton
          load={() => trpcClient.spreadsheets.exportPolicyRules.query({ jurisdictionCode: code })}
        >
          导出规则清单
        </ExportButton>
      </Space>
      {explained.isPending ? (
        <Skeleton active />
      ) : explained.isError ? (
        <Alert type="error" title={errorMessage(explained.error)} />
      ) : data ? (
        <>
          <Typography.Text type="secondary">
            适用顺序：{data.jurisdictions.map((j) => j.name).join(' → ')}；共 {data.rules.length} 条规则、
            {data.parameters.length} 个参数；取值日期 {data.asOf}
          </Typography.Text>
          {data.jurisdictions.flatMap((j) =>
            j.documents.map((document) => {
              const rules = data.rules.filter((r) => r.citation.document === document.title);
              return (
                <Card
                  key={`${j.code}-${document.title}`}
                  size="small"
                  title={`《${document.title}》`}
                  extra={
                    <Typography.Text type="secondary">
                      {j.name} · {document.inForceFrom} 起施行 · {rules.length} 条
                    </Typography.Text>
                  }
                >
                  <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                    {rules.map((rule) => (
                      <RuleCard
                        key={rule.id}
                        rule={rule}
                        packNames={packNames}
                        parameterLabels={parameterLabels}
                      />
                    ))}
                  </Space>
                </Card>
              );
            }),
          )}
          <Card size="small" title="参数">
            <ParameterTable parameters={data.parameters} packNames={packNames} />
          </Card>
          {data.disabled.length > 0 && (
            <Card size="small" title="下级停用的规则">
              {data.disabled.map((d) => (
                <Typography.Paragraph key={d.target}>
                  {d.target}：{d.reason}（{citationLabel(d.citation)}）
                </Typography.Paragraph>
              ))}
            </Card>
          )}
        </>
      ) : null}
    </Space>
  );
}

const diffStateLabels: Record<DiffRow['state'], { label: string; color: string }> = {
  same: { label: '相同', color: 'default' },
  different: { label: '不同', color: 'orange' },
  onlyA: { label: '仅左侧', color: 'blue' },
  onlyB: { label: '仅右侧', color: 'green' },
};

function DiffSide({ rule, values }: { rule?: RuleDescription | undefined; values: string[] }) {
  if (!rule) return <Typography.Text type="secondary">（无此规定）</Typography.Text>;
  return (
    <div>
      <Typography.Text strong>{rule.title}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{citationLabel(rule.citation)}</Typography.Text>
      </div>
      {values.length > 0 && <div>{values.join('；')}</div>}
    </div>
  );
}

/**
 * One row per requirement as a reader sees it: a pack may state one requirement as two rules (the
 * figure it computes and the check that uses it) under one title; those rows are shown once, with
 * the figures of both.
 */
export function readableRows(rows: readonly DiffRow[]): DiffRow[] {
  const byTitles = new Map<string, DiffRow>();
  for (const row of rows) {
    const key = `${row.a?.title ?? ''}|${row.b?.title ?? ''}`;
    const seen = byTitles.get(key);
    if (!seen) {
      byTitles.set(key, row);
      continue;
    }
    const names = new Set(seen.parameters.map((p) => p.name));
    const parameters = [...seen.parameters, ...row.parameters.filter((p) => !names.has(p.name))];
    const state = seen.state === row.state ? seen.state : 'different';
    byTitles.set(key, { ...seen, parameters, state });
  }
  return [...byTitles.values()];
}

function CompareTab() {
  const [params, setParams] = useSearchParams();
  const { options } = useJurisdictionOptions();
  const a = params.get('a') ?? '370305111';
  const b = params.get('b') ?? '371000';
  const diff = useQuery(trpc.policy.diff.queryOptions({ a, b }));
  const set = (next: { a?: string; b?: string }) =>
    setParams((current) => {
      const kept = new URLSearchParams(current);
      kept.set('tab', 'compare');
      kept.set('a', next.a ?? a);
      kept.set('b', next.b ?? b);
      return kept;
    });
  const nameOf = (code: string) => options.find((o) => o.value === code)?.label ?? code;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select
          aria-label="左侧辖区"
          style={{ width: 260 }}
          value={a}
          options={options}
          onChange={(v: string) => set({ a: v })}
        />
        <span>对比</span>
        <Select
          aria-label="右侧辖区"
          style={{ width: 260 }}
          value={b}
          options={options}
          onChange={(v: string) => set({ b: v })}
        />
        <ExportButton load={() => trpcClient.spreadsheets.exportPolicyDiff.query({ a, b })}>
          导出对比表
        </ExportButton>
      </Space>
      {diff.isPending ? (
        <Skeleton active />
      ) : diff.isError ? (
        <Alert type="error" title={errorMessage(diff.error)} />
      ) : (
        <>
          <Space wrap>
            {(Object.keys(diffStateLabels) as DiffRow['state'][]).map((state) => (
              <Tag key={state} color={diffStateLabels[state].color}>
                {diffStateLabels[state].label}{' '}
                {readableRows(diff.data.rules).filter((r) => r.state === state).length}
              </Tag>
            ))}
          </Space>
          <Table
            size="small"
            rowKey="topic"
            data-testid="diff-table"
            pagination={false}
            dataSource={readableRows(diff.data.rules)}
            columns={[
              {
                title: '事项',
                key: 'topic',
                width: 180,
                // The rule's title as either side words it; the id stays a tooltip for those who need it.
                render: (_, row) => (
                  <span title={row.topic}>{row.a?.title ?? row.b?.title ?? row.topic}</span>
                ),
              },
              {
                title: nameOf(a),
                key: 'a',
                render: (_, row) => (
                  <DiffSide
                    rule={row.a}
                    values={row.parameters
                      .filter((p) => p.a !== undefined)
                      .map((p) => `${p.label}：${p.a}${p.unit}`)}
                  />
                ),
              },
              {
                title: nameOf(b),
                key: 'b',
                render: (_, row) => (
                  <DiffSide
                    rule={row.b}
                    values={row.parameters
                      .filter((p) => p.b !== undefined)
                      .map((p) => `${p.label}：${p.b}${p.unit}`)}
                  />
                ),
              },
              {
                title: '比较',
                dataIndex: 'state',
                width: 90,
                render: (state: DiffRow['state']) => (
                  <Tag color={diffStateLabels[state].color}>{diffStateLabels[state].label}</Tag>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}

export default function PolicyExplorerPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'rules';
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        政策法规
      </Typography.Title>
      <Tabs
        activeKey={tab}
        // The jurisdictions chosen on each tab stay in the address, so switching tabs keeps them.
        onChange={(key) =>
          setParams((current) => {
            const next = new URLSearchParams(current);
            next.set('tab', key);
            return next;
          })
        }
        destroyOnHidden
        items={[
          { key: 'rules', label: '规则浏览', children: <RulesTab /> },
          { key: 'compare', label: '辖区对比', children: <CompareTab /> },
          {
            key: 'what-if',
            label: '假设分析',
            children: (
              <Suspense fallback={<Skeleton active />}>
                <WhatIfTab />
              </Suspense>
            ),
          },
        ]}
      />
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'about',
            label: '说明',
            children: (
              <Typography.Paragraph type="secondary">
                “约束性”规定（应、不得、不低于、不少于等）未达到为“不通过”；“指导性”规定（一般、原则上、为宜、左右）未达到为“提醒”；缺少数据为“未知”。
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Card>
  );
}
