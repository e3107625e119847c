//! Where a category sits in the navigation tree: the chain of categories from the top level
//! down to it, so the navigation can highlight the current section and its sub-section and a
//! category page can list its section's sub-categories.

use portal_api::CategoryNode;

/// The nodes from the top level down to the category named `key` (its slug, or its id as the
/// API also accepts); empty when the tree does not hold it.
pub fn path_to<'a>(tree: &'a [CategoryNode], key: &str) -> Vec<&'a CategoryNode> {
    for node in tree {
        if node.slug == key || node.id.to_string() == key {
            return vec![node];
        }
        let below = path_to(&node.children, key);
        if !below.is_empty() {
            let mut path = Vec::with_capacity(below.len() + 1);
            path.push(node);
            path.extend(below);
            return path;
        }
    }
    Vec::new()
}

/// Whether the category with `id` lies on `path` (it is the current category or one above).
pub fn is_on_path(path: &[&CategoryNode], id: i32) -> bool {
    path.iter().any(|node| node.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: i32, slug: &str, children: Vec<CategoryNode>) -> CategoryNode {
        CategoryNode {
            id,
            parent_id: None,
            name: slug.to_uppercase(),
            slug: slug.into(),
            description: String::new(),
            sort_order: 0,
            children,
        }
    }

    fn tree() -> Vec<CategoryNode> {
        vec![
            node(
                1,
                "pufa-dongtai",
                vec![node(2, "xinzhou", vec![]), node(3, "shiji", vec![])],
            ),
            node(
                5,
                "fazhi",
                vec![node(6, "xianfa", vec![node(9, "deep", vec![])])],
            ),
        ]
    }

    fn slugs(path: &[&CategoryNode]) -> Vec<String> {
        path.iter().map(|node| node.slug.clone()).collect()
    }

    #[test]
    fn a_sub_category_is_found_under_its_section() {
        let tree = tree();
        assert_eq!(
            slugs(&path_to(&tree, "xinzhou")),
            ["pufa-dongtai", "xinzhou"]
        );
        assert_eq!(slugs(&path_to(&tree, "deep")), ["fazhi", "xianfa", "deep"]);
    }

    #[test]
    fn a_top_level_category_is_its_own_section() {
        let tree = tree();
        assert_eq!(slugs(&path_to(&tree, "fazhi")), ["fazhi"]);
    }

    #[test]
    fn a_category_can_be_named_by_its_id() {
        let tree = tree();
        assert_eq!(slugs(&path_to(&tree, "2")), ["pufa-dongtai", "xinzhou"]);
    }

    #[test]
    fn an_unknown_category_has_no_path() {
        assert!(path_to(&tree(), "nowhere").is_empty());
    }

    #[test]
    fn the_path_tells_which_categories_to_highlight() {
        let tree = tree();
        let path = path_to(&tree, "xinzhou");
        assert!(is_on_path(&path, 1));
        assert!(is_on_path(&path, 2));
        assert!(!is_on_path(&path, 3));
    }
}
