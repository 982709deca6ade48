import { describe, expect, it } from 'vitest';
import { proposeStatus as proposeWith } from '../../../scripts/importer/propose-status.ts';
import { STATUS_LABELS, STATUSES } from '../../support/report-vocabulary.ts';
import { measure, measureText, realPage } from '../../support/source-text.ts';

const page = realPage();
/** Proposals among the real report's statuses. */
const proposeStatus = (title: string, text: string) => proposeWith(title, text, STATUSES);
const proposal = (number: number) => {
  const m = measure(page, number);
  return proposeStatus(m.title, measureText(m));
};

describe('proposeStatus on the real measures', () => {
  it('(4) is in progress: 已启动相关工作', () => {
    expect(proposal(4)).toEqual({ status: '推进中', statusNote: '已启动相关工作' });
  });

  it('(12) is planned: it only says 拟举办', () => {
    const p = proposal(12);
    expect(p.status).toBe('计划中');
    expect(p.statusNote).toContain('拟举办');
  });

  it('(21) is planned: 计划年内召开', () => {
    const p = proposal(21);
    expect(p.status).toBe('计划中');
    expect(p.statusNote).toContain('计划年内召开');
  });

  it('(29) is ongoing: 坚持工人文化宫的公益性、服务性定位', () => {
    const p = proposal(29);
    expect(p.status).toBe('持续推进');
    expect(p.statusNote).toContain('坚持');
  });

  it('(28) is completed: 已达3.78万人', () => {
    const p = proposal(28);
    expect(p.status).toBe('已完成');
    expect(p.statusNote).toContain('已达');
  });

  it('gives every measure a status from the vocabulary and a note taken from its own text', () => {
    expect(page.measures).toHaveLength(30);
    for (const m of page.measures) {
      const text = measureText(m);
      const p = proposeStatus(m.title, text);
      expect(STATUS_LABELS).toContain(p.status);
      expect(p.statusNote.length, `(${m.number})`).toBeGreaterThan(0);
      expect(text, `(${m.number}) note ${p.statusNote}`).toContain(p.statusNote);
    }
  });
});

describe('proposeStatus rules, on small texts', () => {
  const title = '加强某项工作';
  const propose = (body: string) => proposeStatus(title, `${title}。${body}`);

  it('1. work started but not finished is in progress, whatever else the text says', () => {
    expect(propose('第六届活动已启动相关工作。')).toEqual({ status: '推进中', statusNote: '第六届活动已启动相关工作' });
    expect(propose('宣传推介工作稳步推进。').status).toBe('推进中');
    const p = propose('已印发通知,正在推进落实。');
    expect(p.status).toBe('推进中');
    expect(p.statusNote).toContain('正在推进');
    // Even beside a result reached or a standing task.
    expect(propose('平台全面上线,二期已启动相关工作。').status).toBe('推进中');
    expect(propose('坚持开展活动,二期稳步推进。').status).toBe('推进中');
  });

  it('2. a text that only says what is intended is planned', () => {
    expect(propose('拟举办专题培训班。')).toEqual({ status: '计划中', statusNote: '拟举办专题培训班' });
    for (const [body, cue] of [
      ['计划年内召开研讨会。', '计划年内召开'],
      ['将适时召开交流会。', '适时召开'],
      ['择期召开推进会。', '择期召开'],
    ]) {
      const p = propose(body);
      expect(p.status, body).toBe('计划中');
      expect(p.statusNote, body).toContain(cue);
    }
  });

  // Rule 2 says "reports nothing done and only says what is intended". These texts report nothing
  // done; the verb they intend (下发, 制定, 完成) is not a deed.
  it('2. an intention whose verb is also a verb of doing is still planned (拟在年内下发, 拟制定)', () => {
    for (const [body, cue] of [
      ['拟在年内下发。', '拟在年内下发'],
      ['拟制定实施办法。', '拟制定'],
      ['计划年内完成改版。', '计划年内完成'],
    ]) {
      const p = propose(body);
      expect(p, body).toEqual({ status: '计划中', statusNote: expect.stringContaining(cue) });
    }
  });

  it('2. an intention beside something done is not planned', () => {
    const p = propose('已印发方案,拟举办培训班。');
    expect(p.status).not.toBe('计划中');
    expect(p.status).toBe('推进中');
    expect(p.statusNote).toContain('印发');
  });

  it('3. a standing or long-term task is ongoing', () => {
    for (const [body, cue] of [
      ['坚持面向基层开展工作。', '坚持面向'],
      ['持续开展主题活动。', '持续开展'],
      ['作为一项长期任务,每年召开研讨会。', '作为一项长期任务'],
      ['推动送温暖常态化。', '常态化'],
    ]) {
      const p = propose(body);
      expect(p.status, body).toBe('持续推进');
      expect(p.statusNote, body).toContain(cue);
    }
    // A standing task that also did things and intends more is still ongoing.
    expect(propose('持续开展活动,已印发方案,拟举办培训班。').status).toBe('持续推进');
  });

  it('4. a result reached is completed', () => {
    for (const [body, cue] of [
      ['全国产业工人学习社区全面上线。', '全面上线'],
      ['工作者已达3.78万人。', '已达3.78万人'],
      ['覆盖率已达到90%。', '已达到'],
      ['完成《工人日报》改版工作。', '完成《工人日报》改版工作'],
    ]) {
      const p = propose(body);
      expect(p.status, body).toBe('已完成');
      expect(p.statusNote, body).toContain(cue);
    }
  });

  it('5. steps taken on a task that goes on are in progress', () => {
    expect(propose('印发了通知。')).toEqual({ status: '推进中', statusNote: '印发了通知' });
    expect(propose('召开会议,研究部署工作。').status).toBe('推进中');
  });

  it('5. a text without any verb of action is in progress, with a note from the text', () => {
    const text = `${title}。以建成数据库为目标。`;
    const p = proposeStatus(title, text);
    expect(p.status).toBe('推进中');
    expect(p.statusNote.length).toBeGreaterThan(0);
    expect(text).toContain(p.statusNote);
  });

  it('does not take the lead sentence as evidence when the measure says more', () => {
    // The title states the task (持续开展, 拟举办), not what was done.
    const ongoingTitle = '持续开展理论学习';
    expect(proposeStatus(ongoingTitle, `${ongoingTitle}。印发了通知。`)).toEqual({ status: '推进中', statusNote: '印发了通知' });
    const plannedTitle = '拟举办培训班';
    expect(proposeStatus(plannedTitle, `${plannedTitle}。召开了会议。`).status).toBe('推进中');
  });

  it('judges a measure that is only its lead sentence on that sentence, as (12)', () => {
    const only = '加大培训力度,拟举办专题培训班';
    expect(proposeStatus(only, `${only}。`)).toEqual({ status: '计划中', statusNote: '拟举办专题培训班' });
  });

  it('quotes a note that is always words of the text, also when the clause is long', () => {
    const long = `${title}。坚持把学习贯彻习近平新时代中国特色社会主义思想特别是重要论述作为一项长期任务,每年召开研讨会。`;
    const p = proposeStatus(title, long);
    expect(p.status).toBe('持续推进');
    expect(long).toContain(p.statusNote);
    expect(p.statusNote.startsWith('坚持')).toBe(true);
  });
});
