//! The category tree (栏目): what the navigation and the breadcrumbs are made of.

use serde::{Deserialize, Serialize};

/// The longest category name, in characters.
pub const CATEGORY_NAME_MAX_CHARS: usize = 50;
/// The longest category description, in characters.
pub const CATEGORY_DESCRIPTION_MAX_CHARS: usize = 500;
/// The longest URL name (slug), in characters.
pub const SLUG_MAX_CHARS: usize = 64;

/// A category's identity, as used in breadcrumbs and article listings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryRef {
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub id: i32,
    /// Display name, e.g. `新洲区`.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "普法动态"))]
    pub name: String,
    /// URL name, e.g. `xinzhou`.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "pufa-dongtai"))]
    pub slug: String,
}

/// A category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub id: i32,
    /// The parent category; `null` for a top-level category.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub parent_id: Option<i32>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "普法动态"))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "pufa-dongtai"))]
    pub slug: String,
    /// Empty for a category without a description.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "示例：本区普法工作的新闻与通知。")
    )]
    pub description: String,
    /// Position among its siblings, smallest first.
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    pub sort_order: i32,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-01-06T02:00:00Z")
    )]
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-02-20T07:45:10Z")
    )]
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A category with its place in the tree: the way from the root (for the breadcrumb) and its
/// direct children.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryDetail {
    pub category: Category,
    /// The categories above this one, from the top level down (excluding this one).
    pub ancestors: Vec<CategoryRef>,
    /// The direct children, in display order.
    pub children: Vec<Category>,
}

/// One node of the category tree, with its children nested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryNode {
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub id: i32,
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub parent_id: Option<i32>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "普法动态"))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "pufa-dongtai"))]
    pub slug: String,
    /// Empty for a category without a description.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "示例：本区普法工作的新闻与通知。")
    )]
    pub description: String,
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    pub sort_order: i32,
    /// Children in display order.
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<CategoryNode>,
}

/// A new category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"parent_id": 1, "name": "示例街道", "slug": "shili-jiedao", "description": "示例：街道的普法动态。"})))]
pub struct NewCategory {
    /// The parent category, or `null`/absent for a top-level category.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    #[serde(default, deserialize_with = "crate::integers::optional_i32")]
    pub parent_id: Option<i32>,
    /// Display name, 1 to 50 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 50,
            pattern = r"^[^\u0000-\u001F\u007F]*[^\s\u0000-\u001F\u007F][^\u0000-\u001F\u007F]*$",
            example = "示例街道"
        )
    )]
    pub name: String,
    /// URL name: lowercase letters, digits and single hyphens, 1 to 64 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 64,
            pattern = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
            example = "xinzhou"
        )
    )]
    pub slug: String,
    /// At most 500 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 500,
            pattern = r"^[^\u0000]*$",
            example = "示例：街道的普法动态。"
        )
    )]
    #[serde(default)]
    pub description: String,
    /// Position among its siblings; appended last when absent.
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    #[serde(default, deserialize_with = "crate::integers::optional_i32")]
    pub sort_order: Option<i32>,
}

/// A change to a category: only the fields present are changed. Setting `parent_id` moves the
/// category (with its subtree); `null` makes it top-level. A move under its own subtree is
/// refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "示例街道动态", "sort_order": 2})))]
pub struct CategoryPatch {
    #[serde(
        default,
        deserialize_with = "crate::integers::present_optional_i32",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i32>, example = 1))]
    pub parent_id: Option<Option<i32>>,
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 50,
            pattern = r"^[^\u0000-\u001F\u007F]*[^\s\u0000-\u001F\u007F][^\u0000-\u001F\u007F]*$",
            example = "示例街道动态"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 64,
            pattern = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
            example = "shili-jiedao-dongtai"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 500,
            pattern = r"^[^\u0000]*$",
            example = "示例：街道的普法新闻与活动。"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    #[serde(
        default,
        deserialize_with = "crate::integers::optional_i32",
        skip_serializing_if = "Option::is_none"
    )]
    pub sort_order: Option<i32>,
}
