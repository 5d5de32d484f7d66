import { inArray } from 'drizzle-orm';
import type { Database, Transaction } from './client.js';
import { communities } from './schema.js';

/**
 * Marks a community's stored data as changed when one of its registers changes, inside the writing
 * transaction. Dashboards reuse an evaluation of a whole jurisdiction until the communities under it
 * change (their count, last change and versions); a register write must show there too, or the
 * overview would keep answering from facts the register has since replaced. The version is left
 * alone, so an edit of the typed facts in progress does not conflict with a register write.
 */
export async function markRegistersChanged(
  db: Database | Transaction,
  codes: string | readonly string[],
  at: Date,
): Promise<void> {
  const list = typeof codes === 'string' ? [codes] : [...new Set(codes)];
  // Bounded like every other bulk statement: an import may touch a province's communities.
  for (let i = 0; i < list.length; i += 5000)
    await db
      .update(communities)
      .set({ updatedAt: at })
      .where(inArray(communities.code, list.slice(i, i + 5000)));
}
