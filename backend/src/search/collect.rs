//! Gathering a search's matches: the exact count and the best of them in the order asked.
//!
//! Which articles a search may return (status, publish time, date range) is checked
//! per document here rather than as clauses of the query: a one-word search (or a quoted pair)
//! then stays one term of the weighted text, which tantivy ranks with block-max WAND (skipping
//! the blocks of documents that cannot reach the page) instead of scoring every match. The status and
//! publish-time check reads a bitset per segment, kept until the segment goes or the next
//! scheduled article of it falls due, so that a search never reads the status postings again.

use std::{
    cmp::Ordering,
    collections::{BinaryHeap, HashMap},
    ops::{Bound, RangeBounds},
    sync::{
        atomic::{AtomicU64, Ordering as AtomicOrdering},
        Arc, Mutex,
    },
};

use portal_api::{ArticleStatus, ArticleStatusFilter};
use tantivy::{
    collector::{Collector, SegmentCollector},
    columnar::Column,
    fastfield::AliveBitSet,
    index::SegmentId,
    query::Weight,
    schema::{Field, IndexRecordOption},
    BitSet, DocAddress, DocId, DocSet, Score, SegmentReader, Term, TERMINATED,
};
use tantivy_common::TinySet;

use super::index::Order;

/// The status and publish-time test of one segment, as the set of documents that pass it.
struct Visible {
    docs: Arc<BitSet>,
    /// The instant (seconds) it was worked out for: it holds from then on...
    since: i64,
    /// ...until this one, when the segment's next scheduled article falls due.
    until: Option<i64>,
}

/// The [`Visible`] sets of the segments searched lately, for each status filter asked.
#[derive(Default)]
pub(super) struct VisibleSets {
    sets: Mutex<HashMap<(SegmentId, ArticleStatusFilter), Visible>>,
}

/// More than this many kept sets (or ordered lists), and those of segments no longer searched
/// are dropped. Those of live segments are bounded by the segments times the filters (or
/// orders), each a bit (or four bytes) per document; all are dropped only past
/// [`KEPT_HARD_LIMIT`], so that an index of many segments does not throw its sets away on every
/// search.
const VISIBLE_SETS_KEPT: usize = 64;
const KEPT_HARD_LIMIT: usize = 4096;

impl VisibleSets {
    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<(SegmentId, ArticleStatusFilter), Visible>> {
        self.sets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The documents of `segment` that `visibility` lets through at `now` (seconds); `None`
    /// when it lets every document through.
    fn get(
        &self,
        segment: &SegmentReader,
        status: Field,
        visibility: ArticleStatusFilter,
        now: i64,
        live: &[SegmentId],
    ) -> tantivy::Result<Option<Arc<BitSet>>> {
        let wanted = match visibility {
            ArticleStatusFilter::Any => return Ok(None),
            ArticleStatusFilter::Public
            | ArticleStatusFilter::Scheduled
            | ArticleStatusFilter::Published => ArticleStatus::Published,
            ArticleStatusFilter::Draft => ArticleStatus::Draft,
            ArticleStatusFilter::Archived => ArticleStatus::Archived,
        };
        let key = (segment.segment_id(), visibility);
        if let Some(kept) = self.lock().get(&key) {
            if kept.since <= now && kept.until.is_none_or(|until| now < until) {
                return Ok(Some(kept.docs.clone()));
            }
        }
        // Worked out without the lock: other searches go on meanwhile.
        let published_at = segment.fast_fields().date("published_at")?;
        let mut docs = BitSet::with_max_value(segment.max_doc());
        let mut until: Option<i64> = None;
        let term = Term::from_field_text(status, wanted.as_str());
        if let Some(mut postings) = segment
            .inverted_index(status)?
            .read_postings(&term, IndexRecordOption::Basic)?
        {
            let mut doc = postings.doc();
            while doc != TERMINATED {
                let at = published_at
                    .first(doc)
                    .map(tantivy::DateTime::into_timestamp_secs);
                let passes = match visibility {
                    ArticleStatusFilter::Public => at.is_some_and(|at| at <= now),
                    ArticleStatusFilter::Scheduled => at.is_some_and(|at| at > now),
                    _ => true,
                };
                if passes {
                    docs.insert(doc);
                }
                if let Some(at) = at.filter(|at| *at > now) {
                    if matches!(
                        visibility,
                        ArticleStatusFilter::Public | ArticleStatusFilter::Scheduled
                    ) {
                        until = Some(until.map_or(at, |until| until.min(at)));
                    }
                }
                doc = postings.advance();
            }
        }
        let docs = Arc::new(docs);
        let mut sets = self.lock();
        if sets.len() >= VISIBLE_SETS_KEPT {
            sets.retain(|(segment, _), _| live.contains(segment));
            if sets.len() >= KEPT_HARD_LIMIT {
                sets.clear();
            }
        }
        sets.insert(
            key,
            Visible {
                docs: docs.clone(),
                since: now,
                until,
            },
        );
        Ok(Some(docs))
    }
}

/// Each segment's documents in each order other than by score, best first, kept until the
/// segment goes: a search in such an order then marks its matches and walks the list until the
/// page is full, instead of reading the order's fields for every match.
#[derive(Default)]
pub(super) struct OrderedSegments {
    lists: Mutex<HashMap<(SegmentId, Order), OrderedDocs>>,
}

/// A segment's documents, best first.
type OrderedDocs = Arc<Vec<DocId>>;

impl OrderedSegments {
    fn get(
        &self,
        segment: &SegmentReader,
        order: Order,
        key: &SegmentKey,
        live: &[SegmentId],
    ) -> OrderedDocs {
        let id = (segment.segment_id(), order);
        let lock = || {
            self.lists
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(list) = lock().get(&id) {
            return list.clone();
        }
        // Worked out without the lock: other searches go on meanwhile.
        let mut ranked: Vec<(i64, i64, DocId)> = (0..segment.max_doc())
            .map(|doc| {
                let rank = key.rank(doc, 0.0, DocAddress::new(0, doc));
                (rank.first, rank.second, doc)
            })
            .collect();
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let list = Arc::new(ranked.into_iter().map(|(_, _, doc)| doc).collect());
        let mut lists = lock();
        if lists.len() >= VISIBLE_SETS_KEPT {
            lists.retain(|(segment, _), _| live.contains(segment));
            if lists.len() >= KEPT_HARD_LIMIT {
                lists.clear();
            }
        }
        lists.insert(id, Arc::clone(&list));
        list
    }
}

/// Publish-time bounds, in seconds.
type TimeBounds = (Bound<i64>, Bound<i64>);

/// What a search may return, apart from its words.
pub(super) struct Allowed<'a> {
    pub sets: &'a VisibleSets,
    /// The segments' documents in the orders asked so far.
    pub ordered: &'a OrderedSegments,
    pub status: Field,
    pub visibility: ArticleStatusFilter,
    pub now: i64,
    /// The segments of the searcher, to tell which kept sets are still of use.
    pub live: Vec<SegmentId>,
    /// Publish time (seconds) bounds.
    pub published: Option<TimeBounds>,
    /// Documents matching this are left out (the reader's `-excluded` parts).
    pub excluded: Option<Box<dyn Weight>>,
}

/// [`Allowed`] for one segment.
struct SegmentAllowed {
    alive: Option<AliveBitSet>,
    excluded: Option<BitSet>,
    visible: Option<Arc<BitSet>>,
    published: Option<(Column<tantivy::DateTime>, TimeBounds)>,
}

impl SegmentAllowed {
    #[inline]
    fn allows(&self, doc: DocId) -> bool {
        if let Some(alive) = &self.alive {
            if alive.is_deleted(doc) {
                return false;
            }
        }
        if let Some(excluded) = &self.excluded {
            if excluded.contains(doc) {
                return false;
            }
        }
        if let Some(visible) = &self.visible {
            if !visible.contains(doc) {
                return false;
            }
        }
        if let Some((column, bounds)) = &self.published {
            match column.first(doc) {
                Some(at) if bounds.contains(&at.into_timestamp_secs()) => {}
                _ => return false,
            }
        }
        true
    }
}

/// How a document ranks: greater is better; on a tie, the earlier document wins.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rank {
    first: i64,
    second: i64,
    score: Score,
    address: DocAddress,
}

impl Rank {
    fn cmp_better(&self, other: &Self) -> Ordering {
        self.first
            .cmp(&other.first)
            .then(self.second.cmp(&other.second))
            .then(self.score.total_cmp(&other.score))
            .then(other.address.cmp(&self.address))
    }
}

impl PartialEq for Rank {
    fn eq(&self, other: &Self) -> bool {
        self.cmp_better(other) == Ordering::Equal
    }
}
impl Eq for Rank {}
impl PartialOrd for Rank {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
/// Reversed, so that the [`BinaryHeap`] keeps the worst of the best on top.
impl Ord for Rank {
    fn cmp(&self, other: &Self) -> Ordering {
        other.cmp_better(self)
    }
}

/// The `size` best ranks seen.
struct Best {
    size: usize,
    heap: BinaryHeap<Rank>,
}

impl Best {
    fn new(size: usize) -> Self {
        Self {
            size,
            heap: BinaryHeap::with_capacity(size.min(1024) + 1),
        }
    }

    #[inline]
    fn offer(&mut self, rank: Rank) {
        if self.heap.len() < self.size {
            self.heap.push(rank);
        } else if let Some(mut worst) = self.heap.peek_mut() {
            if rank.cmp_better(&worst) == Ordering::Greater {
                *worst = rank;
            }
        }
    }

    /// The score a document must beat to enter, once full (relevance order only).
    fn threshold(&self) -> Score {
        if self.heap.len() < self.size {
            Score::MIN
        } else {
            self.heap.peek().map_or(Score::MIN, |worst| worst.score)
        }
    }
}

/// The fast fields a non-relevance order reads.
enum SegmentKey {
    Score,
    Time {
        column: Column<tantivy::DateTime>,
        ascending: bool,
    },
    PinnedThenNewest {
        pinned: Column<u64>,
        published: Column<tantivy::DateTime>,
    },
}

impl SegmentKey {
    #[inline]
    fn rank(&self, doc: DocId, score: Score, address: DocAddress) -> Rank {
        let secs = |column: &Column<tantivy::DateTime>| {
            column
                .first(doc)
                .map(tantivy::DateTime::into_timestamp_secs)
        };
        let (first, second) = match self {
            SegmentKey::Score => (0, 0),
            // Documents without the date come last either way.
            SegmentKey::Time { column, ascending } => match (secs(column), ascending) {
                (Some(at), false) => (1, at),
                (Some(at), true) => (1, -at),
                (None, _) => (0, 0),
            },
            SegmentKey::PinnedThenNewest { pinned, published } => (
                i64::try_from(pinned.first(doc).unwrap_or(0)).unwrap_or(i64::MAX),
                secs(published).unwrap_or(i64::MIN),
            ),
        };
        Rank {
            first,
            second,
            score,
            address,
        }
    }
}

/// The collector: the exact number of allowed matches, and the best `depth` of them past the
/// first `skip` (the page).
pub(super) struct Matches<'a> {
    pub allowed: Allowed<'a>,
    pub order: Order,
    pub depth: usize,
    pub skip: usize,
    /// The query is this one term (a word of the weighted text, or a pair), which block-max
    /// WAND ranks: counting then runs apart (on the term's postings as a bitset), and ranking
    /// skips what cannot reach the page.
    pub ranked_term: Option<Term>,
    /// The score the earlier segments' best `depth` beat, so that a later segment starts its
    /// pruning there rather than from nothing: the segment's ordinal in the high half, the
    /// score's bits in the low. A later document that only ties the bar loses the tie to the
    /// earlier ones anyway; the bar is only taken from a segment of a lower ordinal (the
    /// searcher's default executor goes through them one by one, in order).
    reached: AtomicU64,
}

impl<'a> Matches<'a> {
    /// The bar an earlier segment set for `segment`.
    fn bar_for(&self, segment: u32) -> Score {
        let packed = self.reached.load(AtomicOrdering::Relaxed);
        let from = (packed >> 32) as u32;
        if packed == 0 || from >= segment {
            Score::MIN
        } else {
            Score::from_bits(packed as u32)
        }
    }

    pub fn new(
        allowed: Allowed<'a>,
        order: Order,
        (skip, depth): (usize, usize),
        ranked_term: Option<Term>,
    ) -> Self {
        Self {
            allowed,
            order,
            depth,
            skip,
            ranked_term,
            reached: AtomicU64::new(0),
        }
    }
}

pub(super) struct SegmentMatches {
    allowed: SegmentAllowed,
    key: SegmentKey,
    segment: u32,
    count: u64,
    best: Best,
}

impl SegmentMatches {
    #[inline]
    fn take(&mut self, doc: DocId, score: Score) {
        if self.allowed.allows(doc) {
            self.count += 1;
            // A page past the ranked depth needs the count only.
            if self.best.size > 0 {
                let rank = self
                    .key
                    .rank(doc, score, DocAddress::new(self.segment, doc));
                self.best.offer(rank);
            }
        }
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = (u64, Vec<Rank>);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.take(doc, score);
    }

    fn harvest(self) -> Self::Fruit {
        (self.count, self.best.heap.into_vec())
    }
}

impl Collector for Matches<'_> {
    type Fruit = (u64, Vec<(Score, DocAddress)>);
    type Child = SegmentMatches;

    fn for_segment(&self, segment: u32, reader: &SegmentReader) -> tantivy::Result<SegmentMatches> {
        let allowed = &self.allowed;
        let fast = reader.fast_fields();
        let key = match self.order {
            Order::Relevance => SegmentKey::Score,
            Order::Newest | Order::Oldest => SegmentKey::Time {
                column: fast.date("published_at")?,
                ascending: self.order == Order::Oldest,
            },
            Order::Updated => SegmentKey::Time {
                column: fast.date("updated_at")?,
                ascending: false,
            },
            Order::PinnedFirst => SegmentKey::PinnedThenNewest {
                pinned: fast.u64("pinned")?,
                published: fast.date("published_at")?,
            },
        };
        Ok(SegmentMatches {
            allowed: SegmentAllowed {
                alive: reader.alive_bitset().cloned(),
                excluded: match &allowed.excluded {
                    Some(excluded) => Some(matching(excluded.as_ref(), reader)?),
                    None => None,
                },
                visible: allowed.sets.get(
                    reader,
                    allowed.status,
                    allowed.visibility,
                    allowed.now,
                    &allowed.live,
                )?,
                published: match allowed.published {
                    Some(bounds) => Some((fast.date("published_at")?, bounds)),
                    None => None,
                },
            },
            key,
            segment,
            count: 0,
            best: Best::new(self.depth),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.order == Order::Relevance
    }

    fn merge_fruits(&self, fruits: Vec<(u64, Vec<Rank>)>) -> tantivy::Result<Self::Fruit> {
        let total = fruits.iter().map(|(count, _)| count).sum();
        let mut ranks: Vec<Rank> = fruits.into_iter().flat_map(|(_, ranks)| ranks).collect();
        // Each segment brought its best `depth`: only the page among them is put in order (a
        // deep page sorted every segment's 500 ranks, a tenth of its time).
        let better_first = |a: &Rank, b: &Rank| b.cmp_better(a);
        if ranks.len() > self.depth {
            if self.depth == 0 {
                ranks.clear();
            } else {
                ranks.select_nth_unstable_by(self.depth - 1, better_first);
                ranks.truncate(self.depth);
            }
        }
        let mut page = if self.skip == 0 {
            ranks
        } else if self.skip < ranks.len() {
            ranks.select_nth_unstable_by(self.skip, better_first);
            ranks.split_off(self.skip)
        } else {
            Vec::new()
        };
        page.sort_unstable_by(better_first);
        Ok((
            total,
            page.into_iter()
                .map(|rank| (rank.score, rank.address))
                .collect(),
        ))
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: u32,
        reader: &SegmentReader,
    ) -> tantivy::Result<(u64, Vec<Rank>)> {
        let mut matches = self.for_segment(segment, reader)?;
        if self.depth == 0 || !self.requires_scoring() {
            let matched = matching(weight, reader)?;
            if self.depth > 0 {
                let SegmentMatches {
                    allowed, key, best, ..
                } = &mut matches;
                let live = &self.allowed.live;
                let list = self.allowed.ordered.get(reader, self.order, key, live);
                for &doc in list.iter() {
                    if best.heap.len() >= best.size {
                        break;
                    }
                    if matched.contains(doc) && allowed.allows(doc) {
                        best.offer(key.rank(doc, 0.0, DocAddress::new(segment, doc)));
                    }
                }
            }
            matches.count = count_allowed(matched, &matches.allowed);
        } else if let Some(term) = &self.ranked_term {
            matches.count = count_term(reader, term, &matches.allowed)?;
            let SegmentMatches {
                allowed, key, best, ..
            } = &mut matches;
            let reached = self.bar_for(segment);
            weight.for_each_pruning(reached, reader, &mut |doc, score| {
                if allowed.allows(doc) {
                    best.offer(key.rank(doc, score, DocAddress::new(segment, doc)));
                }
                best.threshold().max(reached)
            })?;
            // Only a full page of this segment's own sets a bar for the next ones.
            let bar = best.threshold().max(reached);
            self.reached.store(
                (u64::from(segment) << 32) | u64::from(bar.to_bits()),
                AtomicOrdering::Relaxed,
            );
        } else {
            weight.for_each(reader, &mut |doc, score| matches.take(doc, score))?;
        }
        Ok(matches.harvest())
    }
}

/// The documents of `reader` that `weight` matches.
fn matching(weight: &dyn Weight, reader: &SegmentReader) -> tantivy::Result<BitSet> {
    let mut matched = BitSet::with_max_value(reader.max_doc());
    weight.for_each_no_score(reader, &mut |docs| {
        for doc in docs {
            matched.insert(*doc);
        }
    })?;
    Ok(matched)
}

/// The number of allowed documents holding `term`: its postings set in a bitset, then
/// intersected with the allowed ones a word (64 documents) at a time.
fn count_term(
    reader: &SegmentReader,
    term: &Term,
    allowed: &SegmentAllowed,
) -> tantivy::Result<u64> {
    let mut holding = BitSet::with_max_value(reader.max_doc());
    let postings = reader
        .inverted_index(term.field())?
        .read_block_postings(term, IndexRecordOption::Basic)?;
    if let Some(mut block) = postings {
        while !block.docs().is_empty() {
            for doc in block.docs() {
                holding.insert(*doc);
            }
            block.advance();
        }
    }
    Ok(count_allowed(holding, allowed))
}

/// The documents of `word` that are not in `removed` (a word of 64 documents each; TinySet
/// has no complement, but its bytes are its bits).
fn without(word: TinySet, removed: TinySet) -> TinySet {
    let bits = u64::from_le_bytes(word.into_bytes()) & !u64::from_le_bytes(removed.into_bytes());
    TinySet::deserialize(bits.to_le_bytes())
}

/// How many documents of `docs` `allowed` lets through, a word (64 documents) at a time.
fn count_allowed(mut docs: BitSet, allowed: &SegmentAllowed) -> u64 {
    if let Some(alive) = &allowed.alive {
        docs.intersect_update(alive.bitset());
    }
    let buckets = docs.max_value().div_ceil(64);
    let mut count = 0;
    for bucket in 0..buckets {
        let mut word = docs.tinyset(bucket);
        if let Some(visible) = &allowed.visible {
            word = word.intersect(visible.tinyset(bucket));
        }
        if let Some(excluded) = &allowed.excluded {
            word = without(word, excluded.tinyset(bucket));
        }
        match &allowed.published {
            None => count += u64::from(word.len()),
            Some(_) => {
                while let Some(low) = word.pop_lowest() {
                    count += u64::from(allowed.allows(bucket * 64 + low));
                }
            }
        }
    }
    count
}
