/** `text` for a LIKE / ILIKE pattern: its own `%`, `_` and backslash match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
