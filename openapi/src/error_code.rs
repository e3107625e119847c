//! The stable `code` of every problem document, with what each one means: its HTTP status, its
//! short English title (the problem's `title`) and the sentence a reader of the portal or the
//! console is shown in Chinese. The backend answers with these codes and the wasm client
//! explains them; neither writes a code, a title or a message of its own.

use serde::{Deserialize, Serialize};

/// What went wrong, as clients branch on it. Never renamed: a new kind of problem gets a new code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "validation_failed"))]
pub enum ErrorCode {
    /// A query parameter or path segment is malformed (400).
    BadRequest,
    /// The body is not JSON of the expected shape, or the form is malformed (422).
    InvalidBody,
    /// One or more fields break their rules; `errors` names each (422).
    ValidationFailed,
    /// A field names a record that does not exist (422).
    ReferenceNotFound,
    /// No valid bearer token (401).
    Unauthorized,
    /// The token's account may not do this (403).
    Forbidden,
    /// No such record, or not visible to the caller (404).
    NotFound,
    /// The path exists, the method does not (405).
    MethodNotAllowed,
    /// A slug or user name another record has (409).
    NameTaken,
    /// A category that still holds sub-categories or articles (409).
    NotEmpty,
    /// A category moved under itself or its own descendant (409).
    TreeCycle,
    /// The last enabled admin demoted, disabled or deleted (409).
    LastAdmin,
    /// A view sent for an article that is not public (409).
    NotPublic,
    /// Another unique value the database refused (409).
    Duplicate,
    /// A record still referenced elsewhere, e.g. a file an article uses (409).
    InUse,
    /// The body is larger than the operation accepts (413).
    PayloadTooLarge,
    /// The body's or the upload's type is not accepted (415).
    UnsupportedMediaType,
    /// Throttled, e.g. after failed logins; `Retry-After` says when to try again (429).
    TooManyRequests,
    /// Too many expensive requests at once (password checks, searches); retry after
    /// `Retry-After` (503).
    ServerBusy,
    /// The database stayed busy with other writes; nothing was changed (503).
    WriteContention,
    /// The database or the search index is not available yet (503).
    ServiceUnavailable,
    /// A fault of the server; it has been logged (500).
    InternalError,
}

impl ErrorCode {
    /// Every code, for documentation and tests.
    pub const ALL: [ErrorCode; 22] = [
        ErrorCode::BadRequest,
        ErrorCode::InvalidBody,
        ErrorCode::ValidationFailed,
        ErrorCode::ReferenceNotFound,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::NameTaken,
        ErrorCode::NotEmpty,
        ErrorCode::TreeCycle,
        ErrorCode::LastAdmin,
        ErrorCode::NotPublic,
        ErrorCode::Duplicate,
        ErrorCode::InUse,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::TooManyRequests,
        ErrorCode::ServerBusy,
        ErrorCode::WriteContention,
        ErrorCode::ServiceUnavailable,
        ErrorCode::InternalError,
    ];

    /// The code as it appears in the document (`validation_failed`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::InvalidBody => "invalid_body",
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::ReferenceNotFound => "reference_not_found",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::NameTaken => "name_taken",
            ErrorCode::NotEmpty => "not_empty",
            ErrorCode::TreeCycle => "tree_cycle",
            ErrorCode::LastAdmin => "last_admin",
            ErrorCode::NotPublic => "not_public",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::InUse => "in_use",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::TooManyRequests => "too_many_requests",
            ErrorCode::ServerBusy => "server_busy",
            ErrorCode::WriteContention => "write_contention",
            ErrorCode::ServiceUnavailable => "service_unavailable",
            ErrorCode::InternalError => "internal_error",
        }
    }

    /// The HTTP status a problem with this code is answered with.
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::BadRequest => 400,
            ErrorCode::Unauthorized => 401,
            ErrorCode::Forbidden => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::NameTaken
            | ErrorCode::NotEmpty
            | ErrorCode::TreeCycle
            | ErrorCode::LastAdmin
            | ErrorCode::NotPublic
            | ErrorCode::Duplicate
            | ErrorCode::InUse => 409,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::UnsupportedMediaType => 415,
            ErrorCode::InvalidBody | ErrorCode::ValidationFailed | ErrorCode::ReferenceNotFound => {
                422
            }
            ErrorCode::TooManyRequests => 429,
            ErrorCode::InternalError => 500,
            ErrorCode::ServerBusy | ErrorCode::WriteContention | ErrorCode::ServiceUnavailable => {
                503
            }
        }
    }

    /// The problem's `type`: a URI reference, one per code.
    pub fn problem_type(self) -> String {
        format!("/problems/{}", self.as_str().replace('_', "-"))
    }

    /// The problem's `title`: a short English summary of the kind of problem.
    pub fn title(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "Bad request",
            ErrorCode::InvalidBody => "Invalid request body",
            ErrorCode::ValidationFailed => "Validation failed",
            ErrorCode::ReferenceNotFound => "Referenced record not found",
            ErrorCode::Unauthorized => "Authentication required",
            ErrorCode::Forbidden => "Forbidden",
            ErrorCode::NotFound => "Not found",
            ErrorCode::MethodNotAllowed => "Method not allowed",
            ErrorCode::NameTaken
            | ErrorCode::NotEmpty
            | ErrorCode::TreeCycle
            | ErrorCode::LastAdmin
            | ErrorCode::NotPublic
            | ErrorCode::Duplicate
            | ErrorCode::InUse => "Conflict",
            ErrorCode::PayloadTooLarge => "Payload too large",
            ErrorCode::UnsupportedMediaType => "Unsupported media type",
            ErrorCode::TooManyRequests => "Too many requests",
            ErrorCode::ServerBusy => "Server busy",
            ErrorCode::WriteContention => "Write contention",
            ErrorCode::ServiceUnavailable => "Service unavailable",
            ErrorCode::InternalError => "Internal server error",
        }
    }

    /// What a person is told, in Chinese (the portal and the console show it).
    pub fn message(self) -> &'static str {
        match self {
            ErrorCode::BadRequest | ErrorCode::InvalidBody | ErrorCode::MethodNotAllowed => {
                "请求的内容有误,无法完成。"
            }
            ErrorCode::ValidationFailed => "提交的内容有误,请检查标出的项目。",
            ErrorCode::ReferenceNotFound => "引用的栏目、文件或账号不存在,请重新选择。",
            ErrorCode::Unauthorized => "登录已失效,请重新登录。",
            ErrorCode::Forbidden => "您没有执行此操作的权限。",
            ErrorCode::NotFound => "您要找的内容不存在或已被删除。",
            ErrorCode::NameTaken => "这个名称或标识已被使用,请换一个。",
            ErrorCode::NotEmpty => "该栏目下还有子栏目或文章,请先移走或删除它们。",
            ErrorCode::TreeCycle => "不能把栏目移到它自己或它的下级栏目之下。",
            ErrorCode::LastAdmin => "这是最后一位启用的管理员,请先设置另一位管理员。",
            ErrorCode::NotPublic => "该文章尚未公开,不计浏览次数。",
            ErrorCode::Duplicate => "操作被拒绝:与现有数据冲突。",
            ErrorCode::InUse => "仍有文章在使用该文件,请先从文章中移除。",
            ErrorCode::PayloadTooLarge => "文件太大,超过了服务器允许的上限。",
            ErrorCode::UnsupportedMediaType => {
                "不支持这种文件:图片可用 JPEG、PNG、WebP、GIF,附件可用 PDF、Word、Excel、PowerPoint、ZIP、文本。"
            }
            ErrorCode::TooManyRequests => "访问过于频繁,请稍后再试。",
            ErrorCode::ServerBusy | ErrorCode::WriteContention => "服务器正忙,请稍后再试。",
            ErrorCode::ServiceUnavailable | ErrorCode::InternalError => {
                "服务器暂时无法处理请求,请稍后再试。"
            }
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_serialises_as_its_name_and_back() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
    }

    #[test]
    fn codes_are_distinct_and_each_has_an_error_status() {
        let names: std::collections::HashSet<_> =
            ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), ErrorCode::ALL.len());
        for code in ErrorCode::ALL {
            assert!((400..600).contains(&code.status()), "{code}");
            assert!(
                !code.message().is_empty() && !code.title().is_empty(),
                "{code}"
            );
        }
    }
}
