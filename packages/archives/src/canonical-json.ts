/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): object members sorted by UTF-16 code units, no
 * whitespace, numbers as ECMAScript prints them. The `canonicalize` package is the reference
 * implementation by the RFC's authors; this wrapper turns its `undefined` (for input that has no
 * JSON form at all) into an error, so a hash is never taken of the string "undefined".
 */
import canonicalize from 'canonicalize';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('该值没有 JSON 表示（undefined、函数或 symbol），无法规范化');
  return text;
}

/**
 * Where the canonical JSON value starting at `bytes[start]` ends, or -1 when the bytes there are
 * not a value this scanner can vouch for. Used to check an exported log line without parsing it.
 * `bytes` must be well-formed UTF-8 (the caller checks the whole file once with `isUtf8`), so a
 * byte ≥ 0x80 is part of a character that is neither a control character nor a surrogate.
 *
 * It accepts only a subset of RFC 8785 output whose canonical form is obvious from the bytes:
 * strings without escapes or control characters (JSON.stringify, and so RFC 8785 §3.2.2.2, prints
 * such a string as it stands); integers of at most 15 digits, no leading zero, no `-0` (ECMAScript
 * prints every such number as those digits); true, false, null; arrays; objects whose keys are such
 * strings, without characters beyond U+FFFF, in strictly increasing order (for those keys UTF-8
 * byte order is RFC 8785's UTF-16 order) — all without whitespace. Whatever it accepts is valid
 * JSON and equals `canonicalJson(JSON.parse(text))`; whatever it refuses (fractions, escapes, deep
 * nesting…) the caller checks the slow way.
 */
export function canonicalJsonEnd(bytes: Uint8Array, start: number, depth = 0): number {
  const code = bytes[start];
  if (code === QUOTE) {
    const end = plainStringEnd(bytes, start + 1);
    return end < 0 ? -1 : end + 1;
  }
  if (code === undefined) return -1;
  if (code === 0x2d /* - */ || isDigit(code)) return integerEnd(bytes, start);
  if (code === 0x74 /* t */) return bytesAt(bytes, start, TRUE) ? start + 4 : -1;
  if (code === 0x66 /* f */) return bytesAt(bytes, start, FALSE) ? start + 5 : -1;
  if (code === 0x6e /* n */) return bytesAt(bytes, start, NULL) ? start + 4 : -1;
  if (depth >= MAX_SCAN_DEPTH) return -1;
  if (code === 0x5b /* [ */) {
    let at = start + 1;
    if (bytes[at] === 0x5d /* ] */) return at + 1;
    for (;;) {
      at = canonicalJsonEnd(bytes, at, depth + 1);
      if (at < 0) return -1;
      const next = bytes[at];
      if (next === 0x5d) return at + 1;
      if (next !== COMMA) return -1;
      at += 1;
    }
  }
  if (code === 0x7b /* { */) {
    let at = start + 1;
    if (bytes[at] === 0x7d /* } */) return at + 1;
    let previousKeyStart = -1;
    let previousKeyEnd = -1;
    for (;;) {
      if (bytes[at] !== QUOTE) return -1;
      const keyStart = at + 1;
      const keyEnd = plainBmpStringEnd(bytes, keyStart);
      if (keyEnd < 0) return -1;
      if (previousKeyStart >= 0 && !rangeLess(bytes, previousKeyStart, previousKeyEnd, keyStart, keyEnd))
        return -1;
      if (bytes[keyEnd + 1] !== 0x3a /* : */) return -1;
      // A string member, the usual kind in a flat payload, is scanned here without a call down.
      if (bytes[keyEnd + 2] === QUOTE) {
        const valueEnd = plainStringEnd(bytes, keyEnd + 3);
        at = valueEnd < 0 ? -1 : valueEnd + 1;
      } else {
        at = canonicalJsonEnd(bytes, keyEnd + 2, depth + 1);
      }
      if (at < 0) return -1;
      previousKeyStart = keyStart;
      previousKeyEnd = keyEnd;
      const next = bytes[at];
      if (next === 0x7d) return at + 1;
      if (next !== COMMA) return -1;
      at += 1;
    }
  }
  return -1;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');
/** Deeper nesting is left to the general path rather than risk the call stack. */
const MAX_SCAN_DEPTH = 32;

/** Whether `bytes` holds `expected` at `start`. */
export function bytesAt(bytes: Uint8Array, start: number, expected: Uint8Array): boolean {
  if (start + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i += 1) if (bytes[start + i] !== expected[i]) return false;
  return true;
}

/**
 * The index of the `"` closing a string whose UTF-8 bytes start at `start`, or -1 if the string
 * holds a backslash or a control character, or never closes.
 */
export function plainStringEnd(bytes: Uint8Array, start: number): number {
  for (let at = start; at < bytes.length; at += 1) {
    const code = bytes[at] as number;
    if (code === QUOTE) return at;
    if (code < 0x20 || code === 0x5c /* \ */) return -1;
  }
  return -1;
}

/**
 * `plainStringEnd` for an object key, also -1 when the key holds a character beyond U+FFFF (a
 * UTF-8 lead byte of 0xF0 or more), which UTF-16 sorts before U+E000–U+FFFF although UTF-8 sorts
 * it after. One pass over the key.
 */
function plainBmpStringEnd(bytes: Uint8Array, start: number): number {
  for (let at = start; at < bytes.length; at += 1) {
    const code = bytes[at] as number;
    if (code === QUOTE) return at;
    if (code < 0x20 || code === 0x5c /* \ */ || code >= 0xf0) return -1;
  }
  return -1;
}

function integerEnd(bytes: Uint8Array, start: number): number {
  let at = bytes[start] === 0x2d ? start + 1 : start;
  const first = bytes[at];
  if (first === 0x30) {
    // "0" alone; "-0" prints as "0", and "01" is not JSON.
    if (at > start) return -1;
    at += 1;
  } else {
    if (first === undefined || !(first >= 0x31 && first <= 0x39)) return -1;
    const digitsStart = at;
    while (at < bytes.length && isDigit(bytes[at] as number)) at += 1;
    if (at - digitsStart > 15) return -1;
  }
  const next = bytes[at];
  // A fraction or exponent may print differently (1.0 → 1, 1e2 → 100): not for this scanner.
  if (next === 0x2e || next === 0x65 || next === 0x45 || (next !== undefined && isDigit(next))) return -1;
  return at;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** `bytes[aStart, aEnd) < bytes[bStart, bEnd)` bytewise. */
function rangeLess(bytes: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  const common = Math.min(aLength, bLength);
  for (let i = 0; i < common; i += 1) {
    const a = bytes[aStart + i] as number;
    const b = bytes[bStart + i] as number;
    if (a !== b) return a < b;
  }
  return aLength < bLength;
}
