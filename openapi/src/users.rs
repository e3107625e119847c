//! Accounts of the people who run the portal.

use serde::{Deserialize, Serialize};

/// What an account may do. Editors manage articles; admins also manage categories, friend
/// links, site settings and users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "editor"))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Editor,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// An account. The password hash never leaves the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    pub id: i32,
    /// Lower-cased, 3 to 32 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 32, example = "editor1")
    )]
    pub username: String,
    pub role: Role,
    /// A disabled account cannot log in, and its tokens stop working.
    #[cfg_attr(feature = "openapi", schema(example = false))]
    pub disabled: bool,
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

/// A new account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"username": "editor1", "password": "river-lantern-walnut-42", "role": "editor"})))]
pub struct NewUser {
    /// 3 to 32 characters: letters, digits, `_`, `-` and `.`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 3,
            max_length = 32,
            pattern = r"^[A-Za-z0-9_.-]{3,32}$",
            example = "editor1"
        )
    )]
    pub username: String,
    /// 10 to 128 characters that a strength estimator (zxcvbn) scores at least 3 of 4: long,
    /// uncommon word combinations pass; common passwords, names, dates and keyboard runs do not
    /// (422 with the reason).
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 128, format = Password, pattern = r"^[^\u0000]*$", example = "river-lantern-walnut-42"))]
    pub password: String,
    pub role: Role,
}

/// A change to an account: only the fields present are changed. Setting `password` resets it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"role": "editor", "disabled": false})))]
pub struct UserPatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 128, format = Password, pattern = r"^[^\u0000]*$", example = "river-lantern-walnut-42"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[cfg_attr(feature = "openapi", schema(example = false))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
}
