/**
 * One principle for the articles on new residential areas, whose wording is the same in substance —
 * Jiangsu item 1 "筹建和新设住宅区居民入住率达到50%以上的…应及时成立社区居民委员会" and Weihai 二（三）
 * "新建住宅区居民入住率达到50%的,应及时成立社区居民委员会": each binds only where a new residential area
 * without a committee of its own exists. A snapshot reports such an area by its occupancy (`occupancyRate`,
 * docs/interfaces.md §2, which only describes that kind of area), so a snapshot without one reports none and
 * the article has nothing to apply to. Whether an unreported area may still exist is what the alternative
 * asks: it reads the missing figure as unrecorded, a question to verify.
 */
import type { Interpretation } from '../engine/index.js';

export const unreportedNewArea = {
  id: 'new-area-unreported',
  name: '未报告新建住宅区的入住率（occupancyRate）：视为没有尚未成立居委会的新建住宅区，还是视为未记录',
  chosen: '视为没有尚未成立居委会的新建住宅区：本条不适用',
  alternative: '视为未记录：无法判断，需核实有无尚未成立居委会的新建住宅区及其入住率',
} as const satisfies Interpretation;

/** What a new-area rule answers when no occupancy is reported, under the reading asked for. */
export function withoutReportedOccupancy(
  alternative: (id: string) => boolean,
): { notApplicable: string } | { unknown: string } {
  return alternative(unreportedNewArea.id)
    ? { unknown: '未记录新建住宅区的入住率（occupancyRate），需核实有无尚未成立居委会的新建住宅区' }
    : { notApplicable: '未报告尚未成立居委会的新建住宅区（occupancyRate）' };
}
