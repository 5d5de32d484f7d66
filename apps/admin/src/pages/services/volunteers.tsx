/**
 * 志愿者与公益积分: a community's volunteer registry with Ezhou 第三十二条's fields, each volunteer's
 * welfare points (Ezhou 第三十三条) and hours saved in the time bank (Weihai 二（九）); points earned or
 * redeemed in a two-field form. The server refuses a redemption beyond the balance.
 */
import { healthLabels, healthLevels } from '@shequ/services/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Segmented, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ServerForm } from '../../components/ServerForm.js';
import { TitledPage } from '../../components/TitledPage.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { asDate, DateItem } from '../../lib/forms.js';
import { labelledOptions } from '../../lib/labels.js';
import { AddPanel, RowCard } from '../../lib/registers.js';
import { useEntryForm, useFieldErrors } from '../../lib/serverErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';

type Volunteer = RouterOutputs['services']['volunteers'][number];

function PointsForm({ volunteer, onDone }: { volunteer: Volunteer; onDone: () => void }) {
  const [form] = Form.useForm();
  const [kind, setKind] = useState<'earn' | 'redeem'>('earn');
  const errors = useFieldErrors(form, 'entry', ['points', 'minutes', 'reason', 'on']);
  const points = useMutation(trpc.services.points.mutationOptions(errors.saved(onDone)));
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v: { points?: number; minutes?: number; reason?: string; on?: unknown }) =>
        points.mutate({
          volunteerId: volunteer.id,
          entry: {
            kind,
            points: v.points ?? 0,
            minutes: kind === 'earn' ? (v.minutes ?? 0) : 0,
            reason: v.reason ?? '',
            on: asDate(v.on),
          },
        })
      }
    >
      <Segmented<'earn' | 'redeem'>
        block
        value={kind}
        onChange={setKind}
        options={[
          { value: 'earn', label: '获得积分' },
          { value: 'redeem', label: '兑换积分' },
        ]}
        style={{ marginBottom: 12 }}
      />
      {errors.banner}
      <Form.Item name="points" label="积分">
        <InputNumber<number> min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {kind === 'earn' && (
        <Form.Item name="minutes" label="服务时长（分钟，存入时间银行）">
          <InputNumber<number> min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="reason" label="事由">
        <Input maxLength={200} />
      </Form.Item>
      <DateItem name="on" label="日期" />
      <Button type="primary" htmlType="submit" loading={points.isPending} block>
        保存
      </Button>
    </Form>
  );
}

function AddVolunteer({ code, onDone }: { code: string; onDone: () => void }) {
  const add = useEntryForm('volunteer', trpc.services.addVolunteer.mutationOptions, onDone);
  type Values = { name?: string; sex?: 'male' | 'female'; birthDate?: unknown; wishes?: string } & {
    availableTime?: string;
    skills?: string;
    health?: (typeof healthLevels)[number];
  };
  return (
    <ServerForm
      {...add.props}
      onFinish={(v: Values) =>
        add.mutate({
          volunteer: {
            communityCode: code,
            name: v.name ?? '',
            sex: v.sex as 'male' | 'female',
            birthDate: asDate(v.birthDate),
            wishes: v.wishes ?? '',
            availableTime: v.availableTime ?? '',
            skills: (v.skills ?? '')
              .split(/[,，、\s]+/)
              .map((x) => x.trim())
              .filter(Boolean),
            health: v.health as (typeof healthLevels)[number],
          },
        })
      }
      submitText="保存志愿者"
      primary={false}
    >
      <Form.Item name="name" label="姓名">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="sex" label="性别">
        <Select
          options={[
            { value: 'male', label: '男' },
            { value: 'female', label: '女' },
          ]}
        />
      </Form.Item>
      <DateItem name="birthDate" label="出生日期" empty />
      <Form.Item name="wishes" label="服务意愿">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="availableTime" label="可服务时间">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="skills" label="技能（用顿号分隔）">
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="health" label="身体状况">
        <Select options={labelledOptions(healthLevels, healthLabels)} />
      </Form.Item>
    </ServerForm>
  );
}

export default function VolunteersPage() {
  const { message } = App.useApp();
  const me = useQuery(trpc.auth.me.queryOptions());
  const code = me.data?.jurisdictionCode?.length === 12 ? me.data.jurisdictionCode : undefined;
  const canWrite = useCanWrite();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | undefined>();
  const volunteers = useQuery({
    ...trpc.services.volunteers.queryOptions({ code: code ?? '' }),
    enabled: !!code,
  });
  const refresh = async (text: string) => {
    message.success(text);
    setOpen(undefined);
    await queryClient.invalidateQueries({ queryKey: trpc.services.volunteers.pathKey() });
  };
  return (
    <TitledPage title="志愿者与公益积分" testId="volunteers-page">
      {me.isSuccess && !code && (
        <Alert type="info" showIcon title="志愿者信息库按社区管理，请以社区账号使用" />
      )}
      {volunteers.isError && <Alert type="error" showIcon title={errorMessage(volunteers.error)} />}
      {volunteers.data?.length === 0 && <Typography.Text type="secondary">还没有登记志愿者</Typography.Text>}
      {(volunteers.data ?? []).map((v) => (
        <RowCard
          key={v.id}
          title={v.name}
          tags={
            <>
              <Tag color="gold">积分 {v.points}</Tag>
              <Tag>
                时间银行 {Math.floor(v.bankedMinutes / 60)} 小时 {v.bankedMinutes % 60} 分
              </Tag>
            </>
          }
          detail={
            <>
              {v.wishes}；{v.availableTime}；{healthLabels[v.health]}
              {v.skills.length > 0 ? `；${v.skills.join('、')}` : ''}
            </>
          }
          action={
            canWrite && (
              <Button size="small" onClick={() => setOpen(open === v.id ? undefined : v.id)}>
                积分
              </Button>
            )
          }
        >
          {open === v.id && <PointsForm volunteer={v} onDone={() => refresh('已记入积分')} />}
        </RowCard>
      ))}
      {canWrite && code && (
        <AddPanel label="登记志愿者">
          <AddVolunteer code={code} onDone={() => refresh('已登记')} />
        </AddPanel>
      )}
    </TitledPage>
  );
}
