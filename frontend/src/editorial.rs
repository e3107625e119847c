//! The article editor's rules, without the browser: what an article's state is called in the
//! console (草稿, 已发布, 定时发布, 已归档), the form as the editor fills it in (kept in
//! `localStorage` until saved, so an expired login loses nothing), and the request it becomes
//! (a `NewArticle` or an `ArticlePatch`, with the publish choice turned into a status and a
//! publish time).

use chrono::{DateTime, Utc};
use portal_api::{Article, ArticlePatch, ArticleStatus, Attachment, NewArticle};
use serde::{Deserialize, Serialize};

use crate::dates::{self, Zone};

/// An article's state as editors think of it.
pub fn status_label(
    status: ArticleStatus,
    published_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> &'static str {
    match status {
        ArticleStatus::Draft => "草稿",
        ArticleStatus::Archived => "已归档",
        ArticleStatus::Published if published_at.is_some_and(|at| at > now) => "定时发布",
        ArticleStatus::Published => "已发布",
    }
}

/// When the article goes public.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Publish {
    /// Saved, not public.
    #[default]
    Draft,
    /// Public now (or, for an article already public, at its existing time).
    Now,
    /// Public at the time in [`ArticleForm::scheduled_at`].
    Schedule,
}

/// The editor's form, as typed. Serialised to `localStorage` on every change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleForm {
    pub title: String,
    /// `None` until a category is picked.
    pub category_id: Option<i32>,
    pub summary: String,
    /// HTML from the rich-text editor; the server sanitises it.
    pub body: String,
    pub source: String,
    pub author: String,
    pub publish: Publish,
    /// A `datetime-local` value in the site's zone, for [`Publish::Schedule`].
    pub scheduled_at: String,
    pub pinned: bool,
    /// Files listed under the text (附件), in order. (Absent from drafts kept before the list
    /// existed.)
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

/// A field the form itself refuses before asking the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    pub field: &'static str,
    pub message: String,
}

impl ArticleForm {
    /// The form for editing `article`.
    pub fn from_article(article: &Article, zone: &Zone, now: DateTime<Utc>) -> Self {
        let scheduled = article.published_at.filter(|at| *at > now);
        let publish = match article.status {
            ArticleStatus::Published if scheduled.is_some() => Publish::Schedule,
            ArticleStatus::Published => Publish::Now,
            ArticleStatus::Draft | ArticleStatus::Archived => Publish::Draft,
        };
        ArticleForm {
            title: article.title.clone(),
            category_id: Some(article.category.id),
            summary: article.summary.clone(),
            body: article.body.clone(),
            source: article.source.clone(),
            author: article.author.clone(),
            publish,
            scheduled_at: scheduled
                .map(|at| dates::input_value(at, zone))
                .unwrap_or_default(),
            pinned: article.pinned,
            attachments: article.attachments.clone(),
        }
    }

    fn attachment_ids(&self) -> Vec<i32> {
        self.attachments.iter().map(|file| file.id).collect()
    }

    fn category(&self) -> Result<i32, FormError> {
        self.category_id.ok_or(FormError {
            field: "category_id",
            message: "请选择栏目".into(),
        })
    }

    /// The status and publish time the choice stands for.
    fn schedule(
        &self,
        zone: &Zone,
        now: DateTime<Utc>,
    ) -> Result<(ArticleStatus, Option<DateTime<Utc>>), FormError> {
        match self.publish {
            Publish::Draft => Ok((ArticleStatus::Draft, None)),
            Publish::Now => Ok((ArticleStatus::Published, None)),
            Publish::Schedule => match dates::from_input(&self.scheduled_at, zone) {
                Some(at) if at > now => Ok((ArticleStatus::Published, Some(at))),
                Some(_) => Err(FormError {
                    field: "published_at",
                    message: "定时发布的时间须晚于现在".into(),
                }),
                None => Err(FormError {
                    field: "published_at",
                    message: "请填写定时发布的日期和时间".into(),
                }),
            },
        }
    }

    /// The request creating this article.
    pub fn to_new(&self, zone: &Zone, now: DateTime<Utc>) -> Result<NewArticle, FormError> {
        let (status, published_at) = self.schedule(zone, now)?;
        Ok(NewArticle {
            title: self.title.trim().to_owned(),
            category_id: self.category()?,
            // Empty: the server derives it from the body.
            summary: Some(self.summary.trim().to_owned()).filter(|summary| !summary.is_empty()),
            body: self.body.clone(),
            source: self.source.trim().to_owned(),
            author: self.author.trim().to_owned(),
            status: Some(status),
            published_at,
            pinned: self.pinned,
            attachments: self.attachment_ids(),
        })
    }

    /// The request saving this form over `original`.
    pub fn to_patch(
        &self,
        original: &Article,
        zone: &Zone,
        now: DateTime<Utc>,
    ) -> Result<ArticlePatch, FormError> {
        let (status, at) = self.schedule(zone, now)?;
        let already_public = original.status == ArticleStatus::Published
            && original.published_at.is_some_and(|at| at <= now);
        let published_at = match self.publish {
            // Keeps a planned time out of a draft: saving as draft is "not public", nothing else.
            Publish::Draft if original.published_at.is_some_and(|at| at > now) => Some(None),
            Publish::Draft => None,
            // Editing a public article must not move it to the top of the lists.
            Publish::Now if already_public => None,
            // `null` on a published article means now.
            Publish::Now => Some(None),
            Publish::Schedule => Some(at),
        };
        Ok(ArticlePatch {
            title: Some(self.title.trim().to_owned()),
            category_id: Some(self.category()?),
            summary: Some(self.summary.trim().to_owned()),
            body: Some(self.body.clone()),
            source: Some(self.source.trim().to_owned()),
            author: Some(self.author.trim().to_owned()),
            status: Some(status),
            published_at,
            pinned: Some(self.pinned),
            attachments: Some(self.attachment_ids()),
        })
    }
}

/// The `localStorage` key of the unsaved form of article `id` (`None`: a new article).
pub fn draft_key(id: Option<i32>) -> String {
    match id {
        Some(id) => format!("portal.draft.{id}"),
        None => "portal.draft.new".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::CategoryRef;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    const NOW: &str = "2026-11-29T02:00:00Z";

    fn form(publish: Publish, scheduled_at: &str) -> ArticleForm {
        ArticleForm {
            title: "  新洲区开展宪法宣传周活动 ".into(),
            category_id: Some(2),
            body: "<p>正文</p>".into(),
            publish,
            scheduled_at: scheduled_at.into(),
            ..ArticleForm::default()
        }
    }

    fn article(status: ArticleStatus, published_at: Option<&str>) -> Article {
        let at = utc("2026-11-01T00:00:00Z");
        Article {
            id: 7,
            title: "t".into(),
            summary: String::new(),
            body: String::new(),
            category: CategoryRef {
                id: 2,
                name: "新洲区".into(),
                slug: "xinzhou".into(),
            },
            category_path: Vec::new(),
            source: String::new(),
            author: String::new(),
            status,
            published_at: published_at.map(utc),
            pinned: false,
            hits: 0,
            created_at: at,
            updated_at: at,
            attachments: Vec::new(),
            previous: None,
            next: None,
        }
    }

    #[test]
    fn a_future_publish_time_reads_as_scheduled() {
        let now = utc(NOW);
        let later = Some(utc("2026-12-01T00:00:00Z"));
        assert_eq!(
            status_label(ArticleStatus::Published, later, now),
            "定时发布"
        );
        assert_eq!(
            status_label(ArticleStatus::Published, Some(now), now),
            "已发布"
        );
        assert_eq!(status_label(ArticleStatus::Draft, later, now), "草稿");
        assert_eq!(status_label(ArticleStatus::Archived, None, now), "已归档");
    }

    #[test]
    fn publishing_now_sends_no_time_and_trims_the_text() {
        let new = form(Publish::Now, "")
            .to_new(&Zone::default(), utc(NOW))
            .unwrap();
        assert_eq!(new.status, Some(ArticleStatus::Published));
        assert_eq!(new.published_at, None);
        assert_eq!(new.title, "新洲区开展宪法宣传周活动");
        assert_eq!(new.summary, None);
    }

    #[test]
    fn scheduling_sends_the_site_zone_time_in_utc() {
        let new = form(Publish::Schedule, "2026-12-01T09:30")
            .to_new(&Zone::default(), utc(NOW))
            .unwrap();
        assert_eq!(new.published_at, Some(utc("2026-12-01T01:30:00Z")));
        assert_eq!(new.status, Some(ArticleStatus::Published));
    }

    #[test]
    fn a_schedule_in_the_past_or_without_a_time_is_refused_by_the_form() {
        let zone = Zone::default();
        let past = form(Publish::Schedule, "2026-11-01T09:30").to_new(&zone, utc(NOW));
        assert_eq!(past.map(drop).unwrap_err().field, "published_at");
        let blank = form(Publish::Schedule, "").to_new(&zone, utc(NOW));
        assert_eq!(
            blank.map(drop).unwrap_err().message,
            "请填写定时发布的日期和时间"
        );
    }

    #[test]
    fn a_category_must_be_picked() {
        let mut unpicked = form(Publish::Draft, "");
        unpicked.category_id = None;
        let error = unpicked
            .to_new(&Zone::default(), utc(NOW))
            .map(drop)
            .unwrap_err();
        assert_eq!(error.field, "category_id");
    }

    #[test]
    fn editing_a_public_article_keeps_its_publish_time() {
        let original = article(ArticleStatus::Published, Some("2026-11-01T00:00:00Z"));
        let patch = form(Publish::Now, "")
            .to_patch(&original, &Zone::default(), utc(NOW))
            .unwrap();
        assert_eq!(patch.published_at, None);
        assert_eq!(patch.status, Some(ArticleStatus::Published));
    }

    #[test]
    fn publishing_a_scheduled_article_now_clears_its_time() {
        let original = article(ArticleStatus::Published, Some("2026-12-24T00:00:00Z"));
        let patch = form(Publish::Now, "")
            .to_patch(&original, &Zone::default(), utc(NOW))
            .unwrap();
        assert_eq!(patch.published_at, Some(None));
        let draft = form(Publish::Draft, "")
            .to_patch(&original, &Zone::default(), utc(NOW))
            .unwrap();
        assert_eq!(draft.status, Some(ArticleStatus::Draft));
        assert_eq!(draft.published_at, Some(None));
    }

    #[test]
    fn the_form_of_a_scheduled_article_shows_its_time_in_the_site_zone() {
        let original = article(ArticleStatus::Published, Some("2026-12-24T01:30:00Z"));
        let form = ArticleForm::from_article(&original, &Zone::default(), utc(NOW));
        assert_eq!(form.publish, Publish::Schedule);
        assert_eq!(form.scheduled_at, "2026-12-24T09:30");
        assert_eq!(form.category_id, Some(2));
    }

    #[test]
    fn unsaved_forms_are_kept_per_article() {
        assert_eq!(draft_key(None), "portal.draft.new");
        assert_eq!(draft_key(Some(7)), "portal.draft.7");
    }
}
