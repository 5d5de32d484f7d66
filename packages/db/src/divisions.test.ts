import { describe, expect, it } from 'vitest';
import { readDivisionNodes } from './divisions.js';

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
