//! The shipped content: static data written by build.rs from `content/*.toml`.
#![allow(clippy::all)]

use crate::engine::graph::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The outcome page's words as the engine takes them (natively they are compiled in; the
/// browser fetches `LATE_FILE` instead).
#[cfg(not(target_arch = "wasm32"))]
pub fn late() -> &'static Late {
    static WORDS: std::sync::OnceLock<Late> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| Late::from_table(LATE))
}
