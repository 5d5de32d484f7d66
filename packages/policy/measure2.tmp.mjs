import { build } from 'esbuild';
const script = `import { checkCommunity } from '@shequ/policy'; globalThis.r = checkCommunity({ code: '420702001001', name: 'x', asOf: '2025-06-30', facts: { households: 2600 } }, { jurisdiction: '420700' });`;
const result = await build({ stdin: { contents: script, resolveDir: process.cwd() + '/src', loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'browser', conditions: ['@shequ/source'], write: false, metafile: true, logLevel: 'silent' });
const inputs = Object.entries(result.metafile.outputs)[0][1].inputs;
for (const [f, v] of Object.entries(inputs)) if (!f.includes('node_modules') && v.bytesInOutput>0) console.log(f);
