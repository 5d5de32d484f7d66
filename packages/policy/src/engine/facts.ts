/**
 * Fact paths: the names a rule uses to declare which facts of a community snapshot it reads
 * (`households`, `facility.totalArea`). Declaring them lets the engine report `unknown` when one
 * is missing — before the rule's own code runs — and list them in the explanation.
 */
import type { CommunityFacts } from '@shequ/domain';

type Facts = CommunityFacts;
type Key = keyof Facts & string;
/** The object type behind a nested (non-array) fact, or never. */
type NestedObject<T> =
  NonNullable<T> extends readonly unknown[] ? never : NonNullable<T> extends object ? NonNullable<T> : never;

type NestedPath = {
  [K in Key]: [NestedObject<Facts[K]>] extends [never]
    ? never
    : `${K}.${keyof NestedObject<Facts[K]> & string}`;
}[Key];

/** Every fact a rule may read: a top-level field or a field of a nested object (`facility.totalArea`). */
export type FactPath = Key | NestedPath;

/** The (present) value type of a fact path. */
export type FactValue<P extends FactPath> = P extends `${infer A extends Key}.${infer B}`
  ? B extends keyof NestedObject<Facts[A]>
    ? NonNullable<NestedObject<Facts[A]>[B]>
    : never
  : P extends Key
    ? NonNullable<Facts[P]>
    : never;

export type FactGetter = (facts: Facts) => unknown;

/**
 * One getter per fact path, each its own function: a property read in it sees one path only and
 * stays monomorphic, where one shared getter taking the path as data does keyed reads that turn
 * megamorphic across paths (the largest single cost of a whole-country run). Typed as a mapped
 * type over `FactPath`, so a field added to the snapshot schema fails to compile until it is listed.
 * `setting` falls back to its documented default (docs/interfaces.md §2: `urban`).
 */
const getters: { readonly [P in FactPath]: FactGetter } = {
  setting: (f) => f.setting ?? 'urban',
  townSeat: (f) => f.townSeat,
  newlyBuilt: (f) => f.newlyBuilt,
  households: (f) => f.households,
  residents: (f) => f.residents,
  occupancyRate: (f) => f.occupancyRate,
  newAreaHouseholds: (f) => f.newAreaHouseholds,
  facility: (f) => f.facility,
  'facility.totalArea': (f) => f.facility?.totalArea,
  'facility.mainBuildingFloors': (f) => f.facility?.mainBuildingFloors,
  'facility.residentSpaceArea': (f) => f.facility?.residentSpaceArea,
  'facility.functions': (f) => f.facility?.functions,
  'facility.emergencyShelter': (f) => f.facility?.emergencyShelter,
  'facility.fireSafety': (f) => f.facility?.fireSafety,
  'facility.publicNetwork': (f) => f.facility?.publicNetwork,
  'facility.drinkingWater': (f) => f.facility?.drinkingWater,
  'facility.otherSignboards': (f) => f.facility?.otherSignboards,
  'facility.serviceWindow': (f) => f.facility?.serviceWindow,
  'facility.contactBoard': (f) => f.facility?.contactBoard,
  committee: (f) => f.committee,
  'committee.members': (f) => f.committee?.members,
  'committee.viceChairs': (f) => f.committee?.viceChairs,
  'committee.competitiveElection': (f) => f.committee?.competitiveElection,
  'committee.secretBallot': (f) => f.committee?.secretBallot,
  'committee.chairTrainings': (f) => f.committee?.chairTrainings,
  supervisionCommittee: (f) => f.supervisionCommittee,
  'supervisionCommittee.members': (f) => f.supervisionCommittee?.members,
  'supervisionCommittee.chairVotes': (f) => f.supervisionCommittee?.chairVotes,
  'supervisionCommittee.lowestElectedVotes': (f) => f.supervisionCommittee?.lowestElectedVotes,
  'supervisionCommittee.votesCast': (f) => f.supervisionCommittee?.votesCast,
  'supervisionCommittee.financeOrManagementMembers': (f) =>
    f.supervisionCommittee?.financeOrManagementMembers,
  'supervisionCommittee.chairTrainings': (f) => f.supervisionCommittee?.chairTrainings,
  subCommittees: (f) => f.subCommittees,
  residentGroups: (f) => f.residentGroups,
  buildings: (f) => f.buildings,
  grids: (f) => f.grids,
  propertyAreas: (f) => f.propertyAreas,
  representatives: (f) => f.representatives,
  grid: (f) => f.grid,
  'grid.leaders': (f) => f.grid?.leaders,
  'grid.leadersOnCommittee': (f) => f.grid?.leadersOnCommittee,
  'grid.workerAnnualPay': (f) => f.grid?.workerAnnualPay,
  staff: (f) => f.staff,
  'staff.twoCommittees': (f) => f.staff?.twoCommittees,
  'staff.specialists': (f) => f.staff?.specialists,
  'staff.fullTime': (f) => f.staff?.fullTime,
  salary: (f) => f.salary,
  'salary.annualAverage': (f) => f.salary?.annualAverage,
  'salary.citySubsidy': (f) => f.salary?.citySubsidy,
  funds: (f) => f.funds,
  'funds.work': (f) => f.funds?.work,
  'funds.partyService': (f) => f.funds?.partyService,
  'funds.salaryCity': (f) => f.funds?.salaryCity,
  'funds.salaryDistrict': (f) => f.funds?.salaryDistrict,
  'funds.salaryStreet': (f) => f.funds?.salaryStreet,
  'funds.benefitsDistrict': (f) => f.funds?.benefitsDistrict,
  'funds.benefitsStreet': (f) => f.funds?.benefitsStreet,
  'funds.serviceBudget': (f) => f.funds?.serviceBudget,
  'funds.serviceBudgetPreviousYear': (f) => f.funds?.serviceBudgetPreviousYear,
  honours: (f) => f.honours,
  assessment: (f) => f.assessment,
  'assessment.routineWeight': (f) => f.assessment?.routineWeight,
  'assessment.annualWeight': (f) => f.assessment?.annualWeight,
  'assessment.residentShareRoutine': (f) => f.assessment?.residentShareRoutine,
  'assessment.residentShareAnnual': (f) => f.assessment?.residentShareAnnual,
  'assessment.streetRatingResidentShare': (f) => f.assessment?.streetRatingResidentShare,
  party: (f) => f.party,
  'party.healthChecks': (f) => f.party?.healthChecks,
  finance: (f) => f.finance,
  'finance.accountsDisclosed': (f) => f.finance?.accountsDisclosed,
  'finance.expensesDecidedCollectively': (f) => f.finance?.expensesDecidedCollectively,
  burden: (f) => f.burden,
  'burden.districtMeetingsPerYear': (f) => f.burden?.districtMeetingsPerYear,
  'burden.streetOtherMeetingsMaxPerMonth': (f) => f.burden?.streetOtherMeetingsMaxPerMonth,
  'burden.streetWorkMeetingsMaxPerWeek': (f) => f.burden?.streetWorkMeetingsMaxPerWeek,
  consultation: (f) => f.consultation,
  'consultation.contestedUnsubmitted': (f) => f.consultation?.contestedUnsubmitted,
  deliberation: (f) => f.deliberation,
  'deliberation.body': (f) => f.deliberation?.body,
  'deliberation.rules': (f) => f.deliberation?.rules,
  complaints: (f) => f.complaints,
  'complaints.handled': (f) => f.complaints?.handled,
  'complaints.outcomeTold': (f) => f.complaints?.outcomeTold,
  meetings: (f) => f.meetings,
  charters: (f) => f.charters,
  disclosures: (f) => f.disclosures,
};

/** The getter of a fact path, compiled once, so evaluation does no string work per community. */
export function factGetter(path: FactPath): FactGetter {
  const getter = (getters as Partial<Record<string, FactGetter>>)[path];
  if (getter) return getter;
  // A path outside the table (a hand-built pack that skipped `definePack`'s check): read it generically.
  const dot = path.indexOf('.');
  if (dot < 0) return (f) => (f as Record<string, unknown>)[path];
  const outer = path.slice(0, dot);
  const inner = path.slice(dot + 1);
  return (f) => {
    const object = (f as Record<string, unknown>)[outer] as Record<string, unknown> | undefined;
    return object === undefined ? undefined : object[inner];
  };
}

/** Every fact path the snapshot schema defines, for validating declarations at load time. */
export function isFactPath(path: string): path is FactPath {
  return knownFactPaths.has(path);
}

/**
 * The getters' keys: the table is typed over `FactPath`, which the compiler derives from the snapshot
 * schema's type, so a field added to the snapshot format is listed (and readable) before this compiles.
 * Not read from the zod schema at run time, so the engine in a browser bundle does not carry zod.
 */
const knownFactPaths: ReadonlySet<string> = new Set(Object.keys(getters));
