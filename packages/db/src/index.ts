export * from './activities-store.js';
export * from './append-only.js';
export * from './appraisal-store.js';
export * from './archives/index.js';
export * from './assessment-store.js';
export * from './assessment-survey-store.js';
export * from './audit.js';
export * from './audit-names.js';
export * from './client.js';
export * from './communities.js';
export { communityChangeStamp, complianceDataStamps, foldCommunityChanges } from './community-changes.js';
export * from './community-facts.js';
export * from './community-snapshot.js';
export * from './custody.js';
export * from './demo-accounts.js';
export * from './demo-archives.js';
export * from './demo-assessment.js';
export * from './demo-facts.js';
export * from './demo-parameters.js';
export * from './democracy-store.js';
export type { DivisionNode, ResidentsCommittee } from './divisions.js';
export { isResidentsCommittee, readDivisionNodes, readResidentsCommittees } from './divisions.js';
export * from './facts-import.js';
export { DataFolderLocked, LOCK_FILE_NAME } from './folder-lock.js';
export { escapeLike, nameSearchGrams } from './like.js';
export * from './loan-overdue-notices.js';
export * from './migrate.js';
export * from './notices-store.js';
export * from './parameter-values-store.js';
export * from './people-committees.js';
export * from './people-import.js';
export * from './people-registers.js';
export * from './people-seed.js';
export { type PeopleActor, PeopleError, type PeopleErrorCode } from './people-shared.js';
export * from './people-units.js';
export {
  auditedWorker,
  findWorker,
  type LeaverAccounts,
  recordFullView,
  rosterEntriesWithIdNumber,
  rosterEntriesWithIdNumbers,
  rosterStaysUnder,
  type SaveWorkerInput,
  saveWorker,
} from './people-workers.js';
export * from './reconcile.js';
export { markRegistersChanged } from './register-changes.js';
export * from './resident-data-store.js';
export * from './schema.js';
export * from './seed.js';
export * from './services-demo.js';
export * from './services-store.js';
export * from './visits-store.js';
export * from './volunteers-store.js';
export * from './webhooks-store.js';
export * from './window-setups-store.js';
export * from './witness.js';
export * from './workbench.js';
export * from './workload-store.js';
