/**
 * A worker's page: the roster entry (identity and mobile numbers masked; a role that needs them may
 * show them, which the audit log records), the committees they sit on, the history of the entry, and
 * ending the stay on the roster.
 */

import { subCommitteeKindLabel } from '@shequ/domain/labels';
import {
  committeeKindLabels,
  educationLabels,
  leavingDisablesAccount,
  memberRoleLabels,
  peopleAuditActionLabels,
  peopleRuleBasis,
  sexLabels,
  specialistLineLabels,
  trainingLevelLabels,
  workerPostLabels,
} from '@shequ/people/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Input,
  List,
  Modal,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage, fieldErrorsOf } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';
import { chinaToday, formatTime, useCanWrite } from '../archives/shared.js';
import { AppraisalSummary } from './appraisals.js';

export default function PersonPage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const [full, setFull] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [leftOn, setLeftOn] = useState(chinaToday());
  const [keepAccount, setKeepAccount] = useState(false);
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const queryClient = useQueryClient();
  const page = useQuery(trpc.people.person.queryOptions({ id, full }));
  const appraisal = useQuery(trpc.appraisals.ofWorker.queryOptions({ workerId: id }));
  const leave = useMutation(
    trpc.people.leave.mutationOptions({
      onSuccess: async (saved) => {
        setLeaving(false);
        const accounts = saved?.accounts;
        const disabled = accounts?.disabled.length ?? 0;
        message.success(disabled > 0 ? `已办理离职，停用其控制台账号 ${disabled} 个` : '已办理离职');
        await queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
        // R-STF-2: whoever still holds the community's archives or seals hands them over first.
        if (accounts && accounts.custody.archives + accounts.custody.seals > 0 && saved)
          modal.confirm({
            title: '请办理离任移交',
            content: `${saved.name}保管档案 ${accounts.custody.archives} 件、印章 ${accounts.custody.seals} 枚。${
              accounts.keptForHandover.length > 0 ? '其账号保留至移交办结，届时请在“账号管理”中停用。' : ''
            }（${peopleRuleBasis(leavingDisablesAccount)}）`,
            okText: '发起离任移交',
            cancelText: '稍后',
            onOk: () => navigate(`/archives/${saved.communityCode}/handover/new`),
          });
      },
    }),
  );
  const w = page.data?.worker;
  const leaveProblem = leave.error
    ? (fieldErrorsOf(leave.error)?.leftOn?.[0] ?? errorMessage(leave.error))
    : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Breadcrumb items={[{ title: <Link to="/people">人员名册</Link> }, { title: w?.name ?? '…' }]} />
      {page.isError && <Alert type="error" showIcon title={errorMessage(page.error)} />}
      {w && (
        <>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {w.name}{' '}
            {page.data?.onPost ? (
              <Tag color="green">在岗</Tag>
            ) : (
              <Tag>已离职{w.leftOn ? ` ${w.leftOn}` : ''}</Tag>
            )}
          </Typography.Title>
          <Card
            size="small"
            title="基本信息"
            extra={
              <Space>
                {page.data?.maySeeFull && !full && (
                  <Button size="small" onClick={() => setFull(true)}>
                    显示完整号码
                  </Button>
                )}
                {canWrite && page.data?.onPost && (
                  <Button size="small" danger onClick={() => setLeaving(true)}>
                    办理离职
                  </Button>
                )}
              </Space>
            }
          >
            {full && (
              <Alert type="info" showIcon title="完整号码的查看已记入操作日志" style={{ marginBottom: 12 }} />
            )}
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="person-details">
              <Descriptions.Item label="性别">{sexLabels[w.sex]}</Descriptions.Item>
              <Descriptions.Item label="出生日期">{w.birthDate}</Descriptions.Item>
              <Descriptions.Item label="身份证号">{w.idNumber}</Descriptions.Item>
              <Descriptions.Item label="手机">{w.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="学历">
                {w.education ? educationLabels[w.education] : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="资格">{w.qualifications.join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label="岗位">
                {workerPostLabels[w.post]}
                {w.line ? `（${specialistLineLabels[w.line]}）` : ''}
                {w.fullTime ? '' : '（兼职）'}
              </Descriptions.Item>
              <Descriptions.Item label="劳动合同">
                {w.contract
                  ? `${w.contract.employer}，${w.contract.from} 至 ${w.contract.to ?? '无固定期限'}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="年薪">
                {w.annualPay === undefined ? '—' : `${w.annualPay} 元`}
              </Descriptions.Item>
              <Descriptions.Item label="入职">{w.joinedOn}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title="任职">
            <List
              size="small"
              dataSource={page.data?.posts ?? []}
              locale={{ emptyText: '未在委员会任职' }}
              renderItem={(p) => (
                <List.Item>
                  {committeeKindLabels[p.kind]}
                  {p.subKind ? `（${subCommitteeKindLabel(p.subKind)}）` : ''} · {memberRoleLabels[p.role]} ·
                  至 {p.endsOn}
                </List.Item>
              )}
            />
          </Card>
          {appraisal.data && appraisal.data.history.length > 0 && (
            <Card size="small" title="民主评议">
              <AppraisalSummary history={appraisal.data.history} officeEnded={appraisal.data.officeEnded} />
            </Card>
          )}
          <Card size="small" title="培训记录">
            <List
              size="small"
              dataSource={w.trainings}
              locale={{ emptyText: '没有培训记录' }}
              renderItem={(t) => (
                <List.Item>
                  {t.on} · {t.title} · {trainingLevelLabels[t.level]}
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title="变更记录">
            <Timeline
              items={(page.data?.history ?? []).map((h) => ({
                content: `${formatTime(h.at)} ${h.actorName ?? '系统'} ${peopleAuditActionLabels[h.action] ?? h.action}`,
              }))}
            />
          </Card>
        </>
      )}
      <Modal
        title={`办理离职：${w?.name ?? ''}`}
        open={leaving}
        okText="确认离职"
        confirmLoading={leave.isPending}
        onCancel={() => setLeaving(false)}
        onOk={() =>
          w && page.data && leave.mutate({ id: w.id, expectedVersion: w.version, leftOn, keepAccount })
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>离职日期（此日起不在册）</span>
          <Input
            type="date"
            aria-label="离职日期"
            value={leftOn}
            onChange={(e) => setLeftOn(e.target.value)}
          />
          {leaveProblem && <Typography.Text type="danger">{leaveProblem}</Typography.Text>}
          <Checkbox checked={keepAccount} onChange={(e) => setKeepAccount(e.target.checked)}>
            保留其控制台账号
          </Checkbox>
          <Typography.Text type="secondary">
            不保留的，其在本社区的账号随即停用；保管档案或印章的，账号保留至离任移交办结（
            {peopleRuleBasis(leavingDisablesAccount)}）。
          </Typography.Text>
        </Space>
      </Modal>
    </Space>
  );
}
