//! Reading a WordPress export (WXR 1.0 to 1.2) as a stream: the channel's authors and
//! categories, then one item (post, page or attachment) at a time, so a 500 MB export never
//! has to be in memory. Only what the importer uses is kept.

use std::io::BufRead;

use anyhow::Context;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// An account named in the export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Author {
    pub login: String,
    pub display_name: String,
}

/// A category of the channel; `parent` is the parent's nicename (WordPress exports parents by
/// slug), empty at the top level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Category {
    pub term_id: String,
    pub nicename: String,
    pub parent: String,
    pub name: String,
    pub description: String,
}

/// A term an item is filed under: `domain` is `category` or `post_tag`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Term {
    pub domain: String,
    pub nicename: String,
    pub name: String,
}

/// A post, page or attachment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    pub post_id: String,
    pub title: String,
    /// The permalink.
    pub link: String,
    pub guid: String,
    /// The author's login.
    pub creator: String,
    pub content: String,
    pub excerpt: String,
    /// Local time of the old site, `YYYY-MM-DD HH:MM:SS`.
    pub post_date: String,
    /// UTC, or `0000-00-00 00:00:00` for drafts.
    pub post_date_gmt: String,
    pub post_modified_gmt: String,
    pub post_name: String,
    pub status: String,
    pub post_parent: String,
    pub post_type: String,
    pub is_sticky: bool,
    pub attachment_url: String,
    pub terms: Vec<Term>,
    pub meta: Vec<(String, String)>,
}

impl Item {
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_str())
    }
}

/// What the stream yields, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// The old site's address (`wp:base_site_url`).
    Site(String),
    Author(Author),
    Category(Category),
    Item(Box<Item>),
}

/// The part of the document being read.
#[derive(Debug, Default)]
enum Open {
    #[default]
    Channel,
    Author(Author),
    Category(Category),
    Item(Box<Item>, Option<Term>, Option<(String, String)>),
}

pub struct WxrReader<R: BufRead> {
    reader: Reader<R>,
    buffer: Vec<u8>,
    open: Open,
    /// The text of the innermost element so far.
    text: String,
    /// Whether the root `rss` element has been seen (a file that is not a WXR export is
    /// refused at once rather than "importing" nothing).
    seen_rss: bool,
}

impl<R: BufRead> WxrReader<R> {
    pub fn new(source: R) -> Self {
        let mut reader = Reader::from_reader(source);
        reader.config_mut().trim_text(false);
        WxrReader {
            reader,
            buffer: Vec::with_capacity(64 * 1024),
            open: Open::Channel,
            text: String::new(),
            seen_rss: false,
        }
    }

    /// Bytes read so far, for progress.
    pub fn position(&self) -> u64 {
        self.reader.buffer_position()
    }

    /// The next author, category or item; `None` at the end of the file.
    pub fn next_entry(&mut self) -> anyhow::Result<Option<Entry>> {
        loop {
            self.buffer.clear();
            let event = self
                .reader
                .read_event_into(&mut self.buffer)
                .with_context(|| {
                    format!(
                        "reading the export at byte {}",
                        self.reader.buffer_position()
                    )
                })?;
            match event {
                Event::Start(start) => {
                    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                    self.text.clear();
                    if name == "rss" {
                        self.seen_rss = true;
                    }
                    Self::start(&mut self.open, &name, &start);
                }
                Event::Empty(start) => {
                    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                    self.text.clear();
                    Self::start(&mut self.open, &name, &start);
                    if let Some(entry) = self.end(&name) {
                        return Ok(Some(entry));
                    }
                }
                // Entity references arrive apart, as `GeneralRef`: a text event holds none.
                Event::Text(text) => {
                    self.text
                        .push_str(&text.decode().context("the export is not UTF-8")?);
                }
                Event::CData(data) => {
                    self.text
                        .push_str(&String::from_utf8_lossy(&data.into_inner()));
                }
                Event::GeneralRef(reference) => {
                    if let Ok(Some(character)) = reference.resolve_char_ref() {
                        self.text.push(character);
                    } else {
                        let name = reference.decode().context("the export is not UTF-8")?;
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(value) => self.text.push_str(value),
                            None => {
                                self.text.push('&');
                                self.text.push_str(&name);
                                self.text.push(';');
                            }
                        }
                    }
                }
                Event::End(end) => {
                    let name = String::from_utf8_lossy(end.name().as_ref()).into_owned();
                    if let Some(entry) = self.end(&name) {
                        return Ok(Some(entry));
                    }
                    self.text.clear();
                }
                Event::Eof => {
                    anyhow::ensure!(
                        self.seen_rss,
                        "this is not a WordPress export (WXR): it has no <rss> element"
                    );
                    return Ok(None);
                }
                _ => {}
            }
        }
    }

    fn start(open: &mut Open, name: &str, start: &BytesStart) {
        match (name, &mut *open) {
            ("wp:author", Open::Channel) => *open = Open::Author(Author::default()),
            ("wp:category", Open::Channel) => *open = Open::Category(Category::default()),
            ("item", Open::Channel) => *open = Open::Item(Box::default(), None, None),
            ("category", Open::Item(_, term, _)) => {
                let attribute = |key: &[u8]| {
                    start
                        .try_get_attribute(key)
                        .ok()
                        .flatten()
                        .and_then(|value| value.unescape_value().ok().map(|v| v.into_owned()))
                        .unwrap_or_default()
                };
                *term = Some(Term {
                    domain: attribute(b"domain"),
                    nicename: attribute(b"nicename"),
                    name: String::new(),
                });
            }
            ("wp:postmeta", Open::Item(_, _, meta)) => *meta = Some(Default::default()),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) -> Option<Entry> {
        let text = std::mem::take(&mut self.text);
        match &mut self.open {
            Open::Channel => {
                if name == "wp:base_site_url" {
                    return Some(Entry::Site(text.trim().to_owned()));
                }
            }
            Open::Author(author) => match name {
                "wp:author_login" => author.login = text,
                "wp:author_display_name" => author.display_name = text,
                "wp:author" => {
                    let author = std::mem::take(author);
                    self.open = Open::Channel;
                    return Some(Entry::Author(author));
                }
                _ => {}
            },
            Open::Category(category) => match name {
                "wp:term_id" => category.term_id = text.trim().to_owned(),
                "wp:category_nicename" => category.nicename = text.trim().to_owned(),
                "wp:category_parent" => category.parent = text.trim().to_owned(),
                "wp:cat_name" => category.name = text,
                "wp:category_description" => category.description = text,
                "wp:category" => {
                    let category = std::mem::take(category);
                    self.open = Open::Channel;
                    return Some(Entry::Category(category));
                }
                _ => {}
            },
            Open::Item(item, term, meta) => match name {
                "title" => item.title = text,
                "link" => item.link = text.trim().to_owned(),
                "guid" => item.guid = text.trim().to_owned(),
                "dc:creator" => item.creator = text.trim().to_owned(),
                "content:encoded" => item.content = text,
                "excerpt:encoded" => item.excerpt = text,
                "wp:post_id" => item.post_id = text.trim().to_owned(),
                "wp:post_date" => item.post_date = text.trim().to_owned(),
                "wp:post_date_gmt" => item.post_date_gmt = text.trim().to_owned(),
                "wp:post_modified_gmt" => item.post_modified_gmt = text.trim().to_owned(),
                "wp:post_name" => item.post_name = text.trim().to_owned(),
                "wp:status" => item.status = text.trim().to_owned(),
                "wp:post_parent" => item.post_parent = text.trim().to_owned(),
                "wp:post_type" => item.post_type = text.trim().to_owned(),
                "wp:is_sticky" => item.is_sticky = text.trim() == "1",
                "wp:attachment_url" => item.attachment_url = text.trim().to_owned(),
                "wp:meta_key" => {
                    if let Some((key, _)) = meta {
                        *key = text;
                    }
                }
                "wp:meta_value" => {
                    if let Some((_, value)) = meta {
                        *value = text;
                    }
                }
                "wp:postmeta" => {
                    if let Some(pair) = meta.take() {
                        item.meta.push(pair);
                    }
                }
                "category" => {
                    if let Some(mut filed) = term.take() {
                        filed.name = text;
                        item.terms.push(filed);
                    }
                }
                "item" => {
                    let item = std::mem::take(item);
                    self.open = Open::Channel;
                    return Some(Entry::Item(item));
                }
                _ => {}
            },
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPORT: &str = r#"<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <wp:base_site_url>http://old.example</wp:base_site_url>
  <wp:author><wp:author_login><![CDATA[zhangsan]]></wp:author_login><wp:author_display_name><![CDATA[张三]]></wp:author_display_name></wp:author>
  <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[jiceng]]></wp:category_nicename><wp:category_parent><![CDATA[pufa]]></wp:category_parent><wp:cat_name><![CDATA[基层 &amp; 社区]]></wp:cat_name></wp:category>
  <item>
    <title>示例 &amp; 通知</title>
    <dc:creator><![CDATA[zhangsan]]></dc:creator>
    <content:encoded><![CDATA[<p>正文 &amp; 更多</p>]]></content:encoded>
    <wp:post_id>6</wp:post_id>
    <wp:status><![CDATA[publish]]></wp:status>
    <category domain="category" nicename="jiceng"><![CDATA[基层普法]]></category>
    <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[7]]></wp:meta_value></wp:postmeta>
  </item>
</channel>
</rss>"#;

    #[test]
    fn an_export_streams_its_site_authors_categories_and_items() {
        let mut reader = WxrReader::new(EXPORT.as_bytes());
        let mut entries = Vec::new();
        while let Some(entry) = reader.next_entry().unwrap() {
            entries.push(entry);
        }
        assert_eq!(entries[0], Entry::Site("http://old.example".into()));
        assert_eq!(
            entries[1],
            Entry::Author(Author {
                login: "zhangsan".into(),
                display_name: "张三".into()
            })
        );
        let Entry::Category(category) = &entries[2] else {
            panic!("{entries:?}")
        };
        assert_eq!(
            (category.parent.as_str(), category.name.as_str()),
            ("pufa", "基层 &amp; 社区")
        );
        let Entry::Item(item) = &entries[3] else {
            panic!("{entries:?}")
        };
        assert_eq!(item.title, "示例 & 通知");
        assert_eq!(item.content, "<p>正文 &amp; 更多</p>");
        assert_eq!(item.terms[0].nicename, "jiceng");
        assert_eq!(item.terms[0].name, "基层普法");
        assert_eq!(item.meta("_thumbnail_id"), Some("7"));
        assert_eq!(entries.len(), 4);
    }

    #[test]
    fn a_file_that_is_not_an_export_is_refused() {
        let mut reader = WxrReader::new("<html><body>hi</body></html>".as_bytes());
        assert!(reader.next_entry().is_err());
    }
}
