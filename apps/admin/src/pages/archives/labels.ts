/**
 * The Chinese the archive and seal pages show for the API's English values: the texts are those of
 * `@shequ/archives/labels` (a module without zod or node:crypto, fit for the browser); this file adds
 * only the tag colours. An unknown value is shown as it comes.
 */
import {
  archiveContentGroupShortLabels,
  archiveMediumLabels,
  archiveStatusLabels as archiveStatusTexts,
  classificationLabels as classificationTexts,
  handoverConditionLabels as handoverConditionTexts,
  handoverItemKindLabels as handoverItemKindTexts,
  retentionLabels as retentionTexts,
  sealEndStatusLabels,
  sealEndTypeLabels as sealEndTypeTexts,
  sealOwnerKindLabels as sealOwnerKindTexts,
  sealStateLabels as sealStateTexts,
  supervisingBodyLabels as supervisingBodyTexts,
} from '@shequ/archives/labels';

export { contentGroupLabel } from '@shequ/archives/labels';

type Tag = { label: string; color: string };

/** Each value's text from the package, with the colour its tag is drawn in. */
function tagged<K extends string>(texts: Record<K, string>, colours: Record<K, string>): Record<string, Tag> {
  const tags: Record<string, Tag> = {};
  for (const value of Object.keys(texts) as K[]) tags[value] = { label: texts[value], color: colours[value] };
  return tags;
}

/**
 * The catalogue's filters: the tables keyed by the API's own values (not widened), so the value a filter
 * gives is the list's input as it is.
 */
export const catalogueFilterLabels = {
  medium: archiveMediumLabels,
  group: archiveContentGroupShortLabels,
  status: archiveStatusTexts,
  retention: retentionTexts,
} as const;

// Pages look values up by the API's plain strings, so the tables are widened to string keys.
export const mediumLabels: Record<string, string> = archiveMediumLabels;
export const contentGroupLabels: Record<string, string> = archiveContentGroupShortLabels;
export const retentionLabels: Record<string, string> = retentionTexts;
export const classificationLabels: Record<string, string> = classificationTexts;
export const sealOwnerKindLabels: Record<string, string> = sealOwnerKindTexts;
export const sealEndTypeLabels: Record<string, string> = sealEndTypeTexts;
export const supervisingBodyLabels: Record<string, string> = supervisingBodyTexts;
export const handoverItemKindLabels: Record<string, string> = handoverItemKindTexts;

export const archiveStatusLabels = tagged(archiveStatusTexts, {
  shelved: 'green',
  onLoan: 'blue',
  transferred: 'default',
  destroyed: 'default',
});

export const sealStateLabels = tagged(sealStateTexts, {
  inUse: 'green',
  takenOut: 'orange',
  retired: 'default',
  destroyed: 'default',
});

export const requestKindLabels: Record<string, string> = { use: '用印', takeOut: '外带' };

/** States of both kinds of seal request; `out` and `returned` occur only for removals. */
export const requestStateLabels: Record<string, Tag> = {
  requested: { label: '待审批', color: 'gold' },
  approved: { label: '已批准', color: 'blue' },
  refused: { label: '未批准', color: 'red' },
  withdrawn: { label: '已撤回', color: 'default' },
  stamped: { label: '已用印', color: 'green' },
  out: { label: '外带中', color: 'orange' },
  returned: { label: '已归还', color: 'green' },
};

/** 印章停用、销毁的申请: where the proposal stands. */
export const sealEndStateLabels = tagged(sealEndStatusLabels, {
  pending: 'gold',
  confirmed: 'green',
  declined: 'red',
  withdrawn: 'default',
});

/** An item on the list not yet checked: shown until one of the three records what they found. */
export const UNCHECKED = {
  value: 'unchecked',
  label: handoverConditionTexts.unchecked,
  color: 'orange',
} as const;

/** What a person may find an item to be on a handover list; `unchecked` is nobody's finding. */
export const handoverConditionLabels: Record<string, Tag> = {
  intact: { label: handoverConditionTexts.intact, color: 'green' },
  missing: { label: handoverConditionTexts.missing, color: 'red' },
  altered: { label: handoverConditionTexts.altered, color: 'red' },
  damaged: { label: handoverConditionTexts.damaged, color: 'red' },
};
