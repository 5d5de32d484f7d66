import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { placeFieldErrors, serverErrorsFor, toFieldPath } from './fieldErrors.js';

describe('server field errors on the form', () => {
  it('turns a dotted path into a form field path, list indexes as numbers', () => {
    expect(toFieldPath('facility.totalArea')).toEqual(['facility', 'totalArea']);
    expect(toFieldPath('meetings.0.heldOn')).toEqual(['meetings', 0, 'heldOn']);
  });

  it('puts each message on the field it names, after the prefix the form does not mirror', () => {
    const onForm = new Set(['households', 'facility.totalArea', 'asOf']);
    const placed = placeFieldErrors(
      {
        'facts.households': ['数值过小：期望 number >=0'],
        asOf: ['无效日期'],
        'facts.meetings.0.heldOn': ['无效日期'],
      },
      (path) => onForm.has(path.join('.')),
      { stripPrefix: 'facts', label: (dotted) => (dotted === 'meetings.0.heldOn' ? '会议日期' : dotted) },
    );
    expect(placed.fields).toEqual([
      { name: ['households'], errors: ['数值过小：期望 number >=0'] },
      { name: ['asOf'], errors: ['无效日期'] },
    ]);
    expect(placed.others).toEqual(['会议日期：无效日期']);
  });
});

describe('server errors on a form that lists its fields', () => {
  const apiError = (data: unknown, message = '输入有误') =>
    Object.assign(new TRPCClientError(message), { data }) as unknown;

  it('puts a message for a group on its first field and a message for a list entry on the list', () => {
    const placed = serverErrorsFor(
      apiError({ fieldErrors: { location: ['须登记存放位置'], 'approvedBy.0': ['不是本社区人员'] } }),
      ['title', 'location.room', 'location.cabinet', 'approvedBy'],
    );
    expect(placed.fields).toEqual([
      { name: ['location', 'room'], errors: ['须登记存放位置'] },
      { name: ['approvedBy'], errors: ['不是本社区人员'] },
    ]);
    expect(placed.others).toEqual([]);
  });

  it('never swallows a message: unknown fields and errors without fields come back for an Alert', () => {
    const unknown = serverErrorsFor(
      apiError({ fieldErrors: { referenceCode: ['年度不一致'] } }),
      ['title'],
      () => '档号',
    );
    expect(unknown).toEqual({ fields: [], others: ['档号：年度不一致'] });
    const refused = serverErrorsFor(apiError({ code: 'CONFLICT' }, '借出须由该档案的保管人办理'), ['title']);
    expect(refused).toEqual({ fields: [], others: ['借出须由该档案的保管人办理'] });
  });
});
