/**
 * A stored community's facts with the counts its registers determine laid over the typed ones
 * (docs/interfaces.md §5): whenever the community keeps a register, the snapshot's staff, pay,
 * committee, sub-committee, group, building and grid figures are worked out from it as of the date.
 */
import { type Database, loadRegisters } from '@shequ/db';
import type { CommunityFacts } from '@shequ/domain';
import { deriveSnapshotFacts, mergeRegisterFacts } from '@shequ/people';

export interface FactsWithRegisters {
  facts: CommunityFacts;
  /** Dotted names of the fields that came from a register; empty when the community keeps none. */
  fromRegister: string[];
}

export async function factsWithRegisters(
  db: Database,
  code: string,
  typed: CommunityFacts,
  asOf: string,
): Promise<FactsWithRegisters> {
  const registers = (await loadRegisters(db, [code])).get(code);
  if (!registers) return { facts: typed, fromRegister: [] };
  const merged = mergeRegisterFacts(typed, deriveSnapshotFacts(registers, asOf));
  return { facts: merged.facts, fromRegister: merged.fields };
}
