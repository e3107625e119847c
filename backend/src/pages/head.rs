//! Each public page's status and head, from the same reads the API answers with: `<title>` as
//! `标题 - 站点名`, the description, the canonical link, Open Graph, `article:` times and
//! JSON-LD (`NewsArticle`, `BreadcrumbList`, `WebSite` with its search box). Link previews
//! and crawlers that run no JavaScript read these; the client keeps the title in step as the
//! reader moves on.

use actix_web::{http::StatusCode, HttpRequest};
use chrono::{DateTime, Utc};
use portal_api::{
    category_title, document_title, search_title, Article, ArticleSort, ArticleStatusFilter,
    CategoryDetail, CategoryNode, CategoryRef, PageData, PageRoute, SiteSettings, CONSOLE_TITLE,
    NOT_FOUND_TITLE, PORTAL_PAGE_SIZE,
};
use portal_frontend::services::{
    articles as article_service, categories as category_service, site as site_service,
};
use serde_json::{json, Value};

use super::{
    answers,
    text::{cut, escape, readable},
};
use crate::{
    domain::Pagination,
    error::{ApiError, ApiResult},
    services::articles,
    state::AppState,
};

/// How long a description is, in characters (what search engines show).
const DESCRIPTION_CHARS: usize = 120;

/// What kind of thing a page is, for Open Graph.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Website,
    Article {
        published: Option<DateTime<Utc>>,
        modified: DateTime<Utc>,
        section: String,
    },
}

/// A page's head, ready to be written into the shell.
#[derive(Debug, Clone)]
pub struct PageHead {
    pub status: StatusCode,
    title: String,
    description: String,
    /// Absolute; `None` for pages that are not to be indexed.
    canonical: Option<String>,
    site_name: String,
    kind: Kind,
    image: Option<String>,
    structured: Vec<Value>,
}

impl PageHead {
    fn plain(status: StatusCode, title: String, description: String, site: &SiteSettings) -> Self {
        Self {
            status,
            title,
            description,
            canonical: None,
            site_name: site.site_name.clone(),
            kind: Kind::Website,
            image: None,
            structured: Vec::new(),
        }
    }

    fn not_found(site: &SiteSettings) -> Self {
        Self::plain(
            StatusCode::NOT_FOUND,
            document_title(Some(NOT_FOUND_TITLE), &site.site_name),
            "您访问的页面不存在或已下线。".into(),
            site,
        )
    }

    /// The elements that go at the end of `<head>`.
    pub fn to_html(&self) -> String {
        let mut html = String::with_capacity(1024);
        let mut element = |text: String| {
            html.push_str("    ");
            html.push_str(&text);
            html.push('\n');
        };
        element(format!("<title>{}</title>", escape(&self.title)));
        element(format!(
            "<meta name=\"description\" content=\"{}\" />",
            escape(&self.description)
        ));
        match &self.canonical {
            Some(url) => {
                element(format!(
                    "<link rel=\"canonical\" href=\"{}\" />",
                    escape(url)
                ));
                element(format!(
                    "<meta property=\"og:url\" content=\"{}\" />",
                    escape(url)
                ));
            }
            None => element("<meta name=\"robots\" content=\"noindex\" />".into()),
        }
        let og = |property: &str, content: &str| {
            format!(
                "<meta property=\"{property}\" content=\"{}\" />",
                escape(content)
            )
        };
        element(og("og:title", &self.title));
        element(og("og:description", &self.description));
        element(og("og:site_name", &self.site_name));
        element(og("og:locale", "zh_CN"));
        match &self.kind {
            Kind::Website => element(og("og:type", "website")),
            Kind::Article {
                published,
                modified,
                section,
            } => {
                element(og("og:type", "article"));
                if let Some(at) = published {
                    element(og("article:published_time", &at.to_rfc3339()));
                }
                element(og("article:modified_time", &modified.to_rfc3339()));
                if !section.is_empty() {
                    element(og("article:section", section));
                }
            }
        }
        if let Some(image) = &self.image {
            element(og("og:image", image));
        }
        for data in &self.structured {
            // `<` only ever stands in JSON strings, where `\u003c` reads the same: no text
            // can close the script element early.
            let text = data.to_string().replace('<', "\\u003c");
            element(format!(
                "<script type=\"application/ld+json\">{text}</script>"
            ));
        }
        html
    }

    pub fn title(&self) -> &str {
        &self.title
    }
}

fn breadcrumb(origin: &str, trail: &[(String, String)]) -> Value {
    let items: Vec<Value> = trail
        .iter()
        .enumerate()
        .map(|(at, (name, path))| {
            json!({
                "@type": "ListItem",
                "position": at + 1,
                "name": name,
                "item": format!("{origin}{path}"),
            })
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": items,
    })
}

/// Breadcrumb steps for categories: each one's name and page.
fn category_trail(categories: &[CategoryRef]) -> impl Iterator<Item = (String, String)> + '_ {
    categories.iter().map(|category| {
        let page = PageRoute::Category {
            slug: category.slug.clone(),
        };
        (category.name.clone(), page.path())
    })
}

/// The `page` a query string asks for: `Some(1)` when absent, `None` when unreadable.
fn page_number(query: &str) -> Option<u32> {
    let mut page = 1;
    for pair in query.split('&') {
        if let Some(value) = pair.strip_prefix("page=") {
            page = value.parse().ok().filter(|page| *page >= 1)?;
        }
    }
    Some(page)
}

/// The value of `q` in a query string, decoded.
fn search_words(query: &str) -> String {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == "q")
        .map(|(_, value)| value.trim().to_owned())
        .unwrap_or_default()
}

/// The first image of a sanitised body, made absolute.
fn first_image(body: &str, origin: &str) -> Option<String> {
    let tag_start = body.find("<img")?;
    let tag = &body[tag_start..];
    let tag = &tag[..tag.find('>')?];
    let src_start = tag.find("src=\"")? + 5;
    let src = &tag[src_start..];
    let src = &src[..src.find('"')?];
    let src = src.replace("&amp;", "&");
    if src.starts_with("https://") || src.starts_with("http://") {
        Some(src)
    } else if src.starts_with('/') && !src.starts_with("//") {
        Some(format!("{origin}{src}"))
    } else {
        None
    }
}

/// The status and head of the page at `request`'s path. `None` when the site's settings
/// cannot be read: a failing database is the client's to report, on the shell as built.
pub async fn for_request(
    state: &AppState,
    request: &HttpRequest,
    origin: &str,
    answers: &mut PageData,
) -> Option<PageHead> {
    let site = match answers::typed::<SiteSettings>(state, answers, site_service::url()).await {
        Ok(site) => site,
        Err(error) => {
            tracing::warn!(%error, "reading the site settings for a page head");
            return None;
        }
    };
    Some(match build(state, request, origin, &site, answers).await {
        Ok(head) => head,
        Err(ApiError::NotFound(_)) => PageHead::not_found(&site),
        Err(error) => {
            tracing::warn!(%error, path = request.path(), "reading a page's head");
            PageHead::plain(StatusCode::OK, site.site_name.clone(), String::new(), &site)
        }
    })
}

async fn build(
    state: &AppState,
    request: &HttpRequest,
    origin: &str,
    site: &SiteSettings,
    answers: &mut PageData,
) -> ApiResult<PageHead> {
    let not_found = || ApiError::NotFound("no such page".into());
    let name = &site.site_name;
    match PageRoute::recognize(request.path()) {
        PageRoute::Home => {
            let tree: Vec<CategoryNode> =
                answers::typed(state, answers, category_service::tree_url()).await?;
            let sections: Vec<&str> = tree.iter().map(|node| node.name.as_str()).collect();
            let description = if sections.is_empty() {
                format!("{name}首页")
            } else {
                format!("{name}：{}。", sections.join("、"))
            };
            let mut head = PageHead::plain(
                StatusCode::OK,
                document_title(None, name),
                description,
                site,
            );
            head.canonical = Some(format!("{origin}/"));
            head.structured.push(json!({
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": name,
                "url": format!("{origin}/"),
                "inLanguage": "zh-CN",
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": format!("{origin}/search?q={{search_term_string}}"),
                    "query-input": "required name=search_term_string",
                },
            }));
            Ok(head)
        }
        PageRoute::Search => {
            let words = search_words(request.query_string());
            let title = document_title(Some(&search_title(&words)), name);
            let canonical = if words.is_empty() {
                format!("{origin}/search")
            } else {
                let encoded: String =
                    url::form_urlencoded::byte_serialize(words.as_bytes()).collect();
                format!("{origin}/search?q={encoded}")
            };
            let mut head = PageHead::plain(
                StatusCode::OK,
                title,
                format!("在{name}中搜索文章：按相关度或发布时间排列，标出命中的词。"),
                site,
            );
            head.canonical = Some(canonical);
            Ok(head)
        }
        PageRoute::Console => Ok(PageHead::plain(
            StatusCode::OK,
            document_title(Some(CONSOLE_TITLE), name),
            format!("{name}的编辑与管理后台。"),
            site,
        )),
        PageRoute::NotFound => Err(not_found()),
        PageRoute::Category { slug } => {
            let page = page_number(request.query_string()).ok_or_else(not_found)?;
            let detail: CategoryDetail =
                answers::typed(state, answers, category_service::detail_url(&slug)).await?;
            let listed = articles::list(
                &state.db,
                &state.categories,
                &state.search,
                &state.list_memory,
                articles::ListQuery {
                    category: Some(detail.category.slug.clone()),
                    include_descendants: true,
                    status: ArticleStatusFilter::Public,
                    pinned: None,
                    search: None,
                    sort: ArticleSort::Newest,
                    after: None,
                },
                Pagination::parse(Some(1), Some(1)).map_err(|(_, message)| {
                    ApiError::Internal(anyhow::anyhow!("paging a head's count: {message}"))
                })?,
            )
            .await?;
            let pages = listed
                .page
                .total
                .div_ceil(u64::from(PORTAL_PAGE_SIZE))
                .max(1);
            if u64::from(page) > pages {
                return Err(not_found());
            }
            let category = &detail.category;
            let title = document_title(Some(&category_title(&category.name, page)), name);
            let description = if category.description.trim().is_empty() {
                format!(
                    "{name}「{}」栏目，共 {} 篇文章。",
                    category.name, listed.page.total
                )
            } else {
                cut(&category.description, DESCRIPTION_CHARS)
            };
            let mut head = PageHead::plain(StatusCode::OK, title, description, site);
            let path = PageRoute::Category {
                slug: category.slug.clone(),
            }
            .path();
            head.canonical = Some(if page > 1 {
                format!("{origin}{path}?page={page}")
            } else {
                format!("{origin}{path}")
            });
            let mut trail = vec![("主页".to_owned(), "/".to_owned())];
            trail.extend(category_trail(&detail.ancestors));
            trail.push((category.name.clone(), path));
            head.structured.push(breadcrumb(origin, &trail));
            Ok(head)
        }
        PageRoute::Article { id } => {
            let article: Article = answers::typed(state, answers, article_service::url(id)).await?;
            let text = readable(&article.body);
            let description = if article.summary.trim().is_empty() {
                cut(&text, DESCRIPTION_CHARS)
            } else {
                cut(&article.summary, DESCRIPTION_CHARS)
            };
            let url = format!("{origin}{}", PageRoute::Article { id: article.id }.path());
            let mut head = PageHead::plain(
                StatusCode::OK,
                document_title(Some(&article.title), name),
                description.clone(),
                site,
            );
            head.canonical = Some(url.clone());
            head.kind = Kind::Article {
                published: article.published_at,
                modified: article.updated_at,
                section: article.category.name.clone(),
            };
            head.image = first_image(&article.body, origin);
            let mut trail = vec![("主页".to_owned(), "/".to_owned())];
            trail.extend(category_trail(&article.category_path));
            let publisher =
                json!({ "@type": "Organization", "name": name, "url": format!("{origin}/") });
            let mut news = json!({
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": cut(&article.title, 110),
                "description": description,
                "datePublished": article.published_at.map(|at| at.to_rfc3339()),
                "dateModified": article.updated_at.to_rfc3339(),
                "mainEntityOfPage": url,
                "inLanguage": "zh-CN",
                "articleSection": article.category.name,
                "publisher": publisher,
                "author": if article.author.trim().is_empty() {
                    json!({ "@type": "Organization", "name": name })
                } else {
                    json!({ "@type": "Person", "name": article.author })
                },
                "articleBody": text,
            });
            if let Some(image) = &head.image {
                news["image"] = json!([image]);
            }
            head.structured.push(news);
            head.structured.push(breadcrumb(origin, &trail));
            Ok(head)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_words_come_from_the_query() {
        assert_eq!(page_number(""), Some(1));
        assert_eq!(page_number("page=3"), Some(3));
        assert_eq!(page_number("page=0"), None);
        assert_eq!(page_number("page=x"), None);
        assert_eq!(
            search_words("q=%E6%B0%91%E6%B3%95%E5%85%B8&page=2"),
            "民法典"
        );
        assert_eq!(search_words("page=2"), "");
    }

    #[test]
    fn the_first_image_is_made_absolute() {
        let origin = "https://pufa.example.gov.cn";
        assert_eq!(
            first_image("<p><img src=\"/media/a.jpg\" alt=\"x\"></p>", origin).as_deref(),
            Some("https://pufa.example.gov.cn/media/a.jpg")
        );
        assert_eq!(
            first_image(
                "<img alt=\"\" src=\"https://cdn.example/b.png?a=1&amp;b=2\">",
                origin
            )
            .as_deref(),
            Some("https://cdn.example/b.png?a=1&b=2")
        );
        assert_eq!(first_image("<p>no image</p>", origin), None);
    }

    #[test]
    fn scripts_cannot_be_closed_from_inside_structured_data() {
        let site = SiteSettings {
            site_name: "示例站".into(),
            footer_text: String::new(),
            icp_number: String::new(),
            copyright: String::new(),
            timezone: "Asia/Shanghai".into(),
            updated_at: Utc::now(),
        };
        let mut head = PageHead::plain(StatusCode::OK, "</script><b>".into(), "d".into(), &site);
        head.structured
            .push(json!({ "headline": "</script><script>alert(1)</script>" }));
        let html = head.to_html();
        assert!(html.contains("<title>&lt;/script&gt;&lt;b&gt;</title>"));
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
    }
}
