/**
 * After a handover completes, a witnessed checkpoint of the community's log (本系统规则 R-LOG-1). The
 * handover is already committed: a checkpoint that cannot be issued now is left to the daily run,
 * and the confirmation still succeeds.
 */
import { handoverCallsForCheckpoint } from '@shequ/archives';
import { type Database, issueWitnessedCheckpoint, loadSigningKey } from '@shequ/db';

export async function checkpointAfterHandover(
  db: Database,
  handover: { state: string; communityCode: string },
  options: { at: Date; issuedBy: string },
): Promise<void> {
  if (!handoverCallsForCheckpoint(handover.state)) return;
  try {
    await issueWitnessedCheckpoint(db, handover.communityCode, {
      key: loadSigningKey(),
      at: options.at.toISOString(),
      issuedBy: options.issuedBy,
      occasion: 'handover',
    });
  } catch (error) {
    console.error(
      `移交完成后签发检查点失败（留待每日签发）：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
