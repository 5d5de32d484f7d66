/**
 * Entering and correcting an election (candidates, votes, result) and entering its result in the
 * people register: the committee it elected, or the resident group's leader.
 * The server decides; each refusal comes back on the field it names and nothing is written.
 */
import {
  type ElectedPost,
  type ElectionKind,
  electedPostLabels,
  electedPosts,
  electionKindLabels,
  electionKinds,
} from '@shequ/democracy/labels';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Select } from 'antd';
import { labelledOptions } from '../../lib/labels.js';
import { trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import {
  countItem,
  dateItem,
  fieldNames,
  ListRow,
  RecordDialog,
  type StoredElection,
  textItem,
  useInvalidate,
  useRecordForm,
} from './record-shared.js';

interface ElectionValues {
  record: {
    kind: ElectionKind;
    residentGroupName?: string;
    heldOn: string;
    termEndsOn: string;
    seats: number;
    votesCast: number;
    secretBallot?: boolean;
    candidates?: { name: string; post: ElectedPost; votes: number; elected?: boolean }[];
  };
}

export function ElectionForm({ code, stored }: { code: string; stored?: StoredElection }) {
  const canWrite = useCanWrite();
  const record = useRecordForm<ElectionValues>(
    fieldNames(['kind', 'residentGroupName', 'heldOn', 'termEndsOn', 'seats', 'votesCast', 'secretBallot'], {
      candidates: ['name', 'post', 'votes', 'elected'],
    }),
    stored ? '选举记录已修改' : '选举已登记',
  );
  const { form, handlers } = record;
  const kind = Form.useWatch(['record', 'kind'], form);
  const create = useMutation(trpc.democracy.createElection.mutationOptions(handlers));
  const update = useMutation(trpc.democracy.updateElection.mutationOptions(handlers));
  if (!canWrite) return null;
  return (
    <RecordDialog
      testId="election"
      noun="选举"
      record={record}
      code={code}
      stored={stored}
      initial={stored ?? { kind: 'committee', secretBallot: true, seats: 1, candidates: [] }}
      toRecord={(v: ElectionValues['record']) => ({
        kind: v.kind,
        residentGroupName: v.kind === 'resident-group' ? v.residentGroupName : undefined,
        heldOn: v.heldOn,
        termEndsOn: v.termEndsOn,
        seats: v.seats,
        votesCast: v.votesCast,
        secretBallot: v.secretBallot ?? false,
        candidates: (v.candidates ?? []).map((c) => ({
          name: c.name,
          post: c.post,
          votes: c.votes,
          elected: c.elected ?? false,
        })),
      })}
      create={create}
      update={update}
    >
      <Form.Item name={['record', 'kind']} label="选举类别" rules={[{ required: true }]}>
        <Select options={labelledOptions(electionKinds, electionKindLabels)} />
      </Form.Item>
      {kind === 'resident-group' && textItem(['record', 'residentGroupName'], '居民小组', 50)}
      {dateItem(['record', 'heldOn'], '选举日期', '请填写选举日期')}
      {dateItem(['record', 'termEndsOn'], '任期届满日期', '请填写任期届满日期')}
      {countItem(['record', 'seats'], '应选人数', 1)}
      {countItem(['record', 'votesCast'], '参加投票人数', 0)}
      <Form.Item name={['record', 'secretBallot']} valuePropName="checked">
        <Checkbox>无记名投票</Checkbox>
      </Form.Item>
      <Form.List name={['record', 'candidates']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <ListRow key={field.key} title={`候选人 ${i + 1}`} onRemove={() => remove(field.name)}>
                {textItem([field.name, 'name'], '姓名', 50)}
                <Form.Item
                  name={[field.name, 'post']}
                  label="职务"
                  rules={[{ required: true, message: '请选择职务' }]}
                >
                  <Select options={labelledOptions(electedPosts, electedPostLabels)} />
                </Form.Item>
                {countItem([field.name, 'votes'], '得票数', 0)}
                <Form.Item name={[field.name, 'elected']} valuePropName="checked">
                  <Checkbox>当选</Checkbox>
                </Form.Item>
              </ListRow>
            ))}
            <Button
              onClick={() =>
                add({ post: kind === 'resident-group' ? 'group-leader' : 'member', elected: false })
              }
              block
              data-testid="candidate-add"
            >
              添加候选人
            </Button>
          </>
        )}
      </Form.List>
    </RecordDialog>
  );
}

/**
 * Enters the result in the people register: a committee's elected serve from the election day, the
 * previous term ending the day before; a resident-group election sets the named group's 组长.
 */
export function ApplyElectionButton({ election }: { election: StoredElection }) {
  const canWrite = useCanWrite();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  const forGroup = election.kind === 'resident-group';
  const apply = useMutation(
    trpc.democracy.applyElection.mutationOptions({
      onSuccess: async (result) => {
        message.success(
          result?.kind === 'resident-group'
            ? `已将${result.group.leaderName ?? ''}登记为${result.group.name}组长`
            : '已登记到委员会名册，上一届任期于选举前一日结束',
        );
        // The people page shows the committees and the groups' leaders this changed.
        await Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() })]);
      },
      onError: (error) => message.error(error.message),
    }),
  );
  if (!canWrite) return null;
  const leader = election.candidates.find((c) => c.elected)?.name ?? '当选人';
  const [label, content] = forGroup
    ? [
        `设为${election.residentGroupName ?? '居民小组'}组长`,
        `将${leader}登记为${election.residentGroupName ?? '居民小组'}的组长，任期自${election.heldOn}至${election.termEndsOn}。`,
      ]
    : [
        '登记到委员会名册',
        `当选人自${election.heldOn}起任职，任期至${election.termEndsOn}；上一届任期于选举前一日结束。`,
      ];
  return (
    <Button
      size="small"
      type="link"
      loading={apply.isPending}
      data-testid="election-apply"
      onClick={() =>
        modal.confirm({
          title: label,
          content,
          okText: '登记',
          cancelText: '取消',
          onOk: () => apply.mutateAsync({ id: election.id }),
        })
      }
    >
      {label}
    </Button>
  );
}
