/**
 * 服务窗口: the windows a jurisdiction's communities receive cases at, and which categories each
 * receives (Ezhou 第二十五条（二）; elsewhere one concentrated window, 2013 regulation 第二十七条). The
 * jurisdiction's administrators may set their own; every category must go to exactly one window (the
 * server says which are missing or doubled). Communities below use the nearest jurisdiction's setup.
 */
import { type ServiceCategory, serviceCategories, serviceCategoryLabels } from '@shequ/services/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { TitledPage } from '../../components/TitledPage.js';
import { errorMessage, fieldErrorsOf } from '../../lib/fieldErrors.js';
import { labelledOptions } from '../../lib/labels.js';
import { trpc } from '../../lib/trpc.js';

interface Draft {
  key: string;
  name: string;
  categories: ServiceCategory[];
}

const EZHOU_NOTE = '鄂州市默认四个窗口：党建与综治、民生与保障、事务与民俗、代办与其他';

export default function WindowsPage() {
  const { message } = App.useApp();
  const me = useQuery(trpc.auth.me.queryOptions());
  const code = me.data?.jurisdictionCode ?? '';
  const queryClient = useQueryClient();
  const setup = useQuery({ ...trpc.services.windowSetup.queryOptions({ code }), enabled: code.length >= 6 });
  const [draft, setDraft] = useState<Draft[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    if (setup.data) setDraft(setup.data.windows.map((w) => ({ ...w, categories: [...w.categories] })));
  }, [setup.data]);
  const done = async (text: string) => {
    message.success(text);
    setProblems([]);
    await queryClient.invalidateQueries({ queryKey: trpc.services.windowSetup.pathKey() });
  };
  const onError = (error: unknown) => {
    const fields = fieldErrorsOf(error);
    setProblems(fields ? Object.values(fields).flat() : [errorMessage(error)]);
  };
  const save = useMutation(
    trpc.services.setWindows.mutationOptions({ onSuccess: () => done('已保存'), onError }),
  );
  const clear = useMutation(
    trpc.services.setWindows.mutationOptions({ onSuccess: () => done('已恢复'), onError }),
  );
  const mayConfigure = setup.data?.mayConfigure ?? false;
  const source = setup.data
    ? setup.data.own
      ? '本辖区设置'
      : setup.data.from
        ? `沿用上级辖区（${setup.data.from}）的设置`
        : '系统默认'
    : '';
  const update = (i: number, change: Partial<Draft>) =>
    setDraft(draft.map((w, k) => (k === i ? { ...w, ...change } : w)));
  const freshKey = () => {
    let n = draft.length + 1;
    while (draft.some((w) => w.key === `window-${n}`)) n++;
    return `window-${n}`;
  };
  return (
    <TitledPage title="服务窗口" testId="windows-page">
      <Typography.Text type="secondary">
        社区按服务类别把事项分到窗口受理。{EZHOU_NOTE}；其他地方默认一个集中办事服务窗口，可由辖区管理员设置。
      </Typography.Text>
      {setup.isError && <Alert type="error" showIcon title={errorMessage(setup.error)} />}
      {setup.data && <Tag data-testid="windows-source">{source}</Tag>}
      {problems.length > 0 && (
        <Alert type="error" showIcon title={problems.join('；')} data-testid="windows-problems" />
      )}
      {draft.map((w, i) => (
        <Card key={w.key} size="small" data-testid="window-card">
          <Flex vertical gap={8}>
            {mayConfigure ? (
              <Input
                aria-label="窗口名称"
                value={w.name}
                maxLength={30}
                onChange={(e) => update(i, { name: e.target.value })}
              />
            ) : (
              <Typography.Text strong>{w.name}</Typography.Text>
            )}
            {mayConfigure ? (
              <Select
                mode="multiple"
                aria-label="受理类别"
                value={w.categories}
                onChange={(categories: ServiceCategory[]) => update(i, { categories })}
                options={labelledOptions(serviceCategories, serviceCategoryLabels)}
                style={{ width: '100%' }}
              />
            ) : (
              <Space size={4} wrap>
                {w.categories.map((c) => (
                  <Tag key={c}>{serviceCategoryLabels[c]}</Tag>
                ))}
              </Space>
            )}
            {mayConfigure && draft.length > 1 && (
              <Button size="small" danger onClick={() => setDraft(draft.filter((_, k) => k !== i))}>
                删除此窗口
              </Button>
            )}
          </Flex>
        </Card>
      ))}
      {mayConfigure && (
        <Flex gap={8} wrap>
          <Button onClick={() => setDraft([...draft, { key: freshKey(), name: '', categories: [] }])}>
            增加窗口
          </Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => save.mutate({ code, windows: draft })}
          >
            保存
          </Button>
          {setup.data?.own && (
            <Popconfirm
              title="删除本辖区的设置，改用上级辖区或默认窗口？"
              onConfirm={() => clear.mutate({ code, windows: null })}
            >
              <Button loading={clear.isPending}>恢复默认</Button>
            </Popconfirm>
          )}
        </Flex>
      )}
    </TitledPage>
  );
}
