//! The index itself: its schema, the articles as documents, and the searches.

use std::{
    ops::Bound,
    path::{Path, PathBuf},
    sync::{
        atomic::{AtomicBool, Ordering},
        Mutex,
    },
};

use anyhow::Context;
use chrono::{DateTime, Utc};
use portal_api::ArticleStatusFilter;
use tantivy::{
    columnar::Column,
    query::{
        BooleanQuery, BoostQuery, ConstScoreQuery, EnableScoring, Occur, PhraseQuery, Query,
        Scorer, TermQuery, TermSetQuery,
    },
    schema::{
        DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
        TextFieldIndexing, TextOptions, Value, STORED, STRING,
    },
    tokenizer::TextAnalyzer,
    DocAddress, DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher,
    TantivyDocument, Term,
};

use super::{
    collect::{Allowed, Matches, OrderedSegments, VisibleSets},
    prefix::PrefixQuery,
    query::{ParsedQuery, Part},
    tokenizer::{
        pair, query_words, IndexTokenizer, PairsTokenizer, PAIRS_TOKENIZER_NAME, TOKENIZER_NAME,
    },
};
use crate::{db::entities::article, domain::plain_text};

/// Raised whenever the schema or the tokenizer changes: an index of another version is
/// rebuilt at start.
pub const SCHEMA_VERSION: u32 = 3;

/// Memory for the writer's buffers, shared by its threads.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

/// How many times the title and the summary stand in the weighted text (the body once): a
/// word in the title counts as three in the body, and the title makes the text that much
/// longer (BM25F's field weights).
const TITLE_COPIES: usize = 3;
const SUMMARY_COPIES: usize = 2;
/// How much a phrase of three words or more found in each field weighs (such phrases are
/// matched by position in the fields themselves).
const TITLE_BOOST: Score = 3.0;
const SUMMARY_BOOST: Score = 1.5;
const BODY_BOOST: Score = 1.0;
/// Up to this many categories (one and its descendants) are looked up term by term.
const CATEGORY_TERMS_MAX: usize = 32;
/// How much more a typed part weighs where its words stand together.
const ADJACENT_BOOST: Score = 2.0;
/// How deep ranked results go (the contract's [`portal_api::SEARCH_MAX_DEPTH`]).
const MAX_DEPTH: usize = portal_api::SEARCH_MAX_DEPTH as usize;

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    title: Field,
    summary: Field,
    body: Field,
    /// Title, summary and body as one text, each as often as it weighs: one list of
    /// documents per word, which ranks and counts a word in one pass (frequencies only).
    text: Field,
    /// The pairs of words standing together in the weighted text (two-word phrases).
    text_pairs: Field,
    status: Field,
    published_at: Field,
    updated_at: Field,
    category_id: Field,
    pinned: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let weighted = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    // Phrases of two words are looked up as one term; ranking needs how often, not where.
    let pairs = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(PAIRS_TOKENIZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let instant = DateOptions::default()
        .set_indexed()
        .set_fast()
        .set_precision(DateTimePrecision::Seconds);
    let fields = Fields {
        id: builder.add_u64_field(
            "id",
            NumericOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored(),
        ),
        title: builder.add_text_field("title", words.clone() | STORED),
        summary: builder.add_text_field("summary", words.clone()),
        body: builder.add_text_field("body", words),
        text: builder.add_text_field("text", weighted),
        text_pairs: builder.add_text_field("text_pairs", pairs),
        status: builder.add_text_field("status", STRING),
        published_at: builder.add_date_field("published_at", instant.clone()),
        updated_at: builder.add_date_field("updated_at", instant),
        category_id: builder.add_u64_field(
            "category_id",
            NumericOptions::default().set_indexed().set_fast(),
        ),
        pinned: builder.add_u64_field("pinned", NumericOptions::default().set_fast()),
    };
    (builder.build(), fields)
}

/// Tantivy keeps dates as i64 nanoseconds (1677 to 2262); the API takes any year from 1 to
/// 9999, so instants outside that span are held at its edges, which keeps their order
/// against every date a portal can hold rather than overflowing.
fn instant(at: DateTime<Utc>) -> tantivy::DateTime {
    const LIMIT_SECS: i64 = i64::MAX / 1_000_000_000;
    tantivy::DateTime::from_timestamp_secs(at.timestamp().clamp(-LIMIT_SECS, LIMIT_SECS))
}

/// Which articles a search may return.
#[derive(Debug, Clone)]
pub struct Filter {
    pub visibility: ArticleStatusFilter,
    /// Any of these categories; all when `None`.
    pub categories: Option<Vec<i32>>,
    /// Published at or after.
    pub published_from: Option<DateTime<Utc>>,
    /// Published before.
    pub published_before: Option<DateTime<Utc>>,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Order {
    Relevance,
    Newest,
    Oldest,
    Updated,
    /// Pinned first, then newest.
    PinnedFirst,
}

/// What a search found: the exact number of matches and one page of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub total: u64,
    pub hits: Vec<(i32, Score)>,
}

/// The index of one instance, in its data directory.
pub struct SearchIndex {
    directory: PathBuf,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    ready: AtomicBool,
    visible_sets: VisibleSets,
    ordered_segments: OrderedSegments,
}

/// What an index opened from disk says about itself.
pub enum Opened {
    /// Of this version, with the payload of its last commit.
    Current(Option<String>),
    /// New, or replaced because it was missing, of another version or unreadable.
    Fresh,
}

impl SearchIndex {
    /// Opens the index in `directory`, or makes a new one there when it is missing, corrupt or
    /// of another schema version.
    ///
    /// When another process holds the index and `memory_when_locked`, this one keeps an index
    /// of its own in memory instead (filled from the database like any new index).
    pub fn open(directory: &Path, memory_when_locked: bool) -> anyhow::Result<(Self, Opened)> {
        let (schema, fields) = schema();
        let existing = Self::open_existing(directory, &schema);
        let (index, opened) = match existing {
            Ok(Some((index, payload))) => (index, Opened::Current(payload)),
            Ok(None) => (Self::create(directory, schema)?, Opened::Fresh),
            Err(error) => {
                tracing::warn!(error = %format!("{error:#}"), dir = %directory.display(),
                    "the search index is unreadable; rebuilding it");
                (Self::create(directory, schema)?, Opened::Fresh)
            }
        };
        index
            .tokenizers()
            .register(TOKENIZER_NAME, TextAnalyzer::from(IndexTokenizer));
        index
            .tokenizers()
            .register(PAIRS_TOKENIZER_NAME, TextAnalyzer::from(PairsTokenizer));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context("opening the search index's reader")?;
        let writer = match index.writer(WRITER_MEMORY) {
            Ok(writer) => writer,
            Err(tantivy::TantivyError::LockFailure(..)) if memory_when_locked => {
                tracing::warn!(dir = %directory.display(),
                    "another `portal` holds the search index in this data directory; \
                     this one keeps its own in memory (give each instance its own \
                     PORTAL_DATA_DIR to keep it on disk)");
                return Self::in_memory(directory);
            }
            Err(error) => {
                return Err(error).with_context(|| {
                    format!(
                        "locking the search index in {} (is another `portal` using this data \
                         directory?)",
                        directory.display()
                    )
                })
            }
        };
        Ok((
            Self {
                directory: directory.to_owned(),
                reader,
                writer: Mutex::new(writer),
                fields,
                ready: AtomicBool::new(false),
                visible_sets: VisibleSets::default(),
                ordered_segments: OrderedSegments::default(),
            },
            opened,
        ))
    }

    fn in_memory(directory: &Path) -> anyhow::Result<(Self, Opened)> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        index
            .tokenizers()
            .register(TOKENIZER_NAME, TextAnalyzer::from(IndexTokenizer));
        index
            .tokenizers()
            .register(PAIRS_TOKENIZER_NAME, TextAnalyzer::from(PairsTokenizer));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context("opening the search index's reader")?;
        let writer = index.writer(WRITER_MEMORY)?;
        Ok((
            Self {
                directory: directory.to_owned(),
                reader,
                writer: Mutex::new(writer),
                fields,
                ready: AtomicBool::new(false),
                visible_sets: VisibleSets::default(),
                ordered_segments: OrderedSegments::default(),
            },
            Opened::Fresh,
        ))
    }

    /// `Ok(None)` when there is no index or it is of another version.
    fn open_existing(
        directory: &Path,
        schema: &Schema,
    ) -> anyhow::Result<Option<(Index, Option<String>)>> {
        if !directory.join("meta.json").exists() {
            return Ok(None);
        }
        let index = Index::open_in_dir(directory)?;
        let payload = index.load_metas()?.payload;
        let version = payload
            .as_deref()
            .and_then(|payload| serde_json::from_str::<serde_json::Value>(payload).ok())
            .and_then(|payload| payload["schema"].as_u64());
        if index.schema() != *schema || version != Some(u64::from(SCHEMA_VERSION)) {
            tracing::info!(dir = %directory.display(),
                "the search index is of another version; rebuilding it");
            return Ok(None);
        }
        // Every segment must be readable, not just the metadata.
        index.reader()?.searcher();
        Ok(Some((index, payload)))
    }

    fn create(directory: &Path, schema: Schema) -> anyhow::Result<Index> {
        if directory.exists() {
            std::fs::remove_dir_all(directory)
                .with_context(|| format!("removing the old index in {}", directory.display()))?;
        }
        crate::files::private_dir(directory)
            .with_context(|| format!("creating {}", directory.display()))?;
        Index::create_in_dir(directory, schema)
            .with_context(|| format!("creating the search index in {}", directory.display()))
    }

    pub fn directory(&self) -> &Path {
        &self.directory
    }

    /// Whether the index has caught up with the database since start.
    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    pub(super) fn set_ready(&self) {
        self.ready.store(true, Ordering::Release);
    }

    /// The number of articles indexed, in every status.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn document(&self, model: &article::Model) -> TantivyDocument {
        let f = self.fields;
        let mut document = TantivyDocument::default();
        document.add_u64(f.id, id_value(model.id));
        // Each text goes to its own field, and as often as it weighs to the weighted text and
        // its pairs (the tokenizer cuts it once for all of them).
        let body = plain_text(&model.body);
        for (field, text, copies) in [
            (f.title, model.title.as_str(), TITLE_COPIES),
            (f.summary, model.summary.as_str(), SUMMARY_COPIES),
            (f.body, body.as_str(), 1),
        ] {
            document.add_text(field, text);
            for _ in 0..copies {
                document.add_text(f.text, text);
                document.add_text(f.text_pairs, text);
            }
        }
        document.add_text(f.status, &model.status);
        if let Some(at) = model.published_at {
            document.add_date(f.published_at, instant(at));
        }
        document.add_date(f.updated_at, instant(model.updated_at));
        document.add_u64(f.category_id, id_value(model.category_id));
        document.add_u64(f.pinned, u64::from(model.pinned));
        document
    }

    /// The writer. A panic while it was held leaves it usable (the index only changes on
    /// commit), so a poisoned lock is taken over rather than ending indexing for good.
    fn writer(&self) -> anyhow::Result<std::sync::MutexGuard<'_, IndexWriter>> {
        Ok(self
            .writer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Stages `upserts` (replacing their earlier versions when `replace`) and the removal of
    /// `deletions`, for the next [`commit`](Self::commit). Blocking: call it off the async
    /// threads.
    pub(super) fn stage(
        &self,
        upserts: &[article::Model],
        deletions: &[i32],
        replace: bool,
    ) -> anyhow::Result<()> {
        let documents: Vec<(i32, TantivyDocument)> = upserts
            .iter()
            .map(|model| (model.id, self.document(model)))
            .collect();
        let writer = self.writer()?;
        for id in deletions {
            writer.delete_term(Term::from_field_u64(self.fields.id, id_value(*id)));
        }
        for (id, document) in documents {
            if replace {
                writer.delete_term(Term::from_field_u64(self.fields.id, id_value(id)));
            }
            writer.add_document(document)?;
        }
        Ok(())
    }

    /// Commits what was staged with `payload` and makes it visible to searches. Blocking.
    pub(super) fn commit(&self, payload: &str) -> anyhow::Result<()> {
        let mut writer = self.writer()?;
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(payload);
        commit.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Empties the index (with the next commit).
    pub(super) fn clear(&self) -> anyhow::Result<()> {
        self.writer()?.delete_all_documents()?;
        Ok(())
    }

    /// Each indexed article's `updated_at` (Unix seconds).
    pub(super) fn updated_seconds(&self) -> anyhow::Result<std::collections::HashMap<i32, i64>> {
        let searcher = self.reader.searcher();
        let mut updated = std::collections::HashMap::with_capacity(self.len() as usize);
        for segment in searcher.segment_readers() {
            let ids = segment.fast_fields().u64("id")?;
            let times = segment.fast_fields().date("updated_at")?;
            for doc in segment.doc_ids_alive() {
                if let (Some(id), Some(at)) = (ids.first(doc), times.first(doc)) {
                    if let Ok(id) = i32::try_from(id) {
                        updated.insert(id, at.into_timestamp_secs());
                    }
                }
            }
        }
        Ok(updated)
    }

    /// The bytes the index takes on disk.
    pub fn size_on_disk(&self) -> u64 {
        std::fs::read_dir(&self.directory)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|entry| entry.metadata().ok())
                    .filter(|meta| meta.is_file())
                    .map(|meta| meta.len())
                    .sum()
            })
            .unwrap_or(0)
    }

    /// The term that finds `words` together in the weighted text: one word itself, two their
    /// pair; `None` for a longer phrase.
    fn together_term(&self, words: &[String]) -> Option<Term> {
        let f = self.fields;
        match words {
            [word] => Some(Term::from_field_text(f.text, word)),
            [first, second] => Some(Term::from_field_text(f.text_pairs, &pair(first, second))),
            _ => None,
        }
    }

    /// The words of `part` found together, in order: in the weighted text for one or two
    /// words, by position in each field (title weighing most) for more.
    fn together(&self, words: &[String]) -> Box<dyn Query> {
        if let Some(term) = self.together_term(words) {
            return Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
        }
        let f = self.fields;
        let clauses = [
            (f.title, TITLE_BOOST),
            (f.summary, SUMMARY_BOOST),
            (f.body, BODY_BOOST),
        ]
        .into_iter()
        .map(|(field, boost)| {
            let terms: Vec<Term> = words
                .iter()
                .map(|word| Term::from_field_text(field, word))
                .collect();
            (
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(PhraseQuery::new(terms)), boost))
                    as Box<dyn Query>,
            )
        })
        .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// How much more a typed part ranks where its words stand together: each two of them
    /// side by side count.
    fn adjacent(&self, words: &[String]) -> Box<dyn Query> {
        let clauses = words
            .windows(2)
            .map(|two| (Occur::Should, self.together(two)))
            .collect();
        Box::new(BoostQuery::new(
            Box::new(BooleanQuery::new(clauses)),
            ADJACENT_BOOST,
        ))
    }

    /// A part of the query: quoted, its words together; typed, each of its words anywhere, with
    /// its words together ranking higher.
    /// The one term `part` is looked up as, when it is one: a word, or a quoted pair.
    fn term_of(&self, part: &Part) -> Option<Term> {
        if part.exact || part.words.len() == 1 {
            self.together_term(&part.words)
        } else {
            None
        }
    }

    fn part_query(&self, part: &Part) -> Box<dyn Query> {
        if part.exact || part.words.len() == 1 {
            return self.together(&part.words);
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = part
            .words
            .iter()
            .map(|word| (Occur::Must, self.together(std::slice::from_ref(word))))
            .collect();
        clauses.push((Occur::Should, self.adjacent(&part.words)));
        Box::new(BooleanQuery::new(clauses))
    }

    /// What `filter` lets a search return, for the collector.
    fn allowed(&self, filter: &Filter, searcher: &Searcher) -> Allowed<'_> {
        let secs = |at: DateTime<Utc>| instant(at).into_timestamp_secs();
        let published = (filter.published_from.is_some() || filter.published_before.is_some())
            .then(|| {
                (
                    filter
                        .published_from
                        .map_or(Bound::Unbounded, |at| Bound::Included(secs(at))),
                    filter
                        .published_before
                        .map_or(Bound::Unbounded, |at| Bound::Excluded(secs(at))),
                )
            });
        Allowed {
            live: searcher
                .segment_readers()
                .iter()
                .map(|segment| segment.segment_id())
                .collect(),
            sets: &self.visible_sets,
            ordered: &self.ordered_segments,
            excluded: None,
            status: self.fields.status,
            visibility: filter.visibility,
            now: secs(filter.now),
            published,
        }
    }

    /// One page of the articles matching `query` and `filter`, with the exact total.
    pub fn search(
        &self,
        query: &ParsedQuery,
        filter: &Filter,
        order: Order,
        offset: usize,
        limit: usize,
    ) -> anyhow::Result<Found> {
        // One typed word alone (or a quoted pair) stays one term query, which block-max WAND
        // ranks over a single list; the status and publish-time filter is the collector's, not
        // a clause. Categories are a clause: a small category then drives the search instead
        // of being looked up for every match. A category and its few descendants are a union
        // of their lists (a set query builds a term automaton per search, a tenth of the
        // search's time).
        let category_clause = filter.categories.as_ref().map(|ids| {
            let terms = ids
                .iter()
                .map(|id| Term::from_field_u64(self.fields.category_id, id_value(*id)));
            let any: Box<dyn Query> = if ids.len() <= CATEGORY_TERMS_MAX {
                Box::new(BooleanQuery::new(
                    terms
                        .map(|term| {
                            let listed = TermQuery::new(term, IndexRecordOption::Basic);
                            (Occur::Should, Box::new(listed) as Box<dyn Query>)
                        })
                        .collect(),
                ))
            } else {
                Box::new(TermSetQuery::new(terms))
            };
            Box::new(ConstScoreQuery::new(any, 0.0)) as Box<dyn Query>
        });
        let ranked_term = match query.required.as_slice() {
            [part] if order == Order::Relevance && category_clause.is_none() => self.term_of(part),
            _ => None,
        };
        let wanted: Box<dyn Query> = match query.required.as_slice() {
            [part] if category_clause.is_none() => self.part_query(part),
            _ => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for part in &query.required {
                    clauses.push((Occur::Must, self.part_query(part)));
                }
                clauses.extend(category_clause.map(|clause| (Occur::Must, clause)));
                Box::new(BooleanQuery::new(clauses))
            }
        };
        // Excluded parts take nothing from a score: the collector leaves their documents out,
        // so that the wanted words alone still rank as they would without them.
        // One excluded part is its own query: as a clause of a union it was read through the
        // union's buffering, the larger part of an exclusion's cost.
        let unwanted: Option<Box<dyn Query>> = match query.excluded.as_slice() {
            [] => None,
            [part] => Some(self.part_query(part)),
            parts => Some(Box::new(BooleanQuery::new(
                parts
                    .iter()
                    .map(|part| (Occur::Should, self.part_query(part)))
                    .collect(),
            ))),
        };
        let query = wanted;
        let searcher = self.reader.searcher();
        // Ranking stops at the first SEARCH_MAX_DEPTH hits, which bounds the heap a deep
        // page needs: a page past them is empty (with the exact total), one across the edge
        // is cut there.
        let limit = limit.min(MAX_DEPTH.saturating_sub(offset));
        let depth = if limit == 0 { 0 } else { offset + limit };
        let (total, best) = searcher.search(
            query.as_ref(),
            &Matches::new(
                Allowed {
                    excluded: match &unwanted {
                        Some(unwanted) => Some(
                            unwanted.weight(EnableScoring::disabled_from_searcher(&searcher))?,
                        ),
                        None => None,
                    },
                    ..self.allowed(filter, &searcher)
                },
                order,
                (offset.min(depth), depth),
                ranked_term,
            ),
        )?;
        // Pages in another order still say how well each hit matched: the query's scorer is
        // taken to each of the page's documents, segment by segment in document order.
        let mut page: Vec<(Score, DocAddress)> = best;
        if order != Order::Relevance && !page.is_empty() {
            let weight = query.weight(EnableScoring::enabled_from_searcher(&searcher))?;
            let mut in_order: Vec<usize> = (0..page.len()).collect();
            in_order.sort_unstable_by_key(|at| page[*at].1);
            let mut scorer: Option<(u32, Box<dyn Scorer>)> = None;
            for at in in_order {
                let DocAddress {
                    segment_ord,
                    doc_id,
                } = page[at].1;
                if scorer
                    .as_ref()
                    .is_none_or(|(segment, _)| *segment != segment_ord)
                {
                    let reader = searcher.segment_reader(segment_ord);
                    scorer = Some((segment_ord, weight.scorer(reader, 1.0)?));
                }
                if let Some((_, scorer)) = &mut scorer {
                    page[at].0 = score_at(scorer.as_mut(), doc_id);
                }
            }
        }
        let mut hits = Vec::with_capacity(page.len());
        let mut ids: Option<(u32, Column<u64>)> = None;
        for (
            score,
            DocAddress {
                segment_ord,
                doc_id,
            },
        ) in page
        {
            if ids
                .as_ref()
                .is_none_or(|(segment, _)| *segment != segment_ord)
            {
                let column = searcher
                    .segment_reader(segment_ord)
                    .fast_fields()
                    .u64("id")?;
                ids = Some((segment_ord, column));
            }
            let id = ids.as_ref().and_then(|(_, column)| column.first(doc_id));
            if let Some(id) = id.and_then(|id| i32::try_from(id).ok()) {
                hits.push((id, score));
            }
        }
        Ok(Found { total, hits })
    }

    /// Up to `limit` public titles that complete `typed`: its last word as a prefix, the
    /// words before it whole; newest first.
    pub fn suggest(
        &self,
        typed: &str,
        now: DateTime<Utc>,
        limit: usize,
    ) -> anyhow::Result<Vec<(i32, String)>> {
        let words = query_words(typed);
        let Some((last, before)) = words.split_last() else {
            return Ok(Vec::new());
        };
        let title = self.fields.title;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = before
            .iter()
            .map(|word| {
                (
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(title, &word.text),
                        IndexRecordOption::Basic,
                    )) as Box<dyn Query>,
                )
            })
            .collect();
        let ends_in_space = typed.ends_with(char::is_whitespace);
        let last_query: Box<dyn Query> = if ends_in_space {
            Box::new(TermQuery::new(
                Term::from_field_text(title, &last.text),
                IndexRecordOption::Basic,
            ))
        } else {
            Box::new(PrefixQuery::new(title, &last.text))
        };
        clauses.push((Occur::Must, last_query));
        let visible = Filter {
            visibility: ArticleStatusFilter::Public,
            categories: None,
            published_from: None,
            published_before: None,
            now,
        };
        let searcher = self.reader.searcher();
        let (_, found) = searcher.search(
            &BooleanQuery::new(clauses),
            &Matches::new(
                self.allowed(&visible, &searcher),
                Order::Newest,
                (0, limit.max(1)),
                None,
            ),
        )?;
        let mut titles = Vec::with_capacity(found.len());
        for (_, address) in found {
            let document: TantivyDocument = searcher.doc(address)?;
            let id = document
                .get_first(self.fields.id)
                .and_then(|value| value.as_u64())
                .and_then(|id| i32::try_from(id).ok());
            let text = document
                .get_first(title)
                .and_then(|value| value.as_str())
                .map(str::to_owned);
            if let (Some(id), Some(text)) = (id, text) {
                titles.push((id, text));
            }
        }
        Ok(titles)
    }
}

/// The score `scorer` gives `doc`, moving it forward to `doc` (0 where it does not match).
fn score_at(scorer: &mut dyn Scorer, doc: DocId) -> Score {
    let on = if scorer.doc() >= doc {
        scorer.doc()
    } else {
        scorer.seek(doc)
    };
    if on == doc {
        scorer.score()
    } else {
        0.0
    }
}

fn id_value(id: i32) -> u64 {
    u64::try_from(id).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "portal-search-{name}-{}-{:?}",
            std::process::id(),
            std::time::SystemTime::now()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn opened_fresh(dir: &Path) -> bool {
        match SearchIndex::open(dir, false) {
            Ok((_, Opened::Fresh)) => true,
            Ok((_, Opened::Current(_))) => false,
            Err(error) => panic!("the index did not open: {error:#}"),
        }
    }

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap_or_default()
    }

    fn article(id: i32, title: &str, body: &str, published_at: Option<i64>) -> article::Model {
        article::Model {
            id,
            category_id: 1 + id % 3,
            title: title.into(),
            summary: String::new(),
            body: body.into(),
            source: String::new(),
            author: String::new(),
            status: if published_at.is_some() {
                "published"
            } else {
                "draft"
            }
            .into(),
            published_at: published_at.map(at),
            pinned: false,
            hits: 0,
            created_at: at(0),
            updated_at: at(0),
        }
    }

    /// An index holding `batches`, each committed on its own (a segment each).
    fn index_of(name: &str, batches: &[Vec<article::Model>]) -> (SearchIndex, PathBuf) {
        let dir = scratch(name);
        let (index, _) = SearchIndex::open(&dir, false).ok().unzip();
        let index = index.unwrap_or_else(|| panic!("open"));
        for batch in batches {
            assert!(index.stage(batch, &[], false).is_ok());
            assert!(index.commit("{}").is_ok());
        }
        (index, dir)
    }

    fn public_at(now: i64) -> Filter {
        Filter {
            visibility: ArticleStatusFilter::Public,
            categories: None,
            published_from: None,
            published_before: None,
            now: at(now),
        }
    }

    fn found_ids(
        index: &SearchIndex,
        q: &str,
        filter: &Filter,
        order: Order,
        limit: usize,
    ) -> (u64, Vec<i32>) {
        let query = ParsedQuery::parse(q).unwrap_or_else(|error| panic!("{error}"));
        let found = index
            .search(&query, filter, order, 0, limit)
            .unwrap_or_else(|error| panic!("{error:#}"));
        (
            found.total,
            found.hits.into_iter().map(|(id, _)| id).collect(),
        )
    }

    #[test]
    fn a_scheduled_article_is_found_once_due_without_a_write() {
        let (index, dir) = index_of(
            "scheduled",
            &[vec![
                article(1, "普法宣传", "", Some(1_000)),
                article(2, "普法讲座", "", Some(2_000)),
                article(3, "普法草稿", "", None),
            ]],
        );
        let ids = |now| found_ids(&index, "普法", &public_at(now), Order::Newest, 10);
        assert_eq!(ids(1_500), (1, vec![1]));
        assert_eq!(ids(1_999), (1, vec![1]), "not yet due");
        assert_eq!(ids(2_000), (2, vec![2, 1]), "due now");
        // A clock set back sees the article scheduled again, not the set kept for later.
        assert_eq!(ids(1_500), (1, vec![1]));
        let scheduled = Filter {
            visibility: ArticleStatusFilter::Scheduled,
            ..public_at(1_500)
        };
        assert_eq!(
            found_ids(&index, "普法", &scheduled, Order::Newest, 10),
            (1, vec![2])
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Three batches (segments, once indexed) of 40 articles, ids 1 to 120, made by `make`.
    fn three_segments(make: impl Fn(i32) -> article::Model) -> Vec<Vec<article::Model>> {
        (0..3)
            .map(|segment| (0..40).map(|n| make(segment * 40 + n + 1)).collect())
            .collect()
    }

    #[test]
    fn other_orders_walk_to_the_pages_that_sorting_every_match_gives() {
        // Three segments; distinct publish times, some pinned, drafts, one not yet due, and
        // deletions: each page in each order must be the matches sorted, cut at the page.
        let batches = three_segments(|id| {
            let body = format!(
                "{}其他内容{}",
                if id % 3 == 0 { "宣传" } else { "普法" },
                "文字".repeat(id as usize % 4)
            );
            let published = match id % 10 {
                0 => None,
                9 => Some(9_000),
                _ => Some(i64::from(id) * 37 % 997),
            };
            let mut model = article(id, "工作动态", &body, published);
            model.pinned = id % 7 == 0;
            model
        });
        let (index, dir) = index_of("orders", &batches);
        assert!(index.stage(&[], &[5, 50, 98], false).is_ok());
        assert!(index.commit("{}").is_ok());
        let filter = public_at(5_000);
        // Two excluded words are a union (宣传 never stands beside 普法 here): the same pages.
        for (q, without_word) in [
            ("普法", false),
            ("普法 -文字", true),
            ("普法 -文字 -宣传", true),
        ] {
            let mut expected: Vec<&article::Model> = batches
                .iter()
                .flatten()
                .filter(|model| model.body.contains("普法") && ![5, 50, 98].contains(&model.id))
                .filter(|model| !(without_word && model.body.contains("文字")))
                .filter(|model| model.published_at.is_some_and(|at| at.timestamp() <= 5_000))
                .collect();
            for order in [Order::Newest, Order::Oldest, Order::PinnedFirst] {
                expected.sort_by_key(|model| {
                    let at = model.published_at.map_or(0, |at| at.timestamp());
                    match order {
                        Order::Oldest => (false, at),
                        Order::PinnedFirst => (!model.pinned, -at),
                        _ => (false, -at),
                    }
                });
                let ids: Vec<i32> = expected.iter().map(|model| model.id).collect();
                for (offset, limit) in [(0, 5), (0, 20), (7, 9), (30, 20), (200, 10)] {
                    let query = ParsedQuery::parse(q).unwrap_or_else(|error| panic!("{error}"));
                    let found = index
                        .search(&query, &filter, order, offset, limit)
                        .unwrap_or_else(|error| panic!("{error:#}"));
                    let page: Vec<i32> = ids.iter().skip(offset).take(limit).copied().collect();
                    assert_eq!(found.total, ids.len() as u64, "{q} {order:?}");
                    assert_eq!(
                        found.hits.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
                        page,
                        "{q} {order:?} at {offset}+{limit}"
                    );
                    assert!(found.hits.iter().all(|(_, score)| *score > 0.0));
                }
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn ranking_across_segments_matches_scoring_every_match() {
        // Three segments of articles that say 普法 a varying number of times, some in the
        // title, one not yet due and some drafts: the pruned ranking (one word) must give the
        // same page as scoring every match.
        let batches = three_segments(|id| {
            let times = 1 + (id * 7 % 5) as usize;
            let body = format!(
                "{}其他内容{}",
                "普法".repeat(times),
                "文字".repeat(id as usize % 9)
            );
            let title = if id % 6 == 0 {
                "普法动态"
            } else {
                "工作动态"
            };
            let published = match id % 10 {
                0 => None,
                9 => Some(9_000),
                _ => Some(i64::from(id) * 10),
            };
            article(id, title, &body, published)
        });
        let (index, dir) = index_of("segments", &batches);
        let filter = public_at(5_000);
        let word = ParsedQuery::parse("普法").unwrap_or_else(|error| panic!("{error}"));
        // The same query written so that it is not a plain union of terms (required twice).
        let unpruned = ParsedQuery {
            required: vec![word.required[0].clone(), word.required[0].clone()],
            excluded: Vec::new(),
        };
        for (offset, limit) in [(0, 5), (0, 20), (7, 9), (100, 20)] {
            let pruned = index
                .search(&word, &filter, Order::Relevance, offset, limit)
                .unwrap_or_else(|error| panic!("{error:#}"));
            let every = index
                .search(&unpruned, &filter, Order::Relevance, offset, limit)
                .unwrap_or_else(|error| panic!("{error:#}"));
            let ids = |found: &Found| found.hits.iter().map(|(id, _)| *id).collect::<Vec<_>>();
            assert_eq!(pruned.total, 96, "every published, due article");
            assert_eq!(pruned.total, every.total);
            assert_eq!(ids(&pruned), ids(&every), "page at {offset}+{limit}");
        }

        // With deletions and a publish-date range, counted and ranked the same both ways.
        assert!(index.stage(&[], &[5, 50, 99], false).is_ok());
        assert!(index.commit("{}").is_ok());
        let ranged = Filter {
            published_from: Some(at(200)),
            ..public_at(5_000)
        };
        let expected = batches
            .iter()
            .flatten()
            .filter(|model| ![5, 50, 99].contains(&model.id))
            .filter(|model| {
                model
                    .published_at
                    .is_some_and(|published| (200..=5_000).contains(&published.timestamp()))
            })
            .count() as u64;
        for filter in [&ranged, &filter] {
            let pruned = index
                .search(&word, filter, Order::Relevance, 0, 10)
                .unwrap_or_else(|error| panic!("{error:#}"));
            let every = index
                .search(&unpruned, filter, Order::Relevance, 0, 10)
                .unwrap_or_else(|error| panic!("{error:#}"));
            assert_eq!(pruned.total, every.total);
            assert_eq!(
                pruned.hits.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
                every.hits.iter().map(|(id, _)| *id).collect::<Vec<_>>()
            );
        }
        let pruned = index
            .search(&word, &ranged, Order::Relevance, 0, 10)
            .unwrap_or_else(|error| panic!("{error:#}"));
        assert_eq!(pruned.total, expected);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_index_is_made_and_a_committed_one_reopened() {
        let dir = scratch("reopen");
        assert!(opened_fresh(&dir));
        {
            let (index, _) = SearchIndex::open(&dir, false).ok().unzip();
            let index = index.unwrap_or_else(|| panic!("reopen"));
            let payload = format!("{{\"schema\":{SCHEMA_VERSION}}}");
            assert!(index.commit(&payload).is_ok());
        }
        assert!(!opened_fresh(&dir));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_corrupt_or_foreign_index_is_replaced() {
        let dir = scratch("corrupt");
        std::fs::create_dir_all(&dir).ok();
        std::fs::write(dir.join("meta.json"), b"{ not json").ok();
        assert!(opened_fresh(&dir), "unreadable metadata");

        // An index committed without this version's payload (an older schema) is rebuilt too.
        let dir2 = scratch("foreign");
        {
            let (index, _) = SearchIndex::open(&dir2, false).ok().unzip();
            let index = index.unwrap_or_else(|| panic!("open"));
            assert!(index.commit("{\"schema\":0}").is_ok());
        }
        assert!(opened_fresh(&dir2), "another schema version");
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&dir2);
    }
}
