/** What the democracy tests share: a zod schema's problems by field, one residents' meeting, the demo registers. */
import { fieldErrors } from '@shequ/domain';
import { DAXINGGONG, demoDemocracyRegisters, XIANGSHAN } from './demo.js';
import { emptyDemocracyRegisters, type MeetingInput } from './records.js';

export const problems = (
  schema: { safeParse(input: unknown): { success: boolean; error?: unknown } },
  input: unknown,
) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : fieldErrors(parsed.error as Parameters<typeof fieldErrors>[0]);
};

export const residentsMeeting: MeetingInput = {
  id: 'm1',
  communityCode: DAXINGGONG,
  kind: 'residents-meeting',
  title: '居民会议',
  noticeOn: '2026-05-01',
  heldOn: '2026-05-11',
  agenda: ['审议工作报告'],
  attendance: { basis: 'households', eligible: 100, present: 51 },
  decisions: [{ text: '通过工作报告', votes: { cast: 51, for: 26, against: 20, abstain: 5 } }],
};

export const registers = demoDemocracyRegisters();
export const daxinggong = registers.get(DAXINGGONG) ?? emptyDemocracyRegisters();
export const xiangshan = registers.get(XIANGSHAN) ?? emptyDemocracyRegisters();
