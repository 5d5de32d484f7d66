/**
 * A jurisdiction's service windows as its administrators configured them (`@shequ/services`
 * `windowSetup`); communities under it use them unless a nearer jurisdiction configured its own
 * (`windowsFor` decides, this reads the candidates).
 */
import type { ServiceWindow } from '@shequ/services';
import { eq, inArray } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { serviceWindowSetups } from './schema-services.js';
import type { ServicesActor } from './services-store.js';

/** The configurations of a code and every jurisdiction above it. */
export async function windowSetupsAbove(
  db: Database | Transaction,
  code: string,
): Promise<Map<string, ServiceWindow[]>> {
  const nodes = [
    code,
    code.slice(0, 9),
    code.slice(0, 6),
    `${code.slice(0, 4)}00`,
    `${code.slice(0, 2)}0000`,
  ];
  const rows = await db
    .select()
    .from(serviceWindowSetups)
    .where(inArray(serviceWindowSetups.jurisdictionCode, [...new Set(nodes)]));
  return new Map(rows.map((r) => [r.jurisdictionCode, r.windows as ServiceWindow[]]));
}

/** Stores (or replaces) a jurisdiction's windows, audited with the previous ones. */
export async function saveWindowSetup(
  db: Database,
  jurisdictionCode: string,
  windows: readonly ServiceWindow[] | null,
  who: ServicesActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ windows: serviceWindowSetups.windows })
      .from(serviceWindowSetups)
      .where(eq(serviceWindowSetups.jurisdictionCode, jurisdictionCode))
      .for('update');
    if (windows === null) {
      await tx.delete(serviceWindowSetups).where(eq(serviceWindowSetups.jurisdictionCode, jurisdictionCode));
    } else {
      const values = { windows: [...windows], updatedAt: who.at, updatedBy: who.actor?.id ?? null };
      await tx
        .insert(serviceWindowSetups)
        .values({ jurisdictionCode, ...values })
        .onConflictDoUpdate({ target: serviceWindowSetups.jurisdictionCode, set: values });
    }
    await writeAudit(tx, {
      actor: who.actor,
      action: windows === null ? 'services.windows.clear' : 'services.windows.set',
      entityType: 'services.windows',
      entityId: jurisdictionCode,
      jurisdictionCode,
      before: before?.windows ?? null,
      after: windows,
      ip: who.ip,
      at: who.at,
    });
  });
}
