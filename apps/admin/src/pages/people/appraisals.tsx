/**
 * 民主评议 of residents' committee members (江苏省指引 19（7））: each year's rating beside the member, the
 * end of office said plainly when the package finds the second consecutive 不称职, and the form that
 * records a year's rating, with the rule in a sentence where the API says it governs the community.
 * Grade labels come from `@shequ/assessment`.
 */
import { appraisalGradeLabels, appraisalGrades } from '@shequ/assessment/labels';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, fieldErrorsOf } from '../../lib/fieldErrors.js';
import { labelledOptions } from '../../lib/labels.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';

type Member = RouterOutputs['appraisals']['ofCommunity'][number];
type Grade = (typeof appraisalGrades)[number];

const gradeColors: Record<Grade, string> = {
  competent: 'green',
  basicallyCompetent: 'gold',
  incompetent: 'red',
};

/** Ratings by year, and the end of office in words when it has ended. */
export function AppraisalSummary({
  history,
  officeEnded,
}: {
  history: readonly { year: number; grade: Grade }[];
  officeEnded: string | null;
}) {
  return (
    <Space direction="vertical" size={2} data-testid="appraisal-summary">
      {history.length > 0 && (
        <Space wrap size={4}>
          {history.map((r) => (
            <Tag key={r.year} color={gradeColors[r.grade]}>
              {r.year} {appraisalGradeLabels[r.grade]}
            </Tag>
          ))}
        </Space>
      )}
      {officeEnded && (
        <Typography.Text type="danger" strong data-testid="office-ended">
          {officeEnded}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Records one year's rating of a member. */
export function AppraiseButton({ communityCode, member }: { communityCode: string; member: Member }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ year: number; grade: Grade }>();
  const record = useMutation(trpc.appraisals.record.mutationOptions());
  const submit = (values: { year: number; grade: Grade }) =>
    record.mutate(
      { communityCode, committeeId: member.committeeId, memberKey: member.memberKey, ...values },
      {
        onSuccess: () => {
          setOpen(false);
          void queryClient.invalidateQueries({ queryKey: trpc.appraisals.pathKey() });
        },
        onError: (error) => {
          const errors = fieldErrorsOf(error) ?? {};
          form.setFields([
            { name: 'year', errors: errors.year ?? [] },
            { name: 'grade', errors: errors.grade ?? [] },
          ]);
        },
      },
    );
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={`评议 ${member.name}`}>
        评议
      </Button>
      <Modal
        open={open}
        title={`民主评议：${member.name}`}
        okText="保存"
        confirmLoading={record.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ year: new Date().getFullYear() }}
          preserve={false}
        >
          <Form.Item name="year" label="评议年度" rules={[{ required: true, message: '请填写评议年度' }]}>
            <InputNumber min={1949} max={2200} aria-label="评议年度" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="grade" label="评议结果" rules={[{ required: true, message: '请选择评议结果' }]}>
            <Select aria-label="评议结果" options={labelledOptions(appraisalGrades, appraisalGradeLabels)} />
          </Form.Item>
        </Form>
        {record.isError && !fieldErrorsOf(record.error) && (
          <Alert type="error" showIcon message={errorMessage(record.error)} />
        )}
        {member.endsOfficeRule && (
          <Typography.Text type="secondary" data-testid="ends-office-rule">
            {member.endsOfficeRule}
          </Typography.Text>
        )}
      </Modal>
    </>
  );
}
