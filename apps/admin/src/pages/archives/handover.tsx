/**
 * 离任移交清单: the list of one handover, its three confirmations and the consequences 金山镇
 * 第十八条 attaches, laid out to print as the signed form (see handover-print.css).
 */
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LoadFailed } from '../../components/LoadFailed.js';
import { errorMessage, fieldErrorsOf, placeFieldErrors } from '../../lib/fieldErrors.js';
import { queryClient, type RouterOutputs, trpc } from '../../lib/trpc.js';
import './handover-print.css';
import { optionsOf } from '../../lib/labels.js';
import { handoverConditionLabels, handoverItemKindLabels, UNCHECKED } from './labels.js';

type Handover = RouterOutputs['handovers']['get'];
type HandoverItem = Handover['items'][number];
type Role = 'leaver' | 'successor' | 'supervisor';

const roleLabels: Record<Role, string> = { leaver: '移交人', successor: '接交人', supervisor: '监交人' };

function refresh() {
  void queryClient.invalidateQueries({ queryKey: trpc.handovers.pathKey() });
  void queryClient.invalidateQueries({ queryKey: trpc.archives.pathKey() });
  void queryClient.invalidateQueries({ queryKey: trpc.seals.pathKey() });
  void queryClient.invalidateQueries({ queryKey: trpc.custody.pathKey() });
}

interface ProblemValues {
  condition: 'missing' | 'altered' | 'damaged' | 'intact';
  note?: string;
  serious?: boolean;
}

function ProblemModal({
  handover,
  item,
  isSupervisor,
  onClose,
}: {
  handover: Handover;
  item: HandoverItem | null;
  isSupervisor: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const record = useMutation(
    trpc.handovers.recordProblem.mutationOptions({
      onSuccess: () => {
        refresh();
        onClose();
      },
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        if (fieldErrors)
          form.setFields(
            placeFieldErrors(fieldErrors, ([name]) => ['condition', 'note', 'serious'].includes(String(name)))
              .fields,
          );
      },
    }),
  );
  return (
    <Modal
      title={item ? `登记移交情况：${item.ref}` : '登记移交情况'}
      open={item !== null}
      okText="登记"
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {record.isError && !fieldErrorsOf(record.error) && (
        <Alert type="error" showIcon title={errorMessage(record.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<ProblemValues>
        form={form}
        name="handoverProblem"
        layout="vertical"
        preserve={false}
        // No default: the condition is what the person found, chosen by them (a list is a check).
        initialValues={{
          condition: item && item.condition !== UNCHECKED.value ? item.condition : undefined,
          note: item?.note ?? undefined,
        }}
        onFinish={(values) =>
          item &&
          record.mutate({
            id: handover.id,
            itemId: item.id,
            condition: values.condition,
            note: values.note?.trim() || undefined,
            ...(isSupervisor ? { serious: values.serious ?? false } : {}),
          })
        }
      >
        <Form.Item label="情况" name="condition" rules={[{ required: true, message: '请选择核对的情况' }]}>
          <Select placeholder="请选择核对的情况" options={optionsOf(handoverConditionLabels)} />
        </Form.Item>
        <Form.Item label="情况说明" name="note">
          <Input.TextArea rows={3} />
        </Form.Item>
        {isSupervisor && (
          <Form.Item name="serious" valuePropName="checked">
            <Checkbox>情节严重（由监交人认定）</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function Confirmation({
  handover,
  party: role,
  myId,
}: {
  handover: Handover;
  party: Role;
  myId: string | undefined;
}) {
  const { message } = App.useApp();
  const party = handover[role];
  const confirm = useMutation(
    trpc.handovers.confirm.mutationOptions({
      onSuccess: () => {
        message.success('已确认');
        refresh();
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );
  const mine = party.id === myId && handover.state === 'open' && !party.confirmedOn;
  const unchecked = handover.items.filter((item) => item.condition === UNCHECKED.value).length;
  // The supervisor signs last (金山镇 第十八条 puts the handover under their supervision).
  const waitingFor =
    role === 'supervisor'
      ? (['leaver', 'successor'] as const).filter((other) => !handover[other].confirmedOn)
      : [];
  const notYet =
    unchecked > 0
      ? `还有 ${unchecked} 项待核对`
      : waitingFor.length > 0
        ? `待${waitingFor.map((other) => roleLabels[other]).join('、')}确认后再确认`
        : undefined;
  return (
    <div>
      <div>
        {roleLabels[role]}：{party.displayName}
      </div>
      <div className="sheet-signature-line" />
      <div style={{ marginTop: 4 }}>
        {party.confirmedOn ? <Tag color="green">已于 {party.confirmedOn} 确认</Tag> : <Tag>未确认</Tag>}
        {mine && notYet && (
          <Space size={4} className="no-print">
            <Button size="small" type="primary" disabled>
              我确认
            </Button>
            <Typography.Text type="secondary">{notYet}</Typography.Text>
          </Space>
        )}
        {mine && !notYet && (
          <Popconfirm
            title={`以${roleLabels[role]}身份确认这份清单？`}
            description={
              role === 'supervisor' ? '监交人确认后移交完成，清单上的档案、印章转由接交人保管。' : undefined
            }
            okText="确认"
            // The refusal is shown by onError; a rejected promise here would go unhandled.
            onConfirm={() => confirm.mutateAsync({ id: handover.id, role }).catch(() => undefined)}
          >
            <Button size="small" type="primary" className="no-print">
              我确认
            </Button>
          </Popconfirm>
        )}
      </div>
    </div>
  );
}

export default function HandoverPage() {
  const { id = '' } = useParams();
  const me = useQuery(trpc.auth.me.queryOptions());
  const detail = useQuery(trpc.handovers.get.queryOptions({ id }));
  const [problemItem, setProblemItem] = useState<HandoverItem | null>(null);

  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return <LoadFailed error={detail.error} />;
  const handover = detail.data;
  const myId = me.data?.id;
  const isParty = [handover.leaver.id, handover.successor.id, handover.supervisor.id].includes(myId ?? '');
  const problems = handover.items.filter(
    (item) => item.condition !== 'intact' && item.condition !== UNCHECKED.value,
  );
  const unchecked = handover.items.filter((item) => item.condition === UNCHECKED.value);

  return (
    <div className="handover-sheet">
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Breadcrumb
          className="no-print"
          items={[
            { title: <Link to="/archives">档案印章</Link> },
            {
              title: (
                <Link to={`/archives/${handover.community.code}?tab=handovers`}>
                  {handover.community.name}
                </Link>
              ),
            },
            { title: '离任移交清单' },
          ]}
        />
        <Space className="no-print">
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印移交清单
          </Button>
          {handover.state === 'open' && !isParty && (
            <Typography.Text type="secondary">
              只有移交人、接交人和监交人本人可以登记情况和确认。
            </Typography.Text>
          )}
        </Space>
        <Card>
          <Typography.Title level={3} className="sheet-title">
            社区工作人员离任移交清单
          </Typography.Title>
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="社区">
              {handover.community.name}（{handover.community.code}）
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              {handover.state === 'completed' ? (
                <Tag color="green">已完成</Tag>
              ) : (
                <Tag color="gold">进行中</Tag>
              )}
              {handover.serious && <Tag color="red">情节严重</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="移交人（离任）">{handover.leaver.displayName}</Descriptions.Item>
            <Descriptions.Item label="接交人（接任）">{handover.successor.displayName}</Descriptions.Item>
            <Descriptions.Item label="监交人">{handover.supervisor.displayName}</Descriptions.Item>
            <Descriptions.Item label="监督机构">{handover.supervisor.bodyLabel}</Descriptions.Item>
            <Descriptions.Item label="移交期限">{handover.dueOn}</Descriptions.Item>
            <Descriptions.Item label="清单建立">{handover.createdAt.slice(0, 10)}</Descriptions.Item>
          </Descriptions>
          <Table<HandoverItem>
            rowKey="id"
            size="small"
            bordered
            pagination={false}
            data-testid="handover-items"
            dataSource={handover.items}
            columns={[
              { title: '序号', key: 'index', width: 56, render: (_value, _item, index) => index + 1 },
              {
                title: '类别',
                dataIndex: 'kind',
                width: 80,
                render: (kind: string) => handoverItemKindLabels[kind] ?? kind,
              },
              { title: '档号 / 名称', dataIndex: 'ref' },
              { title: '说明', dataIndex: 'description' },
              {
                title: '移交情况',
                key: 'condition',
                width: 180,
                render: (_value, item) => (
                  <Space size={4} wrap>
                    {item.loan ? (
                      // Out on loan: the form says where it is rather than 完好.
                      <Tag color="blue" className="condition-on-loan">
                        {item.loan.label}（{item.loan.borrower}，应还 {item.loan.dueOn}）
                      </Tag>
                    ) : null}
                    {item.loan && item.condition === 'intact' ? null : item.condition === UNCHECKED.value ? (
                      <Tag color={UNCHECKED.color} className="condition-unchecked">
                        {UNCHECKED.label}
                      </Tag>
                    ) : (
                      <Tag color={handoverConditionLabels[item.condition]?.color}>
                        {item.conditionLabel ?? item.condition}
                      </Tag>
                    )}
                    {item.note && <span>{item.note}</span>}
                  </Space>
                ),
              },
              ...(handover.state === 'open' && isParty
                ? [
                    {
                      title: '',
                      key: 'actions',
                      className: 'no-print',
                      render: (_value: unknown, item: HandoverItem) => (
                        <Button
                          size="small"
                          className="no-print"
                          type={item.condition === UNCHECKED.value ? 'primary' : 'default'}
                          onClick={() => setProblemItem(item)}
                        >
                          登记情况
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {handover.state === 'open' && unchecked.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 16 }}
              data-testid="handover-unchecked"
              title={`${unchecked.length} 项待核对：移交人、接交人、监交人确认前，须逐项核对并登记移交情况`}
            />
          )}
          {handover.state === 'open' && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} className="no-print">
              任何一项的移交情况改动后，清单已变，移交人和接交人的确认随之撤销，须按改动后的清单重新确认；监交人最后确认。
            </Typography.Paragraph>
          )}
          {problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              title={`${problems.length} 项丢失、涂改或损毁`}
              description={
                handover.consequences.length > 0 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {handover.consequences.map((consequence) => (
                      <li key={consequence.kind}>{consequence.reason}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
          {problems.length === 0 && handover.consequences.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              title={handover.consequences.map((consequence) => consequence.reason).join('；')}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            依据：金山镇 {handover.citation.article}（{handover.citation.inForceFrom} 起施行）：
            {handover.citation.quote}
          </Typography.Paragraph>
          <div className="sheet-signatures">
            <Confirmation handover={handover} party="leaver" myId={myId} />
            <Confirmation handover={handover} party="successor" myId={myId} />
            <Confirmation handover={handover} party="supervisor" myId={myId} />
          </div>
        </Card>
      </Space>
      <ProblemModal
        handover={handover}
        item={problemItem}
        isSupervisor={myId === handover.supervisor.id}
        onClose={() => setProblemItem(null)}
      />
    </div>
  );
}
