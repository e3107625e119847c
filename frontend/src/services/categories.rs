//! `GET /categories` (the navigation tree), `GET /categories/{id_or_slug}` (one category with
//! its breadcrumb and children), and the admins' writes.

use portal_api::{CategoryDetail, CategoryNode, CategoryPatch, NewCategory};

use super::requests::{self, encode_segment, ApiError, API_BASE};

pub fn tree_url() -> String {
    format!("{API_BASE}/categories")
}

pub async fn tree() -> Result<Vec<CategoryNode>, ApiError> {
    requests::get(&tree_url()).await
}

/// The category named by `slug` (or id); a 404 [`ApiError`] when there is none.
pub async fn get(slug: &str) -> Result<CategoryDetail, ApiError> {
    requests::get(&detail_url(slug)).await
}

pub async fn create(category: NewCategory) -> Result<CategoryDetail, ApiError> {
    requests::post_json(&format!("{API_BASE}/categories"), &category).await
}

/// Renames, moves (`parent_id`) or reorders (`sort_order`) a category.
pub async fn update(id: i32, patch: CategoryPatch) -> Result<CategoryDetail, ApiError> {
    requests::patch_json(&format!("{API_BASE}/categories/{id}"), &patch).await
}

/// Refused (409) while the category has sub-categories or articles.
pub async fn delete(id: i32) -> Result<(), ApiError> {
    requests::delete(&format!("{API_BASE}/categories/{id}")).await
}

pub fn detail_url(slug: &str) -> String {
    format!("{API_BASE}/categories/{}", encode_segment(slug))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_slug_names_the_category_in_the_path() {
        assert_eq!(super::detail_url("xinzhou"), "/api/v1/categories/xinzhou");
        assert_eq!(super::detail_url("a b"), "/api/v1/categories/a%20b");
    }
}
