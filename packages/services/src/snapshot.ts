/**
 * The snapshot facts the service cases determine as of a date (docs/interfaces.md §2):
 * `complaints.handled` — complaint cases closed in the calendar year of the date, up to it — and
 * `complaints.outcomeTold` — those of them whose outcome the complainant was told by the date (2013
 * regulation 第四十四条). A community that received no case by the date derives nothing, so a typed
 * value remains.
 */
import { chinaDate, type DerivedFacts } from '@shequ/domain';
import { closure, type ServiceCase } from './cases.js';

/**
 * What the snapshot needs of one community's cases: the date of its first case (whether it keeps the
 * register at all on a date) and its complaint cases. A store loads just these, not every case.
 */
export interface CaseRegister {
  firstReceivedOn?: string;
  complaints: readonly ServiceCase[];
}

export function caseRegisterOf(cases: readonly ServiceCase[]): CaseRegister {
  const first = cases.reduce<string | undefined>(
    (min, c) => (min === undefined || c.receivedOn < min ? c.receivedOn : min),
    undefined,
  );
  return {
    ...(first === undefined ? {} : { firstReceivedOn: first }),
    complaints: cases.filter((c) => c.category === 'complaint'),
  };
}

export function deriveServiceFacts(register: CaseRegister, asOf: string): DerivedFacts {
  if (register.firstReceivedOn === undefined || register.firstReceivedOn > asOf)
    return { facts: {}, fields: [] };
  const cases = register.complaints;
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  let handled = 0;
  let outcomeTold = 0;
  for (const c of cases) {
    const closed = closure(c);
    const closedOn = closed ? chinaDate(new Date(closed.at)) : undefined;
    if (!closed || closedOn === undefined || closedOn < yearStart || closedOn > asOf) continue;
    handled++;
    if (closed.toldOn <= asOf) outcomeTold++;
  }
  return {
    facts: { complaints: { handled, outcomeTold } },
    fields: ['complaints.handled', 'complaints.outcomeTold'],
  };
}
