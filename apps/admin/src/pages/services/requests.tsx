/**
 * 居民个人信息申请: a resident asks for their data or for its erasure (R-SVC-7). By identity or
 * mobile number, the service records of one's jurisdiction are exported in full as a file (audited),
 * and a street administrator may erase: the records stay, the personal fields anonymised; refused
 * while a case is open.
 */
import { mayEraseResidentData } from '@shequ/services/labels';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { downloadJson } from '../../lib/download.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { useFieldErrors } from '../../lib/serverErrors.js';
import { trpc } from '../../lib/trpc.js';

export default function ResidentRequestsPage() {
  const { message } = App.useApp();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [form] = Form.useForm();
  const errors = useFieldErrors(form, 'lookup', ['idNumber', 'phone']);
  const [result, setResult] = useState<string | undefined>();
  const lookup = () => {
    const v: { idNumber?: string; phone?: string } = form.getFieldsValue();
    return {
      ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}),
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
    };
  };
  const exported = useMutation(
    trpc.services.exportResident.mutationOptions({
      onSuccess: (data) => {
        errors.clear();
        setResult(`找到服务事项 ${data.cases.length} 件、志愿者记录 ${data.volunteers.length} 条，已下载`);
        downloadJson('居民个人信息.json', data);
      },
      onError: errors.onError,
    }),
  );
  const erased = useMutation(
    trpc.services.eraseResident.mutationOptions({
      onSuccess: (r) => {
        errors.clear();
        setResult(`已删除个人信息：服务事项 ${r.cases} 件、志愿者记录 ${r.volunteers} 条（记录本身保留）`);
        message.success('已删除');
      },
      onError: errors.onError,
    }),
  );
  const mayErase = mayEraseResidentData(me.data?.role ?? '');
  return (
    <Space
      orientation="vertical"
      style={{ width: '100%' }}
      size="middle"
      data-testid="resident-requests-page"
    >
      <Typography.Title level={3} style={{ margin: 0 }}>
        居民个人信息申请
      </Typography.Title>
      <Typography.Text type="secondary">
        应居民本人申请，导出或删除本辖区服务记录中的个人信息。删除不删记录：服务事项和积分台账须保存，只将姓名、
        证件号码、手机号码、住址等替换为「（已删除）」；还有未办结事项的不能删除。每次操作都记入操作日志。
      </Typography.Text>
      <Card size="small">
        <Form form={form} layout="vertical">
          {errors.banner}
          <Form.Item name="idNumber" label="身份证号码">
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label="手机号码">
            <Input maxLength={11} inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button
              type="primary"
              loading={exported.isPending}
              onClick={() => exported.mutate({ lookup: lookup() })}
            >
              导出个人信息
            </Button>
            {mayErase && (
              <Popconfirm
                title="删除后无法恢复，确定删除该居民的个人信息？"
                onConfirm={() => erased.mutate({ lookup: lookup() })}
              >
                <Button danger loading={erased.isPending}>
                  删除个人信息
                </Button>
              </Popconfirm>
            )}
          </Flex>
        </Form>
      </Card>
      {result && <Alert type="success" showIcon title={result} data-testid="resident-request-result" />}
      {exported.isError && !errors.others.length && (
        <Alert type="error" title={errorMessage(exported.error)} />
      )}
    </Space>
  );
}
