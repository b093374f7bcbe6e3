//! The shipped content: static data written by build.rs from `content/*.toml`.
#![allow(clippy::all)]

use crate::engine::graph::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// A language's words as the engine takes them (natively they are compiled in; the browser
/// fetches the `WORDS` files instead).
#[cfg(not(target_arch = "wasm32"))]
pub fn text(lang: Lang) -> &'static Text {
    static WORDS: std::sync::OnceLock<[Text; 2]> = std::sync::OnceLock::new();
    &WORDS.get_or_init(|| {
        Lang::ALL.map(|l| {
            let [start, later] = TABLES[l as usize];
            Text { lang: l, start: Table::from_table(start), later: Table::from_table(later) }
        })
    })[lang as usize]
}

/// The English words (natively: tests, tools).
#[cfg(not(target_arch = "wasm32"))]
pub fn en() -> &'static Text {
    text(Lang::En)
}
