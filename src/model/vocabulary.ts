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

/**
 * Organisations the report names, for the index of organisations: the name as the text most
 * often writes it, other spellings the text uses, and what kind of body it is. A measure is
 * listed under an organisation when its text contains the name or one of the spellings.
 */
export const ORGANISATION_KINDS = ['党政机关', '人大', '新闻媒体', '工会组织', '学术和社会组织', '企业'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATIONS: readonly { name: string; aliases?: readonly string[]; kind: OrganisationKind }[] = [
  { name: '中宣部', kind: '党政机关' },
  { name: '中央网信办', kind: '党政机关' },
  { name: '科技部', kind: '党政机关' },
  { name: '民政部', kind: '党政机关' },
  { name: '人社部', aliases: ['人力资源社会保障部'], kind: '党政机关' },
  { name: '司法部', kind: '党政机关' },
  { name: '公安部', kind: '党政机关' },
  { name: '交通运输部', kind: '党政机关' },
  { name: '水利部', kind: '党政机关' },
  { name: '发改委', kind: '党政机关' },
  { name: '全国人大社会委', kind: '人大' },
  { name: '全国人大常委会法工委', kind: '人大' },
  { name: '人民日报', kind: '新闻媒体' },
  { name: '新华社', kind: '新闻媒体' },
  { name: '央视', kind: '新闻媒体' },
  { name: '光明日报', kind: '新闻媒体' },
  { name: '工人日报', kind: '新闻媒体' },
  { name: '广电总台', kind: '新闻媒体' },
  { name: '求是网', kind: '新闻媒体' },
  { name: '人民网', kind: '新闻媒体' },
  { name: '中工网', kind: '新闻媒体' },
  { name: '河南省总工会', kind: '工会组织' },
  { name: '湖北省总工会', kind: '工会组织' },
  { name: '福建省总工会', kind: '工会组织' },
  { name: '贵州省总工会', kind: '工会组织' },
  { name: '新疆生产建设兵团总工会', kind: '工会组织' },
  { name: '中国教科文卫体工会', kind: '工会组织' },
  { name: '中国机械冶金建材工会', kind: '工会组织' },
  { name: '中国农林水利气象工会', kind: '工会组织' },
  { name: '中国海员建设工会', kind: '工会组织' },
  { name: '中国能源化学地质工会', kind: '工会组织' },
  { name: '中国国防邮电工会', kind: '工会组织' },
  { name: '中国财贸轻纺烟草工会', kind: '工会组织' },
  { name: '全总文工团', kind: '工会组织' },
  { name: '中国劳动关系学院', kind: '学术和社会组织' },
  { name: '中国劳动和社会保障科学研究院', kind: '学术和社会组织' },
  { name: '中国社会保险学会', kind: '学术和社会组织' },
  { name: '中国书法家协会', kind: '学术和社会组织' },
  { name: '郑州圆方集团', aliases: ['圆方集团'], kind: '企业' },
];

/**
 * How the figures page groups figures by what they count; a unit not listed falls under the
 * last group.
 */
export const UNIT_GROUPS: readonly { name: string; units: readonly string[] }[] = [
  { name: '资金（元）', units: ['元'] },
  { name: '人数和人次', units: ['人', '人次', '名'] },
  { name: '户数', units: ['户'] },
  { name: '条数（信息、视频）', units: ['条'] },
  { name: '次数（阅读、播放、督导）', units: ['次'] },
  { name: '比例', units: ['%'] },
  { name: '单位、地区和项目', units: ['个', '项', '家', '场', '省', '部委'] },
  { name: '其他', units: [] },
];
