/**
 * `pnpm bench`: every speed goal of the project, measured on this machine in one run.
 * Each topic module prints its own figures; pass topic names to run only some
 * (`pnpm bench policy log`).
 */
const topics: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  import: () => import('./import.js'),
  load: () => import('./load.js'),
  log: () => import('./log.js'),
  policy: () => import('./policy.js'),
  assessment: () => import('./assessment.js'),
  transfer: () => import('./transfer.js'),
  'people-import': () => import('./people-import.js'),
  services: () => import('./services.js'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length > 0 ? wanted : Object.keys(topics)) {
  const load = topics[name];
  if (!load) {
    process.stderr.write(`未知的基准测试: ${name}（可用: ${Object.keys(topics).join(', ')}）\n`);
    process.exitCode = 2;
    continue;
  }
  process.stdout.write(`\n## ${name}\n`);
  const topic = await load();
  await topic.run();
}
