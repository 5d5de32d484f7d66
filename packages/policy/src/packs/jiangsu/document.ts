/**
 * 江苏省城市社区居民委员会规范化建设工作指引（苏卫基层〔2023〕12号 as the copy prints it), `sources/jiangsu.txt`:
 * 江苏省民政厅, signed 2023-08-22 and published — in force — from 2023-08-24. Its items are cited
 * as the document numbers them (`7`, `10（1）`, `19（7）`).
 *
 * Extraction damage read as `sources/README.md` says: ranges lost their dash ("59人" is 5—9, "12人" is
 * 1—2, "3050户" is 30—50, "35人" is 3—5, "50100人" is 50—100) and sub-item markers "1"…"8" lost
 * their brackets. The quotes below restore the dash and the brackets; nothing else is changed.
 */
import { citeFrom, parametersFrom } from '../../engine/index.js';

export const JIANGSU_DOCUMENT = '江苏省城市社区居民委员会规范化建设工作指引';
export const JIANGSU_IN_FORCE = '2023-08-24';
export const cite = citeFrom(JIANGSU_DOCUMENT);
export const jiangsuParameter = parametersFrom(cite, JIANGSU_IN_FORCE);

/** Figures with one decimal at most, as people write areas and shares. */
export function figure(n: number): string {
  // The text depends only on the figure in tenths, so the texts of figures up to 6553.5 are kept, found
  // by their tenths: areas and shares repeat across a country, and each is converted once.
  const tenths = Math.round(n * 10);
  if (tenths >= 0 && tenths < FIGURES_KEPT) {
    let text = keptFigures[tenths];
    if (text === undefined) {
      text = String(tenths / 10);
      // Grown one element at a time, so the list stays packed and is indexed directly.
      while (keptFigures.length <= tenths) keptFigures.push(undefined);
      keptFigures[tenths] = text;
    }
    return text;
  }
  return String(tenths / 10);
}
const FIGURES_KEPT = 65536;
const keptFigures: (string | undefined)[] = [];

export function percent(share: number): string {
  return `${figure(share * 100)}%`;
}
