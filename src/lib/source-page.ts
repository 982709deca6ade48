/**
 * Reads the newspaper page as published and gives its structure: the printed paragraphs, the
 * logical paragraphs after the column breaks are joined, the introductory sections and the
 * numbered measures. The importer, the source page and the fidelity tests all read the page
 * through this module, so there is one idea of what a paragraph is.
 */

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
  paragraphs: Paragraph[];
}

export interface SourcePage {
  printed: PrintedParagraph[];
  paragraphs: Paragraph[];
  /** `(上接第1版)`: the page continues a text that starts on page 1. */
  continuedFrom?: PrintedParagraph;
  /** `(下转第3版)`: the text goes on on page 3. */
  continuedOn?: PrintedParagraph;
  /** The introductory passages before measure (1), each under its heading. */
  sections: SourceSection[];
  measures: SourceMeasure[];
}

const CONTINUATION = /^\((?:上接|下转)第(\d+)版\)$/;
const PART_HEADING = /^[一二三四五六七八九十]+、/;
const SUBSECTION_HEADING = /^\([一二三四五六七八九十]+\)/;
const MEASURE_MARKER = /^\((\d+)\)/;
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

function isWhole(p: PrintedParagraph): boolean {
  return CONTINUATION.test(p.text) || PART_HEADING.test(p.text) || PARAGRAPH_END.test(p.text);
}

/** Joins the printed paragraphs a column break split, with no space between the parts. */
export function joinColumnBreaks(printed: PrintedParagraph[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let open: PrintedParagraph[] = [];
  for (const p of printed) {
    open.push(p);
    if (isWhole(p)) {
      paragraphs.push({ text: open.map((part) => part.text).join(''), parts: open });
      open = [];
    }
  }
  if (open.length) paragraphs.push({ text: open.map((part) => part.text).join(''), parts: open });
  return paragraphs;
}

export function parseSourcePage(text: string): SourcePage {
  const printed = readPrintedParagraphs(text);
  const paragraphs = joinColumnBreaks(printed);
  const page: SourcePage = { printed, paragraphs, sections: [], measures: [] };

  for (const paragraph of paragraphs) {
    const continuation = CONTINUATION.exec(paragraph.text);
    if (continuation) {
      if (paragraph.text.includes('上接')) page.continuedFrom = paragraph.parts[0];
      else page.continuedOn = paragraph.parts[0];
      continue;
    }
    const marker = MEASURE_MARKER.exec(paragraph.text);
    if (marker) {
      const body = paragraph.text.slice(marker[0].length);
      const end = body.indexOf('。');
      page.measures.push({
        number: Number(marker[1]),
        title: end === -1 ? body : body.slice(0, end),
        paragraphs: [{ text: body, parts: paragraph.parts }],
      });
      continue;
    }
    if (page.measures.length) {
      page.measures.at(-1)!.paragraphs.push(paragraph);
      continue;
    }
    if (PART_HEADING.test(paragraph.text) || SUBSECTION_HEADING.test(paragraph.text)) {
      page.sections.push({ heading: paragraph, paragraphs: [] });
      continue;
    }
    const section = page.sections.at(-1);
    if (!section) throw new Error(`source: paragraph ${paragraph.parts[0].position} comes before any heading`);
    section.paragraphs.push(paragraph);
  }
  return page;
}

/** The positions of the printed paragraphs a run of paragraphs is made of. */
export function printedPositions(paragraphs: Paragraph[]): number[] {
  return paragraphs.flatMap((p) => p.parts.map((part) => part.position));
}
