/**
 * One community checked against its jurisdictions' rules: results grouped by document, each beside
 * the text of the article it cites, expected against actual, and how the result was reached.
 */
import { useQuery } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Empty,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { LoadFailed } from '../../components/LoadFailed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { ArticleText, citationLabel, ExplanationView, formatQuantity, quantityLabels } from './explain.js';
import {
  missesCommunityFacts,
  missingSuppliedParameter,
  packJurisdictionText,
  parametersPageFor,
  readableCheckText,
  type SuppliedParameterRef,
} from './readable.js';
import { bindingLabels, type CheckStatus, StatusTag, statusLabels, statusOrder } from './status.js';

type Report = RouterOutputs['compliance']['community'];
type ResultEntry = Report['results'][number];

const summaryKeys: { status: CheckStatus; key: keyof Report['summary'] }[] = [
  { status: 'fail', key: 'fail' },
  { status: 'warn', key: 'warn' },
  { status: 'unknown', key: 'unknown' },
  { status: 'not-applicable', key: 'notApplicable' },
  { status: 'pass', key: 'pass' },
];

function ResultRow({
  result,
  packNames,
  parameterLabels,
  suppliedParameters,
  communityCode,
}: {
  result: ResultEntry;
  packNames: Record<string, string>;
  parameterLabels: Record<string, string>;
  suppliedParameters: readonly SuppliedParameterRef[];
  communityCode: string;
}) {
  const text = result.articleText;
  const readable = (value: string) => readableCheckText(value, parameterLabels);
  const entered = result.status === 'unknown' && missesCommunityFacts(`${result.actual} ${result.message}`);
  const parameter =
    result.status === 'unknown'
      ? missingSuppliedParameter(`${result.actual} ${result.message}`, suppliedParameters)
      : undefined;
  return (
    <div className="compliance-result" data-rule={result.rule} data-status={result.status}>
      <Row gutter={[24, 12]}>
        <Col xs={24} lg={13}>
          <Space wrap size={4}>
            <StatusTag status={result.status} />
            <Typography.Text strong>{result.title}</Typography.Text>
            <Tag bordered={false}>{bindingLabels[result.binding]}</Tag>
          </Space>
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 8 }}
            items={[
              { key: 'expected', label: '应为', children: readable(result.expected) || '—' },
              { key: 'actual', label: '实际', children: readable(result.actual) || '—' },
              {
                key: 'message',
                label: '说明',
                children: (
                  <>
                    {readable(result.message)}
                    {entered && (
                      <>
                        {' '}
                        <Link to={`/communities/${communityCode}`}>去填写社区数据</Link>
                      </>
                    )}
                    {parameter && (
                      <>
                        {' '}
                        <Link
                          to={parametersPageFor(parameter, communityCode)}
                          data-testid="supplied-parameter-link"
                        >
                          去填报{parameter.label}（辖区参数）
                        </Link>
                      </>
                    )}
                  </>
                ),
              },
              { key: 'citation', label: '依据', children: citationLabel(result.citation) },
            ]}
          />
          {result.explanation && (
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'explain',
                  label: '查看推理过程',
                  children: <ExplanationView explanation={result.explanation} packNames={packNames} />,
                },
              ]}
            />
          )}
        </Col>
        <Col xs={24} lg={11}>
          <Card size="small" style={{ background: '#fafafa' }}>
            <ArticleText citation={result.citation} text={text} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

export default function CommunityCompliancePage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const report = useQuery(trpc.compliance.community.queryOptions({ code, ...(asOf ? { asOf } : {}) }));

  if (report.isPending) return <Skeleton active />;
  if (report.isError)
    return <LoadFailed error={report.error} back={{ to: '/compliance', label: '返回合规概览' }} />;
  const data = report.data;
  const packNames = Object.fromEntries(data.jurisdictions.map((j) => [j.code, j.name]));
  const byDocument = data.documents.map((document) => ({
    document,
    results: data.results
      .filter((r) => r.citation.document === document.title)
      .sort((a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status)),
  }));
  const quantities = Object.entries(data.quantities);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Breadcrumb
        items={[
          { title: <Link to="/compliance">合规检查</Link> },
          ...data.community.path.map((entry) => ({
            title: <Link to={`/compliance?${new URLSearchParams({ node: entry.code })}`}>{entry.name}</Link>,
          })),
          { title: data.community.name },
        ]}
      />
      <PageHeading title={<>{data.community.name} · 合规检查</>}>
        <Space wrap>
          <span>评估日期</span>
          <DatePicker
            aria-label="评估日期"
            allowClear={false}
            value={dayjs(data.asOf)}
            onChange={(value) => {
              if (value) setParams(new URLSearchParams({ asOf: value.format('YYYY-MM-DD') }));
            }}
          />
          <Button onClick={() => navigate(`/communities/${data.community.code}`)}>查看与编辑社区数据</Button>
        </Space>
      </PageHeading>
      <Typography.Text type="secondary">
        适用政策：{data.jurisdictions.map(packJurisdictionText).join(' → ')}；社区数据截至 {data.factsAsOf}
      </Typography.Text>
      <Card size="small">
        <Row gutter={16}>
          {summaryKeys.map(({ status, key }) => (
            <Col key={status} xs={12} md={4}>
              <Statistic title={statusLabels[status]} value={data.summary[key]} />
            </Col>
          ))}
        </Row>
      </Card>
      {quantities.length > 0 && (
        <Card size="small" title="按规定核定的数量">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={quantities.map(([name, value]) => ({
              key: name,
              label: quantityLabels[name] ?? name,
              children: formatQuantity(value),
            }))}
          />
        </Card>
      )}
      {byDocument.map(({ document, results }) => (
        <Card
          key={`${document.jurisdiction}-${document.title}`}
          size="small"
          title={
            <Space wrap>
              <span>《{document.title}》</span>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {packNames[document.jurisdiction]} · {document.inForceFrom} 起施行
              </Typography.Text>
            </Space>
          }
          extra={
            <Space size={4}>
              {statusOrder.map((status) => {
                const n = results.filter((r) => r.status === status).length;
                return n > 0 ? (
                  <Tag key={status} bordered={false}>
                    {statusLabels[status]} {n}
                  </Tag>
                ) : null;
              })}
            </Space>
          }
        >
          {results.length === 0 ? (
            <Empty description="本文件没有适用的检查项" />
          ) : (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              {results.map((result) => (
                <ResultRow
                  key={result.rule}
                  result={result}
                  packNames={packNames}
                  parameterLabels={data.parameterLabels}
                  suppliedParameters={data.suppliedParameters}
                  communityCode={data.community.code}
                />
              ))}
            </Space>
          )}
        </Card>
      ))}
    </Space>
  );
}
