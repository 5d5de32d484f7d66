/**
 * 志愿活动: a community's volunteer activities (Ezhou 第三十二条) — published, volunteers signed up,
 * and after the day the minutes each served, which go to the time bank (Weihai 二（九）) and earn
 * points at the activity's rate (R-SVC-6). Below, the volunteer hours of the community, or of each
 * community of a street.
 */
import { hoursLabel } from '@shequ/services/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ServerForm } from '../../components/ServerForm.js';
import { TitledPage } from '../../components/TitledPage.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { asDate, DateItem } from '../../lib/forms.js';
import { AddPanel } from '../../lib/registers.js';
import { useEntryForm } from '../../lib/serverErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import { VolunteerHours } from './VolunteerHours.js';

type Activity = RouterOutputs['services']['activities'][number];
type Volunteer = RouterOutputs['services']['volunteers'][number];

function AddActivity({ code, onDone }: { code: string; onDone: () => void }) {
  const add = useEntryForm('activity', trpc.services.addActivity.mutationOptions, onDone);
  type Values = { title?: string; on?: unknown; place?: string; capacity?: number; pointsPerHour?: number };
  return (
    <ServerForm
      {...add.props}
      onFinish={(v: Values) =>
        add.mutate({
          activity: {
            communityCode: code,
            title: v.title ?? '',
            on: asDate(v.on),
            place: v.place ?? '',
            capacity: v.capacity ?? 0,
            pointsPerHour: v.pointsPerHour ?? 0,
          },
        })
      }
      submitText="发布活动"
    >
      <Form.Item name="title" label="活动名称">
        <Input maxLength={100} />
      </Form.Item>
      <DateItem name="on" label="活动日期" />
      <Form.Item name="place" label="活动地点">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="capacity" label="招募人数" initialValue={10}>
        <InputNumber<number> min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="pointsPerHour" label="每小时积分" initialValue={10}>
        <InputNumber<number> min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </ServerForm>
  );
}

function ActivityCard({
  activity,
  volunteers,
  canWrite,
  onChanged,
}: {
  activity: Activity;
  volunteers: Volunteer[];
  canWrite: boolean;
  onChanged: (text: string) => void;
}) {
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string | undefined>();
  const [minutes, setMinutes] = useState<Record<string, number | null>>({});
  const fail = (error: unknown) => message.error(errorMessage(error));
  const signUp = useMutation(
    trpc.services.signUp.mutationOptions({ onSuccess: () => onChanged('已报名'), onError: fail }),
  );
  const hours = useMutation(
    trpc.services.recordHours.mutationOptions({
      onSuccess: (r) => onChanged(`已登记 ${r.minutes} 分钟，获得 ${r.points} 积分`),
      onError: fail,
    }),
  );
  const signed = new Set(activity.signUps.map((s) => s.volunteerId));
  return (
    <Card size="small" data-testid="activity-card">
      <Typography.Text strong>{activity.title}</Typography.Text>{' '}
      <Tag>
        {activity.on} {activity.place}
      </Tag>
      <Tag color="gold">每小时 {activity.pointsPerHour} 积分</Tag>
      <Tag>
        报名 {activity.signUps.length}/{activity.capacity}
      </Tag>
      <List
        size="small"
        dataSource={activity.signUps}
        locale={{ emptyText: '还没有志愿者报名' }}
        renderItem={(s) => (
          <List.Item>
            <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
              <span>{s.name}</span>
              {s.minutes !== null ? (
                <Tag color="green">
                  {hoursLabel(s.minutes)}，{s.points} 积分
                </Tag>
              ) : (
                canWrite && (
                  <Space.Compact>
                    <InputNumber<number>
                      min={1}
                      max={1440}
                      precision={0}
                      placeholder="分钟"
                      aria-label={`${s.name}的服务时长（分钟）`}
                      value={minutes[s.volunteerId] ?? null}
                      onChange={(v) => setMinutes({ ...minutes, [s.volunteerId]: v })}
                      style={{ width: 100 }}
                    />
                    <Button
                      loading={hours.isPending}
                      onClick={() =>
                        hours.mutate({
                          activityId: activity.id,
                          volunteerId: s.volunteerId,
                          hours: { minutes: minutes[s.volunteerId] ?? 0 },
                        })
                      }
                    >
                      登记时长
                    </Button>
                  </Space.Compact>
                )
              )}
            </Flex>
          </List.Item>
        )}
      />
      {canWrite && (
        <Flex gap={8} wrap>
          <Select
            style={{ flex: '1 1 160px', minWidth: 0 }}
            placeholder="选择报名的志愿者"
            aria-label="报名的志愿者"
            value={chosen}
            onChange={setChosen}
            options={volunteers.filter((v) => !signed.has(v.id)).map((v) => ({ value: v.id, label: v.name }))}
          />
          <Button
            disabled={!chosen}
            loading={signUp.isPending}
            onClick={() => chosen && signUp.mutate({ activityId: activity.id, volunteerId: chosen })}
          >
            报名
          </Button>
        </Flex>
      )}
    </Card>
  );
}

export default function ActivitiesPage() {
  const { message } = App.useApp();
  const me = useQuery(trpc.auth.me.queryOptions());
  const node = me.data?.jurisdictionCode ?? '';
  const code = node.length === 12 ? node : undefined;
  const canWrite = useCanWrite();
  const queryClient = useQueryClient();
  const activities = useQuery({
    ...trpc.services.activities.queryOptions({ code: code ?? '' }),
    enabled: !!code,
  });
  const volunteers = useQuery({
    ...trpc.services.volunteers.queryOptions({ code: code ?? '' }),
    enabled: !!code,
  });
  const refresh = async (text: string) => {
    message.success(text);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.services.activities.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.services.volunteers.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.services.volunteerHours.pathKey() }),
    ]);
  };
  return (
    <TitledPage title="志愿活动与服务时长" testId="activities-page">
      {(node.length === 12 || node.length === 9) && <VolunteerHours under={node} />}
      {activities.isError && <Alert type="error" showIcon title={errorMessage(activities.error)} />}
      {code && activities.data?.length === 0 && (
        <Typography.Text type="secondary">还没有志愿活动</Typography.Text>
      )}
      {(activities.data ?? []).map((a) => (
        <ActivityCard
          key={a.id}
          activity={a}
          volunteers={volunteers.data ?? []}
          canWrite={canWrite}
          onChanged={refresh}
        />
      ))}
      {canWrite && code && (
        <AddPanel label="发布志愿活动">
          <AddActivity code={code} onDone={() => refresh('已发布')} />
        </AddPanel>
      )}
    </TitledPage>
  );
}
