/**
 * The resident's feedback page, reached through the one-time link given at closure: no sign-in, one
 * column for a phone. A score of 1 to 5 and an optional comment; the link works once.
 */
import { satisfactionLabels, satisfactionScores } from '@shequ/services/labels';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Result, Space, Spin } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage, fieldErrorsOf } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';

export default function FeedbackPage() {
  const { token = '' } = useParams();
  const [form] = Form.useForm<{ score?: number; comment?: string }>();
  const [done, setDone] = useState(false);
  const link = useQuery({ ...trpc.services.feedbackForm.queryOptions({ token }), retry: false });
  const give = useMutation(
    trpc.services.giveFeedback.mutationOptions({
      onSuccess: () => setDone(true),
      onError: (error) => {
        const fields = fieldErrorsOf(error) ?? {};
        form.setFields(
          Object.entries(fields)
            .filter(([k]) => k === 'score' || k === 'comment')
            .map(([k, errors]) => ({ name: k as 'score' | 'comment', errors })),
        );
      },
    }),
  );
  const problem = give.error && !fieldErrorsOf(give.error)?.score && !fieldErrorsOf(give.error)?.comment;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }} data-testid="feedback-page">
      {link.isPending && <Spin />}
      {link.isError && <Result status="warning" title={errorMessage(link.error)} />}
      {done || link.data?.answered ? (
        <Result status="success" title="感谢您的评价" />
      ) : (
        link.data && (
          <Card title={`${link.data.communityName}：请评价`}>
            <p>办理事项：{link.data.subject}</p>
            {problem && (
              <Alert type="error" showIcon title={errorMessage(give.error)} style={{ marginBottom: 12 }} />
            )}
            <Form
              form={form}
              layout="vertical"
              onFinish={(values) =>
                give.mutate({
                  token,
                  score: values.score ?? 0,
                  ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
                })
              }
            >
              <Form.Item name="score" label="满意度">
                <Radio.Group>
                  <Space orientation="vertical">
                    {[...satisfactionScores].reverse().map((s) => (
                      <Radio key={s} value={s}>
                        {satisfactionLabels[s]}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="comment" label="意见（可不填）">
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={give.isPending}>
                提交评价
              </Button>
            </Form>
          </Card>
        )
      )}
    </div>
  );
}
