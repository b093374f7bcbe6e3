//! If the app ever panics, the page says so kindly instead of freezing: the
//! answers are still saved, and a plain-text copy is shown to copy. The crash
//! box is static HTML in index.html, so it works after the wasm has stopped.

use crate::content::GRAPH;
use crate::engine::codec::Saved;
use std::cell::RefCell;

thread_local! {
    static ANSWERS_TEXT: RefCell<String> = const { RefCell::new(String::new()) };
    /// Whether the latest answers are kept on this device (so the crash box can say so).
    static KEPT: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Records whether the latest answers are saved on this device.
pub fn kept(k: bool) {
    KEPT.with(|c| c.set(k));
}

/// Keeps a plain-text copy of the answers for the crash box.
pub fn remember(saved: &Saved) {
    let mut out = String::new();
    for (i, a) in saved.answers.0.iter().enumerate() {
        let (Some(a), Some(q)) = (a, GRAPH.questions.get(i)) else { continue };
        out.push_str(crate::render::t(q.title));
        out.push_str("\n  ");
        out.push_str(&crate::render::answer_text(i as u16, a));
        out.push('\n');
    }
    ANSWERS_TEXT.with(|t| *t.borrow_mut() = out);
}

pub fn install() {
    std::panic::set_hook(Box::new(|_| show()));
}

fn show() {
    let not_kept = (!KEPT.with(|c| c.get())).then(|| crate::render::t(crate::content::ui::CRASH_NOT_KEPT));
    ANSWERS_TEXT.with(|t| super::browser::show_crash(not_kept, &t.borrow()));
}
