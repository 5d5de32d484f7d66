import { describe, expect, it } from 'vitest';
import {
  missingSuppliedParameter,
  packJurisdictionText,
  parametersPageFor,
  readableCheckText,
} from './readable.js';

const hasLatin = /[A-Za-z]/;

describe('a check’s texts in Chinese', () => {
  it('names missing facts in Chinese', () => {
    const text = readableCheckText('未提供 meetings/charters/disclosures/occupancyRate');
    expect(text).toBe('未提供会议记录、章程和制度、居务公开记录、入住率');
    expect(readableCheckText('缺少事实 buildings')).toBe('缺少楼栋（单元）清单');
    expect(readableCheckText('缺少事实 townSeat、households')).toBe('缺少乡镇政府所在地、户数');
    expect(readableCheckText('有下属委员会未提供成员人数（subCommittees[].members）')).toBe(
      '有下属委员会未提供成员人数',
    );
    expect(readableCheckText('缺少事实 supervisionCommittee.lowestElectedVotes')).toBe(
      '缺少居务监督委员会当选成员（含主任）中的最少得票数',
    );
  });

  it('names parameters by their label and says who supplies them', () => {
    const text = readableCheckText('参数 cityAverageWage 在2026-01-01没有取值，可通过 params 提供', {
      cityAverageWage: '城市上年度职工平均工资',
    });
    expect(text).toBe('城市上年度职工平均工资在2026-01-01没有取值，需由辖区管理员录入');
  });

  it('leaves no Latin identifier on screen, even for a name it does not know', () => {
    for (const raw of ['缺少事实 somethingNew.deep', '缺少数量 minFacilityArea', '未提供 a.b/c']) {
      expect(readableCheckText(raw)).not.toMatch(hasLatin);
    }
  });
});

describe('a check unknown for want of a jurisdiction’s figure', () => {
  const supplied = [
    {
      name: 'committeeMemberAllowance',
      label: '居民委员会成员生活补贴标准',
      jurisdiction: '000000',
      jurisdictionName: '全国',
    },
    {
      name: 'cityAverageWage',
      label: '鄂州市城市在岗职工平均工资',
      jurisdiction: '420700',
      jurisdictionName: '鄂州市',
    },
  ];

  it('finds the parameter the engine names, and links to where its jurisdiction enters it', () => {
    const missing = missingSuppliedParameter(
      '参数 cityAverageWage 在2026-01-01没有取值，可通过 params 提供',
      supplied,
    );
    expect(missing?.name).toBe('cityAverageWage');
    expect(missing && parametersPageFor(missing, '420703001001')).toBe(
      '/parameters?jurisdiction=420700&parameter=cityAverageWage',
    );
    const national = supplied[0];
    expect(national && parametersPageFor(national, '420703001001')).toBe(
      '/parameters?jurisdiction=420703&parameter=committeeMemberAllowance',
    );
  });

  it('finds none for a missing community fact or another parameter', () => {
    expect(missingSuppliedParameter('缺少事实 buildings', supplied)).toBeUndefined();
    expect(missingSuppliedParameter('参数 cityAverageWageX 在2026-01-01没有取值', supplied)).toBeUndefined();
  });
});

describe('the packs a check applies', () => {
  it('names the country alone, a jurisdiction with its code', () => {
    expect(packJurisdictionText({ code: '000000', name: '全国' })).toBe('全国');
    expect(packJurisdictionText({ code: '370305111', name: '金山镇' })).toBe('金山镇（370305111）');
  });
});
