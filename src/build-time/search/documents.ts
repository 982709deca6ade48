/**
 * The documents the search finds, at build time: every text a reader can read on the site that
 * comes from the source — the introductory sections (on the home page), the measures (each on
 * its page) and the source page's paragraphs that belong to neither — each with the place it
 * stands and, for the sections and measures, where its words stand on the source page.
 */
import { textWithNotes } from '../../pure/text/corrected-text.ts';
import { plainSectionText, plainTexts } from '../site/indexes.ts';
import { allMeasures, allSections, href, linkOf, measureLabel, measurePath } from '../site/report.ts';
import { sectionId, sourceParagraphId } from '../../pure/site/anchors.ts';
import { statuses as vocabularyStatuses, topics as vocabularyTopics } from '../settings/vocabularies.ts';
import { sourcePage } from '../settings/report-settings.ts';
import { chinesePunctuation } from '../../pure/text/chinese-punctuation.ts';
import type { IndexInput, SearchDocument } from './build-index.ts';

const paragraphsLabel = (paragraphs: readonly number[]) => `原文第${paragraphs.join('、')}段`;
const sourceLink = (paragraphs: readonly number[]) => ({ label: paragraphsLabel(paragraphs), url: href(`source/#${sourceParagraphId(paragraphs[0])}`) });

export async function searchDocuments(): Promise<IndexInput> {
  const statuses = vocabularyStatuses().map((s) => ({ label: s.label, slug: s.slug, colour: s.colour }));
  const topics: string[] = vocabularyTopics().map((t) => t.label);
  const documents: SearchDocument[] = [];
  const covered = new Set<number>();

  for (const s of await allSections()) {
    s.data.source.paragraphs.forEach((p) => covered.add(p));
    documents.push({
      kind: 'section',
      url: `${href('')}#${sectionId(s.data.order)}`,
      label: '首页',
      // As the home page prints the heading: its punctuation as on the reading pages.
      title: chinesePunctuation(s.data.heading),
      // The heading is printed above the text, and is words of the source too.
      text: `${chinesePunctuation(s.data.heading)}\n${await plainSectionText(s)}`,
      source: sourceLink(s.data.source.paragraphs),
      status: -1,
      topics: [],
    });
  }
  const texts = await plainTexts();
  for (const m of await allMeasures()) {
    m.data.source.paragraphs.forEach((p) => covered.add(p));
    documents.push({
      kind: 'measure',
      url: href(measurePath(m.data.number)),
      label: measureLabel(m.data.number),
      // As every page prints a title: the editors' note after a corrected passage (src/pure/text/corrected-text.ts).
      title: textWithNotes(linkOf(m).titleParts),
      text: texts.get(m.data.number)!,
      source: sourceLink(m.data.source.paragraphs),
      status: statuses.findIndex((x) => x.label === m.data.status),
      topics: m.data.topics.map((t) => topics.indexOf(t)),
    });
  }
  // The source page as src/pages/source.astro prints it.
  for (const p of sourcePage().paragraphs) {
    const positions = p.parts.map((part) => part.position);
    if (positions.some((n) => covered.has(n))) continue;
    documents.push({
      kind: 'source',
      url: href(`source/#${sourceParagraphId(positions[0])}`),
      label: paragraphsLabel(positions),
      title: '',
      text: p.text,
      status: -1,
      topics: [],
    });
  }
  return { documents, statuses, topics };
}
