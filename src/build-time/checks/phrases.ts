/**
 * The other frontmatter fields that quote the text: the words that justify the status (and the
 * passages the editors' reason for it quotes in “…”), the passages the editors corrected, the documents cited in 《》, and a measure's title, which is
 * its lead sentence.
 */
import { findDocuments } from '../../pure/text/documents.ts';
import { chinesePunctuation } from '../../pure/text/chinese-punctuation.ts';
import type { Entry } from './load-entries.ts';
import { listOf } from './figures.ts';
import { notInTextMessage, unmatchedPhrases } from './occurrences.ts';
import { fieldName, problemAt, type Problem } from '../../pure/problems/problem.ts';

const field = (data: unknown, key: string): unknown => (data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined);

export function phraseProblems(entry: Entry, text: string): Problem[] {
  const problems: Problem[] = [];
  const missing = (path: (string | number)[], phrase: string, listed: number, found: number, expected: string, severity: 'error' | 'warning' = 'error') =>
    problems.push(
      problemAt(entry.file, entry.at(path), {
        field: fieldName(path),
        found: JSON.stringify(phrase),
        expected,
        message: notInTextMessage(phrase, listed, found, expected),
        severity,
      }),
    );

  const statusNote = field(entry.data, 'statusNote');
  if (typeof statusNote === 'string' && statusNote && !text.includes(statusNote)) {
    missing(['statusNote'], statusNote, 1, 0, 'words copied from the text that justify the status');
  }
  // The reason is the editors' sentence, in Chinese punctuation or not: its quotations are compared as the page shows both.
  const statusReason = field(entry.data, 'statusReason');
  if (typeof statusReason === 'string') {
    const shown = chinesePunctuation(text);
    for (const [, quoted] of statusReason.matchAll(/“([^”]+)”/g)) {
      if (!shown.includes(chinesePunctuation(quoted))) missing(['statusReason'], quoted, 1, 0, 'a passage of the text, when the reason quotes one in “…”');
    }
  }

  const originals = listOf(entry.data, 'corrections').map((c) =>
    typeof c === 'object' && c !== null && typeof (c as Record<string, unknown>).original === 'string'
      ? ((c as Record<string, unknown>).original as string)
      : undefined,
  );
  for (const miss of unmatchedPhrases(text, originals)) {
    missing(['corrections', miss.index, 'original'], miss.phrase, miss.listed, miss.found, 'the passage exactly as the text prints it');
  }

  const documents = listOf(entry.data, 'documents');
  documents.forEach((doc, index) => {
    if (typeof doc === 'string' && doc && !text.includes(doc)) {
      missing(['documents', index], doc, 1, 0, 'the title of a document the text cites in 《》, without the brackets');
    }
  });
  if (entry.kind !== 'measure') return problems;
  const listedDocuments = new Set(documents.filter((d): d is string => typeof d === 'string'));
  for (const cited of findDocuments(text)) {
    if (listedDocuments.has(cited)) continue;
    const path = ['documents'];
    problems.push(
      problemAt(entry.file, entry.at(path), {
        field: 'documents',
        found: JSON.stringify(cited),
        expected: 'every document the text cites in 《》',
        message: `${JSON.stringify(`《${cited}》`)} is cited in the text but not listed; expected every document the text cites in 《》`,
        severity: 'warning',
      }),
    );
  }

  if (entry.kind === 'measure') {
    const title = field(entry.data, 'title');
    if (typeof title === 'string' && title && !text.startsWith(title)) {
      const lead = text.split(/[。\n]/, 1)[0];
      problems.push(
        problemAt(entry.file, entry.at(['title']), {
          field: fieldName(['title']),
          found: JSON.stringify(title),
          expected: 'the lead sentence of the text, without its 。',
          message: `${JSON.stringify(title)} is not how the text begins; expected the lead sentence of the text, without its 。 (${JSON.stringify(lead.length > 30 ? `${lead.slice(0, 30)}…` : lead)})`,
          severity: 'warning',
        }),
      );
    }
  }
  return problems;
}
