/**
 * The archives store, one module per aggregate: items and loans (their commands; the catalogue and
 * lending register people read), attachments, seals, seal endings, handovers. Only these names are the package's; the helpers the modules share stay inside.
 */

/** Kept here for the callers that import it from the store; the one helper is `@shequ/domain`'s. */
export { chinaDate } from '@shequ/domain';
export {
  type AppraisalDecision,
  type AppraisalInput,
  appraiseArchiveItem,
  appraiseForDestruction,
  destroyArchiveItem,
  destructionRows,
} from './appraisals.js';
export {
  type AttachInput,
  attachFile,
  type BlobStore,
  BlobTooLarge,
  type ByteSource,
  checkFixity,
  fixityHistory,
  type HashedBlob,
  type StagedBlob,
  stageBlob,
} from './attachments.js';
export {
  type ArchiveCatalogueFilter,
  archiveCatalogue,
  archiveCatalogueFilter,
  archiveItemDetail,
  catalogueRows,
  type LoanListFilter,
  lendingRegister,
  loanRows,
  overdueLoanRows,
} from './catalogue.js';
export {
  confirmHandover,
  createHandover,
  type HandoverProblem,
  handoversOfCommunity,
  handoverWithNames,
  loadHandover,
  type NewHandover,
  recordHandoverProblem,
} from './handovers.js';
export {
  type ArchiveItemEdit,
  archiveItemOf,
  createArchiveItem,
  type LendInput,
  lendArchiveItem,
  type NewArchiveItem,
  returnArchiveItem,
  updateArchiveItem,
} from './items.js';
export { keysetPage, type ListPage, type PageAfter, rowsAfter } from './paging.js';
export {
  type ActingAs,
  type ArchiveActor,
  ArchiveError,
  type ArchiveErrorKind,
  type AuditRecord,
  isUniqueViolation,
  peopleToName,
} from './record.js';
export {
  confirmSealEnd,
  declineSealEnd,
  mySealEndProposalRows,
  proposeSealEnd,
  type SealEndProposalInput,
  sealEndInboxRows,
  withdrawSealEnd,
} from './seal-endings.js';
export {
  decideSealUse,
  decideTakeOut,
  mySealRequestRows,
  requestSealUse,
  requestsOfSeal,
  requestTakeOut,
  returnSeal,
  type SealRequestDecision,
  type SealUseInput,
  sealInboxRows,
  sealRequestRef,
  sealsOutRows,
  stampSeal,
  type TakeOutRequestInput,
  takeOut,
  withdrawSealRequest,
} from './seal-requests.js';
export { type NewSeal, registerSeal, sealRegistryRows, sealsOfCommunity, setSealApprovers } from './seals.js';
