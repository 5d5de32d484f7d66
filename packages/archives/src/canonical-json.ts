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
 * Where the canonical JSON value starting at `text[start]` ends, or -1 when the text there is not
 * one this scanner can vouch for. Used to check an exported log line without parsing it.
 *
 * It accepts only a subset of RFC 8785 output whose canonical form is obvious from the text:
 * strings without escapes, control characters or surrogates (JSON.stringify, and so RFC 8785
 * §3.2.2.2, prints such a string as it stands); integers of at most 15 digits, no leading zero, no
 * `-0` (ECMAScript prints every such number as those digits); true, false, null; arrays; objects
 * whose keys are such strings in strictly increasing UTF-16 order (no duplicates) — all without
 * whitespace. Whatever it accepts is valid JSON and equals `canonicalJson(JSON.parse(text))`;
 * whatever it refuses (fractions, escapes, deep nesting…) the caller checks the slow way.
 */
export function canonicalJsonEnd(text: string, start: number, depth = 0): number {
  const code = text.charCodeAt(start);
  if (code === QUOTE) {
    const end = plainStringEnd(text, start + 1);
    return end < 0 ? -1 : end + 1;
  }
  if (code === 0x2d /* - */ || (code >= 0x30 && code <= 0x39)) return integerEnd(text, start);
  if (code === 0x74 /* t */) return text.startsWith('true', start) ? start + 4 : -1;
  if (code === 0x66 /* f */) return text.startsWith('false', start) ? start + 5 : -1;
  if (code === 0x6e /* n */) return text.startsWith('null', start) ? start + 4 : -1;
  if (depth >= MAX_SCAN_DEPTH) return -1;
  if (code === 0x5b /* [ */) {
    let at = start + 1;
    if (text.charCodeAt(at) === 0x5d /* ] */) return at + 1;
    for (;;) {
      at = canonicalJsonEnd(text, at, depth + 1);
      if (at < 0) return -1;
      const next = text.charCodeAt(at);
      if (next === 0x5d) return at + 1;
      if (next !== COMMA) return -1;
      at += 1;
    }
  }
  if (code === 0x7b /* { */) {
    let at = start + 1;
    if (text.charCodeAt(at) === 0x7d /* } */) return at + 1;
    let previousKeyStart = -1;
    let previousKeyEnd = -1;
    for (;;) {
      if (text.charCodeAt(at) !== QUOTE) return -1;
      const keyStart = at + 1;
      const keyEnd = plainStringEnd(text, keyStart);
      if (keyEnd < 0) return -1;
      if (previousKeyStart >= 0 && !rangeLess(text, previousKeyStart, previousKeyEnd, keyStart, keyEnd))
        return -1;
      if (text.charCodeAt(keyEnd + 1) !== 0x3a /* : */) return -1;
      at = canonicalJsonEnd(text, keyEnd + 2, depth + 1);
      if (at < 0) return -1;
      previousKeyStart = keyStart;
      previousKeyEnd = keyEnd;
      const next = text.charCodeAt(at);
      if (next === 0x7d) return at + 1;
      if (next !== COMMA) return -1;
      at += 1;
    }
  }
  return -1;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
/** Deeper nesting is left to the general path rather than risk the call stack. */
const MAX_SCAN_DEPTH = 32;

/**
 * The index of the `"` closing a string whose characters start at `start`, or -1 if the string
 * holds a backslash, a control character or a surrogate, or never closes.
 */
export function plainStringEnd(text: string, start: number): number {
  for (let at = start; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) return at;
    if (code < 0x20 || code === 0x5c /* \ */ || (code >= 0xd800 && code <= 0xdfff)) return -1;
  }
  return -1;
}

function integerEnd(text: string, start: number): number {
  let at = text.charCodeAt(start) === 0x2d ? start + 1 : start;
  const first = text.charCodeAt(at);
  if (first === 0x30) {
    // "0" alone; "-0" prints as "0", and "01" is not JSON.
    if (at > start) return -1;
    at += 1;
  } else {
    if (!(first >= 0x31 && first <= 0x39)) return -1;
    const digitsStart = at;
    while (at < text.length && isDigit(text.charCodeAt(at))) at += 1;
    if (at - digitsStart > 15) return -1;
  }
  const next = text.charCodeAt(at);
  // A fraction or exponent may print differently (1.0 → 1, 1e2 → 100): not for this scanner.
  if (next === 0x2e || next === 0x65 || next === 0x45 || isDigit(next)) return -1;
  return at;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** `text[aStart, aEnd) < text[bStart, bEnd)` by UTF-16 code units, the order RFC 8785 §3.2.3 sorts keys by. */
function rangeLess(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  const common = Math.min(aLength, bLength);
  for (let i = 0; i < common; i += 1) {
    const a = text.charCodeAt(aStart + i);
    const b = text.charCodeAt(bStart + i);
    if (a !== b) return a < b;
  }
  return aLength < bLength;
}
