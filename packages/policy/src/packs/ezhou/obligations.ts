/**
 * Ezhou's obligations beyond sizes and staffing: grid leaders (第七条（一）), the facility's safety and
 * basic services (第十一条), who pays the workers (第二十一条（二）) and the signboards at the entrance
 * (第四十一条（一）). Their facts come from registers the community keeps; until recorded they are
 * `unknown`.
 */
import { check, flagCheck, fmt, later, maximumCheck } from '../../engine/index.js';

import { cite, ezhouParameter } from './document.js';

export { EZHOU_DOCUMENT } from './document.js';

const quotes = {
  gridLeaders: '社区应设立若干个网格长，每个网格长由社区居民委员会成员兼任，负责若干个网格站管理工作。',
  basicServices: '应符合消防安全标准，提供公共网络、饮用水等基本服务。',
  fundingSplit:
    '社区工作者薪酬待遇所需资金由市、区、街道（乡镇）财政部门按各三分之一比例分担，奖励性薪酬和基本养老保险、基本医疗保险、失业保险、生育保险、工伤保险等社会保险费及住房公积金所需资金由区、街道（乡镇）财政部门按各二分之一比例分担。',
  signboards: '社区综合服务设施主体建筑主入口两侧处只悬挂党组织、居民委员会、居务监督委员会长型牌匾。',
} as const;

export const ezhouObligationParameters = [
  ezhouParameter(
    'maxOtherEntranceSignboards',
    '主入口两侧党组织、居民委员会、居务监督委员会牌匾以外的牌匾数上限',
    '块',
    0,
    '第四十一条（一）',
    quotes.signboards,
  ),
];

/**
 * Whether `parts` split a sum into equal shares to the fen (分), the smallest unit paid: each share is
 * the sum's nth, rounded down or up to a whole fen, and so the shares of 100 yuan in thirds are
 * 33.33, 33.33 and 33.34.
 */
function equalShares(parts: readonly number[]): boolean {
  const fen = parts.map((p) => Math.round(p * 100));
  const total = fen.reduce((sum, p) => sum + p, 0);
  const low = Math.floor(total / parts.length);
  return fen.every((p) => p === low || p === low + 1);
}

export const ezhouObligationRules = [
  check({
    id: 'ezhou.grid-leaders',
    title: '社区应设立网格长，每个网格长由居委会成员兼任',
    citation: cite('第七条（一）', quotes.gridLeaders),
    binding: 'binding',
    facts: { leaders: 'grid.leaders', onCommittee: 'grid.leadersOnCommittee' },
    evaluate: ({ facts }) => ({
      holds: facts.leaders > 0 && facts.onCommittee === facts.leaders,
      expected: '设有网格长，且均由居委会成员兼任',
      actual: later(() =>
        facts.leaders === 0
          ? '未设网格长'
          : `网格长${fmt.people(facts.leaders)}，其中居委会成员兼任${fmt.people(facts.onCommittee)}`,
      ),
    }),
  }),
  flagCheck({
    id: 'ezhou.facility-fire-safety',
    title: '综合服务设施应符合消防安全标准',
    citation: cite('第十一条', quotes.basicServices),
    binding: 'binding',
    fact: 'facility.fireSafety',
    expected: '符合消防安全标准',
    missing: '不符合消防安全标准',
  }),
  check({
    id: 'ezhou.facility-basic-services',
    title: '综合服务设施应提供公共网络、饮用水等基本服务',
    citation: cite('第十一条', quotes.basicServices),
    binding: 'binding',
    facts: { network: 'facility.publicNetwork', water: 'facility.drinkingWater' },
    evaluate: ({ facts }) => ({
      holds: facts.network && facts.water,
      expected: '提供公共网络和饮用水',
      actual:
        facts.network && facts.water
          ? '均已提供'
          : `未提供：${[facts.network ? '' : '公共网络', facts.water ? '' : '饮用水'].filter(Boolean).join('、')}`,
    }),
  }),
  check({
    id: 'ezhou.salary-funding-split',
    title:
      '社区工作者薪酬由市、区、街道（乡镇）各负担三分之一，奖励性薪酬和社会保险费、住房公积金由区、街道（乡镇）各负担二分之一',
    citation: cite('第二十一条（二）', quotes.fundingSplit),
    // No modal word, but the sentence fixes who pays what: a rule stated without a hedge binds.
    binding: 'binding',
    facts: { city: 'funds.salaryCity', district: 'funds.salaryDistrict', street: 'funds.salaryStreet' },
    optionalFacts: { benefitsDistrict: 'funds.benefitsDistrict', benefitsStreet: 'funds.benefitsStreet' },
    evaluate: ({ facts, optional }) => {
      const thirds = equalShares([facts.city, facts.district, facts.street]);
      const halvesKnown = optional.benefitsDistrict !== undefined && optional.benefitsStreet !== undefined;
      const halves =
        !halvesKnown || equalShares([optional.benefitsDistrict ?? 0, optional.benefitsStreet ?? 0]);
      return {
        holds: thirds && halves,
        expected: halvesKnown
          ? '薪酬市、区、街道各三分之一；奖励性薪酬及社保公积金区、街道各二分之一'
          : '薪酬市、区、街道各三分之一',
        actual: later(() => {
          const salary = `薪酬：市${fmt.yuan(facts.city)}、区${fmt.yuan(facts.district)}、街道${fmt.yuan(facts.street)}`;
          return halvesKnown
            ? `${salary}；奖励性薪酬及社保公积金：区${fmt.yuan(optional.benefitsDistrict ?? 0)}、街道${fmt.yuan(optional.benefitsStreet ?? 0)}`
            : salary;
        }),
      };
    },
  }),
  maximumCheck({
    id: 'ezhou.entrance-signboards',
    title: '主体建筑主入口两侧只悬挂党组织、居民委员会、居务监督委员会长型牌匾',
    citation: cite('第四十一条（一）', quotes.signboards),
    // "只悬挂" restricts without a hedge: binding.
    binding: 'binding',
    fact: 'facility.otherSignboards',
    maximum: { param: 'maxOtherEntranceSignboards' },
    wording: '其他牌匾不超过',
    format: (n) => `${n}块`,
  }),
];
