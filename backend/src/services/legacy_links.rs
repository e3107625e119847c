//! Old sites' addresses kept working: an import records each old address of an item with the
//! new one, and the portal answers the old one with a 301 to the new. Addresses are compared
//! in one normal form (see [`key`]), so `/2024/03/%E7%A4%BA/`, `/2024/03/%e7%a4%ba` and the raw
//! UTF-8 spelling are the same address, and of a query only the parameters that name an item
//! count (`/?p=12&utm_source=x` is `/?p=12`).

use sea_orm::{sea_query::OnConflict, ConnectionTrait, DatabaseConnection, EntityTrait, Set};

use crate::{db::entities::legacy_link, error::ApiResult};

/// Query parameters that name an item on the sites we import from: WordPress (`p`, `page_id`,
/// `attachment_id`, `cat`) and DedeCMS (`aid`, `tid`).
const ITEM_PARAMETERS: [&str; 6] = ["p", "page_id", "attachment_id", "cat", "aid", "tid"];

/// The longest normal form kept (the column's width).
pub const KEY_MAX_CHARS: usize = 700;

/// The normal form of an address: the path percent-decoded (invalid UTF-8 replaced), without a
/// trailing slash (except the root), followed by the item parameters of the query in a fixed
/// order. `None` when it is too long to be one of ours.
pub fn key(path: &str, query: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let trimmed = decoded.trim_end_matches('/');
    let mut key = if trimmed.is_empty() {
        "/".to_owned()
    } else if trimmed.starts_with('/') {
        trimmed.to_owned()
    } else {
        format!("/{trimmed}")
    };
    let mut parameters: Vec<(usize, String)> = url::form_urlencoded::parse(query.as_bytes())
        .filter_map(|(name, value)| {
            let position = ITEM_PARAMETERS.iter().position(|known| *known == name)?;
            let value = value.trim();
            (!value.is_empty() && value.chars().all(|c| c.is_ascii_digit()))
                .then(|| (position, format!("{name}={value}")))
        })
        .collect();
    parameters.sort();
    parameters.dedup_by_key(|(position, _)| *position);
    for (index, (_, parameter)) in parameters.iter().enumerate() {
        key.push(if index == 0 { '?' } else { '&' });
        key.push_str(parameter);
    }
    (key.chars().count() <= KEY_MAX_CHARS).then_some(key)
}

/// Whether the query names an item, i.e. whether `/?…` may be an old address rather than the
/// home page.
pub fn names_an_item(query: &str) -> bool {
    url::form_urlencoded::parse(query.as_bytes())
        .any(|(name, _)| ITEM_PARAMETERS.contains(&name.as_ref()))
}

/// The new address of an old one, if an import recorded it.
pub async fn target(db: &DatabaseConnection, path: &str, query: &str) -> ApiResult<Option<String>> {
    let Some(key) = key(path, query) else {
        return Ok(None);
    };
    Ok(legacy_link::Entity::find_by_id(key)
        .one(db)
        .await?
        .map(|link| link.target))
}

/// Records (or moves) old addresses to `target`. Addresses past [`KEY_MAX_CHARS`] are left
/// out and counted in the answer.
pub async fn record(
    db: &impl ConnectionTrait,
    source: &str,
    old_addresses: &[(String, String)],
    target: &str,
) -> Result<usize, sea_orm::DbErr> {
    let mut left_out = 0;
    let mut rows = Vec::new();
    for (path, query) in old_addresses {
        match key(path, query) {
            Some(key)
                if !rows
                    .iter()
                    .any(|row: &legacy_link::ActiveModel| row.path.as_ref() == &key) =>
            {
                rows.push(legacy_link::ActiveModel {
                    path: Set(key),
                    target: Set(target.to_owned()),
                    source: Set(source.to_owned()),
                })
            }
            Some(_) => {}
            None => left_out += 1,
        }
    }
    if !rows.is_empty() {
        legacy_link::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::column(legacy_link::Column::Path)
                    .update_columns([legacy_link::Column::Target, legacy_link::Column::Source])
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_address_share_a_key() {
        let expected = Some("/2024/12/示例：通知".to_owned());
        assert_eq!(
            key(
                "/2024/12/%e7%a4%ba%e4%be%8b%ef%bc%9a%e9%80%9a%e7%9f%a5/",
                ""
            ),
            expected
        );
        assert_eq!(
            key("/2024/12/%E7%A4%BA%E4%BE%8B%EF%BC%9A%E9%80%9A%E7%9F%A5", ""),
            expected
        );
        assert_eq!(key("/2024/12/示例：通知/", ""), expected);
    }

    #[test]
    fn only_item_parameters_of_a_query_count() {
        assert_eq!(key("/", "p=12&utm_source=feed"), Some("/?p=12".to_owned()));
        assert_eq!(
            key("/plus/view.php", "aid=7&x=1"),
            Some("/plus/view.php?aid=7".to_owned())
        );
        assert_eq!(key("/", "cat=3&p=12"), Some("/?p=12&cat=3".to_owned()));
        assert_eq!(key("/", "p=abc"), Some("/".to_owned()));
        assert!(names_an_item("p=12") && !names_an_item("q=普法"));
    }

    #[test]
    fn overlong_addresses_have_no_key() {
        assert_eq!(key(&format!("/{}", "a".repeat(800)), ""), None);
    }
}
