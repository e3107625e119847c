//! Starts the portal in the browser; everything else lives in the library.

fn main() {
    portal_frontend::run();
}
