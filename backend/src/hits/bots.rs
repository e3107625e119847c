//! Tells robots from readers by their request headers. The user-agent fragments follow the
//! COUNTER robots list (the list libraries and publishers use for honest usage statistics),
//! plus the crawlers common in China and the signs of automated and headless browsers.

use std::sync::LazyLock;

use actix_web::http::header::{HeaderMap, HeaderName};
use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// Lower-case fragments of robot user agents.
const ROBOT_FRAGMENTS: &[&str] = &[
    // Generic words crawlers name themselves with.
    "bot",
    "crawl",
    "spider",
    "slurp",
    "archiver",
    "scrape",
    "fetch",
    "index",
    "harvest",
    "monitor",
    "checker",
    "validator",
    "preview",
    "scan",
    "probe",
    "transcoder",
    // Search engines and platforms, including those common in China.
    "baidu",
    "sogou",
    "360spider",
    "haosou",
    "yisou",
    "bytespider",
    "petalbot",
    "yandex",
    "bingpreview",
    "mediapartners",
    "adsbot",
    "feedfetcher",
    "facebookexternalhit",
    "yahoo! slurp",
    "duckduckgo",
    "applebot",
    "semrush",
    "ahrefs",
    "mj12",
    "dotbot",
    "qwantify",
    "exabot",
    "seznam",
    "sosospider",
    "youdao",
    "toutiao",
    // Libraries and command-line clients.
    "curl/",
    "wget",
    "python",
    "httpclient",
    "okhttp",
    "java/",
    "go-http-client",
    "libwww",
    "perl",
    "ruby",
    "php/",
    "node-fetch",
    "axios",
    "undici",
    "got (",
    "reqwest",
    "aiohttp",
    "httpie",
    "postman",
    "insomnia",
    "scrapy",
    "nutch",
    "heritrix",
    "winhttp",
    // Automated and headless browsers, and page tools.
    "headless",
    "phantomjs",
    "selenium",
    "webdriver",
    "puppeteer",
    "playwright",
    "cypress",
    "lighthouse",
    "pagespeed",
    "gtmetrix",
    "pingdom",
    "uptime",
    "statuscake",
    "site24x7",
    "wkhtmlto",
    "prerender",
];

/// All the fragments in one automaton: a user agent is read once, whatever the list's length.
/// `None` only if the automaton could not be built, which the tests rule out for this list.
static ROBOT_MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        // A full DFA: a few hundred KiB for the fastest scan, paid once.
        .kind(Some(AhoCorasickKind::DFA))
        .build(ROBOT_FRAGMENTS)
        .ok()
});

fn names_a_robot(user_agent: &str) -> bool {
    match ROBOT_MATCHER.as_ref() {
        Some(matcher) => matcher.is_match(user_agent),
        None => {
            let lower = user_agent.to_ascii_lowercase();
            ROBOT_FRAGMENTS
                .iter()
                .any(|fragment| lower.contains(fragment))
        }
    }
}

/// Whether the request comes from a robot (or is a prefetch, which is no view either).
pub fn is_robot(user_agent: &str, headers: &HeaderMap) -> bool {
    agent_is_robot(user_agent) || marked_as_no_view(headers)
}

/// Whether the user agent is a robot's: missing, bare, or naming a crawler, a library or an
/// automated browser. It depends on the agent alone, so it may be remembered per agent.
pub fn agent_is_robot(user_agent: &str) -> bool {
    let user_agent = user_agent.trim();
    user_agent.is_empty() || !user_agent.contains('/') || names_a_robot(user_agent)
}

/// Whether this request's headers say it is no view: a headless browser's client hints or a
/// prefetch, which can come from any browser.
pub fn marked_as_no_view(headers: &HeaderMap) -> bool {
    let header_says = |name: &HeaderName, needle: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.to_ascii_lowercase().contains(needle))
    };
    header_says(&SEC_CH_UA, "headless")
        || header_says(&SEC_PURPOSE, "prefetch")
        || header_says(&PURPOSE, "prefetch")
        || header_says(&X_MOZ, "prefetch")
}

/// Client hints and prefetch markers, named once rather than parsed on every view.
static SEC_CH_UA: HeaderName = HeaderName::from_static("sec-ch-ua");
static SEC_PURPOSE: HeaderName = HeaderName::from_static("sec-purpose");
static PURPOSE: HeaderName = HeaderName::from_static("purpose");
static X_MOZ: HeaderName = HeaderName::from_static("x-moz");

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(
                HeaderName::from_static(name),
                HeaderValue::from_static(value),
            );
        }
        map
    }

    #[test]
    fn the_fragment_automaton_builds_and_ignores_case() {
        assert!(ROBOT_MATCHER.is_some());
        assert!(names_a_robot("Mozilla/5.0 (compatible; YandexBot/3.0)"));
        assert!(names_a_robot("SCRAPY/2.11"));
    }

    #[test]
    fn an_ordinary_browser_is_a_reader() {
        assert!(!is_robot(CHROME, &headers(&[])));
        let wechat = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40";
        assert!(!is_robot(wechat, &headers(&[])));
    }

    #[test]
    fn crawlers_and_command_line_clients_are_robots() {
        for agent in [
            "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)",
            "curl/8.5.0",
            "python-requests/2.31",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
        ] {
            assert!(is_robot(agent, &headers(&[])), "{agent}");
        }
    }

    #[test]
    fn a_missing_or_bare_user_agent_is_a_robot() {
        assert!(is_robot("", &headers(&[])));
        assert!(is_robot("Mozilla", &headers(&[])));
    }

    #[test]
    fn headless_hints_and_prefetches_are_not_views() {
        assert!(is_robot(
            CHROME,
            &headers(&[("sec-ch-ua", "\"HeadlessChrome\";v=\"131\"")])
        ));
        assert!(is_robot(
            CHROME,
            &headers(&[("sec-purpose", "prefetch;prerender")])
        ));
    }
}
