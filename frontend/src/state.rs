//! What every page shares: the site settings, the category tree and the friend links (loaded
//! once when the portal starts) and the section the reader is in, which pages report so the
//! navigation can highlight it.

use std::rc::Rc;

use portal_api::{CategoryNode, FriendLink, SiteSettings};
use yew::prelude::*;

use crate::dates;
use crate::hooks::Remote;

const FALLBACK_SITE_NAME: &str = "普法网";

/// The portal-wide context, provided by the app around every page.
#[derive(Clone, PartialEq)]
pub struct PortalContext {
    pub site: Remote<SiteSettings>,
    pub tree: Remote<Vec<CategoryNode>>,
    pub friend_links: Remote<Vec<FriendLink>>,
    /// The slug of the category being read (a category page, or an article's category).
    pub section: Option<String>,
    pub set_section: Callback<Option<String>>,
}

impl PortalContext {
    /// The zone dates are shown in: the site's, or Shanghai until the settings arrive.
    pub fn zone(&self) -> dates::Zone {
        self.site
            .ready()
            .map(|site| dates::Zone::new(&site.timezone))
            .unwrap_or_default()
    }

    /// The site's name; empty while the settings load (so no wrong name flashes up), a
    /// generic one when they could not be loaded.
    pub fn site_name(&self) -> String {
        match &self.site {
            Remote::Ready(site) => site.site_name.clone(),
            Remote::Failed(_) => FALLBACK_SITE_NAME.to_owned(),
            Remote::Loading => String::new(),
        }
    }

    /// The category tree, empty while it loads or when it failed.
    pub fn tree(&self) -> Rc<Vec<CategoryNode>> {
        match &self.tree {
            Remote::Ready(tree) => Rc::clone(tree),
            Remote::Loading | Remote::Failed(_) => Rc::default(),
        }
    }
}

/// The portal context; every page is rendered inside its provider.
#[hook]
pub fn use_portal() -> PortalContext {
    use_context::<PortalContext>().unwrap_or_else(|| PortalContext {
        site: Remote::Loading,
        tree: Remote::Loading,
        friend_links: Remote::Loading,
        section: None,
        set_section: Callback::noop(),
    })
}

/// Tells the navigation which category the page shows (`None` outside the category tree).
#[hook]
pub fn use_section(slug: Option<String>) {
    let portal = use_portal();
    let set_section = portal.set_section.clone();
    use_effect_with(slug, move |slug| set_section.emit(slug.clone()));
}
