//! Mounts the app; everything else is in the library so tests can use it.

#[cfg(target_arch = "wasm32")]
fn main() {
    camau::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Camau runs in the browser: see README.md (serve it with the first command there).");
}
