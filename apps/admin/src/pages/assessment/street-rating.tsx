/**
 * 社区考评街道 (鄂州市城市社区工作规则（试行）第三十五条): a community enters its own score of its street
 * and the scores its residents gave; the street's rating weights the residents by the scheme's share,
 * which the scheme's checks hold at 50% or more before it can be published.
 */

import { recordsStreetRatings } from '@shequ/assessment';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage, fieldErrorsOf } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { percent } from './labels.js';

type Scheme = RouterOutputs['assessment']['scheme'];

/** "80, 90 75" → [80, 90, 75]; undefined when a piece is not a number. */
function scoresOf(text: string): number[] | undefined {
  const pieces = text.split(/[\s,，、;；]+/).filter(Boolean);
  const numbers = pieces.map(Number);
  return numbers.every(Number.isFinite) ? numbers : undefined;
}

function RateForm({ scheme, ownCommunity }: { scheme: Scheme; ownCommunity: string | null }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ communityCode: string; communityScore: number; residentScores: string }>();
  const rate = useMutation(trpc.assessment.rateStreet.mutationOptions());
  const communities = useQuery({
    ...trpc.communities.list.queryOptions({ under: scheme.jurisdictionCode, page: 1, pageSize: 100 }),
    enabled: ownCommunity === null,
  });
  const submit = (values: { communityCode: string; communityScore: number; residentScores: string }) => {
    const residentScores = scoresOf(values.residentScores);
    if (!residentScores) {
      form.setFields([{ name: 'residentScores', errors: ['居民评分应为数字，用逗号或空格分隔'] }]);
      return;
    }
    rate.mutate(
      {
        schemeId: scheme.id,
        communityCode: ownCommunity ?? values.communityCode,
        communityScore: values.communityScore,
        residentScores,
      },
      {
        onSuccess: () =>
          void queryClient.invalidateQueries({ queryKey: trpc.assessment.streetRating.pathKey() }),
        onError: (error) => {
          const errors = fieldErrorsOf(error) ?? {};
          const residents = Object.entries(errors)
            .filter(([key]) => key.startsWith('residentScores'))
            .flatMap(([key, messages]) => {
              const index = key.split('.')[1];
              return messages.map((m) => (index === undefined ? m : `第${Number(index) + 1}份：${m}`));
            });
          form.setFields([
            { name: 'communityScore', errors: errors.communityScore ?? [] },
            { name: 'residentScores', errors: residents },
            { name: 'communityCode', errors: errors.communityCode ?? [] },
          ]);
        },
      },
    );
  };
  return (
    <Card size="small" title="本社区对街道的评分">
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 480 }}>
        {ownCommunity === null && (
          <Form.Item name="communityCode" label="社区" rules={[{ required: true, message: '请选择社区' }]}>
            <Select
              aria-label="评分社区"
              showSearch
              optionFilterProp="label"
              loading={communities.isPending}
              options={(communities.data?.items ?? []).map((c) => ({
                value: c.code,
                label: `${c.name}（${c.streetName ?? c.streetCode}）`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="communityScore"
          label="社区评分（0–100）"
          rules={[{ required: true, message: '请填写社区评分' }]}
        >
          <InputNumber aria-label="社区评分" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="residentScores"
          label="居民评分（每份一个分数，用逗号或空格分隔）"
          rules={[{ required: true, message: '至少需要一份居民评分' }]}
        >
          <Input.TextArea aria-label="居民评分" rows={3} placeholder="例如：80, 90, 75" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={rate.isPending}>
          保存评分
        </Button>
      </Form>
      {rate.isSuccess && (
        <Alert type="success" showIcon message="已保存本社区对街道的评分" style={{ marginTop: 12 }} />
      )}
      {rate.isError && !fieldErrorsOf(rate.error) && (
        <Alert type="error" showIcon message={errorMessage(rate.error)} style={{ marginTop: 12 }} />
      )}
    </Card>
  );
}

function Rating({ schemeId, streetCode }: { schemeId: string; streetCode: string }) {
  const rating = useQuery(trpc.assessment.streetRating.queryOptions({ schemeId, streetCode }));
  if (rating.isPending) return <Skeleton active />;
  if (rating.isError) return <Alert type="warning" showIcon message={errorMessage(rating.error)} />;
  const data = rating.data;
  if (!data.rating) return <Typography.Text type="secondary">该街道还没有社区评分</Typography.Text>;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="street-rating">
      <Descriptions.Item label="参评社区">{data.ratings} 个</Descriptions.Item>
      <Descriptions.Item label="居民打分占比">{percent(data.residentShare ?? 0)}</Descriptions.Item>
      <Descriptions.Item label="社区平均分">{data.rating.community}</Descriptions.Item>
      <Descriptions.Item label="居民平均分">{data.rating.resident}</Descriptions.Item>
      <Descriptions.Item label="街道得分">{data.rating.total}</Descriptions.Item>
    </Descriptions>
  );
}

export function StreetRating({ scheme }: { scheme: Scheme }) {
  const me = useQuery(trpc.auth.me.queryOptions());
  const code = me.data?.jurisdictionCode ?? '';
  const fixedStreet = code.length >= 9 ? code.slice(0, 9) : null;
  const ownCommunity = code.length === 12 ? code : null;
  const streets = useQuery({
    ...trpc.jurisdictions.children.queryOptions({ parentCode: scheme.jurisdictionCode }),
    enabled: me.isSuccess && fixedStreet === null && scheme.jurisdictionCode.length === 6,
  });
  const [chosen, setChosen] = useState<string | undefined>();
  const street = fixedStreet ?? chosen;
  if (scheme.status !== 'published')
    return <Alert type="info" showIcon message="方案发布后社区才能考评街道" />;
  if (me.isPending) return <Skeleton active />;
  const share = scheme.definition.streetRatingResidentShare;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        鄂州市城市社区工作规则（试行）第三十五条：社区考评街道，居民打分占比不低于50%。本方案居民打分占比：
        {share === undefined ? '未设置' : percent(share)}。
      </Typography.Paragraph>
      {me.data && recordsStreetRatings(me.data) && <RateForm scheme={scheme} ownCommunity={ownCommunity} />}
      <Card size="small" title="街道得分">
        {fixedStreet === null && (
          <Select
            aria-label="街道"
            placeholder="选择街道"
            style={{ width: 220, marginBottom: 12 }}
            value={chosen}
            onChange={setChosen}
            loading={streets.isPending && streets.fetchStatus !== 'idle'}
            options={(streets.data ?? []).map((s) => ({ value: s.code, label: s.name }))}
          />
        )}
        {street ? <Rating schemeId={scheme.id} streetCode={street} /> : null}
      </Card>
    </Space>
  );
}
