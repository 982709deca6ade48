/**
 * Proposes a status for a measure from the words of its text, with the phrase that justifies
 * it. It is only a proposal: the status is an editorial judgement and editors change it in the
 * entry. The rules read the way an editor reads a Chinese progress report:
 * 1. words saying the work has started but not finished decide at once (underway);
 * 2. a text that reports nothing done and only says what is intended is planned;
 * 3. a text that calls the work standing or long-term is standing;
 * 4. a text that reports a result reached is done;
 * 5. anything else reports steps taken on a task that goes on: underway.
 * The report's vocabularies say which status stands for each reading (a status's `proposedFor`).
 */
import type { ProgressReading, Status } from '../../src/pure/model/settings-schema.ts';

export interface StatusProposal {
  /** A status of the vocabularies. */
  status: string;
  /** The words of the text the proposal rests on; always a substring of the text. */
  statusNote: string;
}

/** The status a reading proposes: the one that takes it, else the one that takes `underway`, else the first. */
export function statusFor(reading: ProgressReading, statuses: readonly Pick<Status, 'label' | 'proposedFor'>[]): string {
  const taking = (r: ProgressReading) => statuses.find((s) => s.proposedFor.includes(r));
  return (taking(reading) ?? taking('underway') ?? statuses[0]).label;
}

const STARTED = /已启动相关工作|稳步推进|正在[\p{Script=Han}]{2}/u;
const INTENDED =
  /计划年内[\p{Script=Han}]{2}|拟在年内[\p{Script=Han}]{2}|计划[\p{Script=Han}]{2}|拟[\p{Script=Han}]{2}|将适时[\p{Script=Han}]{2}|适时[\p{Script=Han}]{2}|择期[\p{Script=Han}]{2}/u;
const DONE = /已达|已开展|已召开|全面上线|已[\p{Script=Han}]|完成|印发|下发|出台|形成了|召开了|制定|上线/u;
const STANDING = /作为一项长期任务|每年召开|常态化|坚持[\p{Script=Han}]{2}|持续[\p{Script=Han}]{2}/u;
const RESULT = /已达[\d.]+万?人|全面上线|已达到|完成《[^》]+》改版工作/u;
const STEP = /印发|下发|召开|制定|开展|形成/u;

const CLAUSE_END = /[,;:。，；：！？\n]/u;
const LONGEST_NOTE = 24;

/** The clause around a cue, so the note reads as the source's own words (`拟举办全国工会…培训班`). */
function clauseAround(text: string, match: RegExpExecArray): string {
  let start = match.index;
  while (start > 0 && !CLAUSE_END.test(text[start - 1])) start--;
  let end = match.index + match[0].length;
  while (end < text.length && !CLAUSE_END.test(text[end])) end++;
  const clause = text.slice(start, end);
  if (clause.length <= LONGEST_NOTE) return clause;
  return text.slice(match.index, Math.min(end, match.index + LONGEST_NOTE));
}

/**
 * @param title the lead sentence: it states the task, not what was done, so it is no evidence.
 * @param text the whole text of the measure, lead sentence included.
 * @param statuses the report's statuses (content/vocabularies.yaml).
 */
export function proposeStatus(title: string, text: string, statuses: readonly Pick<Status, 'label' | 'proposedFor'>[]): StatusProposal {
  const { reading, statusNote } = readProgress(title, text);
  return { status: statusFor(reading, statuses), statusNote };
}

/** How far the text says the measure has got, and the words that say so. */
export function readProgress(title: string, text: string): { reading: ProgressReading; statusNote: string } {
  const evidence = text.startsWith(title) && text.length > title.length + 1 ? text.slice(title.length) : text;
  const offset = text.length - evidence.length;
  const note = (re: RegExp): string | undefined => {
    const match = re.exec(evidence);
    if (!match) return undefined;
    return clauseAround(text, Object.assign(match, { index: match.index + offset }));
  };

  const started = note(STARTED);
  if (started) return { reading: 'underway', statusNote: started };

  const intended = note(INTENDED);
  // Verbs inside a statement of intent (`拟在年内下发`) report nothing done.
  const deeds = evidence
    .split(CLAUSE_END)
    .filter((clause) => !INTENDED.test(clause))
    .join('。');
  if (intended && !DONE.test(deeds)) return { reading: 'planned', statusNote: intended };

  const standing = note(STANDING);
  if (standing) return { reading: 'standing', statusNote: standing };

  const result = note(RESULT);
  if (result) return { reading: 'done', statusNote: result };

  const step = note(STEP) ?? intended;
  if (step) return { reading: 'underway', statusNote: step };
  // No verb of action at all: quote the lead words so the editor sees what the proposal rests on.
  return { reading: 'underway', statusNote: clauseAround(text, Object.assign(/./u.exec(text)!, { index: 0 })) };
}
