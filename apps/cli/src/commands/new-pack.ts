/**
 * `shequ new-pack DIR --code CODE --parent CODE --name NAME [--package NPM_NAME]`: scaffolds a
 * standalone pack package in DIR — package.json, TypeScript settings, the pack, its table tests
 * (`@shequ/policy/testing`), a README and a CI workflow — that builds and tests from npm alone
 * (packages/policy/GUIDE.md). The code and parent are checked as loading will check them: the parent
 * must be a pack there is, and the code must nest under it and be free.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { definePack, PackDefinitionError, shippedRegistry } from '@shequ/policy';
import { UsageError } from '../usage.js';
import { optionalString, parseOptions } from './check.js';

export const summary =
  '生成一个独立的政策包项目（含测试与 CI）：new-pack 目录 --code 代码 --parent 上级代码 --name 名称';

const USAGE =
  '用法: shequ new-pack 目录 --code 辖区代码 --parent 上级政策包代码 --name 辖区名称 [--package npm包名]';

/** The version of `@shequ/policy` this command runs with: the scaffold depends on it. */
function policyVersion(): string {
  // Both the source entry (src/index.ts) and the build (dist/index.js) sit one folder below the package.
  const entry = fileURLToPath(import.meta.resolve('@shequ/policy'));
  const manifest = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    code: { type: 'string' },
    parent: { type: 'string' },
    name: { type: 'string' },
    package: { type: 'string' },
  });
  const problems: string[] = [];
  const code = optionalString(values.code);
  const parent = optionalString(values.parent);
  const name = optionalString(values.name);
  if (positionals.length !== 1) problems.push(`目录: 请给出一个要创建的目录。${USAGE}`);
  if (code === undefined) problems.push('--code: 必填（本辖区的行政区划代码，6 位或 9 位）');
  if (parent === undefined) problems.push('--parent: 必填（所扩展的政策包代码，见 shequ jurisdictions）');
  if (name === undefined) problems.push('--name: 必填（辖区名称，如 鄂城区）');
  if (problems.length > 0 || code === undefined || parent === undefined || name === undefined)
    throw new UsageError(problems);
  const dir = positionals[0] as string;
  if (existsSync(dir) && (await readdir(dir)).length > 0)
    throw new UsageError([`目录: ${dir} 已存在且不为空`]);

  const document = `${name}（请填写文件标题）`;
  try {
    // The pack as the scaffold defines it must load as `--pack` will load it.
    shippedRegistry.with([
      definePack({ code, name, parent, documents: [{ title: document, inForceFrom: '2025-01-01' }] }),
    ]);
  } catch (error) {
    if (error instanceof PackDefinitionError) throw new UsageError([error.message.split('\n').join('；')]);
    throw error;
  }
  const packageName = optionalString(values.package) ?? `shequ-pack-${code}`;
  const files = scaffold({ code, parent, name, document, packageName, policy: policyVersion() });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  process.stdout.write(
    `已创建 ${dir}：${Object.keys(files).join('、')}\n下一步：cd ${dir} && npm install && npm test\n`,
  );
  return 0;
}

interface ScaffoldOptions {
  code: string;
  parent: string;
  name: string;
  document: string;
  packageName: string;
  policy: string;
}

/** The files of a new pack package, by path. */
export function scaffold(o: ScaffoldOptions): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'package.json': json({
      name: o.packageName,
      version: '0.1.0',
      description: `${o.name}（${o.code}）的社区工作政策包，基于 @shequ/policy`,
      license: 'MIT',
      type: 'module',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      files: ['dist', 'README.md'],
      engines: { node: '>=20.19' },
      scripts: { build: 'tsc -p tsconfig.build.json', typecheck: 'tsc --noEmit', test: 'vitest run' },
      dependencies: { '@shequ/policy': `^${o.policy}` },
      devDependencies: { '@types/node': '^20.19.0', typescript: '^5.9.0', vitest: '^4.1.0' },
    }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2023',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        declaration: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
      },
      include: ['src'],
    }),
    'tsconfig.build.json': json({
      extends: './tsconfig.json',
      compilerOptions: { noEmit: false, outDir: 'dist', rootDir: 'src' },
      exclude: ['src/**/*.test.ts'],
    }),
    'src/index.ts': `/**
 * ${o.name}（${o.code}）的政策包，扩展 ${o.parent}。写法见 @shequ/policy 的 GUIDE.zh-CN.md（为你的城市编写政策包）。
 */
import { citeFrom, definePack } from '@shequ/policy';

/** 文件标题，与原文完全一致。 */
export const DOCUMENT = '${o.document}';
const cite = citeFrom(DOCUMENT); // cite('第三条', '原文，一字不改')
const IN_FORCE = '2025-01-01'; // 文件施行日期

export const pack = definePack({
  code: '${o.code}',
  name: '${o.name}',
  parent: '${o.parent}',
  documents: [{ title: DOCUMENT, inForceFrom: IN_FORCE }],
  parameters: [],
  overrides: [], // replaceParameter / replaceRule / disableRule，各附本文件的出处 cite(…)
  rules: [], // check({ id: '<包名>.<名称>', title, citation: cite(…), binding, facts, evaluate })
});


/** \`shequ check --pack\` 与服务端 SHEQU_PACKS 读取默认导出。 */
export default pack;
`,
    'src/pack.test.ts': `import { packChain, shippedRegistry } from '@shequ/policy';
import { packCases } from '@shequ/policy/testing';
import { describe, expect, it } from 'vitest';
import { pack } from './index.js';

describe('${o.name}', () => {
  it('与上级政策包组合后适用于本辖区的社区', () => {
    const registry = shippedRegistry.with([pack]);
    expect(registry.packChain('${o.code}').at(-1)).toBe(pack);
  });
});

// 每条规则一组用例：某日一个社区的事实 → 各规则应得的状态（pass、fail、warn、not-applicable、unknown）。
packCases('${o.name} 规则', [...packChain('${o.parent}'), pack], [
  // { name: '…', asOf: '2025-06-30', facts: { households: 2600 }, expect: { '<包名>.<名称>': 'pass' } },
]);
`,
    'README.md': `# ${o.packageName}

${o.name}（${o.code}）的社区工作政策包，扩展 \`${o.parent}\`，基于 [@shequ/policy](https://www.npmjs.com/package/@shequ/policy)。

\`\`\`sh
npm install
npm test          # 表格用例（@shequ/policy/testing）
npm run build     # dist/index.js
npx shequ check --pack ./dist/index.js 社区快照.json
\`\`\`

版本：参数取值改变、新增规则为 minor；规则编号改名或删除为 major。请在此记录规则变更（新增、修改、删除及日期）。
`,
    '.github/workflows/ci.yml': `name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install
      - run: npm run typecheck
      - run: npm test
      - run: npm run build
`,
  };
}
