/**
 * A resident's personal data on request: the export of everything the service records hold about
 * them, and erasure. Erasure respects the custody of records (本系统规则 R-SVC-7): a service case
 * and a volunteer's points ledger are records the community must keep, so they stay with the
 * personal fields replaced (name, identity and mobile numbers, address, birth date and the free
 * text describing the person); nothing is deleted. A resident with a case still open is not erased:
 * the result must still be told to them (2013 regulation 第四十四条).
 */
import { type FieldIssue, mobileNumber, residentIdNumber } from '@shequ/domain';
import { z } from 'zod';
import { type CaseResident, caseStatus, type ServiceCase } from './cases.js';
import type { VolunteerDraft } from './volunteers.js';

export { mayEraseResidentData, mayExportResidentData } from './labels.js';

/** Who the request is about: an identity number, or a mobile number (cases taken without one). */
export const residentLookup = z
  .strictObject({
    idNumber: residentIdNumber.optional(),
    phone: mobileNumber.optional(),
  })
  .refine((l) => l.idNumber !== undefined || l.phone !== undefined, {
    path: ['idNumber'],
    error: '请填写身份证号码或手机号码',
  });
export type ResidentLookup = z.infer<typeof residentLookup>;

export const ERASED_NAME = '（已删除）';

/** The birth date an identity number states (characters 7–14). */
export function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** Whether a case's resident is the one the request names. */
export function caseMatches(resident: CaseResident, lookup: ResidentLookup): boolean {
  if (lookup.idNumber !== undefined && resident.idNumber === lookup.idNumber) return true;
  return lookup.phone !== undefined && resident.phone === lookup.phone;
}

/** Erasure refused while a case is open; the field messages name the open cases. */
export function erasureProblems(cases: readonly ServiceCase[]): FieldIssue[] {
  const open = cases.filter((c) => caseStatus(c) !== 'closed');
  if (open.length === 0) return [];
  return [
    {
      path: 'idNumber',
      message: `该居民还有 ${open.length} 件服务事项未办结（${open
        .map((c) => c.subject)
        .join('、')}），办结并告知后才能删除个人信息`,
    },
  ];
}

/** The case as kept after erasure: the resident anonymised, the steps and result kept. */
export function erasedCase(c: ServiceCase): ServiceCase {
  const { detail: _detail, ...rest } = c;
  return {
    ...rest,
    resident: { name: ERASED_NAME, conditions: c.resident.conditions },
  };
}

/** The volunteer as kept after erasure: the points ledger stays with an anonymous entry. */
export function erasedVolunteer(
  v: Omit<VolunteerDraft, 'communityCode'>,
): Omit<VolunteerDraft, 'communityCode'> {
  return {
    ...v,
    name: ERASED_NAME,
    birthDate: '1900-01-01',
    wishes: ERASED_NAME,
    availableTime: ERASED_NAME,
    skills: [],
  };
}
