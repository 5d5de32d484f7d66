/**
 * Corrections to the shipped article texts: the places where the copy the texts were taken from lost
 * the dash of a range ("一般为5—9人" came out as "一般为59人"), so the number reads wrong. The texts
 * themselves stay exactly as copied; every place that shows an article applies this one list
 * (`correctArticleText`, which `articleText` already does), so a reader sees the range the document
 * states. Each entry names the pack, the article, what the copy says and what the document says.
 *
 * To add one: quote enough of the sentence that the lost text occurs once, and cite the article.
 */
export interface TextCorrection {
  /** The pack whose document text is corrected. */
  packCode: string;
  /** The article (as the document numbers it) where the correction was found; it applies to its clauses too. */
  article: string;
  /** What the copied text says. */
  lost: string;
  /** What the document says. */
  restored: string;
}

const JIANGSU = '320000';

export const textCorrections: readonly TextCorrection[] = [
  { packCode: JIANGSU, article: '7', lost: '一般为59人', restored: '一般为5—9人' },
  { packCode: JIANGSU, article: '7', lost: '副主任12人', restored: '副主任1—2人' },
  { packCode: JIANGSU, article: '9', lost: '按3050户', restored: '按30—50户' },
  { packCode: JIANGSU, article: '9', lost: '推选35人', restored: '推选3—5人' },
  { packCode: JIANGSU, article: '9', lost: '控制在50100人', restored: '控制在50—100人' },
  { packCode: JIANGSU, article: '10', lost: '一般由35人组成', restored: '一般由3—5人组成' },
  { packCode: JIANGSU, article: '17', lost: '委员共35人组成', restored: '委员共3—5人组成' },
];

/** The text of an article of a pack with the documented corrections applied. */
export function correctArticleText(packCode: string, text: string): string {
  let corrected = text;
  for (const correction of textCorrections) {
    if (correction.packCode === packCode)
      corrected = corrected.replaceAll(correction.lost, correction.restored);
  }
  return corrected;
}
