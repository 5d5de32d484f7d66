import { DownloadOutlined, HistoryOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Descriptions, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadFailed } from '../../components/LoadFailed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { downloadJson } from '../../lib/download.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { queryClient, trpc } from '../../lib/trpc.js';
import { FactsForm } from './FactsForm.js';

export default function CommunityPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const community = useQuery(trpc.communities.get.queryOptions({ code }));
  const me = useQuery(trpc.auth.me.queryOptions());

  const downloadSnapshot = async () => {
    try {
      const snapshot = await queryClient.fetchQuery({
        ...trpc.communities.snapshot.queryOptions({ code }),
        staleTime: 0,
      });
      downloadJson(`${snapshot.code}-${snapshot.asOf}.json`, snapshot);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  if (community.isPending) return <Skeleton active />;
  if (community.isError)
    return <LoadFailed error={community.error} back={{ to: '/communities', label: '返回社区列表' }} />;
  const record = community.data;
  const parent = record.path.at(-1);
  const readOnly = me.data?.role === 'auditor';

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Breadcrumb
        items={[
          { title: <Link to="/communities">辖区与社区</Link> },
          ...record.path.map((entry) => ({
            title: (
              <Link to={`/communities?${new URLSearchParams({ under: entry.code, name: entry.name })}`}>
                {entry.name}
              </Link>
            ),
          })),
          { title: record.name },
        ]}
      />
      <PageHeading title={record.name}>
        <Space>
          <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate(`/compliance/${record.code}`)}>
            合规检查
          </Button>
          <Button
            icon={<HistoryOutlined />}
            onClick={() =>
              navigate(`/audit?${new URLSearchParams({ entityType: 'community', entityId: record.code })}`)
            }
          >
            修改记录
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadSnapshot()}>
            下载快照（JSON）
          </Button>
        </Space>
      </PageHeading>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'code',
            label: '社区代码',
            children: <Typography.Text copyable>{record.code}</Typography.Text>,
          },
          { key: 'street', label: '所属街道（乡镇）', children: parent?.name ?? '—' },
          { key: 'version', label: '版本', children: record.version },
          {
            key: 'updated',
            label: '最后修改',
            children: `${dayjs(record.updatedAt).format('YYYY-MM-DD HH:mm')}${record.updatedBy ? ` · ${record.updatedBy}` : ''}`,
          },
        ]}
      />
      {readOnly && <Alert type="info" showIcon title="审计员只能查看，不能修改数据" />}
      <FactsForm key={`${record.code}@${record.version}`} record={record} readOnly={readOnly} />
    </Space>
  );
}
