//! Demo content: the category tree, articles, friend links and site settings that are loaded
//! into an empty database, so that a fresh install looks like a district 普法 portal instead of
//! an empty shell. `services::demo` marks every article as 示例 when it loads it; the case
//! examples here are hypothetical and name no court, and every law quoted was checked against
//! its published text.
//!
//! The seed article is the page this project rebuilds (新洲区委政研室“七五”普法工作总结), word
//! for word. The other articles are assembled from Chinese building blocks (places, topics and
//! paragraph templates for each list) so that every list fills several pages.
//!
//! This module is pure data: deterministic (no clock, no randomness), and it must never touch
//! the database itself. `services::demo` does the loading, and only into an empty database.

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};

/// A node of the category tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoCategory {
    /// Lowercase ASCII letters, digits and single hyphens, 1 to 64 characters; unique across the
    /// whole tree.
    pub slug: &'static str,
    pub name: &'static str,
    /// One sentence, shown on the category page.
    pub description: &'static str,
    pub children: &'static [DemoCategory],
}

/// A category without children.
const fn leaf(slug: &'static str, name: &'static str, description: &'static str) -> DemoCategory {
    DemoCategory {
        slug,
        name,
        description,
        children: &[],
    }
}

/// The category tree, top level first, in display order.
pub const CATEGORIES: &[DemoCategory] = &[
    DemoCategory {
        slug: "pufa-dongtai",
        name: "普法动态",
        description: "汇集全区及市、街(镇)普法依法治理工作的最新动态。",
        children: &[
            leaf(
                "xinzhou",
                "新洲区",
                "发布新洲区各部门、各单位开展普法依法治理工作的动态信息。",
            ),
            leaf(
                "shiji-dongtai",
                "市级动态",
                "转载武汉市法治宣传教育和依法治市工作的重要动态。",
            ),
            leaf(
                "jiezhen-dongtai",
                "街镇动态",
                "展示各街道(镇)司法所和村(社区)开展法治宣传的工作动态。",
            ),
        ],
    },
    DemoCategory {
        slug: "fazhi-xuanchuan",
        name: "法治宣传",
        description: "围绕重点法律法规和重点人群开展的法治宣传教育活动。",
        children: &[
            leaf(
                "xianfa-xuanchuan",
                "宪法宣传",
                "报道各地学习宣传宪法、弘扬宪法精神的主题活动。",
            ),
            leaf(
                "minfadian-xuanchuan",
                "民法典宣传",
                "推动民法典走到群众身边、走进群众心里的宣传活动报道。",
            ),
            leaf(
                "qingshaonian-pufa",
                "青少年普法",
                "面向中小学生的法治教育活动和校园普法工作动态。",
            ),
        ],
    },
    DemoCategory {
        slug: "yian-shifa",
        name: "以案释法",
        description: "通过身边的典型案例解读法律规定,引导群众依法办事。",
        children: &[
            leaf(
                "minshi-anli",
                "民事案例",
                "婚姻家庭、借贷合同、侵权赔偿等民事纠纷典型案例解读。",
            ),
            leaf(
                "xingshi-anli",
                "刑事案例",
                "醉驾、电信网络诈骗、盗窃等刑事犯罪典型案例及警示。",
            ),
        ],
    },
    DemoCategory {
        slug: "falv-fagui",
        name: "法律法规",
        description: "重要法律法规的要点解读和学习资料。",
        children: &[
            leaf(
                "guojia-falv",
                "国家法律",
                "国家新制定、新修订的重要法律的学习解读。",
            ),
            leaf(
                "difang-fagui",
                "地方法规",
                "湖北省和武汉市地方性法规、政府规章的学习解读。",
            ),
        ],
    },
    leaf(
        "tongzhi-gonggao",
        "通知公告",
        "区普法办、区司法局等单位发布的工作通知、公告和公示。",
    ),
    leaf(
        "yifa-zhili",
        "依法治理",
        "基层依法治理、民主法治示范创建和法治政府建设工作报道。",
    ),
];

/// One demo article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoArticle {
    /// A slug from [`CATEGORIES`].
    pub category_slug: &'static str,
    /// At most 120 characters; unique across all articles.
    pub title: String,
    /// At most 300 characters.
    pub summary: String,
    /// Only `<p>`, `<h2>`, `<h3>`, `<strong>`, `<ul>` and `<li>`, without attributes.
    pub body_html: String,
    pub source: String,
    pub author: String,
    /// Local time in Asia/Shanghai, to the minute, always in the past.
    pub published_at: NaiveDateTime,
    pub pinned: bool,
}

/// A link of the footer's 友情连接.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoFriendLink {
    pub name: &'static str,
    pub url: &'static str,
}

/// The four links of the seed page's footer, in its order.
pub const FRIEND_LINKS: &[DemoFriendLink] = &[
    DemoFriendLink {
        name: "中国普法网",
        url: "http://www.legalinfo.gov.cn/",
    },
    DemoFriendLink {
        name: "湖北司法行政",
        url: "http://sft.hubei.gov.cn/",
    },
    DemoFriendLink {
        name: "湖北法治网",
        url: "http://www.hbfzw.org.cn/",
    },
    DemoFriendLink {
        name: "武汉律师网",
        url: "http://www.whlawyer.org/",
    },
];

/// The site-wide texts of header and footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSiteSettings {
    pub site_name: &'static str,
    pub footer_text: &'static str,
    pub icp_number: &'static str,
    pub copyright: &'static str,
}

/// The demo site's header and footer: named after the seed page's district portal, and saying
/// in the footer that it is a demonstration. It carries no registration number: a real one
/// belongs to a real office, and an invented one would pose as real.
pub const SITE_SETTINGS: DemoSiteSettings = DemoSiteSettings {
    site_name: "新洲普法网",
    footer_text:
        "示例站点: 本站为内容管理系统的演示, 栏目与文章均为示例内容, 不代表任何机关, 请勿引用。",
    icp_number: "",
    copyright: "示例内容 仅供演示",
};

const SEED_TITLE: &str = "新洲区委政研室“七五”普法工作总结";

/// The body of the seed page, one line per paragraph, with its punctuation as published.
const SEED_BODY: &[&str] = &[
    "区委政研室自2019年成立以来,在区委、区政府的正确领导下,在区普法办的科学指导下,积极响应省、市、区委的要求和部署,坚持以党的十九大、十九届二中、三中、四中全会精神为指导,认真落实《新洲区关于在全区公民开展法治宣传教育的第七个五年规划(2016—2020)的通知》,加强组织领导,创新方式方法,扎实开展了各项普法学习宣传教育活动,大大提升了全体党员干部的法律素质和依法行政意识,也为全区“七五”普法工作深入开展营造了良好的法治环境。现将有关普法工作情况总结如下:",
    "一、加强组织领导,压实普法责任",
    "一是提高政治站位,成立工作专班。区委政研室高度重视“七五”普法工作,把普法依法治理工作贯穿在每周室务会、每月理论中心组集中学习的重要议事日程和年度工作目标管理中,努力做到天天学法、人人知法守法。成立了以主要负责人为组长,分管负责人为副组长,各科、中心负责人为小组成员的七五普法依法治理工作领导小组和全体成员参与的工作专班。",
    "二是明确责任分工,落实普法责任。认真落实领导责任制,主要负责人履行第一责任人的职责,形成主要领导负总责、分管领导具体抓、综合科负责落实的工作格局,确保普法工作与业务工作同部署、同推进、同考核。",
    "三是制定工作计划,强化组织实施。制定了普法工作计划,明确了工作任务和具体工作要求,将习近平总书记关于全面依法治国的重要论述纳入普法宣传教育重点内容,大力宣传以宪法为核心的中国特色社会主义法律体系。利用每次宣传日、宣传周、宣传月,扎实开展形式多样的法制宣传活动,确保普法宣传教育工作落到实处、取得实效。",
    "二、加强宣传教育,营造普法氛围",
    "按照“七五”普法的总体要求,通过专题辅导、学习研讨、自主学习和组织活动,线上学与线下学相结合等方式,开展各类法律法规知识的学习宣传教育工作。常态化开展学法用法活动,不仅增强了党员干部学法用法尊法守法的意识,还提高了干部的法治思维和法治能力。",
    "一是加强学习,切实提高法律素养。今年以来,通过支部主题党日活动、理论中心组集中学习等方式,深入学习宣传《宪法》、《民法典》、《新时代公民道德建设实施纲要》、《新时代爱国主义教育实施纲要》等重点内容,推进全民守法普法,营造全社会讲法治、重道德的良好环境,不断提升公民法治素养和道德素质。",
    "二是开展活动,加大法治宣传教育。利用全民国家安全教育日、网络安全宣传周、国际禁毒日、全民国防教育日、全国交通安全日等各类法治宣传月、周、日等特殊时间节点开展法治宣传教育工作,真正起到了“教化育人,入脑入心”的作用。今年8月26日,安排青年干部参加全区组织的赴武汉大学进行涉密警示教育培训学习,通过参观场馆、实地演练、现场考试的方式大大提高了党员干部的保密意识和履职能力。",
    "三是强化考核,认真落实学法用法制度。督促提醒每名党员干部坚持每日学习法律法规知识,定期参加法律培训学习,按要求完成规定学法学时积分,推动法治教育常规化、信息化、制度化,营造全员学法、自觉守法的良好工作氛围。",
    "三、加强统筹谋划,确保普法实效",
    "作为区委领导决策的参谋助手和智囊团,区委政研室紧紧围绕区委、区政府的中心工作,全面掌握全区经济社会发展的重点、难点问题,加强统筹谋划、综合协调和调查研究,真正做到普法依法治理工作与全区经济社会的高质量发展有机结合起来,同研究、同推进、同发展。",
    "一是创新宣传方式方法。通过发放宣传册、开辟宣传专栏、张贴宣传标语等传统媒体渠道开展宣传,同时充分利用新洲政府网站、新洲问津网、新洲电视台、新洲发布、阳逻在线网站以及微信群、QQ群、微信公众号等网络平台,开展“互联网+法治宣传”,打造新媒体宣传阵地,正确引导社会舆论,全方位开展法制宣传教育活动。",
    "二是深入推进文明创建活动。今年以来,联合旧街街细河口村开展了以“垃圾分类,你我同行”为主题的道德讲堂活动,组织党员干部和居民参与,通过有趣的宣讲方式普及垃圾分类有关知识,营造浓厚的生活垃圾分类氛围;赴红旗社区开展“青年普法志愿者法治文化基层行”活动,大力宣传《民法典》相关知识,推动民法典融入人民群众的日常生活。",
    "三是倡导党员干部下沉社区工作“法治先行”。按照区委组织部要求积极参加下沉红旗社区,扎实开展结对共建工作。在抗击新冠肺炎疫情期间,利用小区防控值守时,大力宣传党和国家的疾病预防控制和传染病防治法律法规。在迎接全国文明城市复检工作时,认真做好入户宣传、文明劝导,切实为社区办理办实事。每名党员干部主动到居住地社区报到并认领服务岗位,根据自己的优势特长,在服务过程中向社区居民群众宣传法律常识、参与社区矛盾纠纷调处、提供法律援助,使广大干部群众充分认识到开展普法宣传的重要性,同时学会用法律的武器保护自己的合法权益,努力实现普法教育全覆盖。",
];

/// The seed article itself, exactly as on the seed page.
pub fn seed_article() -> DemoArticle {
    // The page has no summary of its own; its first sentence says what it is about.
    let summary = SEED_BODY
        .first()
        .and_then(|opening| opening.split_inclusive('。').next())
        .unwrap_or_default();
    DemoArticle {
        category_slug: "xinzhou",
        title: SEED_TITLE.to_owned(),
        summary: summary.to_owned(),
        body_html: SEED_BODY
            .iter()
            .copied()
            .map(seed_paragraph)
            .collect::<Vec<_>>()
            .join("\n"),
        source: "新洲区委政研室".to_owned(),
        author: "区委政研室".to_owned(),
        published_at: local_time(2021, 7, 26, 9, 38),
        pinned: true,
    }
}

/// The page numbers its sections "一、", "二、", "三、": those lines are headings. Everything
/// else, the "一是…" points inside a section included, is a paragraph.
fn seed_paragraph(line: &str) -> String {
    let mut chars = line.chars();
    let is_section_head = matches!(
        (chars.next(), chars.next()),
        (Some(numeral), Some('、')) if "一二三四五六七八九十".contains(numeral)
    );
    if is_section_head {
        format!("<h2>{line}</h2>")
    } else {
        paragraph(line)
    }
}

fn paragraph(text: &str) -> String {
    format!("<p>{text}</p>")
}

/// A wall-clock time in Asia/Shanghai. Callers pass valid dates; an invalid one falls back to
/// the Unix epoch instead of panicking, and the tests would catch it.
fn local_time(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day)
        .and_then(|date| date.and_hms_opt(hour, minute, 0))
        .unwrap_or_default()
}

/// Generated articles per list: two full pages of twenty, whatever the page size.
const ARTICLES_PER_LIST: usize = 40;

/// Generated articles are dated before this day. The portal goes live in late November 2026,
/// and a demo must not contain articles from the future (they would count as scheduled).
const LATEST_DAY: (i32, u32, u32) = (2026, 11, 20);

/// All demo articles, including the seed article (first). Deterministic.
pub fn articles() -> Vec<DemoArticle> {
    let seed = seed_article();
    let mut taken_titles = HashSet::from([seed.title.clone()]);
    let mut all = Vec::with_capacity(1 + ARTICLES_PER_LIST * FEEDS.len());
    all.push(seed);
    // Round-robin over the lists, so that each list spans the whole five years instead of one
    // list taking all the recent dates.
    for round in 0..ARTICLES_PER_LIST {
        for (position, feed) in FEEDS.iter().enumerate() {
            let serial = round * FEEDS.len() + position;
            // Lists published side by side start their rotations at different places, so the
            // home page does not show the same street at the top of every block.
            let index = round + position * 5;
            let pinned = round == 0 && PINNED_LISTS.contains(&feed.slug);
            all.push(feed.article(index, publication_time(serial), pinned, &mut taken_titles));
        }
    }
    all
}

/// Walks back from `LATEST_DAY` four days per article on average, during office hours, like a
/// district site that publishes a couple of times a week: 480 articles reach back to 2021.
fn publication_time(serial: usize) -> NaiveDateTime {
    let days_back = 1 + 4 * serial + serial % 3;
    let hour = 8 + (serial * 7) % 10;
    let minute = (serial * 23 + 11) % 60;
    let (year, month, day) = LATEST_DAY;
    NaiveDate::from_ymd_opt(year, month, day)
        .and_then(|date| date.checked_sub_days(Days::new(days_back as u64)))
        .and_then(|date| date.and_hms_opt(hour as u32, minute as u32, 0))
        .unwrap_or_default()
}

/// What an article is about. Its texts may use the placeholders of [`Slots::fill`].
#[derive(Debug, Clone, Copy)]
struct Topic {
    /// A short name, used in titles: an activity, a type of case, a law, a notice.
    name: &'static str,
    /// A sentence or two on what happened, or on what the law is.
    detail: &'static str,
    /// What it achieved, what the court said, or what the law provides.
    point: &'static str,
    /// The first year an article may be about it.
    since: i32,
}

/// A topic that fits any year.
const fn topic(name: &'static str, detail: &'static str, point: &'static str) -> Topic {
    Topic {
        name,
        detail,
        point,
        since: 0,
    }
}

/// A law, written about only from `since` on: an article from 2021 about a law passed in 2023
/// would give the demo away.
const fn law(name: &'static str, since: i32, detail: &'static str, point: &'static str) -> Topic {
    Topic {
        name,
        detail,
        point,
        since,
    }
}

/// One piece of an article body. Text pieces are templates (see [`Slots::fill`]).
#[derive(Debug, Clone, Copy)]
enum Block {
    /// A fixed heading.
    Heading(&'static str),
    /// One paragraph from one template.
    Line(&'static str),
    /// One paragraph, the template chosen by the article.
    One(&'static [&'static str]),
    /// Between the fewest and the most consecutive paragraphs of the templates, as many and
    /// from where the article decides, so neighbouring articles read differently.
    Several(&'static [&'static str], usize, usize),
}

/// Everything needed to write the generated articles of one list.
struct Feed {
    slug: &'static str,
    /// Who acts or where it happens: a street, a department, a school, a court.
    subjects: &'static [&'static str],
    topics: &'static [Topic],
    titles: &'static [&'static str],
    summaries: &'static [&'static str],
    body: &'static [Block],
    sources: &'static [&'static str],
    authors: &'static [&'static str],
}

impl Feed {
    fn article(
        &self,
        index: usize,
        published_at: NaiveDateTime,
        pinned: bool,
        taken_titles: &mut HashSet<String>,
    ) -> DemoArticle {
        let year = published_at.year();
        let topics: Vec<&Topic> = self
            .topics
            .iter()
            .filter(|topic| topic.since <= year)
            .collect();
        let parties = [party(index), party(index * 7 + 5)];
        let pairing = |attempt: usize| Slots {
            subject: pick(self.subjects, index + attempt),
            topic: pick(&topics, index + attempt / self.subjects.len()),
            parties: &parties,
            published_at,
        };
        let template = pick(self.titles, index);
        // The article's own pairing of subject and topic first; when an earlier article already
        // has that title (law lists grow as laws are passed), the next pairing. Numbering is a
        // last resort that the data below never needs.
        let (slots, title) = (0..self.subjects.len() * topics.len())
            .map(|attempt| {
                let slots = pairing(attempt);
                let title = slots.fill(template);
                (slots, title)
            })
            .find(|(_, title)| !taken_titles.contains(title))
            .unwrap_or_else(|| {
                let slots = pairing(0);
                let title = format!("{}(之{})", slots.fill(template), index + 1);
                (slots, title)
            });
        taken_titles.insert(title.clone());
        DemoArticle {
            category_slug: self.slug,
            summary: slots.fill(pick(self.summaries, index)),
            body_html: self.body_html(index, &slots),
            source: slots.fill(pick(self.sources, index)),
            author: slots.fill(pick(self.authors, index)),
            title,
            published_at,
            pinned,
        }
    }

    fn body_html(&self, index: usize, slots: &Slots<'_>) -> String {
        let mut parts = Vec::new();
        for (position, block) in self.body.iter().enumerate() {
            match *block {
                Block::Heading(text) => parts.push(format!("<h2>{text}</h2>")),
                Block::Line(template) => parts.push(paragraph(&slots.fill(template))),
                // Offset by position, so that an opening does not always come with the same
                // closing.
                Block::One(templates) => {
                    parts.push(paragraph(&slots.fill(pick(templates, index + position))));
                }
                Block::Several(templates, fewest, most) => {
                    let count = (fewest + index % (most - fewest + 1)).min(templates.len());
                    parts.extend(
                        (0..count)
                            .map(|offset| paragraph(&slots.fill(pick(templates, index + offset)))),
                    );
                }
            }
        }
        parts.join("\n")
    }
}

/// What the placeholders of one article stand for.
struct Slots<'a> {
    subject: &'a str,
    topic: &'a Topic,
    parties: &'a [String; 2],
    published_at: NaiveDateTime,
}

impl Slots<'_> {
    /// Replaces the placeholders: {主体} the subject, {主题} the topic's name, {详情} and {要点}
    /// its detail and point, {甲} and {乙} the parties of a case, {年}, {月} and {日} the
    /// publication date, {规划} the legal-education plan of that year, {文种} the kind of
    /// notice.
    fn fill(&self, template: &str) -> String {
        let date = self.published_at.date();
        // The topic's texts hold placeholders of their own, so they go in first.
        template
            .replace("{详情}", self.topic.detail)
            .replace("{要点}", self.topic.point)
            .replace("{主题}", self.topic.name)
            .replace("{文种}", document_kind(self.topic.name))
            .replace("{主体}", self.subject)
            .replace("{甲}", &self.parties[0])
            .replace("{乙}", &self.parties[1])
            .replace("{规划}", legal_education_plan(date.year()))
            .replace("{年}", &date.year().to_string())
            .replace("{月}", &date.month().to_string())
            .replace("{日}", &date.day().to_string())
    }
}

/// Legal education runs in five-year plans: the eighth (八五) covers 2021 to 2025, the ninth
/// (九五) 2026 to 2030.
fn legal_education_plan(year: i32) -> &'static str {
    if year <= 2025 {
        "“八五”普法"
    } else {
        "“九五”普法"
    }
}

/// A notice closes with 特此通知, 特此公告 or 特此公示, after what its title says it is.
fn document_kind(name: &str) -> &'static str {
    ["公告", "公示"]
        .into_iter()
        .find(|kind| name.ends_with(kind))
        .unwrap_or("通知")
}

/// Case reports name people by surname only (张某), as Chinese courts publish them. The second
/// party of a case is `party(index * 7 + 5)`: the distance 6 × index + 5 is odd, so with an even
/// number of surnames the two parties never share one.
fn party(index: usize) -> String {
    format!("{}某", pick(SURNAMES, index))
}

/// The `index`-th item, rotating. Every list in this module is non-empty.
fn pick<T: Copy>(items: &[T], index: usize) -> T {
    items[index % items.len()]
}

/// The streets and the town of 新洲区, where most local news happens.
const PLACES: &[&str] = &[
    "邾城街",
    "阳逻街",
    "仓埠街",
    "汪集街",
    "旧街街",
    "双柳街",
    "涨渡湖街",
    "辛冲街",
    "徐古街",
    "潘塘街",
    "凤凰镇",
    "三店街",
    "李集街",
];

/// Surnames for the parties of case reports. Its length is even, which keeps the two parties of
/// one case apart (see `party`).
const SURNAMES: &[&str] = &[
    "张", "王", "李", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何",
    "郭", "马",
];

/// The kinds of write-up the law lists publish about one law or regulation.
const LAW_FORMS: &[&str] = &[
    "要点解读",
    "学习问答",
    "亮点速览",
    "重点条文释义",
    "学习资料",
];

const LAW_TITLES: &[&str] = &[
    "{主题}{主体}",
    "普法课堂:{主题}{主体}",
    "一起学法:{主题}{主体}",
];

const LAW_SUMMARIES: &[&str] = &[
    "{详情}本文梳理了{主题}的主要内容,供广大干部群众学习参考。",
    "区普法办整理了{主题}{主体},帮助广大干部群众准确把握其主要内容和重点条款。",
];

/// National laws and local regulations are explained the same way.
const LAW_BODY: &[Block] = &[
    Block::One(&[
        "{主题}与人民群众的生产生活密切相关。为帮助广大干部群众准确理解和把握其主要内容,区普法办特整理{主体}如下。",
        "学习宣传与群众生产生活密切相关的法律法规,是{规划}规划确定的重点任务之一。本期“普法课堂”为大家带来{主题}{主体}。",
        "尊法学法守法用法,从读懂法律法规开始。下面,我们一起来学习{主题}的主要内容。",
    ]),
    Block::Heading("基本情况"),
    Block::Line("{详情}"),
    Block::Heading("主要内容"),
    Block::Line("{要点}"),
    Block::Heading("学习提示"),
    Block::Several(&[
        "学习{主题},要把握其立法目的和基本原则,准确理解与群众切身利益相关的重点条款,做到学用结合、知行合一,切实把法律法规的要求落实到日常工作和生活中。",
        "各单位要把{主题}纳入党委(党组)理论学习中心组学习和干部职工学法的重要内容,结合“谁执法谁普法”普法责任制,在执法办案和服务群众中同步开展宣传解读。",
        "广大群众可以通过中国普法网、国家法律法规数据库等权威渠道查阅全文,也可以向所在村(社区)的法律顾问咨询,进一步加深对条文的理解。",
        "区司法局将组织普法讲师团深入机关、村(社区)、学校、企业开展专题宣讲,推动{主题}学习宣传走深走实,让法律法规真正走进群众生活。",
    ], 3, 4),
    Block::One(&[
        "法律的生命力在于实施,法律的权威也在于实施。让我们共同学习好、遵守好、运用好法律法规,自觉做社会主义法治的忠实崇尚者、自觉遵守者、坚定捍卫者。",
        "普法永远在路上。区普法办将持续做好重要法律法规的学习宣传,欢迎广大读者关注新洲普法网,共同学法、守法、用法。",
    ]),
];

/// One feed per list, in the order of the category tree.
const FEEDS: &[Feed] = &[
    XINZHOU,
    CITY,
    TOWNS,
    CONSTITUTION,
    CIVIL_CODE,
    YOUTH,
    CIVIL_CASES,
    CRIMINAL_CASES,
    NATIONAL_LAWS,
    LOCAL_RULES,
    NOTICES,
    GOVERNANCE,
];

/// Lists whose newest article is pinned, so that the home page has a few featured articles.
const PINNED_LISTS: &[&str] = &[
    "xinzhou",
    "xianfa-xuanchuan",
    "minfadian-xuanchuan",
    "tongzhi-gonggao",
    "yifa-zhili",
];

/// 新洲区: the district's own departments report their legal-education work.
const XINZHOU: Feed = Feed {
    slug: "xinzhou",
    subjects: &[
        "区司法局",
        "区人民法院",
        "区人民检察院",
        "区公安分局",
        "区市场监管局",
        "区教育局",
        "区卫健局",
        "区人社局",
        "区住建局",
        "区城管执法局",
        "区妇联",
        "区总工会",
        "区退役军人事务局",
    ],
    topics: &[
        topic(
            "领导干部会前学法",
            "会上,班子成员围绕《中华人民共和国宪法》和与本部门职责密切相关的法律法规逐条学习,并结合近期重点工作交流学习体会,把学法作为会议的“第一议题”固定下来。",
            "通过常态化会前学法,领导干部运用法治思维和法治方式推动工作的能力不断增强,依法决策、依法管理的意识进一步树牢。",
        ),
        topic(
            "法治讲座进机关",
            "讲座特邀执业律师担任主讲,围绕行政执法程序、合同审查要点、常见法律风险防范等内容,结合典型案例深入浅出地进行讲解,全体干部职工参加学习。",
            "讲座内容贴近实际、针对性强,参训干部纷纷表示,今后将把所学法律知识运用到日常工作中,切实做到依法履职。",
        ),
        topic(
            "“谁执法谁普法”责任落实",
            "按照普法责任清单的要求,该单位把普法工作与业务工作同部署、同推进、同考核,在执法检查、窗口服务、案件办理等环节同步开展以案释法,让执法过程成为普法过程。",
            "普法责任制的落实,推动普法工作由“独唱”变为“合唱”,群众在办事过程中就能学到法律知识,法治宣传的覆盖面和实效性明显提升。",
        ),
        topic(
            "年度学法用法考试",
            "考试采取线上答题的方式进行,内容涵盖习近平法治思想、宪法、民法典以及与岗位职责相关的法律法规,全体在编干部职工按要求参加考试。",
            "以考促学、以学促用,进一步推动国家工作人员学法用法制度落到实处,全体干部的法律素养得到检验和提升。",
        ),
        topic(
            "法治文化阵地建设",
            "该单位在办公区域设置法治文化长廊,利用电子显示屏滚动播放法治标语,在服务大厅摆放普法宣传资料,并在微信公众号开设“以案说法”专栏。",
            "法治文化阵地的建设,使干部群众在潜移默化中接受法治熏陶,营造了尊法学法守法用法的浓厚氛围。",
        ),
        topic(
            "主题党日法治学习",
            "活动中,党员干部集中观看法治教育专题片,重温入党誓词,并结合典型违纪违法案例开展讨论,进一步筑牢拒腐防变的思想防线。",
            "把法治学习融入主题党日,推动党员干部在学思践悟中增强遵规守纪、依法用权的自觉。",
        ),
        topic(
            "法律顾问参与重大决策审查",
            "该单位聘请专业律师担任常年法律顾问,对重大行政决策、规范性文件、重要合同等事项进行合法性审查,未经审查的一律不得提交集体讨论。",
            "法律顾问作用的有效发挥,从源头上防范了法律风险,为依法行政提供了有力支撑。",
        ),
        topic(
            "普法志愿服务进社区",
            "志愿者们走进联系社区,通过摆放展板、发放宣传手册、现场答疑等方式,向居民宣传与群众生活密切相关的法律知识,并为居民提供免费法律咨询。",
            "活动拉近了机关与群众的距离,把法律服务送到群众家门口,受到辖区居民的欢迎。",
        ),
    ],
    titles: &[
        "{主体}扎实推进{主题}",
        "{主体}多措并举抓好{主题}",
        "{主体}{主题}取得新成效",
    ],
    summaries: &[
        "近日,{主体}以{主题}为抓手,推动普法工作与业务工作深度融合,全体干部职工尊法学法守法用法意识进一步增强。",
        "{主体}把{主题}作为落实普法责任制的重要举措,结合部门职能创新方式方法,取得了良好成效。",
    ],
    body: &[
        Block::One(&[
            "近日,{主体}扎实开展{主题}相关工作。{详情}",
            "为深入学习贯彻习近平法治思想,全面落实{规划}规划部署,{主体}把{主题}作为年度普法工作的重要内容来抓。{详情}",
            "{年}年以来,{主体}坚持把普法工作摆在重要位置,以{主题}为切入点持续发力。{详情}",
        ]),
        Block::Several(&[
            "为确保工作取得实效,{主体}成立了由主要负责人任组长的普法工作领导小组,明确分管领导和具体责任科室,制定年度普法工作计划和普法责任清单,做到责任到人、任务到岗,形成了主要领导亲自抓、分管领导具体抓、职能科室抓落实的工作格局。",
            "在宣传内容上,{主体}突出学习宣传习近平法治思想和宪法,同时结合部门职能,重点宣传与群众生产生活密切相关的法律法规,做到普法内容与群众需求精准对接,努力让群众听得懂、记得住、用得上。",
            "在宣传方式上,{主体}坚持线上线下同步发力:线下依托服务窗口、宣传展板和主题活动开展面对面宣传,线上借助“新洲发布”、部门微信公众号和工作群推送普法信息,不断扩大法治宣传的覆盖面和影响力。",
            "{主体}还注重把普法融入执法和服务的全过程,在日常监督检查、案件办理、来访接待中主动释法说理,用身边事教育身边人,引导群众依法表达诉求、依法维护权益。",
            "为检验工作成效,{主体}将普法工作纳入单位年度绩效考核,定期召开推进会听取工作汇报,对工作中发现的问题建立台账、限期整改,推动普法责任制从“软任务”变为“硬指标”。",
            "今年以来,{主体}结合重要时间节点组织开展了形式多样的法治宣传活动,通过现场讲解、发放宣传资料、接受群众法律咨询等方式,把法律知识送到群众身边,普法工作的针对性和实效性进一步增强。",
            "{主体}坚持把领导干部带头学法作为关键,严格落实党组理论学习中心组学法、领导干部任前法律知识考试等制度,推动领导干部做尊法学法守法用法的模范,以“关键少数”带动“绝大多数”。",
            "在普法队伍建设方面,{主体}组建了由业务骨干、法律顾问和青年干部组成的普法志愿服务队,定期开展业务培训,提升普法工作人员的法律素养和宣讲能力,为普法工作提供了有力的人才保障。",
        ], 4, 6),
        Block::One(&[
            "{要点}下一步,{主体}将继续压紧压实普法责任,不断创新普法形式,为建设更高水平的法治新洲贡献力量。",
            "{要点}{主体}相关负责人表示,将以此为契机,持续推动普法工作常态化、制度化,努力营造办事依法、遇事找法、解决问题用法、化解矛盾靠法的良好法治环境。",
            "{要点}今后,{主体}将进一步完善普法工作长效机制,推动法治宣传教育与业务工作深度融合,为全区经济社会高质量发展营造良好的法治环境。",
        ]),
    ],
    sources: &[
        "新洲{主体}",
        "新洲区普法办",
    ],
    authors: &[
        "区普法办",
        "{主体}办公室",
        "新洲区融媒体中心",
    ],
};

/// 市级动态: Wuhan's city-level bodies, as a district site reposts them.
const CITY: Feed = Feed {
    slug: "shiji-dongtai",
    subjects: &[
        "武汉市司法局",
        "武汉市普法办",
        "武汉市中级人民法院",
        "武汉市人民检察院",
        "武汉市公安局",
        "武汉市教育局",
        "武汉市市场监管局",
        "武汉市律师协会",
        "武汉市妇联",
        "武汉市总工会",
        "武汉市人社局",
    ],
    topics: &[
        topic(
            "法治宣传“五进”活动",
            "活动以法律进机关、进乡村、进社区、进学校、进企业为主要内容,组织普法讲师团、律师志愿者深入基层一线,开展专题讲座、法律咨询和案例宣讲。",
            "“五进”活动把法治宣传送到群众身边,推动全社会形成办事依法、遇事找法的良好氛围。",
        ),
        topic(
            "公共法律服务进园区行动",
            "行动组织律师、公证员、仲裁员等法律服务力量走进产业园区,围绕企业合规经营、劳动用工、知识产权保护等问题开展“法治体检”,帮助企业查找和防范法律风险。",
            "法律服务主动上门,为市场主体提供了精准高效的法治保障,助力营造法治化营商环境。",
        ),
        topic(
            "优秀普法作品征集评选",
            "征集评选面向全市机关、企事业单位和社会公众,作品形式包括微视频、微动漫、海报、短文等,内容聚焦宪法、民法典以及与群众生活密切相关的法律法规。",
            "通过以评促创,一批群众喜闻乐见的普法精品不断涌现,普法宣传的吸引力和感染力进一步增强。",
        ),
        topic(
            "普法讲师团巡回宣讲",
            "讲师团由法官、检察官、律师和高校法学教师组成,按照群众“点单”、讲师“接单”的方式,深入各区开展巡回宣讲,宣讲内容根据受众特点量身定制。",
            "巡回宣讲让专业法律知识以通俗易懂的方式走进基层,受到干部群众的广泛好评。",
        ),
        topic(
            "“法律明白人”培养工程",
            "工程以村(社区)“两委”成员、网格员、人民调解员等为重点培养对象,通过集中授课、案例研讨、实践锻炼等方式,提升其学法用法和化解矛盾纠纷的能力。",
            "一支懂法律、会调解、能服务的基层法治骨干队伍逐步壮大,为基层依法治理打下了坚实基础。",
        ),
        topic(
            "民主法治示范村(社区)创建",
            "创建工作围绕民主选举、民主协商、民主决策、民主管理、民主监督等方面制定标准,对照标准开展自查、复核和动态管理,推动创建工作提质增效。",
            "示范创建以点带面,有力推动了基层群众自治和法治建设水平的整体提升。",
        ),
        topic(
            "律师进社区志愿服务",
            "广大律师以志愿者身份走进社区,为居民提供法律咨询、参与矛盾纠纷调解、协助起草法律文书,并为困难群众提供法律援助指引。",
            "志愿服务让群众在家门口就能享受到专业法律服务,有效减少了矛盾纠纷的发生。",
        ),
        topic(
            "青少年法治教育实践基地建设",
            "实践基地设置模拟法庭、法治互动体验区、禁毒教育展区等功能区域,面向全市中小学生开放,通过沉浸式体验开展法治教育。",
            "实践基地让青少年在参与体验中感受法治的力量,进一步增强了法治教育的吸引力。",
        ),
    ],
    titles: &[
        "{主体}部署推进{主题}",
        "{主体}扎实开展{主题}",
        "{主体}:{主题}成效明显",
    ],
    summaries: &[
        "{主体}持续推进{主题},全市法治宣传教育工作呈现出覆盖面广、针对性强、群众参与度高的良好态势。",
        "近日,{主体}结合全市法治建设重点任务,组织实施{主题},为法治武汉建设营造了良好氛围。",
    ],
    body: &[
        Block::One(&[
            "近日,{主体}召开专题会议,对{主题}进行安排部署。{详情}",
            "为深入贯彻落实全市法治宣传教育工作部署,{主体}在全市范围内持续推进{主题}。{详情}",
            "{年}年,{主体}将{主题}列为年度法治宣传教育重点项目,精心组织、统筹推进。{详情}",
        ]),
        Block::Several(&[
            "{主体}强调,法治宣传教育是全面依法治国的长期基础性工作。各区、各部门要坚持以习近平法治思想为指导,把{主题}作为落实普法责任制的具体抓手,结合实际细化工作方案,确保各项任务落地见效。",
            "{主体}相关负责人介绍,工作中坚持问题导向和需求导向,在广泛听取基层意见的基础上确定工作重点,推动普法资源向基层倾斜、向群众身边延伸,着力解决普法工作“最后一公里”问题。",
            "在推进过程中,各区结合本地特色积极探索,形成了一批可复制、可推广的经验做法。新洲区依托街道(镇)公共法律服务站和村(社区)法律顾问,把法治宣传与矛盾纠纷化解、基层社会治理有机结合,取得了良好效果。",
            "为强化工作保障,{主体}建立了工作通报和督办机制,定期对各区工作进展情况进行调度,对工作成效明显的单位予以通报表扬,对推进滞后的及时督促整改。",
            "与此同时,{主体}充分发挥新媒体平台作用,通过官方网站、微信公众号、短视频平台同步发布活动信息和普法内容,形成了线上线下联动、全媒体传播的普法格局。",
            "从各区开展情况看,相关活动覆盖机关、乡村、社区、学校、企业等各个领域,群众参与热情较高,法治宣传教育的覆盖面和影响力不断扩大。",
            "{主体}还注重发挥典型引领作用,定期发布普法工作优秀案例和创新项目,组织各区开展经验交流和现场观摩,推动形成比学赶超、争先创优的良好局面。",
            "在工作推进中,{主体}坚持把普法与依法治理、法律服务、矛盾纠纷化解相结合,推动普法工作从“知法”向“用法”延伸,让群众在解决实际问题中感受法治力量、增强法治信仰。",
        ], 4, 6),
        Block::One(&[
            "{要点}下一步,{主体}将认真总结经验做法,持续完善工作机制,推动全市法治宣传教育工作再上新台阶。",
            "{要点}{主体}表示,将以更高标准、更实举措推进各项工作,为建设法治武汉、平安武汉提供有力支撑。",
        ]),
    ],
    sources: &[
        "{主体}",
        "武汉市普法办",
    ],
    authors: &[
        "市普法办",
        "市司法局普法与依法治理处",
    ],
};

/// 街镇动态: the judicial offices (司法所) of the streets and the town.
const TOWNS: Feed = Feed {
    slug: "jiezhen-dongtai",
    subjects: PLACES,
    topics: &[
        topic(
            "“法律明白人”培训",
            "培训邀请区司法局业务骨干和执业律师授课,围绕民法典、土地承包、婚姻家庭、人民调解等内容进行系统讲解,辖区各村(社区)“法律明白人”参加培训。",
            "通过培训,“法律明白人”的法律知识储备和化解纠纷能力得到提升,在基层法治宣传和矛盾调处中发挥的作用更加明显。",
        ),
        topic(
            "人民调解员业务培训",
            "培训采取“理论授课+案例研讨+现场观摩”的方式,重点讲解调解工作程序、调解协议书制作、调解技巧等内容,并组织调解员现场观摩一起邻里纠纷的调解过程。",
            "培训进一步提升了人民调解员的业务能力,为把矛盾纠纷化解在基层、化解在萌芽状态提供了有力保障。",
        ),
        topic(
            "矛盾纠纷排查化解",
            "司法所联合综治中心、派出所和各村(社区)开展拉网式排查,重点关注婚姻家庭、邻里关系、土地流转、劳资纠纷等领域的苗头性问题,做到早发现、早介入、早化解。",
            "通过常态化排查化解,一批矛盾纠纷被就地化解,辖区信访量明显下降,群众安全感和满意度稳步提升。",
        ),
        topic(
            "法治夜校授课活动",
            "法治夜校利用群众晚间空闲时间开课,由村法律顾问和司法所工作人员担任讲师,围绕群众关心的赡养扶养、宅基地使用、劳动报酬等问题,用身边案例讲解法律知识。",
            "法治夜校灵活便利、贴近生活,让群众在“家门口”就能学法,受到村民的普遍欢迎。",
        ),
        topic(
            "村法律顾问“坐诊”服务",
            "各村(社区)法律顾问按照排班表定期到村“坐诊”,现场解答群众法律咨询,协助村“两委”审查合同、完善村规民约,并为符合条件的困难群众提供法律援助指引。",
            "村法律顾问“坐诊”服务打通了公共法律服务的“最后一公里”,让群众遇事有人帮、有处问。",
        ),
        topic(
            "防范电信网络诈骗宣传",
            "工作人员联合辖区派出所民警走进集市、广场和居民小区,通过发放宣传折页、讲解典型案例、现场指导下载国家反诈中心APP等方式,提醒群众守好“钱袋子”。",
            "宣传活动提高了群众识骗防骗能力,在辖区营造了全民反诈的浓厚氛围。",
        ),
        topic(
            "禁毒宣传",
            "活动现场设置禁毒知识展板,展示仿真毒品模型,工作人员向过往群众讲解毒品的种类、危害以及识别新型毒品的方法,并组织群众签名承诺拒绝毒品。",
            "通过面对面宣传,群众对毒品危害的认识进一步加深,“珍爱生命、远离毒品”的理念深入人心。",
        ),
        topic(
            "安全生产法治宣传",
            "工作人员深入辖区企业、建筑工地和“九小场所”,宣讲《中华人民共和国安全生产法》等法律法规,并结合检查中发现的隐患问题现场释法,督促经营者落实安全生产主体责任。",
            "宣传活动增强了生产经营单位的安全责任意识和守法意识,为辖区安全生产形势持续稳定提供了保障。",
        ),
    ],
    titles: &[
        "{主体}开展{主题}",
        "{主体}多措并举开展{主题}",
        "{主体}{主题}取得实效",
    ],
    summaries: &[
        "近日,{主体}组织开展{主题},进一步提升了辖区群众的法治意识和基层依法治理水平。",
        "{主体}把{主题}作为服务群众的重要抓手,推动法治宣传和法律服务向村(社区)延伸。",
    ],
    body: &[
        Block::One(&[
            "近日,{主体}司法所组织开展{主题}。{详情}",
            "为推动法治宣传教育向基层延伸,{主体}结合辖区实际,扎实开展{主题}。{详情}",
            "{年}年以来,{主体}坚持把{主题}作为基层法治建设的重要内容,持续用力、久久为功。{详情}",
        ]),
        Block::Several(&[
            "{主体}主要负责同志高度重视此项工作,专题研究部署,由司法所牵头制定具体方案,明确时间节点和责任分工,并调动综治、派出所、妇联、团委等多方力量共同参与,形成了齐抓共管的工作格局。",
            "活动中,工作人员注重用群众听得懂的语言讲法律,把抽象的法律条文转化为身边的鲜活案例,现场气氛热烈,不少群众就自己遇到的法律问题向工作人员咨询,工作人员逐一耐心解答。",
            "为扩大覆盖面,{主体}还依托村(社区)微信群、宣传栏和“村村响”广播开展常态化宣传,让群众在田间地头、房前屋后都能听到法治声音、感受法治氛围。",
            "{主体}坚持把普法与依法治理相结合,将工作中收集到的群众意见建议进行梳理分类,对涉及群众切身利益的问题及时转交相关部门办理,做到件件有回音、事事有着落。",
            "今年以来,{主体}坚持把法治宣传和法律服务送到群众身边,通过集中宣传、入户走访、现场咨询等方式,帮助群众解决了一批身边的法律问题,不少矛盾纠纷在萌芽状态就得到化解。",
            "在活动形式上,{主体}积极创新,把法治宣传与文艺演出、志愿服务、主题党日等活动相结合,编排了一批接地气的法治小品和快板,寓教于乐,增强了普法宣传的吸引力。",
            "{主体}司法所工作人员还深入田间地头和群众家中开展“法律服务上门”,为行动不便的老年人、残疾人等特殊群体提供上门法律咨询和帮助,用心用情架起党委政府与群众之间的“连心桥”。",
            "为确保工作常态长效,{主体}建立了司法所、村(社区)、法律顾问、“法律明白人”四级联动工作机制,明确各方职责,定期召开联席会议,通报工作情况,研究解决工作中的困难和问题。",
        ], 4, 6),
        Block::One(&[
            "{要点}下一步,{主体}将继续深化基层法治建设,不断提升群众的法治获得感和满意度。",
            "{要点}{主体}司法所负责人表示,将持续推进法治宣传教育常态化开展,为建设平安和谐的{主体}提供坚实的法治保障。",
        ]),
    ],
    sources: &[
        "{主体}司法所",
        "新洲区司法局",
    ],
    authors: &[
        "{主体}司法所",
        "{主体}党政办",
    ],
};

/// 宪法宣传: constitution campaigns, one per street and activity.
const CONSTITUTION: Feed = Feed {
    slug: "xianfa-xuanchuan",
    subjects: PLACES,
    topics: &[
        topic(
            "宪法进社区",
            "活动现场,工作人员通过设置咨询台、摆放宣传展板、发放《中华人民共和国宪法》单行本等方式,向社区居民宣传宪法的地位、作用和基本原则,并现场解答居民提出的法律问题。",
            "活动让宪法走近居民、走进生活,进一步增强了群众的宪法意识和法治观念。",
        ),
        topic(
            "宪法进校园",
            "活动中,法治副校长以“宪法与我们的生活”为题为学生们上了一堂生动的宪法课,通过讲解宪法知识、互动问答等方式,帮助学生了解公民的基本权利和义务。",
            "活动在青少年心中播下了尊崇宪法的种子,引导学生从小树立宪法意识和规则意识。",
        ),
        topic(
            "宪法进农村",
            "工作人员走进村湾,在村民聚集的广场和文化活动中心开展宣传,结合土地承包、村民自治等与农民切身利益相关的内容,讲解宪法中有关公民基本权利和义务的规定。",
            "活动把宪法精神送到田间地头,引导村民自觉尊法学法守法用法。",
        ),
        topic(
            "宪法进企业",
            "宣讲人员走进辖区企业,围绕宪法规定的劳动者权利、企业依法经营等内容进行宣讲,并结合劳动合同签订、安全生产等实际问题与企业管理人员和职工交流互动。",
            "活动增强了企业经营者的依法经营意识和职工的依法维权意识,助力构建和谐劳动关系。",
        ),
        topic(
            "宪法进机关",
            "活动组织机关干部集中学习宪法文本,观看宪法宣传教育专题片,并开展宪法知识测试,引导党员干部带头尊崇宪法、学习宪法、遵守宪法、维护宪法、运用宪法。",
            "活动进一步增强了机关干部的宪法意识,推动形成依宪执政、依宪行政的良好氛围。",
        ),
        topic(
            "宪法进网格",
            "网格员在日常走访中把宪法宣传融入入户服务,向居民发放宪法宣传手册,讲解宪法知识,并收集居民对法治宣传的意见建议。",
            "依托网格开展宪法宣传,实现了宣传触角向每家每户延伸,打通了宪法宣传的“最后一公里”。",
        ),
        topic(
            "宪法知识有奖竞答",
            "竞答活动设置必答题、抢答题和风险题等环节,题目涵盖宪法的历史沿革、基本原则和重要条款,参赛选手沉着应答,现场观众积极参与互动。",
            "以赛促学、寓教于乐,有效激发了群众学习宪法的热情。",
        ),
        topic(
            "宪法晨读",
            "晨读活动中,参与人员齐声诵读宪法序言和重要条款,诵读声铿锵有力,表达了对宪法的尊崇之情。",
            "通过诵读宪法,宪法精神在潜移默化中深入人心,尊崇宪法的氛围更加浓厚。",
        ),
    ],
    titles: &[
        "{主体}开展“{主题}”主题宣传活动",
        "{主体}举办“{主题}”活动 弘扬宪法精神",
        "弘扬宪法精神 {主体}组织开展“{主题}”活动",
    ],
    summaries: &[
        "近日,{主体}组织开展“{主题}”主题宣传活动,大力弘扬宪法精神,推动宪法深入人心。",
        "{主体}以“{主题}”为载体,推动宪法学习宣传教育走深走实,营造了尊崇宪法、学习宪法的良好氛围。",
    ],
    body: &[
        Block::One(&[
            "近日,{主体}组织开展“{主题}”主题宣传活动。{详情}",
            "为深入学习宣传贯彻宪法,推动宪法精神走进千家万户,{主体}精心组织了“{主题}”活动。{详情}",
            "宪法是国家的根本法,是治国安邦的总章程。{年}年以来,{主体}把“{主题}”作为宪法宣传教育的重要载体持续推进。{详情}",
        ]),
        Block::Several(&[
            "活动中,工作人员重点宣传了宪法作为国家根本法的地位和作用,宣传了宪法确立的国家根本制度和根本任务以及宪法关于公民基本权利和义务的规定,引导群众认识到宪法不仅是全体公民必须遵循的行为规范,也是保障公民权利的法律武器。",
            "为增强宣传效果,{主体}精心准备了宪法宣传折页、宪法单行本和印有宪法标语的环保袋等宣传品,并在辖区主要路段、村(社区)宣传栏张贴宪法宣传海报,利用电子显示屏滚动播放宪法宣传标语。",
            "活动现场,不少群众驻足观看宣传展板,认真阅读宣传资料。一位居民说:“以前总觉得宪法离我们很远,今天听了讲解才知道,宪法和我们每个人的生活都息息相关。”",
            "{主体}还充分利用微信公众号、村(社区)微信群推送宪法知识和宪法小故事,开展线上宪法知识答题,吸引了众多群众参与,使宪法宣传突破时间和空间的限制。",
            "此次活动由{主体}司法所牵头,联合辖区派出所、学校、村(社区)以及法律顾问共同开展,各方力量协同配合,确保了活动有序开展、取得实效。",
            "活动现场发放宪法宣传资料千余份,解答群众法律咨询数十人次,吸引了众多群众驻足参与。",
            "活动中还设置了互动问答环节,群众踊跃参与,答对题目的群众获赠了宪法宣传品。通过这种寓教于乐的方式,群众在轻松愉快的氛围中学习了宪法知识,加深了对宪法的理解。",
            "{主体}把宪法学习宣传与理想信念教育、社会主义核心价值观宣传、移风易俗等工作结合起来,推动宪法精神融入群众日常生活,引导群众自觉尊崇宪法、学习宪法、遵守宪法、维护宪法、运用宪法。",
        ], 4, 6),
        Block::One(&[
            "{要点}下一步,{主体}将继续把宪法宣传教育作为普法工作的首要任务,推动宪法宣传常态化、长效化,让宪法精神真正深入人心。",
            "{要点}{主体}相关负责人表示,将以此次活动为契机,持续推动宪法宣传进机关、进乡村、进社区、进学校、进企业、进单位,切实增强全社会的宪法意识。",
        ]),
    ],
    sources: &[
        "{主体}司法所",
        "新洲区司法局",
    ],
    authors: &[
        "区普法办",
        "{主体}司法所",
    ],
};

/// 民法典宣传: Civil Code talks, each on the part of the code people ask about.
const CIVIL_CODE: Feed = Feed {
    slug: "minfadian-xuanchuan",
    subjects: PLACES,
    topics: &[
        topic(
            "民法典进万家",
            "宣讲人员以“民法典就在我们身边”为主题,从出生到继承,从买房租房到婚姻家庭,结合群众日常生活中的常见问题,系统讲解民法典的主要内容和重要制度。",
            "活动让民法典走到群众身边、走进群众心里,为群众运用法律维护自身权益提供了指引。",
        ),
        topic(
            "民法典与婚姻家庭",
            "宣讲围绕民法典婚姻家庭编,重点讲解了结婚、离婚冷静期、夫妻共同债务认定、子女抚养等群众关注的热点问题,并结合典型案例进行深入剖析。",
            "宣讲帮助群众正确认识婚姻家庭中的权利和义务,引导大家树立优良家风,维护家庭和谐稳定。",
        ),
        topic(
            "民法典与物业服务",
            "宣讲人员围绕民法典物权编和合同编中有关业主权利、业主大会、物业服务合同的规定,讲解了物业费缴纳、公共收益归属、共有部分使用等问题。",
            "宣讲引导业主和物业服务企业依法行使权利、履行义务,为构建和谐的小区治理秩序奠定了基础。",
        ),
        topic(
            "民法典与邻里关系",
            "宣讲人员结合民法典关于相邻关系的规定,讲解了通行、排水、通风、采光等常见邻里问题的处理原则,并提醒群众遇到纠纷时通过协商、调解等方式依法解决。",
            "宣讲引导群众按照有利生产、方便生活、团结互助、公平合理的原则处理邻里关系,促进了邻里和睦。",
        ),
        topic(
            "民法典与合同订立",
            "宣讲人员以群众日常生活中常见的买卖、租赁、借款等合同为例,讲解了合同的订立、效力、履行以及违约责任等内容,提醒群众签订合同时注意审查对方主体资格、明确约定双方权利义务。",
            "宣讲增强了群众的契约意识和风险防范意识,帮助群众在经济活动中更好地维护自身合法权益。",
        ),
        topic(
            "民法典与继承",
            "宣讲人员围绕民法典继承编,讲解了法定继承的顺序、遗嘱的几种形式、遗产的分割等内容,特别介绍了打印遗嘱、录像遗嘱等新的遗嘱形式以及遗产管理人制度。",
            "宣讲帮助群众依法处理家庭财产传承问题,减少了因继承引发的家庭矛盾。",
        ),
        topic(
            "民法典与个人信息保护",
            "宣讲人员结合民法典人格权编中关于隐私权和个人信息保护的规定,提醒群众在日常生活中妥善保管身份证件、银行卡等信息,警惕非法收集、买卖个人信息的行为。",
            "宣讲提高了群众保护个人信息的意识和能力,引导大家依法维护自身人格权益。",
        ),
        topic(
            "民法典与老年人权益",
            "宣讲人员围绕民法典中有关赡养、意定监护、遗赠扶养协议等规定,结合涉老纠纷典型案例,向老年人讲解如何依法维护自身合法权益。",
            "宣讲增强了老年人的维权意识,也引导子女自觉履行赡养义务,弘扬了尊老爱老的传统美德。",
        ),
    ],
    titles: &[
        "{主体}开展“{主题}”专题宣讲",
        "{主体}举办“{主题}”普法讲座",
        "美好生活·民法典相伴 {主体}开展“{主题}”宣传活动",
    ],
    summaries: &[
        "近日,{主体}开展“{主题}”专题宣讲,推动民法典走到群众身边、走进群众心里。",
        "为推动民法典深入人心,{主体}以“{主题}”为主题开展宣传,引导群众自觉运用民法典维护自身合法权益。",
    ],
    body: &[
        Block::One(&[
            "近日,{主体}组织开展“{主题}”专题宣讲活动。{详情}",
            "民法典被称为“社会生活的百科全书”。为推动民法典走到群众身边,{主体}结合辖区实际开展了“{主题}”宣传活动。{详情}",
            "为深入开展“美好生活·民法典相伴”主题宣传,{主体}以“{主题}”为切入点,组织法律顾问、律师志愿者走进村(社区)开展宣讲。{详情}",
        ]),
        Block::Several(&[
            "宣讲过程中,主讲人坚持以案说法、以案释法,选取发生在群众身边的真实案例,将枯燥的法律条文转化为通俗易懂的生活语言,让群众听得懂、记得住、用得上。",
            "宣讲结束后,主讲人与现场群众开展互动交流,就群众提出的房屋买卖、赡养老人、遗产继承等问题逐一解答,并对需要进一步跟进的问题做好登记,安排法律顾问后续跟进服务。",
            "为扩大宣传覆盖面,{主体}在辖区醒目位置设置民法典宣传展板,在村(社区)宣传栏张贴民法典宣传海报,并通过微信群推送民法典“每日一条”,让群众随时随地学习民法典。",
            "{主体}还组建了由司法所工作人员、村(社区)法律顾问和“法律明白人”组成的民法典宣讲小分队,深入村湾、小区、企业开展“点单式”宣讲,根据群众需求确定宣讲内容。",
            "现场群众纷纷表示,以前遇到问题不知道该怎么办,通过这次宣讲,对民法典有了更深入的了解,今后遇到纠纷会主动学法、依法维权。",
            "活动现场发放民法典宣传手册和宣传折页千余份,解答群众咨询数十人次,受到辖区群众的欢迎。",
            "{主体}还把民法典宣传与矛盾纠纷排查化解工作结合起来,在调处婚姻家庭、邻里纠纷、合同纠纷等矛盾时,以民法典相关规定为依据释法明理,做到调处一起纠纷、教育一片群众。",
            "为增强宣传的针对性,{主体}针对老年人、妇女、外出务工人员、个体工商户等不同群体的法律需求,分类制作宣传资料,开展差异化宣讲,让群众在最需要的时候学到最管用的法律知识。",
        ], 4, 6),
        Block::One(&[
            "{要点}下一步,{主体}将持续深化民法典学习宣传,推动民法典实施水平不断提升。",
            "{要点}{主体}相关负责人表示,将把民法典宣传作为一项长期性、基础性工作常抓不懈,让民法典真正成为群众日常生活的行为准则。",
        ]),
    ],
    sources: &[
        "{主体}司法所",
        "新洲区司法局",
    ],
    authors: &[
        "区普法办",
        "{主体}司法所",
    ],
};

/// 青少年普法: legal education in the district's schools.
const YOUTH: Feed = Feed {
    slug: "qingshaonian-pufa",
    subjects: &[
        "新洲一中",
        "新洲三中",
        "邾城一中",
        "阳逻一中",
        "仓埠中学",
        "汪集中学",
        "双柳中学",
        "李集中学",
        "区实验小学",
        "邾城一小",
        "阳逻一小",
    ],
    topics: &[
        topic(
            "法治副校长进课堂",
            "法治副校长以“学法懂法 健康成长”为题,结合真实案例,向同学们讲解了什么是违法犯罪、未成年人应当如何保护自己等内容,课堂上同学们踊跃提问,气氛十分活跃。",
            "法治课帮助学生增强了法治观念和自我保护意识,引导学生做尊法学法守法用法的好少年。",
        ),
        topic(
            "模拟法庭",
            "模拟法庭以一起校园纠纷案件为蓝本,由学生分别担任审判长、公诉人、辩护人、被告人等角色,完整再现了法庭调查、法庭辩论、最后陈述等庭审环节。",
            "通过身临其境的角色扮演,学生们直观感受到法律的庄严,进一步增强了遵纪守法的自觉性。",
        ),
        topic(
            "预防校园欺凌",
            "活动中,主讲人通过案例讲解、情景模拟等方式,向学生讲解校园欺凌的表现形式、危害以及应对方法,告诉同学们遭遇欺凌时要及时向老师和家长求助。",
            "活动引导学生学会尊重他人、友善相处,共同营造安全、和谐、友爱的校园环境。",
        ),
        topic(
            "预防未成年人犯罪",
            "主讲人结合《中华人民共和国预防未成年人犯罪法》,向学生讲解了不良行为和严重不良行为的表现,分析了未成年人走上违法犯罪道路的原因,提醒同学们远离不良诱惑。",
            "活动帮助学生明辨是非、守住底线,增强了自我约束和自我保护的能力。",
        ),
        topic(
            "青少年禁毒教育",
            "活动通过展示仿真毒品模型、播放禁毒教育视频、讲解新型毒品伪装形式等方式,让学生们认识毒品的种类和危害,掌握拒绝毒品的方法。",
            "活动在学生心中筑牢了拒绝毒品的思想防线,增强了学生识毒、防毒、拒毒的意识和能力。",
        ),
        topic(
            "网络安全与个人信息保护",
            "主讲人围绕网络沉迷、网络诈骗、网络暴力和个人信息泄露等问题,结合青少年上网特点进行讲解,提醒同学们文明上网、理性上网,不轻易泄露个人和家庭信息。",
            "活动增强了学生的网络安全意识和个人信息保护能力,引导学生健康上网、安全上网。",
        ),
        topic(
            "未成年人保护法宣讲",
            "主讲人围绕《中华人民共和国未成年人保护法》规定的家庭保护、学校保护、社会保护、网络保护、政府保护、司法保护等内容,向师生和家长进行了深入浅出的讲解。",
            "宣讲让学生了解到自己享有的合法权利,也让家长和老师进一步明确了保护未成年人的法定责任。",
        ),
        topic(
            "法治主题班会",
            "各班级以“法治伴我成长”为主题召开班会,同学们通过讲法治故事、分享学法心得、开展法律知识问答等形式,交流自己对法治的认识和理解。",
            "主题班会让学生在参与中学法、在互动中悟法,校园法治文化氛围日益浓厚。",
        ),
    ],
    titles: &[
        "{主体}开展“{主题}”主题教育活动",
        "法治护航成长 {主体}举行“{主题}”活动",
        "{主体}:“{主题}”为青少年健康成长护航",
    ],
    summaries: &[
        "近日,{主体}开展“{主题}”主题教育活动,引导青少年学法、知法、守法、用法。",
        "{主体}以“{主题}”为载体,把法治教育融入校园生活,为青少年健康成长营造良好的法治环境。",
    ],
    body: &[
        Block::One(&[
            "近日,{主体}联合区司法局、辖区派出所开展“{主题}”主题教育活动,全校师生参加。{详情}",
            "为增强青少年的法治意识和自我保护能力,{主体}精心组织了“{主题}”活动。{详情}",
            "青少年是祖国的未来和民族的希望。{年}年以来,{主体}把法治教育纳入学校德育工作的重要内容,“{主题}”活动是其中的一项重要举措。{详情}",
        ]),
        Block::Several(&[
            "为确保活动效果,学校提前做好准备工作,根据不同年级学生的认知特点设计活动内容,低年级侧重规则意识培养,高年级侧重法律知识学习,做到分层施教、因材施教。",
            "活动中,同学们认真聆听、积极互动。一名学生表示:“通过这次活动,我明白了法律就在我们身边,以后要做一个知法守法的好学生,也会把学到的知识讲给家人听。”",
            "学校还通过“小手拉大手”的方式,向学生家长发放《致家长的一封信》和法治宣传资料,提醒家长履行监护职责,关注孩子的身心健康,形成家校共育的工作合力。",
            "近年来,学校建立健全法治教育长效机制,聘请法官、检察官、民警担任法治副校长,将法治教育纳入课程计划,利用道德与法治课、班会课、国旗下讲话等时机开展法治教育。",
            "学校在校园内设置法治宣传栏和法治文化墙,利用校园广播、电子屏和校园公众号开展常态化宣传,让学生在潜移默化中接受法治熏陶。",
            "活动结束后,各班级组织学生撰写心得体会、绘制法治手抄报,并评选出一批优秀作品在校园内展出,进一步巩固了活动成果。",
            "学校相关负责人介绍,学校每学期都会结合重要时间节点开展主题法治教育活动,如开学第一课、全民国家安全教育日、国际禁毒日、国家宪法日等,使法治教育贯穿全年、常态开展。",
            "区司法局、区教育局联合建立了法治副校长工作机制,定期组织法治副校长开展业务培训和工作交流,推动法治副校长履职尽责,为校园法治教育提供专业支撑。",
        ], 4, 6),
        Block::One(&[
            "{要点}学校负责人表示,将继续加强与司法、公安等部门的协作,不断丰富法治教育的内容和形式,为学生健康成长保驾护航。",
            "{要点}下一步,{主体}将把法治教育贯穿教育教学全过程,努力培养尊法学法守法用法的新时代好少年。",
        ]),
    ],
    sources: &[
        "新洲区教育局",
        "新洲区司法局",
    ],
    authors: &[
        "{主体}",
        "区教育局",
    ],
};

/// 民事案例: hypothetical civil disputes written for teaching (示例情形), each explained with
/// the article of the Civil Code it turns on. No real court, case or party appears; the
/// quotations were checked against the text of the Civil Code, keep them exact when editing.
const CIVIL_CASES: Feed = Feed {
    slug: "minshi-anli",
    subjects: &[
        "以案释法示例",
        "民法典小课堂",
        "普法微课堂",
        "法律明白人课堂",
        "说案学法",
        "调解员讲法",
        "律师志愿者说法",
    ],
    topics: &[
        topic(
            "民间借贷纠纷",
            "假设{甲}与{乙}是多年的朋友。{乙}因资金周转困难向{甲}借款五万元,并出具借条,约定一年后归还。借款到期后,{甲}多次催要,{乙}却以各种理由拖延不还。在这种情况下,{甲}可以凭借条、转账记录等证据先与{乙}协商,或者申请人民调解;协商、调解不成的,可以依法向人民法院起诉,要求{乙}归还借款并依法支付逾期利息。",
            "《中华人民共和国民法典》第六百七十五条规定,借款人应当按照约定的期限返还借款。需要提醒的是,民间借贷应当签订书面借条,写明借款金额、期限、利息等内容,并尽量通过银行转账方式交付款项,保留好相关凭证;出借人发现借款人逾期不还时,应当及时主张权利,避免超过诉讼时效。",
        ),
        topic(
            "机动车交通事故责任纠纷",
            "假设{甲}驾驶电动自行车正常行驶时,被{乙}驾驶的小型轿车追尾撞倒受伤,经交通管理部门认定,{乙}负事故全部责任。双方就赔偿问题协商不成。在这种情况下,{甲}可以就医疗费、误工费、护理费等损失,依法向{乙}及其投保的保险公司主张赔偿。",
            "《中华人民共和国民法典》第一千二百一十三条规定,机动车发生交通事故造成损害,属于该机动车一方责任的,先由承保机动车强制保险的保险人在强制保险责任限额范围内予以赔偿;不足部分,由承保机动车商业保险的保险人按照保险合同的约定予以赔偿;仍然不足或者没有投保机动车商业保险的,由侵权人赔偿。需要提醒的是,机动车所有人应当依法投保交强险,并根据需要投保商业三者险,以分散事故风险。",
        ),
        topic(
            "赡养纠纷",
            "假设{甲}年逾七旬,老伴去世后独自生活,身患多种慢性病,生活较为困难。其独子长期在外务工,以自己经济条件有限为由不愿支付赡养费。遇到这种情况,{甲}可以请村(社区)人民调解委员会出面调解;调解不成的,可以依法向人民法院起诉,要求儿子给付赡养费。",
            "《中华人民共和国民法典》第一千零六十七条第二款规定,成年子女不履行赡养义务的,缺乏劳动能力或者生活困难的父母,有要求成年子女给付赡养费的权利。需要提醒的是,赡养老人既是中华民族的传统美德,也是子女应尽的法定义务,子女不仅要在经济上供养老人,还要在生活上照料、精神上慰藉老人。",
        ),
        topic(
            "相邻关系纠纷",
            "假设{甲}与{乙}是同村邻居。{乙}翻建房屋时,把排水管道直接接到{甲}家房屋墙角,导致雨天积水渗入{甲}家中。{甲}多次与{乙}商量,都没有结果。这种情况下,{甲}可以请村人民调解委员会调解,也可以依法向人民法院起诉,请求{乙}排除妨碍。",
            "《中华人民共和国民法典》第二百八十八条规定,不动产的相邻权利人应当按照有利生产、方便生活、团结互助、公平合理的原则,正确处理相邻关系。需要提醒的是,邻里之间应当互谅互让,在行使自己权利的同时不得损害他人的合法权益,遇到矛盾可以先通过村(社区)人民调解委员会调解解决。",
        ),
        topic(
            "物业服务合同纠纷",
            "假设{乙}是某小区业主,以小区绿化维护不到位、对物业服务不满意为由,连续两年拒绝缴纳物业费。如果物业服务企业已经按照合同约定提供了服务,{乙}仅以对部分服务不满意为由拒缴物业费,一般难以成立;物业服务企业可以催告{乙}在合理期限内支付,合理期限届满仍不支付的,可以依法提起诉讼或者申请仲裁。",
            "《中华人民共和国民法典》第九百四十四条第一款规定,业主应当按照约定向物业服务人支付物业费。物业服务人已经按照约定和有关规定提供服务的,业主不得以未接受或者无需接受相关物业服务为由拒绝支付物业费。需要提醒的是,业主对物业服务有意见的,可以通过业主委员会、向有关主管部门反映等合法途径解决,而不宜以拒缴物业费的方式维权。",
        ),
        topic(
            "提供劳务者受害责任纠纷",
            "假设{甲}受雇于{乙},为其自建房屋粉刷外墙。施工时,{甲}因未系安全带从脚手架上摔下受伤。在这种情形下,{乙}作为接受劳务一方,如果没有提供必要的安全防护措施,应当承担相应责任;{甲}自身安全意识不足,也有一定过错。双方各自承担多少责任,要根据各自的过错来确定。",
            "《中华人民共和国民法典》第一千一百九十二条第一款对个人之间劳务关系中的责任承担作了规定,其中明确:提供劳务一方因劳务受到损害的,根据双方各自的过错承担相应的责任。需要提醒的是,农村自建房施工中,接受劳务一方应当尽到安全保障义务,提供劳务一方也应增强安全意识,规范作业。",
        ),
        topic(
            "房屋租赁合同纠纷",
            "假设{乙}承租{甲}的门面房用于经营,双方签订了租赁合同,约定租金按季度支付。后来{乙}连续两个季度没有支付租金,经{甲}多次催告仍不支付。在这种情况下,{甲}可以依法解除合同,并要求{乙}腾退房屋、支付拖欠的租金。",
            "《中华人民共和国民法典》第七百二十二条规定,承租人无正当理由未支付或者迟延支付租金的,出租人可以请求承租人在合理期限内支付;承租人逾期不支付的,出租人可以解除合同。需要提醒的是,租赁双方应当签订书面合同,明确租金、租期、违约责任等条款,承租人应当按约支付租金,出租人解除合同也应依法进行。",
        ),
        topic(
            "高空坠物损害责任纠纷",
            "假设{甲}在小区楼下行走时,被从楼上坠落的花盆砸伤。经查,花盆是从{乙}家阳台外沿坠落的。在这种情形下,{乙}作为房屋使用人,如果不能证明自己没有过错,就应当对{甲}的医疗费等损失承担赔偿责任。",
            "《中华人民共和国民法典》第一千二百五十三条规定,建筑物、构筑物或者其他设施及其搁置物、悬挂物发生脱落、坠落造成他人损害,所有人、管理人或者使用人不能证明自己没有过错的,应当承担侵权责任。民法典同时明确禁止从建筑物中抛掷物品。需要提醒的是,居民不要在阳台外沿、窗台摆放花盆等物品,共同守护“头顶上的安全”。",
        ),
        topic(
            "法定继承纠纷",
            "假设{甲}的父母先后去世,没有留下遗嘱,遗有房屋一套。{甲}与兄长就房屋如何分割发生争议,{甲}认为自己多年来与父母共同生活并照料其起居,应当多分。按照法律规定,{甲}与兄长都是第一顺序继承人,份额一般应当均等;{甲}对父母尽了主要扶养义务,分配遗产时可以多分。",
            "《中华人民共和国民法典》第一千一百三十条规定,同一顺序继承人继承遗产的份额,一般应当均等。同条还规定,对被继承人尽了主要扶养义务或者与被继承人共同生活的继承人,分配遗产时,可以多分。需要提醒的是,家庭成员之间应当多沟通协商,老年人也可以通过订立遗嘱等方式提前对财产作出安排,减少家庭矛盾。",
        ),
        topic(
            "饲养动物损害责任纠纷",
            "假设{乙}饲养的一条大型犬没有拴绳,在村道上突然扑向路过的{甲},致其摔倒受伤。{甲}要求赔偿,{乙}却认为是{甲}自己没站稳。按照法律规定,{乙}违反管理规定、未对犬只采取安全措施,造成他人损害的,应当承担侵权责任。",
            "《中华人民共和国民法典》第一千二百四十六条规定,违反管理规定,未对动物采取安全措施造成他人损害的,动物饲养人或者管理人应当承担侵权责任;但是,能够证明损害是因被侵权人故意造成的,可以减轻责任。需要提醒的是,养犬人应当依法文明养犬,出户时为犬只束犬链、佩戴犬牌,避免犬只伤人。",
        ),
    ],
    titles: &[
        "{主体}:假如遇到{主题},法律怎么说",
        "{主体}:一则{主题}示例情形解析",
        "{主体}:从一个假设情形看{主题}",
    ],
    summaries: &[
        "本文以一个为普法宣传编写的{主题}假设情形为例,结合民法典的有关规定,解读此类纠纷中群众需要注意的法律要点。文中人物和情节均为虚构。",
        "{主体}通过一则虚构的{主题}示例情形以案释法,帮助群众了解相关法律规定,依法维护自身合法权益。",
    ],
    body: &[
        Block::One(&[
            "{主题}是日常生活中较为常见的民事纠纷。下面以一个为普法宣传编写的假设情形为例,说一说其中的法律道理,供广大群众参考。",
            "以案释法是群众喜闻乐见的普法方式。本期{主体}以{主题}为话题,通过一个虚构的示例情形,介绍相关法律规定和注意事项。",
            "为帮助群众了解{主题}中的常见法律问题,{主体}编写了以下示例情形。情形中的人物和情节均为虚构,不对应任何真实案件。",
        ]),
        Block::Heading("示例情形"),
        Block::Line("{详情}"),
        Block::Heading("法律解读"),
        Block::Line("{要点}"),
        Block::Several(&[
            "需要说明的是,现实中的纠纷千差万别,处理结果取决于具体的事实和证据。上述情形只是为帮助理解法律规定所作的简化示例,遇到实际问题,应当以有关机关依法作出的处理为准。",
            "群众在日常生活中遇到纠纷,可以首先通过协商、调解等方式解决;协商不成的,可以依法向人民法院提起诉讼,但要注意收集和保存相关证据,在法定期限内主张权利。",
            "人民调解是化解基层矛盾纠纷的重要方式。村(社区)人民调解委员会调解民间纠纷不收取费用,许多邻里、家庭纠纷通过调解就地化解,既节省时间和精力,也有利于维护亲情和邻里关系。",
            "经济困难的群众如需法律帮助,可以向当地法律援助机构申请法律援助,也可以拨打12348公共法律服务热线进行咨询。",
        ], 2, 3),
        Block::One(&[
            "以案释法,以法育人。学法、懂法、守法、用法,才能在遇到纠纷时心中有数,依法理性表达诉求、维护自身权益。",
            "广大群众遇到法律问题,要及时寻求专业帮助,通过合法途径维护自身权益,共同营造和谐稳定的社会环境。",
        ]),
    ],
    sources: &[
        "以案释法示例",
        "普法示例",
    ],
    authors: &[
        "普法示例编写组",
        "区普法办",
    ],
};

/// 刑事案例: hypothetical criminal cases written for teaching (示例情形), each explained with
/// the article of the Criminal Law it turns on. No real court, case, party, verdict or
/// sentence appears; the quotations were checked against the text of the Criminal Law, keep
/// them exact when editing.
const CRIMINAL_CASES: Feed = Feed {
    slug: "xingshi-anli",
    subjects: &[
        "以案释法示例",
        "普法示例",
        "法治微课堂",
        "以案说法",
        "学法小课堂",
        "刑法小课堂",
        "法治夜校",
        "普法讲堂",
        "法律明白人课堂",
        "说法讲堂",
        "网格学法",
        "普法志愿者说法",
        "法治副校长说法",
    ],
    topics: &[
        topic(
            "危险驾驶",
            "假设{甲}与朋友聚餐时饮酒,饭后心存侥幸,自己驾驶小型轿车回家,途中遇到交警例行检查。如果经检验,{甲}血液中的酒精含量达到醉酒驾驶的标准,{甲}的行为就可能构成危险驾驶罪,依法要承担刑事责任,同时还将面临吊销机动车驾驶证等处理。",
            "《中华人民共和国刑法》第一百三十三条之一规定,在道路上驾驶机动车,有该条所列情形之一的,处拘役,并处罚金,其中就包括“醉酒驾驶机动车的”。需要提醒的是,醉驾不仅要承担刑事责任,还会对个人工作和生活造成严重影响。“喝酒不开车,开车不喝酒”,切莫心存侥幸。",
        ),
        topic(
            "帮助信息网络犯罪活动",
            "假设{甲}为赚取所谓的“好处费”,在明知对方可能利用银行卡从事违法犯罪活动的情况下,仍把自己办理的多张银行卡及配套的手机卡出租、出售给他人使用。如果这些银行卡被用于电信网络诈骗资金流转,且达到情节严重的程度,{甲}的行为就可能构成帮助信息网络犯罪活动罪。",
            "《中华人民共和国刑法》第二百八十七条之二规定,明知他人利用信息网络实施犯罪,为其犯罪提供互联网接入、服务器托管、网络存储、通讯传输等技术支持,或者提供广告推广、支付结算等帮助,情节严重的,处三年以下有期徒刑或者拘役,并处或者单处罚金。需要提醒的是,银行卡、手机卡以及各类支付账户都不能出租、出借、出售,切勿因贪图小利沦为诈骗分子的“帮凶”。",
        ),
        topic(
            "诈骗",
            "假设{甲}通过网络结识{乙},以谈恋爱为名骗取{乙}的信任后,先后以投资理财、家人生病急需用钱等理由,让{乙}转账十余万元,随后将{乙}拉黑。以非法占有为目的,虚构事实、隐瞒真相,骗取他人财物,数额较大的,就可能构成诈骗罪;行为人除依法承担刑事责任外,还应当退赔被害人的经济损失。",
            "《中华人民共和国刑法》第二百六十六条规定,诈骗公私财物,数额较大的,处三年以下有期徒刑、拘役或者管制,并处或者单处罚金;数额巨大或者有其他严重情节的,处三年以上十年以下有期徒刑,并处罚金。需要提醒的是,网络交友要提高警惕,凡是网上认识的人以各种理由要求转账汇款的,都要多方核实,谨防上当受骗。",
        ),
        topic(
            "盗窃",
            "假设{甲}没有固定职业,多次趁夜深人静窜入居民小区,采用拉车门的方式盗窃车内财物,再将所盗财物变卖挥霍。按照法律规定,多次盗窃的,即使每次盗得的财物价值不高,也可能构成盗窃罪,行为人将被依法追究刑事责任。",
            "《中华人民共和国刑法》第二百六十四条规定,盗窃公私财物,数额较大的,或者多次盗窃、入户盗窃、携带凶器盗窃、扒窃的,处三年以下有期徒刑、拘役或者管制,并处或者单处罚金。需要提醒的是,车主停车后要锁好车门,不要在车内存放贵重物品;同时,任何人都要通过诚实劳动获取财富,不义之财终将受到法律的惩处。",
        ),
        topic(
            "非法捕捞水产品",
            "假设{甲}明知长江流域重点水域已经实行禁捕,仍驾驶小船,使用电鱼工具在长江水域捕鱼。违反保护水产资源法规,在禁渔区、禁渔期或者使用禁用的工具、方法捕捞水产品,情节严重的,就可能构成非法捕捞水产品罪;行为人除依法承担刑事责任外,还可能被要求承担增殖放流等生态修复责任。",
            "《中华人民共和国刑法》第三百四十条规定,违反保护水产资源法规,在禁渔区、禁渔期或者使用禁用的工具、方法捕捞水产品,情节严重的,处三年以下有期徒刑、拘役、管制或者罚金。需要提醒的是,长江“十年禁渔”是保护长江生态的重大举措,长江保护法对长江流域重点水域禁捕作了明确规定。广大群众要自觉遵守禁捕规定,发现非法捕捞行为及时举报。",
        ),
        topic(
            "拒不支付劳动报酬",
            "假设{甲}承包某工程项目后,以资金紧张为由长期拖欠二十余名农民工的工资。人力资源社会保障部门依法责令其限期支付后,{甲}仍不支付,还关机躲避。以逃匿等方法逃避支付劳动者的劳动报酬,或者有能力支付而不支付,数额较大,经政府有关部门责令支付仍不支付的,就可能构成拒不支付劳动报酬罪。",
            "《中华人民共和国刑法》第二百七十六条之一规定,以转移财产、逃匿等方法逃避支付劳动者的劳动报酬或者有能力支付而不支付劳动者的劳动报酬,数额较大,经政府有关部门责令支付仍不支付的,处三年以下有期徒刑或者拘役,并处或者单处罚金。同条还规定,尚未造成严重后果,在提起公诉前支付劳动者的劳动报酬,并依法承担相应赔偿责任的,可以减轻或者免除处罚。需要提醒的是,劳动者被拖欠工资时,可以向劳动保障监察部门投诉,也可以申请法律援助,依法维护自身权益。",
        ),
        topic(
            "拒不执行判决、裁定",
            "假设{甲}在一起民间借贷纠纷中,被生效判决确定应当向{乙}偿还借款。{甲}有能力履行却拒不还款,反而将名下车辆低价转让给亲属,企图逃避执行。对人民法院的判决、裁定有能力执行而拒不执行,情节严重的,就可能构成拒不执行判决、裁定罪。",
            "《中华人民共和国刑法》第三百一十三条规定,对人民法院的判决、裁定有能力执行而拒不执行,情节严重的,处三年以下有期徒刑、拘役或者罚金;情节特别严重的,处三年以上七年以下有期徒刑,并处罚金。需要提醒的是,生效法律文书必须履行,拒不履行的,不仅可能被纳入失信被执行人名单,还可能被依法追究刑事责任。",
        ),
        topic(
            "故意伤害",
            "假设{甲}与邻居{乙}因宅基地边界问题素有矛盾。一次争吵中,{甲}情绪激动,持木棍将{乙}打伤。如果经鉴定{乙}的伤情达到轻伤以上,{甲}的行为就可能构成故意伤害罪。行为人到案后如实供述、积极赔偿并取得被害人谅解的,司法机关在处理时会依法予以考虑。",
            "《中华人民共和国刑法》第二百三十四条第一款规定,故意伤害他人身体的,处三年以下有期徒刑、拘役或者管制。需要提醒的是,邻里之间发生矛盾,应当冷静理性、互谅互让,可以寻求村(社区)人民调解委员会调解,切不可意气用事、以暴制暴,否则既伤害他人,也害了自己。",
        ),
        topic(
            "掩饰、隐瞒犯罪所得",
            "假设{甲}经营一家废品回收站,在明知他人出售的电缆线来路不明、价格明显低于市场价的情况下,仍多次收购并转手倒卖。明知是犯罪所得而予以收购、代为销售的,就可能构成掩饰、隐瞒犯罪所得罪,违法所得也将被依法追缴。",
            "《中华人民共和国刑法》第三百一十二条规定,明知是犯罪所得及其产生的收益而予以窝藏、转移、收购、代为销售或者以其他方法掩饰、隐瞒的,处三年以下有期徒刑、拘役或者管制,并处或者单处罚金。需要提醒的是,从事废旧物品收购的经营者应当依法查验、登记,对来路不明的物品坚决不收,切勿因贪图便宜触犯法律。",
        ),
        topic(
            "袭警",
            "假设{甲}酒后在饭店内无故滋事,民警接警后赶到现场依法处置。{甲}不听劝阻,对民警推搡、踢打。暴力袭击正在依法执行职务的人民警察的,就可能构成袭警罪,行为人将被依法追究刑事责任。",
            "《中华人民共和国刑法》第二百七十七条第五款规定,暴力袭击正在依法执行职务的人民警察的,处三年以下有期徒刑、拘役或者管制;使用枪支、管制刀具,或者以驾驶机动车撞击等手段,严重危及其人身安全的,处三年以上七年以下有期徒刑。需要提醒的是,公民应当自觉配合民警依法执行职务,对执法有异议的可以依法申诉、控告,暴力抗法必将受到法律追究。",
        ),
    ],
    titles: &[
        "{主体}:一则{主题}示例情形的法律分析",
        "{主体}:从假设情形看{主题}的法律后果",
        "{主体}:{主题}要承担哪些法律责任",
    ],
    summaries: &[
        "本文通过一个虚构的{主题}示例情形以案释法,解读相关法律规定,提醒群众知法守法,远离违法犯罪。",
        "{主体}以一则假设的{主题}情形为例,讲解相关法律规定,警示广大群众增强法治意识,切莫以身试法。",
    ],
    body: &[
        Block::One(&[
            "以案释法是最生动的普法课。下面通过一个为普法宣传编写的假设情形,讲一讲{主题}涉及的法律规定,以案为鉴,警示群众。",
            "{主题}类违法犯罪在生活中时有发生,具有较强的警示意义。本期{主体}以一个虚构的示例情形为例进行讲解。",
            "为深入开展以案释法,{主体}编写了以下{主题}示例情形。情形中的人物和情节均为虚构,不对应任何真实案件。",
        ]),
        Block::Heading("示例情形"),
        Block::Line("{详情}"),
        Block::Heading("法律解读"),
        Block::Line("{要点}"),
        Block::Several(&[
            "需要说明的是,是否构成犯罪、构成何种犯罪以及如何处罚,要由司法机关根据具体的事实、证据和法律规定依法认定。上述情形只是为帮助理解法律规定所作的简化示例。",
            "此类违法犯罪的发生,往往源于当事人法律意识淡薄、心存侥幸。很多人对自身行为的法律后果认识不足,等到被追究法律责任时才追悔莫及。",
            "政法机关认真落实“谁执法谁普法”普法责任制,在办案过程中同步开展释法说理,并通过庭审公开、发布典型案例等方式开展法治宣传,引导群众从案例中汲取教训,做到知法、守法、用法。",
            "群众如发现违法犯罪线索,可以及时拨打110报警或者向公安机关举报;如需法律咨询,可以拨打12348公共法律服务热线。",
        ], 2, 3),
        Block::One(&[
            "法网恢恢,疏而不漏。广大群众要自觉增强法治观念,严格遵守法律法规,切莫因一时冲动或贪图小利而触犯法律。",
            "以案释法,警钟长鸣。希望广大群众引以为戒,时刻绷紧法律这根弦,做遵纪守法的好公民,共同维护和谐稳定的社会环境。",
        ]),
    ],
    sources: &[
        "以案释法示例",
        "普法示例",
    ],
    authors: &[
        "区普法办",
        "普法示例编写组",
    ],
};

/// 国家法律: write-ups of national laws. Each law appears only from `since` on. Its dates and
/// counts were checked against the published texts of the laws; anything not checked stays
/// general.
const NATIONAL_LAWS: Feed = Feed {
    slug: "guojia-falv",
    subjects: LAW_FORMS,
    topics: &[
        topic(
            "《中华人民共和国宪法》",
            "现行宪法于1982年12月4日由第五届全国人民代表大会第五次会议通过,此后先后于1988年、1993年、1999年、2004年和2018年进行了五次修改。",
            "宪法是国家的根本法,是治国安邦的总章程,具有最高的法律地位、法律权威、法律效力。宪法规定了国家的根本制度和根本任务,规定了公民的基本权利和义务,全国各族人民、一切国家机关和武装力量、各政党和各社会团体、各企业事业组织,都必须以宪法为根本的活动准则。",
        ),
        law(
            "《中华人民共和国民法典》",
            2020,
            "《中华人民共和国民法典》于2020年5月28日经第十三届全国人民代表大会第三次会议表决通过,自2021年1月1日起施行,共7编、1260条。",
            "民法典由总则、物权、合同、人格权、婚姻家庭、继承、侵权责任七编以及附则组成,系统整合了新中国成立以来长期实践形成的民事法律规范,被誉为“社会生活的百科全书”,对保护民事主体合法权益、维护社会和经济秩序具有重要意义。",
        ),
        law(
            "《中华人民共和国行政处罚法》",
            2021,
            "《中华人民共和国行政处罚法》于2021年1月22日经全国人大常委会会议修订通过,自2021年7月15日起施行。",
            "修订后的行政处罚法明确了行政处罚的定义,扩大了地方性法规的行政处罚设定权限,规定初次违法且危害后果轻微并及时改正的,可以不予行政处罚,同时进一步完善了行政处罚程序,强化了对当事人合法权益的保护。",
        ),
        law(
            "《中华人民共和国未成年人保护法》",
            2021,
            "《中华人民共和国未成年人保护法》于2020年10月17日经全国人大常委会会议修订通过,自2021年6月1日起施行。",
            "修订后的未成年人保护法共九章一百三十二条,在原有家庭保护、学校保护、社会保护、司法保护的基础上,新增“网络保护”和“政府保护”两章,构建起全方位的未成年人保护体系,并确立了最有利于未成年人的原则。",
        ),
        law(
            "《中华人民共和国长江保护法》",
            2021,
            "《中华人民共和国长江保护法》于2020年12月26日经全国人大常委会会议审议通过,自2021年3月1日起施行,是我国第一部流域专门法律。",
            "长江保护法坚持生态优先、绿色发展,共抓大保护、不搞大开发,对长江流域的规划与管控、资源保护、水污染防治、生态环境修复、绿色发展等作出了系统规定,明确了长江流域重点水域禁捕等制度,为长江流域生态环境保护提供了坚实的法治保障。",
        ),
        law(
            "《中华人民共和国乡村振兴促进法》",
            2021,
            "《中华人民共和国乡村振兴促进法》于2021年4月29日经全国人大常委会会议审议通过,自2021年6月1日起施行。",
            "乡村振兴促进法围绕产业发展、人才支撑、文化繁荣、生态保护、组织建设等方面作出规定,将促进乡村振兴的政策措施以法律形式固定下来,为全面实施乡村振兴战略提供了法治保障。",
        ),
        law(
            "《中华人民共和国安全生产法》",
            2022,
            "2021年6月10日,全国人大常委会会议通过关于修改《中华人民共和国安全生产法》的决定,修改后的安全生产法自2021年9月1日起施行。",
            "修改后的安全生产法坚持人民至上、生命至上,明确了管行业必须管安全、管业务必须管安全、管生产经营必须管安全的要求,进一步压实生产经营单位的主体责任,加大了对违法行为的处罚力度。",
        ),
        law(
            "《中华人民共和国个人信息保护法》",
            2022,
            "《中华人民共和国个人信息保护法》于2021年8月20日经全国人大常委会会议审议通过,自2021年11月1日起施行。",
            "个人信息保护法明确处理个人信息应当遵循合法、正当、必要和诚信原则,不得通过误导、欺诈、胁迫等方式处理个人信息,确立了以“告知—同意”为核心的个人信息处理规则,并对大数据“杀熟”、公共场所人脸识别等社会关注的问题作出了规范。",
        ),
        law(
            "《中华人民共和国法律援助法》",
            2022,
            "《中华人民共和国法律援助法》于2021年8月20日经全国人大常委会会议审议通过,自2022年1月1日起施行。",
            "法律援助法明确了法律援助是国家建立的为经济困难公民和符合法定条件的其他当事人无偿提供法律咨询、代理、刑事辩护等法律服务的制度,扩大了法律援助的覆盖范围,规范了法律援助的申请和审查程序,让更多困难群众感受到公平正义。",
        ),
        law(
            "《中华人民共和国家庭教育促进法》",
            2022,
            "《中华人民共和国家庭教育促进法》于2021年10月23日经全国人大常委会会议审议通过,自2022年1月1日起施行。",
            "家庭教育促进法明确父母或者其他监护人负责实施家庭教育,国家和社会为家庭教育提供指导、支持和服务,推动家庭教育由传统“家事”上升为重要“国事”,为促进未成年人全面健康成长提供了法治保障。",
        ),
        law(
            "《中华人民共和国反电信网络诈骗法》",
            2023,
            "《中华人民共和国反电信网络诈骗法》于2022年9月2日经全国人大常委会会议审议通过,自2022年12月1日起施行。",
            "反电信网络诈骗法坚持以人民为中心,统筹发展和安全,对电话卡、银行卡、互联网账号等实行全链条治理,明确了电信、金融、互联网等行业主管部门和企业的防范治理责任,为打击治理电信网络诈骗活动提供了有力的法律支撑。",
        ),
        law(
            "《中华人民共和国妇女权益保障法》",
            2023,
            "《中华人民共和国妇女权益保障法》于2022年10月30日经全国人大常委会会议修订通过,自2023年1月1日起施行。",
            "修订后的妇女权益保障法聚焦妇女人身和人格权益、劳动和社会保障权益、婚姻家庭权益等方面,完善了消除性别歧视、防治性骚扰等制度,进一步织密了妇女权益保障的法治网。",
        ),
        law(
            "《中华人民共和国行政复议法》",
            2024,
            "《中华人民共和国行政复议法》于2023年9月1日经全国人大常委会会议修订通过,自2024年1月1日起施行。",
            "修订后的行政复议法明确发挥行政复议化解行政争议的主渠道作用,扩大了行政复议的受案范围,优化了行政复议的管辖体制,完善了行政复议受理、审理和决定程序,更好地保护公民、法人和其他组织的合法权益。",
        ),
        law(
            "《中华人民共和国爱国主义教育法》",
            2024,
            "《中华人民共和国爱国主义教育法》于2023年10月24日经全国人大常委会会议审议通过,自2024年1月1日起施行。",
            "爱国主义教育法明确了爱国主义教育的指导思想、主要内容和实施方式,对学校、家庭、社会等各方面开展爱国主义教育作出规定,为新时代加强爱国主义教育提供了法治保障。",
        ),
    ],
    titles: LAW_TITLES,
    summaries: LAW_SUMMARIES,
    body: LAW_BODY,
    sources: &[
        "新洲区普法办",
        "中国普法网",
    ],
    authors: &[
        "区普法办",
        "区司法局普法科",
    ],
};

/// 地方法规: write-ups of Hubei and Wuhan regulations that exist, kept general on purpose: no
/// dates, article numbers or provisions that could be wrong or out of date.
const LOCAL_RULES: Feed = Feed {
    slug: "difang-fagui",
    subjects: LAW_FORMS,
    topics: &[
        topic(
            "《武汉市文明行为促进条例》",
            "《武汉市文明行为促进条例》是我市引导和规范市民行为、推进城市文明建设的一部地方性法规,对市民在日常生活中应当遵守的文明行为规范作出了规定。",
            "条例倡导文明行为,规范不文明行为,对文明行为的鼓励、保障与实施、监督以及法律责任等作出了规定,明确了有关部门、社会组织和市民个人在促进文明行为中的责任,引导市民从身边小事做起,共同提升城市文明水平。",
        ),
        topic(
            "《武汉市物业管理条例》",
            "《武汉市物业管理条例》是规范我市物业管理活动、维护业主和物业服务企业合法权益的重要地方性法规。",
            "条例对前期物业管理,业主、业主大会和业主委员会,物业管理服务,物业的使用与维护以及法律责任等作出了规定,明确了业主、物业服务企业和有关部门的权利、义务和职责,为化解物业管理中的矛盾纠纷提供了依据。",
        ),
        topic(
            "《武汉市生活垃圾分类管理办法》",
            "《武汉市生活垃圾分类管理办法》是我市推进生活垃圾分类工作的重要政府规章,将生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类。",
            "办法对生活垃圾的分类投放、收集、运输和处理提出了管理要求,明确了单位和个人分类投放生活垃圾的义务,并对违反分类规定的行为设定了相应的法律责任,推动垃圾分类成为市民的自觉行动。",
        ),
        topic(
            "《武汉东湖风景名胜区条例》",
            "《武汉东湖风景名胜区条例》是保护和管理东湖风景名胜区的一部地方性法规。东湖是国家级风景名胜区,也是武汉的一张城市名片。",
            "条例对风景名胜区的规划、保护、利用和管理等作出了规定,加强对东湖水域和生态环境的保护,禁止在风景区内擅自采挖、砍伐林木等破坏行为,并鼓励社会公众通过志愿服务等形式参与风景区的保护。",
        ),
        topic(
            "《武汉市湖泊保护条例》",
            "《武汉市湖泊保护条例》是我市保护湖泊资源、维护湖泊生态功能的重要地方性法规。武汉素有“百湖之市”的美誉,湖泊保护对城市发展意义重大。",
            "条例围绕湖泊的规划、保护、管理和监督作出了规定,明确了政府及有关部门的湖泊保护职责,严格禁止填占湖泊等侵害湖泊的行为,并对违法行为规定了相应的法律责任。",
        ),
        topic(
            "《湖北省安全生产条例》",
            "《湖北省安全生产条例》是我省贯彻落实安全生产法、加强安全生产监督管理的重要地方性法规。",
            "条例明确了生产经营单位的安全生产主体责任,规定了政府及有关部门的安全生产监督管理职责,并对安全生产保障、事故隐患排查治理、应急救援和事故调查处理等作出了规定。",
        ),
        topic(
            "《湖北省法律援助条例》",
            "《湖北省法律援助条例》是我省规范法律援助工作、保障经济困难公民获得必要法律服务的地方性法规。",
            "条例对法律援助的范围、申请与审查、实施以及保障与监督等作出了规定,推动法律援助服务向基层延伸,帮助经济困难群众获得必要的法律服务。",
        ),
        topic(
            "《湖北省消费者权益保护条例》",
            "《湖北省消费者权益保护条例》是我省保护消费者合法权益、维护社会经济秩序的重要地方性法规。",
            "条例对经营者的义务、消费者组织的职责、消费争议的解决和法律责任等作出了规定,对预付式消费、个人信息保护等群众关注的问题作出了规范,为消费者依法维权提供了支撑。",
        ),
        topic(
            "《湖北省实施〈中华人民共和国村民委员会组织法〉办法》",
            "《湖北省实施〈中华人民共和国村民委员会组织法〉办法》是我省规范村民委员会建设、保障村民依法实行自治的重要地方性法规。",
            "办法对村民委员会的设立和职责、村民会议和村民代表会议、民主决策、民主管理和民主监督等作出了规定,为推进村民自治和基层民主法治建设提供了制度保障。",
        ),
    ],
    titles: LAW_TITLES,
    summaries: LAW_SUMMARIES,
    body: LAW_BODY,
    sources: &[
        "新洲区普法办",
        "湖北司法行政",
    ],
    authors: &[
        "区普法办",
        "区司法局普法科",
    ],
};

/// 通知公告: notices of the district offices. Nine topics over three issuers keep each kind of
/// notice with one issuer, and the year in every topic keeps the yearly notices apart.
const NOTICES: Feed = Feed {
    slug: "tongzhi-gonggao",
    subjects: &[
        "新洲区普法办",
        "新洲区司法局",
        "区委依法治区办",
    ],
    topics: &[
        topic(
            "开展{年}年度国家工作人员学法用法考试的通知",
            "根据全区普法工作安排,经研究,决定组织开展{年}年度国家工作人员学法用法考试。考试采取网上答题方式进行,考试内容包括习近平法治思想、宪法、民法典、党内法规以及与岗位职责相关的法律法规。现将有关事项通知如下。",
            "请各单位高度重视,认真组织本单位在编在岗人员按时参加考试,确保应考尽考。考试结果将纳入年度普法责任制考核,对组织不力、参考率偏低的单位予以通报。",
        ),
        topic(
            "公开选聘{年}年度村(社区)法律顾问的公告",
            "为深入推进一村(社区)一法律顾问工作,进一步完善基层公共法律服务体系,现面向社会公开选聘{年}年度村(社区)法律顾问。应聘人员须为在本市执业的律师或基层法律服务工作者,具有良好的职业道德和较强的业务能力。",
            "法律顾问主要为村(社区)提供法律咨询、参与矛盾纠纷调解、协助审查村规民约和合同、开展法治宣传等服务。应聘人员请携带执业证等相关材料到区司法局报名,具体事宜以报名时的说明为准。",
        ),
        topic(
            "{年}年度民主法治示范村(社区)推荐名单的公示",
            "根据民主法治示范村(社区)创建工作安排,经各街(镇)推荐、实地考核和综合评定,拟推荐若干村(社区)申报市级民主法治示范村(社区),现将推荐名单予以公示,接受社会监督。",
            "公示期为五个工作日。公示期间,如对公示对象有异议,可以书面形式向区委依法治区办反映。反映情况应当实事求是,以单位名义反映的须加盖公章,以个人名义反映的须署真实姓名。",
        ),
        topic(
            "征集{年}年度优秀普法作品的通知",
            "为进一步丰富普法宣传载体,提升普法宣传的吸引力和感染力,现面向全区机关、企事业单位和社会各界公开征集{年}年度优秀普法作品。作品类型包括微视频、微动漫、海报、法治故事等,内容应围绕宪法、民法典以及与群众生活密切相关的法律法规。",
            "作品须为原创,主题鲜明、导向正确,不得侵犯他人知识产权。征集结束后将组织评审,评选出的优秀作品将在新洲普法网等平台展播,并择优推荐参加市级评选。",
        ),
        topic(
            "调整{年}年法律援助值班律师工作安排的公告",
            "为进一步方便群众申请法律援助,保障犯罪嫌疑人、被告人依法获得法律帮助,经研究,对区人民法院、区人民检察院法律援助工作站值班律师工作安排进行调整,值班律师由区法律援助中心统一指派。",
            "值班律师主要提供法律咨询、程序选择建议、申请变更强制措施、对案件处理提出意见等法律帮助。群众如需咨询,可在工作日前往各工作站,或拨打12348公共法律服务热线。",
        ),
        topic(
            "开展{年}年度普法责任制单位履职评议的通知",
            "为深入落实国家机关“谁执法谁普法”普法责任制,经研究,决定对区直普法责任单位{年}年度普法履职情况进行评议。评议内容包括普法工作组织领导、普法责任清单落实、以案释法开展、普法阵地建设等情况。",
            "请各单位对照评议内容认真开展自查,形成书面自查报告,并按要求报送区委依法治区办。评议结果将在一定范围内通报,并作为年度综合考核的重要参考。",
        ),
        topic(
            "招募{年}年度普法志愿者的公告",
            "为壮大普法志愿服务力量,推动法治宣传教育深入基层,现面向社会公开招募{年}年度普法志愿者。凡年满十八周岁、热心公益事业、具有一定法律知识的机关干部、律师、法律工作者、高校学生和社会各界人士均可报名。",
            "志愿者主要参与法治宣传进村(社区)、法律咨询、矛盾纠纷调解辅助等志愿服务活动。报名者可到所在街(镇)司法所或区普法办现场报名,区普法办将组织岗前培训。",
        ),
        topic(
            "举办{年}年度“法律明白人”骨干培训班的通知",
            "为提升“法律明白人”学法用法和参与基层治理的能力,经研究,决定举办{年}年度“法律明白人”骨干培训班。培训内容包括习近平法治思想、民法典、人民调解实务、矛盾纠纷排查化解等。",
            "请各街(镇)司法所按照分配名额做好参训人员推荐工作,并于培训开始前将参训人员名单报区司法局。参训人员须遵守培训纪律,按时参加全部课程。",
        ),
        topic(
            "举办{年}年法治文化作品展的通知",
            "为进一步推进社会主义法治文化建设,经研究,决定举办{年}年新洲区法治文化作品展。展览作品包括法治书法、绘画、摄影、漫画等,面向全区各单位和社会公众征集。",
            "请各单位广泛发动干部职工和群众积极参与,按要求报送参展作品。展览将在区公共法律服务中心和新洲普法网同步展出,优秀作品将予以通报表扬。",
        ),
    ],
    titles: &[
        "{主体}关于{主题}",
    ],
    summaries: &[
        "{主体}发布关于{主题}。{详情}",
    ],
    body: &[
        Block::Line("{详情}"),
        Block::Several(&[
            "各单位要高度重视,明确一名分管负责同志和一名具体联系人,认真研究制定工作方案,细化工作措施,抓好组织落实,确保各项工作按时保质完成,防止走过场、搞形式。",
            "请各单位结合本单位实际,通过内部工作群、宣传栏、门户网站等渠道做好宣传动员,扩大工作的知晓面和参与面,引导干部群众积极参与、广泛支持。",
            "工作中如有疑问,请及时与区普法办联系。区普法办将适时对各单位工作开展情况进行督导检查,并将检查结果纳入年度普法工作考核,作为评先评优的重要依据。",
            "各街(镇)司法所要加强对辖区村(社区)的工作指导,及时收集汇总工作中遇到的困难和问题,确保各项工作在基层落实落地,切实打通普法工作的“最后一公里”。",
            "各单位要严格落实工作要求,注重工作实效,坚决防止形式主义。对工作中涌现出的好经验、好做法要及时总结提炼并报送区普法办,区普法办将择优在新洲普法网予以宣传推广。",
            "各单位要加强工作统筹,把此项工作与普法责任制落实、法治宣传教育等工作结合起来,同部署、同推进、同落实,形成工作合力,不断提升全区普法依法治理工作水平。",
        ], 4, 5),
        Block::Line("{要点}"),
        Block::Line("特此{文种}。"),
        Block::Line("{主体}"),
        Block::Line("{年}年{月}月{日}日"),
    ],
    sources: &[
        "{主体}",
    ],
    authors: &[
        "区普法办",
    ],
};

/// 依法治理: grassroots governance under the rule of law, by street.
const GOVERNANCE: Feed = Feed {
    slug: "yifa-zhili",
    subjects: PLACES,
    topics: &[
        topic(
            "民主法治示范村创建",
            "{主体}对照民主法治示范村(社区)创建标准,指导各村(社区)健全村(居)务公开、民主议事、民主监督等制度,推动村级事务决策程序化、管理规范化。",
            "示范创建有效提升了村(社区)依法自治水平,一批基层组织健全、制度完善、治理有序的示范村(社区)脱颖而出。",
        ),
        topic(
            "村规民约修订完善",
            "{主体}组织各村(社区)对照法律法规和公序良俗,对村规民约、居民公约进行全面梳理和修订,删除与法律法规相抵触的条款,补充移风易俗、环境卫生、邻里互助等内容,并经村(居)民会议讨论通过。",
            "修订后的村规民约更加务实管用,成为群众自我管理、自我教育、自我服务的重要依据。",
        ),
        topic(
            "新时代“枫桥经验”实践",
            "{主体}坚持和发展新时代“枫桥经验”,构建以村(社区)人民调解委员会为基础、以街(镇)调解中心为枢纽、以专业调解力量为支撑的矛盾纠纷化解网络,努力做到小事不出村、大事不出街(镇)、矛盾不上交。",
            "“枫桥经验”的生动实践,把大量矛盾纠纷化解在基层和萌芽状态,有力维护了辖区社会和谐稳定。",
        ),
        topic(
            "网格化社会治理",
            "{主体}将法治元素融入网格化管理,为每个网格配备法律顾问和“法律明白人”,网格员在日常巡查走访中同步开展法治宣传、排查矛盾隐患,做到问题在网格发现、矛盾在网格化解。",
            "“网格+法治”的治理模式,让基层治理更加精准高效,群众的获得感、幸福感、安全感持续增强。",
        ),
        topic(
            "行政执法规范化建设",
            "{主体}全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度,组织执法人员开展业务培训和案卷评查,推动严格规范公正文明执法。",
            "执法规范化水平的提升,有效减少了执法争议,群众对基层执法工作的满意度明显提高。",
        ),
        topic(
            "法律顾问全覆盖",
            "{主体}实现村(社区)法律顾问全覆盖,法律顾问定期到村(社区)开展法律咨询、参与矛盾纠纷调处、协助审查村级重大事项和合同,为基层组织依法决策提供法律意见。",
            "法律顾问全覆盖让基层干部群众办事有了“法律参谋”,基层依法治理能力进一步增强。",
        ),
        topic(
            "平安建设与法治宣传融合",
            "{主体}把法治宣传融入平安建设,组织平安志愿者、网格员开展治安巡逻和入户宣传,围绕防范电信网络诈骗、禁毒、防范非法集资等主题开展专项宣传,筑牢基层平安防线。",
            "法治宣传与平安建设同频共振,辖区治安形势持续向好,群众安全感不断提升。",
        ),
        topic(
            "基层依法决策机制建设",
            "{主体}建立健全重大事项集体决策、合法性审查和民主协商制度,村级重大事项严格落实“四议两公开”工作法,确保决策科学、程序规范、过程公开。",
            "依法决策机制的完善,从源头上减少了因决策不当引发的矛盾纠纷,提升了基层组织的公信力。",
        ),
    ],
    titles: &[
        "{主体}扎实推进{主题}",
        "{主体}以{主题}提升基层治理水平",
        "{主体}:{主题}见实效",
    ],
    summaries: &[
        "{主体}扎实推进{主题},推动基层治理法治化水平不断提升。",
        "近年来,{主体}以{主题}为抓手,把法治融入基层治理各环节,为辖区经济社会发展提供了有力的法治保障。",
    ],
    body: &[
        Block::One(&[
            "近年来,{主体}坚持以习近平法治思想为指导,把{主题}作为推进基层依法治理的重要抓手,取得了积极成效。{详情}",
            "法治是基层治理的重要保障。{年}年以来,{主体}聚焦群众关切,扎实推进{主题}。{详情}",
            "为提升基层治理法治化水平,{主体}结合辖区实际,探索开展{主题}相关工作。{详情}",
        ]),
        Block::Several(&[
            "{主体}成立了依法治理工作领导小组,将依法治理工作纳入年度目标考核,定期召开专题会议研究解决工作中的重点难点问题,形成了党(工)委统一领导、各部门协调联动、群众广泛参与的工作格局。",
            "在推进过程中,{主体}注重发挥党建引领作用,推动村(社区)党组织书记带头学法、带头守法、带头用法,把依法办事贯穿于村(社区)工作各环节。",
            "{主体}还注重培育“法律明白人”和“法治带头人”,以群众身边的人讲身边的事、用身边的事教育身边的人,带动群众自觉尊法学法守法用法。",
            "为巩固工作成效,{主体}建立了定期督查和通报制度,对工作推进中发现的问题及时交办、限期整改,确保各项措施落地见效、群众满意。",
            "{主体}坚持把矛盾纠纷排查化解作为基层治理的基础性工作,定期组织开展排查,对排查出的问题逐件登记、分类处置、跟踪回访,努力做到发现在早、化解在小。",
            "{主体}还把依法治理与乡村振兴、文明创建等工作统筹推进,在村(社区)打造法治文化广场、法治宣传长廊等阵地,让群众在休闲娱乐中潜移默化地接受法治熏陶。",
            "在推进基层依法治理过程中,{主体}注重运用信息化手段,依托综治信息平台和网格化管理系统,实现矛盾纠纷线上登记、分流交办、跟踪督办,提高了基层治理的精细化水平。",
            "{主体}还积极推进公共法律服务体系建设,在街(镇)设立公共法律服务工作站,在村(社区)设立公共法律服务室,为群众提供法律咨询、人民调解、法律援助等“一站式”服务。",
        ], 4, 6),
        Block::One(&[
            "{要点}下一步,{主体}将继续深化基层依法治理,不断推进基层治理体系和治理能力现代化。",
            "{要点}{主体}相关负责人表示,将持续巩固工作成果,努力打造共建共治共享的基层治理新格局。",
        ]),
    ],
    sources: &[
        "新洲区委依法治区办",
        "{主体}司法所",
    ],
    authors: &[
        "区普法办",
        "{主体}党政办",
    ],
};

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use chrono::Timelike;

    use super::*;

    fn all_categories() -> Vec<&'static DemoCategory> {
        fn walk(nodes: &'static [DemoCategory], into: &mut Vec<&'static DemoCategory>) {
            for node in nodes {
                into.push(node);
                walk(node.children, into);
            }
        }
        let mut all = Vec::new();
        walk(CATEGORIES, &mut all);
        all
    }

    /// The lists a reader pages through: the leaves, childless top-level categories included.
    fn article_lists() -> Vec<&'static str> {
        all_categories()
            .into_iter()
            .filter(|category| category.children.is_empty())
            .map(|category| category.slug)
            .collect()
    }

    fn text_of(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                '\n' => {}
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        text
    }

    #[test]
    fn the_tree_has_the_lists_of_a_district_portal() {
        let top: Vec<&str> = CATEGORIES.iter().map(|category| category.name).collect();
        assert_eq!(
            top,
            [
                "普法动态",
                "法治宣传",
                "以案释法",
                "法律法规",
                "通知公告",
                "依法治理"
            ]
        );
        let Some(news) = CATEGORIES.first() else {
            panic!("no categories");
        };
        let children: Vec<&str> = news.children.iter().map(|child| child.slug).collect();
        assert_eq!(children, ["xinzhou", "shiji-dongtai", "jiezhen-dongtai"]);
        assert_eq!(all_categories().len(), 16);
    }

    #[test]
    fn category_slugs_are_unique_and_url_safe() {
        let mut seen = HashSet::new();
        for category in all_categories() {
            let slug = category.slug;
            assert!((1..=64).contains(&slug.len()), "{slug}");
            assert!(slug.starts_with(|c: char| c.is_ascii_lowercase()), "{slug}");
            assert!(
                slug.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{slug}"
            );
            assert!(!slug.ends_with('-') && !slug.contains("--"), "{slug}");
            assert!(seen.insert(slug), "{slug} is used twice");
            assert!(!category.name.is_empty() && category.description.ends_with('。'));
        }
    }

    #[test]
    fn every_article_belongs_to_a_category_in_the_tree() {
        let slugs: HashSet<&str> = all_categories()
            .iter()
            .map(|category| category.slug)
            .collect();
        for article in articles() {
            assert!(
                slugs.contains(article.category_slug),
                "{} is in {}",
                article.title,
                article.category_slug
            );
        }
    }

    #[test]
    fn article_titles_are_unique() {
        let mut seen = HashSet::new();
        for article in articles() {
            assert!(
                !article.title.contains("(之"),
                "{} was numbered",
                article.title
            );
            assert!(
                seen.insert(article.title.clone()),
                "{} twice",
                article.title
            );
        }
    }

    #[test]
    fn every_list_has_at_least_36_articles() {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for article in articles() {
            *counts.entry(article.category_slug).or_default() += 1;
        }
        let lists = article_lists();
        assert_eq!(lists.len(), 12);
        for slug in lists {
            let count = counts.get(slug).copied().unwrap_or_default();
            assert!(count >= 36, "{slug} has {count} articles");
        }
    }

    #[test]
    fn the_seed_article_comes_first_as_published() {
        let all = articles();
        let Some(first) = all.first() else {
            panic!("no articles");
        };
        assert_eq!(first, &seed_article());
        assert_eq!(first.title, "新洲区委政研室“七五”普法工作总结");
        assert_eq!(first.category_slug, "xinzhou");
        assert_eq!(
            first.published_at.format("%Y-%m-%d %H:%M").to_string(),
            "2021-07-26 09:38"
        );
        assert!(first.pinned);
        assert_eq!(first.source, "新洲区委政研室");
        assert_eq!(first.author, "区委政研室");
        assert!(first.summary.starts_with("区委政研室自2019年成立以来"));
        assert!(first.summary.ends_with("营造了良好的法治环境。"));
        let body = &first.body_html;
        assert!(body.starts_with("<p>区委政研室自2019年成立以来"), "{body}");
        assert!(body.contains("<h2>一、加强组织领导,压实普法责任</h2>"));
        assert!(body.contains("<h2>二、加强宣传教育,营造普法氛围</h2>"));
        assert!(body.contains("<h2>三、加强统筹谋划,确保普法实效</h2>"));
        assert!(body.ends_with("努力实现普法教育全覆盖。</p>"), "{body}");
        assert_eq!(body.matches("<h2>").count(), 3);
        assert_eq!(body.matches("<p>").count(), 12);
    }

    #[test]
    fn bodies_use_only_plain_formatting_tags() {
        const ALLOWED: &[&str] = &["p", "h2", "h3", "strong", "ul", "li"];
        for article in articles() {
            let body = &article.body_html;
            assert_eq!(
                body.matches('<').count(),
                body.matches('>').count(),
                "{body}"
            );
            for chunk in body.split('<').skip(1) {
                let Some((tag, _)) = chunk.split_once('>') else {
                    panic!("an unclosed tag in {}", article.title);
                };
                let name = tag.strip_prefix('/').unwrap_or(tag);
                assert!(ALLOWED.contains(&name), "<{tag}> in {}", article.title);
            }
        }
    }

    #[test]
    fn every_placeholder_is_filled_and_every_text_fits_its_column() {
        for article in articles() {
            let texts = [
                &article.title,
                &article.summary,
                &article.body_html,
                &article.source,
                &article.author,
            ];
            for text in texts {
                assert!(
                    !text.trim().is_empty(),
                    "an empty text in {}",
                    article.title
                );
                assert!(!text.contains('{') && !text.contains('}'), "{text}");
            }
            assert!(article.title.chars().count() <= 120, "{}", article.title);
            assert!(
                article.summary.chars().count() <= 300,
                "{}",
                article.summary
            );
            assert!(article.source.chars().count() <= 100, "{}", article.source);
            assert!(article.author.chars().count() <= 100, "{}", article.author);
        }
    }

    #[test]
    fn generated_bodies_run_from_400_to_1500_characters() {
        for article in articles().iter().skip(1) {
            let length = text_of(&article.body_html).chars().count();
            assert!(
                (400..=1500).contains(&length),
                "{} has {length} characters",
                article.title
            );
        }
    }

    #[test]
    fn articles_are_dated_in_office_hours_between_2019_and_november_2026() {
        let earliest = local_time(2019, 1, 1, 0, 0);
        let latest = local_time(2026, 11, 20, 23, 59);
        let mut years = HashSet::new();
        for article in articles() {
            let at = article.published_at;
            assert!(earliest <= at && at <= latest, "{} at {at}", article.title);
            assert!((8..=18).contains(&at.hour()), "{} at {at}", article.title);
            assert_eq!(at.second(), 0, "{}", article.title);
            years.insert(at.year());
        }
        assert!(years.len() >= 5, "{years:?}");
    }

    #[test]
    fn laws_are_written_about_only_once_they_exist() {
        let all = articles();
        for feed in FEEDS {
            for article in all
                .iter()
                .filter(|article| article.category_slug == feed.slug)
            {
                let year = article.published_at.year();
                for topic in feed.topics.iter().filter(|topic| topic.since > year) {
                    assert!(
                        !article.title.contains(topic.name),
                        "{} in {year}",
                        article.title
                    );
                }
            }
        }
    }

    #[test]
    fn the_content_is_the_same_on_every_call() {
        assert_eq!(articles(), articles());
    }

    #[test]
    fn a_handful_of_articles_are_pinned() {
        let pinned = articles().iter().filter(|article| article.pinned).count();
        assert_eq!(pinned, 1 + PINNED_LISTS.len());
    }

    #[test]
    fn friend_links_are_the_seed_footer_in_order() {
        let names: Vec<&str> = FRIEND_LINKS.iter().map(|link| link.name).collect();
        assert_eq!(
            names,
            ["中国普法网", "湖北司法行政", "湖北法治网", "武汉律师网"]
        );
        assert!(FRIEND_LINKS
            .iter()
            .all(|link| link.url.starts_with("http://") || link.url.starts_with("https://")));
    }
}
