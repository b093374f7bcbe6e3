//! The Welsh of every text. `content/cy/FILE.toml` beside each `content/FILE.toml` holds, per
//! text key (the keys `KEYS` lists, e.g. `question.setting.title`), the English it was written
//! from (`en`), the Welsh (`cy`) and its status (`drafted`, or `checked` by a Welsh-speaking
//! adviser). The build fails, at `file:line`, on a text without Welsh, on Welsh for no text, on
//! Welsh made from other English than today's, and on Welsh whose placeholders or gaps differ
//! from the English in any voice.

use super::model::{DiagKind, Diagnostic, Loc};
use super::{has_control, voices, Ctx, CONTROL_CHAR};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Where the Welsh files are, as diagnostics name them.
pub const DIR: &str = "content/cy/";

/// How far a Welsh text has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Written, not yet checked by a Welsh-speaking adviser.
    Drafted,
    Checked,
}

/// One text's Welsh, as read.
#[derive(Clone, Debug)]
pub struct CyText {
    pub text: String,
    /// The English it was written from.
    pub en: String,
    pub status: Status,
    pub loc: Loc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCy {
    en: toml::Spanned<String>,
    cy: toml::Spanned<String>,
    status: toml::Spanned<String>,
}

/// Whether a text is a Welsh file's (not an English table's).
pub fn is_welsh(file: &str) -> bool {
    file.starts_with(DIR)
}

/// Texts that stay as they are in Welsh (web addresses, phone numbers): Welsh is optional.
pub fn needs_welsh(key: &str) -> bool {
    ![".website", ".page", ".phone", ".email"].iter().any(|s| key.ends_with(s))
}

/// Reads one Welsh file into `out`, reporting syntax, unknown fields, bad statuses and keys
/// given twice.
pub(super) fn read(cx: &mut Ctx, fi: usize, out: &mut BTreeMap<String, CyText>) {
    let text = &cx.files[fi].1;
    let table: BTreeMap<String, RawCy> = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let loc = match e.span() {
                Some(sp) => cx.loc(fi, sp),
                None => Loc { file: cx.files[fi].0.clone(), line: 1 },
            };
            let msg = e.message().to_string();
            cx.at(loc, if msg.starts_with("unknown field") { DiagKind::UnknownField } else { DiagKind::Syntax }, msg);
            return;
        }
    };
    for (key, r) in table {
        let loc = cx.loc(fi, r.en.span());
        let status = match r.status.get_ref().as_str() {
            "drafted" => Status::Drafted,
            "checked" => Status::Checked,
            other => {
                cx.at(loc.clone(), DiagKind::BadValue, format!("{key}: status \"{other}\" must be \"drafted\" or \"checked\""));
                Status::Drafted
            }
        };
        if has_control(r.cy.get_ref()) {
            cx.at(loc.clone(), DiagKind::ControlChar, CONTROL_CHAR);
        }
        if r.cy.get_ref().trim().is_empty() && !r.en.get_ref().trim().is_empty() {
            cx.at(loc.clone(), DiagKind::Welsh, format!("{key}: the Welsh (cy) is empty"));
        }
        if let Some(prev) = out.get(&key) {
            cx.at(loc, DiagKind::DuplicateId, format!("{key}: Welsh given twice (first at {})", prev.loc));
            continue;
        }
        out.insert(key, CyText { text: r.cy.into_inner(), en: r.en.into_inner(), status, loc });
    }
}

/// The `{…}` placeholders of a text, each once, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        out.push(&rest[i..i + j + 1]);
        rest = &rest[i + j + 1..];
    }
    out.sort();
    out.dedup();
    out
}

/// How many `[…]` a text has (gaps and sentences to keep or delete).
fn brackets(text: &str) -> usize {
    text.matches('[').count()
}

/// A text of the content, as codegen adds it: its key, its English, where it is written.
pub struct Text {
    pub key: String,
    pub en: String,
    pub loc: Loc,
}

/// Every text against its Welsh (when the content has any Welsh at all: a content folder
/// without `cy/`, such as a test fixture, is English only; `tests/welsh.rs` holds the shipped
/// content to having it).
pub fn check(texts: &[Text], cy: &BTreeMap<String, CyText>, diags: &mut Vec<Diagnostic>) {
    if cy.is_empty() {
        return;
    }
    let mut err = |loc: &Loc, message: String| diags.push(Diagnostic { kind: DiagKind::Welsh, loc: loc.clone(), message });
    let mut seen = std::collections::BTreeSet::new();
    for t in texts {
        seen.insert(t.key.as_str());
        let Some(w) = cy.get(&t.key) else {
            if needs_welsh(&t.key) {
                err(&t.loc, format!("{} has no Welsh: add it to {DIR}{}", t.key, t.loc.file.trim_start_matches("content/")));
            }
            continue;
        };
        if w.en != t.en {
            err(&w.loc, format!("{}: the English has changed since this Welsh was written; update the Welsh, set `en` to today's English and status = \"drafted\" (today's English: {:?})", t.key, t.en));
            continue;
        }
        let (en, wv) = match (voices(&t.en), voices(&w.text)) {
            (Ok(e), Ok(c)) => (e, c),
            (_, Err(e)) => {
                err(&w.loc, format!("{}: {e}", t.key));
                continue;
            }
            (Err(_), _) => continue, // reported on the English
        };
        for (v, who) in ["a parent", "the young person", "someone helping"].iter().enumerate() {
            let (pe, pc) = (placeholders(&en[v]), placeholders(&wv[v]));
            if pe != pc {
                err(&w.loc, format!("{}: for {who}, the Welsh has the placeholders {pc:?} but the English {pe:?}", t.key));
            }
            if brackets(&en[v]) != brackets(&wv[v]) {
                err(&w.loc, format!("{}: for {who}, the Welsh has {} […] but the English {}", t.key, brackets(&wv[v]), brackets(&en[v])));
            }
        }
        if t.key.starts_with("letter.") {
            for e in super::check_gaps(&w.text) {
                err(&w.loc, format!("{}: {e}", t.key));
            }
        }
    }
    for (key, w) in cy {
        if !seen.contains(key.as_str()) {
            err(&w.loc, format!("{key}: no text has this key (renamed or removed?)"));
        }
    }
}

/// The model with each text in Welsh (for the Welsh printable guide): the same keys codegen
/// gives the texts (`tests/welsh.rs` holds the two to each other: every text of the result is
/// its key's Welsh). A text without Welsh (a web address) stays as it is.
pub fn translated(m: &super::model::Model) -> super::model::Model {
    let mut w = m.clone();
    let cy = &m.cy;
    let tr = |key: String, s: &mut String| {
        if let Some(c) = cy.get(&key) {
            *s = c.text.clone();
        }
    };
    let tr_opt = |key: String, s: &mut Option<String>| {
        if let Some(s) = s {
            tr(key, s);
        }
    };
    for p in &mut w.parts {
        tr(format!("part.{}", p.id), &mut p.name);
    }
    for q in &mut w.questions {
        let k = format!("question.{}", q.id);
        tr(format!("{k}.title"), &mut q.title);
        tr_opt(format!("{k}.hint"), &mut q.hint);
        tr_opt(format!("{k}.unsure"), &mut q.unsure);
        let ids: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
        for o in &mut q.options {
            tr(format!("{k}.option.{}.label", o.id), &mut o.label);
            tr_opt(format!("{k}.option.{}.hint", o.id), &mut o.hint);
        }
        for (name, phrases) in &mut q.says {
            for (o, text) in phrases {
                let which = o.map_or("else".to_string(), |o| ids[o].clone());
                tr(format!("{k}.says.{name}.{which}"), text);
            }
        }
    }
    for f in &mut w.findings {
        let k = format!("finding.{}", f.id);
        tr(format!("{k}.title"), &mut f.title);
        tr(format!("{k}.says"), &mut f.says);
        tr_opt(format!("{k}.who"), &mut f.who);
        tr_opt(format!("{k}.told"), &mut f.told);
        tr_opt(format!("{k}.why"), &mut f.why);
        tr_opt(format!("{k}.confirm"), &mut f.confirm);
    }
    for d in &mut w.deadlines {
        tr(format!("deadline.{}.label", d.id), &mut d.label);
    }
    for l in &mut w.letters {
        let k = format!("letter.{}", l.id);
        tr(format!("{k}.title"), &mut l.title);
        tr_opt(format!("{k}.to"), &mut l.to);
        tr_opt(format!("{k}.subject"), &mut l.subject);
        tr(format!("{k}.body"), &mut l.body);
    }
    for c in &mut w.citations {
        tr(format!("citation.{}.full", c.id), &mut c.full);
        tr(format!("citation.{}.short", c.id), &mut c.short);
    }
    for t in &mut w.terms {
        tr(format!("term.{}.term", t.id), &mut t.term);
        tr(format!("term.{}.means", t.id), &mut t.means);
    }
    for b in &mut w.boards {
        tr(format!("board.{}", b.id), &mut b.name);
    }
    for a in &mut w.authorities {
        tr(format!("authority.{}", a.id), &mut a.name);
    }
    for ct in &mut w.contacts {
        let k = format!("contact.{}.{}", ct.kind.id(), ct.id);
        tr_opt(format!("{k}.name"), &mut ct.name);
        tr_opt(format!("{k}.page_label"), &mut ct.page_label);
        tr_opt(format!("{k}.about"), &mut ct.about);
    }
    for (k, v) in &mut w.ui {
        tr(format!("ui.{k}"), v);
    }
    w
}
