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

use model::*;
use raw::*;
use camau_graph::Placeholder;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Reads every `*.toml` file directly in `dir`, in name order.
pub fn read_dir(dir: &std::path::Path) -> std::io::Result<Vec<(String, String)>> {
    let mut names: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    names.sort();
    let mut out = vec![];
    for p in names {
        let text = std::fs::read_to_string(&p)?;
        let shown = format!("content/{}", p.file_name().unwrap().to_string_lossy());
        out.push((shown, text));
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
    fn err(&mut self, file: usize, s: &S, message: impl Into<String>) {
        let loc = self.loc(file, s.span());
        self.diags.push(Diagnostic { loc, message: message.into() });
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
                cx.err(*f, s, format!("{what} id '{name}' must be lowercase letters, digits and '_'"));
            }
            if let Some(prev) = first.get(&name) {
                let msg = format!("duplicate {what} id '{name}' (first defined at {prev})");
                cx.err(*f, s, msg);
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
}

/// Checks `{...}` placeholders in a text; returns the problems.
pub fn check_placeholders(text: &str, date_question: &dyn Fn(&str) -> bool, deadline: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut out = vec![];
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        if rest.as_bytes()[i] == b'}' {
            out.push("a '}' without its '{'".to_string());
            rest = &rest[i + 1..];
            continue;
        }
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else {
            out.push("a '{' that is never closed".to_string());
            break;
        };
        let name = &after[..j];
        let ok = match Placeholder::parse(name) {
            Some(Placeholder::Detail(_) | Placeholder::Today) => true,
            Some(Placeholder::Date(q)) => date_question(q),
            Some(Placeholder::Due(d)) => deadline(d),
            None => false,
        };
        if !ok {
            out.push(format!("unknown placeholder {{{name}}}: use {}", Placeholder::HELP));
        }
        rest = &after[j + 1..];
    }
    out
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

pub fn compile(files: &[(String, String)]) -> Result<Model, Vec<Diagnostic>> {
    let newlines = files.iter().map(|(_, t)| t.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect()).collect();
    let mut cx = Ctx { files, newlines, diags: vec![] };
    let mut flows = vec![];
    let mut parts = vec![];
    let mut questions = vec![];
    let mut findings = vec![];
    let mut deadlines = vec![];
    let mut letters = vec![];
    let mut citations = vec![];
    let mut terms = vec![];
    let mut coverage = vec![];
    let mut authorities = vec![];
    let mut boards = vec![];
    let mut ui: BTreeMap<String, (usize, S)> = BTreeMap::new();

    for (fi, (name, text)) in files.iter().enumerate() {
        match toml::from_str::<RawFile>(text) {
            Ok(rf) => {
                // Control characters (written as escapes: TOML itself refuses them typed in)
                // have no place in words for a parent, and one of them separates the strings
                // of the late words file. Checked on the parsed strings, where each is whole.
                for v in rf.strings() {
                    if v.get_ref().chars().any(|c| c.is_control() && c != '\t' && c != '\n' && c != '\r') {
                        cx.err(fi, v, "a control character (other than tab and new line) in the text");
                    }
                }
                flows.extend(rf.flow.map(|x| (fi, x)));
                parts.extend(rf.part.into_iter().map(|x| (fi, x)));
                questions.extend(rf.question.into_iter().map(|x| (fi, x)));
                findings.extend(rf.finding.into_iter().map(|x| (fi, x)));
                deadlines.extend(rf.deadline.into_iter().map(|x| (fi, x)));
                letters.extend(rf.letter.into_iter().map(|x| (fi, x)));
                citations.extend(rf.citation.into_iter().map(|x| (fi, x)));
                terms.extend(rf.term.into_iter().map(|x| (fi, x)));
                coverage.extend(rf.coverage.into_iter().map(|x| (fi, x)));
                authorities.extend(rf.authority.into_iter().map(|x| (fi, x)));
                boards.extend(rf.board.into_iter().map(|x| (fi, x)));
                for (k, v) in rf.ui.unwrap_or_default() {
                    if let Some((pf, prev)) = ui.get(&k) {
                        let prev_loc = cx.loc(*pf, prev.span());
                        cx.err(fi, &v, format!("duplicate ui key '{k}' (first defined at {prev_loc})"));
                    } else {
                        ui.insert(k, (fi, v));
                    }
                }
            }
            Err(e) => {
                let loc = match e.span() {
                    Some(sp) => cx.loc(fi, sp),
                    None => Loc { file: name.clone(), line: 1 },
                };
                let msg = e.message().to_string();
                cx.diags.push(Diagnostic { loc, message: msg });
                // TOML refuses a control character typed into the text; say which it was.
                for (n, line) in text.lines().enumerate() {
                    if line.chars().any(|c| c.is_control() && c != '\t' && c != '\r') {
                        let loc = Loc { file: name.clone(), line: n + 1 };
                        cx.diags.push(Diagnostic { loc, message: "a control character (other than tab and new line) in the text".into() });
                    }
                }
            }
        }
    }

    let part_ids = Ids::build(&mut cx, "part", &parts, |p: &RawPart| &p.id);
    let q_ids = Ids::build(&mut cx, "question", &questions, |q: &RawQuestion| &q.id);
    let f_ids = Ids::build(&mut cx, "finding", &findings, |f: &RawFinding| &f.id);
    let d_ids = Ids::build(&mut cx, "deadline", &deadlines, |d: &RawDeadline| &d.id);
    let l_ids = Ids::build(&mut cx, "letter", &letters, |l: &RawLetter| &l.id);
    let c_ids = Ids::build(&mut cx, "citation", &citations, |c: &RawCitation| &c.id);
    let t_ids = Ids::build(&mut cx, "term", &terms, |t: &RawTerm| &t.id);
    let b_ids = Ids::build(&mut cx, "board", &boards, |b: &RawBoard| &b.id);
    let _a_ids = Ids::build(&mut cx, "authority", &authorities, |a: &RawAuthority| &a.id);
    if part_ids.map.len() > 250 || q_ids.map.len() > 60000 {
        cx.diags.push(Diagnostic { loc: Loc { file: "content".into(), line: 1 }, message: "too many parts or questions".into() });
    }

    let names = NameTable { q: &q_ids, questions: &questions, d: &d_ids };
    let is_date_q = |id: &str| q_ids.get(id).is_some_and(|i| kind_of(&questions[i].1) == Kind::Date);
    let is_deadline = |id: &str| d_ids.get(id).is_some();

    let mut model = Model::default();

    // Flow.
    match flows.len() {
        0 => cx.diags.push(Diagnostic {
            loc: Loc { file: files.first().map(|f| f.0.clone()).unwrap_or_else(|| "content".into()), line: 1 },
            message: "no [flow] table: add [flow] start = \"QUESTION\"".into(),
        }),
        _ => {
            for (f, extra) in flows.iter().skip(1) {
                cx.err(*f, &extra.start, "a second [flow] table: there must be exactly one");
            }
            let (f, flow) = &flows[0];
            match q_ids.get(flow.start.get_ref()) {
                Some(i) => model.start = i,
                None => {
                    let m = format!("flow start '{}' is not a question", flow.start.get_ref());
                    cx.err(*f, &flow.start, m)
                }
            }
        }
    }

    model.parts = parts.iter().map(|(_, p)| MPart { id: p.id.get_ref().clone(), name: p.name.get_ref().clone() }).collect();

    let target = |cx: &mut Ctx, f: usize, s: &S| -> Option<MTarget> {
        if s.get_ref() == "check" {
            return Some(MTarget::Check);
        }
        match q_ids.get(s.get_ref()) {
            Some(i) => Some(MTarget::Question(i)),
            None => {
                cx.err(f, s, format!("next question '{}' does not exist (use \"check\" to end the questions)", s.get_ref()));
                None
            }
        }
    };

    for (f, q) in &questions {
        let f = *f;
        // Question pages show their words as written: a placeholder there would reach the parent.
        let texts = [Some(&q.title), q.hint.as_ref(), q.unsure.as_ref()]
            .into_iter()
            .flatten()
            .chain(q.option.iter().flat_map(|o| [Some(&o.label), o.hint.as_ref()].into_iter().flatten()));
        for s in texts {
            if s.get_ref().contains(['{', '}']) {
                cx.err(f, s, format!("question '{}': placeholders ({{...}}) are not filled on question pages", q.id.get_ref()));
            }
        }
        let kind = Kind::from_id(q.kind.get_ref()).unwrap_or_else(|| {
            let all: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
            cx.err(f, &q.kind, format!("kind '{}' is not one of: {}", q.kind.get_ref(), all.join(", ")));
            Kind::One
        });
        let part = match part_ids.get(q.part.get_ref()) {
            Some(p) => p,
            None => {
                cx.err(f, &q.part, format!("part '{}' does not exist", q.part.get_ref()));
                0
            }
        };
        let mut seen = BTreeSet::new();
        let mut options = vec![];
        for o in &q.option {
            if !valid_id(o.id.get_ref()) {
                cx.err(f, &o.id, format!("option id '{}' must be lowercase letters, digits and '_'", o.id.get_ref()));
            }
            if !seen.insert(o.id.get_ref().clone()) {
                cx.err(f, &o.id, format!("duplicate option id '{}' in question '{}'", o.id.get_ref(), q.id.get_ref()));
            }
            if o.exclusive && kind != Kind::Many {
                cx.err(f, &o.id, "'exclusive' is only for kind = \"many\"");
            }
            let next = match &o.next {
                Some(n) => {
                    if kind == Kind::Many {
                        cx.err(f, n, "options of a many-choice question cannot have their own next: use routes");
                    }
                    target(&mut cx, f, n)
                }
                None => None,
            };
            options.push(MOption {
                id: o.id.get_ref().clone(),
                label: o.label.get_ref().clone(),
                hint: o.hint.as_ref().map(|h| h.get_ref().clone()),
                next,
                exclusive: o.exclusive,
            });
        }
        match kind {
            Kind::Date if !q.option.is_empty() => cx.err(f, &q.id, "a date question has no options (use 'unsure' for \"I do not know\")"),
            Kind::One | Kind::Many if q.option.len() < 2 => cx.err(f, &q.id, "a choice question needs at least 2 options"),
            Kind::Many if q.option.len() > 63 => cx.err(f, &q.id, "a many-choice question has at most 63 options"),
            Kind::One if q.option.len() > 250 => cx.err(f, &q.id, "too many options"),
            _ => {}
        }
        if q.unsure.is_some() && kind != Kind::Date {
            cx.err(f, &q.id, "'unsure' is only for date questions: add an option instead");
        }
        if q.future && kind != Kind::Date {
            cx.err(f, &q.id, "'future' is only for date questions");
        }
        let mut routes = vec![];
        for r in &q.route {
            let when = match &r.when {
                Some(w) => match cond::parse(w.get_ref(), &names) {
                    Ok(c) => c,
                    Err(e) => {
                        cx.err(f, w, format!("route condition: {e}"));
                        MCond::Always
                    }
                },
                None => MCond::Always,
            };
            if let Some(to) = target(&mut cx, f, &r.to) {
                routes.push(MRoute { when, when_text: r.when.as_ref().map(|w| w.get_ref().clone()).unwrap_or_else(|| "always".into()), to });
            }
        }
        let next = q.next.as_ref().and_then(|n| target(&mut cx, f, n));
        let fallback = next.is_some() || routes.iter().any(|r| r.when == MCond::Always);
        // A dead end: a way to answer this question that leads nowhere.
        if !fallback {
            let dead: Vec<&RawOption> = match kind {
                Kind::One => q.option.iter().filter(|o| o.next.is_none()).collect(),
                _ => vec![],
            };
            if kind != Kind::One {
                let m = if routes.is_empty() { "this question leads nowhere: add next = \"...\"" } else { "routes may all be false: add a last route without 'when', or next = \"...\"" };
                cx.err(f, &q.id, format!("question '{}': {m}", q.id.get_ref()));
            }
            for o in dead {
                let m = format!(
                    "option '{}' of question '{}' leads nowhere: give it next = \"...\", or give the question a next or a last route without 'when'",
                    o.id.get_ref(),
                    q.id.get_ref()
                );
                cx.err(f, &o.id, m);
            }
        }
        model.questions.push(MQuestion {
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
            loc: cx.loc(f, q.id.span()),
        });
    }

    let cite = |cx: &mut Ctx, f: usize, list: &[S]| -> Vec<usize> {
        let mut v = vec![];
        for c in list {
            match c_ids.get(c.get_ref()) {
                Some(i) => v.push(i),
                None => cx.err(f, c, format!("citation '{}' is not in citations.toml (cite only what law-facts verifies)", c.get_ref())),
            }
        }
        v
    };

    for (f, c) in &citations {
        for s in [&c.full, &c.short, &c.law_facts] {
            if s.get_ref().trim().is_empty() {
                cx.err(*f, s, format!("citation '{}' has an empty field", c.id.get_ref()));
            }
        }
        model.citations.push(MCitation {
            id: c.id.get_ref().clone(),
            full: c.full.get_ref().clone(),
            short: c.short.get_ref().clone(),
            law_facts: c.law_facts.get_ref().clone(),
            loc: cx.loc(*f, c.id.span()),
        });
    }

    for (f, d) in &deadlines {
        let f = *f;
        let from = match q_ids.get(d.from.get_ref()) {
            Some(i) if kind_of(&questions[i].1) == Kind::Date => i,
            Some(_) => {
                cx.err(f, &d.from, format!("deadline '{}': '{}' is not a date question", d.id.get_ref(), d.from.get_ref()));
                0
            }
            None => {
                cx.err(f, &d.from, format!("deadline '{}': question '{}' does not exist", d.id.get_ref(), d.from.get_ref()));
                0
            }
        };
        let (amount, unit) = parse_add(d.add.get_ref()).unwrap_or_else(|| {
            cx.err(f, &d.add, format!("add = '{}' is not 'N days|weeks|months|school_days|term_days'", d.add.get_ref()));
            (1, Unit::Days)
        });
        if d.basis.is_empty() {
            cx.err(f, &d.id, format!("deadline '{}' has no basis (a citation)", d.id.get_ref()));
        }
        let basis = cite(&mut cx, f, &d.basis);
        model.deadlines.push(MDeadline {
            id: d.id.get_ref().clone(),
            from,
            amount,
            unit,
            label: d.label.get_ref().clone(),
            basis,
            loc: cx.loc(f, d.id.span()),
        });
    }

    for (f, l) in &letters {
        let f = *f;
        let kind = LetterKind::from_id(l.kind.get_ref()).unwrap_or_else(|| {
            cx.err(f, &l.kind, format!("letter kind '{}' is not 'letter' or 'script'", l.kind.get_ref()));
            LetterKind::Letter
        });
        let script = kind == LetterKind::Script;
        if !script && l.subject.is_none() {
            cx.err(f, &l.id, format!("letter '{}' has no subject", l.id.get_ref()));
        }
        if !script && l.basis.is_empty() {
            cx.err(f, &l.id, format!("letter '{}' has no basis (a citation)", l.id.get_ref()));
        }
        for s in [Some(&l.title), l.subject.as_ref(), Some(&l.body), l.to.as_ref()].into_iter().flatten() {
            for p in check_placeholders(s.get_ref(), &is_date_q, &is_deadline) {
                cx.err(f, s, format!("letter '{}': {p}", l.id.get_ref()));
            }
        }
        let basis = cite(&mut cx, f, &l.basis);
        model.letters.push(MLetter {
            id: l.id.get_ref().clone(),
            kind,
            title: l.title.get_ref().clone(),
            to: l.to.as_ref().map(|s| s.get_ref().clone()),
            subject: l.subject.as_ref().map(|s| s.get_ref().clone()),
            body: l.body.get_ref().clone(),
            basis,
            loc: cx.loc(f, l.id.span()),
        });
    }

    for (f, t) in &terms {
        if t.term.get_ref().trim().is_empty() {
            cx.err(*f, &t.term, format!("term '{}' is empty: write the exact words the findings use", t.id.get_ref()));
        }
    }
    model.terms = terms
        .iter()
        .map(|(_, t)| MTerm { id: t.id.get_ref().clone(), term: t.term.get_ref().clone(), means: t.means.get_ref().clone() })
        .collect();
    let _ = &t_ids;

    for (f, fd) in &findings {
        let f = *f;
        let section = Section::from_id(fd.section.get_ref()).unwrap_or_else(|| {
            let all: Vec<&str> = Section::ALL.iter().map(|s| s.id()).collect();
            cx.err(f, &fd.section, format!("section '{}' is not one of: {}", fd.section.get_ref(), all.join(", ")));
            Section::Practice
        });
        let when = match cond::parse(fd.when.get_ref(), &names) {
            Ok(c) => c,
            Err(e) => {
                cx.err(f, &fd.when, format!("finding '{}': {e}", fd.id.get_ref()));
                MCond::Always
            }
        };
        if fd.basis.is_empty() && !fd.practice {
            cx.err(f, &fd.id, format!("finding '{}' has no citation: add basis = [...] or mark it practice = true", fd.id.get_ref()));
        }
        if fd.source.is_empty() {
            cx.err(f, &fd.id, format!("finding '{}' has no source (seed file or law-facts section)", fd.id.get_ref()));
        }
        let basis = cite(&mut cx, f, &fd.basis);
        for s in [Some(&fd.title), Some(&fd.says), fd.told.as_ref(), fd.who.as_ref(), fd.summary.as_ref()].into_iter().flatten() {
            for p in check_placeholders(s.get_ref(), &is_date_q, &is_deadline) {
                cx.err(f, s, format!("finding '{}': {p}", fd.id.get_ref()));
            }
        }
        let deadline = fd.deadline.as_ref().and_then(|d| {
            let r = d_ids.get(d.get_ref());
            if r.is_none() {
                cx.err(f, d, format!("deadline '{}' does not exist", d.get_ref()));
            }
            r
        });
        let mut lets = vec![];
        for l in &fd.letters {
            match l_ids.get(l.get_ref()) {
                Some(i) => lets.push(i),
                None => cx.err(f, l, format!("letter '{}' does not exist", l.get_ref())),
            }
        }
        let words: String = [Some(&fd.title), Some(&fd.says), fd.told.as_ref(), fd.who.as_ref()]
            .into_iter()
            .flatten()
            .map(|s| s.get_ref().as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let found_terms = model
            .terms
            .iter()
            .enumerate()
            .filter(|(_, t)| contains_term(&words, &t.term))
            .map(|(i, _)| i)
            .collect();
        model.findings.push(MFinding {
            id: fd.id.get_ref().clone(),
            section,
            rank: fd.rank.unwrap_or(500),
            when,
            when_text: fd.when.get_ref().clone(),
            title: fd.title.get_ref().clone(),
            says: fd.says.get_ref().clone(),
            who: fd.who.as_ref().map(|s| s.get_ref().clone()),
            told: fd.told.as_ref().map(|s| s.get_ref().clone()),
            basis,
            practice: fd.practice,
            summary: fd.summary.as_ref().map(|s| s.get_ref().clone()),
            summary_rank: fd.summary_rank.unwrap_or(500),
            deadline,
            letters: lets,
            terms: found_terms,
            source: fd.source.iter().map(|s| s.get_ref().clone()).collect(),
            loc: cx.loc(f, fd.id.span()),
        });
    }
    let _ = &f_ids;

    model.boards = boards.iter().map(|(_, b)| MBoard { id: b.id.get_ref().clone(), name: b.name.get_ref().clone() }).collect();
    for (f, a) in &authorities {
        let board = match b_ids.get(a.lhb.get_ref()) {
            Some(b) => b,
            None => {
                cx.err(*f, &a.lhb, format!("health board '{}' does not exist", a.lhb.get_ref()));
                0
            }
        };
        model.authorities.push(MAuthority { id: a.id.get_ref().clone(), name: a.name.get_ref().clone(), board });
    }

    // Coverage: every id named must exist somewhere.
    for (f, c) in &coverage {
        let f = *f;
        let mut ids = vec![];
        for id in &c.ids {
            let k = id.get_ref();
            let known = q_ids.get(k).is_some() || f_ids.get(k).is_some() || l_ids.get(k).is_some() || d_ids.get(k).is_some();
            if !known {
                cx.err(f, id, format!("coverage names '{k}', which is not a question, finding, letter or deadline"));
            }
            ids.push(k.clone());
        }
        let not_used = c.not_used.as_ref().map(|s| s.get_ref().clone()).filter(|s| !s.trim().is_empty());
        if ids.is_empty() && not_used.is_none() {
            cx.err(f, &c.section, format!("coverage of '{}' names no ids and gives no not_used reason", c.section.get_ref()));
        }
        model.coverage.push(MCoverage {
            doc: c.doc.get_ref().clone(),
            section: c.section.get_ref().clone(),
            ids,
            not_used,
            loc: cx.loc(f, c.section.span()),
        });
    }

    model.ui = ui.into_iter().map(|(k, (_, v))| (k, v.get_ref().clone())).collect();

    if cx.diags.is_empty() {
        check_graph(&model, &mut cx.diags);
    }
    if cx.diags.is_empty() {
        Ok(model)
    } else {
        Err(cx.diags)
    }
}

/// Unreachable questions and cycles.
fn check_graph(m: &Model, diags: &mut Vec<Diagnostic>) {
    let n = m.questions.len();
    if n == 0 {
        diags.push(Diagnostic { loc: Loc { file: "content".into(), line: 1 }, message: "there are no questions".into() });
        return;
    }
    let mut seen = vec![false; n];
    let mut stack = vec![m.start];
    while let Some(q) = stack.pop() {
        if std::mem::replace(&mut seen[q], true) {
            continue;
        }
        for t in m.questions[q].targets() {
            if let MTarget::Question(t) = t {
                stack.push(t);
            }
        }
    }
    for (i, q) in m.questions.iter().enumerate() {
        if !seen[i] {
            diags.push(Diagnostic { loc: q.loc.clone(), message: format!("question '{}' can never be reached from the start", q.id) });
        }
    }
    // Cycles: iterative depth-first search with colours.
    let mut colour = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
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
                        diags.push(Diagnostic {
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
