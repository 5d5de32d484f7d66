/**
 * Importing a province's worker roster (100,000 community workers in 1,000 communities) into a fresh
 * PostgreSQL database, as `spreadsheets.importWorkers` does after reading the file: the rows checked
 * under the roster sheet's headers (`parseWorkerTable`), then every entry checked against the stored
 * rosters and written in batches in one transaction (`importWorkers`). Reading the .xlsx itself is left
 * out: a file of this size is over the upload cap and is imported in parts, each read in well under a
 * second. Goal: under 60 s. Needs `DATABASE_URL` (a server where it may create and drop a database).
 */
import { randomUUID } from 'node:crypto';
import { communities, importWorkers } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { type Cell, parseWorkerTable, workerColumns } from '@shequ/facts-io';
import { fictionalIdNumber, rosterConflicts } from '@shequ/people';

const WORKERS = Number(process.env.SHEQU_BENCH_PEOPLE ?? 100_000);
const PER_COMMUNITY = 100;

function isoDay(offset: number): string {
  return new Date(Date.UTC(1966, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Community `n` of the bench's fictional province 99, 10 per street. */
function communityCode(n: number): string {
  return `990101${String(Math.floor(n / 10) + 1).padStart(3, '0')}${String((n % 10) + 1).padStart(3, '0')}`;
}

function sheet(): Cell[][] {
  const headers = ['社区代码', '姓名', '性别', '出生日期', '身份证号码', '岗位', '年薪（元）', '入职日期'];
  for (const h of headers) if (!workerColumns.some((c) => c.header === h)) throw new Error(`no column ${h}`);
  const rows: Cell[][] = [headers];
  for (let i = 0; i < WORKERS; i++) {
    // 20,000 birth dates × five odd sequence numbers: every identity number differs.
    const birthDate = isoDay(i % 20_000);
    const idNumber = fictionalIdNumber('370305', birthDate, Math.floor(i / 20_000) * 2 + 1);
    const post = i % 10 < 3 ? '两委成员' : i % 10 < 5 ? '网格员' : '专职工作者';
    rows.push([
      communityCode(Math.floor(i / PER_COMMUNITY)),
      `工作者${i}`,
      '男',
      birthDate,
      idNumber,
      post,
      60000,
      '2024-01-01',
    ]);
  }
  return rows;
}

export async function run(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    process.stdout.write('跳过：需要 DATABASE_URL 指向 PostgreSQL（将新建并删除一个数据库）\n');
    return;
  }
  const database = await createTestDatabase();
  try {
    const count = Math.ceil(WORKERS / PER_COMMUNITY);
    for (let start = 0; start < count; start += 1_000) {
      await database.db.insert(communities).values(
        Array.from({ length: Math.min(1_000, count - start) }, (_, k) => {
          const code = communityCode(start + k);
          return {
            code,
            name: `基准社区${start + k}`,
            provinceCode: '990000',
            cityCode: '990100',
            districtCode: '990101',
            streetCode: code.slice(0, 9),
            asOf: '2026-06-30',
          };
        }),
      );
    }
    const rows = sheet();
    const started = performance.now();
    const parsed = parseWorkerTable(rows);
    if (!parsed.ok) throw new Error(`表格有误：${JSON.stringify(parsed.problems.slice(0, 3))}`);
    const checked = performance.now();
    const workers = parsed.workers.map((w) => ({ ...w.worker, id: randomUUID() }));
    const result = await importWorkers(database.db, {
      actor: null,
      ip: null,
      at: new Date(),
      workers,
      check: (worker, others) => rosterConflicts(worker, others),
    });
    if (!result.ok) throw new Error(`导入被拒：${JSON.stringify(result.problems.slice(0, 3))}`);
    const done = performance.now();
    const seconds = (done - started) / 1000;
    process.stdout.write(
      `花名册导入（PostgreSQL）：${result.created} 名工作者，${count} 个社区；` +
        `逐行校验 ${((checked - started) / 1000).toFixed(1)} 秒，查重并写入（一个事务） ${((done - checked) / 1000).toFixed(1)} 秒，` +
        `合计 ${seconds.toFixed(1)} 秒（目标 < 60 秒）${seconds < 60 ? '' : ' ——未达标'}\n`,
    );
  } finally {
    await database.close();
  }
}
