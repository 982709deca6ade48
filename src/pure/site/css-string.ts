/**
 * Text as a CSS string literal, for the one place the site writes report text into a stylesheet:
 * the running head of the printed pages (`@page { @top-center { content: … } }`), which CSS can
 * only take from a string. Quotes and backslashes are escaped, a line break becomes `\a`, and `<`
 * is escaped so the text can never close the <style> element it stands in.
 */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, '\\a ')
    .replace(/</g, '\\3c ');
  return `"${escaped}"`;
}
