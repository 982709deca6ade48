/**
 * Proposes topics of the report's vocabularies for a measure, from the words that suggest each
 * (a topic's `cues` in content/vocabularies.yaml): a starting point for the editors.
 */
import type { Topic } from '../../src/pure/model/settings-schema.ts';

const occurrences = (word: string, s: string) => s.split(word).length - 1;

/** Topics whose words occur in the title, then in the text, most frequent first; at most three. */
export function proposeTopics(title: string, text: string, topics: readonly Pick<Topic, 'label' | 'cues'>[]): string[] {
  const score = (cues: readonly string[], s: string) => cues.reduce((n, cue) => n + occurrences(cue, s), 0);
  return topics
    .map((t) => ({ topic: t.label, inTitle: score(t.cues, title), inText: score(t.cues, text) }))
    .filter((t) => t.inText > 0)
    .sort((a, b) => b.inTitle - a.inTitle || b.inText - a.inText)
    .slice(0, 3)
    .map((t) => t.topic);
}
