/**
 * 消息推送 (本系统规则 R-HOOK-1): an administrator sets the address to which the notices of their
 * jurisdiction are pushed, sees the signing secret once when it is generated, and reads the recent
 * deliveries (status, attempts, last error). Others see why they cannot. Lists rather than tables, so
 * each delivery reads on a phone.
 */
import { isAdminRole } from '@shequ/domain/roles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  Space,
  Spin,
  Tag,
  Typography,
  theme,
} from 'antd';
import { useState } from 'react';
import { TitledPage } from '../../components/TitledPage.js';
import { errorMessage, fieldErrorsOf, placeFieldErrors } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { formatTime } from '../archives/dates.js';

type Delivery = RouterOutputs['webhooks']['get']['deliveries'][number];

const statusTags: Record<Delivery['status'], { label: string; color: string }> = {
  pending: { label: '待重试', color: 'orange' },
  delivered: { label: '已送达', color: 'green' },
  failed: { label: '已放弃', color: 'red' },
};

function DeliveryLine({ delivery }: { delivery: Delivery }) {
  const { token } = theme.useToken();
  const tag = statusTags[delivery.status];
  return (
    <div style={{ overflowWrap: 'anywhere' }} data-delivery={delivery.status}>
      <div>
        <Tag color={tag.color}>{tag.label}</Tag>
        {delivery.title}
      </div>
      <div style={{ color: token.colorTextSecondary, fontSize: token.fontSizeSM }}>
        {formatTime(delivery.createdAt)} 生成，已尝试 {delivery.attempts} 次
        {delivery.deliveredAt ? `，${formatTime(delivery.deliveredAt)} 送达` : ''}
        {delivery.nextAttemptAt ? `，下次 ${formatTime(delivery.nextAttemptAt)}` : ''}
        {delivery.lastError ? `；上次失败：${delivery.lastError}` : ''}
      </div>
    </div>
  );
}

function WebhookForm({
  jurisdictionCode,
  url,
  secret,
  onSecret,
}: {
  jurisdictionCode: string;
  url: string | null;
  /** The secret the last save generated, shown this once (kept by the parent: the form remounts). */
  secret: string | null;
  onSecret: (secret: string | null) => void;
}) {
  const [form] = Form.useForm<{ url: string; newSecret?: boolean }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.webhooks.set.mutationOptions({
      onSuccess: async (result) => {
        onSecret(result.secret);
        message.success('已保存推送地址');
        form.setFieldValue('newSecret', false);
        await queryClient.invalidateQueries({ queryKey: trpc.webhooks.get.queryKey() });
      },
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        if (fieldErrors) form.setFields(placeFieldErrors(fieldErrors, ([name]) => name === 'url').fields);
      },
    }),
  );
  const showGeneralError = save.isError && !fieldErrorsOf(save.error);
  return (
    <Card size="small" title="推送地址" data-testid="webhook-form">
      {showGeneralError && (
        <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 16 }} />
      )}
      {secret && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="webhook-secret"
          title="签名密钥只显示这一次，请复制保存到接收方"
          description={
            <Typography.Text copyable code style={{ overflowWrap: 'anywhere' }}>
              {secret}
            </Typography.Text>
          }
        />
      )}
      <Form
        form={form}
        name="webhook"
        layout="vertical"
        style={{ maxWidth: 520 }}
        initialValues={{ url: url ?? '', newSecret: false }}
        onFinish={(values) =>
          save.mutate({ jurisdictionCode, url: values.url, newSecret: values.newSecret ?? false })
        }
      >
        <Form.Item
          label="地址"
          name="url"
          extra="须为 https 地址，且不能指向本机或内网（允许内网推送的本地部署除外）"
          rules={[{ required: true, whitespace: true, message: '请输入推送地址' }]}
        >
          <Input inputMode="url" autoComplete="off" placeholder="https://example.cn/shequ-hook" />
        </Form.Item>
        {url && (
          <Form.Item name="newSecret" valuePropName="checked">
            <Checkbox>同时更换签名密钥（旧密钥立即失效）</Checkbox>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Card>
  );
}

function WebhookSettings({ jurisdictionCode }: { jurisdictionCode: string }) {
  const hook = useQuery(trpc.webhooks.get.queryOptions({ jurisdictionCode }));
  const [secret, setSecret] = useState<string | null>(null);
  if (hook.isError) return <Alert type="error" showIcon title={errorMessage(hook.error)} />;
  if (!hook.data) return <Spin />;
  return (
    <>
      <WebhookForm
        key={hook.data.url ?? ''}
        jurisdictionCode={jurisdictionCode}
        url={hook.data.url}
        secret={secret}
        onSecret={setSecret}
      />
      <Card size="small" title="最近的推送" data-testid="webhook-deliveries">
        {hook.data.deliveries.length === 0 ? (
          <Empty description="还没有推送记录" />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {hook.data.deliveries.map((delivery) => (
              <DeliveryLine key={delivery.id} delivery={delivery} />
            ))}
          </Space>
        )}
      </Card>
    </>
  );
}

export default function WebhooksPage() {
  const me = useQuery(trpc.auth.me.queryOptions());
  return (
    <TitledPage title="消息推送" testId="webhooks-page">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        本辖区（及未设置推送的下级辖区）产生的每条提醒，都会签名后推送到这里设置的地址；失败的稍后自动重试，
        不影响系统内的操作（本系统规则 R-HOOK-1）。签名方法见接口文档第 10 节。
      </Typography.Paragraph>
      {me.data &&
        (isAdminRole(me.data.role) ? (
          <WebhookSettings jurisdictionCode={me.data.jurisdictionCode} />
        ) : (
          <Alert type="info" showIcon title="只有管理员可以设置消息推送（本系统规则 R-HOOK-1）" />
        ))}
    </TitledPage>
  );
}
