/**
 * Proposes topics from the vocabulary for a measure, from words that name each subject. The
 * vocabulary itself lives in the model; which words suggest a topic is the importer's own
 * knowledge, a starting point for the editors.
 */
import type { TopicLabel } from '../../src/model/vocabulary.ts';

const CUES: Record<TopicLabel, RegExp> = {
  理论学习: /理论学习|重要论述|理论研究/u,
  产业工人: /产业工人|技术工人|技能|工匠|劳模/u,
  建会入会: /建会|入会|组建/u,
  会员实名制: /实名/u,
  思想引领: /思想政治|思想引领|思想状况/u,
  宣传文化: /宣传|职工文化|文体活动/u,
  网上工作: /网上工作|智慧工会|网上工会|新媒体|数据库/u,
  维权与立法: /立法|源头维护|社会保险权益|法律/u,
  帮扶救助: /帮扶|救助|送温暖|扶贫|就业服务/u,
  农民工: /农民工/u,
  组织体制: /工作体系|领导体制|挂兼职|产业工会/u,
  人才队伍: /人才队伍|工会工作者/u,
  工人文化宫: /工人文化宫/u,
};

/** Topics whose words occur in the title, then in the text, most frequent first; at most three. */
export function proposeTopics(title: string, text: string): TopicLabel[] {
  const score = (re: RegExp, s: string) => [...s.matchAll(new RegExp(re, 'gu'))].length;
  return (Object.keys(CUES) as TopicLabel[])
    .map((topic) => ({ topic, inTitle: score(CUES[topic], title), inText: score(CUES[topic], text) }))
    .filter((t) => t.inText > 0)
    .sort((a, b) => b.inTitle - a.inTitle || b.inText - a.inText)
    .slice(0, 3)
    .map((t) => t.topic);
}
