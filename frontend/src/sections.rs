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

/// One category of the tree as a flat list shows it: depth-first, with its depth, for pickers
/// (`<select>` options indented by depth) and the console's tree table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlatCategory {
    pub id: i32,
    pub parent_id: Option<i32>,
    pub name: String,
    pub slug: String,
    pub sort_order: i32,
    pub depth: usize,
    /// Whether it has sub-categories.
    pub parent: bool,
}

impl FlatCategory {
    /// The name indented by its depth, for `<option>`s (which cannot hold markup).
    pub fn indented(&self) -> String {
        format!("{}{}", "\u{3000}".repeat(self.depth), self.name)
    }
}

/// The whole tree, depth-first, in the API's order (siblings by sort order).
pub fn flatten(tree: &[CategoryNode]) -> Vec<FlatCategory> {
    fn walk(nodes: &[CategoryNode], depth: usize, out: &mut Vec<FlatCategory>) {
        for node in nodes {
            out.push(FlatCategory {
                id: node.id,
                parent_id: node.parent_id,
                name: node.name.clone(),
                slug: node.slug.clone(),
                sort_order: node.sort_order,
                depth,
                parent: !node.children.is_empty(),
            });
            walk(&node.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(tree, 0, &mut out);
    out
}

/// The ids of the category `id` and everything below it: the parents a move may not pick.
pub fn subtree_ids(flat: &[FlatCategory], id: i32) -> Vec<i32> {
    let mut ids = vec![id];
    // Depth-first order puts a subtree right after its root, so one pass collects it.
    if let Some(start) = flat.iter().position(|category| category.id == id) {
        let depth = flat[start].depth;
        ids.extend(
            flat[start + 1..]
                .iter()
                .take_while(|category| category.depth > depth)
                .map(|category| category.id),
        );
    }
    ids
}

/// The sibling just before (`up`) or after the category `id`, to swap sort orders with.
pub fn neighbour(flat: &[FlatCategory], id: i32, up: bool) -> Option<&FlatCategory> {
    let me = flat.iter().find(|category| category.id == id)?;
    let siblings: Vec<&FlatCategory> = flat
        .iter()
        .filter(|category| category.parent_id == me.parent_id)
        .collect();
    let index = siblings.iter().position(|category| category.id == id)?;
    if up {
        index
            .checked_sub(1)
            .and_then(|before| siblings.get(before).copied())
    } else {
        siblings.get(index + 1).copied()
    }
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

    #[test]
    fn the_flat_tree_is_depth_first_with_depths() {
        let flat = flatten(&tree());
        let ids: Vec<(i32, usize)> = flat.iter().map(|c| (c.id, c.depth)).collect();
        assert_eq!(ids, vec![(1, 0), (2, 1), (3, 1), (5, 0), (6, 1), (9, 2)]);
        assert_eq!(flat[5].indented(), "\u{3000}\u{3000}DEEP");
        assert!(flat[0].parent && !flat[1].parent);
    }

    #[test]
    fn a_category_cannot_move_under_its_own_subtree() {
        let flat = flatten(&tree());
        assert_eq!(subtree_ids(&flat, 5), vec![5, 6, 9]);
        assert_eq!(subtree_ids(&flat, 2), vec![2]);
    }

    #[test]
    fn reordering_swaps_with_a_sibling_only() {
        let mut tree = tree();
        for child in &mut tree[0].children {
            child.parent_id = Some(1);
        }
        tree[1].children[0].parent_id = Some(5);
        tree[1].children[0].children[0].parent_id = Some(6);
        let flat = flatten(&tree);
        assert_eq!(neighbour(&flat, 3, true).map(|c| c.id), Some(2));
        assert_eq!(neighbour(&flat, 2, true).map(|c| c.id), None);
        assert_eq!(neighbour(&flat, 1, false).map(|c| c.id), Some(5));
        assert_eq!(neighbour(&flat, 5, false).map(|c| c.id), None);
    }
}
