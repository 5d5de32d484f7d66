#!/usr/bin/env node
// Generates src/texts/<pack>.ts from the regulation texts in sources/ (see sources/README.md), so
// the console can show each article beside its result without reading those files at run time.
// Run from anywhere:
//   node packages/policy/scripts/generate-texts.mjs [SOURCES_DIR]
// The output is committed; re-run only when a text in sources/ changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sources = resolve(process.argv[2] ?? join(here, '../sources'));
const out = join(here, '../src/texts');

const packs = [
  {
    name: 'national-2018',
    exportName: 'national2018',
    code: '000000',
    document: '中华人民共和国城市居民委员会组织法（2018年修正）',
    style: 'articles',
    start: /^第六条/,
  },
  {
    name: 'national-2025',
    exportName: 'national2025',
    code: '000000',
    document: '中华人民共和国城市居民委员会组织法（2025年修订）',
    style: 'articles',
    start: /^第三条/,
  },
  {
    name: 'ezhou',
    code: '420700',
    document: '鄂州市城市社区工作规则（试行）',
    style: 'articles',
    stop: /^中共鄂州市委$/,
  },
  {
    name: 'city2013',
    code: '000013',
    document: '社区建设和治理条例',
    style: 'articles',
  },
  {
    name: 'weihai',
    code: '371000',
    document: '中共威海市委 威海市人民政府关于加强和完善城乡社区治理的实施意见（威发〔2018〕39号）',
    style: 'sections',
    start: /^一、/,
    stop: /^（此件发至县级）$/,
  },
  {
    name: 'jinshan',
    code: '370305111',
    document: '金山镇城市社区工作管理办法（试行）',
    style: 'articles',
    start: /^第一章/,
  },
  {
    name: 'jiangsu',
    code: '320000',
    document: '江苏省城市社区居民委员会规范化建设工作指引',
    style: 'items',
    start: /^一、规范城市社区居民委员会职能定位/,
  },
];

const cnDigits = '一二三四五六七八九十';
const articleHead = /^第([一二三四五六七八九十百零]+)条\s*/;
const chapterHead = /^第[一二三四五六七八九十]+章/;
const clauseHead = /^(?:-\s*)?[（(]([一二三四五六七八九十]+)[）)]\s*/;
const sectionHead = /^([一二三四五六七八九十]+)、/;
const itemHead = /^(\d{1,2})[.．]\s*/;
const subItemHead = /^(\d{1,2})\)?(?=[^\d.．)）\s])/;

/** Joins page-broken fragments: a fragment that does not end a sentence continues the previous one. */
function joinFragments(fragments) {
  let text = '';
  for (const fragment of fragments) {
    const f = fragment.trim();
    if (!f) continue;
    if (text && /[。；：！？）)”」]$/.test(text)) text += '\n';
    text += f;
  }
  return text;
}

function lines(pack) {
  const all = readFileSync(join(sources, `${pack.name}.txt`), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/\u00a0/g, ' ').trim());
  let from = 0;
  if (pack.start) from = all.findIndex((l) => pack.start.test(l));
  let to = all.length;
  if (pack.stop) {
    const at = all.findIndex((l, i) => i > from && pack.stop.test(l));
    if (at >= 0) to = at;
  }
  return all.slice(from, to);
}

/** 第N条 documents: every article, and each of its （一） clauses as `第N条（一）`. */
function articles(pack) {
  const result = new Map();
  let article;
  let clause;
  const flush = () => {
    if (article) result.set(article.key, joinFragments(article.lines));
    if (clause) result.set(clause.key, joinFragments(clause.lines));
  };
  for (const line of lines(pack)) {
    if (chapterHead.test(line)) {
      flush();
      article = undefined;
      clause = undefined;
      continue;
    }
    const head = articleHead.exec(line);
    if (head) {
      flush();
      article = { key: `第${head[1]}条`, lines: [line.slice(head[0].length)] };
      result.set(article.key, '');
      clause = undefined;
      continue;
    }
    if (!article) continue;
    const c = clauseHead.exec(line);
    if (c) {
      if (clause) result.set(clause.key, joinFragments(clause.lines));
      clause = {
        key: `${article.key}（${c[1]}）`,
        lines: [line.replace(/^-\s*/, '').replace(/^\((\S+?)\)\s*/, '（$1）')],
      };
      article.lines.push(clause.lines[0]);
      continue;
    }
    article.lines.push(line);
    if (clause) clause.lines.push(line);
  }
  flush();
  return result;
}

/** Weihai: sections 一、二、三 and their items (一)… as `二（三）`. */
function sections(pack) {
  const result = new Map();
  let section;
  let item;
  const flush = () => {
    if (section) result.set(section.key, joinFragments(section.lines));
    if (item) result.set(item.key, joinFragments(item.lines));
  };
  for (const line of lines(pack)) {
    const s = sectionHead.exec(line);
    if (s && cnDigits.includes(s[1][0])) {
      flush();
      section = { key: s[1], lines: [line] };
      result.set(section.key, '');
      item = undefined;
      continue;
    }
    if (!section) continue;
    const c = clauseHead.exec(line);
    if (c) {
      if (item) result.set(item.key, joinFragments(item.lines));
      const normalised = line.replace(/^\((\S+?)\)\s*/, '（$1）');
      item = { key: `${section.key}（${c[1]}）`, lines: [normalised] };
      section.lines.push(normalised);
      continue;
    }
    section.lines.push(line);
    if (item) item.lines.push(line);
  }
  flush();
  return result;
}

/** Jiangsu: numbered items `7` and their sub-items `7（1）` (brackets lost in extraction; numbered in sequence). */
function items(pack) {
  const result = new Map();
  let item;
  let sub;
  const flush = () => {
    if (item) result.set(item.key, joinFragments(item.lines));
    if (sub) result.set(sub.key, joinFragments(sub.lines));
  };
  for (const line of lines(pack)) {
    if (sectionHead.test(line)) {
      flush();
      item = undefined;
      sub = undefined;
      continue;
    }
    const head = itemHead.exec(line);
    if (head && (!item || Number(head[1]) === Number(item.key) + 1)) {
      flush();
      item = { key: head[1], lines: [line.slice(head[0].length)], next: 1 };
      result.set(item.key, '');
      sub = undefined;
      continue;
    }
    if (!item) continue;
    const s = subItemHead.exec(line);
    if (s && Number(s[1]) === item.next) {
      if (sub) result.set(sub.key, joinFragments(sub.lines));
      sub = { key: `${item.key}（${s[1]}）`, lines: [line] };
      item.next += 1;
      item.lines.push(line);
      continue;
    }
    item.lines.push(line);
    if (sub) sub.lines.push(line);
  }
  flush();
  return result;
}

const quote = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

for (const pack of packs) {
  const parse = { articles, sections, items }[pack.style];
  const map = parse(pack);
  const body = [...map].map(([k, v]) => `    ${quote(k)}:\n      ${quote(v)},`).join('\n');
  const source = `// Generated by scripts/generate-texts.mjs from sources/${pack.name}.txt. Do not edit by hand.
import type { ArticleTexts } from './types.js';

export const ${pack.exportName ?? pack.name}Texts: ArticleTexts = {
  packCode: ${quote(pack.code)},
  document: ${quote(pack.document)},
  source: ${quote(`sources/${pack.name}.txt`)},
  articles: {
${body}
  },
};
`;
  writeFileSync(join(out, `${pack.name}.ts`), source);
  console.log(`${pack.name}: ${map.size} articles`);
}
