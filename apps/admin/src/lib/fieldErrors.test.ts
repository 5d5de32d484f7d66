import { describe, expect, it } from 'vitest';
import { placeFieldErrors, toFieldPath } from './fieldErrors.js';

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
