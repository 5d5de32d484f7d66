/**
 * 本系统规则: the rules this project adds where the regulations are silent, each with a stable id, so
 * that a refusal can name the rule it applies (`本系统规则 R-…`) and a reader can look it up in
 * `docs/project-rules.md`, which gives each rule's text, why it exists and where it is enforced.
 * An id is never reused or renumbered; a rule that is dropped keeps its id, marked withdrawn.
 */

export interface ProjectRule {
  id: `R-${string}`;
  /** The rule as one zh-CN sentence. */
  text: string;
}

export const projectRules = {
  /** Where a community's own regulation says nothing of keeping archives: 鄂州 第三十九条's rule as the baseline. */
  archiveCustody: {
    id: 'R-ARC-0',
    text: '档案分类整理存放，由指定的保管人保管；借出、归还、移交和销毁由该档案的保管人办理。',
  },
  /** 档案的移交：先归还，再经保管人以外的负责人批准。 */
  archiveTransfer: {
    id: 'R-ARC-1',
    text: '档案移交前须先归还借出，并经保管人以外的负责人批准。',
  },
  /** 到期鉴定销毁。 */
  archiveDestruction: {
    id: 'R-ARC-2',
    text: '档案保管期限届满后，须有鉴定结论并经保管人以外的人批准，方可由保管人销毁；永久保管的档案不得销毁。',
  },
  /** 鉴定延长保管期限。 */
  archiveRetention: {
    id: 'R-ARC-3',
    text: '到期鉴定可决定延长保管期限，新期限须长于原期限，并经保管人以外的人批准。',
  },
  /** 已销毁、已移交的档案不再修改。 */
  archiveClosed: {
    id: 'R-ARC-4',
    text: '已销毁或已移交的档案，目录信息不再修改，已销毁的档案不再添加附件。',
  },
  /** 离任移交期间不销毁。 */
  noDestructionDuringHandover: {
    id: 'R-HND-1',
    text: '档案在未完成的离任移交清单上时不得销毁，移交完成后由接任的保管人执行。',
  },
  /** 移交清单逐项核对。 */
  handoverItemByItem: {
    id: 'R-HND-2',
    text: '移交清单上的每一项须由交接一方或监督人逐项登记核对情况，清单有变动须重新确认。',
  },
  /** Where a community's own regulation says nothing of seals: 鄂州 第四十条's rule as the baseline. */
  sealCustody: {
    id: 'R-SEA-0',
    text: '印章由专人保管、固定存放；用印须经印章使用制度指定的审批人批准，由保管人登记；无特殊情况未经批准不得带离办公室。',
  },
  /** Where a community's own regulation says nothing of departure handovers: 金山镇 第十八条's procedure as the baseline. */
  handoverProcedure: {
    id: 'R-HND-0',
    text: '工作人员离任时，其保管的档案、印章和财务资料列入移交清单，在上级（镇纪委或党政办）监督下交接，离任人、接任人确认后由监督人最后确认。',
  },
  /** 印章停用、销毁两步办理。 */
  sealEnding: {
    id: 'R-SEA-1',
    text: '印章停用或销毁由一人提出并写明理由，经该印章另一名审批人本人确认后生效；须先停用才能销毁；停用的印章不再受理用印和外带申请。',
  },
  /** 经办人须是本社区在职人员。 */
  staffOfCommunity: {
    id: 'R-STF-1',
    text: '档案保管人、借阅人、印章保管人和审批人须是本社区的在职账号；离任移交的监督人须是本镇（街道）的在职账号。',
  },
  /** 检查点按日签发、移交完成后签发，由街道见证。 */
  checkpointSchedule: {
    id: 'R-LOG-1',
    text: '社区保管日志有新条目时，系统每日签发一次检查点，离任移交完成后立即签发一次；检查点须经街道（乡镇）见证联署，超过 2 日没有新的见证检查点即为逾期。',
  },
  /** 见证人只联署前后一致的检查点。 */
  witnessConsistency: {
    id: 'R-LOG-2',
    text: '街道（乡镇）的见证密钥只在核验了自上次见证以来的一致性证明后才联署新检查点；同一条数绝不联署两个不同的根，试图这样做的检查点被拒绝并登记。',
  },
} as const satisfies Record<string, ProjectRule>;

export type ProjectRuleKey = keyof typeof projectRules;

/** How a refusal names a project rule: `本系统规则 R-SEA-1`. */
export function projectRuleBasis(rule: ProjectRule): string {
  return `本系统规则 ${rule.id}`;
}
