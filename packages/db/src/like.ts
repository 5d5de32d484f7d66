/** `text` for a LIKE / ILIKE pattern: its own `%`, `_` and backslash match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The pieces of a search text that the name index (`communities.name_grams`) holds: the text itself
 * when it is one character, else each two-character piece. A name containing the text contains
 * every piece, so the index narrows the search and `ILIKE` confirms the order.
 */
export function nameSearchGrams(text: string): string[] {
  const characters = Array.from(text.toLowerCase());
  if (characters.length <= 1) return characters;
  const pieces = new Set<string>();
  for (let i = 0; i + 1 < characters.length; i++) pieces.add(`${characters[i]}${characters[i + 1]}`);
  return [...pieces];
}
