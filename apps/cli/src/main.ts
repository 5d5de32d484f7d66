/**
 * `shequ` — the command line of Shequ (docs/interfaces.md §3, §4).
 * Each command lives in `commands/<name>.ts` and exports `run(args): Promise<number>`,
 * returning the process exit status; commands are loaded lazily so `shequ check`
 * never pays for opening a database.
 */
import { UsageError } from './usage.js';

type Command = { run(args: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<Command>> = {
  assess: () => import('./commands/assess.js'),
  check: () => import('./commands/check.js'),
  demo: () => import('./commands/demo.js'),
  diff: () => import('./commands/diff.js'),
  explain: () => import('./commands/explain.js'),
  impact: () => import('./commands/impact.js'),
  import: () => import('./commands/import.js'),
  log: () => import('./commands/log.js'),
  'new-pack': () => import('./commands/new-pack.js'),
  snapshot: () => import('./commands/snapshot.js'),
  jurisdictions: () => import('./commands/jurisdictions.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(
      `用法: shequ <命令> [选项]\n命令: ${Object.keys(commands).join(', ')}\n详见 apps/cli/README.md\n`,
    );
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`未知命令: ${name}（可用: ${Object.keys(commands).join(', ')}）\n`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      for (const line of error.problems) process.stderr.write(`${line}\n`);
      process.exitCode = 2;
      return;
    }
    // Another process holds the data folder (docs/interfaces.md §8): its one line, status 1. Matched by name so
    // that commands without a database never load the db package.
    if (error instanceof Error && error.name === 'DataFolderLocked') {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
