//! Dates as the portal shows them: the header's `今天是` line and articles' publish times, always
//! in the site's time zone (a site setting), never in the browser's: a reader abroad must see
//! the same `2021-07-26 09:38` as the editor in Wuhan.
//!
//! The formatting is pure: a UTC instant and a [`Zone`] in, text out. A zone's offset at an
//! instant comes from the platform's zone database: the browser's own (`Intl.DateTimeFormat`,
//! kept current by browser updates) in the wasm build, chrono-tz on the host where the tests
//! run. [`now`] asks the browser for the time and must not be called from host tests.

use std::rc::Rc;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, Offset, Timelike, Utc,
    Weekday,
};

/// The zone used until the site settings arrive.
pub const DEFAULT_ZONE: &str = "Asia/Shanghai";

/// China Standard Time, for a zone name no database knows (China has kept UTC+8 all year
/// since 1991).
const FALLBACK_OFFSET_SECONDS: i32 = 8 * 3600;

/// An IANA time zone, by name (`Asia/Shanghai`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone(Rc<str>);

impl Zone {
    pub fn new(name: &str) -> Self {
        Zone(Rc::from(name))
    }

    pub fn name(&self) -> &str {
        &self.0
    }

    /// The zone's offset from UTC at `at` (daylight saving time included).
    pub fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        platform::offset(&self.0, at)
            .or_else(|| FixedOffset::east_opt(FALLBACK_OFFSET_SECONDS))
            .unwrap_or_else(|| Utc.fix())
    }
}

impl Default for Zone {
    fn default() -> Self {
        Zone::new(DEFAULT_ZONE)
    }
}

fn local(at: DateTime<Utc>, zone: &Zone) -> DateTime<FixedOffset> {
    at.with_timezone(&zone.offset_at(at))
}

/// The header's date line, e.g. `今天是: 2026年11月29日 星期日`.
pub fn today_line(now: DateTime<Utc>, zone: &Zone) -> String {
    let local = local(now, zone);
    format!(
        "今天是: {}年{}月{}日 {}",
        local.year(),
        local.month(),
        local.day(),
        weekday_name(local.weekday())
    )
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}

/// A publish time to the minute, e.g. `2021-07-26 09:38`.
pub fn date_time(at: DateTime<Utc>, zone: &Zone) -> String {
    let local = local(at, zone);
    // Hand-formatted: chrono's format-string parser would add weight to the wasm for two
    // fixed layouts.
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute()
    )
}

/// A publish date, e.g. `2021-07-26`, as lists show it.
pub fn date(at: DateTime<Utc>, zone: &Zone) -> String {
    let local = local(at, zone);
    format!(
        "{:04}-{:02}-{:02}",
        local.year(),
        local.month(),
        local.day()
    )
}

/// The machine-readable form for `<time datetime=…>`.
pub fn iso(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The day `at` falls on in the site's zone.
pub fn local_date(at: DateTime<Utc>, zone: &Zone) -> NaiveDate {
    local(at, zone).date_naive()
}

/// The `days` days ending with `today` (both ends included), as the statistics API takes them.
pub fn last_days(today: NaiveDate, days: u32) -> (NaiveDate, NaiveDate) {
    let back = i64::from(days.saturating_sub(1));
    (today - Duration::days(back), today)
}

/// A short day label for chart axes, e.g. `11-29`.
pub fn month_day(day: NaiveDate) -> String {
    format!("{:02}-{:02}", day.month(), day.day())
}

/// The value of an `<input type="datetime-local">` showing `at` in the site's zone
/// (`2026-11-29T09:38`): editors schedule in the site's time, wherever their browser is.
pub fn input_value(at: DateTime<Utc>, zone: &Zone) -> String {
    let local = local(at, zone);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute()
    )
}

/// Reads a `datetime-local` value (`2026-11-29T09:38`, seconds optional) as a time in the site's
/// zone; `None` when it is not one.
pub fn from_input(text: &str, zone: &Zone) -> Option<DateTime<Utc>> {
    let (date, time) = text.trim().split_once('T')?;
    let mut date_parts = date.splitn(3, '-').map(str::parse::<u32>);
    let (year, month, day) = (
        date_parts.next()?.ok()?,
        date_parts.next()?.ok()?,
        date_parts.next()?.ok()?,
    );
    let mut time_parts = time.splitn(3, ':');
    let hour: u32 = time_parts.next()?.parse().ok()?;
    let minute: u32 = time_parts.next()?.parse().ok()?;
    let second: u32 = match time_parts.next() {
        // Browsers may add seconds and even fractions (`09:38:00.000`).
        Some(seconds) => seconds.split('.').next()?.parse().ok()?,
        None => 0,
    };
    let naive: NaiveDateTime = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?
        .and_hms_opt(hour, minute, second)?;
    // The offset depends on the instant; guess with the wall time read as UTC, then correct
    // once (enough for every real zone's daylight saving rules).
    let guess = naive.and_utc()
        - Duration::seconds(i64::from(zone.offset_at(naive.and_utc()).local_minus_utc()));
    let offset = zone.offset_at(guess).local_minus_utc();
    Some(naive.and_utc() - Duration::seconds(i64::from(offset)))
}

/// Reads an offset as `Intl.DateTimeFormat` writes it (`GMT+08:00`, `GMT-4`, `GMT`).
pub fn parse_gmt_offset(text: &str) -> Option<FixedOffset> {
    let rest = text
        .trim()
        .strip_prefix("GMT")
        .or_else(|| text.trim().strip_prefix("UTC"))?;
    if rest.is_empty() {
        return FixedOffset::east_opt(0);
    }
    let mut chars = rest.chars();
    let sign = match chars.next()? {
        '+' => 1,
        // ICU writes U+2212 MINUS SIGN in some locales.
        '-' | '\u{2212}' => -1,
        _ => return None,
    };
    let digits = chars.as_str();
    let (hours, minutes) = match digits.split_once(':') {
        Some((hours, minutes)) => (hours, minutes),
        None => (digits, "0"),
    };
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    if !(0..=14).contains(&hours) || !(0..60).contains(&minutes) {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// The current time, from the browser's clock (wasm has no system clock of its own).
#[cfg(target_arch = "wasm32")]
pub fn now() -> DateTime<Utc> {
    // `Date.now()` is milliseconds since the epoch as a float; it fits an i64 exactly.
    let millis = js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// The current time, from the system clock (where the server renders pages).
#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> DateTime<Utc> {
    std::time::SystemTime::now().into()
}

#[cfg(target_arch = "wasm32")]
mod platform {
    //! Zone offsets from the browser's `Intl.DateTimeFormat`.

    use std::cell::RefCell;

    use chrono::{DateTime, FixedOffset, Utc};
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        // Building a formatter is the slow part; a page formats many dates in one zone.
        static FORMATTER: RefCell<Option<(String, Intl::DateTimeFormat)>> =
            const { RefCell::new(None) };
    }

    fn formatter(zone: &str) -> Option<Intl::DateTimeFormat> {
        let options = Object::new();
        Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
        Reflect::set(&options, &"timeZoneName".into(), &"longOffset".into()).ok()?;
        let constructor = Reflect::get(&js_sys::global(), &"Intl".into())
            .and_then(|intl| Reflect::get(&intl, &"DateTimeFormat".into()))
            .ok()?;
        let arguments = Array::of2(&"en-US".into(), &options);
        // `construct` catches the RangeError an unknown zone name throws.
        Reflect::construct::<fn() -> JsValue>(constructor.unchecked_ref(), &arguments)
            .ok()
            .map(JsCast::unchecked_into)
    }

    pub fn offset(zone: &str, at: DateTime<Utc>) -> Option<FixedOffset> {
        FORMATTER.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.as_ref().is_none_or(|(name, _)| name != zone) {
                *cache = Some((zone.to_owned(), formatter(zone)?));
            }
            let (_, formatter) = cache.as_ref()?;
            let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
            formatter.format_to_parts(&date).iter().find_map(|part| {
                let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
                let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
                (kind == "timeZoneName")
                    .then(|| super::parse_gmt_offset(&value))
                    .flatten()
            })
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    //! Zone offsets from chrono-tz, for host builds (tests and tools).

    use chrono::{DateTime, FixedOffset, Offset, Utc};

    pub fn offset(zone: &str, at: DateTime<Utc>) -> Option<FixedOffset> {
        let zone: chrono_tz::Tz = zone.parse().ok()?;
        Some(at.with_timezone(&zone).offset().fix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn zone(name: &str) -> Zone {
        Zone::new(name)
    }

    #[test]
    fn the_date_line_names_the_day_in_chinese() {
        let line = today_line(utc("2026-11-29T06:00:00Z"), &Zone::default());
        assert_eq!(line, "今天是: 2026年11月29日 星期日");
    }

    #[test]
    fn the_date_line_follows_the_site_zone_not_utc() {
        // 17:30 UTC on Saturday is already Sunday 01:30 in Shanghai.
        let late_saturday = utc("2026-11-28T17:30:00Z");
        assert_eq!(
            today_line(late_saturday, &zone("Asia/Shanghai")),
            "今天是: 2026年11月29日 星期日"
        );
        assert_eq!(
            today_line(late_saturday, &zone("Europe/London")),
            "今天是: 2026年11月28日 星期六"
        );
    }

    #[test]
    fn months_and_days_have_no_leading_zero_in_the_date_line() {
        let line = today_line(utc("2027-03-01T02:00:00Z"), &Zone::default());
        assert_eq!(line, "今天是: 2027年3月1日 星期一");
    }

    #[test]
    fn the_seed_article_was_published_at_09_38_shanghai_time() {
        let published = utc("2021-07-26T01:38:00Z");
        assert_eq!(date_time(published, &Zone::default()), "2021-07-26 09:38");
        assert_eq!(date(published, &Zone::default()), "2021-07-26");
    }

    #[test]
    fn publish_times_cross_midnight_into_the_local_day() {
        let published = utc("2021-12-31T16:05:00Z");
        assert_eq!(date_time(published, &Zone::default()), "2022-01-01 00:05");
    }

    #[test]
    fn daylight_saving_time_is_taken_at_the_instant_shown() {
        let new_york = zone("America/New_York");
        assert_eq!(
            date_time(utc("2026-07-01T12:00:00Z"), &new_york),
            "2026-07-01 08:00"
        );
        assert_eq!(
            date_time(utc("2026-01-01T12:00:00Z"), &new_york),
            "2026-01-01 07:00"
        );
    }

    #[test]
    fn an_unknown_zone_shows_china_standard_time() {
        let published = utc("2021-07-26T01:38:00Z");
        assert_eq!(
            date_time(published, &zone("Mars/Olympus_Mons")),
            "2021-07-26 09:38"
        );
        assert_eq!(date_time(published, &zone("")), "2021-07-26 09:38");
    }

    #[test]
    fn browser_offsets_are_read_in_every_form_intl_writes() {
        let hours = |text: &str| parse_gmt_offset(text).map(|offset| offset.local_minus_utc());
        assert_eq!(hours("GMT+08:00"), Some(8 * 3600));
        assert_eq!(hours("GMT-04:00"), Some(-4 * 3600));
        assert_eq!(hours("GMT\u{2212}03:30"), Some(-(3 * 3600 + 30 * 60)));
        assert_eq!(hours("GMT+5:45"), Some(5 * 3600 + 45 * 60));
        assert_eq!(hours("GMT+8"), Some(8 * 3600));
        assert_eq!(hours("GMT"), Some(0));
        assert_eq!(hours("UTC+01:00"), Some(3600));
    }

    #[test]
    fn anything_else_is_not_an_offset() {
        for text in [
            "",
            "CST",
            "GMT+",
            "GMT+25:00",
            "GMT+08:75",
            "GMT*08:00",
            "+08:00",
        ] {
            assert_eq!(parse_gmt_offset(text), None, "{text}");
        }
    }

    #[test]
    fn a_scheduled_time_is_typed_in_the_site_zone() {
        let shanghai = Zone::default();
        let at = from_input("2026-12-01T09:30", &shanghai).unwrap();
        assert_eq!(at, utc("2026-12-01T01:30:00Z"));
        assert_eq!(input_value(at, &shanghai), "2026-12-01T09:30");
        assert_eq!(
            from_input("2026-12-01T09:30:15.000", &shanghai),
            Some(utc("2026-12-01T01:30:15Z"))
        );
    }

    #[test]
    fn a_scheduled_time_follows_daylight_saving_time() {
        let new_york = zone("America/New_York");
        assert_eq!(
            from_input("2026-07-01T08:00", &new_york),
            Some(utc("2026-07-01T12:00:00Z"))
        );
        assert_eq!(
            from_input("2026-01-01T07:00", &new_york),
            Some(utc("2026-01-01T12:00:00Z"))
        );
    }

    #[test]
    fn a_half_typed_time_is_not_a_time() {
        for text in [
            "",
            "2026-12-01",
            "2026-13-01T09:30",
            "2026-12-01T25:00",
            "soon",
        ] {
            assert_eq!(from_input(text, &Zone::default()), None, "{text}");
        }
    }

    #[test]
    fn the_last_thirty_days_end_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let (from, to) = last_days(today, 30);
        assert_eq!(from, NaiveDate::from_ymd_opt(2026, 10, 31).unwrap());
        assert_eq!(to, today);
        assert_eq!(last_days(today, 1), (today, today));
        assert_eq!(month_day(from), "10-31");
    }

    #[test]
    fn today_is_the_site_zone_day() {
        let late = utc("2026-11-28T17:30:00Z");
        assert_eq!(
            local_date(late, &Zone::default()),
            NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
        );
    }

    #[test]
    fn machine_readable_times_are_rfc3339_utc() {
        assert_eq!(iso(utc("2021-07-26T01:38:00Z")), "2021-07-26T01:38:00Z");
    }
}
