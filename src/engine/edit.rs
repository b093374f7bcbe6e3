//! A letter the parent fills in and changes before sending.
//!
//! A letter's wording marks what only the parent knows as a gap: `[bracketed form | Question?]`
//! (see `content/FORMAT.md`). Filled from the answers, the letter reads `[bracketed form]` there,
//! and the app asks the question beside it. The parent's work on a letter is an [`Edit`]: what
//! they wrote for each gap, and the whole text once they change any other word. An edit is
//! kept with the version of Camau's wording it was made on ([`version`]), so a later change
//! of the answers or of Camau's words is noticed, never silently lost or silently applied.
//!
//! Kept on the device under their own key ([`encode`], [`decode`]), apart from the answers:
//! a long letter can never make the answers unsaveable.

use super::codec::{percent_decode, percent_encode};
use super::graph::Graph;

pub use camau_graph::{gaps, Gap};

/// A short fingerprint of Camau's wording of a letter for this family (FNV-1a): when it
/// differs from an edit's, the answers or Camau's words changed after the edit.
pub fn version(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

/// The parent's work on one letter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edit {
    /// The [`version`] of Camau's wording the edit was made on.
    pub version: u32,
    /// What the parent wrote for each gap, by the gap's bracketed form.
    pub fills: Vec<(String, String)>,
    /// The whole text, once the parent has changed it by hand.
    pub text: Option<String>,
}

impl Edit {
    pub fn fill(&self, form: &str) -> &str {
        self.fills.iter().find(|(f, _)| f == form).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    /// The letter as it stands: the parent's own text, else Camau's with each gap filled.
    pub fn text(&self, base: &str) -> String {
        if let Some(t) = &self.text {
            return t.clone();
        }
        let mut out = base.to_string();
        for (form, value) in &self.fills {
            if !value.trim().is_empty() {
                out = out.replace(form.as_str(), value.trim());
            }
        }
        out
    }

    /// The parent wrote `value` for the gap `form`. Once the text is the parent's own
    /// ([`Edit::text`] set by hand) a field never rewrites it: a value searched for and replaced
    /// in text the parent wrote could change words they did not mean (typing "Y" would match
    /// every "Y"). The page then asks them to fill what is left in the letter itself.
    pub fn set_fill(&mut self, form: &str, value: &str) {
        match self.fills.iter_mut().find(|(f, _)| f == form) {
            Some(slot) => slot.1 = value.to_string(),
            None => self.fills.push((form.to_string(), value.to_string())),
        }
    }

}

/// How many blanks a letter still has: every `[…]` left in it (a gap, a name or date Camau
/// was not given, or a sentence to keep or delete).
pub fn blanks(text: &str) -> usize {
    let mut n = 0;
    let mut rest = text;
    while let Some(i) = rest.find('[') {
        match rest[i..].find(']') {
            Some(j) => {
                n += 1;
                rest = &rest[i + j + 1..];
            }
            None => break,
        }
    }
    n
}

/// Every letter's edit, by the letter's index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edits(pub Vec<(u16, Edit)>);

impl Edits {
    pub fn get(&self, l: u16) -> Option<&Edit> {
        self.0.iter().find(|(x, _)| *x == l).map(|(_, e)| e)
    }
    /// The letter's edit, started on `version` when there is none.
    pub fn entry(&mut self, l: u16, version: u32) -> &mut Edit {
        let i = match self.0.iter().position(|(x, _)| *x == l) {
            Some(i) => i,
            None => {
                self.0.push((l, Edit { version, ..Edit::default() }));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }
    pub fn remove(&mut self, l: u16) {
        self.0.retain(|(x, _)| *x != l);
    }
}

/// The format of the edits' line. Raise it when the format changes, and teach `decode` the old one.
pub const VERSION: u32 = 1;

/// One line: `v=1&e.ask_lhb_answer=2166136261,TEXT,FORM,VALUE,FORM,VALUE`, each part
/// percent-encoded (so no `,` or `&` inside), `TEXT` empty until changed by hand (then `~`
/// and the text). Letters by their stable id, never their index.
pub fn encode(g: &Graph, edits: &Edits) -> String {
    let mut out = ["v=", &VERSION.to_string()].concat();
    for (l, e) in &edits.0 {
        let Some(letter) = g.letters.get(*l as usize) else { continue };
        out.push_str("&e.");
        out.push_str(letter.id);
        out.push('=');
        out.push_str(&e.version.to_string());
        out.push(',');
        if let Some(t) = &e.text {
            out.push('~');
            out.push_str(&percent_encode(t));
        }
        for (f, v) in &e.fills {
            out.push(',');
            out.push_str(&percent_encode(f));
            out.push(',');
            out.push_str(&percent_encode(v));
        }
    }
    out
}

/// What reading the edits' line found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecodedEdits {
    pub edits: Edits,
    /// Saved by a newer Camau (kept, not overwritten), or not Camau's edits at all.
    pub newer: bool,
    pub unreadable: bool,
    /// Edits of letters this Camau no longer has, or that were damaged, by id: dropped.
    pub dropped: Vec<String>,
}

pub fn decode(g: &Graph, line: &str) -> DecodedEdits {
    let mut d = DecodedEdits::default();
    let mut parts = line.trim().split('&');
    match parts.next().and_then(|v| v.strip_prefix("v=")).and_then(|v| v.parse::<u32>().ok()) {
        Some(v) if v > VERSION => {
            d.newer = true;
            return d;
        }
        Some(_) => {}
        None => {
            d.unreadable = !line.trim().is_empty();
            return d;
        }
    }
    for part in parts {
        let Some((id, value)) = part.strip_prefix("e.").and_then(|p| p.split_once('=')) else {
            d.unreadable = true;
            continue;
        };
        let letter = g.letters.iter().position(|x| x.id == id);
        match (letter, read_edit(value)) {
            (Some(l), Some(e)) if d.edits.get(l as u16).is_none() => d.edits.0.push((l as u16, e)),
            _ => d.dropped.push(id.to_string()),
        }
    }
    d
}

fn read_edit(value: &str) -> Option<Edit> {
    let mut it = value.split(',');
    let version = it.next()?.parse().ok()?;
    let text = match it.next()? {
        "" => None,
        t => Some(percent_decode(t.strip_prefix('~')?)?),
    };
    let mut fills = Vec::new();
    while let Some(f) = it.next() {
        fills.push((percent_decode(f)?, percent_decode(it.next()?)?));
    }
    Some(Edit { version, fills, text })
}
