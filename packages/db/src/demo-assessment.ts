/**
 * The demo's assessment year (`@shequ/assessment` `demoAssessmentScheme`): 金山镇's 2026 scheme drafted
 * and published by 临淄区, then the street's and the district's scores of each quarter and of the annual
 * assessment, through the same store functions the API calls, so every step has its audit record and
 * its date — the planned one, or just before the moment of loading where that lies in the future. Whether the scheme may be published and the scores are in range is the package's
 * question, answered by its tests; this module only stores.
 */
import {
  compileScheme,
  DEMO_ASSESSMENT_STREET,
  DEMO_ASSESSMENT_YEAR,
  demoAssessmentCommunities,
  demoAssessmentEntries,
  demoAssessmentScheme,
  indicatorNames,
} from '@shequ/assessment';
import { and, eq, inArray } from 'drizzle-orm';
import { createAssessmentScheme, publishAssessmentScheme, saveAssessmentScores } from './assessment-store.js';
import type { SignedInActor } from './audit.js';
import type { DatabaseHandle } from './client.js';
import { communities } from './schema.js';
import { assessmentSchemes } from './schema-assessment.js';

/** Who the demo's entries are recorded as: not accounts anyone signs in with. */
const DEMO_DISTRICT_ENTRY = { id: '00000000-0000-4000-8000-00000000d3e1', username: '演示数据（临淄区）' };
const DEMO_STREET_ENTRY = { id: '00000000-0000-4000-8000-00000000d3e2', username: '演示数据（金山镇）' };

/**
 * Stores the demo's assessment year once: when the demo holds 金山镇's communities and the town has no
 * scheme for the year yet (a second call, or a scheme someone made, leaves everything as it is).
 * Every entry is dated at or before `now`, the moment the demo is loaded. Returns how many scores were stored.
 */
export async function seedAssessmentDemo(
  handle: Pick<DatabaseHandle, 'db'>,
  now: Date = new Date(),
): Promise<number> {
  const { db } = handle;
  const present = await db
    .select({ code: communities.code })
    .from(communities)
    .where(inArray(communities.code, Object.values(demoAssessmentCommunities)));
  if (present.length === 0) return 0;
  const [existing] = await db
    .select({ id: assessmentSchemes.id })
    .from(assessmentSchemes)
    .where(
      and(
        eq(assessmentSchemes.jurisdictionCode, DEMO_ASSESSMENT_STREET),
        eq(assessmentSchemes.year, DEMO_ASSESSMENT_YEAR),
      ),
    )
    .limit(1);
  if (existing) return 0;

  const acting = (actor: SignedInActor['actor'], at: Date): SignedInActor => ({ actor, ip: null, at });
  const codes = new Set(present.map((row) => row.code));
  const entries = demoAssessmentEntries(now, (code) => codes.has(code));
  const definition = demoAssessmentScheme();
  const draft = await createAssessmentScheme(db, acting(DEMO_DISTRICT_ENTRY, entries.createdAt), {
    jurisdictionCode: definition.jurisdiction,
    year: definition.year,
    name: definition.name,
    definition,
  });
  await publishAssessmentScheme(db, acting(DEMO_DISTRICT_ENTRY, entries.publishedAt), draft.id);
  const names = indicatorNames(compileScheme(definition));
  let stored = 0;
  for (const batch of entries.batches) {
    const actor = batch.enteredBy === 'street' ? DEMO_STREET_ENTRY : DEMO_DISTRICT_ENTRY;
    stored += await saveAssessmentScores(db, acting(actor, batch.enteredAt), draft.id, batch.cells, names);
  }
  return stored;
}
