/** An audit record as people read it: members by their Chinese names, moments in China time. */
import { auditFieldLabel } from '@shequ/domain/labels';

/** A changed member in Chinese; the labels are shared with the audit export (`@shequ/domain`). */
export const labelOf = auditFieldLabel;

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A moment as China reads it (UTC+8), to the second, whatever the browser's own time zone. */
export function chinaDateTime(value: string): string {
  return new Date(new Date(value).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
