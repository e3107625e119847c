//! Accounts: creation, changes, login, and the rule that an enabled admin always remains.

use portal_api::{ErrorCode, NewUser, Role, User, UserPatch};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::{
    auth::{
        burn_verification_time, hash_password, verify_password, CurrentUser, Session, VerifiedToken,
    },
    db::{
        self,
        entities::{revoked_token, user},
    },
    domain::{Password, Username},
    error::{ApiError, ApiResult, FieldErrors},
};

fn role_of(model: &user::Model) -> Role {
    Role::parse(&model.role).unwrap_or(Role::Editor)
}

pub fn to_dto(model: user::Model) -> User {
    let role = role_of(&model);
    User {
        id: model.id,
        username: model.username,
        role,
        disabled: model.disabled,
        created_at: model.created_at,
        updated_at: model.updated_at,
    }
}

/// The user behind a verified token, if the account still exists and is enabled, the token
/// is of the account's current version and was not revoked by logging out.
pub async fn find_session(
    db: &DatabaseConnection,
    token: &VerifiedToken,
) -> ApiResult<Option<CurrentUser>> {
    let (found, revoked) = futures::try_join!(
        user::Entity::find_by_id(token.user_id).one(db),
        revoked_token::Entity::find_by_id(token.jti.clone()).one(db),
    )?;
    if revoked.is_some() {
        return Ok(None);
    }
    Ok(found
        .filter(|model| !model.disabled && model.token_version == token.version)
        .map(|model| CurrentUser {
            id: model.id,
            role: role_of(&model),
            username: model.username,
            session: Session {
                jti: token.jti.clone(),
                expires_at: token.expires_at,
            },
        }))
}

/// Ends one token: it is refused from now on, on every instance.
pub async fn revoke(db: &DatabaseConnection, session: &Session) -> ApiResult<()> {
    let row = revoked_token::ActiveModel {
        jti: Set(session.jti.clone()),
        expires_at: Set(session.expires_at),
    };
    db::retry_on_contention(|| {
        revoked_token::Entity::insert(row.clone())
            // Logging out twice is no error (a no-op update: MariaDB has no DO NOTHING).
            .on_conflict(
                sea_orm::sea_query::OnConflict::column(revoked_token::Column::Jti)
                    .update_column(revoked_token::Column::Jti)
                    .to_owned(),
            )
            .exec_without_returning(db)
    })
    .await?;
    Ok(())
}

/// Forgets revocations of tokens that have expired anyway.
pub async fn forget_expired_revocations(db: &DatabaseConnection) -> ApiResult<u64> {
    // A token is accepted a few seconds past its expiry (clock leeway): its revocation stays
    // a minute longer.
    let now = chrono::Utc::now().timestamp() - 60;
    let deleted = revoked_token::Entity::delete_many()
        .filter(revoked_token::Column::ExpiresAt.lt(now))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}

/// The account, if the name and password match an enabled one. Takes as long for an unknown
/// name as for a wrong password.
pub async fn check_credentials(
    db: &DatabaseConnection,
    username: &str,
    password: &str,
) -> ApiResult<Option<user::Model>> {
    // A name that could never have been registered matches nobody (and never reaches SQL).
    let found = match Username::parse(username.trim()) {
        Ok(name) => {
            user::Entity::find()
                .filter(user::Column::Username.eq(name.as_str()))
                .one(db)
                .await?
        }
        Err(_) => None,
    };
    let Some(found) = found else {
        burn_verification_time(password).await?;
        return Ok(None);
    };
    let matches = verify_password(password, &found.password_hash).await?;
    Ok((matches && !found.disabled).then_some(found))
}

pub async fn list(db: &DatabaseConnection) -> ApiResult<Vec<User>> {
    let users = user::Entity::find()
        .order_by_asc(user::Column::Id)
        .all(db)
        .await?;
    Ok(users.into_iter().map(to_dto).collect())
}

pub async fn get(db: &DatabaseConnection, id: i32) -> ApiResult<User> {
    user::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(to_dto)
        .ok_or_else(|| ApiError::not_found("user"))
}

/// Creates an account; the name must be free.
pub async fn create(db: &impl ConnectionTrait, input: NewUser) -> ApiResult<User> {
    let mut errors = FieldErrors::default();
    let username = errors.check("username", Username::parse(&input.username));
    let password = errors.check(
        "password",
        Password::parse(&input.password, &[&input.username]),
    );
    errors.finish()?;
    let (Some(username), Some(password)) = (username, password) else {
        return Err(ApiError::Internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };
    insert(db, username, &password, input.role).await
}

pub async fn insert(
    db: &impl ConnectionTrait,
    username: Username,
    password: &Password,
    role: Role,
) -> ApiResult<User> {
    let taken = user::Entity::find()
        .filter(user::Column::Username.eq(username.as_str()))
        .count(db)
        .await?;
    if taken > 0 {
        return Err(ApiError::conflict(
            ErrorCode::NameTaken,
            format!("the user name `{}` is taken", username.as_str()),
        ));
    }
    let now = db::now();
    let new_user = user::ActiveModel {
        username: Set(username.into_inner()),
        password_hash: Set(hash_password(password).await?),
        role: Set(role.as_str().to_owned()),
        disabled: Set(false),
        token_version: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let model = db::retry_on_contention(|| new_user.clone().insert(db)).await?;
    Ok(to_dto(model))
}

/// Changes role, password or the disabled flag. Refuses a change that would leave no enabled
/// admin, so the site can always be administered.
pub async fn update(db: &DatabaseConnection, id: i32, patch: UserPatch) -> ApiResult<User> {
    let existing = user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("user"))?;
    let mut errors = FieldErrors::default();
    let password = errors.check_optional("password", patch.password.as_deref(), |password| {
        Password::parse(password, &[&existing.username])
    });
    errors.finish()?;

    let stays_enabled_admin = patch.role.unwrap_or(role_of(&existing)) == Role::Admin
        && !patch.disabled.unwrap_or(existing.disabled);

    // A new password, another role or a change of the disabled flag voids every token issued
    // before: whoever held one must log in again under the new terms.
    let voids_tokens = password.is_some()
        || patch.role.is_some_and(|role| role != role_of(&existing))
        || patch
            .disabled
            .is_some_and(|disabled| disabled != existing.disabled);
    let new_hash = match password {
        Some(password) => Some(hash_password(&password).await?),
        None => None,
    };
    let mut active: user::ActiveModel = existing.clone().into();
    if let Some(role) = patch.role {
        active.role = Set(role.as_str().to_owned());
    }
    if let Some(disabled) = patch.disabled {
        active.disabled = Set(disabled);
    }
    if let Some(hash) = new_hash {
        active.password_hash = Set(hash);
    }
    active.updated_at = Set(db::now());
    let updated = db::retry_on_contention(|| {
        let active = active.clone();
        let existing = &existing;
        async move {
            let txn = db::begin_write(db).await?;
            // Checked in the transaction that makes the change, with the other admins locked:
            // two admins disabling each other at once cannot leave none.
            if !stays_enabled_admin {
                ensure_another_admin(&txn, existing).await?;
            }
            let updated = active.update(&txn).await?;
            if voids_tokens {
                // Raised in the database: concurrent changes each raise it.
                user::Entity::update_many()
                    .col_expr(
                        user::Column::TokenVersion,
                        Expr::col(user::Column::TokenVersion).add(1),
                    )
                    .filter(user::Column::Id.eq(id))
                    .exec(&txn)
                    .await?;
            }
            txn.commit().await?;
            Ok::<_, ApiError>(updated)
        }
    })
    .await?;
    Ok(to_dto(updated))
}

pub async fn delete(db: &DatabaseConnection, id: i32) -> ApiResult<()> {
    let existing = user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("user"))?;
    db::retry_on_contention(|| async {
        let txn = db::begin_write(db).await?;
        ensure_another_admin(&txn, &existing).await?;
        user::Entity::delete_by_id(id).exec(&txn).await?;
        txn.commit().await?;
        Ok::<_, ApiError>(())
    })
    .await
}

/// Refuses when `user` is the only enabled admin. The other admins' rows stay locked until
/// the caller's transaction ends (SQLite's write lock does the same for the whole database).
async fn ensure_another_admin(db: &impl ConnectionTrait, user: &user::Model) -> ApiResult<()> {
    if role_of(user) != Role::Admin || user.disabled {
        return Ok(());
    }
    let others = user::Entity::find()
        .filter(user::Column::Role.eq(Role::Admin.as_str()))
        .filter(user::Column::Disabled.eq(false))
        .filter(user::Column::Id.ne(user.id));
    let others = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Sqlite => others,
        _ => others.lock_exclusive(),
    };
    let other_admins = others.all(db).await?.len();
    if other_admins == 0 {
        return Err(ApiError::conflict(
            ErrorCode::LastAdmin,
            "this is the last enabled admin; make another admin first",
        ));
    }
    Ok(())
}

pub async fn count(db: &impl ConnectionTrait) -> ApiResult<u64> {
    Ok(user::Entity::find().count(db).await?)
}
