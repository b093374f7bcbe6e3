//! Camau: a decision graph about Individual Development Plans in Wales, walked in the browser.
//!
//! - [`engine`]: pure Rust (answers → path → outcome → letters); no browser, no clock.
//! - [`content`]: the graph compiled from `content/*.toml` by build.rs.
//! - `compiler` (native only): the content compiler that build.rs uses, for tests and tools.
//! - `ui` (wasm only): the Leptos shell.

pub mod content;
pub mod engine;
pub mod render;
pub mod route;

#[cfg(not(target_arch = "wasm32"))]
pub mod compiler;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod tool;
