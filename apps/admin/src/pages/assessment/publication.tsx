/**
 * 公示: the results as published, with the scheme, its version, the date of publication and the
 * provision that asks for it where the scheme's jurisdiction has one (鄂州 第三十四条: 社区工作综合考核评比
 * 结果应面向社会公开公示), laid out to print on A4 without the console around it.
 */
import { resultsPublicationBasis } from '@shequ/assessment';
import { useQuery } from '@tanstack/react-query';
import { Button, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { Result } from '../../components/OnDemand.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';

const printStyle = `
@media print {
  .ant-layout-sider, .ant-layout-header, .ant-drawer, .no-print { display: none !important; }
  .ant-layout, .ant-layout-content { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  .publication { font-size: 11pt; }
  .publication table { page-break-inside: auto; }
  .publication tr { page-break-inside: avoid; }
  @page { size: A4; margin: 16mm; }
}
.publication table { width: 100%; border-collapse: collapse; }
.publication th, .publication td { border: 1px solid #999; padding: 4px 6px; text-align: center; }
.publication td.name { text-align: left; }
`;

function chinaDate(value: string | Date | null): string {
  if (!value) return '';
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(
    new Date(value),
  );
}

export default function PublicationPage() {
  const { id = '' } = useParams();
  const results = useQuery(trpc.assessment.results.queryOptions({ schemeId: id }));
  if (results.isPending) return <Skeleton active />;
  if (results.isError)
    return <Result status="warning" title="无法显示公示" subTitle={errorMessage(results.error)} />;
  const { scheme, results: rows } = results.data;
  const basis = resultsPublicationBasis(scheme.jurisdictionCode);
  return (
    <div className="publication">
      <style>{printStyle}</style>
      <div className="no-print" style={{ marginBottom: 16, display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Link to={`/assessment/${id}`}>返回方案</Link>
        <Button onClick={() => window.print()}>打印</Button>
      </div>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {scheme.name}结果公示
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        第 {scheme.version} 版方案 ·{' '}
        {scheme.status === 'published' ? `方案发布于${chinaDate(scheme.publishedAt)}` : '方案尚未发布'}
      </Typography.Paragraph>
      <div style={{ overflowX: 'auto' }}>
        <table>
          <thead>
            <tr>
              <th>排名</th>
              <th>社区</th>
              <th>平时考核</th>
              <th>年度考核</th>
              <th>综合得分</th>
              <th>等次</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <td>{r.rank}</td>
                <td className="name">{r.name}</td>
                <td>{r.routine}</td>
                <td>{r.annual}</td>
                <td>{r.total}</td>
                <td>{r.grade}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Typography.Paragraph style={{ marginTop: 16 }} data-testid="publication-date">
        公示日期：{chinaDate(new Date())}。{basis ? `依据《${basis.document}》${basis.article}，` : ''}
        考核评比结果面向社会公开公示。
      </Typography.Paragraph>
    </div>
  );
}
