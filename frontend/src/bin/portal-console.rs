//! Starts the editors' console in the browser: the bundle the server's `/admin` pages load.

fn main() {
    #[cfg(target_arch = "wasm32")]
    portal_frontend::run_console();
}
