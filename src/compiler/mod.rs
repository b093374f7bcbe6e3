//! The content compiler: `content/*.toml` → checked [`model::Model`] → Rust source.
//!
//! Used by `build.rs` (through `#[path]`) and by the native tests. It returns every
//! problem it finds, each with `file:line`, never only the first, and never panics.

pub mod codegen;
pub mod cond;
pub mod guide;
pub mod map;
pub mod model;
pub mod raw;
pub mod welsh;

use model::*;
use raw::*;
use camau_graph::Placeholder;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Reads every `*.toml` file directly in `dir`, in name order, then the Welsh in `dir/cy`
/// (named `content/cy/FILE.toml`; its `terms.toml` is the glossary of official names, read by
/// `tests/welsh.rs`, not a table of texts).
pub fn read_dir(dir: &std::path::Path) -> std::io::Result<Vec<(String, String)>> {
    let toml_files = |d: &std::path::Path| -> std::io::Result<Vec<std::path::PathBuf>> {
        let mut names: Vec<_> = std::fs::read_dir(d)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
            .collect();
        names.sort();
        Ok(names)
    };
    let mut out = vec![];
    for p in toml_files(dir)? {
        out.push((format!("content/{}", p.file_name().unwrap().to_string_lossy()), std::fs::read_to_string(&p)?));
    }
    let cy = dir.join("cy");
    if cy.is_dir() {
        for p in toml_files(&cy)?.into_iter().filter(|p| !p.ends_with("terms.toml")) {
            out.push((format!("{}{}", welsh::DIR, p.file_name().unwrap().to_string_lossy()), std::fs::read_to_string(&p)?));
        }
    }
    Ok(out)
}

struct Ctx<'a> {
    files: &'a [(String, String)],
    /// The byte offset of each new line, per file.
    newlines: Vec<Vec<usize>>,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn loc(&self, file: usize, span: std::ops::Range<usize>) -> Loc {
        let line = self.newlines[file].partition_point(|&n| n < span.start) + 1;
        Loc { file: self.files[file].0.clone(), line }
    }
    fn err(&mut self, file: usize, s: &S, kind: DiagKind, message: impl Into<String>) {
        let loc = self.loc(file, s.span());
        self.diags.push(Diagnostic { kind, loc, message: message.into() });
    }
    /// A problem with no single string to point at.
    fn at(&mut self, loc: Loc, kind: DiagKind, message: impl Into<String>) {
        self.diags.push(Diagnostic { kind, loc, message: message.into() });
    }
    /// The first line of the first file (for problems of the content as a whole).
    fn top(&self) -> Loc {
        Loc { file: self.files.first().map(|f| f.0.clone()).unwrap_or_else(|| "content".into()), line: 1 }
    }
}

/// Ids in a table: first place each id was defined.
struct Ids {
    map: HashMap<String, usize>,
}

impl Ids {
    fn build<T>(cx: &mut Ctx, what: &str, items: &[(usize, T)], id: impl Fn(&T) -> &S) -> Ids {
        let mut map = HashMap::new();
        let mut first: HashMap<String, Loc> = HashMap::new();
        for (i, (f, it)) in items.iter().enumerate() {
            let s = id(it);
            let name = s.get_ref().clone();
            if !valid_id(&name) {
                cx.err(*f, s, DiagKind::BadId, format!("{what} id '{name}' must be lowercase letters, digits and '_'"));
            }
            if let Some(prev) = first.get(&name) {
                let msg = format!("duplicate {what} id '{name}' (first defined at {prev})");
                cx.err(*f, s, DiagKind::DuplicateId, msg);
            } else {
                first.insert(name.clone(), cx.loc(*f, s.span()));
                map.insert(name, i);
            }
        }
        Ids { map }
    }
    fn get(&self, k: &str) -> Option<usize> {
        self.map.get(k).copied()
    }
}

fn valid_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

struct NameTable<'a> {
    q: &'a Ids,
    questions: &'a [(usize, RawQuestion)],
    d: &'a Ids,
    conds: &'a Conds<'a>,
}

/// The named conditions, each parsed once (on first use), with the problems found.
struct Conds<'a> {
    list: &'a [(usize, RawCondition)],
    by_name: HashMap<String, usize>,
    state: std::cell::RefCell<Vec<CondState>>,
    /// The conditions being parsed, innermost last: one asked for again is a ring.
    stack: std::cell::RefCell<Vec<usize>>,
    used: std::cell::RefCell<Vec<bool>>,
    /// (condition, kind, message): reported at the condition's `when`.
    problems: std::cell::RefCell<Vec<(usize, DiagKind, String)>>,
}

#[derive(Clone)]
enum CondState {
    New,
    Parsing,
    Done(MCond, String),
}

impl NameTable<'_> {
    /// The condition named `i`, parsed once; a ring or an error gives `always` (reported once).
    fn resolve(&self, i: usize) -> (MCond, String) {
        let c = self.conds;
        let name = c.list[i].1.name.get_ref().clone();
        let state = c.state.borrow()[i].clone();
        match state {
            CondState::Done(m, t) => (m, t),
            CondState::Parsing => {
                let stack = c.stack.borrow();
                let from = stack.iter().position(|&x| x == i).unwrap_or(0);
                let ring: Vec<&str> = stack[from..].iter().map(|&x| c.list[x].1.name.get_ref().as_str()).collect();
                let closer = stack.last().copied().unwrap_or(i);
                let msg = format!("named conditions in a ring: {} -> {name}", ring.join(" -> "));
                c.problems.borrow_mut().push((closer, DiagKind::CyclicCondition, msg));
                (MCond::Always, name)
            }
            CondState::New => {
                c.state.borrow_mut()[i] = CondState::Parsing;
                c.stack.borrow_mut().push(i);
                let r = cond::parse_expanded(c.list[i].1.when.get_ref(), self);
                c.stack.borrow_mut().pop();
                let done = match r {
                    Ok((m, t)) => (m, t),
                    Err(e) => {
                        c.problems.borrow_mut().push((i, DiagKind::BadCondition, format!("condition '{name}': {e}")));
                        (MCond::Always, name)
                    }
                };
                c.state.borrow_mut()[i] = CondState::Done(done.0.clone(), done.1.clone());
                done
            }
        }
    }
}

/// The question's kind (one when it is not a kind: that is reported where the question is read).
fn kind_of(q: &RawQuestion) -> Kind {
    Kind::from_id(q.kind.get_ref()).unwrap_or(Kind::One)
}

impl cond::Names for NameTable<'_> {
    fn question(&self, id: &str) -> Option<(usize, Kind)> {
        self.q.get(id).map(|i| (i, kind_of(&self.questions[i].1)))
    }
    fn option(&self, q: usize, id: &str) -> Option<usize> {
        self.questions[q].1.option.iter().position(|o| o.id.get_ref() == id)
    }
    fn deadline(&self, id: &str) -> Option<usize> {
        self.d.get(id)
    }
    fn condition(&self, name: &str) -> Option<(MCond, String)> {
        let i = *self.conds.by_name.get(name)?;
        self.conds.used.borrow_mut()[i] = true;
        Some(self.resolve(i))
    }
}

/// Calls `each` with the text inside every `open`…`close` pair of `text`, in order, and
/// returns the problems found: with the pairs themselves (a `close` without its `open`, an
/// `open` never closed) and those `each` adds.
fn enclosed(text: &str, open: char, close: char, mut each: impl FnMut(&str, &mut Vec<String>)) -> Vec<String> {
    let mut out = vec![];
    let mut rest = text;
    while let Some(i) = rest.find([open, close]) {
        if rest[i..].starts_with(close) {
            out.push(format!("a '{close}' without its '{open}'"));
            rest = &rest[i + close.len_utf8()..];
            continue;
        }
        let after = &rest[i + open.len_utf8()..];
        let Some(j) = after.find(close) else {
            out.push(format!("a '{open}' that is never closed"));
            break;
        };
        each(&after[..j], &mut out);
        rest = &after[j + close.len_utf8()..];
    }
    out
}

/// The starts of the voice alternates: `{you:FOR A PARENT|FOR THE YOUNG PERSON}` and
/// `{helper:FOR A PARENT|FOR SOMEONE HELPING A FAMILY}`.
pub const VOICE_OPEN: [&str; 2] = ["{you:", "{helper:"];

/// A text in each voice: as a parent reads it, as the young person using Camau about
/// themselves reads it (`{you:A|B}` reads B), and as someone helping a family reads it
/// (`{helper:A|B}` reads B); each reads A of the other kind. Either side may hold placeholders
/// and gaps, never another alternate; the split is at the first `|` outside braces and
/// brackets. An error says what is wrong.
pub fn voices(text: &str) -> Result<[String; 3], String> {
    if !VOICE_OPEN.iter().any(|o| text.contains(o)) {
        return Ok([text.to_string(), text.to_string(), text.to_string()]);
    }
    let mut out: [String; 3] = Default::default();
    let mut rest = text;
    while let Some((i, which)) = VOICE_OPEN.iter().enumerate().filter_map(|(w, o)| rest.find(o).map(|i| (i, w))).min() {
        for o in out.iter_mut() {
            o.push_str(&rest[..i]);
        }
        let open = VOICE_OPEN[which];
        let inner = &rest[i + open.len()..];
        let (mut depth, mut square, mut bar, mut end) = (0i32, 0i32, None, None);
        for (k, ch) in inner.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    end = Some(k);
                    break;
                }
                '}' => depth -= 1,
                '[' => square += 1,
                ']' => square -= 1,
                '|' if depth == 0 && square == 0 => {
                    if bar.is_some() {
                        return Err(format!("{open}…}} has a second '|': write {open}for a parent|for the other reader}}"));
                    }
                    bar = Some(k);
                }
                _ => {}
            }
        }
        let Some(end) = end else { return Err(format!("{open} is never closed")) };
        let Some(bar) = bar else { return Err(format!("{open}{}}} needs '|' between the parent's words and the other reader's", &inner[..end])) };
        let (a, b) = (&inner[..bar], &inner[bar + 1..end]);
        if VOICE_OPEN.iter().any(|o| a.contains(o) || b.contains(o)) {
            return Err(format!("an alternate inside {open}…}}"));
        }
        for (v, o) in out.iter_mut().enumerate() {
            o.push_str(if v == which + 1 { b } else { a });
        }
        rest = &inner[end + 1..];
    }
    for o in out.iter_mut() {
        o.push_str(rest);
    }
    Ok(out)
}

/// The problems `check` finds in each voice of a text (each voice once), or the problem with
/// its alternates.
fn per_voice(text: &str, check: impl Fn(&str) -> Vec<String>) -> Vec<String> {
    match voices(text) {
        Ok(v) => {
            let mut v = v.to_vec();
            v.sort();
            v.dedup();
            v.iter().flat_map(|t| check(t)).collect()
        }
        Err(e) => vec![e],
    }
}

/// Checks `{...}` placeholders in a text; returns the problems.
pub fn check_placeholders(text: &str, date_question: &dyn Fn(&str) -> bool, deadline: &dyn Fn(&str) -> bool, phrase: &dyn Fn(&str, &str) -> bool) -> Vec<String> {
    enclosed(text, '{', '}', |name, out| {
        let ok = match Placeholder::parse(name) {
            Some(Placeholder::Detail(_) | Placeholder::Today | Placeholder::Told) => true,
            Some(Placeholder::Date(q)) => date_question(q),
            Some(Placeholder::Due(d)) => deadline(d),
            Some(Placeholder::Answer(q, p)) => phrase(q, p),
            None => false,
        };
        if !ok {
            out.push(format!("unknown placeholder {{{name}}}: use {}", Placeholder::HELP));
        }
    })
}

/// Checks the `[…]` in a letter: each is a gap, `[bracketed form | Question?]`, or a
/// sentence to keep or delete, `[If …]`; none nested or left open (content-style.md).
pub fn check_gaps(text: &str) -> Vec<String> {
    per_voice(text, check_gaps1)
}

fn check_gaps1(text: &str) -> Vec<String> {
    enclosed(text, '[', ']', |inner, out| {
        if inner.contains('[') {
            out.push(format!("brackets inside brackets: [{inner}]"));
        } else if let Some((form, question)) = inner.split_once('|') {
            if form.trim().is_empty() || !question.trim().ends_with('?') || question.contains('|') {
                out.push(format!("the gap [{inner}] needs a bracketed form, then '|' and one question ending in '?'"));
            } else if inner.replace("{child}", "").contains('{') {
                // {child} reads "your child" when no name is given; any other would leave a blank inside the gap.
                out.push(format!("the gap [{inner}] may use only the placeholder {{child}}"));
            }
        } else if keep_or_delete(inner) && inner.contains('{') {
            out.push(format!("[{inner}]: a placeholder inside a sentence to keep or delete could leave a blank inside it; write the sentence without brackets"));
        } else if !keep_or_delete(inner) {
            out.push(format!("[{inner}] is not a gap: write [{inner} | the question the parent answers?], or a sentence to keep or delete as [If …]"));
        }
    })
}

/// A sentence to keep or delete: `[If …]`, in Welsh `[Os …]`.
fn keep_or_delete(inner: &str) -> bool {
    inner.starts_with("If ") || inner.starts_with("Os ")
}

fn parse_add(s: &str) -> Option<(u16, Unit)> {
    let mut it = s.split_whitespace();
    let n: u16 = it.next()?.parse().ok()?;
    let unit = Unit::from_id(it.next()?)?;
    if it.next().is_some() || n == 0 {
        return None;
    }
    Some((n, unit))
}

/// Whole-word, case-sensitive search (terms such as "IDP" or "Section 2C").
pub fn contains_term(text: &str, term: &str) -> bool {
    if term.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(term) {
        let s = from + i;
        let e = s + term.len();
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        if !word(before) && !word(after) {
            return true;
        }
        // Past the first character of this match (a char boundary, as `s` is one).
        from = s + text[s..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Every table of every file, each item with the index of its file.
#[derive(Default)]
struct Raw {
    flows: Vec<(usize, RawFlow)>,
    parts: Vec<(usize, RawPart)>,
    questions: Vec<(usize, RawQuestion)>,
    findings: Vec<(usize, RawFinding)>,
    deadlines: Vec<(usize, RawDeadline)>,
    letters: Vec<(usize, RawLetter)>,
    citations: Vec<(usize, RawCitation)>,
    terms: Vec<(usize, RawTerm)>,
    coverage: Vec<(usize, RawCoverage)>,
    authorities: Vec<(usize, RawAuthority)>,
    boards: Vec<(usize, RawBoard)>,
    conditions: Vec<(usize, RawCondition)>,
    contacts: Vec<(usize, RawContact)>,
    ui: BTreeMap<String, (usize, S)>,
    /// The Welsh, by text key.
    cy: BTreeMap<String, welsh::CyText>,
}

/// The ids of each table.
struct Tables {
    part: Ids,
    q: Ids,
    finding: Ids,
    deadline: Ids,
    letter: Ids,
    citation: Ids,
    board: Ids,
}

/// What every table's checks share: the diagnostics, the raw tables and their ids.
struct Cx<'a> {
    cx: Ctx<'a>,
    raw: &'a Raw,
    ids: &'a Tables,
    conds: &'a Conds<'a>,
}

impl Cx<'_> {
    fn names(&self) -> NameTable<'_> {
        NameTable { q: &self.ids.q, questions: &self.raw.questions, d: &self.ids.deadline, conds: self.conds }
    }
    fn is_date_q(&self, id: &str) -> bool {
        self.ids.q.get(id).is_some_and(|i| kind_of(&self.raw.questions[i].1) == Kind::Date)
    }
    fn placeholders(&mut self, f: usize, s: &S, owner: &str) {
        let (raw, ids) = (self.raw, self.ids);
        let is_date_q = |id: &str| ids.q.get(id).is_some_and(|i| kind_of(&raw.questions[i].1) == Kind::Date);
        let is_deadline = |id: &str| ids.deadline.get(id).is_some();
        let is_phrase = |q: &str, p: &str| ids.q.get(q).is_some_and(|i| raw.questions[i].1.says.contains_key(p));
        for p in per_voice(s.get_ref(), |t| check_placeholders(t, &is_date_q, &is_deadline, &is_phrase)) {
            self.cx.err(f, s, DiagKind::Placeholder, format!("{owner}: {p}"));
        }
    }
    fn cite(&mut self, f: usize, list: &[S]) -> Vec<usize> {
        let mut v = vec![];
        for c in list {
            match self.ids.citation.get(c.get_ref()) {
                Some(i) => v.push(i),
                None => self.cx.err(f, c, DiagKind::NoCitation, format!("citation '{}' is not in citations.toml (cite only what law-facts verifies)", c.get_ref())),
            }
        }
        v
    }
    /// The condition and its text with any named conditions written out.
    fn cond(&mut self, f: usize, w: &S, what: &str) -> (MCond, String) {
        match cond::parse_expanded(w.get_ref(), &self.names()) {
            Ok(c) => c,
            Err(e) => {
                self.cx.err(f, w, DiagKind::BadCondition, format!("{what}: {e}"));
                (MCond::Always, w.get_ref().clone())
            }
        }
    }
    fn target(&mut self, f: usize, s: &S) -> Option<MTarget> {
        if s.get_ref() == "check" {
            return Some(MTarget::Check);
        }
        match self.ids.q.get(s.get_ref()) {
            Some(i) => Some(MTarget::Question(i)),
            None => {
                self.cx.err(f, s, DiagKind::Dangling, format!("next question '{}' does not exist (use \"check\" to end the questions)", s.get_ref()));
                None
            }
        }
    }
}

pub fn compile(files: &[(String, String)]) -> Result<Model, Vec<Diagnostic>> {
    let newlines = files.iter().map(|(_, t)| t.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect()).collect();
    let mut cx = Ctx { files, newlines, diags: vec![] };
    let raw = read(&mut cx);
    let ids = Tables {
        part: Ids::build(&mut cx, "part", &raw.parts, |p: &RawPart| &p.id),
        q: Ids::build(&mut cx, "question", &raw.questions, |q: &RawQuestion| &q.id),
        finding: Ids::build(&mut cx, "finding", &raw.findings, |f: &RawFinding| &f.id),
        deadline: Ids::build(&mut cx, "deadline", &raw.deadlines, |d: &RawDeadline| &d.id),
        letter: Ids::build(&mut cx, "letter", &raw.letters, |l: &RawLetter| &l.id),
        citation: Ids::build(&mut cx, "citation", &raw.citations, |c: &RawCitation| &c.id),
        board: Ids::build(&mut cx, "board", &raw.boards, |b: &RawBoard| &b.id),
    };
    Ids::build(&mut cx, "term", &raw.terms, |t: &RawTerm| &t.id);
    Ids::build(&mut cx, "authority", &raw.authorities, |a: &RawAuthority| &a.id);
    let cond_ids = Ids::build(&mut cx, "condition", &raw.conditions, |c: &RawCondition| &c.name);
    let n = raw.conditions.len();
    let conds = Conds {
        list: &raw.conditions,
        by_name: cond_ids.map,
        state: std::cell::RefCell::new(vec![CondState::New; n]),
        stack: Default::default(),
        used: std::cell::RefCell::new(vec![false; n]),
        problems: Default::default(),
    };
    // A condition names a question, an option or a deadline in one byte (`camau_graph::CondTree`).
    if ids.part.map.len() > 250 || ids.q.map.len() > 250 || ids.deadline.map.len() > 250 {
        let top = cx.top();
        cx.at(top, DiagKind::TooMany, "more than 250 parts, questions or deadlines");
    }
    let mut c = Cx { cx, raw: &raw, ids: &ids, conds: &conds };
    let mut model = Model::default();
    flow(&mut c, &mut model);
    conditions(&mut c);
    questions(&mut c, &mut model);
    citations(&mut c, &mut model);
    deadlines(&mut c, &mut model);
    letters(&mut c, &mut model);
    terms(&mut c, &mut model);
    findings(&mut c, &mut model);
    places(&mut c, &mut model);
    contacts(&mut c, &mut model);
    coverage(&mut c, &mut model);
    ui(&mut c, &mut model);
    unused_conditions(&mut c);
    let mut diags = c.cx.diags;
    if diags.is_empty() {
        check_graph(&model, &mut diags);
    }
    if diags.is_empty() {
        model.cy = raw.cy.clone();
        welsh::check(&codegen::texts(&model), &model.cy, &mut diags);
    }
    if diags.is_empty() {
        Ok(model)
    } else {
        Err(diags)
    }
}

const CONTROL_CHAR: &str = "a control character (other than tab and new line) in the text";

/// A control character other than tab and the line breaks.
fn has_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Parses each file and gathers its tables; TOML errors and control characters.
fn read(cx: &mut Ctx) -> Raw {
    let mut raw = Raw::default();
    for (fi, (name, text)) in cx.files.iter().enumerate() {
        if welsh::is_welsh(name) {
            welsh::read(cx, fi, &mut raw.cy);
            continue;
        }
        match toml::from_str::<RawFile>(text) {
            Ok(rf) => {
                // Control characters (written as escapes: TOML itself refuses them typed in)
                // have no place in words for a parent, and one of them separates the strings
                // of the late words file. Checked on the parsed strings, where each is whole.
                for v in rf.strings() {
                    if has_control(v.get_ref()) {
                        cx.err(fi, v, DiagKind::ControlChar, CONTROL_CHAR);
                    }
                }
                raw.flows.extend(rf.flow.map(|x| (fi, x)));
                raw.parts.extend(rf.part.into_iter().map(|x| (fi, x)));
                raw.questions.extend(rf.question.into_iter().map(|x| (fi, x)));
                raw.findings.extend(rf.finding.into_iter().map(|x| (fi, x)));
                raw.deadlines.extend(rf.deadline.into_iter().map(|x| (fi, x)));
                raw.letters.extend(rf.letter.into_iter().map(|x| (fi, x)));
                raw.citations.extend(rf.citation.into_iter().map(|x| (fi, x)));
                raw.terms.extend(rf.term.into_iter().map(|x| (fi, x)));
                raw.coverage.extend(rf.coverage.into_iter().map(|x| (fi, x)));
                raw.authorities.extend(rf.authority.into_iter().map(|x| (fi, x)));
                raw.boards.extend(rf.board.into_iter().map(|x| (fi, x)));
                raw.conditions.extend(rf.condition.into_iter().map(|x| (fi, x)));
                raw.contacts.extend(rf.contact.into_iter().map(|x| (fi, x)));
                for (k, v) in rf.ui.unwrap_or_default() {
                    if !valid_id(&k) {
                        cx.err(fi, &v, DiagKind::BadId, format!("ui key '{k}' must be lowercase letters, digits and '_'"));
                    }
                    if let Some((pf, prev)) = raw.ui.get(&k) {
                        let prev_loc = cx.loc(*pf, prev.span());
                        cx.err(fi, &v, DiagKind::DuplicateId, format!("duplicate ui key '{k}' (first defined at {prev_loc})"));
                    } else {
                        raw.ui.insert(k, (fi, v));
                    }
                }
            }
            Err(e) => {
                let loc = match e.span() {
                    Some(sp) => cx.loc(fi, sp),
                    None => Loc { file: name.clone(), line: 1 },
                };
                let msg = e.message().to_string();
                let kind = if msg.starts_with("unknown field") { DiagKind::UnknownField } else { DiagKind::Syntax };
                cx.at(loc, kind, msg);
                // TOML refuses a control character typed into the text; say which it was.
                for (n, line) in text.lines().enumerate() {
                    if has_control(line) {
                        let loc = Loc { file: name.clone(), line: n + 1 };
                        cx.at(loc, DiagKind::ControlChar, CONTROL_CHAR);
                    }
                }
            }
        }
    }
    raw
}

fn flow(c: &mut Cx, model: &mut Model) {
    let flows = &c.raw.flows;
    match flows.len() {
        0 => {
            let top = c.cx.top();
            c.cx.at(top, DiagKind::Missing, "no [flow] table: add [flow] start = \"QUESTION\"")
        }
        _ => {
            for (f, extra) in flows.iter().skip(1) {
                c.cx.err(*f, &extra.start, DiagKind::DuplicateId, "a second [flow] table: there must be exactly one");
            }
            let (f, flow) = &flows[0];
            match c.ids.q.get(flow.start.get_ref()) {
                Some(i) => model.start = i,
                None => {
                    let m = format!("flow start '{}' is not a question", flow.start.get_ref());
                    c.cx.err(*f, &flow.start, DiagKind::Dangling, m)
                }
            }
            if let Some(w) = &flow.you {
                model.you = c.cond(*f, w, "flow you").0;
            }
            if let Some(w) = &flow.helper {
                model.helper = c.cond(*f, w, "flow helper").0;
            }
        }
    }
    model.parts = c.raw.parts.iter().map(|(f, p)| MPart { id: p.id.get_ref().clone(), name: p.name.get_ref().clone(), loc: c.cx.loc(*f, p.id.span()) }).collect();
}

/// Named conditions: names that clash with a question or a word of the language, and each
/// condition parsed (so a broken or cyclic one is reported even if nothing uses it).
fn conditions(c: &mut Cx) {
    for (f, rc) in &c.raw.conditions {
        let name = rc.name.get_ref();
        if c.ids.q.get(name).is_some() {
            c.cx.err(*f, &rc.name, DiagKind::ConditionClash, format!("condition '{name}' has the name of a question: name it otherwise"));
        }
        if cond::WORDS.contains(&name.as_str()) {
            c.cx.err(*f, &rc.name, DiagKind::ConditionClash, format!("condition '{name}' has the name of a word of the condition language"));
        }
    }
    let names = c.names();
    for i in 0..c.raw.conditions.len() {
        names.resolve(i);
    }
    let problems = std::mem::take(&mut *c.conds.problems.borrow_mut());
    for (i, kind, msg) in problems {
        let (f, rc) = &c.raw.conditions[i];
        c.cx.err(*f, &rc.when, kind, msg);
    }
}

/// Each named condition must be used by some `when` (of a route, a finding or a condition).
fn unused_conditions(c: &mut Cx) {
    let used = c.conds.used.borrow().clone();
    for ((f, rc), used) in c.raw.conditions.iter().zip(used) {
        if !used {
            c.cx.err(*f, &rc.name, DiagKind::UnusedCondition, format!("condition '{}' is never used: use it in a when, or remove it", rc.name.get_ref()));
        }
    }
}

fn questions(c: &mut Cx, model: &mut Model) {
    let mut retired = BTreeSet::new();
    for (f, q) in &c.raw.questions {
        let f = *f;
        // A retired id is never used again, with a new meaning or the old one.
        for r in &q.replaces {
            let id = r.get_ref();
            if !valid_id(id) || c.ids.q.get(id).is_some() || !retired.insert(id.clone()) {
                c.cx.err(f, r, DiagKind::DuplicateId, format!("question '{}': '{id}' in replaces must be a retired question id, not a question's id or another's replaced id", q.id.get_ref()));
            }
        }
        // Question pages show their words as written: a placeholder there would reach the parent.
        let texts = [Some(&q.title), q.hint.as_ref(), q.unsure.as_ref()]
            .into_iter()
            .flatten()
            .chain(q.option.iter().flat_map(|o| [Some(&o.label), o.hint.as_ref()].into_iter().flatten()));
        for s in texts {
            let plain = match voices(s.get_ref()) {
                Ok(v) => v.iter().all(|x| !x.contains(['{', '}'])),
                Err(_) => false,
            };
            if !plain {
                c.cx.err(f, s, DiagKind::Placeholder, format!("question '{}': placeholders ({{...}}) are not filled on question pages (only {{you:…|…}} and {{helper:…|…}} alternates are)", q.id.get_ref()));
            }
        }
        let kind = Kind::from_id(q.kind.get_ref()).unwrap_or_else(|| {
            let all: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
            c.cx.err(f, &q.kind, DiagKind::BadValue, format!("kind '{}' is not one of: {}", q.kind.get_ref(), all.join(", ")));
            Kind::One
        });
        let part = match c.ids.part.get(q.part.get_ref()) {
            Some(p) => p,
            None => {
                c.cx.err(f, &q.part, DiagKind::Dangling, format!("part '{}' does not exist", q.part.get_ref()));
                0
            }
        };
        let mut seen = BTreeSet::new();
        let mut options = vec![];
        for o in &q.option {
            if !valid_id(o.id.get_ref()) {
                c.cx.err(f, &o.id, DiagKind::BadId, format!("option id '{}' must be lowercase letters, digits and '_'", o.id.get_ref()));
            }
            if !seen.insert(o.id.get_ref().clone()) {
                c.cx.err(f, &o.id, DiagKind::DuplicateId, format!("duplicate option id '{}' in question '{}'", o.id.get_ref(), q.id.get_ref()));
            }
            if o.exclusive && kind != Kind::Many {
                c.cx.err(f, &o.id, DiagKind::BadValue, "'exclusive' is only for kind = \"many\"");
            }
            let next = match &o.next {
                Some(n) => {
                    if kind == Kind::Many {
                        c.cx.err(f, n, DiagKind::BadValue, "options of a many-choice question cannot have their own next: use routes");
                    }
                    c.target(f, n)
                }
                None => None,
            };
            // "None of these" and "I'm not sure" are always offered: an answer is always possible.
            let shown = o.shown.as_ref().map(|w| {
                if o.exclusive || o.id.get_ref() == "not_sure" {
                    c.cx.err(f, w, DiagKind::BadValue, "'shown' is not for an exclusive or \"not_sure\" option: it is always offered");
                }
                let (cond, text) = c.cond(f, w, "option condition");
                (cond, text, c.cx.loc(f, w.span()))
            });
            options.push(MOption {
                id: o.id.get_ref().clone(),
                label: o.label.get_ref().clone(),
                hint: o.hint.as_ref().map(|h| h.get_ref().clone()),
                next,
                exclusive: o.exclusive,
                shown,
                claims: claims(c, f, &o.claims),
            });
        }
        let count = |cx: &mut Ctx, kind: DiagKind, m: &str| cx.err(f, &q.id, kind, m);
        match kind {
            Kind::Date if !q.option.is_empty() => count(&mut c.cx, DiagKind::BadValue, "a date question has no options (use 'unsure' for \"I do not know\")"),
            Kind::One | Kind::Many if q.option.len() < 2 => count(&mut c.cx, DiagKind::Missing, "a choice question needs at least 2 options"),
            Kind::Many if q.option.len() > 63 => count(&mut c.cx, DiagKind::TooMany, "a many-choice question has at most 63 options"),
            Kind::One if q.option.len() > 250 => count(&mut c.cx, DiagKind::TooMany, "too many options"),
            _ => {}
        }
        if q.unsure.is_some() && kind != Kind::Date {
            c.cx.err(f, &q.id, DiagKind::BadValue, "'unsure' is only for date questions: add an option instead");
        }
        if q.future && kind != Kind::Date {
            c.cx.err(f, &q.id, DiagKind::BadValue, "'future' is only for date questions");
        }
        let mut routes = vec![];
        for r in &q.route {
            let (when, when_text) = match &r.when {
                Some(w) => c.cond(f, w, "route condition"),
                None => (MCond::Always, "always".into()),
            };
            let loc = c.cx.loc(f, r.when.as_ref().unwrap_or(&r.to).span());
            if let Some(to) = c.target(f, &r.to) {
                routes.push(MRoute { when, when_text, to, loc });
            }
        }
        // Phrases for letters: each names options of this one-choice question, and `else`.
        let mut says = vec![];
        for (name, table) in &q.says {
            if kind != Kind::One || !valid_id(name) {
                c.cx.err(f, &q.id, DiagKind::BadValue, format!("question '{}': says.{name} needs kind = \"one\" and a lowercase name", q.id.get_ref()));
            }
            if !table.contains_key("else") {
                c.cx.err(f, &q.id, DiagKind::Missing, format!("question '{}': says.{name} needs an 'else' phrase for any other answer", q.id.get_ref()));
            }
            let mut phrases = vec![];
            for (option, text) in table {
                let at = q.option.iter().position(|o| o.id.get_ref() == option);
                if at.is_none() && option != "else" {
                    c.cx.err(f, text, DiagKind::Dangling, format!("question '{}': says.{name}.{option}: no such option", q.id.get_ref()));
                }
                // A phrase may hold placeholders (not another {answer:…} or {told}) and gaps.
                let t = text.get_ref();
                if t.contains("{answer:") || t.contains("{told}") {
                    c.cx.err(f, text, DiagKind::Placeholder, "a phrase cannot hold {answer:…} or {told}");
                }
                c.placeholders(f, text, &format!("question '{}' says.{name}", q.id.get_ref()));
                for p in check_gaps(t) {
                    c.cx.err(f, text, DiagKind::BadGap, format!("question '{}' says.{name}: {p}", q.id.get_ref()));
                }
                phrases.push((at, t.clone()));
            }
            says.push((name.clone(), phrases));
        }
        let next = q.next.as_ref().and_then(|n| c.target(f, n));
        let fallback = next.is_some() || routes.iter().any(|r| r.when == MCond::Always);
        // A dead end: a way to answer this question that leads nowhere.
        if !fallback {
            if kind != Kind::One {
                let m = if routes.is_empty() { "this question leads nowhere: add next = \"...\"" } else { "routes may all be false: add a last route without 'when', or next = \"...\"" };
                c.cx.err(f, &q.id, DiagKind::DeadEnd, format!("question '{}': {m}", q.id.get_ref()));
            } else {
                for o in q.option.iter().filter(|o| o.next.is_none()) {
                    let m = format!(
                        "option '{}' of question '{}' leads nowhere: give it next = \"...\", or give the question a next or a last route without 'when'",
                        o.id.get_ref(),
                        q.id.get_ref()
                    );
                    c.cx.err(f, &o.id, DiagKind::DeadEnd, m);
                }
            }
        }
        let age = q.age.as_ref().and_then(|a| {
            let from = c.ids.q.get(a.from.get_ref()).filter(|&i| i != c.ids.q.get(q.id.get_ref()).unwrap_or(usize::MAX) && kind_of(&c.raw.questions[i].1) == Kind::Date);
            if from.is_none() {
                c.cx.err(f, &a.from, DiagKind::Dangling, format!("question '{}': age from '{}' must be another question, of kind date (the date of birth)", q.id.get_ref(), a.from.get_ref()));
            }
            if kind != Kind::One {
                c.cx.err(f, &q.id, DiagKind::BadValue, format!("question '{}': an age question must be kind one", q.id.get_ref()));
            }
            let mut opts = [0; 3];
            for (slot, o) in opts.iter_mut().zip([&a.child, &a.under_18, &a.adult]) {
                match q.option.iter().position(|x| x.id.get_ref() == o.get_ref()) {
                    Some(i) => *slot = i,
                    None => c.cx.err(f, o, DiagKind::Dangling, format!("question '{}': age option '{}' is not one of its options", q.id.get_ref(), o.get_ref())),
                }
            }
            from.map(|from| (from, opts))
        });
        model.questions.push(MQuestion {
            age,
            id: q.id.get_ref().clone(),
            part,
            kind,
            title: q.title.get_ref().clone(),
            hint: q.hint.as_ref().map(|h| h.get_ref().clone()),
            options,
            routes,
            next,
            unsure: q.unsure.as_ref().map(|u| u.get_ref().clone()),
            future: q.future,
            says,
            replaces: q.replaces.iter().map(|r| r.get_ref().clone()).collect(),
            loc: c.cx.loc(f, q.id.span()),
        });
    }
}

fn citations(c: &mut Cx, model: &mut Model) {
    for (f, ct) in &c.raw.citations {
        for s in [&ct.full, &ct.short, &ct.law_facts] {
            if s.get_ref().trim().is_empty() {
                c.cx.err(*f, s, DiagKind::Missing, format!("citation '{}' has an empty field", ct.id.get_ref()));
            }
        }
        model.citations.push(MCitation {
            id: ct.id.get_ref().clone(),
            full: ct.full.get_ref().clone(),
            short: ct.short.get_ref().clone(),
            law_facts: ct.law_facts.get_ref().clone(),
            loc: c.cx.loc(*f, ct.id.span()),
        });
    }
}

fn deadlines(c: &mut Cx, model: &mut Model) {
    for (f, d) in &c.raw.deadlines {
        let f = *f;
        let from = match c.ids.q.get(d.from.get_ref()) {
            Some(i) if c.is_date_q(d.from.get_ref()) => i,
            Some(_) => {
                c.cx.err(f, &d.from, DiagKind::BadValue, format!("deadline '{}': '{}' is not a date question", d.id.get_ref(), d.from.get_ref()));
                0
            }
            None => {
                c.cx.err(f, &d.from, DiagKind::Dangling, format!("deadline '{}': question '{}' does not exist", d.id.get_ref(), d.from.get_ref()));
                0
            }
        };
        let (amount, unit) = parse_add(d.add.get_ref()).unwrap_or_else(|| {
            c.cx.err(f, &d.add, DiagKind::BadValue, format!("add = '{}' is not 'N days|weeks|months|school_days|term_days'", d.add.get_ref()));
            (1, Unit::Days)
        });
        if d.basis.is_empty() {
            c.cx.err(f, &d.id, DiagKind::NoCitation, format!("deadline '{}' has no basis (a citation)", d.id.get_ref()));
        }
        let basis = c.cite(f, &d.basis);
        model.deadlines.push(MDeadline {
            id: d.id.get_ref().clone(),
            from,
            amount,
            unit,
            working_day: d.working_day,
            label: d.label.get_ref().clone(),
            basis,
            loc: c.cx.loc(f, d.id.span()),
        });
    }
}

fn letters(c: &mut Cx, model: &mut Model) {
    for (f, l) in &c.raw.letters {
        let f = *f;
        let kind = LetterKind::from_id(l.kind.get_ref()).unwrap_or_else(|| {
            c.cx.err(f, &l.kind, DiagKind::BadValue, format!("letter kind '{}' is not 'letter' or 'script'", l.kind.get_ref()));
            LetterKind::Letter
        });
        if kind == LetterKind::Letter && l.subject.is_none() {
            c.cx.err(f, &l.id, DiagKind::Missing, format!("letter '{}' has no subject", l.id.get_ref()));
        }
        // (A letter made of what the parent was told, `{told}`, rests on those findings' own basis.)
        if kind == LetterKind::Letter && l.basis.is_empty() && !l.body.get_ref().contains("{told}") {
            c.cx.err(f, &l.id, DiagKind::NoCitation, format!("letter '{}' has no basis (a citation)", l.id.get_ref()));
        }
        let owner = format!("letter '{}'", l.id.get_ref());
        for s in [Some(&l.title), l.subject.as_ref(), Some(&l.body), l.to.as_ref()].into_iter().flatten() {
            c.placeholders(f, s, &owner);
        }
        for p in check_gaps(l.body.get_ref()) {
            c.cx.err(f, &l.body, DiagKind::BadGap, format!("{owner}: {p}"));
        }
        // Offered only through a finding's `letters`: one that no finding lists is never seen.
        if !c.raw.findings.iter().any(|(_, fd)| fd.letters.iter().any(|x| x.get_ref() == l.id.get_ref())) {
            c.cx.err(f, &l.id, DiagKind::LetterNeverOffered, format!("letter '{}' is never offered: add it to some finding's letters = [...]", l.id.get_ref()));
        }
        let contact = l.contact.as_ref().and_then(|k| match ContactKind::from_id(k.get_ref()) {
            Some(x @ (ContactKind::Council | ContactKind::HealthBoard)) => Some(x),
            _ => {
                c.cx.err(f, k, DiagKind::BadValue, format!("letter contact '{}' is not 'council' or 'health_board'", k.get_ref()));
                None
            }
        });
        let basis = c.cite(f, &l.basis);
        let needs = l.needs.as_ref().map_or(MCond::Always, |w| c.cond(f, w, "letter premise").0);
        model.letters.push(MLetter {
            needs,
            id: l.id.get_ref().clone(),
            kind,
            title: l.title.get_ref().clone(),
            to: l.to.as_ref().map(|s| s.get_ref().clone()),
            subject: l.subject.as_ref().map(|s| s.get_ref().clone()),
            contact,
            body: l.body.get_ref().clone(),
            basis,
            loc: c.cx.loc(f, l.id.span()),
        });
    }
}

fn terms(c: &mut Cx, model: &mut Model) {
    for (f, t) in &c.raw.terms {
        if t.term.get_ref().trim().is_empty() {
            c.cx.err(*f, &t.term, DiagKind::EmptyTerm, format!("term '{}' is empty: write the exact words the findings use", t.id.get_ref()));
        }
    }
    model.terms = c
        .raw
        .terms
        .iter()
        .map(|(f, t)| MTerm { id: t.id.get_ref().clone(), term: t.term.get_ref().clone(), means: t.means.get_ref().clone(), loc: c.cx.loc(*f, t.id.span()) })
        .collect();
}

fn findings(c: &mut Cx, model: &mut Model) {
    for (f, fd) in &c.raw.findings {
        let f = *f;
        let section = Section::from_id(fd.section.get_ref()).unwrap_or_else(|| {
            let all: Vec<&str> = Section::ALL.iter().map(|s| s.id()).collect();
            c.cx.err(f, &fd.section, DiagKind::BadValue, format!("section '{}' is not one of: {}", fd.section.get_ref(), all.join(", ")));
            Section::Practice
        });
        let owner = format!("finding '{}'", fd.id.get_ref());
        let (when, when_text) = c.cond(f, &fd.when, &owner);
        if fd.basis.is_empty() && !fd.practice {
            c.cx.err(f, &fd.id, DiagKind::NoCitation, format!("finding '{}' has no citation: add basis = [...] or mark it practice = true", fd.id.get_ref()));
        }
        if fd.source.is_empty() {
            c.cx.err(f, &fd.id, DiagKind::NoSource, format!("finding '{}' has no source (seed file or law-facts section)", fd.id.get_ref()));
        }
        let basis = c.cite(f, &fd.basis);
        let step = finding_step(c, f, fd, section);
        for s in [Some(&fd.title), Some(&fd.says), fd.told.as_ref(), fd.who.as_ref(), fd.why.as_ref(), fd.confirm.as_ref()].into_iter().flatten() {
            c.placeholders(f, s, &owner);
        }
        if let Some(x) = &fd.confirm {
            if section != Section::Told || x.get_ref().contains("{told}") {
                c.cx.err(f, x, DiagKind::BadValue, format!("finding '{}': confirm is for findings in section \"told\" only, and may not hold {{told}}", fd.id.get_ref()));
            }
        }
        let deadline = fd.deadline.as_ref().and_then(|d| {
            let r = c.ids.deadline.get(d.get_ref());
            if r.is_none() {
                c.cx.err(f, d, DiagKind::Dangling, format!("deadline '{}' does not exist", d.get_ref()));
            }
            r
        });
        let mut lets = vec![];
        for l in &fd.letters {
            match c.ids.letter.get(l.get_ref()) {
                Some(i) => lets.push(i),
                None => c.cx.err(f, l, DiagKind::Dangling, format!("letter '{}' does not exist", l.get_ref())),
            }
        }
        let words: String = [Some(&fd.title), Some(&fd.says), fd.told.as_ref(), fd.who.as_ref()]
            .into_iter()
            .flatten()
            .map(|s| s.get_ref().as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let found_terms = model.terms.iter().enumerate().filter(|(_, t)| contains_term(&words, &t.term)).map(|(i, _)| i).collect();
        model.findings.push(MFinding {
            id: fd.id.get_ref().clone(),
            section,
            rank: fd.rank.unwrap_or(500),
            when,
            when_text,
            title: fd.title.get_ref().clone(),
            says: fd.says.get_ref().clone(),
            who: fd.who.as_ref().map(|s| s.get_ref().clone()),
            told: fd.told.as_ref().map(|s| s.get_ref().clone()),
            basis,
            practice: fd.practice,
            step,
            why: fd.why.as_ref().map(|s| s.get_ref().clone()),
            confirm: fd.confirm.as_ref().map(|s| s.get_ref().clone()),
            deadline,
            letters: lets,
            terms: found_terms,
            source: fd.source.iter().map(|s| s.get_ref().clone()).collect(),
            claims: claims(c, f, &fd.claims),
            loc: c.cx.loc(f, fd.id.span()),
        });
    }
}

/// `claims = ["keeper = school"]`: each a lowercase topic and value.
fn claims(c: &mut Cx, f: usize, list: &[S]) -> Vec<(String, String)> {
    let mut out = vec![];
    for x in list {
        match x.get_ref().split_once('=').map(|(t, v)| (t.trim(), v.trim())) {
            Some((t, v)) if valid_id(t) && valid_id(v) => out.push((t.to_string(), v.to_string())),
            _ => c.cx.err(f, x, DiagKind::BadValue, format!("claim '{}' must be \"topic = value\", both lowercase ids", x.get_ref())),
        }
    }
    out
}

/// A next step declares what it is (`step`) and why, in one sentence (`why`); the plan
/// orders steps by the kind, so a step has no `rank`. Other findings have neither.
fn finding_step(c: &mut Cx, f: usize, fd: &raw::RawFinding, section: Section) -> Option<Step> {
    let id = fd.id.get_ref();
    if section != Section::Steps {
        for (name, v) in [("step", &fd.step), ("why", &fd.why)] {
            if let Some(v) = v {
                c.cx.err(f, v, DiagKind::BadValue, format!("finding '{id}' is not a next step: only section = \"steps\" has '{name}'"));
            }
        }
        return None;
    }
    if fd.rank.is_some() {
        c.cx.err(f, &fd.id, DiagKind::BadValue, format!("step '{id}' has a rank: steps are ordered by their kind (step = ...) and date, not by rank"));
    }
    if fd.why.as_ref().map_or(true, |w| w.get_ref().trim().is_empty()) {
        c.cx.err(f, &fd.id, DiagKind::Missing, format!("step '{id}' has no why: say in one sentence why to do it"));
    }
    let all = || Step::ALL.iter().map(|s| s.id()).collect::<Vec<_>>().join(", ");
    match &fd.step {
        None => {
            c.cx.err(f, &fd.id, DiagKind::Missing, format!("step '{id}' does not say what it is: add step = one of {}", all()));
            None
        }
        Some(v) => {
            let k = Step::from_id(v.get_ref());
            if k.is_none() {
                c.cx.err(f, v, DiagKind::BadValue, format!("step = '{}' is not one of: {}", v.get_ref(), all()));
            }
            if k == Some(Step::Chase) && fd.deadline.is_none() {
                c.cx.err(f, v, DiagKind::Missing, format!("step '{id}' chases an overdue duty: name it with deadline = \"...\""));
            }
            k
        }
    }
}

/// Councils and health boards.
fn places(c: &mut Cx, model: &mut Model) {
    model.boards = c.raw.boards.iter().map(|(f, b)| MBoard { id: b.id.get_ref().clone(), name: b.name.get_ref().clone(), loc: c.cx.loc(*f, b.id.span()) }).collect();
    for (f, a) in &c.raw.authorities {
        let board = match c.ids.board.get(a.lhb.get_ref()) {
            Some(b) => b,
            None => {
                c.cx.err(*f, &a.lhb, DiagKind::Dangling, format!("health board '{}' does not exist", a.lhb.get_ref()));
                0
            }
        };
        model.authorities.push(MAuthority { id: a.id.get_ref().clone(), name: a.name.get_ref().clone(), board, loc: c.cx.loc(*f, a.id.span()) });
    }
}

/// A real date written YYYY-MM-DD.
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 2000 && d >= 1 && d <= days
}

/// A plain web address a link can use as it is: https://, a host, and no spaces, quotes or
/// angle brackets (the address is put in an `href` and shown to the parent).
pub fn valid_url(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host.contains('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`'))
}

/// Contacts: every council and health board of places.toml has exactly one, and a national
/// body's words are its own. Each says where it was seen (`source`) and when (`checked`).
fn contacts(c: &mut Cx, model: &mut Model) {
    let authority_ids: HashMap<&str, usize> = c.raw.authorities.iter().enumerate().map(|(i, (_, a))| (a.id.get_ref().as_str(), i)).collect();
    let board_ids: HashMap<&str, usize> = c.raw.boards.iter().enumerate().map(|(i, (_, b))| (b.id.get_ref().as_str(), i)).collect();
    let mut councils: Vec<Option<MContact>> = vec![None; c.raw.authorities.len()];
    let mut boards: Vec<Option<MContact>> = vec![None; c.raw.boards.len()];
    let mut national: Vec<MContact> = vec![];
    // The first place each (kind, id) was defined: a council and a board may share an id.
    let mut first: HashMap<(String, String), Loc> = HashMap::new();
    for (f, ct) in &c.raw.contacts {
        let f = *f;
        let id = ct.id.get_ref();
        let loc = c.cx.loc(f, ct.id.span());
        if !valid_id(id) {
            c.cx.err(f, &ct.id, DiagKind::BadId, format!("contact id '{id}' must be lowercase letters, digits and '_'"));
        }
        let Some(kind) = ContactKind::from_id(ct.kind.get_ref()) else {
            let all: Vec<&str> = ContactKind::ALL.iter().map(|k| k.id()).collect();
            c.cx.err(f, &ct.kind, DiagKind::BadValue, format!("contact '{id}': kind '{}' is not one of: {}", ct.kind.get_ref(), all.join(", ")));
            continue;
        };
        let key = (kind.id().to_string(), id.clone());
        if let Some(prev) = first.get(&key) {
            let msg = format!("duplicate {} contact '{id}' (first defined at {prev})", kind.id());
            c.cx.err(f, &ct.id, DiagKind::DuplicateId, msg);
            continue;
        }
        first.insert(key, loc.clone());
        let what = format!("contact '{id}'");
        // Where it was seen and when: a contact that changes must be checkable.
        if ct.source.iter().all(|s| s.get_ref().trim().is_empty()) {
            c.cx.err(f, &ct.id, DiagKind::NoSource, format!("{what} has no source: add source = [\"https://… where you saw it\"]"));
        }
        match &ct.checked {
            None => c.cx.err(f, &ct.id, DiagKind::NoSource, format!("{what} has no checked date: add checked = \"YYYY-MM-DD\" (when the source was seen)")),
            Some(d) if !valid_date(d.get_ref()) => c.cx.err(f, d, DiagKind::BadDate, format!("{what}: checked = '{}' is not a date written YYYY-MM-DD", d.get_ref())),
            Some(_) => {}
        }
        for (field, v) in [("website", &ct.website), ("page", &ct.page)] {
            if let Some(v) = v {
                if !valid_url(v.get_ref()) {
                    c.cx.err(f, v, DiagKind::BadUrl, format!("{what}: {field} '{}' is not a plain https:// address (no spaces, quotes or < >)", v.get_ref()));
                }
            }
        }
        match (&ct.website, &ct.missing) {
            (None, None) => c.cx.err(f, &ct.id, DiagKind::Missing, format!("{what} has no website: add website = \"https://…\", or missing = \"why no source shows one\"")),
            (Some(_), Some(m)) => c.cx.err(f, m, DiagKind::BadValue, format!("{what} has a website, so no 'missing'")),
            (None, Some(m)) if m.get_ref().trim().is_empty() => c.cx.err(f, m, DiagKind::Missing, format!("{what}: say why there is no website")),
            _ => {}
        }
        match (&ct.page, &ct.page_label) {
            (Some(_), None) => c.cx.err(f, &ct.id, DiagKind::Missing, format!("{what} has a page but no page_label (the link's words)")),
            (None, Some(l)) => c.cx.err(f, l, DiagKind::BadValue, format!("{what} has a page_label but no page")),
            _ => {}
        }
        let text = |s: &Option<S>| s.as_ref().map(|s| s.get_ref().clone());
        for s in [&ct.name, &ct.page_label, &ct.phone, &ct.email, &ct.about].into_iter().flatten() {
            if s.get_ref().trim().is_empty() {
                c.cx.err(f, s, DiagKind::Missing, format!("{what} has an empty field"));
            }
        }
        let place_kind = kind != ContactKind::National;
        if place_kind {
            // A council or board: its name is in places.toml; no phone numbers or emails.
            for (field, v) in [("name", &ct.name), ("phone", &ct.phone), ("email", &ct.email), ("about", &ct.about)] {
                if let Some(v) = v {
                    let why = if field == "name" { "its name comes from places.toml" } else { "only national bodies have one (law-facts §14)" };
                    c.cx.err(f, v, DiagKind::BadValue, format!("{what} is a {}: no {field} ({why})", kind.id()));
                }
            }
        } else {
            if ct.name.is_none() {
                c.cx.err(f, &ct.id, DiagKind::Missing, format!("{what} is a national body: give its name"));
            }
            if ct.about.is_none() {
                c.cx.err(f, &ct.id, DiagKind::Missing, format!("{what} is a national body: say in about = \"...\" what it does for a parent"));
            }
        }
        let mut m = MContact {
            id: id.clone(),
            kind,
            place: 0,
            name: text(&ct.name),
            website: text(&ct.website),
            missing: text(&ct.missing),
            page: text(&ct.page),
            page_label: text(&ct.page_label),
            phone: text(&ct.phone),
            email: text(&ct.email),
            about: text(&ct.about),
            source: ct.source.iter().map(|s| s.get_ref().clone()).collect(),
            checked: ct.checked.as_ref().map(|s| s.get_ref().clone()).unwrap_or_default(),
            loc,
        };
        match kind {
            ContactKind::Council => match authority_ids.get(id.as_str()) {
                Some(&i) => {
                    m.place = i;
                    councils[i] = Some(m);
                }
                None => c.cx.err(f, &ct.id, DiagKind::Dangling, format!("{what}: '{id}' is not a council in places.toml ([[authority]])")),
            },
            ContactKind::HealthBoard => match board_ids.get(id.as_str()) {
                Some(&i) => {
                    m.place = i;
                    boards[i] = Some(m);
                }
                None => c.cx.err(f, &ct.id, DiagKind::Dangling, format!("{what}: '{id}' is not a health board in places.toml ([[board]])")),
            },
            ContactKind::National => national.push(m),
        }
    }
    // Every council and board has its contact: the outcome page shows the family's own.
    for (i, (f, a)) in c.raw.authorities.iter().enumerate() {
        if councils[i].is_none() && authority_ids.get(a.id.get_ref().as_str()) == Some(&i) {
            c.cx.err(*f, &a.id, DiagKind::Missing, format!("council '{}' has no contact: add a [[contact]] with kind = \"council\" to contacts.toml", a.id.get_ref()));
        }
    }
    for (i, (f, b)) in c.raw.boards.iter().enumerate() {
        if boards[i].is_none() && board_ids.get(b.id.get_ref().as_str()) == Some(&i) {
            c.cx.err(*f, &b.id, DiagKind::Missing, format!("health board '{}' has no contact: add a [[contact]] with kind = \"health_board\" to contacts.toml", b.id.get_ref()));
        }
    }
    if c.raw.contacts.len() > 250 {
        let top = c.cx.top();
        c.cx.at(top, DiagKind::TooMany, "more than 250 contacts");
    }
    model.contacts = councils.into_iter().chain(boards).flatten().chain(national).collect();
}

/// Coverage: every id named must exist somewhere.
fn coverage(c: &mut Cx, model: &mut Model) {
    for (f, cv) in &c.raw.coverage {
        let f = *f;
        let mut ids = vec![];
        for id in &cv.ids {
            let k = id.get_ref();
            let t = c.ids;
            let contact = c.raw.contacts.iter().any(|(_, ct)| ct.id.get_ref() == k && ct.kind.get_ref() == ContactKind::National.id());
            let known = t.q.get(k).is_some() || t.finding.get(k).is_some() || t.letter.get(k).is_some() || t.deadline.get(k).is_some() || contact;
            if !known {
                c.cx.err(f, id, DiagKind::Dangling, format!("coverage names '{k}', which is not a question, finding, letter, deadline or national contact"));
            }
            ids.push(k.clone());
        }
        let not_used = cv.not_used.as_ref().map(|s| s.get_ref().clone()).filter(|s| !s.trim().is_empty());
        if ids.is_empty() && not_used.is_none() {
            c.cx.err(f, &cv.section, DiagKind::Missing, format!("coverage of '{}' names no ids and gives no not_used reason", cv.section.get_ref()));
        }
        model.coverage.push(MCoverage {
            doc: cv.doc.get_ref().clone(),
            section: cv.section.get_ref().clone(),
            ids,
            not_used,
            loc: c.cx.loc(f, cv.section.span()),
        });
    }
}

fn ui(c: &mut Cx, model: &mut Model) {
    for (k, (f, v)) in &c.raw.ui {
        if let Err(e) = voices(v.get_ref()) {
            c.cx.err(*f, v, DiagKind::Placeholder, format!("ui.{k}: {e}"));
        }
    }
    model.ui = c.raw.ui.iter().map(|(k, (_, v))| (k.clone(), v.get_ref().clone())).collect();
    model.ui_locs = c.raw.ui.values().map(|(f, v)| c.cx.loc(*f, v.span())).collect();
}

/// The question graph: unreachable questions, cycles, and routes that read later questions.
fn check_graph(m: &Model, diags: &mut Vec<Diagnostic>) {
    let n = m.questions.len();
    if n == 0 {
        diags.push(Diagnostic { kind: DiagKind::Missing, loc: Loc { file: "content".into(), line: 1 }, message: "there are no questions".into() });
        return;
    }
    let mut seen = vec![false; n];
    let mut stack = vec![m.start];
    while let Some(q) = stack.pop() {
        if std::mem::replace(&mut seen[q], true) {
            continue;
        }
        stack.extend(succ(m, q));
    }
    for (i, q) in m.questions.iter().enumerate() {
        if !seen[i] {
            diags.push(Diagnostic { kind: DiagKind::Unreachable, loc: q.loc.clone(), message: format!("question '{}' can never be reached from the start", q.id) });
        }
    }
    // Cycles: iterative depth-first search with colours.
    let mut colour = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
    let mut cyclic = false;
    for root in 0..n {
        if colour[root] != 0 {
            continue;
        }
        let mut path: Vec<(usize, Vec<usize>)> = vec![(root, succ(m, root))];
        colour[root] = 1;
        while let Some((node, next)) = path.last_mut() {
            let node = *node;
            if let Some(t) = next.pop() {
                match colour[t] {
                    0 => {
                        colour[t] = 1;
                        path.push((t, succ(m, t)));
                    }
                    1 => {
                        let start = path.iter().position(|(x, _)| *x == t).unwrap_or(0);
                        let ring: Vec<&str> = path[start..].iter().map(|(x, _)| m.questions[*x].id.as_str()).collect();
                        cyclic = true;
                        diags.push(Diagnostic {
                            kind: DiagKind::Cycle,
                            loc: m.questions[node].loc.clone(),
                            message: format!("cycle: {} -> {}", ring.join(" -> "), m.questions[t].id),
                        });
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                path.pop();
            }
        }
    }
    if !cyclic {
        routes_read_earlier(m, diags);
    }
}

/// A route may read only questions that can come before it: the walk routes on the answers
/// already on the path, so a route reading a question never asked before it always sees that
/// question unanswered (its own question is answered by then).
fn routes_read_earlier(m: &Model, diags: &mut Vec<Diagnostic>) {
    let n = m.questions.len();
    // before[x]: the questions from which x can be reached.
    let mut before: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    for a in 0..n {
        let mut stack = succ(m, a);
        let mut seen = vec![false; n];
        while let Some(x) = stack.pop() {
            if !std::mem::replace(&mut seen[x], true) {
                before[x].insert(a);
                stack.extend(succ(m, x));
            }
        }
    }
    for (i, q) in m.questions.iter().enumerate() {
        for r in &q.routes {
            let mut read = vec![];
            r.when.reads(&m.deadlines, &mut read);
            for x in read {
                if x != i && !before[i].contains(&x) {
                    diags.push(Diagnostic {
                        kind: DiagKind::RouteReadsLater,
                        loc: r.loc.clone(),
                        message: format!("a route of '{}' reads '{}', which is never asked before it ({:?})", q.id, m.questions[x].id, r.when_text),
                    });
                }
            }
        }
        // Whether an option is offered is decided before the question is answered.
        for o in &q.options {
            let Some((cond, text, loc)) = &o.shown else { continue };
            let mut read = vec![];
            cond.reads(&m.deadlines, &mut read);
            for x in read {
                if x == i || !before[i].contains(&x) {
                    diags.push(Diagnostic {
                        kind: DiagKind::RouteReadsLater,
                        loc: loc.clone(),
                        message: format!("option '{}' of '{}' is shown by '{}', which is never asked before it ({text:?})", o.id, q.id, m.questions[x].id),
                    });
                }
            }
        }
    }
}

fn succ(m: &Model, q: usize) -> Vec<usize> {
    let mut v: Vec<usize> = m.questions[q]
        .targets()
        .into_iter()
        .filter_map(|t| match t {
            MTarget::Question(i) => Some(i),
            MTarget::Check => None,
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}
