/**
 * The snapshot facts the service cases determine as of a date (docs/interfaces.md §2):
 * `complaints.handled` — complaint cases closed in the calendar year of the date, up to it — and
 * `complaints.outcomeTold` — those of them whose outcome the complainant was told by the date (2013
 * regulation 第四十四条). A community that received no case by the date derives nothing, so a typed
 * value remains.
 */
import type { CommunityFacts } from '@shequ/domain';
import { closure, type ServiceCase } from './cases.js';

/** The same shape as `@shequ/domain`'s `DerivedFacts`: the facts and the dotted names of the fields. */
export interface ServiceDerivedFacts {
  facts: CommunityFacts;
  fields: string[];
}

export function deriveServiceFacts(cases: readonly ServiceCase[], asOf: string): ServiceDerivedFacts {
  if (!cases.some((c) => c.receivedOn <= asOf)) return { facts: {}, fields: [] };
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  let handled = 0;
  let outcomeTold = 0;
  for (const c of cases) {
    if (c.category !== 'complaint') continue;
    const closed = closure(c);
    const closedOn = closed ? closed.at.slice(0, 10) : undefined;
    if (!closed || closedOn === undefined || closedOn < yearStart || closedOn > asOf) continue;
    handled++;
    if (closed.toldOn <= asOf) outcomeTold++;
  }
  return {
    facts: { complaints: { handled, outcomeTold } },
    fields: ['complaints.handled', 'complaints.outcomeTold'],
  };
}
