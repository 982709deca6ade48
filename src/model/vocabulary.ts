/**
 * The editorial vocabularies of the report: the words an editor may use in an entry's
 * frontmatter. The schema, the pages, the importer and the checks all read them from here.
 */

/** How far a measure has got, as the editors judge it from the source's own words. */
export const STATUSES = [
  {
    label: '已完成',
    slug: 'completed',
    description: '原文表明该项工作已经办结（如“已达”“全面上线”“形成了”）。',
  },
  {
    label: '推进中',
    slug: 'in-progress',
    description: '原文表明工作已经启动、正在进行，尚未办结（如“已启动相关工作”“稳步推进”）。',
  },
  {
    label: '计划中',
    slug: 'planned',
    description: '原文只说明拟办或计划办理（如“拟举办”“计划年内召开”“适时召开”）。',
  },
  {
    label: '持续推进',
    slug: 'ongoing',
    description: '原文表明这是长期、经常性的工作（如“坚持”“持续开展”“每年召开”）。',
  },
] as const;

export type StatusLabel = (typeof STATUSES)[number]['label'];
export const STATUS_LABELS = STATUSES.map((s) => s.label) as [StatusLabel, ...StatusLabel[]];

export function statusInfo(label: StatusLabel) {
  // The enum guarantees the label is one of STATUSES, so the lookup cannot miss.
  return STATUSES.find((s) => s.label === label)!;
}

/** The small set of subjects the measures are grouped by. */
export const TOPICS = [
  { label: '理论学习', description: '学习贯彻习近平总书记关于工人阶级和工会工作的重要论述，理论研究。' },
  { label: '产业工人', description: '产业工人队伍建设改革、技术技能、劳模和工匠。' },
  { label: '建会入会', description: '企业建会、组建方式、八大群体和农民工入会。' },
  { label: '会员实名制', description: '会员实名制管理与实名数据库。' },
  { label: '思想引领', description: '职工思想政治引领、思想政治工作队伍、思想状况调研。' },
  { label: '宣传文化', description: '宣传报道、职工文化、文体活动。' },
  { label: '网上工作', description: '网上工会、智慧工会、新媒体平台。' },
  { label: '维权与立法', description: '源头维护、参与立法、社会保险权益。' },
  { label: '帮扶救助', description: '困难职工帮扶、社会救助、送温暖、消费扶贫、就业服务。' },
  { label: '农民工', description: '农民工工作与农民工入会。' },
  { label: '组织体制', description: '工会工作体系、领导体制、挂兼职、产业工会。' },
  { label: '人才队伍', description: '工会干部与社会化工会工作者队伍。' },
  { label: '工人文化宫', description: '工人文化宫、疗休养院的定位、清理整改和发展。' },
] as const;

export type TopicLabel = (typeof TOPICS)[number]['label'];
export const TOPIC_LABELS = TOPICS.map((t) => t.label) as [TopicLabel, ...TopicLabel[]];

/**
 * Chinese magnitude words and the power of ten each stands for:
 * 万 = 10⁴, 亿 = 10⁸. A figure written without one has none.
 */
export const MAGNITUDES = { 万: 4, 亿: 8 } as const;
export type Magnitude = keyof typeof MAGNITUDES;
export const MAGNITUDE_WORDS = Object.keys(MAGNITUDES) as [Magnitude, ...Magnitude[]];

/**
 * Words that make a figure approximate or a bound rather than an exact count,
 * with the reading a reader needs.
 */
export const QUALIFIERS = {
  近: '接近，略少于',
  超: '超过',
  超过: '超过',
  余: '多于（“150余条”）',
  左右: '大约',
  不少于: '至少',
} as const;
export type Qualifier = keyof typeof QUALIFIERS;
export const QUALIFIER_WORDS = Object.keys(QUALIFIERS) as [Qualifier, ...Qualifier[]];
