/** 假设分析 of the policy explorer (a tab, loaded when opened): change a parameter, count the communities whose status changes. */
import { isWithin } from '@shequ/domain/labels';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Form,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../components/ExportButton.js';
import { errorMessage, fieldErrorsOf } from '../../lib/fieldErrors.js';
import { queryClient, type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { citationLabel } from '../compliance/explain.js';
import { type CheckStatus, statusLabels } from '../compliance/status.js';

import { useJurisdictionOptions } from './jurisdiction-options.js';

type WhatIf = RouterOutputs['policy']['whatIf'];

export default function WhatIfTab() {
  const [params, setParams] = useSearchParams();
  const { options } = useJurisdictionOptions();
  const me = useQuery(trpc.auth.me.queryOptions());
  const code = params.get('jurisdiction') ?? '370305111';
  const explained = useQuery(trpc.policy.explain.queryOptions({ jurisdictionCode: code }));
  const [form] = Form.useForm<{ values: Record<string, number | null> }>();
  const [result, setResult] = useState<WhatIf | null>(null);
  // The communities counted are those of the chosen jurisdiction that the user may see.
  const mine = me.data?.jurisdictionCode ?? '000000';
  const node = isWithin(code, mine) ? code : mine;
  const run = useMutation({
    mutationFn: (parameters: Record<string, number>) =>
      queryClient.fetchQuery({
        ...trpc.policy.whatIf.queryOptions({ jurisdictionCode: node, parameters }),
        staleTime: 0,
      }),
    onSuccess: setResult,
    onError: (error) => {
      const fields = fieldErrorsOf(error) ?? {};
      form.setFields(
        Object.entries(fields)
          .filter(([path]) => path.startsWith('parameters.'))
          .map(([path, errors]) => ({ name: ['values', path.slice('parameters.'.length)], errors })),
      );
    },
  });
  const submit = (values: { values: Record<string, number | null> }) => {
    const baseline = new Map((explained.data?.parameters ?? []).map((p) => [p.name, p.value]));
    const changed = Object.fromEntries(
      Object.entries(values.values ?? {}).filter(
        (entry): entry is [string, number] =>
          typeof entry[1] === 'number' && entry[1] !== baseline.get(entry[0]),
      ),
    );
    setResult(null);
    run.mutate(changed);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <span>辖区</span>
        <Select
          aria-label="假设分析辖区"
          style={{ width: 280 }}
          value={code}
          options={options}
          onChange={(value: string) => {
            setResult(null);
            form.resetFields();
            setParams((current) => {
              const next = new URLSearchParams(current);
              next.set('tab', 'what-if');
              next.set('jurisdiction', value);
              return next;
            });
          }}
        />
        <Typography.Text type="secondary">
          统计范围：{node === '000000' ? '全国' : node} 下的社区
        </Typography.Text>
      </Space>
      {explained.isPending ? (
        <Skeleton active />
      ) : explained.isError ? (
        <Alert type="error" title={errorMessage(explained.error)} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Card size="small" title="修改参数">
              <Form
                key={code}
                form={form}
                layout="horizontal"
                labelWrap
                labelCol={{ span: 14 }}
                initialValues={{
                  values: Object.fromEntries(explained.data.parameters.map((p) => [p.name, p.value ?? null])),
                }}
                onFinish={submit}
              >
                {explained.data.parameters.map((p) => (
                  <Form.Item
                    key={p.name}
                    name={['values', p.name]}
                    label={`${p.label}${p.unit ? `（${p.unit}）` : ''}`}
                    tooltip={p.citation ? citationLabel(p.citation) : p.source}
                  >
                    <InputNumber aria-label={p.label} style={{ width: 160 }} />
                  </Form.Item>
                ))}
                <Space>
                  <Button type="primary" htmlType="submit" loading={run.isPending}>
                    计算影响
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      setResult(null);
                    }}
                  >
                    恢复原值
                  </Button>
                </Space>
                {run.isError && (
                  <Alert style={{ marginTop: 12 }} type="error" title={errorMessage(run.error)} />
                )}
              </Form>
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title="影响" data-testid="what-if-result">
              {!result ? (
                <Empty description="修改参数后点击“计算影响”" />
              ) : (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Row gutter={16}>
                    <Col span={8}>
                      <Statistic title="参与计算的社区" value={result.evaluated} />
                    </Col>
                    <Col span={8}>
                      <Statistic title="结果发生变化的社区" value={result.changedCommunities} />
                    </Col>
                    <Col span={8}>
                      <Statistic title="计算用时" value={result.evaluationMs} suffix="毫秒" />
                    </Col>
                  </Row>
                  {run.variables && (
                    <ExportButton
                      style={{ alignSelf: 'flex-start' }}
                      load={() =>
                        trpcClient.spreadsheets.exportWhatIf.query({
                          jurisdictionCode: node,
                          // The parameters this result was computed with, not the form's current values.
                          parameters: run.variables,
                        })
                      }
                    >
                      导出影响清单
                    </ExportButton>
                  )}
                  <Typography.Text type="secondary">
                    {result.parameters
                      .map((p) => `${p.label}：${p.before ?? '未设定'} → ${p.after}${p.unit}`)
                      .join('；')}
                  </Typography.Text>
                  <Table
                    size="small"
                    rowKey="rule"
                    pagination={false}
                    dataSource={result.rules}
                    locale={{ emptyText: '没有社区的检查结果发生变化' }}
                    columns={[
                      { title: '检查项', dataIndex: 'title' },
                      { title: '变化社区数', dataIndex: 'changed', width: 110 },
                      {
                        title: '变化',
                        key: 'transitions',
                        render: (_, row) =>
                          row.transitions.map((t) => (
                            <div key={`${t.from}-${t.to}`}>
                              {statusLabels[t.from as CheckStatus]} → {statusLabels[t.to as CheckStatus]}：
                              {t.count} 个
                            </div>
                          )),
                      },
                    ]}
                  />
                </Space>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
