/** 志愿服务时长: a community's or each of a street's communities' volunteer hours, this year. */
import { hoursLabel } from '@shequ/services/labels';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, List, Space, Statistic, Tag } from 'antd';
import { errorMessage } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';

/** The volunteer hours of a community or of each community of a street, this year. */
export function VolunteerHours({ under }: { under: string }) {
  const hours = useQuery({
    ...trpc.services.volunteerHours.queryOptions({ under }),
    enabled: under.length > 0,
  });
  const rows = hours.data?.communities ?? [];
  const banked = rows.reduce((sum, r) => sum + r.bankedMinutes, 0);
  const served = rows.reduce((sum, r) => sum + r.activityMinutes, 0);
  return (
    <Card size="small" title="志愿服务时长" data-testid="volunteer-hours">
      {hours.isError && <Alert type="error" showIcon title={errorMessage(hours.error)} />}
      <Flex gap={24} wrap>
        <Statistic title="志愿者" value={rows.reduce((sum, r) => sum + r.volunteers, 0)} />
        <Statistic title="时间银行累计" value={hoursLabel(banked)} />
        <Statistic title={`${hours.data?.year ?? ''}年活动时长`} value={hoursLabel(served)} />
      </Flex>
      {rows.length > 1 && (
        <List
          size="small"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item>
              <span>{r.name}</span>
              <Space wrap>
                <Tag>志愿者 {r.volunteers}</Tag>
                <Tag color="blue">累计 {hoursLabel(r.bankedMinutes)}</Tag>
                <Tag>活动 {r.activities} 次</Tag>
                <Tag>本年活动 {hoursLabel(r.activityMinutes)}</Tag>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
