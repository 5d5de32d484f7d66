import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, InputNumber, Select, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage, fieldErrorsOf } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { useCommunityPages } from './communityPages.js';
import { scorerLabels } from './labels.js';

type Scheme = RouterOutputs['assessment']['scheme'];

const ANNUAL = 'annual';

export default function ScoreGrid({ scheme }: { scheme: Scheme }) {
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState(scheme.periods[0] ?? ANNUAL);
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const scores = useQuery(trpc.assessment.scores.queryOptions({ schemeId: scheme.id }));
  const { communities, pagination } = useCommunityPages(scheme.jurisdictionCode);
  const enter = useMutation(trpc.assessment.enterScores.mutationOptions());
  const leaves = (period === ANNUAL ? scheme.leaves.annual : scheme.leaves.routine).filter((l) =>
    scores.data?.scorers.includes(l.scorer),
  );
  const stored = useMemo(() => {
    const map = new Map<string, number>();
    for (const c of scores.data?.cells ?? [])
      map.set(`${c.communityCode}/${c.period}/${c.indicatorId}`, c.score);
    return map;
  }, [scores.data]);

  if (scheme.status !== 'published') return <Alert type="info" showIcon message="方案发布后才能录入分数" />;
  if (scores.isPending || communities.isPending) return <Skeleton active />;
  if (scores.isError) return <Alert type="error" message={errorMessage(scores.error)} />;
  if (communities.isError) return <Alert type="error" message={errorMessage(communities.error)} />;
  if (scores.data.scorers.length === 0)
    return <Alert type="info" showIcon message="您的角色不录入本方案的分数" />;

  const save = () => {
    const cells = Object.entries(edits)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([key, score]) => {
        const [communityCode = '', cellPeriod = '', indicatorId = ''] = key.split('/');
        return { communityCode, period: cellPeriod, indicatorId, score: score as number };
      });
    if (cells.length === 0) return;
    enter.mutate(
      { schemeId: scheme.id, cells },
      {
        onSuccess: () => {
          setEdits({});
          setCellErrors({});
          void queryClient.invalidateQueries({ queryKey: trpc.assessment.pathKey() });
        },
        onError: (error) => {
          const errors: Record<string, string> = {};
          for (const [path, messages] of Object.entries(fieldErrorsOf(error) ?? {})) {
            const index = Number(path.split('.')[1]);
            const cell = cells[index];
            if (cell)
              errors[`${cell.communityCode}/${cell.period}/${cell.indicatorId}`] = messages.join('；');
          }
          setCellErrors(errors);
        },
      },
    );
  };

  type Community = (typeof communities.data.items)[number];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>考核周期</Typography.Text>
        <Select
          value={period}
          onChange={setPeriod}
          style={{ width: 140 }}
          aria-label="考核周期"
          options={[
            ...scheme.periods.map((p) => ({ value: p, label: p })),
            { value: ANNUAL, label: '年度考核' },
          ]}
        />
        <Typography.Text type="secondary">
          您录入：{scores.data.scorers.map((s) => scorerLabels[s]).join('、')}评分的指标
        </Typography.Text>
      </Space>
      <Table<Community>
        rowKey="code"
        size="small"
        dataSource={communities.data.items}
        scroll={{ x: 200 + leaves.length * 120 }}
        pagination={pagination}
        columns={[
          { title: '社区', dataIndex: 'name', fixed: 'left', width: 140 },
          ...leaves.map((leaf) => ({
            title: (
              <Tooltip title={`${leaf.path.join(' / ')}，${leaf.minScore}–${leaf.maxScore}分`}>
                {leaf.name}
              </Tooltip>
            ),
            key: leaf.id,
            width: 120,
            render: (_: unknown, row: Community) => {
              const key = `${row.code}/${period}/${leaf.id}`;
              const error = cellErrors[key];
              const value = key in edits ? edits[key] : stored.get(key);
              return (
                <Tooltip title={error} open={error ? undefined : false}>
                  <InputNumber
                    size="small"
                    value={value ?? null}
                    status={error ? 'error' : undefined}
                    aria-label={`${row.name} ${leaf.name}`}
                    data-cell={key}
                    onChange={(v) => setEdits((e) => ({ ...e, [key]: v }))}
                    style={{ width: 100 }}
                  />
                </Tooltip>
              );
            },
          })),
        ]}
      />
      {enter.isError && (
        <Alert type="error" showIcon message={errorMessage(enter.error)} data-testid="score-errors" />
      )}
      {enter.isSuccess && <Alert type="success" showIcon message={`已保存 ${enter.data.saved} 个分数`} />}
      <Button
        type="primary"
        onClick={save}
        loading={enter.isPending}
        disabled={Object.keys(edits).length === 0}
      >
        保存分数
      </Button>
    </Space>
  );
}
