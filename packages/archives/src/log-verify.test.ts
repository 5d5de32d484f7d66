import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonEnd } from './canonical-json.js';
import {
  buildLog,
  type CustodyEventInput,
  type CustodyLogEntry,
  entryHash,
  generateSigningKey,
  signCheckpoint,
} from './custody-log.js';
import { formatLogLine, parseLogLines, verifyLog, verifyLogBytes, verifyLogText } from './log-verify.js';

// verifyLogText checks lines that are exactly what `log export` writes straight from their bytes;
// these tests hold it to the same result as verifyLog over the parsed lines, line for line.
const events: CustodyEventInput[] = [
  {
    at: '2024-03-01T09:00:00+08:00',
    actor: 'w-li',
    action: 'archive.file',
    payload: { referenceCode: 'X007-WS·2023-Y-BGS-0001' },
  },
  {
    at: '2024-03-02T10:00:00+08:00',
    actor: '李明',
    action: 'archive.lend',
    payload: { borrower: 'w-wang', dueOn: '2024-03-09', copies: 2 },
  },
  {
    at: '2024-03-05T15:30:00Z',
    actor: 'w-li',
    action: 'archive.return',
    payload: { nested: { b: [1, -2, null, true, false, 'x'], a: {} }, '10': 1, '9': 2 },
  },
  {
    at: '2024-03-06T08:45:00+08:00',
    actor: 'w-zhao',
    action: 'seal.use.request',
    payload: { ratio: 0.5, big: 1e21, note: 'say "hi"\n' },
  },
  { at: '2024-03-06T09:10:00+08:00', actor: 'w-sun', action: 'seal.use.approve', payload: {} },
  {
    at: '2024-03-06T09:20:00+08:00',
    actor: 'w-li',
    action: 'seal.use.stamp',
    payload: { emoji: '印😀', list: [] },
  },
];
const log = buildLog(events);
const signer = generateSigningKey();
const checkpoint = signCheckpoint(log, {
  privateKey: signer.privateKey,
  at: '2024-03-07T00:00:00Z',
  size: 5,
});
const trusted = { trustedPublicKeys: [signer.publicKey] };
const lines = log.map((entry) => formatLogLine(entry));

function bothWays(text: string) {
  const fromText = verifyLogText(text, checkpoint, trusted);
  expect(fromText).toEqual(verifyLog(parseLogLines(text), checkpoint, trusted));
  return fromText;
}

function withLine(index: number, line: string): string {
  const copy = [...lines];
  copy[index] = line;
  return `${copy.join('\n')}\n`;
}

describe('verifyLogText gives the result verifyLog gives', () => {
  it('on an intact export, including payloads only the general path can vouch for', () => {
    expect(bothWays(`${lines.join('\n')}\n`)).toMatchObject({ ok: true, size: 5, entries: 6 });
    expect(bothWays(lines.join('\r\n'))).toMatchObject({ ok: true });
  });

  it('on a line that is valid but not canonical: escaped characters or spacing', () => {
    const escaped = (lines[0] as string).replace('·', '\\u00b7');
    expect(bothWays(withLine(0, escaped))).toMatchObject({ ok: true });
    const spaced = (lines[1] as string).replace('"actor":', '"actor": ');
    expect(bothWays(withLine(1, spaced))).toMatchObject({ ok: true });
  });

  it('on a non-canonical line whose hash was recomputed over its own bytes', () => {
    // Payload members out of order, and `hash` set to SHA-256 of exactly these bytes without it:
    // the bytes match the hash, yet the entry's canonical content does not, so it is altered.
    const content =
      '{"action":"archive.lend","actor":"李明","at":"2024-03-02T10:00:00+08:00","payload":{"dueOn":"2024-03-09","borrower":"w-wang","copies":2},"prevHash":"' +
      `${log[0]?.hash}","seq":2}`;
    const forgedHash = hash('sha256', content, 'hex');
    const line = content.replace(',"payload":', `,"hash":"${forgedHash}","payload":`);
    expect(bothWays(withLine(1, line))).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 2 } });
  });

  it('on a prevHash that names the entry before in upper-case hex, the line otherwise intact', () => {
    // The fast path compares each prevHash with the digits of the line before, proven to be that
    // line's digest in lower-case hex; other spellings of the same digest are still refused.
    const entry = log[2] as CustodyLogEntry;
    const { hash: _old, ...content } = { ...entry, prevHash: entry.prevHash.toUpperCase() };
    const line = formatLogLine({ ...content, hash: entryHash(content) });
    expect(bothWays(withLine(2, line))).toMatchObject({ ok: false, problem: { kind: 'malformed-entry' } });
    const next = log[3] as CustodyLogEntry;
    const { hash: _next, ...nextContent } = { ...next, prevHash: next.prevHash.toUpperCase() };
    const nextLine = formatLogLine({ ...nextContent, hash: entryHash(nextContent) });
    expect(bothWays(withLine(3, nextLine))).toMatchObject({
      ok: false,
      problem: { kind: 'malformed-entry' },
    });
  });

  it('on a hash written with one upper-case digit, every digit else the entry hash', () => {
    // The digest is compared with the digits two bytes at a time; an upper-case pair spells the
    // same byte but is not the lower-case hex the format demands.
    const line = lines[1] as string;
    const digits = log[1]?.hash as string;
    const at = digits.search(/[a-f]/);
    const upper = `${digits.slice(0, at)}${(digits[at] as string).toUpperCase()}${digits.slice(at + 1)}`;
    expect(bothWays(withLine(1, line.replace(digits, upper)))).toMatchObject({
      ok: false,
      problem: { kind: 'malformed-entry', seq: 2, line: 2 },
    });
  });

  it('on payloads with string members beside nested objects, each changed by one byte', () => {
    // Line 3 holds nested objects and arrays, line 2 a flat payload of strings and a number.
    const nested = (lines[2] as string).replace('"x"', '"y"');
    expect(bothWays(withLine(2, nested))).toMatchObject({ problem: { kind: 'altered', seq: 3 } });
    const flat = (lines[1] as string).replace('"w-wang"', '"w-wanG"');
    expect(bothWays(withLine(1, flat))).toMatchObject({ problem: { kind: 'altered', seq: 2 } });
    const unordered = (lines[1] as string).replace(
      '{"borrower":"w-wang","copies":2,"dueOn":"2024-03-09"}',
      '{"borrower":"w-wang","dueOn":"2024-03-09","copies":2}',
    );
    // Members out of order parse to the same entry: not canonical, so the general path vouches for it.
    expect(unordered).not.toBe(lines[1]);
    expect(bothWays(withLine(1, unordered))).toMatchObject({ ok: true, entries: 6 });
  });

  it('on a file whose fast run stops at a line only the general path vouches for, then resumes', () => {
    // Line 4 has a fraction in its payload: after it, lines are checked from their bytes again.
    expect(bothWays(`${lines.join('\n')}\n`)).toMatchObject({ ok: true, entries: 6 });
    const tail = (lines[5] as string).replace('"seq":6}', '"seq":6} ');
    expect(bothWays(withLine(5, tail))).toMatchObject({ ok: true, entries: 6 });
    expect(bothWays(withLine(4, (lines[4] as string).replace('seal.use', 'seal.usf')))).toMatchObject({
      problem: { kind: 'altered', seq: 5 },
    });
  });

  it('on altered, reordered, dropped and broken lines', () => {
    expect(bothWays(withLine(1, (lines[1] as string).replace('"copies":2', '"copies":3')))).toMatchObject({
      problem: { kind: 'altered', seq: 2 },
    });
    const swapped = [...lines];
    [swapped[2], swapped[3]] = [swapped[3] as string, swapped[2] as string];
    expect(bothWays(swapped.join('\n'))).toMatchObject({ problem: { kind: 'reordered' } });
    expect(bothWays(lines.filter((_, index) => index !== 2).join('\n'))).toMatchObject({
      problem: { kind: 'dropped', seq: 3 },
    });
    expect(bothWays(withLine(3, '{"seq": 4'))).toMatchObject({
      problem: { kind: 'malformed-entry', line: 4 },
    });
    expect(bothWays(withLine(3, (lines[3] as string).replace('"seq":4}', '"seq":04}')))).toMatchObject({
      problem: { kind: 'malformed-entry' },
    });
    expect(bothWays(lines.slice(0, 3).join('\n'))).toMatchObject({ problem: { kind: 'dropped', seq: 4 } });
  });
});

describe('an entry with a hash that matches, but fields the schema refuses', () => {
  // What a faulty or forged writer could sign: every byte hashes as stated, yet the entry is not one.
  it.each([
    ['an empty actor', { actor: '' }],
    ['a time without its offset', { at: '2024-03-06T09:20:00' }],
    ['a time that is no date', { at: '2024-02-30T09:20:00+08:00' }],
    ['an action that is not a dotted name', { action: 'Seal.Use' }],
  ])('%s is malformed, from bytes as from parsed lines', (_, change) => {
    const last = { ...(log[5] as CustodyLogEntry), ...change };
    const line = formatLogLine({ ...last, hash: entryHash(last) });
    expect(bothWays(withLine(5, line))).toMatchObject({
      ok: false,
      problem: { kind: 'malformed-entry', seq: 6 },
    });
  });
});

describe('verifyLogBytes (what `shequ log verify` runs on the file)', () => {
  it('gives the result of the text it encodes', () => {
    const intact = `${lines.join('\n')}\n`;
    expect(verifyLogBytes(Buffer.from(intact), checkpoint, trusted)).toEqual(bothWays(intact));
    const altered = withLine(1, (lines[1] as string).replace('李明', '李敏'));
    expect(verifyLogBytes(Buffer.from(altered), checkpoint, trusted)).toMatchObject({
      ok: false,
      problem: { kind: 'altered', seq: 2 },
    });
  });

  it('reads a file that is not well-formed UTF-8 as a decoder would, and finds the damaged entry', () => {
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const actor = bytes.indexOf(Buffer.from('李明'));
    bytes[actor] = 0xff; // no UTF-8 sequence starts with 0xFF: the character decodes as U+FFFD
    expect(verifyLogBytes(bytes, checkpoint, trusted)).toEqual(
      verifyLog(parseLogLines(bytes.toString('utf8')), checkpoint, trusted),
    );
    expect(verifyLogBytes(bytes, checkpoint, trusted)).toMatchObject({
      problem: { kind: 'altered', seq: 2 },
    });
  });
});

describe('a change of any one byte of an export', () => {
  it('is caught, with the problem verifyLog names for the decoded text', () => {
    const intact = Buffer.from(`${lines.join('\n')}\n`);
    let tried = 0;
    for (let at = 0; at < intact.length; at += 1) {
      // A line break turned into "\r" still ends a line ("\r\n" exports verify): not a change.
      if (intact[at] === 0x0a) continue;
      for (const replacement of [(intact[at] as number) ^ 0x01, 0x22, 0x20]) {
        if (replacement === intact[at]) continue;
        const bytes = Buffer.from(intact);
        bytes[at] = replacement;
        const result = verifyLogBytes(bytes, checkpoint, trusted);
        expect(result.ok, `byte ${at} → 0x${replacement.toString(16)}`).toBe(false);
        expect(result).toEqual(verifyLog(parseLogLines(bytes.toString('utf8')), checkpoint, trusted));
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThan(2 * intact.length);
  });
});

describe('canonicalJsonEnd', () => {
  it('accepts only text that is the canonical form of what it parses to', () => {
    const samples = [
      '{}',
      '[]',
      '{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
      '{"b":1,"a":2}',
      '{"a":1,"a":2}',
      '{"10":1,"9":2}',
      '{"9":2,"10":1}',
      '-0',
      '0',
      '-12',
      '012',
      '1.5',
      '1.0',
      '1e2',
      '123456789012345',
      '1234567890123456',
      '"é"',
      '"\\u00e9"',
      '"a\\"b"',
      '{"a" :1}',
      '{"a":1,}',
      '[1,]',
      '"\ud800"',
      '{"é":1,"z":2}',
      '{"z":1,"é":2}',
      '"😀"',
      '{"😀":1,"\uffff":2}',
      '{"\uffff":1,"😀":2}',
      'nul',
      'true',
      '[[[[]]]]',
    ];
    // The scanner reads well-formed UTF-8 only; a lone surrogate cannot reach it.
    const scanned = samples.filter((text) => !/\p{Cs}/u.test(text));
    const accepts = (text: string) => {
      const bytes = Buffer.from(text, 'utf8');
      return canonicalJsonEnd(bytes, 0) === bytes.length;
    };
    for (const text of scanned) {
      if (accepts(text)) expect(canonicalJson(JSON.parse(text)), text).toBe(text);
    }
    const acceptedSamples = scanned.filter(accepts);
    expect(acceptedSamples).toEqual([
      '{}',
      '[]',
      '{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
      '{"10":1,"9":2}',
      '0',
      '-12',
      '123456789012345',
      '"é"',
      '{"z":1,"é":2}',
      '"😀"',
      'true',
      '[[[[]]]]',
    ]);
  });
});

describe('a change of one byte anywhere in an entry of a log as `log export` writes it', () => {
  // Entries of the everyday shape, every one checked straight from its bytes when intact, so the
  // byte-level checks are what has to catch the change.
  const everyday = buildLog(
    Array.from({ length: 7 }, (_, i) => ({
      at: `2026-01-0${i + 1}T08:${String(10 + i).padStart(2, '0')}:00.000Z`,
      actor: `xs-worker-${i}`,
      action: i % 2 === 0 ? 'archive.lend' : 'seal.use.stamp',
      payload: { copies: i + 1, item: `item-${i}`, referenceCode: `X007-WS·2025-D30-JWH-000${i}` },
    })),
  );
  const everydayCheckpoint = signCheckpoint(everyday, {
    privateKey: signer.privateKey,
    at: '2026-01-08T00:00:00Z',
    size: 5,
  });
  const everydayLines = everyday.map((entry) => formatLogLine(entry));
  const intact = Buffer.from(`${everydayLines.join('\n')}\n`);

  it('verifies intact', () => {
    expect(verifyLogBytes(intact, everydayCheckpoint, trusted)).toMatchObject({ ok: true, entries: 7 });
  });

  // The third entry is covered by the checkpoint, the sixth only by the chain.
  it.each([2, 5])(
    'fails at that entry (line %i counted from 0), with the problem verifyLog names',
    (index) => {
      const lineStart = everydayLines
        .slice(0, index)
        .reduce((at, line) => at + Buffer.byteLength(line) + 1, 0);
      const lineEnd = lineStart + Buffer.byteLength(everydayLines[index] as string);
      let tried = 0;
      for (let at = lineStart; at < lineEnd; at += 1) {
        for (const replacement of [(intact[at] as number) ^ 0x01, 0x22, 0x20, 0x30, 0x0a]) {
          if (replacement === intact[at]) continue;
          const bytes = Buffer.from(intact);
          bytes[at] = replacement;
          const result = verifyLogBytes(bytes, everydayCheckpoint, trusted);
          const change = `byte ${at - lineStart} of the line → 0x${replacement.toString(16)}`;
          expect(result.ok, change).toBe(false);
          if (result.ok) continue;
          expect(result.problem.line, change).toBe(index + 1);
          expect(result, change).toEqual(
            verifyLog(parseLogLines(bytes.toString('utf8')), everydayCheckpoint, trusted),
          );
          tried += 1;
        }
      }
      expect(tried).toBeGreaterThan(4 * (lineEnd - lineStart) - 10);
    },
  );
});
