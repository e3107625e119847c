//! The statistics dashboard (today's and total views, visitors today, views per day for the
//! last 30 days, most-read articles by period, views per category) and one article's own
//! daily chart. Charts are inline SVG drawn here: no chart library, nothing from a CDN.

use chrono::NaiveDate;
use portal_api::{DailyHits, StatsPeriod};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{use_console, use_console_title, use_staff_api, AdminRoute};
use crate::chart::{self, Frame};
use crate::components::{error_box, loading, LOADING};
use crate::dates;
use crate::hooks::Remote;
use crate::services::articles;
use crate::services::stats;
use portal_api::{DailyQuery, MostReadQuery};

/// Days in the charts.
const DAYS: u32 = 30;
const RANKING: u32 = 10;

#[component]
pub fn Dashboard() -> Html {
    use_console_title("统计概览");
    let summary = use_staff_api((), |()| stats::summary());
    let content = match &summary.state {
        Remote::Loading => loading("正在加载统计…"),
        Remote::Failed(error) => error_box(error, Some(&summary.retry), Some("统计")),
        Remote::Ready(summary) => {
            let cards = [
                ("今日浏览", summary.today_hits.to_string()),
                ("累计浏览", summary.total_hits.to_string()),
                ("今日访客", summary.visitors_today.to_string()),
                (
                    "已发布文章",
                    format!("{} / {}", summary.published_articles, summary.articles),
                ),
                ("栏目", summary.categories.to_string()),
            ];
            html! {
                <>
                    <ul class="stat-cards">
                        { for cards.into_iter().map(|(label, value)| html! {
                            <li class="stat-card">
                                <span class="stat-label">{ label }</span>
                                <span class="stat-value">{ value }</span>
                            </li>
                        }) }
                    </ul>
                    <DailyChart today={summary.date} article_id={None::<i32>} />
                </>
            }
        }
    };
    html! {
        <>
            <section class="panel">
                <div class="console-head">
                    <h1 class="page-title">{ "统计概览" }</h1>
                    <button type="button" class="button button-small"
                        onclick={summary.retry.reform(|_: MouseEvent| ())}>{ "刷新" }</button>
                </div>
                { content }
            </section>
            <div class="console-columns">
                <MostRead />
                <CategoryTable />
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct DailyChartProps {
    /// The last day shown (today in the site's zone).
    today: NaiveDate,
    article_id: Option<i32>,
}

/// Views per day over the last [`DAYS`] days.
#[component]
fn DailyChart(props: &DailyChartProps) -> Html {
    let (from, to) = dates::last_days(props.today, DAYS);
    let series = use_staff_api((from, to, props.article_id), |(from, to, article_id)| {
        stats::daily(DailyQuery {
            from: Some(from),
            to: Some(to),
            article_id,
        })
    });
    match &series.state {
        Remote::Loading => loading("正在加载每日浏览…"),
        Remote::Failed(error) => error_box(error, Some(&series.retry), Some("每日浏览")),
        Remote::Ready(series) => html! {
            <figure class="chart">
                <figcaption>{ format!("最近 {DAYS} 天每日浏览(共 {} 次)", series.total) }</figcaption>
                <BarChart days={series.days.clone()} />
            </figure>
        },
    }
}

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 240.0;
const FRAME: Frame = Frame {
    left: 44.0,
    top: 12.0,
    width: WIDTH - 56.0,
    height: HEIGHT - 44.0,
};

#[derive(Properties, PartialEq)]
struct BarChartProps {
    days: Vec<DailyHits>,
}

#[component]
fn BarChart(props: &BarChartProps) -> Html {
    let values: Vec<i64> = props.days.iter().map(|day| day.hits).collect();
    let layout = chart::layout(&values, FRAME);
    let right = FRAME.left + FRAME.width;
    let bottom = FRAME.top + FRAME.height;
    let ticks = layout.ticks.iter().map(|tick| {
        html! {
            <g class="tick">
                <line x1={FRAME.left.to_string()} x2={right.to_string()}
                    y1={tick.y.to_string()} y2={tick.y.to_string()} />
                <text x={(FRAME.left - 6.0).to_string()} y={(tick.y + 4.0).to_string()} text-anchor="end">
                    { tick.value }
                </text>
            </g>
        }
    });
    let bars = layout.bars.iter().zip(&props.days).map(|(bar, day)| {
        html! {
            <rect class="bar" x={bar.x.to_string()} y={bar.y.to_string()}
                width={bar.width.to_string()} height={bar.height.to_string()} data-hits={day.hits.to_string()}>
                <title>{ format!("{}: {} 次浏览", day.date, day.hits) }</title>
            </rect>
        }
    });
    let labels = chart::labelled(props.days.len(), 6).into_iter().filter_map(|index| {
        let (bar, day) = (layout.bars.get(index)?, props.days.get(index)?);
        Some(html! {
            <text class="day" x={(bar.x + bar.width / 2.0).to_string()} y={(bottom + 18.0).to_string()}
                text-anchor="middle">{ dates::month_day(day.date) }</text>
        })
    });
    let description = props
        .days
        .iter()
        .map(|day| format!("{} {}", dates::month_day(day.date), day.hits))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <svg class="bar-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
            aria-label={format!("每日浏览次数: {description}")}>
            { for ticks }
            { for bars }
            { for labels }
        </svg>
    }
}

/// 点击排行 for a chosen period.
#[component]
fn MostRead() -> Html {
    let period = use_state(|| StatsPeriod::Week);
    let list = use_staff_api(*period, |period| {
        stats::most_read(MostReadQuery {
            period: Some(period),
            category: None,
            limit: Some(RANKING),
        })
    });
    let periods = [
        (StatsPeriod::Day, "今日"),
        (StatsPeriod::Week, "7天"),
        (StatsPeriod::Month, "30天"),
        (StatsPeriod::All, "全部"),
    ]
    .into_iter()
    .map(|(choice, label)| {
        let selected = *period == choice;
        let onclick = {
            let period = period.clone();
            Callback::from(move |_: MouseEvent| period.set(choice))
        };
        html! {
            <button type="button" class={classes!("period", selected.then_some("selected"))}
                aria-pressed={selected.to_string()} {onclick}>{ label }</button>
        }
    });
    let content = match &list.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&list.retry), Some("点击排行")),
        Remote::Ready(items) if items.is_empty() => {
            html! { <p class="empty">{ "这段时间还没有浏览。" }</p> }
        }
        Remote::Ready(items) => html! {
            <ol class="ranking">
                { for items.iter().enumerate().map(|(index, item)| html! {
                    <li key={item.id}>
                        <span class={classes!("rank", (index < 3).then_some("top"))}>{ index + 1 }</span>
                        <span class="ranking-title">
                            <Link<AdminRoute> to={AdminRoute::ArticleStats { id: item.id }}>{ item.title.clone() }</Link<AdminRoute>>
                        </span>
                        <span class="ranking-hits">{ format!("{} 次", item.hits) }</span>
                    </li>
                }) }
            </ol>
        },
    };
    html! {
        <section class="panel most-read" aria-labelledby="most-read-title">
            <h2 class="panel-title" id="most-read-title"><span>{ "点击排行" }</span></h2>
            <div class="periods" role="group" aria-label="统计时段">{ for periods }</div>
            { content }
        </section>
    }
}

/// Views per category, sub-categories included.
#[component]
fn CategoryTable() -> Html {
    let rows = use_staff_api((), |()| stats::categories());
    let content = match &rows.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&rows.retry), Some("栏目统计")),
        Remote::Ready(rows) => html! {
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{ "栏目" }</th>
                        <th scope="col" class="number">{ "文章" }</th>
                        <th scope="col" class="number">{ "浏览(含下级)" }</th>
                        <th scope="col" class="number">{ "本栏目" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr key={row.category.id}>
                            <td class={classes!(row.parent_id.is_some().then_some("child"))}>{ row.category.name.clone() }</td>
                            <td class="number">{ row.articles }</td>
                            <td class="number">{ row.hits }</td>
                            <td class="number">{ row.own_hits }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    };
    html! {
        <section class="panel" aria-labelledby="category-hits-title">
            <h2 class="panel-title" id="category-hits-title"><span>{ "栏目浏览" }</span></h2>
            { content }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ArticleStatsPageProps {
    pub id: i32,
}

/// One article's views per day, reached from the articles table.
#[component]
pub fn ArticleStatsPage(props: &ArticleStatsPageProps) -> Html {
    use_console_title("文章统计");
    let console = use_console();
    let article = use_staff_api(props.id, articles::get);
    let today = dates::local_date(dates::now(), &console.zone);
    let heading = match &article.state {
        Remote::Ready(article) => html! {
            <>
                <h1 class="page-title">{ format!("文章统计:{}", article.title) }</h1>
                <p class="muted">{ format!("累计浏览 {} 次", article.hits) }</p>
            </>
        },
        Remote::Failed(error) => error_box(error, Some(&article.retry), Some("文章")),
        Remote::Loading => html! { <h1 class="page-title">{ "文章统计" }</h1> },
    };
    html! {
        <section class="panel">
            { heading }
            <DailyChart {today} article_id={Some(props.id)} />
            <p>
                <Link<AdminRoute> to={AdminRoute::EditArticle { id: props.id }}>{ "编辑这篇文章" }</Link<AdminRoute>>
                { " · " }
                <Link<AdminRoute> to={AdminRoute::Articles}>{ "返回文章列表" }</Link<AdminRoute>>
            </p>
        </section>
    }
}
