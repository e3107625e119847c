//! Demo content: the category tree, articles, friend links and site settings that are loaded
//! into an empty database, so that a fresh install looks like a district 普法 portal instead of
//! an empty shell. `services::demo` marks every article as 示例 when it loads it; the case
//! examples are hypothetical and name no court, and every law quoted was checked against
//! its published text.
//!
//! The text lives in `backend/demo/` (its README.md says what goes where): the category tree,
//! the site settings and friend links, the seed article, and one feed per list. The seed
//! article is the page this project rebuilds (新洲区委政研室“七五”普法工作总结), word for
//! word. The other articles are assembled here from the feeds' Chinese building blocks
//! (subjects, topics and paragraph templates) so that every list fills several pages.
//!
//! The files are compiled into the binary and parsed on first use. A file that does not parse
//! fails `the_demo_files_parse` below, so a broken file stops the tests, never a start.
//!
//! This module is deterministic (no clock, no randomness), and it must never touch the
//! database itself. `services::demo` does the loading, and only into an empty database.

use std::{
    collections::{HashMap, HashSet},
    fmt,
    marker::PhantomData,
    sync::LazyLock,
};

use anyhow::Context as _;
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use serde::{
    de::{self, SeqAccess, Visitor},
    Deserialize, Deserializer,
};

/// A node of the category tree.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCategory {
    /// Lowercase ASCII letters, digits and single hyphens, 1 to 64 characters; unique across the
    /// whole tree.
    pub slug: String,
    pub name: String,
    /// One sentence, shown on the category page.
    pub description: String,
    #[serde(default)]
    pub children: Vec<DemoCategory>,
}

/// One demo article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoArticle {
    /// A slug from [`categories`].
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoFriendLink {
    pub name: String,
    pub url: String,
}

/// The site-wide texts of header and footer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoSiteSettings {
    pub site_name: String,
    pub footer_text: String,
    pub icp_number: String,
    pub copyright: String,
}

/// The category tree, top level first, in display order.
pub fn categories() -> &'static [DemoCategory] {
    &content().categories
}

/// The links of the seed page's footer, in its order.
pub fn friend_links() -> &'static [DemoFriendLink] {
    &content().friend_links
}

/// The demo site's header and footer: named after the seed page's district portal, and saying
/// in the footer that it is a demonstration, with no registration number.
pub fn site_settings() -> &'static DemoSiteSettings {
    &content().site_settings
}

/// The seed article itself, exactly as on the seed page.
pub fn seed_article() -> DemoArticle {
    let seed = &content().seed;
    // The page has no summary of its own; its first sentence says what it is about.
    let summary = seed
        .paragraphs
        .first()
        .and_then(|opening| opening.split_inclusive('。').next())
        .unwrap_or_default();
    DemoArticle {
        category_slug: &seed.category,
        title: seed.title.clone(),
        summary: summary.to_owned(),
        body_html: seed
            .paragraphs
            .iter()
            .map(|line| seed_paragraph(line))
            .collect::<Vec<_>>()
            .join("\n"),
        source: seed.source.clone(),
        author: seed.author.clone(),
        published_at: seed.published_at,
        pinned: seed.pinned,
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

/// Generated articles per list: two full pages of twenty, whatever the page size.
const ARTICLES_PER_LIST: usize = 40;

/// Generated articles are dated before this day. The portal goes live in late November 2026,
/// and a demo must not contain articles from the future (they would count as scheduled).
const LATEST_DAY: (i32, u32, u32) = (2026, 11, 20);

/// All demo articles, including the seed article (first). Deterministic.
pub fn articles() -> Vec<DemoArticle> {
    let feeds = &content().feeds;
    let seed = seed_article();
    let mut taken_titles = HashSet::from([seed.title.clone()]);
    let mut all = Vec::with_capacity(1 + ARTICLES_PER_LIST * feeds.len());
    all.push(seed);
    // Round-robin over the lists, so that each list spans the whole five years instead of one
    // list taking all the recent dates.
    for round in 0..ARTICLES_PER_LIST {
        for (position, feed) in feeds.iter().enumerate() {
            let serial = round * feeds.len() + position;
            // Lists published side by side start their rotations at different places, so the
            // home page does not show the same street at the top of every block.
            let index = round + position * 5;
            let pinned = round == 0 && feed.pin_newest;
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Topic {
    /// A short name, used in titles: an activity, a type of case, a law, a notice.
    name: String,
    /// A sentence or two on what happened, or on what the law is.
    detail: String,
    /// What it achieved, what the court said, or what the law provides.
    point: String,
    /// The first year an article may be about it: an article from 2021 about a law passed in
    /// 2023 would give the demo away. Any year when not given.
    #[serde(default)]
    since: i32,
}

/// One piece of an article body. Text pieces are templates (see [`Slots::fill`]).
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "BlockTable")]
enum Block {
    /// A fixed heading.
    Heading(String),
    /// One paragraph from one template.
    Line(String),
    /// One paragraph, the template chosen by the article.
    One(Vec<String>),
    /// Between the fewest and the most consecutive paragraphs of the templates, as many and
    /// from where the article decides, so neighbouring articles read differently.
    Several(Vec<String>, usize, usize),
}

/// A `[[body]]` table of a feed file, as written: one kind of block per table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockTable {
    heading: Option<String>,
    line: Option<String>,
    one: Option<Vec<String>>,
    several: Option<Vec<String>>,
    fewest: Option<usize>,
    most: Option<usize>,
}

impl TryFrom<BlockTable> for Block {
    type Error = String;

    fn try_from(table: BlockTable) -> Result<Self, Self::Error> {
        match table {
            BlockTable {
                heading: Some(text),
                line: None,
                one: None,
                several: None,
                fewest: None,
                most: None,
            } => Ok(Block::Heading(text)),
            BlockTable {
                heading: None,
                line: Some(template),
                one: None,
                several: None,
                fewest: None,
                most: None,
            } => Ok(Block::Line(template)),
            BlockTable {
                heading: None,
                line: None,
                one: Some(templates),
                several: None,
                fewest: None,
                most: None,
            } if !templates.is_empty() => Ok(Block::One(templates)),
            BlockTable {
                heading: None,
                line: None,
                one: None,
                several: Some(templates),
                fewest: Some(fewest),
                most: Some(most),
            } if !templates.is_empty() && fewest <= most => {
                Ok(Block::Several(templates, fewest, most))
            }
            _ => Err(
                "a body block is one of `heading`, `line`, `one` (a list) or `several` (a \
                      list, with `fewest` and `most`, fewest ≤ most); no list may be empty"
                    .to_owned(),
            ),
        }
    }
}

/// Everything needed to write the generated articles of one list.
struct Feed {
    slug: &'static str,
    /// Whether the list's newest article is pinned, so that the home page has a few featured
    /// articles.
    pin_newest: bool,
    /// Who acts or where it happens: a street, a department, a school, a court.
    subjects: Vec<String>,
    topics: Vec<Topic>,
    titles: Vec<String>,
    summaries: Vec<String>,
    body: Vec<Block>,
    sources: Vec<String>,
    authors: Vec<String>,
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
        let pairing = |attempt: usize| {
            let topic = pick(&topics, index + attempt / self.subjects.len());
            Slots {
                subject: pick(&self.subjects, index + attempt).as_str(),
                topic,
                parties: &parties,
                published_at,
            }
        };
        let template = pick(&self.titles, index);
        // The article's own pairing of subject and topic first; when an earlier article already
        // has that title (law lists grow as laws are passed), the next pairing. Numbering is a
        // last resort that the data never needs.
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
            summary: slots.fill(pick(&self.summaries, index).as_str()),
            body_html: self.body_html(index, &slots),
            source: slots.fill(pick(&self.sources, index).as_str()),
            author: slots.fill(pick(&self.authors, index).as_str()),
            title,
            published_at,
            pinned,
        }
    }

    fn body_html(&self, index: usize, slots: &Slots<'_>) -> String {
        let mut parts = Vec::new();
        for (position, block) in self.body.iter().enumerate() {
            match block {
                Block::Heading(text) => parts.push(format!("<h2>{text}</h2>")),
                Block::Line(template) => parts.push(paragraph(&slots.fill(template))),
                // Offset by position, so that an opening does not always come with the same
                // closing.
                Block::One(templates) => {
                    parts.push(paragraph(
                        &slots.fill(pick(templates, index + position).as_str()),
                    ));
                }
                Block::Several(templates, fewest, most) => {
                    let count = (fewest + index % (most - fewest + 1)).min(templates.len());
                    parts.extend((0..count).map(|offset| {
                        paragraph(&slots.fill(pick(templates, index + offset).as_str()))
                    }));
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
            .replace("{详情}", &self.topic.detail)
            .replace("{要点}", &self.topic.point)
            .replace("{主题}", &self.topic.name)
            .replace("{文种}", document_kind(&self.topic.name))
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
    format!("{}某", pick(&content().surnames, index))
}

/// The `index`-th item, rotating. Loading makes sure no list is empty.
fn pick<T>(items: &[T], index: usize) -> &T {
    &items[index % items.len()]
}

// The files of `backend/demo/`, compiled in so that the binary needs nothing beside it.
const CATEGORIES_FILE: &str = include_str!("../../demo/categories.toml");
const SITE_FILE: &str = include_str!("../../demo/site.toml");
const SEED_FILE: &str = include_str!("../../demo/seed.md");
const SHARED_FILE: &str = include_str!("../../demo/shared.toml");

/// A list's slug and its feed file, which is named after it.
macro_rules! feed_file {
    ($slug:literal) => {
        (
            $slug,
            include_str!(concat!("../../demo/feeds/", $slug, ".toml")),
        )
    };
}

/// One feed per list, in the order of the category tree: the articles take turns in this
/// order, so it decides their dates.
const FEED_FILES: &[(&str, &str)] = &[
    feed_file!("xinzhou"),
    feed_file!("shiji-dongtai"),
    feed_file!("jiezhen-dongtai"),
    feed_file!("xianfa-xuanchuan"),
    feed_file!("minfadian-xuanchuan"),
    feed_file!("qingshaonian-pufa"),
    feed_file!("minshi-anli"),
    feed_file!("xingshi-anli"),
    feed_file!("guojia-falv"),
    feed_file!("difang-fagui"),
    feed_file!("tongzhi-gonggao"),
    feed_file!("yifa-zhili"),
];

/// The demo files, parsed.
struct Content {
    categories: Vec<DemoCategory>,
    friend_links: Vec<DemoFriendLink>,
    site_settings: DemoSiteSettings,
    seed: Seed,
    /// For the parties of case reports; an even number of them (see [`party`]).
    surnames: Vec<String>,
    feeds: Vec<Feed>,
}

/// The seed article: `seed.md`'s front matter and its paragraphs, one per line.
struct Seed {
    title: String,
    category: String,
    source: String,
    author: String,
    /// Local time in Asia/Shanghai.
    published_at: NaiveDateTime,
    pinned: bool,
    paragraphs: Vec<String>,
}

/// The demo content, parsed on first use. The tests parse the same files, so a broken file
/// never reaches a start.
fn content() -> &'static Content {
    static CONTENT: LazyLock<Content> = LazyLock::new(|| {
        Content::parse()
            .unwrap_or_else(|error| panic!("the demo content does not parse: {error:#}"))
    });
    &CONTENT
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoriesFile {
    categories: Vec<DemoCategory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    settings: DemoSiteSettings,
    friend_links: Vec<DemoFriendLink>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedFrontMatter {
    title: String,
    category: String,
    source: String,
    author: String,
    published_at: toml::value::Datetime,
    pinned: bool,
}

/// What several feeds share, by name: a feed's `subjects = "places"` takes `subjects.places`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SharedFile {
    surnames: Vec<String>,
    #[serde(default)]
    subjects: HashMap<String, Vec<String>>,
    #[serde(default)]
    titles: HashMap<String, Vec<String>>,
    #[serde(default)]
    summaries: HashMap<String, Vec<String>>,
    #[serde(default)]
    body: HashMap<String, Vec<Block>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedFile {
    pin_newest: bool,
    subjects: Listed<String>,
    titles: Listed<String>,
    summaries: Listed<String>,
    sources: Vec<String>,
    authors: Vec<String>,
    topics: Vec<Topic>,
    body: Listed<Block>,
}

/// A list of a feed file: written out, or the name of one in `shared.toml`.
enum Listed<T> {
    Here(Vec<T>),
    Shared(String),
}

// By hand rather than `#[serde(untagged)]`: an untagged enum reports a mistake deep inside a
// list only as "did not match any variant", and an editor needs to know which block is wrong.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Listed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListedVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ListedVisitor<T> {
            type Value = Listed<T>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a list, or the name of one in shared.toml")
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
                Ok(Listed::Shared(name.to_owned()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, items: A) -> Result<Self::Value, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(items)).map(Listed::Here)
            }
        }

        deserializer.deserialize_any(ListedVisitor(PhantomData))
    }
}

impl<T: Clone> Listed<T> {
    fn resolve(self, shared: &HashMap<String, Vec<T>>, key: &str) -> anyhow::Result<Vec<T>> {
        let items = match self {
            Listed::Here(items) => items,
            Listed::Shared(name) => shared
                .get(&name)
                .with_context(|| format!("`{key} = \"{name}\"`: shared.toml has no {key}.{name}"))?
                .clone(),
        };
        non_empty(items, key)
    }
}

/// Every list is picked from by rotation, which an empty one would turn into a panic.
fn non_empty<T>(items: Vec<T>, key: &str) -> anyhow::Result<Vec<T>> {
    anyhow::ensure!(!items.is_empty(), "`{key}` is empty");
    Ok(items)
}

impl Content {
    fn parse() -> anyhow::Result<Self> {
        let CategoriesFile { categories } =
            toml::from_str(CATEGORIES_FILE).context("backend/demo/categories.toml")?;
        let SiteFile {
            settings,
            friend_links,
        } = toml::from_str(SITE_FILE).context("backend/demo/site.toml")?;
        let seed = parse_seed(SEED_FILE).context("backend/demo/seed.md")?;
        let shared: SharedFile = toml::from_str(SHARED_FILE).context("backend/demo/shared.toml")?;
        let surnames =
            non_empty(shared.surnames.clone(), "surnames").context("backend/demo/shared.toml")?;
        let feeds = FEED_FILES
            .iter()
            .map(|(slug, text)| {
                parse_feed(slug, text, &shared)
                    .with_context(|| format!("backend/demo/feeds/{slug}.toml"))
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Content {
            categories,
            friend_links,
            site_settings: settings,
            seed,
            surnames,
            feeds,
        })
    }
}

fn parse_feed(slug: &'static str, text: &str, shared: &SharedFile) -> anyhow::Result<Feed> {
    let file: FeedFile = toml::from_str(text)?;
    Ok(Feed {
        slug,
        pin_newest: file.pin_newest,
        subjects: file.subjects.resolve(&shared.subjects, "subjects")?,
        topics: non_empty(file.topics, "topics")?,
        titles: file.titles.resolve(&shared.titles, "titles")?,
        summaries: file.summaries.resolve(&shared.summaries, "summaries")?,
        body: file.body.resolve(&shared.body, "body")?,
        sources: non_empty(file.sources, "sources")?,
        authors: non_empty(file.authors, "authors")?,
    })
}

/// `seed.md`: TOML front matter between two `+++` lines, then the paragraphs, one per line
/// (blank lines between them, as Markdown separates paragraphs, are skipped).
fn parse_seed(text: &str) -> anyhow::Result<Seed> {
    let mut lines = text.lines();
    anyhow::ensure!(lines.next() == Some("+++"), "the first line is not `+++`");
    let front: Vec<&str> = lines.by_ref().take_while(|line| *line != "+++").collect();
    let paragraphs: Vec<String> = lines
        .filter(|line| !line.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let front: SeedFrontMatter = toml::from_str(&front.join("\n"))?;
    let published_at = local_datetime(front.published_at).with_context(|| {
        format!(
            "published_at = {}: a date and time without an offset",
            front.published_at
        )
    })?;
    Ok(Seed {
        title: front.title,
        category: front.category,
        source: front.source,
        author: front.author,
        published_at,
        pinned: front.pinned,
        paragraphs: non_empty(paragraphs, "paragraphs")?,
    })
}

/// A TOML local date-time (`2021-07-26T09:38:00`); one with an offset or without a time is
/// refused, since the demo's times are all wall-clock times in Asia/Shanghai.
fn local_datetime(value: toml::value::Datetime) -> Option<NaiveDateTime> {
    let (Some(date), Some(time), None) = (value.date, value.time, value.offset) else {
        return None;
    };
    NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())?.and_hms_opt(
        time.hour.into(),
        time.minute.into(),
        time.second.into(),
    )
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use chrono::Timelike;

    use super::*;

    fn all_categories() -> Vec<&'static DemoCategory> {
        fn walk(nodes: &'static [DemoCategory], into: &mut Vec<&'static DemoCategory>) {
            for node in nodes {
                into.push(node);
                walk(&node.children, into);
            }
        }
        let mut all = Vec::new();
        walk(categories(), &mut all);
        all
    }

    /// The lists a reader pages through: the leaves, childless top-level categories included.
    fn article_lists() -> Vec<&'static str> {
        all_categories()
            .into_iter()
            .filter(|category| category.children.is_empty())
            .map(|category| category.slug.as_str())
            .collect()
    }

    fn local_time(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(year, month, day)
            .and_then(|date| date.and_hms_opt(hour, minute, 0))
            .unwrap_or_default()
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
    fn the_demo_files_parse() {
        if let Err(error) = Content::parse() {
            panic!("{error:#}");
        }
    }

    #[test]
    fn a_mistake_in_a_feed_is_reported_with_its_line() {
        let feed = r#"
pin_newest = false
subjects = ["区司法局"]
titles = ["{主体}开展{主题}"]
summaries = ["{主体}开展{主题}。"]
sources = ["区司法局"]
authors = ["区普法办"]

[[topics]]
name = "宪法宣传"
detail = "……"
point = "……"

[[body]]
several = ["{详情}"]
fewest = 2
"#;
        let shared = SharedFile {
            surnames: vec!["张".into(), "王".into()],
            subjects: HashMap::new(),
            titles: HashMap::new(),
            summaries: HashMap::new(),
            body: HashMap::new(),
        };
        let Err(error) = parse_feed("xianfa-xuanchuan", feed, &shared) else {
            panic!("a `several` block without `most` was taken");
        };
        let message = format!("{error:#}");
        assert!(message.contains("line 14"), "{message}");
        assert!(message.contains("`fewest` and `most`"), "{message}");
    }

    #[test]
    fn every_list_has_a_feed_in_the_order_of_the_tree() {
        let feeds: Vec<&str> = content().feeds.iter().map(|feed| feed.slug).collect();
        assert_eq!(feeds, article_lists());
    }

    #[test]
    fn the_seed_article_is_in_a_list() {
        assert!(article_lists().contains(&content().seed.category.as_str()));
    }

    #[test]
    fn the_two_parties_of_a_case_never_share_a_surname() {
        assert_eq!(content().surnames.len() % 2, 0);
    }

    #[test]
    fn the_tree_has_the_lists_of_a_district_portal() {
        let top: Vec<&str> = categories()
            .iter()
            .map(|category| category.name.as_str())
            .collect();
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
        let Some(news) = categories().first() else {
            panic!("no categories");
        };
        let children: Vec<&str> = news
            .children
            .iter()
            .map(|child| child.slug.as_str())
            .collect();
        assert_eq!(children, ["xinzhou", "shiji-dongtai", "jiezhen-dongtai"]);
        assert_eq!(all_categories().len(), 16);
    }

    #[test]
    fn category_slugs_are_unique_and_url_safe() {
        let mut seen = HashSet::new();
        for category in all_categories() {
            let slug = category.slug.as_str();
            assert!(crate::domain::Slug::parse(slug).is_ok(), "{slug}");
            assert!(seen.insert(slug), "{slug} is used twice");
            assert!(!category.name.is_empty() && category.description.ends_with('。'));
        }
    }

    #[test]
    fn every_article_belongs_to_a_category_in_the_tree() {
        let slugs: HashSet<&str> = all_categories()
            .iter()
            .map(|category| category.slug.as_str())
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
            for byline in [&article.source, &article.author] {
                let fits = byline.chars().count() <= portal_api::ARTICLE_BYLINE_MAX_CHARS;
                assert!(fits, "{byline}");
            }
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
        for feed in &content().feeds {
            for article in all
                .iter()
                .filter(|article| article.category_slug == feed.slug)
            {
                let year = article.published_at.year();
                for topic in feed.topics.iter().filter(|topic| topic.since > year) {
                    assert!(
                        !article.title.contains(&topic.name),
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
        let pinned_lists = content()
            .feeds
            .iter()
            .filter(|feed| feed.pin_newest)
            .count();
        assert_eq!(pinned_lists, 5);
        assert_eq!(pinned, 1 + pinned_lists);
    }

    #[test]
    fn friend_links_are_the_seed_footer_in_order() {
        let names: Vec<&str> = friend_links()
            .iter()
            .map(|link| link.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["中国普法网", "湖北司法行政", "湖北法治网", "武汉律师网"]
        );
        assert!(friend_links()
            .iter()
            .all(|link| link.url.starts_with("http://") || link.url.starts_with("https://")));
    }
}
