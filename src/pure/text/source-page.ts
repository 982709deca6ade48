/**
 * Reads the source as published and gives its structure: the printed paragraphs, the logical
 * paragraphs after the column breaks are joined, the sections under their headings and the
 * numbered measures, numbered as the publication's settings say (`source.numbering`). The
 * importer, the checks, the source page and the fidelity tests all read the source through this
 * module, so there is one idea of what a paragraph is. What it cannot read it says, by line.
 */
import { numberingPattern, numeralValue } from '../model/numbering.ts';

/** A paragraph as printed: one non-empty line of the source file. */
export interface PrintedParagraph {
  /** 1-based position among the printed paragraphs; the source page numbers them the same way. */
  position: number;
  /** 1-based line of the source file. */
  line: number;
  text: string;
}

/** A paragraph as written: printed paragraphs split by a column break, joined again. */
export interface Paragraph {
  text: string;
  /** The printed paragraphs it is made of (more than one where a column break split it). */
  parts: PrintedParagraph[];
}

export interface SourceMeasure {
  number: number;
  /** The lead sentence, without the number and without its final 。 */
  title: string;
  /** The measure's text paragraph by paragraph; the first starts after the `(N)` marker. */
  paragraphs: Paragraph[];
}

export interface SourceSection {
  heading: Paragraph;
  /** The numbers of the headings it stands under, outermost first, its own last: `[1, 3]` for (三) under 一、. */
  numbers: number[];
  paragraphs: Paragraph[];
}

/** Something the source's numbering does not explain, at a line of the source file. */
export interface SourceProblem {
  line: number;
  message: string;
}

/** How the source is laid out: how its measures and headings are numbered, and the word for its pages. */
export interface SourceLayout {
  numbering: {
    /** An example of how a measure begins: `(1)`. */
    measures: string;
    /** Examples of the headings above the measures, outermost first: `[一、, (一)]`. */
    headings: readonly string[];
  };
  /** The word for a page, as in the continuation marks `(上接第4版)`. */
  pageWord: string;
}

export interface SourcePage {
  printed: PrintedParagraph[];
  paragraphs: Paragraph[];
  /** `(上接第4版)`: the page continues a text that starts on another page (page 4). */
  continuedFrom?: PrintedParagraph;
  /** `(下转第6版)`: the text goes on on another page (page 6). */
  continuedOn?: PrintedParagraph;
  /** The passages that are not measures, each under its heading. */
  sections: SourceSection[];
  measures: SourceMeasure[];
  /** What the numbering does not explain; the page is read as far as it goes. */
  problems: SourceProblem[];
}

/** The words that tie a page to the pages before and after it: `(上接第4版)`, `(下转第6版)`. */
const continuation = (pageWord: string) => new RegExp(`^[(（](?:上接|下转)第(\\d+)${pageWord}[)）]$`, 'u');
/**
 * A printed paragraph that ends otherwise was cut by a column break and goes on in the next.
 * A closing quote or bracket ends a paragraph only after sentence-final punctuation (`…。”`):
 * `开展“深化年”` alone is cut mid-sentence.
 */
const PARAGRAPH_END = /[。！？][”’)）]?$/;

export function readPrintedParagraphs(text: string): PrintedParagraph[] {
  const printed: PrintedParagraph[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line) printed.push({ position: printed.length + 1, line: index + 1, text: line });
  });
  return printed;
}

/**
 * Joins the printed paragraphs a column break split, with no space between the parts.
 * `standsAlone`: lines that are whole without sentence-final punctuation (headings, marks).
 */
export function joinColumnBreaks(printed: PrintedParagraph[], standsAlone: (text: string) => boolean = () => false): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let open: PrintedParagraph[] = [];
  for (const p of printed) {
    open.push(p);
    if (PARAGRAPH_END.test(p.text) || standsAlone(p.text)) {
      paragraphs.push({ text: open.map((part) => part.text).join(''), parts: open });
      open = [];
    }
  }
  if (open.length) paragraphs.push({ text: open.map((part) => part.text).join(''), parts: open });
  return paragraphs;
}

/** A line that begins a heading of the layout: its level (0 outermost) and number. */
function headingOf(text: string, headings: readonly RegExp[]): { level: number; number: number } | undefined {
  for (const [level, pattern] of headings.entries()) {
    const match = pattern.exec(text);
    if (match) return { level, number: numeralValue(match.groups!.n) };
  }
  return undefined;
}

export function parseSourcePage(text: string, layout: SourceLayout): SourcePage {
  const marks = continuation(layout.pageWord);
  const measureStart = numberingPattern(layout.numbering.measures);
  const headings = layout.numbering.headings.map(numberingPattern);
  const printed = readPrintedParagraphs(text);
  const paragraphs = joinColumnBreaks(printed, (line) => marks.test(line) || !!headingOf(line, headings));
  const page: SourcePage = { printed, paragraphs, sections: [], measures: [], problems: [] };
  const problem = (paragraph: Paragraph, message: string) => page.problems.push({ line: paragraph.parts[0].line, message });
  const shown = (p: Paragraph) => JSON.stringify(p.text.length > 16 ? `${p.text.slice(0, 16)}…` : p.text);
  // The numbers of the headings above the text read so far, outermost first.
  let numbers: number[] = [];
  let current: { paragraphs: Paragraph[] } | undefined;

  for (const paragraph of paragraphs) {
    if (marks.test(paragraph.text)) {
      if (paragraph.text.includes('上接')) page.continuedFrom = paragraph.parts[0];
      else page.continuedOn = paragraph.parts[0];
      continue;
    }
    const marker = measureStart.exec(paragraph.text);
    if (marker) {
      const number = numeralValue(marker.groups!.n);
      const expected = (page.measures.at(-1)?.number ?? 0) + 1;
      if (number !== expected && page.measures.length) {
        problem(
          paragraph,
          `${shown(paragraph)} begins measure ${number} after measure ${expected - 1}; expected measure ${expected}: the site numbers the measures straight through, so a numbering that starts again under each heading cannot be read as measures`,
        );
      }
      const body = paragraph.text.slice(marker[0].length);
      const end = body.indexOf('。');
      const measure = { number, title: end === -1 ? body : body.slice(0, end), paragraphs: [{ text: body, parts: paragraph.parts }] };
      page.measures.push(measure);
      current = measure;
      continue;
    }
    const heading = headingOf(paragraph.text, headings);
    if (heading) {
      // A source that opens inside a heading (continued from a page not held) counts it as the first.
      numbers = [...(numbers.length ? numbers : [1]).slice(0, heading.level), heading.number];
      while (numbers.length <= heading.level) numbers.splice(numbers.length - 1, 0, 1);
      const section = { heading: paragraph, numbers, paragraphs: [] };
      page.sections.push(section);
      current = section;
      continue;
    }
    if (!current) {
      problem(
        paragraph,
        `${shown(paragraph)} comes before any heading or measure; expected the text to begin with a heading numbered like ${layout.numbering.headings.join(' or ') || '(none set)'} or a measure numbered like ${layout.numbering.measures} (source.numbering in publication.yaml)`,
      );
      continue;
    }
    current.paragraphs.push(paragraph);
  }
  if (!page.measures.length && paragraphs.length) {
    page.problems.push({
      line: paragraphs[0].parts[0].line,
      message: `no paragraph begins a measure numbered like ${layout.numbering.measures}; expected the measures to begin so (source.numbering.measures in publication.yaml)`,
    });
  }
  return page;
}

/** The positions of the printed paragraphs a run of paragraphs is made of. */
export function printedPositions(paragraphs: Paragraph[]): number[] {
  return paragraphs.flatMap((p) => p.parts.map((part) => part.position));
}
