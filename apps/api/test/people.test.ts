import { auditLog, peopleUnits, seedPeopleRegisters } from '@shequ/db';
import { demoRegisters, fictionalIdNumber } from '@shequ/people';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { unlabelledAudit } from './audit-labels.js';
import {
  clerkOfXiangshan,
  JINSHAN,
  neighbourOfShihuajian,
  SHIHUAJIAN,
  WEIHAI,
  XIANGSHAN,
} from './fixture.js';
import { rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp(
  {
    clerk: clerkOfXiangshan,
    neighbour: neighbourOfShihuajian,
    auditor: { username: 'auditor', role: 'auditor', jurisdictionCode: JINSHAN },
    cityAdmin: { username: 'zibo', role: 'cityAdmin', jurisdictionCode: '370300' },
    systemAdmin: { username: 'root', role: 'systemAdmin', jurisdictionCode: '000000' },
  },
  {
    seed: (database) => seedPeopleRegisters(database, demoRegisters()),
  },
);

const idNumber = fictionalIdNumber('370305', '1990-01-02', 21);
const draft = {
  communityCode: XIANGSHAN,
  name: '新来的网格员',
  sex: 'male' as const,
  birthDate: '1990-01-02',
  idNumber,
  phone: '13912345678',
  post: 'grid-worker' as const,
  annualPay: 50000,
  joinedOn: '2026-09-01',
};

describe('people roster', () => {
  it('lists the community roster with numbers masked, and filters it', async () => {
    const roster = await server.clerk.people.roster.query({ asOf: '2026-12-01' });
    expect(roster.items.map((w) => w.name)).toContain('王书记');
    for (const w of roster.items) {
      expect(w.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      expect(w.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    const grid = await server.clerk.people.roster.query({ asOf: '2026-12-01', post: 'grid-worker' });
    expect(grid.items.map((w) => w.name)).toEqual(['孙网格员']);
    const untrained = await server.clerk.people.roster.query({ asOf: '2026-12-01', trainingMissing: true });
    expect(untrained.items.map((w) => w.name).sort()).toEqual(['孙网格员', '张委员', '赵专干'].sort());
    const lowPay = await server.clerk.people.roster.query({
      asOf: '2026-12-01',
      referencePay: 56000,
      payBelowReference: true,
    });
    expect(lowPay.items.map((w) => w.name)).toEqual(['孙网格员']);
  });

  it('does not show another community’s roster', async () => {
    const error = await rejection(server.neighbour.people.roster.query({ under: XIANGSHAN }));
    expect(error.data?.code).toBe('FORBIDDEN');
  });

  it('creates a worker with an audit record, and refuses a duplicate ID with a field message, writing nothing', async () => {
    const created = await server.clerk.people.create.mutate({ worker: draft });
    expect(created.idNumber).toBe(`3703**********${idNumber.slice(-4)}`);
    const audits = await server.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'people.worker.create'), eq(auditLog.entityId, created.id)));
    expect(audits).toHaveLength(1);

    const before = await server.clerk.people.roster.query({ asOf: '2026-12-01' });
    const error = await rejection(
      server.clerk.people.create.mutate({ worker: { ...draft, name: '重复的人' } }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.fieldErrors?.idNumber?.[0]).toContain('不能重复登记');
    const after = await server.clerk.people.roster.query({ asOf: '2026-12-01' });
    expect(after.total).toBe(before.total);
  });

  it('refuses an ID with a wrong check digit, naming the field', async () => {
    const wrong = `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}`;
    const error = await rejection(
      server.clerk.people.create.mutate({ worker: { ...draft, idNumber: wrong } }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.fieldErrors?.['worker.idNumber']?.[0]).toBe('身份证号码校验位不正确，请核对');
  });

  it('refuses a worker in two communities at once', async () => {
    const error = await rejection(
      server.neighbour.people.create.mutate({
        worker: { ...draft, communityCode: SHIHUAJIAN, joinedOn: '2026-10-01' },
      }),
    );
    expect(error.data?.fieldErrors?.joinedOn?.[0]).toContain('不能同时在两个社区任职');
  });

  it('shows the full numbers only to a role that needs them, and records the view', async () => {
    const [first] = (await server.clerk.people.roster.query({ asOf: '2026-12-01', post: 'specialist' }))
      .items;
    if (!first) throw new Error('no specialist');
    const masked = await server.clerk.people.person.query({ id: first.id });
    expect(masked.worker.idNumber).toContain('*');
    const full = await server.clerk.people.person.query({ id: first.id, full: true });
    expect(full.worker.idNumber).toMatch(/^\d{17}[\dX]$/);
    const views = await server.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'people.worker.viewFull'), eq(auditLog.entityId, first.id)));
    expect(views).toHaveLength(1);
    const error = await rejection(server.auditor.people.person.query({ id: first.id, full: true }));
    expect(error.data?.code).toBe('FORBIDDEN');
    const denied = await rejection(
      server.auditor.people.leave.mutate({ id: first.id, expectedVersion: 1, leftOn: '2026-12-01' }),
    );
    expect(denied.data?.code).toBe('FORBIDDEN');
  });

  it('ends a stay on the roster and keeps it in the person’s history', async () => {
    const [w] = (await server.clerk.people.roster.query({ asOf: '2026-12-01', post: 'specialist' })).items;
    if (!w) throw new Error('no specialist');
    await server.clerk.people.leave.mutate({ id: w.id, expectedVersion: 1, leftOn: '2026-12-01' });
    const page = await server.clerk.people.person.query({ id: w.id });
    expect(page.onPost).toBe(false);
    expect(page.history.map((h) => h.action)).toContain('people.worker.leave');
    const bad = await rejection(
      server.clerk.people.leave.mutate({ id: w.id, expectedVersion: 2, leftOn: '2020-01-01' }),
    );
    expect(bad.data?.fieldErrors?.leftOn?.[0]).toBe('离职日期不能早于入职日期');
  });

  it('refuses a committee whose term ends before it starts', async () => {
    const error = await rejection(
      server.clerk.people.saveCommittee.mutate({
        committee: {
          communityCode: XIANGSHAN,
          kind: 'supervision',
          termFrom: '2026-06-01',
          termTo: '2026-01-01',
        },
      }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.fieldErrors?.['committee.termTo']?.[0]).toBe('任期届满日期应晚于任期开始日期');
  });
});

describe('the snapshot uses the registers', () => {
  it('derives staff and committee counts from the registers over the typed facts, naming them', async () => {
    const result = await server.clerk.compliance.community.query({ code: XIANGSHAN, asOf: '2026-11-30' });
    expect(result.fromRegister).toContain('staff.fullTime');
    expect(result.fromRegister).toContain('committee.members');
    const snapshot = await server.clerk.communities.snapshot.query({ code: XIANGSHAN });
    // The demo roster: five on post plus the grid worker created above.
    expect(snapshot.staff?.fullTime).toBeGreaterThanOrEqual(5);
    expect(snapshot.buildings).toHaveLength(3);
  });

  it('shows a community’s organisation with the rules’ findings', async () => {
    const org = await server.clerk.people.organisation.query({ code: XIANGSHAN, asOf: '2026-12-01' });
    // 象山 is a community of 金山镇 (Zibo): neither Ezhou's rules nor Jiangsu's guideline govern it, so
    // none of their findings is reported (test/governs.test.ts has a community each governs).
    expect(org.findings).toEqual([]);
    expect(org.derived.fields).toContain('grid.leadersOnCommittee');
    // Households per grid, counted from its buildings and groups, and how groups and grids coincide.
    expect(org.householdsPerGrid.find((g) => g.name === '第一网格')).toMatchObject({
      entered: 420,
      inBuildings: 108,
      inGroups: 420,
      groups: ['第一居民小组'],
    });
  });
});

describe('staffing above a street', () => {
  it('gives a city administrator its districts, then a district its streets and a street its communities', async () => {
    const city = await server.cityAdmin.people.summary.query({ asOf: '2026-06-30' });
    expect(city.node).toMatchObject({ code: '370300', name: '淄博市', level: 'city' });
    expect(city.total).toMatchObject({
      communities: 2,
      withRoster: 1,
      onPost: 5,
      fullTime: 5,
      belowFloor: 0,
    });
    expect(city.children).toEqual([
      expect.objectContaining({ code: '370305', name: '临淄区', communities: 2, withRoster: 1, onPost: 5 }),
    ]);

    const district = await server.cityAdmin.people.summary.query({ under: '370305', asOf: '2026-06-30' });
    expect(district.node.path.map((p) => p.name)).toEqual(['淄博市']);
    expect(district.children.map((c) => [c.name, c.communities])).toEqual([['金山镇', 2]]);

    const street = await server.cityAdmin.people.summary.query({ under: JINSHAN, asOf: '2026-06-30' });
    expect(street.children.map((c) => [c.name, c.withRoster, c.twoCommittees, c.specialists])).toEqual([
      ['十化建社区居委会', 0, 0, 0],
      ['象山社区居委会', 1, 3, 1],
    ]);
    // From the street down the roster itself opens, numbers masked as for anyone.
    const roster = await server.cityAdmin.people.roster.query({ under: JINSHAN, asOf: '2026-06-30' });
    expect(roster.items.map((w) => w.name)).toContain('王书记');
    expect(roster.items[0]?.idNumber).toContain('*');
  });

  it('counts the leaver and the newcomer from their dates', async () => {
    // The tests above put a grid worker on post from 2026-09-01 and the specialist off it from 2026-12-01.
    const street = await server.cityAdmin.people.summary.query({ under: JINSHAN, asOf: '2026-12-15' });
    expect(street.children.find((c) => c.code === XIANGSHAN)).toMatchObject({
      onPost: 5,
      specialists: 0,
      twoCommittees: 3,
      fullTime: 5,
      belowFloor: 0,
    });
  });

  it('starts the whole country at its provinces, and refuses a node outside the caller’s own', async () => {
    const country = await server.systemAdmin.people.summary.query({ asOf: '2026-06-30' });
    expect(country.node).toMatchObject({ code: '000000', name: '全国' });
    expect(country.children.map((c) => [c.name, c.withRoster])).toEqual([['山东省', 1]]);
    const refused = await rejection(server.cityAdmin.people.summary.query({ under: WEIHAI }));
    expect(refused.data?.code).toBe('FORBIDDEN');
    const worker = await rejection(server.clerk.people.summary.query({ under: JINSHAN }));
    expect(worker.data?.code).toBe('FORBIDDEN');
    const bad = await rejection(server.cityAdmin.people.summary.query({ under: '12345' }));
    expect(bad.data?.code).toBe('BAD_REQUEST');
  });
});

describe('resident representatives from the register', () => {
  it('counts the representatives serving on the date into the snapshot, and refuses a reversed term', async () => {
    for (const name of ['代表甲', '代表乙'])
      await server.clerk.people.createUnit.mutate({
        kind: 'representative',
        unit: { communityCode: XIANGSHAN, name, from: '2026-06-01', to: '2031-05-31' },
      });
    await server.clerk.people.createUnit.mutate({
      kind: 'representative',
      unit: { communityCode: XIANGSHAN, name: '上届代表', from: '2021-06-01', to: '2026-05-31' },
    });
    const org = await server.clerk.people.organisation.query({ code: XIANGSHAN, asOf: '2026-12-01' });
    expect(org.representatives.map((r) => r.name).sort()).toEqual(['上届代表', '代表乙', '代表甲'].sort());
    expect(org.derived.fields).toContain('representatives');
    expect(org.derived.facts.representatives).toBe(2);
    const compliance = await server.clerk.compliance.community.query({ code: XIANGSHAN, asOf: '2026-11-30' });
    expect(compliance.fromRegister).toContain('representatives');

    const reversed = await rejection(
      server.clerk.people.createUnit.mutate({
        kind: 'representative',
        unit: { communityCode: XIANGSHAN, name: '错的', from: '2026-06-01', to: '2026-01-01' },
      }),
    );
    expect(reversed.data?.fieldErrors?.['unit.to']?.[0]).toBe('任期结束日期不能早于开始日期');
  });
});

describe('property-service areas (物业服务区域) in the register', () => {
  it('adds an area and a building in it, shows how areas and grids coincide, audited in Chinese', async () => {
    const area = await server.clerk.people.createUnit.mutate({
      kind: 'property-area',
      unit: {
        communityCode: XIANGSHAN,
        name: '象山东苑',
        propertyManager: '东苑物业服务有限公司',
        households: 30,
        ownersCommitteeChairName: '组长乙',
      },
    });
    await server.clerk.people.createUnit.mutate({
      kind: 'building',
      unit: { communityCode: XIANGSHAN, name: '6号楼', households: 30, propertyAreaId: area.id },
    });
    const org = await server.clerk.people.organisation.query({ code: XIANGSHAN, asOf: '2026-12-01' });
    expect(org.propertyAreas.map((a) => a.name).sort()).toEqual(['象山东苑', '象山花园']);
    expect(org.propertyAreaOverlap.find((o) => o.name === '象山东苑')).toMatchObject({
      buildings: ['6号楼'],
      inBuildings: 30,
    });
    // Ezhou 第七条（二） does not govern a community of 金山镇: the overlap is shown, no finding is given.
    expect(org.propertyAreaOverlap.find((o) => o.name === '象山花园')).toBeDefined();
    expect(org.findings.map((f) => f.rule)).toEqual([]);
    const audits = await server.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'people.property-area.create'), eq(auditLog.entityId, area.id)));
    expect(audits).toHaveLength(1);

    // Edited at the version read: another community's worker is refused, a stale version too.
    const stored = org.propertyAreas.find((a) => a.id === area.id);
    if (!stored) throw new Error('area not listed');
    const { version, ...record } = stored;
    const edited = { ...record, propertyManager: '新东苑物业服务有限公司' };
    const outside = await rejection(
      server.neighbour.people.updatePropertyArea.mutate({ area: edited, expectedVersion: version }),
    );
    expect(outside.data?.code).toBe('FORBIDDEN');
    const saved = await server.clerk.people.updatePropertyArea.mutate({
      area: edited,
      expectedVersion: version,
    });
    expect(saved).toMatchObject({ propertyManager: '新东苑物业服务有限公司', version: version + 1 });
    const stale = await rejection(
      server.clerk.people.updatePropertyArea.mutate({ area: record, expectedVersion: version }),
    );
    expect(stale.data?.code).toBe('CONFLICT');
    const after = await server.clerk.people.organisation.query({ code: XIANGSHAN });
    expect(after.propertyAreas.find((a) => a.id === area.id)?.propertyManager).toBe('新东苑物业服务有限公司');
    expect(await unlabelledAudit(server.database, ['people.property-area'])).toEqual([]);
  });

  it('refuses another community’s area and a bad field by name, writing nothing', async () => {
    const units = () => server.database.db.$count(peopleUnits);
    const before = await units();
    const forbidden = await rejection(
      server.neighbour.people.createUnit.mutate({
        kind: 'property-area',
        unit: { communityCode: XIANGSHAN, name: '越界小区' },
      }),
    );
    expect(forbidden.data?.code).toBe('FORBIDDEN');
    const bad = await rejection(
      server.clerk.people.createUnit.mutate({
        kind: 'property-area',
        unit: { communityCode: XIANGSHAN, name: '象山西苑', households: -3 },
      }),
    );
    expect(bad.data?.code).toBe('BAD_REQUEST');
    expect(bad.data?.fieldErrors?.['unit.households']?.[0]).toBe('户数应为非负整数');
    const unknownArea = await rejection(
      server.clerk.people.createUnit.mutate({
        kind: 'building',
        unit: { communityCode: XIANGSHAN, name: '7号楼', households: 20, propertyAreaId: 'no-such-area' },
      }),
    );
    expect(unknownArea.data?.fieldErrors?.['unit.propertyAreaId']?.[0]).toBe('本社区没有这个物业服务区域');
    expect(await units()).toBe(before);
  });
});
