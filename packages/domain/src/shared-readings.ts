/**
 * Readings of ambiguous wording that more than one package applies: the policy packs check the
 * snapshot with them and the register rules of `@shequ/people` check the registers, and a caller's one
 * `readings: { [id]: 'alternative' }` must switch both, so the question and its two answers are
 * written once, here (packages/policy/INTERPRETATIONS.md explains each).
 */

/**
 * Ezhou 第七条（二）: "一般情况下，居民小组、网格站、物业服务区域应尽可能重合，居民小组长可同时兼任网格站长和
 * 业主委员会主任". 重合 is the word for figures that cover each other exactly, and the clause after it lets
 * one person lead the group, the grid station and the owners' committee at once, so the chosen reading
 * is the same boundaries, one to one. The alternative reads 重合 as fitting together without crossing
 * (嵌套): 第七条（一） has one 网格长 run "若干个网格站" and groups are sized by households or by 物业区域
 * (300—500户), which suits a grid made of whole groups, or a property area inside a grid, as well.
 */
export const ezhouUnitsCoincide = {
  id: 'ezhou.units-coincide',
  name: '第七条（二）“居民小组、网格站、物业服务区域应尽可能重合”：“重合”指边界相同，还是互不跨越',
  chosen: '边界相同：每个网格恰与一个户数相同的居民小组、一个楼栋相同的物业服务区域一一对应',
  alternative:
    '互相嵌套、互不跨越：每个居民小组只在一个网格内，网格由整个的居民小组组成（户数合计相同）；物业服务区域与网格不跨越彼此的边界（区域在一个网格内，或网格在一个区域内）',
} as const;
