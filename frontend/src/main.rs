//! Starts the portal in the browser; everything else lives in the library (which the server
//! also builds, to render the public pages). The console has its own bundle:
//! `src/bin/portal-console.rs`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    portal_frontend::run_portal();
}
