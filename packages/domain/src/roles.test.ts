import { describe, expect, it } from 'vitest';
import { adminRoles, appRoles, canWrite, isAdminRole } from './roles.js';

describe('role predicates', () => {
  it('counts the five levels of administrator as administrators', () => {
    for (const role of [
      'systemAdmin',
      'provinceAdmin',
      'cityAdmin',
      'districtAdmin',
      'streetAdmin',
    ] as const) {
      expect(isAdminRole(role)).toBe(true);
    }
  });

  it('does not let a community worker or an auditor administer', () => {
    expect(isAdminRole('communityWorker')).toBe(false);
    expect(isAdminRole('auditor')).toBe(false);
  });

  it('lists exactly the roles the predicate accepts', () => {
    expect(appRoles.filter(isAdminRole)).toEqual([...adminRoles]);
  });

  it('lets every role but the auditor change records', () => {
    expect(appRoles.filter((role) => !canWrite(role))).toEqual(['auditor']);
  });
});
