/** Where a rule comes from: the document, its article, the document's date of entry into force and the words quoted. */
export interface Citation {
  document: string;
  article: string;
  /** The document's date of entry into force, ISO `YYYY-MM-DD`. */
  inForceFrom: string;
  quote: string;
}

/**
 * `cited` with `extra` added, each article cited once: where `cited` already quotes the same article of the
 * same document, the two quotes become one passage (the words they share are not repeated), so a finding
 * never names one article twice.
 */
export function citeAlso(cited: readonly Citation[], extra: Citation): Citation[] {
  const same = cited.findIndex((c) => c.document === extra.document && c.article === extra.article);
  if (same < 0) return [...cited, extra];
  return cited.map((c, i) => (i === same ? { ...c, quote: joinQuotes(c.quote, extra.quote) } : c));
}

/** Two passages of one article as one: the second's words that the first already ends with are said once. */
function joinQuotes(first: string, second: string): string {
  if (first.includes(second)) return first;
  if (second.includes(first)) return second;
  for (let overlap = Math.min(first.length, second.length); overlap > 0; overlap--) {
    if (first.endsWith(second.slice(0, overlap))) return first + second.slice(overlap);
  }
  return `${first}……${second}`;
}

/**
 * Citations of one document, one line each: `const citeEzhou = citing(EZHOU, '2019-12-02')`, then
 * `citeEzhou('第三十九条', '档案资料应包括…')`, so that a document's title and date are written once.
 */
export function citing(document: string, inForceFrom: string) {
  return (article: string, quote: string): Citation => ({ document, article, inForceFrom, quote });
}

/**
 * The regulations the packages cite, each title as the document gives it and its date of entry into
 * force (the texts are in packages/policy/sources): `citeDocument.ezhou('第三十九条', '档案资料应包括…')`.
 */
export const citeDocument = {
  ezhou: citing('鄂州市城市社区工作规则（试行）', '2019-12-02'),
  jinshan: citing('金山镇城市社区工作管理办法（试行）', '2020-01-06'),
  jiangsu: citing('江苏省城市社区居民委员会规范化建设工作指引', '2023-08-24'),
  weihai: citing(
    '中共威海市委 威海市人民政府关于加强和完善城乡社区治理的实施意见（威发〔2018〕39号）',
    '2018-12-22',
  ),
  city2013: citing('社区建设和治理条例', '2013-12-01'),
  national2018: citing('中华人民共和国城市居民委员会组织法（2018年修正）', '1990-01-01'),
} as const;
