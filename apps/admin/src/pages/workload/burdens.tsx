/**
 * 清单外负担: the burdens imposed on communities outside the lists without admission, counted for
 * the community, the street and the city.
 */
import { type BurdenKind, burdenKindLabels, burdenKinds } from '@shequ/services/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Space, Statistic, Tag, Typography } from 'antd';
import { ServerForm } from '../../components/ServerForm.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { asDate, DateItem } from '../../lib/forms.js';
import { labelledOptions } from '../../lib/labels.js';
import { AddPanel, RowCard } from '../../lib/registers.js';
import { useEntryForm } from '../../lib/serverErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { chinaToday, useCanWrite } from '../archives/shared.js';
import { underNode, useCommunities } from './shared.js';

type BurdenData = RouterOutputs['workload']['burdens'];

function RecordBurden({
  communities,
  onDone,
}: {
  communities: { value: string; label: string }[];
  onDone: () => void;
}) {
  const record = useEntryForm('burden', trpc.workload.recordBurden.mutationOptions, onDone);
  return (
    <ServerForm
      {...record.props}
      testId="burden-form"
      onFinish={(v: {
        communityCode?: string;
        kind?: BurdenKind;
        title?: string;
        imposedBy?: string;
        imposedOn?: unknown;
      }) =>
        record.mutate({
          burden: {
            communityCode: v.communityCode ?? communities[0]?.value ?? '',
            kind: v.kind as BurdenKind,
            title: v.title ?? '',
            imposedBy: v.imposedBy ?? '',
            imposedOn: asDate(v.imposedOn),
          },
        })
      }
      submitText="登记负担"
    >
      {communities.length > 1 && (
        <Form.Item name="communityCode" label="社区">
          <Select
            placeholder="请选择，可输入社区名称查找"
            showSearch={{ optionFilterProp: 'label' }}
            options={communities}
          />
        </Form.Item>
      )}
      <Form.Item name="kind" label="类别">
        <Select placeholder="请选择" options={labelledOptions(burdenKinds, burdenKindLabels)} />
      </Form.Item>
      <Form.Item name="title" label="事项名称">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="imposedBy" label="下派单位">
        <Input maxLength={100} />
      </Form.Item>
      <DateItem name="imposedOn" label="下派日期" />
    </ServerForm>
  );
}

function BurdenTotals({ total }: { total: BurdenData['total'] }) {
  return (
    <Flex gap={24} wrap data-testid="burden-counts">
      <Statistic title="在册负担" value={total.active} />
      <Statistic title="工作任务" value={total.tasks} />
      <Statistic title="考核评比" value={total.evaluations} />
      <Statistic title="规定外挂牌" value={total.signboards} />
      <Statistic
        title="超出每年一次的考评"
        value={total.evaluationsOverYearly}
        styles={{ content: { color: total.evaluationsOverYearly > 0 ? '#cf1322' : undefined } }}
      />
    </Flex>
  );
}

export function BurdensTab({ node }: { node: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCanWrite();
  const communities = useCommunities(node);
  const burdens = useQuery(trpc.workload.burdens.queryOptions({ under: underNode(node) }));
  const end = useMutation(
    trpc.workload.endBurden.mutationOptions({
      onSuccess: async () => {
        message.success('已登记结束');
        await queryClient.invalidateQueries({ queryKey: trpc.workload.burdens.pathKey() });
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );
  if (burdens.isError) return <Alert type="error" showIcon title={errorMessage(burdens.error)} />;
  if (!burdens.data) return null;
  const { total, perCommunity, items, asOf } = burdens.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        清单以外、未经准入下派到社区的工作任务、考核评比和挂牌。考核评比每年一次性实施；社区对外只悬挂社区党组织、基层群众性自治组织、社区党群服务中心牌子和“中国社区”标识（威海
        二（八））。
      </Typography.Paragraph>
      <BurdenTotals total={total} />
      {node.length < 12 && perCommunity.length > 0 && (
        <Flex vertical gap={8} data-testid="burden-communities">
          {perCommunity.map((c) => (
            <Card key={c.code} size="small">
              <Typography.Text strong>{c.name}</Typography.Text>
              <div style={{ color: '#888' }}>
                在册 {c.active} 项：任务 {c.tasks}、考评 {c.evaluations}、挂牌 {c.signboards}
                {c.evaluationsOverYearly > 0 ? `；超出每年一次的考评 ${c.evaluationsOverYearly} 项` : ''}
              </div>
            </Card>
          ))}
        </Flex>
      )}
      <Flex vertical gap={8} data-testid="burden-list">
        {items.length === 0 && <Typography.Text type="secondary">还没有登记负担</Typography.Text>}
        {items.map((b) => {
          const active = b.endedOn === undefined || b.endedOn > asOf;
          return (
            <RowCard
              key={b.id}
              title={b.title}
              tags={
                <>
                  <Tag>{burdenKindLabels[b.kind]}</Tag>
                  {!active && <Tag color="green">已结束</Tag>}
                </>
              }
              detail={
                <>
                  {b.imposedBy}，{b.imposedOn} 下派{b.endedOn ? `，${b.endedOn} 结束` : ''}
                </>
              }
              action={
                canWrite &&
                active && (
                  <Button
                    size="small"
                    loading={end.isPending}
                    onClick={() => end.mutate({ id: b.id, endedOn: chinaToday() })}
                  >
                    今天结束
                  </Button>
                )
              }
            />
          );
        })}
      </Flex>
      {canWrite && communities.length > 0 && (
        <AddPanel label="登记清单外负担">
          <RecordBurden
            communities={communities}
            onDone={async () => {
              message.success('已登记');
              await queryClient.invalidateQueries({ queryKey: trpc.workload.burdens.pathKey() });
            }}
          />
        </AddPanel>
      )}
    </Space>
  );
}
