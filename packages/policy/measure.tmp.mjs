import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
const script = `
import { checkCommunity } from '@shequ/policy';
globalThis.report = checkCommunity(
  { code: '420702001001', name: '示例社区', asOf: '2025-06-30', facts: { households: 2600 } },
  { jurisdiction: '420700' },
);
`;
const result = await build({ stdin: { contents: script, resolveDir: process.cwd() + '/src', loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'browser', conditions: ['@shequ/source'], write: false, metafile: true, logLevel: 'silent', external: process.env.EXT ? process.env.EXT.split(',') : [] });
const code = result.outputFiles[0].text;
console.log('total', (code.length/1024).toFixed(0), 'KB', (gzipSync(code).length/1024).toFixed(1), 'KB gzip');
const inputs = Object.entries(result.metafile.outputs)[0][1].inputs;
const groups = {};
for (const [f, v] of Object.entries(inputs)) { const k = f.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//,'').split('/').slice(0, process.argv[2]==='fine'?10:3).join('/'); groups[k]=(groups[k]||0)+v.bytesInOutput; }
for (const [k,v] of Object.entries(groups).sort((a,b)=>b[1]-a[1]).slice(0,40)) console.log((v/1024).toFixed(1).padStart(7), k);
