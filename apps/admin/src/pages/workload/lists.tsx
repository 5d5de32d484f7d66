/**
 * 工作事项清单: the four work-item lists with their versions.
 */
import { type WorkListKind, workListKindLabels, workListKinds } from '@shequ/services/labels';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Collapse, DatePicker, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { ServerForm } from '../../components/ServerForm.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { asDate } from '../../lib/forms.js';
import { labelledOptions } from '../../lib/labels.js';
import { useEntryForm } from '../../lib/serverErrors.js';
import { trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import { underNode } from './shared.js';

function ListEditor({ node, onDone }: { node: string; onDone: () => void }) {
  const save = useEntryForm('list', trpc.workload.saveList.mutationOptions, onDone);
  return (
    <ServerForm
      {...save.props}
      testId="list-form"
      onFinish={(v: {
        kind?: WorkListKind;
        effectiveFrom?: unknown;
        effectiveUntil?: unknown;
        items?: string;
      }) =>
        save.mutate({
          list: {
            jurisdictionCode: node,
            kind: v.kind as WorkListKind,
            effectiveFrom: asDate(v.effectiveFrom),
            ...(v.effectiveUntil ? { effectiveUntil: asDate(v.effectiveUntil) } : {}),
            items: (v.items ?? '')
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((title) => ({ title })),
          },
        })
      }
      submitText="发布新版本"
    >
      <Form.Item name="kind" label="清单">
        <Select placeholder="请选择" options={labelledOptions(workListKinds, workListKindLabels)} />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name="effectiveFrom" label="生效日期" style={{ flex: 1, minWidth: 150 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="effectiveUntil" label="失效日期（可不填）" style={{ flex: 1, minWidth: 150 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="items" label="事项（每行一项）">
        <Input.TextArea rows={6} />
      </Form.Item>
    </ServerForm>
  );
}

export function ListsTab({ node }: { node: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCanWrite();
  const lists = useQuery(trpc.workload.lists.queryOptions({ code: underNode(node) }));
  if (lists.isError) return <Alert type="error" showIcon title={errorMessage(lists.error)} />;
  if (!lists.data) return null;
  const { inForce, versions, mayKeep, asOf } = lists.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {asOf} 施行的四类工作事项清单（鄂州 第二十二条）。任何单位不得随意安排社区从事清单以外的工作。
      </Typography.Paragraph>
      <Flex vertical gap={8} data-testid="lists-in-force">
        {workListKinds.map((kind) => {
          const list = inForce[kind];
          return (
            <Card key={kind} size="small" title={workListKindLabels[kind]}>
              {list ? (
                <>
                  <div style={{ color: '#888' }}>
                    第 {list.version} 版，{list.effectiveFrom} 起施行
                    {list.effectiveUntil ? `，至 ${list.effectiveUntil}` : ''}
                  </div>
                  <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {list.items.map((i) => (
                      <li key={i.title}>{i.title}</li>
                    ))}
                  </ol>
                </>
              ) : (
                <Typography.Text type="secondary">尚未发布</Typography.Text>
              )}
            </Card>
          );
        })}
      </Flex>
      <Collapse
        items={[
          {
            key: 'versions',
            label: `全部版本（${versions.length}）`,
            children: (
              <Flex vertical gap={4}>
                {versions.map((v) => (
                  <div key={v.id}>
                    {workListKindLabels[v.kind]} 第 {v.version} 版，{v.effectiveFrom} 起，{v.items.length} 项
                  </div>
                ))}
              </Flex>
            ),
          },
          ...(canWrite && mayKeep
            ? [
                {
                  key: 'edit',
                  label: '发布清单新版本',
                  children: (
                    <ListEditor
                      node={node}
                      onDone={async () => {
                        message.success('已发布');
                        await queryClient.invalidateQueries({ queryKey: trpc.workload.lists.pathKey() });
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
