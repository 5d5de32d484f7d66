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
