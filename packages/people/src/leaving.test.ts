import { describe, expect, it } from 'vitest';
import { accountsOfWorker, accountsOnLeaving, leavingDisablesAccount, peopleRuleBasis } from './leaving.js';

const leaver = { idNumber: '370305199205060318', communityCode: '370305111007' };
const own = { id: 'a', idNumber: leaver.idNumber, jurisdictionCode: leaver.communityCode, disabled: false };
const elsewhere = { ...own, id: 'b', jurisdictionCode: '370305111006' };
const someoneElse = { ...own, id: 'c', idNumber: '370305199205060334' };
const alreadyOff = { ...own, id: 'd', disabled: true };

describe('R-STF-2: leaving disables the account', () => {
  it('disables the leaver’s enabled account in the community, and only that', () => {
    const none = new Set<string>();
    expect(
      accountsOnLeaving(leaver, [own, elsewhere, someoneElse, alreadyOff], {
        keepAccount: false,
        holdingCustody: none,
      }),
    ).toEqual({ disable: [own], keptForHandover: [] });
  });

  it('disables nothing when the administrator keeps the account', () => {
    expect(accountsOnLeaving(leaver, [own], { keepAccount: true, holdingCustody: new Set() })).toEqual({
      disable: [],
      keptForHandover: [],
    });
    expect(accountsOfWorker(leaver, [own])).toEqual([own]);
  });

  it('keeps an account that holds archives or seals until the handover is done', () => {
    expect(accountsOnLeaving(leaver, [own], { keepAccount: false, holdingCustody: new Set(['a']) })).toEqual({
      disable: [],
      keptForHandover: [own],
    });
  });

  it('names itself as a project rule', () => {
    expect(peopleRuleBasis(leavingDisablesAccount)).toBe('本系统规则 R-STF-2');
  });
});
