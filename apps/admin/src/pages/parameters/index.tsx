/**
 * 辖区参数: the benchmarks a regulation names without a figure (鄂州市城市在岗职工平均工资 and the like),
 * entered by the administrators of the jurisdiction that declares them (本系统规则 R-PAR-1). The page
 * shows, for the chosen jurisdiction (the signed-in person's own by default, kept in the URL), what it
 * must supply, the figure in force with its source and date, every entry made, and a form to enter a
 * figure. Lists rather than tables, so each entry reads on a phone.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
  theme,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { TitledPage } from '../../components/TitledPage.js';
import { errorMessage, fieldErrorsOf, placeFieldErrors } from '../../lib/fieldErrors.js';
import { type RouterInputs, type RouterOutputs, trpc } from '../../lib/trpc.js';
import { useUnsavedChangesGuard } from '../../lib/unsavedChanges.js';
import { formatTime } from '../archives/dates.js';

type Supplied = RouterOutputs['parameters']['supplied'];
type Entry = NonNullable<Supplied['parameters'][number]['current']>;
type EnterInput = RouterInputs['parameters']['enter'];

const formFields = new Set(['name', 'value', 'effectiveFrom', 'source']);

function JurisdictionChooser({
  value,
  name,
  onChange,
}: {
  value: string;
  name: string | undefined;
  onChange: (code: string) => void;
}) {
  const [query, setQuery] = useState('');
  const search = useQuery({
    ...trpc.jurisdictions.search.queryOptions({ query: query.trim(), limit: 20 }),
    enabled: query.trim().length > 0,
  });
  const options = (search.data ?? [])
    .filter((node) => node.level !== 'community')
    .map((node) => ({
      value: node.code,
      label: `${[...node.path.map((entry) => entry.name), node.name].join(' / ')}（${node.code}）`,
    }));
  return (
    <Select
      aria-label="辖区"
      style={{ width: '100%', maxWidth: 420 }}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      placeholder="输入辖区名称或代码搜索"
      notFoundContent={search.isFetching ? <Spin size="small" /> : query ? '没有匹配的辖区' : null}
      options={options.length > 0 ? options : [{ value, label: name ? `${name}（${value}）` : value }]}
    />
  );
}

function EntryLine({ entry, unit }: { entry: Entry; unit: string }) {
  const { token } = theme.useToken();
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <div>
        <strong>
          {entry.value} {unit}
        </strong>
        <span style={{ color: token.colorTextSecondary }}>
          {' '}
          自 {entry.effectiveFrom} 起，{entry.jurisdictionName}
        </span>
      </div>
      <div style={{ color: token.colorTextSecondary, fontSize: token.fontSizeSM }}>
        来源：{entry.source}；{entry.enteredBy} 于 {formatTime(entry.enteredAt)} 填报
      </div>
    </div>
  );
}

function EnterForm({
  jurisdictionCode,
  supplied,
  chosen,
}: {
  jurisdictionCode: string;
  supplied: Supplied;
  /** The parameter a link asked for (`?parameter=`), chosen in the form when this person may enter it. */
  chosen: string | null;
}) {
  const [form] = Form.useForm<Omit<EnterInput, 'jurisdiction'>>();
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesGuard(dirty);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const enterable = supplied.parameters.filter((p) => p.refusal === null);
  const enter = useMutation(
    trpc.parameters.enter.mutationOptions({
      onSuccess: async () => {
        message.success('已填报，合规检查即按新数值判断');
        form.resetFields(['value', 'source']);
        setDirty(false);
        await queryClient.invalidateQueries({ queryKey: trpc.parameters.supplied.queryKey() });
      },
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        if (fieldErrors)
          form.setFields(placeFieldErrors(fieldErrors, ([name]) => formFields.has(String(name))).fields);
      },
    }),
  );
  if (enterable.length === 0) return null;
  const showGeneralError = enter.isError && !fieldErrorsOf(enter.error);
  return (
    <Card size="small" title="填报数值" data-testid="parameters-form">
      {showGeneralError && (
        <Alert type="error" showIcon title={errorMessage(enter.error)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        name="enterParameter"
        layout="vertical"
        style={{ maxWidth: 520 }}
        initialValues={{ name: enterable.find((p) => p.name === chosen)?.name ?? enterable[0]?.name }}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => enter.mutate({ ...values, jurisdiction: jurisdictionCode })}
      >
        <Form.Item label="参数" name="name" rules={[{ required: true, message: '请选择参数' }]}>
          <Select options={enterable.map((p) => ({ value: p.name, label: `${p.label}（${p.unit}）` }))} />
        </Form.Item>
        <Form.Item
          label="数值"
          name="value"
          extra="按参数的单位填写，正数，最多两位小数"
          rules={[{ required: true, message: '请输入数值' }]}
        >
          <Input inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="生效日期"
          name="effectiveFrom"
          extra="格式 YYYY-MM-DD；检查日期在此之后的社区按本数值判断"
          rules={[{ required: true, message: '请输入生效日期' }]}
        >
          <Input placeholder="2025-01-01" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="来源"
          name="source"
          extra="文件名、公布机关，如：鄂州市统计局《2025年鄂州市城镇单位在岗职工平均工资》"
          rules={[{ required: true, whitespace: true, message: '请填写来源（文件名、公布机关）' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={enter.isPending}>
          填报
        </Button>
      </Form>
    </Card>
  );
}

export default function ParametersPage() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const [searchParams, setSearchParams] = useSearchParams();
  const jurisdictionCode = searchParams.get('jurisdiction') || me.data?.jurisdictionCode;
  const supplied = useQuery({
    ...trpc.parameters.supplied.queryOptions({ jurisdictionCode: jurisdictionCode ?? '' }),
    enabled: jurisdictionCode !== undefined,
  });
  const data = supplied.data;
  const units = new Map(data?.parameters.map((p) => [p.name, p]) ?? []);
  return (
    <TitledPage title="辖区参数" testId="parameters-page">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        规定只写明基准、未写数额的参数（如城市在岗职工平均工资），由该辖区或上级辖区的管理员按公布的文件填报（本系统规则
        R-PAR-1）；合规检查按检查日期取已生效的最新数值，下级辖区填报的数值优先。
      </Typography.Paragraph>
      {jurisdictionCode && (
        <JurisdictionChooser
          value={jurisdictionCode}
          name={data?.jurisdictionName}
          onChange={(code) => setSearchParams(new URLSearchParams({ jurisdiction: code }))}
        />
      )}
      {supplied.isError && <Alert type="error" showIcon title={errorMessage(supplied.error)} />}
      {supplied.isPending && jurisdictionCode !== undefined && <Spin />}
      {data && data.parameters.length === 0 && (
        <Empty description="该辖区适用的政策没有需要填报的参数，请选择上级或下级辖区" />
      )}
      {data && data.parameters.length > 0 && (
        <>
          <Card size="small" title="需要填报的参数" data-testid="parameters-supplied">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {data.parameters.map((p) => (
                <div key={p.name} data-parameter={p.name} style={{ overflowWrap: 'anywhere' }}>
                  <div style={{ fontWeight: 500 }}>
                    {p.label}（{p.unit}）{' '}
                    {p.current ? <Tag color="green">已填报</Tag> : <Tag color="orange">尚未填报</Tag>}
                  </div>
                  <Typography.Text type="secondary">
                    由{p.jurisdictionName}政策规定
                    {p.source
                      ? `；${p.source.replace(/；?(用 params\.\w+ 提供|省级政策包或调用方提供)/, '')}`
                      : ''}
                  </Typography.Text>
                  {p.current && <EntryLine entry={p.current} unit={p.unit} />}
                  {p.refusal && (
                    <div>
                      <Typography.Text type="secondary">{p.refusal}</Typography.Text>
                    </div>
                  )}
                </div>
              ))}
            </Space>
          </Card>
          {jurisdictionCode && (
            <EnterForm
              key={jurisdictionCode}
              jurisdictionCode={jurisdictionCode}
              supplied={data}
              chosen={searchParams.get('parameter')}
            />
          )}
          <Card size="small" title="填报记录" data-testid="parameters-history">
            {data.history.length === 0 ? (
              <Empty description="还没有填报记录" />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {data.history.map((entry) => (
                  <div key={entry.id}>
                    <div>{units.get(entry.name)?.label ?? '参数'}</div>
                    <EntryLine entry={entry} unit={units.get(entry.name)?.unit ?? ''} />
                  </div>
                ))}
              </Space>
            )}
          </Card>
        </>
      )}
    </TitledPage>
  );
}
