import { eq } from 'drizzle-orm';
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
  code: string,
  at: Date,
): Promise<void> {
  await db.update(communities).set({ updatedAt: at }).where(eq(communities.code, code));
}
