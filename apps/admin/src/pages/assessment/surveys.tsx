/**
 * 居民满意度调查 of one scheme: the scheme's administrators open a survey for a period with resident-scored
 * indicators; for each community in scope, its public link, the answer codes issued and spent and the
 * answers received; issuing codes shows them once, with the link, on a sheet that prints cleanly.
 */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Grid,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { preloadRangePicker, Result } from '../../components/OnDemand.js';
import { RangePickerWhenFocused } from '../../components/RangePickerWhenFocused.js';
import { errorMessage, fieldErrorsOf } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { useCommunityPages } from './communityPages.js';

type Surveys = RouterOutputs['assessmentSurveys']['list'];
type Survey = Surveys['surveys'][number];
type Issued = RouterOutputs['assessmentSurveys']['issueCodes'];

const stateLabels: Record<Survey['state'], { text: string; color: string }> = {
  notYetOpen: { text: '未开始', color: 'default' },
  open: { text: '进行中', color: 'green' },
  closed: { text: '已结束', color: 'orange' },
};

const periodLabel = (period: string) => (period === 'annual' ? '年度考核' : period);

function OpenSurvey({ schemeId, periods }: { schemeId: string; periods: string[] }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ period: string; dates: [Dayjs, Dayjs] }>();
  const open = useMutation(trpc.assessmentSurveys.open.mutationOptions());
  // On a phone the label and the date range do not fit on one line: labels go above their fields.
  const screens = Grid.useBreakpoint();
  if (periods.length === 0) return null;
  const submit = (values: { period: string; dates: [Dayjs, Dayjs] }) =>
    open.mutate(
      {
        schemeId,
        period: values.period,
        opensOn: values.dates[0].format('YYYY-MM-DD'),
        closesOn: values.dates[1].format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          form.resetFields();
          void queryClient.invalidateQueries({ queryKey: trpc.assessmentSurveys.pathKey() });
        },
        onError: (error) => {
          const errors = fieldErrorsOf(error) ?? {};
          form.setFields([
            { name: 'period', errors: errors.period ?? [] },
            { name: 'dates', errors: [...(errors.opensOn ?? []), ...(errors.closesOn ?? [])] },
          ]);
        },
      },
    );
  return (
    <Card size="small" title="发起满意度调查">
      <Form form={form} layout={screens.sm ? 'inline' : 'vertical'} onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item name="period" label="考核周期" rules={[{ required: true, message: '请选择考核周期' }]}>
          <Select
            style={{ width: 140 }}
            aria-label="调查周期"
            // Choosing the period comes first: the dates' picker is fetched meanwhile.
            onFocus={() => void preloadRangePicker()}
            options={periods.map((p) => ({ value: p, label: periodLabel(p) }))}
          />
        </Form.Item>
        <Form.Item
          name="dates"
          label="答卷时间"
          rules={[{ required: true, message: '请选择开始和截止日期' }]}
        >
          {/* Most visits only read the surveys: the picker's code loads when the field is first used. */}
          <RangePickerWhenFocused aria-label="答卷时间" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={open.isPending}>
            发起
          </Button>
        </Form.Item>
      </Form>
      {open.isError && !fieldErrorsOf(open.error) && (
        <Alert type="error" showIcon message={errorMessage(open.error)} />
      )}
    </Card>
  );
}

/** The codes just issued, once: the link and one code per line, for printing and cutting. */
function IssuedSheet({ issued, onClose }: { issued: Issued | null; onClose: () => void }) {
  const link = issued ? `${window.location.origin}${issued.path}` : '';
  return (
    <Modal
      open={issued !== null}
      title="答卷码（只显示这一次，请打印或抄录）"
      onCancel={onClose}
      footer={[
        <Button key="print" onClick={() => window.print()}>
          打印
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          已打印，关闭
        </Button>,
      ]}
      width={640}
    >
      {issued && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="issued-codes">
          <Typography.Text>
            {issued.schemeName}：{periodLabel(issued.period)}居民满意度调查，截止 {issued.closesOn}
          </Typography.Text>
          <Typography.Text
            copyable={{ text: link }}
            data-testid="survey-link"
            style={{ wordBreak: 'break-all' }}
          >
            {link}
          </Typography.Text>
          <Typography.Text type="secondary">每位居民一个答卷码，每个答卷码只能提交一次答卷。</Typography.Text>
          <ol style={{ columns: 2, fontFamily: 'monospace', fontSize: 16, margin: 0 }}>
            {issued.codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
        </Space>
      )}
    </Modal>
  );
}

function SurveyCommunities({ survey, under }: { survey: Survey; under: string }) {
  const queryClient = useQueryClient();
  const [counts, setCounts] = useState<Record<string, number | null>>({});
  const [issued, setIssued] = useState<Issued | null>(null);
  const issue = useMutation(trpc.assessmentSurveys.issueCodes.mutationOptions());
  const { communities, pagination } = useCommunityPages(under);
  if (communities.isPending) return <Skeleton active />;
  if (communities.isError) return <Alert type="error" message={errorMessage(communities.error)} />;
  const stats = new Map(survey.communities.map((c) => [c.communityCode, c]));
  type Row = (typeof communities.data.items)[number];
  return (
    <>
      {issue.isError && <Alert type="error" showIcon message={errorMessage(issue.error)} />}
      <Table<Row>
        rowKey="code"
        size="small"
        dataSource={communities.data.items}
        scroll={{ x: 560 }}
        pagination={pagination}
        columns={[
          { title: '社区', dataIndex: 'name', width: 150 },
          {
            title: '答卷码',
            key: 'codes',
            width: 110,
            render: (_: unknown, row) => {
              const s = stats.get(row.code);
              return s ? `已发 ${s.issued}，已用 ${s.used}` : '未发放';
            },
          },
          {
            title: '答卷',
            key: 'responses',
            width: 70,
            render: (_: unknown, row) => stats.get(row.code)?.responses ?? 0,
          },
          {
            title: '发放答卷码',
            key: 'issue',
            width: 200,
            render: (_: unknown, row) =>
              survey.state === 'closed' ? (
                '—'
              ) : (
                <Space.Compact>
                  <InputNumber
                    min={1}
                    max={500}
                    value={counts[row.code] ?? 10}
                    onChange={(v) => setCounts((c) => ({ ...c, [row.code]: v }))}
                    aria-label={`${row.name} 答卷码份数`}
                    style={{ width: 80 }}
                  />
                  <Button
                    loading={issue.isPending && issue.variables?.communityCode === row.code}
                    onClick={() =>
                      issue.mutate(
                        { surveyId: survey.id, communityCode: row.code, count: counts[row.code] ?? 10 },
                        {
                          onSuccess: (data) => {
                            setIssued(data);
                            void queryClient.invalidateQueries({
                              queryKey: trpc.assessmentSurveys.pathKey(),
                            });
                          },
                        },
                      )
                    }
                  >
                    发放
                  </Button>
                </Space.Compact>
              ),
          },
        ]}
      />
      <IssuedSheet issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}

export default function SurveysPage() {
  const { id = '' } = useParams();
  const scheme = useQuery(trpc.assessment.scheme.queryOptions({ id }));
  const surveys = useQuery({
    ...trpc.assessmentSurveys.list.queryOptions({ schemeId: id }),
    enabled: scheme.isSuccess,
  });
  if (scheme.isPending) return <Skeleton active />;
  if (scheme.isError)
    return <Result status="404" title="没有这个考核方案" subTitle={errorMessage(scheme.error)} />;
  if (surveys.isPending) return <Skeleton active />;
  if (surveys.isError)
    return <Result status="error" title="无法读取满意度调查" subTitle={errorMessage(surveys.error)} />;
  const data = surveys.data;
  const unsurveyed = data.residentPeriods.filter((p) => !data.surveys.some((s) => s.period === p));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Link to="/assessment">综合考核</Link>
        <Typography.Text type="secondary">/</Typography.Text>
        <Link to={`/assessment/${id}`}>{scheme.data.name}</Link>
      </Space>
      <Typography.Title level={3} style={{ margin: 0 }}>
        居民满意度调查
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        居民凭社区发放的一次性答卷码在手机上作答，无需账号；每个答卷码只能提交一次（本系统规则
        R-ASM-1）。答卷的平均分计入该社区该周期由居民评分的指标。
      </Typography.Paragraph>
      {scheme.data.status !== 'published' ? (
        <Alert type="info" showIcon message="方案发布后才能发起满意度调查" />
      ) : (
        data.canOpen && <OpenSurvey schemeId={id} periods={unsurveyed} />
      )}
      {data.surveys.length === 0 ? (
        <Empty description="还没有满意度调查" />
      ) : (
        data.surveys.map((survey) => (
          <Card
            key={survey.id}
            size="small"
            data-testid={`survey-${survey.period}`}
            title={
              <Space wrap>
                {periodLabel(survey.period)}
                <Tag color={stateLabels[survey.state].color}>{stateLabels[survey.state].text}</Tag>
              </Space>
            }
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {survey.opensOn} 至 {survey.closesOn}；调查指标：
                {survey.questions.map((q) => q.name).join('、')}
              </Typography.Text>
              <SurveyCommunities survey={survey} under={scheme.data.jurisdictionCode} />
            </Space>
          </Card>
        ))
      )}
    </Space>
  );
}
