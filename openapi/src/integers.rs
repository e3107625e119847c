//! Integer fields that accept every JSON number JSON Schema calls an integer: `5` and also
//! `5.0`. serde's own `i32` refuses the second, which a client in a language without an integer
//! type (JavaScript) may well send.

use serde::{de, Deserializer};

struct LenientI32;

impl de::Visitor<'_> for LenientI32 {
    type Value = i32;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("an integer between -2147483648 and 2147483647")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<i32, E> {
        i32::try_from(value).map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<i32, E> {
        i32::try_from(value).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<i32, E> {
        let whole =
            value.fract() == 0.0 && value >= f64::from(i32::MIN) && value <= f64::from(i32::MAX);
        if whole {
            Ok(value as i32)
        } else {
            Err(E::invalid_value(de::Unexpected::Float(value), &self))
        }
    }
}

struct OptionalLenientI32;

impl<'de> de::Visitor<'de> for OptionalLenientI32 {
    type Value = Option<i32>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("null or an integer")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        i32(deserializer).map(Some)
    }
}

/// For an `i32` field.
pub fn i32<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i32, D::Error> {
    deserializer.deserialize_any(LenientI32)
}

/// For an `Option<i32>` field (`null` is `None`).
pub fn optional_i32<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i32>, D::Error> {
    deserializer.deserialize_option(OptionalLenientI32)
}

/// For an `Option<Option<i32>>` PATCH field: absent is `None` (with `#[serde(default)]`),
/// `null` is `Some(None)`.
pub fn present_optional_i32<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<i32>>, D::Error> {
    optional_i32(deserializer).map(Some)
}

/// One list element read as leniently as [`i32`] reads a field.
struct ListedI32(i32);

impl<'de> serde::Deserialize<'de> for ListedI32 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        i32(deserializer).map(ListedI32)
    }
}

/// For a `Vec<i32>` field.
pub fn i32_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<i32>, D::Error> {
    let listed: Vec<ListedI32> = serde::Deserialize::deserialize(deserializer)?;
    Ok(listed.into_iter().map(|ListedI32(value)| value).collect())
}

/// For an `Option<Vec<i32>>` PATCH field: absent (with `#[serde(default)]`) and `null` are
/// `None`, as for the other PATCH fields; a list is cleared with `[]`.
pub fn optional_i32_list<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<i32>>, D::Error> {
    let listed: Option<Vec<ListedI32>> = serde::Deserialize::deserialize(deserializer)?;
    Ok(listed.map(|listed| listed.into_iter().map(|ListedI32(value)| value).collect()))
}

#[cfg(test)]
mod tests {
    #[derive(Debug, serde::Deserialize)]
    struct Sample {
        #[serde(deserialize_with = "super::i32")]
        count: i32,
        #[serde(default, deserialize_with = "super::optional_i32")]
        maybe: Option<i32>,
        #[serde(default, deserialize_with = "super::present_optional_i32")]
        patch: Option<Option<i32>>,
    }

    #[derive(Debug, serde::Deserialize)]
    struct Listed {
        #[serde(default, deserialize_with = "super::optional_i32_list")]
        ids: Option<Vec<i32>>,
    }

    #[test]
    fn lists_take_whole_floats_and_null_leaves_them() {
        let listed: Option<Listed> = serde_json::from_str(r#"{"ids": [3, 4.0]}"#).ok();
        assert_eq!(listed.and_then(|l| l.ids), Some(vec![3, 4]));
        let absent: Option<Listed> = serde_json::from_str("{}").ok();
        assert_eq!(absent.map(|l| l.ids), Some(None));
        let null: Option<Listed> = serde_json::from_str(r#"{"ids": null}"#).ok();
        assert_eq!(null.map(|l| l.ids), Some(None));
        assert!(serde_json::from_str::<Listed>(r#"{"ids": [1.5]}"#).is_err());
    }

    fn parse(json: &str) -> Result<Sample, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn whole_floats_are_integers() {
        let sample = parse(r#"{"count": -147.0, "maybe": 3.0}"#).map(|s| (s.count, s.maybe));
        assert_eq!(sample.ok(), Some((-147, Some(3))));
    }

    #[test]
    fn fractions_and_out_of_range_numbers_are_refused() {
        assert!(parse(r#"{"count": 1.5}"#).is_err());
        assert!(parse(r#"{"count": 2147483648}"#).is_err());
        assert!(parse(r#"{"count": "1"}"#).is_err());
    }

    #[test]
    fn a_patch_field_tells_absent_from_null() {
        assert_eq!(parse(r#"{"count": 1}"#).ok().map(|s| s.patch), Some(None));
        assert_eq!(
            parse(r#"{"count": 1, "patch": null}"#)
                .ok()
                .map(|s| s.patch),
            Some(Some(None))
        );
        assert_eq!(
            parse(r#"{"count": 1, "patch": 4}"#).ok().map(|s| s.patch),
            Some(Some(Some(4)))
        );
        assert_eq!(
            parse(r#"{"count": 1, "maybe": null}"#)
                .ok()
                .and_then(|s| s.maybe),
            None
        );
    }
}
