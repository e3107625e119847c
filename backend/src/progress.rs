//! Progress of a long command (`portal reindex`, `portal import`): a bar on a terminal, and
//! otherwise a line every tenth of the way, so logs and CI output stay readable.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};

pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    last_tenth: AtomicU64,
    line: Box<dyn Fn(u64, u64) -> String + Send + Sync>,
}

impl Progress {
    /// `template` is indicatif's for the bar; `line(done, total)` is the plain line.
    pub fn new(template: &str, line: impl Fn(u64, u64) -> String + Send + Sync + 'static) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar
        });
        Progress {
            bar,
            last_tenth: AtomicU64::new(0),
            line: Box::new(line),
        }
    }

    pub fn set(&self, done: u64, total: u64) {
        match &self.bar {
            Some(bar) => {
                bar.set_length(total);
                bar.set_position(done);
            }
            None => {
                let tenth = (done * 10).checked_div(total).unwrap_or(10).min(10);
                if tenth > self.last_tenth.fetch_max(tenth, Ordering::Relaxed) {
                    eprintln!("{}", (self.line)(done, total));
                }
            }
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
