/**
 * 走访: a community's 「三必到、五必访」 register (Ezhou 第二十五条（三）) — who is due a visit, who was
 * due and has not been visited (first, in red), and a visit recorded on the doorstep in two fields.
 * A street opens on its first community (or the one its coverage list links to) and may pick another.
 */
import { type VisitTargetKind, visitTargetKindLabels, visitTargetKinds } from '@shequ/services/labels';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Select, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ServerForm } from '../../components/ServerForm.js';
import { TitledPage } from '../../components/TitledPage.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { asDate, DateItem } from '../../lib/forms.js';
import { labelledOptions } from '../../lib/labels.js';
import { AddPanel, RowCard } from '../../lib/registers.js';
import { useEntryForm } from '../../lib/serverErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';

type Item = RouterOutputs['services']['visits']['items'][number];

const statusTags: Record<Item['status'], { color: string; label: string }> = {
  overdue: { color: 'red', label: '应访未访' },
  due: { color: 'blue', label: '待走访' },
  covered: { color: 'green', label: '已到场' },
};

function LogVisit({ item, onDone }: { item: Item; onDone: () => void }) {
  const log = useEntryForm('', trpc.services.logVisit.mutationOptions, onDone);
  return (
    <ServerForm
      {...log.props}
      onFinish={(v: { on?: unknown; summary?: string }) =>
        log.mutate({ targetId: item.target.id, on: asDate(v.on), summary: v.summary ?? '' })
      }
      submitText="保存走访记录"
    >
      <DateItem name="on" label="走访日期" />
      <Form.Item name="summary" label="走访情况">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </ServerForm>
  );
}

function AddTarget({ code, onDone }: { code: string; onDone: () => void }) {
  const add = useEntryForm('target', trpc.services.addVisitTarget.mutationOptions, onDone);
  return (
    <ServerForm
      {...add.props}
      onFinish={(v: { kind?: VisitTargetKind; name?: string; address?: string; since?: unknown }) =>
        add.mutate({
          target: {
            communityCode: code,
            kind: v.kind as VisitTargetKind,
            name: v.name ?? '',
            ...(v.address?.trim() ? { address: v.address.trim() } : {}),
            since: asDate(v.since),
          },
        })
      }
      submitText="登记"
      primary={false}
    >
      <Form.Item name="kind" label="类别">
        <Select placeholder="请选择" options={labelledOptions(visitTargetKinds, visitTargetKindLabels)} />
      </Form.Item>
      <Form.Item name="name" label="户主或事件">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label="住址">
        <Input maxLength={200} />
      </Form.Item>
      <DateItem name="since" label="登记（发生）日期" />
    </ServerForm>
  );
}

export default function VisitsPage() {
  const { message } = App.useApp();
  const me = useQuery(trpc.auth.me.queryOptions());
  const node = me.data?.jurisdictionCode ?? '';
  const isStreet = node.length === 9;
  const streetCases = useQuery({
    ...trpc.services.cases.queryOptions({ under: node, limit: 1 }),
    enabled: isStreet,
  });
  const [searchParams] = useSearchParams();
  const [picked, setPicked] = useState<string | undefined>(searchParams.get('community') ?? undefined);
  const streetCommunities = streetCases.data?.communities ?? [];
  // A street opens on the community asked for (from its coverage list), else on its first one.
  const shown = streetCommunities.some((c) => c.code === picked) ? picked : streetCommunities[0]?.code;
  const code = node.length === 12 ? node : shown;
  const canWrite = useCanWrite();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | undefined>();
  const visits = useQuery({ ...trpc.services.visits.queryOptions({ code: code ?? '' }), enabled: !!code });
  const refresh = async (text: string) => {
    message.success(text);
    setOpen(undefined);
    await queryClient.invalidateQueries({ queryKey: trpc.services.visits.pathKey() });
  };
  return (
    <TitledPage title="走访（三必到、五必访）" testId="visits-page">
      {isStreet && (
        <Select
          aria-label="社区"
          placeholder="选择社区"
          style={{ width: '100%', maxWidth: 320 }}
          value={shown}
          onChange={setPicked}
          options={streetCommunities.map((c) => ({ value: c.code, label: c.name }))}
        />
      )}
      {!code && !isStreet && (
        <Alert type="info" showIcon title="走访登记按社区查看，请以社区或街道账号使用" />
      )}
      {visits.isError && <Alert type="error" showIcon title={errorMessage(visits.error)} />}
      {visits.data && (
        <>
          <Flex gap={24} wrap>
            <Statistic title="在册对象" value={visits.data.onRegister} />
            <Statistic
              title="应访未访"
              value={visits.data.overdue}
              styles={{ content: { color: visits.data.overdue > 0 ? '#cf1322' : undefined } }}
              data-testid="visits-overdue"
            />
          </Flex>
          <Flex vertical gap={8} data-testid="visit-coverage">
            {visits.data.items.length === 0 && (
              <Typography.Text type="secondary">还没有登记走访对象</Typography.Text>
            )}
            {visits.data.items.map((item) => (
              <RowCard
                key={item.target.id}
                style={item.status === 'overdue' ? { borderColor: '#ffa39e', background: '#fff1f0' } : {}}
                title={item.target.name}
                tags={
                  <>
                    <Tag>{visitTargetKindLabels[item.target.kind]}</Tag>
                    <Tag color={statusTags[item.status].color}>{statusTags[item.status].label}</Tag>
                  </>
                }
                detail={
                  <>
                    {item.lastVisitOn ? `上次走访 ${item.lastVisitOn}；` : '尚未走访；'}
                    {item.status === 'covered' ? '' : `应于 ${item.dueOn} 前走访`}
                    {item.target.address ? `；${item.target.address}` : ''}
                  </>
                }
                action={
                  canWrite &&
                  item.status !== 'covered' && (
                    <Button
                      size="small"
                      onClick={() => setOpen(open === item.target.id ? undefined : item.target.id)}
                    >
                      记录走访
                    </Button>
                  )
                }
              >
                {open === item.target.id && <LogVisit item={item} onDone={() => refresh('已记录走访')} />}
              </RowCard>
            ))}
          </Flex>
          {canWrite && code && (
            <AddPanel label="登记走访对象或必到事件">
              <AddTarget code={code} onDone={() => refresh('已登记')} />
            </AddPanel>
          )}
        </>
      )}
    </TitledPage>
  );
}
