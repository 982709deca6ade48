/** The documents a text cites by name in 《》, in order of first mention, without the brackets. */
export function findDocuments(text: string): string[] {
  const titles = [...text.matchAll(/《([^《》]+)》/gu)].map((m) => m[1]);
  return [...new Set(titles)];
}
