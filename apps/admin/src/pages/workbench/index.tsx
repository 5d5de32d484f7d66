/**
 * 工作台: everyone's first page. What waits for the signed-in person — approvals, requests to stamp,
 * overdue loans and seals (with 催还), handovers to confirm, custody logs that fail or wait too long for
 * the street's witness, failing checks, assessment deadlines nearing (score entry, residents' surveys,
 * the year's scheme), a community's households and events due and not visited (待走访), admission requests waiting for the district and the burdens outside the lists —
 * each list already limited
 * by the server to what the person may see. Lists, not tables, so each entry reads on a phone. The
 * sections with entries come first (what waits for the person's own hand before what he watches over);
 * the empty ones fold into one line, 暂无：…, so a district's administrator finds his approvals on top.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Spin, Tag, theme } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { firstBadSeq } from '../archives/custody-problem.js';
import { formatTime } from '../archives/dates.js';
import { arrangeParts, type WorkbenchPart } from './arrange.js';

type Workbench = RouterOutputs['workbench']['mine'];
type Cases = RouterOutputs['services']['cases'];
type BurdensData = RouterOutputs['workload']['burdens'];
type AdmissionsData = RouterOutputs['workload']['admissions'];

const requestKinds: Record<string, string> = { use: '用印', takeOut: '印章外带' };
const custodianSteps: Record<string, string> = { use: '待登记用印', takeOut: '待交付外带' };
const sealEndKinds: Record<string, string> = { retire: '停用', destroy: '销毁' };
const handoverParts: Record<string, string> = { leaver: '移交人', successor: '接交人', supervisor: '监交人' };

// Plain markup rather than antd's List and Typography: the workbench is everyone's first page, and
// those bring pagination, selects and text editing along that this page never uses.

function Quiet({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return <span style={{ color: token.colorTextSecondary }}>{children}</span>;
}

/** Red text, as antd's `Typography.Text type="danger"` without the Typography (and text-editing) code. */
function Danger({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return <span style={{ color: token.colorError }}>{children}</span>;
}

function EntryList({ children, 'data-testid': testId }: { children: ReactNode; 'data-testid'?: string }) {
  return (
    <ul data-testid={testId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {children}
    </ul>
  );
}

function Entry({ children, actions = [] }: { children: ReactNode; actions?: ReactNode[] }) {
  const { token } = theme.useToken();
  return (
    <li
      style={{
        display: 'flex',
        gap: 12,
        alignItems: 'center',
        justifyContent: 'space-between',
        padding: '10px 0',
        borderBottom: `1px solid ${token.colorSplit}`,
      }}
    >
      <div style={{ minWidth: 0, flex: 1 }}>{children}</div>
      {actions.length > 0 && <Space size={8}>{actions}</Space>}
    </li>
  );
}

function EntryText({ title, description }: { title: ReactNode; description?: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <>
      <div style={{ fontWeight: 500, marginBottom: 4, overflowWrap: 'anywhere' }}>{title}</div>
      {description && <div style={{ color: token.colorTextSecondary }}>{description}</div>}
    </>
  );
}

/** An entry with its title and, under it, its facts side by side (wrapping on a phone); `open` links to where it is dealt with. */
function FactsEntry({
  title,
  open,
  actions = [],
  children,
}: {
  title: ReactNode;
  open?: { to: string; label: ReactNode };
  actions?: ReactNode[];
  children: ReactNode;
}) {
  const openLink = open
    ? [
        <Link key="open" to={open.to}>
          {open.label}
        </Link>,
      ]
    : [];
  return (
    <Entry actions={[...openLink, ...actions]}>
      <EntryText
        title={title}
        description={
          <Space size={[12, 0]} wrap>
            {children}
          </Space>
        }
      />
    </Entry>
  );
}

/** A title led by a coloured tag saying what kind of entry it is. */
function TaggedTitle({ color, tag, children }: { color: string; tag: ReactNode; children: ReactNode }) {
  return (
    <Space size={4} wrap>
      <Tag color={color}>{tag}</Tag>
      {children}
    </Space>
  );
}

function Section({
  title,
  count,
  more,
  children,
}: {
  title: string;
  count: number;
  more?: ReactNode;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  const border = `1px solid ${token.colorBorderSecondary}`;
  return (
    <section
      aria-label={title}
      style={{ background: token.colorBgContainer, border, borderRadius: token.borderRadiusLG }}
    >
      <header
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 8,
          padding: '8px 12px',
          borderBottom: border,
        }}
      >
        <Space size={8}>
          <strong>{title}</strong>
          <span
            style={{
              minWidth: 20,
              padding: '0 6px',
              borderRadius: 10,
              fontSize: 12,
              lineHeight: '20px',
              textAlign: 'center',
              color: '#fff',
              background: count > 0 ? token.colorPrimary : token.colorTextQuaternary,
            }}
          >
            {count}
          </span>
        </Space>
        {more}
      </header>
      <div style={{ padding: '8px 12px' }}>{children}</div>
    </section>
  );
}

type RemindSubject = { kind: 'loan'; loanId: string } | { kind: 'seal'; requestId: string };

/** A section that lists entries, `testId` on the list. */
function ListSection({
  testId,
  children,
  ...section
}: {
  title: string;
  count: number;
  more?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Section {...section}>
      <EntryList data-testid={testId}>{children}</EntryList>
    </Section>
  );
}

function RemindButton({ subject }: { subject: RemindSubject }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remind = useMutation(
    trpc.workbench.remind.mutationOptions({
      onSuccess: () => {
        message.success('已记录催还');
        void queryClient.invalidateQueries({ queryKey: trpc.workbench.mine.queryKey() });
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );
  return (
    <Button size="small" loading={remind.isPending} onClick={() => remind.mutate(subject)}>
      催还
    </Button>
  );
}

/** An overdue loan or seal: what kind, a link to it, its facts, and 催还 when the person may remind. */
function OverdueEntry({
  tag,
  to,
  name,
  remind,
  children,
}: {
  tag: string;
  to: string;
  name: string;
  remind: RemindSubject | false;
  children: ReactNode;
}) {
  return (
    <FactsEntry
      title={
        <TaggedTitle color="red" tag={tag}>
          <Link to={to}>{name}</Link>
        </TaggedTitle>
      }
      actions={remind ? [<RemindButton key="remind" subject={remind} />] : []}
    >
      {children}
    </FactsEntry>
  );
}

function reminded(at: string | null): ReactNode {
  return at ? <Quiet>上次催还 {formatTime(at)}</Quiet> : null;
}

function Overdue({ data }: { data: Workbench }) {
  const count = data.overdueLoans.length + data.overdueSeals.length;
  return (
    <ListSection
      title="逾期未还"
      count={count}
      more={<Link to="/archives/overdue">逾期清单</Link>}
      testId="workbench-overdue"
    >
      {data.overdueLoans.map((loan) => (
        <OverdueEntry
          key={loan.id}
          tag="借阅逾期"
          to={`/archives/${loan.communityCode}?tab=loans`}
          name={loan.title}
          remind={loan.canRemind && { kind: 'loan', loanId: loan.id }}
        >
          <span>借阅人 {loan.borrower}</span>
          <span>应还 {loan.dueOn}</span>
          <span>{loan.communityName ?? loan.communityCode}</span>
          {reminded(loan.lastRemindedAt)}
        </OverdueEntry>
      ))}
      {data.overdueSeals.map((seal) => (
        <OverdueEntry
          key={seal.id}
          tag="印章逾期未还"
          to={`/archives/${seal.communityCode}?tab=seals`}
          name={seal.sealName}
          remind={seal.canRemind && { kind: 'seal', requestId: seal.id }}
        >
          <span>带出人 {seal.requesterName ?? '—'}</span>
          <span>应于 {formatTime(seal.returnBy)} 前归还</span>
          <span>{seal.communityName ?? seal.communityCode}</span>
          {reminded(seal.lastRemindedAt)}
        </OverdueEntry>
      ))}
    </ListSection>
  );
}

/**
 * The service cases I am first responder or handler of, still open (Ezhou 第二十五条（一）: the first
 * responder follows a case until it closes); overdue ones marked. Plain text, no package labels, so
 * the first page stays light.
 */
function MyCases({ data, error }: { data: Cases | undefined; error: unknown }) {
  return (
    <Section title="我的服务事项" count={data?.open ?? 0} more={<Link to="/services">服务事项</Link>}>
      {error ? (
        <Quiet>未能载入：{errorMessage(error)}</Quiet>
      ) : !data ? null : (
        <EntryList data-testid="workbench-cases">
          {data.items.map((c) => (
            <FactsEntry key={c.id} title={<Link to={`/services/${c.id}`}>{c.subject}</Link>}>
              <span>{c.resident.name}</span>
              <span>承诺 {c.promisedOn} 前办结</span>
              {c.overdue ? <Tag color="red">超期</Tag> : null}
              {c.priority ? <Tag color="purple">优先</Tag> : null}
            </FactsEntry>
          ))}
        </EntryList>
      )}
    </Section>
  );
}

/**
 * The burdens put on communities outside the lists without admission (减负), for the community, the
 * street and the city: how many are on them, evaluations beyond one a year, and the admission requests
 * waiting. Plain text, like the rest of the first page.
 */
function Burdens({
  data,
  error,
  pending,
}: {
  data: BurdensData | undefined;
  error: unknown;
  pending: number;
}) {
  return (
    <Section title="清单外负担" count={data?.total.active ?? 0} more={<Link to="/workload">社区减负</Link>}>
      {error ? (
        <Quiet>未能载入：{errorMessage(error)}</Quiet>
      ) : !data ? null : (
        <EntryList data-testid="workbench-burdens">
          <Entry>
            <Space size={[12, 0]} wrap>
              <span>工作任务 {data.total.tasks} 项</span>
              <span>考核评比 {data.total.evaluations} 项</span>
              <span>规定外挂牌 {data.total.signboards} 块</span>
              {data.total.evaluationsOverYearly > 0 ? (
                <Tag color="red">超出每年一次的考评 {data.total.evaluationsOverYearly} 项</Tag>
              ) : null}
              {pending > 0 ? <span>待审批准入申请 {pending} 件</span> : null}
            </Space>
          </Entry>
          {data.perCommunity.length > 1
            ? data.perCommunity.slice(0, 5).map((c) => (
                <Entry key={c.code}>
                  <EntryText title={c.name} description={<span>在册负担 {c.active} 项</span>} />
                </Entry>
              ))
            : null}
        </EntryList>
      )}
    </Section>
  );
}

/**
 * The admission requests waiting for the district's decision (事项准入): for the district's
 * administrators the ones to approve, for a street's the ones it has applied for. Each opens the
 * 事项准入 tab of 社区减负.
 */
function Admissions({ data }: { data: AdmissionsData }) {
  const waiting = data.items.filter((r) => r.status === 'pending').slice(0, 5);
  return (
    <ListSection
      title={data.mayDecide ? '待我审批的事项准入申请' : '待区里审批的事项准入申请'}
      count={data.pending}
      more={<Link to="/workload?tab=admissions">事项准入</Link>}
      testId="workbench-admissions"
    >
      {waiting.map((r) => (
        <FactsEntry key={r.id} title={<Link to="/workload?tab=admissions">{r.title}</Link>}>
          <span>{r.requestedBy}提出</span>
          <span>{r.appliedOn} 申请</span>
          <span>{r.communityCodes.length} 个社区</span>
          {r.funding ? null : <Danger>未列经费</Danger>}
        </FactsEntry>
      ))}
    </ListSection>
  );
}

type Part = { key: string; title: string; node: ReactNode };

/** One section of the page, `filled` when it has entries; `title` names it in the 暂无 line. */
function sectionPart(key: string, title: string, filled: boolean, node: ReactNode): WorkbenchPart<Part> {
  return { filled, part: { key, title, node } };
}

export default function WorkbenchPage() {
  const workbench = useQuery(trpc.workbench.mine.queryOptions());
  // Asked for together (one batch), so the page is laid out once, with all it holds known.
  const cases = useQuery(trpc.services.cases.queryOptions({ mine: true, limit: 10 }));
  const burdens = useQuery(trpc.workload.burdens.queryOptions({}));
  const admissions = useQuery(trpc.workload.admissions.queryOptions({}));
  const { token } = theme.useToken();
  if (workbench.isPending || cases.isPending || burdens.isPending || admissions.isPending) return <Spin />;
  if (workbench.isError) {
    return (
      <p role="alert" style={{ color: '#cf1322' }}>
        工作台未能载入：{errorMessage(workbench.error)}
      </p>
    );
  }
  const data = workbench.data;
  const visits = data.visits;
  const approvals = data.approvals.length + data.sealEnds.length;
  const admissionsData = admissions.data;
  const pendingAdmissions = admissionsData?.pending ?? 0;
  // In the order of what waits for the person's own hand first, then what he watches over.
  const parts: WorkbenchPart<Part>[] = [
    sectionPart(
      'cases',
      '我的服务事项',
      cases.isError || (cases.data?.items.length ?? 0) > 0,
      <MyCases data={cases.data} error={cases.error} />,
    ),
    // Only a community's own accounts get its visits; the street sees coverage on 服务事项.
    ...(visits
      ? [
          sectionPart(
            'visits',
            '待走访',
            visits.total > 0,
            <ListSection
              title="待走访"
              count={visits.total}
              more={<Link to="/services/visits">走访</Link>}
              testId="workbench-visits"
            >
              {visits.items.map((visit) => (
                <FactsEntry
                  key={visit.id}
                  title={
                    <TaggedTitle color="red" tag={visit.kindLabel}>
                      {visit.name}
                    </TaggedTitle>
                  }
                  open={{ to: '/services/visits', label: '去走访' }}
                >
                  <Danger>应于 {visit.dueOn} 前走访</Danger>
                  <span>{visit.lastVisitOn ? `上次走访 ${visit.lastVisitOn}` : '尚未走访'}</span>
                </FactsEntry>
              ))}
            </ListSection>,
          ),
        ]
      : []),
    sectionPart(
      'approvals',
      '待我审批',
      approvals > 0,
      <ListSection
        title="待我审批"
        count={approvals}
        more={<Link to="/archives/requests">审批与申请</Link>}
        testId="workbench-approvals"
      >
        {data.approvals.map((request) => (
          <FactsEntry
            key={request.id}
            title={`${requestKinds[request.kind] ?? request.kind}：${request.sealName}`}
            open={{ to: '/archives/requests', label: '审批' }}
          >
            <span>{request.purpose}</span>
            <span>申请人 {request.requesterName ?? '—'}</span>
            <span>{formatTime(request.requestedAt)}</span>
          </FactsEntry>
        ))}
        {data.sealEnds.map((proposal) => (
          <FactsEntry
            key={proposal.id}
            title={`印章${sealEndKinds[proposal.type] ?? proposal.type}：${proposal.sealName}`}
            open={{ to: '/archives/requests', label: '确认' }}
          >
            <span>{proposal.reason}</span>
            <span>提出人 {proposal.proposerName ?? '—'}</span>
            <span>{formatTime(proposal.proposedAt)}</span>
          </FactsEntry>
        ))}
      </ListSection>,
    ),
  ];
  if (admissionsData && (admissionsData.mayDecide || admissionsData.mayApply)) {
    parts.push(
      sectionPart(
        'admissions',
        admissionsData.mayDecide ? '待我审批的事项准入申请' : '待区里审批的事项准入申请',
        pendingAdmissions > 0,
        <Admissions data={admissionsData} />,
      ),
    );
  }
  parts.push(
    // Named without its comma in the 暂无 line, where names are parted by 、.
    sectionPart(
      'to-stamp',
      '已批准待保管人办理',
      data.toStamp.length > 0,
      <ListSection title="已批准，待保管人办理" count={data.toStamp.length} testId="workbench-to-stamp">
        {data.toStamp.map((request) => (
          <FactsEntry
            key={request.id}
            title={
              <TaggedTitle color="blue" tag={custodianSteps[request.kind] ?? request.kind}>
                {request.sealName}
              </TaggedTitle>
            }
            open={{
              to: `/archives/${request.communityCode}?tab=seals`,
              label: request.canAct ? '去办理' : '查看',
            }}
          >
            <span>{request.purpose}</span>
            {request.copies ? <span>{request.copies} 份</span> : null}
            <span>申请人 {request.requesterName ?? '—'}</span>
            <span>{request.communityName ?? request.communityCode}</span>
          </FactsEntry>
        ))}
      </ListSection>,
    ),
    sectionPart(
      'overdue',
      '逾期未还',
      data.overdueLoans.length + data.overdueSeals.length > 0,
      <Overdue data={data} />,
    ),
    sectionPart(
      'handovers',
      '待我确认的离任移交',
      data.handovers.length > 0,
      <ListSection title="待我确认的离任移交" count={data.handovers.length} testId="workbench-handovers">
        {data.handovers.map((handover) => (
          <FactsEntry
            key={handover.id}
            title={`${handover.leaverName ?? '—'} → ${handover.successorName ?? '—'}`}
            open={{ to: `/archives/handovers/${handover.id}`, label: '去确认' }}
          >
            <span>我是{handoverParts[handover.role]}</span>
            <span>{handover.communityName ?? handover.communityCode}</span>
            <span>建立于 {formatTime(handover.createdAt)}</span>
          </FactsEntry>
        ))}
      </ListSection>,
    ),
  );
  if (data.democracy.length > 0) {
    parts.push(
      sectionPart(
        'democracy',
        '民主议事期限',
        true,
        <ListSection
          title="民主议事期限"
          count={data.democracy.length}
          more={<Link to={`/democracy/${data.democracy[0]?.communityCode ?? ''}`}>民主议事</Link>}
          testId="workbench-democracy"
        >
          {data.democracy.map((d) => (
            <FactsEntry key={`${d.kind}-${d.recordId}`} title={d.message}>
              <span>{d.overdue ? '已逾期' : `${d.dueOn} 前`}</span>
              <span>
                依据《{d.citation.document}》{d.citation.article}
              </span>
            </FactsEntry>
          ))}
        </ListSection>,
      ),
    );
  }
  parts.push(
    sectionPart(
      'assessment',
      '考核截止事项',
      data.assessment.length > 0,
      <ListSection
        title="考核截止事项"
        count={data.assessment.length}
        more={<Link to="/assessment">综合考核</Link>}
        testId="workbench-assessment"
      >
        {data.assessment.map((item) => (
          <FactsEntry
            key={`${item.kind}/${item.link}/${item.title}`}
            title={item.title}
            open={{ to: item.link, label: '去办理' }}
          >
            <span>截止 {item.dueOn}</span>
            <span>{item.daysLeft === 0 ? '今天到期' : `还有 ${item.daysLeft} 天`}</span>
          </FactsEntry>
        ))}
      </ListSection>,
    ),
  );
  if (data.custodyLogs.checked) {
    parts.push(
      sectionPart(
        'custody-logs',
        '保管日志需要关注的社区',
        data.custodyLogs.items.length > 0,
        <ListSection
          title="保管日志需要关注的社区"
          count={data.custodyLogs.items.length}
          testId="workbench-custody-logs"
        >
          {data.custodyLogs.items.map((log) => (
            <FactsEntry
              key={log.community}
              title={log.name}
              open={{ to: `/archives/${log.community}?tab=log`, label: '查看日志' }}
            >
              {log.state === 'failed' && log.problem ? (
                <Danger>与见证检查点不符：{firstBadSeq(log.problem)}</Danger>
              ) : null}
              {log.overdue ? <span>见证检查点逾期</span> : null}
              <span>
                共 {log.size} 条，已见证 {log.witnessedSize} 条
              </span>
            </FactsEntry>
          ))}
        </ListSection>,
      ),
    );
  }
  parts.push(
    sectionPart(
      'failing',
      '有不通过检查项的社区',
      data.failing.total > 0,
      <ListSection
        title="有不通过检查项的社区"
        count={data.failing.total}
        more={<Link to="/compliance">合规检查</Link>}
        testId="workbench-failing"
      >
        {data.failing.items.map((community) => (
          <FactsEntry
            key={community.code}
            title={<Link to={`/compliance/${community.code}`}>{community.name}</Link>}
          >
            <span>不通过 {community.fail} 项</span>
            {community.warn > 0 ? <span>提醒 {community.warn} 项</span> : null}
            {community.streetName ? <span>{community.streetName}</span> : null}
            <span>数据截至 {community.asOf}</span>
          </FactsEntry>
        ))}
        {data.failing.total > data.failing.items.length ? (
          <Entry>
            <Link to="/compliance">
              另有 {data.failing.total - data.failing.items.length} 个社区，到合规检查查看全部
            </Link>
          </Entry>
        ) : null}
      </ListSection>,
    ),
    sectionPart(
      'burdens',
      '清单外负担',
      burdens.isError || (burdens.data?.total.active ?? 0) > 0 || pendingAdmissions > 0,
      <Burdens data={burdens.data} error={burdens.error} pending={pendingAdmissions} />,
    ),
  );
  const { filled, empty } = arrangeParts(parts);
  return (
    <>
      <h2 style={{ fontSize: 24, fontWeight: 600, margin: '0 0 16px' }}>工作台</h2>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {filled.map((part) => (
          <Fragment key={part.key}>{part.node}</Fragment>
        ))}
        {empty.length > 0 ? (
          <p
            data-testid="workbench-empty"
            style={{
              margin: 0,
              padding: '8px 12px',
              border: `1px dashed ${token.colorBorderSecondary}`,
              borderRadius: token.borderRadiusLG,
              color: token.colorTextSecondary,
              overflowWrap: 'anywhere',
            }}
          >
            暂无：{empty.map((part) => part.title).join('、')}
          </p>
        ) : null}
      </Space>
    </>
  );
}
