// The shipped format, read by packages/db/src/divisions.ts: gzipped UTF-8 text, one row a line, fields
// separated by tabs. Plain lines split much faster than JSON parses, and the tree (read on every
// import) is apart from the 105,000 committees (read only when communities are imported).
//   divisions.tsv.gz            `# <source>`, then sections `[provinces]` (code, name), `[cities]`
//                               (code, name, provinceCode), `[areas]` (code, name, cityCode) and
//                               `[streets]` (code, name, areaCode), codes as in the source
//   residents-committees.tsv.gz `# <source>`, then code and name; the street is the code's first 9 digits
import { gzipSync } from 'node:zlib';

const lines = (rows) => rows.map((row) => row.join('\t'));

export function encodeDivisions(divisions) {
  for (const [code, , streetCode] of divisions.residentsCommittees)
    if (code.slice(0, 9) !== streetCode) throw new Error(`${code}: street ${streetCode} is not its prefix`);
  const tree = [`# ${divisions.source}`];
  for (const section of ['provinces', 'cities', 'areas', 'streets'])
    tree.push(`[${section}]`, ...lines(divisions[section]));
  const committees = [
    `# ${divisions.source}`,
    ...lines(divisions.residentsCommittees.map(([code, name]) => [code, name])),
  ];
  const gzip = (text) => gzipSync(`${text.join('\n')}\n`, { level: 9 });
  return { 'divisions.tsv.gz': gzip(tree), 'residents-committees.tsv.gz': gzip(committees) };
}
