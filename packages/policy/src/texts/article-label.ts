/**
 * How a reader names an article. Most documents number articles themselves (`第七条`, `二（四）`) and
 * are cited as written; the Jiangsu guide numbers its items with bare digits (`21`, `7（1）`), which
 * after the title read as "》21": those are cited as items, `第21项`, `第7项（1）`.
 */
export function articleLabel(article: string, clause?: string): string {
  const joined = `${article}${clause ?? ''}`;
  const item = /^(\d+)(.*)$/.exec(joined);
  return item ? `第${item[1]}项${item[2]}` : joined;
}

/** A citation as one line: `《document》` and the article as a reader names it. */
export function citationLabel(citation: {
  document: string;
  article: string;
  clause?: string | undefined;
}): string {
  return `《${citation.document}》${articleLabel(citation.article, citation.clause)}`;
}
