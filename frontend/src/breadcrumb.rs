//! The trail `您当前所在的位置: 主页 > 普法动态 > 新洲区`: which levels it has and where each one
//! links. Built from what the API already gives (a category's `ancestors`, an article's
//! `category_path`), so the client never walks the tree itself for it.

use portal_api::{CategoryDetail, CategoryRef};

use crate::app::Route;

/// The label of the first level.
pub const HOME_LABEL: &str = "主页";

/// One level of the trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    pub label: String,
    pub route: Route,
    /// The page being shown is this level (marked `aria-current="page"`).
    pub current: bool,
}

/// The trail to the categories of `path` (top level first), after 主页. With `last_is_current`
/// the last level is the page itself (a category page); an article's trail ends at its
/// category, which is not the page shown.
pub fn trail(path: &[CategoryRef], last_is_current: bool) -> Vec<Crumb> {
    let home = Crumb {
        label: HOME_LABEL.to_owned(),
        route: Route::Home,
        current: path.is_empty() && last_is_current,
    };
    let levels = path.iter().enumerate().map(|(index, category)| Crumb {
        label: category.name.clone(),
        route: Route::Category {
            slug: category.slug.clone(),
        },
        current: last_is_current && index + 1 == path.len(),
    });
    std::iter::once(home).chain(levels).collect()
}

/// The trail of a category page: its ancestors, then the category itself.
pub fn for_category(detail: &CategoryDetail) -> Vec<Crumb> {
    let own = CategoryRef {
        id: detail.category.id,
        name: detail.category.name.clone(),
        slug: detail.category.slug.clone(),
    };
    let mut path = detail.ancestors.clone();
    path.push(own);
    trail(&path, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::Category;

    fn reference(id: i32, name: &str, slug: &str) -> CategoryRef {
        CategoryRef {
            id,
            name: name.into(),
            slug: slug.into(),
        }
    }

    fn labels(crumbs: &[Crumb]) -> Vec<&str> {
        crumbs.iter().map(|crumb| crumb.label.as_str()).collect()
    }

    #[test]
    fn an_article_trail_starts_at_home_and_links_every_category() {
        let path = [
            reference(1, "普法动态", "pufa-dongtai"),
            reference(2, "新洲区", "xinzhou"),
        ];
        let crumbs = trail(&path, false);
        assert_eq!(labels(&crumbs), ["主页", "普法动态", "新洲区"]);
        assert_eq!(crumbs[0].route, Route::Home);
        assert_eq!(
            crumbs[2].route,
            Route::Category {
                slug: "xinzhou".into()
            }
        );
        assert!(crumbs.iter().all(|crumb| !crumb.current));
    }

    #[test]
    fn a_category_trail_ends_at_the_category_marked_current() {
        let now = "2026-11-29T00:00:00Z".parse().unwrap();
        let detail = CategoryDetail {
            category: Category {
                id: 2,
                parent_id: Some(1),
                name: "新洲区".into(),
                slug: "xinzhou".into(),
                description: String::new(),
                sort_order: 0,
                created_at: now,
                updated_at: now,
            },
            ancestors: vec![reference(1, "普法动态", "pufa-dongtai")],
            children: vec![],
        };
        let crumbs = for_category(&detail);
        assert_eq!(labels(&crumbs), ["主页", "普法动态", "新洲区"]);
        let current: Vec<bool> = crumbs.iter().map(|crumb| crumb.current).collect();
        assert_eq!(current, [false, false, true]);
    }

    #[test]
    fn an_empty_path_is_just_home() {
        assert_eq!(labels(&trail(&[], false)), ["主页"]);
        assert!(trail(&[], true)[0].current);
    }
}
