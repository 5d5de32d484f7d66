/**
 * The scheme editor: name, jurisdiction, year, the routine and annual parts with their indicator
 * trees (two levels), grade bands. Every change is checked by the API as it is typed: a weight that
 * breaks its sibling group is marked on the field, and a rule of the jurisdiction that fails is
 * marked on the field it concerns with its article. Saving keeps a draft; publishing is on the
 * scheme's page and is refused while a binding rule fails.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Result } from '../../components/OnDemand.js';
import { errorMessage, fieldErrorsOf, toFieldPath } from '../../lib/fieldErrors.js';
import { type RouterInputs, type RouterOutputs, trpc } from '../../lib/trpc.js';
import {
  assessmentHonourLabels,
  caseFeedbackRule,
  percent,
  periodicityLabels,
  residentScoreCombinationLabels,
  scorerLabels,
} from './labels.js';

type Definition = RouterInputs['assessment']['createScheme']['definition'];
type CheckOutcome = RouterOutputs['assessment']['check'];
type Finding = Extract<CheckOutcome, { valid: true }>['findings'][number];

const scorerOptions = Object.entries(scorerLabels).map(([value, label]) => ({ value, label }));

function blankScheme(jurisdiction: string): Definition {
  const year = new Date().getFullYear();
  return {
    name: `${year}年社区综合考核方案`,
    jurisdiction,
    year,
    version: 1,
    routine: {
      periodicity: 'quarter',
      weight: 0.6,
      indicators: [
        { id: 'work', name: '工作实绩', weight: 0.7, scorer: 'department' },
        { id: 'satisfaction', name: '居民满意度', weight: 0.3, scorer: 'residents' },
      ],
    },
    annual: {
      weight: 0.4,
      indicators: [
        { id: 'review', name: '年度述职', weight: 0.6, scorer: 'department' },
        { id: 'annualSatisfaction', name: '年度满意度测评', weight: 0.4, scorer: 'residents' },
      ],
    },
    grades: [
      { name: '优秀', min: 90, honours: ['assessment-qualified', 'district-assessment-advanced'] },
      { name: '合格', min: 60, honours: ['assessment-qualified'] },
      { name: '不合格', min: 0 },
    ],
    streetRatingResidentShare: 0.5,
  };
}

function IndicatorFields({ prefix, depth }: { prefix: (string | number)[]; depth: number }) {
  return (
    <Form.List name={prefix}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          {fields.map((field) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginLeft: depth * 12 }}
              data-testid={`indicator-${[...prefix, field.name].join('.')}`}
            >
              <Space wrap align="start" size={[8, 0]}>
                <Form.Item
                  name={[field.name, 'id']}
                  label="编号"
                  rules={[{ required: true, message: '必填' }]}
                >
                  <Input style={{ width: 110 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'name']}
                  label="名称"
                  rules={[{ required: true, message: '必填' }]}
                >
                  <Input style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'weight']} label="权重">
                  <InputNumber min={0} max={1} step={0.05} style={{ width: 90 }} aria-label="权重" />
                </Form.Item>
                <Form.Item name={[field.name, 'scorer']} label="评分主体">
                  <Select options={scorerOptions} style={{ width: 110 }} allowClear />
                </Form.Item>
                <Form.Item name={[field.name, 'maxScore']} label="满分">
                  <InputNumber min={1} style={{ width: 80 }} placeholder="100" />
                </Form.Item>
                <Form.Item name={[field.name, 'veto']} valuePropName="checked">
                  <Checkbox>一票否决</Checkbox>
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除指标" />
              </Space>
              {depth === 0 && <IndicatorFields prefix={[field.name, 'children']} depth={1} />}
            </Card>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                id: `i${Date.now() % 100000}`,
                name: '',
                weight: 0,
                scorer: depth === 0 ? 'department' : 'department',
              })
            }
          >
            {depth === 0 ? '添加指标' : '添加下级指标'}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** Strips what the form leaves empty (a leaf's blank `children`, an unset scorer) so the API sees a clean tree. */
function cleanDefinition(values: Definition): Definition {
  type Node = Definition['routine']['indicators'][number];
  const clean = (nodes: Node[] | undefined): Node[] =>
    (nodes ?? []).map((n) => {
      const children = clean(n.children);
      const out: Node = { id: n.id, name: n.name, weight: n.weight ?? 0 };
      if (children.length > 0) out.children = children;
      else if (n.scorer) out.scorer = n.scorer;
      if (n.maxScore !== undefined && n.maxScore !== null) out.maxScore = n.maxScore;
      if (n.veto) out.veto = true;
      return out;
    });
  return {
    ...values,
    routine: { ...values.routine, indicators: clean(values.routine?.indicators) },
    annual: { ...values.annual, indicators: clean(values.annual?.indicators) },
  };
}

function FindingItem({ finding }: { finding: Finding }) {
  const color = finding.status === 'fail' ? 'red' : finding.status === 'warn' ? 'orange' : 'green';
  return (
    <List.Item data-testid="scheme-finding" data-rule={finding.rule} data-status={finding.status}>
      <Space direction="vertical" size={0}>
        <Space wrap>
          <Tag color={color}>
            {finding.status === 'fail' ? '不符合' : finding.status === 'warn' ? '提示' : '符合'}
          </Tag>
          <Typography.Text strong>{finding.title}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">
          {finding.citation.document} {finding.citation.article}（{finding.documentDate} 施行）
        </Typography.Text>
        <Typography.Text>{finding.message}</Typography.Text>
      </Space>
    </List.Item>
  );
}

export default function SchemeEditorPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useQuery(trpc.auth.me.queryOptions());
  const existing = useQuery({
    ...trpc.assessment.scheme.queryOptions({ id: id ?? '' }),
    enabled: Boolean(id),
  });
  const [form] = Form.useForm();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const check = useMutation(trpc.assessment.check.mutationOptions());
  const create = useMutation(trpc.assessment.createScheme.mutationOptions());
  const update = useMutation(trpc.assessment.updateScheme.mutationOptions());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const marked = useRef<string[]>([]);

  const initial = useMemo(() => {
    if (id) return existing.data?.definition as Definition | undefined;
    return me.data
      ? blankScheme(me.data.jurisdictionCode === '000000' ? '' : me.data.jurisdictionCode)
      : undefined;
  }, [id, existing.data, me.data]);

  const runCheck = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const definition = cleanDefinition(form.getFieldsValue(true) as Definition);
      check.mutate(
        { definition },
        {
          onSuccess: (result) => {
            setOutcome(result);
            const errors: Record<string, string[]> = {};
            if (!result.valid) Object.assign(errors, result.fieldErrors);
            else
              for (const f of result.findings)
                if (f.status === 'fail' && f.field && !f.field.endsWith('.indicators'))
                  errors[f.field] = [...(errors[f.field] ?? []), `${f.citation.article}：${f.message}`];
            const fields = [
              ...marked.current
                .filter((k) => !(k in errors))
                .map((k) => ({ name: toFieldPath(k), errors: [] })),
              ...Object.entries(errors).map(([k, messages]) => ({ name: toFieldPath(k), errors: messages })),
            ];
            marked.current = Object.keys(errors);
            form.setFields(fields);
          },
        },
      );
    }, 300);
  };

  useEffect(() => {
    if (!initial) return;
    form.setFieldsValue(initial);
    runCheck();
    // runCheck only reads the form; checking once when the scheme arrives is enough.
  }, [initial]);

  if (id && existing.isError)
    return <Result status="error" title="无法读取方案" subTitle={errorMessage(existing.error)} />;
  if (!initial) return <Skeleton active />;

  const save = async () => {
    const definition = cleanDefinition(form.getFieldsValue(true) as Definition);
    try {
      const saved = id
        ? await update.mutateAsync({ id, definition })
        : await create.mutateAsync({ definition });
      navigate(`/assessment/${saved.id}`);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      if (fieldErrors)
        form.setFields(
          Object.entries(fieldErrors).map(([k, messages]) => ({
            name: toFieldPath(k.replace(/^definition\./, '')),
            errors: messages,
          })),
        );
    }
  };
  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;
  const valid = outcome?.valid ? outcome : null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {id ? '修改考核方案' : '新建考核方案'}
      </Typography.Title>
      <Form form={form} layout="vertical" onValuesChange={runCheck} initialValues={initial}>
        <Card title="基本信息" size="small">
          <Space wrap size={[16, 0]}>
            <Form.Item name="name" label="方案名称">
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="jurisdiction" label="辖区代码">
              <Input style={{ width: 120 }} disabled={Boolean(id)} />
            </Form.Item>
            <Form.Item name="year" label="年度">
              <InputNumber min={2000} max={2100} disabled={Boolean(id)} />
            </Form.Item>
            <Form.Item name="streetRatingResidentShare" label="社区考评街道：居民打分占比">
              <InputNumber min={0} max={1} step={0.05} />
            </Form.Item>
            <Form.Item
              name="residentScoreCombination"
              label="居民评分：调查与服务事项回访"
              tooltip={`${caseFeedbackRule.id}：${caseFeedbackRule.text}`}
            >
              <Select
                style={{ width: 320 }}
                allowClear
                placeholder={residentScoreCombinationLabels.pooled}
                aria-label="居民评分来源"
                options={Object.entries(residentScoreCombinationLabels).map(([value, label]) => ({
                  value,
                  label,
                }))}
              />
            </Form.Item>
          </Space>
        </Card>
        <Card title="平时考核" size="small" style={{ marginTop: 12 }}>
          <Space wrap size={[16, 0]}>
            <Form.Item name={['routine', 'periodicity']} label="周期">
              <Select
                style={{ width: 120 }}
                options={Object.entries(periodicityLabels).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item name={['routine', 'weight']} label="占综合得分">
              <InputNumber min={0} max={1} step={0.05} aria-label="平时考核占比" />
            </Form.Item>
          </Space>
          <IndicatorFields prefix={['routine', 'indicators']} depth={0} />
        </Card>
        <Card title="年度考核" size="small" style={{ marginTop: 12 }}>
          <Form.Item name={['annual', 'weight']} label="占综合得分">
            <InputNumber min={0} max={1} step={0.05} aria-label="年度考核占比" />
          </Form.Item>
          <IndicatorFields prefix={['annual', 'indicators']} depth={0} />
        </Card>
        <Card title="等次" size="small" style={{ marginTop: 12 }}>
          <Form.List name="grades">
            {(fields, { add, remove }) => (
              <Space direction="vertical">
                {fields.map((field) => (
                  <Space key={field.key} wrap>
                    <Form.Item name={[field.name, 'name']} noStyle>
                      <Input style={{ width: 120 }} placeholder="等次名称" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'min']} noStyle>
                      <InputNumber min={0} max={100} addonBefore="最低分" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'honours']} noStyle>
                      <Select
                        mode="multiple"
                        allowClear
                        placeholder="授予荣誉（鄂州 第二十一条）"
                        style={{ minWidth: 220 }}
                        options={Object.entries(assessmentHonourLabels).map(([value, label]) => ({
                          value,
                          label,
                        }))}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label="删除等次"
                    />
                  </Space>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', min: 0 })}>
                  添加等次
                </Button>
              </Space>
            )}
          </Form.List>
        </Card>
      </Form>
      <Card title="按政策检查" size="small" data-testid="scheme-checks">
        {outcome && !outcome.valid && (
          <Alert
            type="error"
            showIcon
            message="方案有误，请按标红的字段修改"
            description={Object.entries(outcome.fieldErrors)
              .map(([k, m]) => `${k}: ${m.join('；')}`)
              .join('\n')}
            style={{ whiteSpace: 'pre-line' }}
          />
        )}
        {valid && (
          <>
            <Alert
              type={valid.publishable ? 'success' : 'error'}
              showIcon
              message={
                valid.publishable
                  ? '没有不符合的约束性规定，可以发布'
                  : '有不符合的约束性规定，修改前不能发布'
              }
              description={`评分主体占综合得分：${Object.entries(valid.scorerShares)
                .map(([s, m]) => `${scorerLabels[s as keyof typeof scorerLabels]}${percent(m / 1_000_000)}`)
                .join('，')}`}
            />
            <List size="small" dataSource={valid.findings} renderItem={(f) => <FindingItem finding={f} />} />
          </>
        )}
      </Card>
      {saveError && !fieldErrorsOf(saveError) && (
        <Alert type="error" showIcon message={errorMessage(saveError)} />
      )}
      <Space wrap>
        <Button type="primary" loading={saving} onClick={save}>
          保存草稿
        </Button>
        <Button onClick={() => navigate(id ? `/assessment/${id}` : '/assessment')}>取消</Button>
      </Space>
    </Space>
  );
}
