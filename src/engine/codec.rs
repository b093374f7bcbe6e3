//! The saved form of a parent's answers, and percent-encoding.
//!
//! Stored as one line: `v=3&s=2026-11-23&a.setting=school&a.told=x,y&a.s20_date=2026-09-01&d.child=Sam`
//! (`s` is the day the answers were last saved, shown when the parent comes back).
//! Version 1 (until 23 November 2026) had no `s`; version 2 (until 2 December 2026) had no
//! `d.full`, `d.dob` or `d.contact`. Each is read as it is, and written again as 3.
//! Keys are stable ids (question, option, authority, board), never indices, so a
//! content change cannot silently move an answer onto another question.
//! Decoding never fails on bad input: it keeps what it can and says what it dropped.

use super::date::Date;
use super::graph::{Graph, Kind};
use super::{fits, Answer, Answers, Details, DETAIL_TEXTS};

/// The format written now. Raise it when the format changes, and teach `decode` the old one.
pub const VERSION: u32 = 3;
/// Older formats `decode` still reads.
pub const OLDEST: u32 = 1;

/// The longest saved text we will read (the real thing is a few hundred bytes).
pub const MAX_STORED: usize = 16 * 1024;

/// Percent-encodes everything but `A-Z a-z 0-9 - _ . ~` (RFC 3986 unreserved), as UTF-8.
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// Reverses [`percent_encode`]; `None` for a broken escape or invalid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = |c: u8| (c as char).to_digit(16);
            let hi = hex(*b.get(i + 1)?)?;
            let lo = hex(*b.get(i + 2)?)?;
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    pub answers: Answers,
    pub details: Details,
    /// The day these answers were last saved (none in version 1).
    pub saved_on: Option<Date>,
}

/// What decoding found wrong, for the message the parent sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Saved by a newer Camau: read what we understand, but do not overwrite it.
    Newer(u32),
    /// Not Camau's format at all (corrupted, or something else in the key).
    Unreadable,
    /// These questions' answers no longer fit the questions and were dropped.
    Dropped(Vec<String>),
    /// A text was longer than allowed and was shortened.
    Shortened,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub saved: Saved,
    pub problems: Vec<Problem>,
}

pub fn encode(g: &Graph, s: &Saved) -> String {
    let mut out = String::from("v=");
    out.push_str(&VERSION.to_string());
    if let Some(d) = s.saved_on {
        out.push_str("&s=");
        out.push_str(&d.iso());
    }
    for (i, a) in s.answers.0.iter().enumerate() {
        let (Some(a), Some(q)) = (a, g.questions.get(i)) else { continue };
        let v = match a {
            Answer::One(o) => q.options.get(*o as usize).map(|o| o.id.to_string()),
            Answer::Many(bits) => Some(
                q.options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, o)| o.id)
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            Answer::Date(d) => Some(d.iso()),
            Answer::Unsure => Some("unsure".into()),
        };
        if let Some(v) = v {
            out.push_str("&a.");
            out.push_str(q.id);
            out.push('=');
            out.push_str(&percent_encode(&v));
        }
    }
    let d = &s.details;
    for ((k, _), v) in DETAIL_TEXTS.iter().zip(d.texts()) {
        if !v.is_empty() {
            out.push_str("&d.");
            out.push_str(k);
            out.push('=');
            out.push_str(&percent_encode(v));
        }
    }
    if let Some(a) = d.la.and_then(|a| g.authorities.get(a as usize)) {
        out.push_str("&d.la=");
        out.push_str(a.id);
    }
    if let Some(b) = d.lhb.and_then(|b| g.boards.get(b as usize)) {
        out.push_str("&d.lhb=");
        out.push_str(b.id);
    }
    out
}

/// Shortens to at most `max` characters (not bytes), at a character boundary.
pub fn limit(s: &str, max: usize) -> (String, bool) {
    match s.char_indices().nth(max) {
        Some((i, _)) => (s[..i].to_string(), true),
        None => (s.to_string(), false),
    }
}

fn parse_answer(g: &Graph, q: u16, v: &str) -> Option<Answer> {
    let question = g.questions.get(q as usize)?;
    let opt = |id: &str| question.options.iter().position(|o| o.id == id);
    let a = match question.kind {
        Kind::One => Answer::One(opt(v)? as u8),
        Kind::Many => {
            let mut bits = 0u64;
            for id in v.split(',') {
                bits |= 1u64 << opt(id)?;
            }
            Answer::Many(bits)
        }
        Kind::Date if v == "unsure" => Answer::Unsure,
        Kind::Date => Answer::Date(Date::parse_iso(v)?),
    };
    fits(question, &a).then_some(a)
}

pub fn decode(g: &Graph, text: &str) -> Decoded {
    let mut out = Decoded::default();
    if text.len() > MAX_STORED {
        out.problems.push(Problem::Unreadable);
        return out;
    }
    let mut fields = text.trim().split('&');
    let version = fields.next().and_then(|f| f.strip_prefix("v=")).and_then(|v| v.parse::<u32>().ok());
    match version {
        // Version 1 is version 2 without `s`: the same reading serves both.
        Some(v) if (OLDEST..=VERSION).contains(&v) => {}
        Some(v) if v > VERSION => out.problems.push(Problem::Newer(v)),
        _ => {
            out.problems.push(Problem::Unreadable);
            return out;
        }
    }
    let mut dropped = vec![];
    let mut shortened = false;
    for f in fields {
        let Some((k, v)) = f.split_once('=') else { continue };
        if k == "s" {
            out.saved.saved_on = Date::parse_iso(v);
            continue;
        }
        let Some(v) = percent_decode(v) else {
            dropped.push(k.trim_start_matches("a.").to_string());
            continue;
        };
        if let Some(qid) = k.strip_prefix("a.") {
            match g.question_by_id(qid).and_then(|q| Some((q, parse_answer(g, q, &v)?))) {
                Some((q, a)) => out.saved.answers.set(q, a),
                // A retired question: its answer meant something else, so the parent is asked
                // the question that replaced it, by name.
                None => match g.successor(qid) {
                    Some(q) => dropped.push(g.questions[q as usize].id.to_string()),
                    None => dropped.push(qid.to_string()),
                },
            }
        } else if let Some(dk) = k.strip_prefix("d.") {
            let d = &mut out.saved.details;
            if let Some(i) = DETAIL_TEXTS.iter().position(|&(k, _)| k == dk) {
                let (s, cut) = limit(&v, DETAIL_TEXTS[i].1);
                shortened |= cut;
                *d.texts_mut()[i] = s;
                continue;
            }
            match dk {
                "la" => d.la = g.authorities.iter().position(|a| a.id == v).map(|i| i as u8),
                "lhb" => d.lhb = g.boards.iter().position(|b| b.id == v).map(|i| i as u8),
                _ => {}
            }
        }
    }
    if !dropped.is_empty() {
        out.problems.push(Problem::Dropped(dropped));
    }
    if shortened {
        out.problems.push(Problem::Shortened);
    }
    out
}

/// The first words of an answers file ("Save your answers to a file"): a person opening it
/// sees what it is; Camau knows its own.
pub const FILE_HEAD: &str = "Camau: saved answers. To carry on, open this file in Camau with 'Open saved answers'. Check:";

/// An answers file: the head with a check of the rest, the answers' line, and the letters'
/// edits' line, in the formats and versions stored on the device.
pub fn file_text(g: &Graph, s: &Saved, edits: &super::edit::Edits) -> String {
    let body = [encode(g, s), super::edit::encode(g, edits)].join("\n");
    [FILE_HEAD, " ", &super::edit::version(&body).to_string(), "\n", &body, "\n"].concat()
}

/// Why an answers file was refused: nothing on the device changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Not a file Camau saved.
    NotCamau,
    /// Saved by a newer Camau.
    Newer,
    /// Cut short or changed since it was saved.
    Damaged,
}

/// Reads an answers file: the answers (with any problems, as for the device's copy) and the
/// letters' edits; or why it is refused.
pub fn read_file(g: &Graph, text: &str) -> Result<(Decoded, super::edit::DecodedEdits), FileProblem> {
    let text = text.replace("\r\n", "\n");
    let text = text.trim_start_matches('\u{feff}');
    let (head, body) = text.split_once('\n').ok_or(FileProblem::NotCamau)?;
    let check = head.strip_prefix(FILE_HEAD).ok_or(FileProblem::NotCamau)?.trim();
    let body = body.trim_end_matches('\n');
    if check.parse::<u32>().ok() != Some(super::edit::version(body)) {
        return Err(FileProblem::Damaged);
    }
    let (answers, letters) = body.split_once('\n').unwrap_or((body, ""));
    let d = decode(g, answers);
    let e = super::edit::decode(g, letters);
    if d.problems.iter().any(|p| matches!(p, Problem::Newer(_))) || e.newer {
        return Err(FileProblem::Newer);
    }
    if d.problems.contains(&Problem::Unreadable) || e.unreadable {
        return Err(FileProblem::Damaged);
    }
    Ok((d, e))
}
