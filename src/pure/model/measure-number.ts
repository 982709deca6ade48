/**
 * How a measure's number is written in its entry's file name and in its page's address: at
 * least two digits, so that files and addresses sort in the report's order (`07.md`,
 * `measures/07/`; `1000.md` past 99).
 */
export const paddedNumber = (n: number): string => String(n).padStart(2, '0');

/** The file of measure `n`'s entry in content/measures/: `07.md`, or `07.mdx`. */
export const measureFileName = (n: number, mdx = false): string => `${paddedNumber(n)}${mdx ? '.mdx' : '.md'}`;

/** The number of the measure whose entry a file name is (`07.md`, `7.mdx` → 7), or undefined for another name. */
export const numberOfFileName = (name: string): number | undefined => {
  const digits = /^(\d+)\.mdx?$/i.exec(name)?.[1];
  return digits === undefined ? undefined : Number(digits);
};

/** `（12）`: the measure's number the way the site prints it, in full-width brackets. */
export const measureLabel = (n: number): string => `（${n}）`;
