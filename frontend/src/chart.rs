//! The geometry of the statistics bar charts, drawn as inline SVG by the console: the value
//! axis rounded up to a readable maximum, tick values, and one bar per day. Pure, so the
//! scaling is tested on the host; the component only turns it into `<rect>`s.

/// The drawing area inside the SVG's view box, in its own units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// One bar: its box in view box units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A horizontal grid line with its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    pub value: i64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub bars: Vec<Bar>,
    pub ticks: Vec<Tick>,
    /// The value at the top of the axis.
    pub max: i64,
}

/// Grid lines above zero.
const TICKS: i64 = 4;
/// The share of each slot a bar fills; the rest is the gap between bars.
const BAR_SHARE: f64 = 0.7;

/// The smallest "round" maximum (1, 2, 5 × 10ⁿ, times the tick count) at or above `max`, so
/// the ticks are whole, readable numbers. An empty chart still gets an axis up to [`TICKS`].
pub fn nice_max(max: i64) -> i64 {
    if max <= TICKS {
        return TICKS;
    }
    let step_needed = (max + TICKS - 1) / TICKS;
    let mut magnitude = 1_i64;
    while magnitude * 10 <= step_needed {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|factor| factor * magnitude)
        .find(|step| *step >= step_needed)
        .unwrap_or(10 * magnitude);
    step * TICKS
}

/// Lays out `values` as bars across `frame`, negative values drawn as zero.
pub fn layout(values: &[i64], frame: Frame) -> Layout {
    let max = nice_max(values.iter().copied().max().unwrap_or(0));
    let bottom = frame.top + frame.height;
    let scale = frame.height / max as f64;
    let slot = if values.is_empty() {
        0.0
    } else {
        frame.width / values.len() as f64
    };
    let bars = values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let height = (*value).max(0) as f64 * scale;
            Bar {
                x: frame.left + slot * index as f64 + slot * (1.0 - BAR_SHARE) / 2.0,
                y: bottom - height,
                width: slot * BAR_SHARE,
                height,
            }
        })
        .collect();
    let ticks = (0..=TICKS)
        .map(|step| {
            let value = max / TICKS * step;
            Tick {
                value,
                y: bottom - value as f64 * scale,
            }
        })
        .collect();
    Layout { bars, ticks, max }
}

/// Which of `count` bars get a date label: about every `count / labels`-th, always the last
/// (today), never two crowded together.
pub fn labelled(count: usize, labels: usize) -> Vec<usize> {
    if count == 0 || labels == 0 {
        return Vec::new();
    }
    let every = count.div_ceil(labels).max(1);
    // Counted back from today, so the newest day is always labelled.
    let mut chosen: Vec<usize> = (0..count).rev().step_by(every).collect();
    chosen.reverse();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        left: 40.0,
        top: 10.0,
        width: 300.0,
        height: 100.0,
    };

    #[test]
    fn the_axis_rounds_up_to_a_readable_maximum() {
        assert_eq!(nice_max(0), 4);
        assert_eq!(nice_max(3), 4);
        assert_eq!(nice_max(5), 8);
        assert_eq!(nice_max(17), 20);
        assert_eq!(nice_max(37), 40);
        assert_eq!(nice_max(41), 80);
        assert_eq!(nice_max(800), 800);
        assert_eq!(nice_max(950), 2000);
    }

    #[test]
    fn every_tick_is_a_whole_step() {
        let layout = layout(&[0, 37, 5], FRAME);
        let values: Vec<i64> = layout.ticks.iter().map(|tick| tick.value).collect();
        assert_eq!(values, vec![0, 10, 20, 30, 40]);
        assert_eq!(layout.ticks[0].y, 110.0);
        assert_eq!(layout.ticks[4].y, 10.0);
    }

    #[test]
    fn bars_stand_on_the_axis_and_share_the_width() {
        let layout = layout(&[0, 20, 40], FRAME);
        assert_eq!(layout.bars.len(), 3);
        assert_eq!(layout.bars[0].height, 0.0);
        assert_eq!(layout.bars[1].height, 50.0);
        assert_eq!(layout.bars[2].y, 10.0);
        for bar in &layout.bars {
            assert_eq!(bar.y + bar.height, 110.0);
            assert!((bar.width - 70.0).abs() < 1e-9);
        }
        assert!((layout.bars[0].x - 55.0).abs() < 1e-9);
        assert!(layout.bars[2].x + layout.bars[2].width <= FRAME.left + FRAME.width);
    }

    #[test]
    fn an_empty_series_has_an_axis_and_no_bars() {
        let layout = layout(&[], FRAME);
        assert!(layout.bars.is_empty());
        assert_eq!(layout.max, 4);
    }

    #[test]
    fn thirty_days_get_about_six_labels_ending_today() {
        assert_eq!(labelled(30, 6), vec![4, 9, 14, 19, 24, 29]);
        assert_eq!(labelled(3, 6), vec![0, 1, 2]);
        assert_eq!(labelled(0, 6), Vec::<usize>::new());
    }
}
