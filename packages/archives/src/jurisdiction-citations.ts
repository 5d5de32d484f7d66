/**
 * Which rule a refusal about archives, seals or a departure handover cites, for a community: its own
 * jurisdiction's document where that document speaks of the matter, else the project's baseline rule
 * (本系统规则), which takes the clearest regulation as the model for everyone.
 *
 * - 鄂州市 (420700): 第三十九条 archives, 第四十条 seals.
 * - 金山镇 (370305111): 第十八条, the departure handover of archives and seals.
 * - 江苏省 (320000): 六、13（3）, the residents' charter holds the rules on the community's archives.
 * - 威海市 and the 2013 city regulation say nothing of archives, seals or handovers.
 */
import { isWithin } from '@shequ/domain';
import { type Citation, citations } from './citations.js';
import { type ProjectRule, projectRuleBasis, projectRules } from './project-rules.js';
import type { RefusalSource } from './transition.js';

export type CustodyMatter = 'archives' | 'seals' | 'handover';

const ownDocuments: readonly { jurisdiction: string; matter: CustodyMatter; citation: Citation }[] = [
  { jurisdiction: '420700', matter: 'archives', citation: citations.ezhouArchives },
  { jurisdiction: '420700', matter: 'seals', citation: citations.ezhouSeals },
  { jurisdiction: '370305111', matter: 'handover', citation: citations.jinshanHandover },
  { jurisdiction: '320000', matter: 'archives', citation: citations.jiangsuArchives },
];

const baselines: Record<CustodyMatter, ProjectRule> = {
  archives: projectRules.archiveCustody,
  seals: projectRules.sealCustody,
  handover: projectRules.handoverProcedure,
};

/** The article of the community's own regulation on `matter`, or undefined where it has none. */
export function ownCitation(community: string, matter: CustodyMatter): Citation | undefined {
  return ownDocuments.find((doc) => doc.matter === matter && isWithin(community, doc.jurisdiction))?.citation;
}

/** What a refusal about `matter` in `community` cites: its own article, else the project's baseline rule. */
export function custodyRuleSource(community: string, matter: CustodyMatter): RefusalSource {
  const citation = ownCitation(community, matter);
  return citation ? { citation } : { basis: projectRuleBasis(baselines[matter]) };
}
