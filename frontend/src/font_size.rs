//! The article text size a reader picks with 大 中 小, and how it is written down in
//! `localStorage` so the choice follows the reader to the next article and the next visit.

/// The `localStorage` key the choice is kept under.
pub const STORAGE_KEY: &str = "portal.font-size";

/// A text size for article bodies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FontSize {
    Large,
    #[default]
    Medium,
    Small,
}

impl FontSize {
    /// In the order the switch shows them, as on the old site.
    pub const ALL: [FontSize; 3] = [FontSize::Large, FontSize::Medium, FontSize::Small];

    /// The button's label.
    pub fn label(self) -> &'static str {
        match self {
            FontSize::Large => "大",
            FontSize::Medium => "中",
            FontSize::Small => "小",
        }
    }

    /// What a screen reader announces for the button.
    pub fn description(self) -> &'static str {
        match self {
            FontSize::Large => "大号字体",
            FontSize::Medium => "中号字体",
            FontSize::Small => "小号字体",
        }
    }

    /// The stored value, also the CSS class suffix (`font-large`).
    pub fn key(self) -> &'static str {
        match self {
            FontSize::Large => "large",
            FontSize::Medium => "medium",
            FontSize::Small => "small",
        }
    }

    /// The size stored as `value`; the default for anything else, since storage is shared
    /// with whatever else ran on this origin.
    pub fn from_stored(value: Option<&str>) -> Self {
        Self::ALL
            .into_iter()
            .find(|size| Some(size.key()) == value)
            .unwrap_or_default()
    }

    /// The class of the article body.
    pub fn class(self) -> String {
        format!("font-{}", self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_choice_reads_back_as_the_same_size() {
        for size in FontSize::ALL {
            assert_eq!(FontSize::from_stored(Some(size.key())), size);
        }
    }

    #[test]
    fn nothing_or_garbage_stored_means_medium() {
        assert_eq!(FontSize::from_stored(None), FontSize::Medium);
        assert_eq!(FontSize::from_stored(Some("huge")), FontSize::Medium);
    }

    #[test]
    fn the_switch_reads_large_medium_small() {
        let labels: Vec<_> = FontSize::ALL.iter().map(|size| size.label()).collect();
        assert_eq!(labels, ["大", "中", "小"]);
        assert_eq!(FontSize::Large.class(), "font-large");
    }
}
