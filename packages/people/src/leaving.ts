/**
 * What leaving the roster does to the leaver's console account. The regulations say nothing of
 * accounts, so this is 本系统规则 R-STF-2 (docs/project-rules.md): the account of a worker who leaves
 * is disabled when the leaving is recorded, unless the administrator keeps it (someone who leaves one
 * post for another at the street, say). The leaving date may lie ahead; the interpretation taken is that
 * a leaving is recorded when the person goes, and an administrator recording it in advance keeps the
 * account and disables it later from the accounts page. An account that still holds archives or seals
 * stays enabled: the departure handover needs the leaver, on an active account, to confirm it
 * (R-STF-1, R-HND-0), so it is disabled from the accounts page once the handover is done.
 *
 * An account belongs to a roster entry when it holds the same identity number and is bound to the
 * entry's community: the console's accounts carry an identity number, the roster one.
 */
import type { Worker } from './registers.js';

export interface PeopleProjectRule {
  id: `R-${string}`;
  /** The rule as one zh-CN sentence. */
  text: string;
}

export const leavingDisablesAccount = {
  id: 'R-STF-2',
  text: '工作人员办理离职时，其在本社区的控制台账号随之停用，管理员选择保留账号的除外；离任人保管档案或印章的，账号保留至离任移交办结，以便其确认移交。',
} as const satisfies PeopleProjectRule;

/** How a refusal or notice names the rule: `本系统规则 R-STF-2`. */
export function peopleRuleBasis(rule: PeopleProjectRule): string {
  return `本系统规则 ${rule.id}`;
}

/** The part of a console account the rule needs. */
export interface LinkedAccount {
  id: string;
  idNumber: string | null;
  jurisdictionCode: string;
  disabled: boolean;
}

/** The enabled accounts of the roster entry's person in its community. */
export function accountsOfWorker<A extends LinkedAccount>(
  w: Pick<Worker, 'idNumber' | 'communityCode'>,
  accounts: readonly A[],
): A[] {
  return accounts.filter(
    (a) => !a.disabled && a.idNumber === w.idNumber && a.jurisdictionCode === w.communityCode,
  );
}

/** R-STF-2: which of the person's accounts to disable when the leaving is recorded, and which stay for the handover. */
export function accountsOnLeaving<A extends LinkedAccount>(
  w: Pick<Worker, 'idNumber' | 'communityCode'>,
  accounts: readonly A[],
  options: { keepAccount: boolean; holdingCustody: ReadonlySet<string> },
): { disable: A[]; keptForHandover: A[] } {
  const own = accountsOfWorker(w, accounts);
  if (options.keepAccount) return { disable: [], keptForHandover: [] };
  return {
    disable: own.filter((a) => !options.holdingCustody.has(a.id)),
    keptForHandover: own.filter((a) => options.holdingCustody.has(a.id)),
  };
}
