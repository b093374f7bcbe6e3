//! Checks of the real content against its sources:
//! - every citation is one that `../shared/law-facts.md` marks verified;
//! - every section of law-facts and every seed is covered (and `content/COVERAGE.md` is current);
//! - the scenarios in `tests/scenarios.toml` (answers in, findings/citations/letters out);
//! - no unconfirmed Code paragraph or wrong section number is shown to a parent;
//! - the 22 councils map to the 7 health boards as law-facts says.
//!
//! `CAMAU_BLESS=1 cargo test --test content` rewrites content/COVERAGE.md.
//! `CAMAU_NO_SHARED=1` skips the checks that need ../shared (on a machine without it).

mod common;

use camau::compiler::model::Model;
use camau::content::GRAPH;
use camau::engine::date::Date;
use camau::engine::graph::*;
use camau::engine::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn model() -> &'static Model {
    use std::sync::OnceLock;
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let files = camau::compiler::read_dir(&Path::new(ROOT).join("content")).expect("read content/");
        match camau::compiler::compile(&files) {
            Ok(m) => m,
            Err(d) => panic!("content/ does not compile:\n{}", d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")),
        }
    })
}

/// The shared documents, or None when CAMAU_NO_SHARED=1 says this machine has none.
fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(ROOT).join("..").join("shared").join(rel);
    if p.exists() {
        return Some(p);
    }
    if std::env::var("CAMAU_NO_SHARED").is_ok_and(|v| v == "1") {
        eprintln!("note: {} is missing; skipped because CAMAU_NO_SHARED=1", p.display());
        return None;
    }
    panic!(
        "{} is missing: the content checks read ../shared/law-facts.md and ../shared/seeds/. \
         Put the shared folder beside this repository, or set CAMAU_NO_SHARED=1 to skip these checks.",
        p.display()
    );
}

fn law_facts() -> Option<String> {
    shared("law-facts.md").map(|p| std::fs::read_to_string(p).expect("read law-facts.md"))
}

// ---------------------------------------------------------------- law-facts structure

/// One fact of law-facts.md: a top-level "- " bullet with its Basis/Source/Status lines.
struct Fact {
    section: String,
    text: String,
}

impl Fact {
    fn status(&self) -> String {
        self.text.rsplit_once("Status:").map(|(_, s)| s.trim().to_lowercase()).unwrap_or_default()
    }
    /// Verified, and not a conflict or seed-only point.
    fn verified(&self) -> bool {
        let s = self.status();
        s.contains("verified") && !s.starts_with("conflict") && !s.starts_with("seed only") && !self.text.starts_with("CONFLICT")
    }
    /// The claim and its Basis, without the Source list (sources are not citations).
    fn citable(&self) -> &str {
        self.text.split_once("Source:").map(|(a, _)| a).unwrap_or(&self.text)
    }
}

/// The "## " headings and the facts under each.
fn parse_law_facts(text: &str) -> (Vec<String>, Vec<Fact>) {
    let mut headings = vec![];
    let mut facts: Vec<Fact> = vec![];
    let mut open = false;
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            headings.push(h.trim().to_string());
            open = false;
        } else if let Some(h) = headings.last() {
            let numbered_item = h.starts_with("Open questions") && line.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if line.starts_with("- ") || numbered_item {
                facts.push(Fact { section: h.clone(), text: line.to_string() });
                open = true;
            } else if open && !line.trim().is_empty() {
                let f = facts.last_mut().unwrap();
                f.text.push('\n');
                f.text.push_str(line);
            } else if line.trim().is_empty() {
                open = false;
            }
        }
    }
    (headings, facts)
}

/// `needle` in `hay` as a whole phrase: not followed by a letter or digit ("s.2" is not in "s.20").
fn find_phrase(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let after = hay[i + needle.len()..].chars().next();
        let before = hay[..i].chars().next_back();
        !after.is_some_and(|c| c.is_alphanumeric()) && !before.is_some_and(|c| c.is_alphanumeric())
    })
}

#[test]
fn every_citation_is_one_law_facts_marks_verified() {
    let Some(lf) = law_facts() else { return };
    let (_, facts) = parse_law_facts(&lf);
    assert!(facts.len() > 30, "law-facts.md was not read as expected ({} facts)", facts.len());
    let mut problems = vec![];
    for c in &model().citations {
        let hits: Vec<&Fact> = facts.iter().filter(|f| find_phrase(f.citable(), &c.law_facts)).collect();
        if hits.is_empty() {
            let anywhere = lf.contains(&c.law_facts);
            problems.push(format!(
                "{}: citation '{}': law_facts = {:?} {}",
                c.loc,
                c.id,
                c.law_facts,
                if anywhere { "appears in law-facts.md only inside a longer reference or a Source list" } else { "does not appear in law-facts.md (copy it character for character)" }
            ));
        } else if !hits.iter().any(|f| f.verified()) {
            problems.push(format!(
                "{}: citation '{}': {:?} appears only in facts whose Status is not verified ({})",
                c.loc,
                c.id,
                c.law_facts,
                hits.iter().map(|f| format!("§{} \"{}\"", f.section.split('.').next().unwrap_or(""), f.status())).collect::<Vec<_>>().join("; ")
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_law_facts_reader_tells_verified_from_conflict() {
    // Guards the check above against a change in law-facts.md's layout.
    let Some(lf) = law_facts() else { return };
    let (headings, facts) = parse_law_facts(&lf);
    assert!(headings.iter().any(|h| h.starts_with("1. ")) && headings.iter().any(|h| h.starts_with("Open questions")), "{headings:?}");
    let conflicts = facts.iter().filter(|f| f.text.starts_with("- CONFLICT")).count();
    assert!(conflicts >= 3, "law-facts marks several conflicts; found {conflicts}");
    assert!(facts.iter().filter(|f| f.text.starts_with("- CONFLICT")).all(|f| !f.verified()));
    assert!(facts.iter().any(|f| f.section.starts_with("Open questions") && !f.verified()));
    assert!(facts.iter().filter(|f| f.verified()).count() > 20);
}

// ---------------------------------------------------------------- coverage

fn seed_names() -> Option<Vec<String>> {
    let dir = shared("seeds")?;
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read seeds")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            let num = n.get(..3)?;
            (num.bytes().all(|b| b.is_ascii_digit()) && n.ends_with(".txt")).then(|| format!("seed {num}"))
        })
        .collect();
    v.sort();
    Some(v)
}

#[test]
fn every_section_of_law_facts_and_every_seed_is_covered() {
    let m = model();
    let mut problems = vec![];
    if let Some(lf) = law_facts() {
        let (headings, _) = parse_law_facts(&lf);
        for h in &headings {
            let key = match h.split_once(". ") {
                Some((n, _)) if n.bytes().all(|b| b.is_ascii_digit()) => format!("{n}."),
                _ => h.clone(),
            };
            if !m.coverage.iter().any(|c| c.doc == "law-facts" && c.section.starts_with(&key)) {
                problems.push(format!("law-facts \"## {h}\" has no [[coverage]] entry (doc = \"law-facts\", section = \"{key} …\")"));
            }
        }
        // Every law-facts entry names a real heading.
        for c in m.coverage.iter().filter(|c| c.doc == "law-facts") {
            let ok = headings.iter().any(|h| match h.split_once(". ") {
                Some((n, _)) if n.bytes().all(|b| b.is_ascii_digit()) => c.section.starts_with(&format!("{n}.")),
                _ => c.section.starts_with(h.as_str()),
            });
            if !ok {
                problems.push(format!("{}: coverage section {:?} is not a heading of law-facts.md", c.loc, c.section));
            }
        }
    }
    if let Some(seeds) = seed_names() {
        assert!(seeds.len() >= 5, "{seeds:?}");
        for s in &seeds {
            if !m.coverage.iter().any(|c| &c.doc == s) {
                problems.push(format!("{s} has no [[coverage]] entry (doc = \"{s}\")"));
            }
        }
        for c in m.coverage.iter().filter(|c| c.doc != "law-facts") {
            if !seeds.contains(&c.doc) {
                problems.push(format!("{}: coverage doc {:?} is neither \"law-facts\" nor one of {seeds:?}", c.loc, c.doc));
            }
        }
    }
    for c in &m.coverage {
        if c.ids.is_empty() && c.not_used.is_none() {
            problems.push(format!("{}: {} {:?} names no ids and gives no not_used reason", c.loc, c.doc, c.section));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

fn cell(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

/// The coverage report, from content/coverage.toml.
fn coverage_report(m: &Model) -> String {
    let mut rows: Vec<_> = m.coverage.iter().enumerate().collect();
    // law-facts first, then the seeds in order; entries keep their order in the content.
    rows.sort_by_key(|(i, c)| (c.doc != "law-facts", c.doc.clone(), *i));
    let mut out = String::from(
        "# Coverage of the source documents\n\n\
         Generated from `content/coverage.toml` by `CAMAU_BLESS=1 cargo test --test content`: do not edit by hand.\n\n\
         Each section of `../shared/law-facts.md` and of the seed documents in `../shared/seeds/`, with the content ids \
         (questions, findings, letters, deadlines) that carry it, or the reason it is not used. \
         `cargo test` fails when a section has neither, or when this file is out of date.\n\n\
         | Document | Section | Carried by |\n| --- | --- | --- |\n",
    );
    for (_, c) in rows {
        let by = if c.ids.is_empty() {
            format!("Not used: {}", cell(c.not_used.as_deref().unwrap_or("")))
        } else {
            let ids = c.ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ");
            match &c.not_used {
                Some(r) => format!("{ids} (partly not used: {})", cell(r)),
                None => ids,
            }
        };
        out.push_str(&format!("| {} | {} | {} |\n", cell(&c.doc), cell(&c.section), by));
    }
    out
}

#[test]
fn the_coverage_report_is_current() {
    let path = Path::new(ROOT).join("content/COVERAGE.md");
    let want = coverage_report(model());
    if std::env::var("CAMAU_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &want).expect("write content/COVERAGE.md");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "content/COVERAGE.md is out of date with content/coverage.toml: run CAMAU_BLESS=1 cargo test --test content");
}

// ---------------------------------------------------------------- scenarios

fn graph_is_the_content() {
    let m = model();
    let same = GRAPH.questions.len() == m.questions.len() && GRAPH.questions.iter().zip(&m.questions).all(|(a, b)| a.id == b.id) && GRAPH.findings.len() == m.findings.len();
    assert!(
        same,
        "camau::content::GRAPH was not built from content/ (was CAMAU_CONTENT set for this build?): \
         run the content tests without CAMAU_CONTENT"
    );
}

const KNOWN_KEYS: [&str; 16] = [
    "name",
    "today",
    "answers",
    "details",
    "expect_findings",
    "forbid_findings",
    "expect_citations",
    "expect_letters",
    "expect_overdue",
    "expect_upcoming",
    "expect_plan",
    "forbid_letters",
    "expect_text",
    "forbid_text",
    "note",
    "notes",
];

fn strings(v: Option<&toml::Value>, what: &str, errs: &mut Vec<String>) -> Vec<String> {
    match v {
        None => vec![],
        Some(toml::Value::String(s)) => vec![s.clone()],
        Some(toml::Value::Array(a)) => a
            .iter()
            .filter_map(|x| match x.as_str() {
                Some(s) => Some(s.to_string()),
                None => {
                    errs.push(format!("{what}: {x:?} is not a string"));
                    None
                }
            })
            .collect(),
        Some(other) => {
            errs.push(format!("{what}: {other:?} is not a list of ids"));
            vec![]
        }
    }
}

/// The answer a scenario gives to a question, as the engine stores it.
fn parse_answer(q: &Question, v: &toml::Value) -> Result<Answer, String> {
    let opt = |id: &str| q.options.iter().position(|o| o.id == id).ok_or_else(|| format!("question '{}' has no option '{id}'", q.id));
    match q.kind {
        Kind::One => match v.as_str() {
            Some(s) => Ok(Answer::One(opt(s)? as u8)),
            None => Err(format!("'{}' is a one-choice question: give one option id", q.id)),
        },
        Kind::Many => {
            let ids: Vec<&str> = match v {
                toml::Value::String(s) => vec![s.as_str()],
                toml::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
                _ => return Err(format!("'{}' is a many-choice question: give a list of option ids", q.id)),
            };
            let mut bits = 0u64;
            for id in ids {
                bits |= 1 << opt(id)?;
            }
            Ok(Answer::Many(bits))
        }
        Kind::Date => match v.as_str() {
            Some("unsure") => Ok(Answer::Unsure),
            Some(s) => Date::parse_iso(s).map(Answer::Date).ok_or_else(|| format!("'{}': {s:?} is not a YYYY-MM-DD date or \"unsure\"", q.id)),
            None => Err(format!("'{}' is a date question: give \"YYYY-MM-DD\" or \"unsure\"", q.id)),
        },
    }
    .and_then(|a| if fits(q, &a) { Ok(a) } else { Err(format!("that answer does not fit question '{}' ({a:?})", q.id)) })
}

/// Runs one scenario; returns its problems.
fn run_scenario(g: &Graph, s: &toml::Table, seen_names: &mut BTreeSet<String>) -> Vec<String> {
    let mut errs = vec![];
    let name = s.get("name").and_then(|v| v.as_str()).unwrap_or("(no name)").to_string();
    if !seen_names.insert(name.clone()) {
        errs.push("a second scenario has this name".to_string());
    }
    for k in s.keys() {
        if !KNOWN_KEYS.contains(&k.as_str()) {
            errs.push(format!("unknown key '{k}' (known: {})", KNOWN_KEYS.join(", ")));
        }
    }
    let today = match s.get("today").and_then(|v| v.as_str()).map(Date::parse_iso) {
        Some(Some(d)) => d,
        _ => {
            errs.push("today = \"YYYY-MM-DD\" is missing or not a date".into());
            return errs.into_iter().map(|e| format!("scenario '{name}': {e}")).collect();
        }
    };
    let empty = toml::Table::new();
    let given = s.get("answers").and_then(|v| v.as_table()).unwrap_or(&empty);
    for qid in given.keys() {
        if g.question_by_id(qid).is_none() {
            errs.push(format!("answers: '{qid}' is not a question"));
        }
    }

    // Walk from the start, answering each question the walk asks, in path order.
    let mut a = Answers::default();
    let mut used = BTreeSet::new();
    for _ in 0..=g.questions.len() {
        let w = walk(g, &a, today);
        let Some(q) = w.next else { break };
        let question = &g.questions[q as usize];
        let path: Vec<&str> = w.path.iter().map(|&p| g.questions[p as usize].id).collect();
        let Some(v) = given.get(question.id) else {
            errs.push(format!("the walk asks '{}' (after {}) but the scenario gives no answer to it", question.id, if path.is_empty() { "nothing".to_string() } else { path.join(" → ") }));
            break;
        };
        match parse_answer(question, v) {
            Ok(x) => {
                used.insert(question.id);
                answer(g, &mut a, &w, q, x, today);
            }
            Err(e) => {
                errs.push(e);
                break;
            }
        }
    }
    let w = walk(g, &a, today);
    if errs.is_empty() && !w.done() {
        errs.push("the walk did not reach the check page".into());
    }
    for qid in given.keys() {
        if g.question_by_id(qid).is_some() && !used.contains(qid.as_str()) {
            errs.push(format!("answers: '{qid}' is never asked on this path (the path is {})", w.path.iter().map(|&p| g.questions[p as usize].id).collect::<Vec<_>>().join(" → ")));
        }
    }

    let o = outcome(g, &a, today);
    let shown: Vec<&str> = o.findings.iter().map(|&f| g.findings[f as usize].id).collect();
    let cites: Vec<&str> = o.citations.iter().map(|&c| g.citations[c as usize].id).collect();
    let letters: Vec<&str> = o.letters.iter().map(|&l| g.letters[l as usize].id).collect();
    let plan: Vec<&str> = o.plan.iter().map(|s| g.findings[s.finding as usize].id).collect();
    let list = |k: &str, errs: &mut Vec<String>| strings(s.get(k), k, errs);
    let exists = |kind: &str, id: &str, ok: bool, errs: &mut Vec<String>| {
        if !ok {
            errs.push(format!("{kind} '{id}' does not exist in the content"));
        }
    };
    for f in list("expect_findings", &mut errs) {
        exists("finding", &f, g.finding_by_id(&f).is_some(), &mut errs);
        if !shown.contains(&f.as_str()) {
            errs.push(format!("expected finding '{f}' is not shown; shown: {shown:?}"));
        }
    }
    for f in list("forbid_findings", &mut errs) {
        exists("finding", &f, g.finding_by_id(&f).is_some(), &mut errs);
        if shown.contains(&f.as_str()) {
            errs.push(format!("finding '{f}' is shown but must not be"));
        }
    }
    // The plan starts with these steps, in this order ("Do this first", then "Then").
    for (i, f) in list("expect_plan", &mut errs).into_iter().enumerate() {
        exists("finding", &f, g.finding_by_id(&f).is_some(), &mut errs);
        if plan.get(i) != Some(&f.as_str()) {
            errs.push(format!("expected step {} of the plan to be '{f}'; the plan: {plan:?}", i + 1));
        }
    }
    for c in list("expect_citations", &mut errs) {
        exists("citation", &c, g.citation_by_id(&c).is_some(), &mut errs);
        if !cites.contains(&c.as_str()) {
            errs.push(format!("expected citation '{c}' is not cited; cited: {cites:?}"));
        }
    }
    for l in list("expect_letters", &mut errs) {
        exists("letter", &l, g.letter_by_id(&l).is_some(), &mut errs);
        if !letters.contains(&l.as_str()) {
            errs.push(format!("expected letter '{l}' is not offered; offered: {letters:?}"));
        }
    }
    for l in list("forbid_letters", &mut errs) {
        exists("letter", &l, g.letter_by_id(&l).is_some(), &mut errs);
        if letters.contains(&l.as_str()) {
            errs.push(format!("letter '{l}' is offered but must not be"));
        }
    }
    for (key, want_overdue) in [("expect_overdue", true), ("expect_upcoming", false)] {
        for d in list(key, &mut errs) {
            let Some(di) = g.deadline_by_id(&d) else {
                exists("deadline", &d, false, &mut errs);
                continue;
            };
            match o.deadlines.iter().find(|s| s.deadline == di) {
                None => errs.push(format!("{key}: deadline '{d}' is not shown")),
                Some(st) if st.overdue() != want_overdue => {
                    errs.push(format!("{key}: deadline '{d}' is due {} ({} days left)", st.due.iso(), st.days_left))
                }
                _ => {}
            }
        }
    }

    // What this parent would read has every placeholder filled.
    let d = s.get("details").and_then(|v| v.as_table());
    let text = |k: &str| d.and_then(|t| t.get(k)).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let details = Details {
        child: text("child"),
        parent: text("parent"),
        school: text("school"),
        la: g.authorities.iter().position(|a| a.id == text("la")).map(|i| i as u8),
        lhb: g.boards.iter().position(|b| b.id == text("lhb")).map(|i| i as u8),
        ..Details::default()
    };
    for (what, t) in common::shown_texts(g, &o, &a, &details, today) {
        if t.contains('{') || t.contains('}') {
            errs.push(format!("{what} has a placeholder left unfilled: {t}"));
        }
    }
    // What this family reads, word for word: the outcome page (as text) and every letter offered.
    let (want, unwanted) = (list("expect_text", &mut errs), list("forbid_text", &mut errs));
    if !want.is_empty() || !unwanted.is_empty() {
        let case = camau::render::Case::new(&a, &details, today, camau::content::en());
        let mut read = page_text(&camau::render::outcome_html(&case, false));
        for &l in &o.letters {
            read.push('\n');
            read.push_str(&case.letter_text(l));
        }
        for x in want.iter().filter(|x| !read.contains(x.as_str())) {
            errs.push(format!("expected text {x:?} is not on the page or in a letter"));
        }
        for x in unwanted.iter().filter(|x| read.contains(x.as_str())) {
            errs.push(format!("text {x:?} is on the page or in a letter but must not be"));
        }
    }
    errs.into_iter().map(|e| format!("scenario '{name}': {e}")).collect()
}

/// The words of a page as a reader sees them: tags dropped, the escapes `esc` writes undone.
fn page_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[test]
fn scenarios() {
    graph_is_the_content();
    let path = Path::new(ROOT).join("tests/scenarios.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file: toml::Table = text.parse().unwrap_or_else(|e| panic!("tests/scenarios.toml: {e}"));
    let list = file.get("scenario").and_then(|v| v.as_array()).expect("tests/scenarios.toml has no [[scenario]]");
    assert!(!list.is_empty());
    let mut names = BTreeSet::new();
    let mut problems = vec![];
    for (i, s) in list.iter().enumerate() {
        match s.as_table() {
            Some(t) => problems.extend(run_scenario(&GRAPH, t, &mut names)),
            None => problems.push(format!("scenario {} is not a table", i + 1)),
        }
    }
    println!("{} scenarios", list.len());
    assert!(problems.is_empty(), "{} problem(s) in tests/scenarios.toml:\n{}", problems.len(), problems.join("\n"));
}

// ---------------------------------------------------------------- what a parent reads

/// Every text a parent can read, with where it is.
fn parent_texts(m: &Model) -> Vec<(String, &str)> {
    let mut v: Vec<(String, &str)> = vec![];
    for f in &m.findings {
        for (k, t) in [("title", Some(&f.title)), ("says", Some(&f.says)), ("who", f.who.as_ref()), ("told", f.told.as_ref()), ("why", f.why.as_ref())] {
            if let Some(t) = t {
                v.push((format!("{}: finding '{}' {k}", f.loc, f.id), t));
            }
        }
    }
    for l in &m.letters {
        for (k, t) in [("title", Some(&l.title)), ("to", l.to.as_ref()), ("subject", l.subject.as_ref()), ("body", Some(&l.body))] {
            if let Some(t) = t {
                v.push((format!("{}: letter '{}' {k}", l.loc, l.id), t));
            }
        }
    }
    for q in &m.questions {
        v.push((format!("{}: question '{}' title", q.loc, q.id), &q.title));
        for t in [q.hint.as_ref(), q.unsure.as_ref()].into_iter().flatten() {
            v.push((format!("{}: question '{}'", q.loc, q.id), t));
        }
        for o in &q.options {
            v.push((format!("{}: option '{}.{}'", q.loc, q.id, o.id), &o.label));
            if let Some(h) = &o.hint {
                v.push((format!("{}: option '{}.{}' hint", q.loc, q.id, o.id), h));
            }
        }
    }
    for d in &m.deadlines {
        v.push((format!("{}: deadline '{}' label", d.loc, d.id), &d.label));
    }
    for c in &m.citations {
        v.push((format!("{}: citation '{}'", c.loc, c.id), &c.full));
        v.push((format!("{}: citation '{}'", c.loc, c.id), &c.short));
    }
    for t in &m.terms {
        v.push((format!("glossary term '{}'", t.id), &t.means));
    }
    v
}

/// A paragraph number standing alone: "21.6" but not "21.60" or "121.6".
fn has_number(text: &str, n: &str) -> bool {
    text.match_indices(n).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + n.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.') && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[test]
fn no_unconfirmed_code_paragraph_or_wrong_section_is_shown() {
    // law-facts, open question 1: Code paragraphs traced to an unreliable blog.
    let mut numbers: Vec<String> = ["20.2", "20.3", "20.19", "20.20", "21.6", "21.10", "25.21"].iter().map(|s| s.to_string()).collect();
    numbers.extend((55..=67).map(|n| format!("23.{n}")));
    // law-facts §5: health provision is ss.20–21, not ss.18–19.
    let phrases = ["s.18–19", "s.18-19", "ss.18–19", "ss.18-19", "sections 18–19", "sections 18-19", "sections 18 and 19"];
    // law-facts §8: say only that the Tribunal can make recommendations to the NHS body, not
    // that it must act on them or report back (no enacted duty or deadline is confirmed).
    let overstated = ["report back", "must consider and report", "must respond to the recommendation", "must follow the recommendation"];
    let mut problems = vec![];
    for (where_, t) in parent_texts(model()) {
        for n in &numbers {
            if has_number(t, n) {
                problems.push(format!("{where_} shows Code paragraph {n}, which law-facts could not confirm"));
            }
        }
        for p in phrases {
            if t.contains(p) {
                problems.push(format!("{where_} says {p:?}: health provision is ALNET Act ss.20–21"));
            }
        }
        for p in overstated {
            if t.to_lowercase().contains(p) {
                problems.push(format!("{where_} says {p:?}: law-facts §8 confirms only that the Tribunal can make recommendations to the NHS"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_number_check_finds_what_it_should() {
    assert!(has_number("Code 23.67 says", "23.67"));
    assert!(has_number("(Code 21.6)", "21.6"));
    assert!(!has_number("Code 21.60", "21.6"));
    assert!(!has_number("Code 121.6", "21.6"));
    assert!(!has_number("para 3.20.20", "20.20"));
    assert!(find_phrase("Basis: ALNET Act s.20.", "ALNET Act s.20"));
    assert!(!find_phrase("Basis: ALNET Act s.20.", "ALNET Act s.2"));
}

// ---------------------------------------------------------------- routing

#[test]
fn routes_read_only_questions_that_can_come_before_them() {
    // The compiler refuses a route that reads a question never asked before it
    // (DiagKind::RouteReadsLater), so the content compiling is the check.
    let _ = model();
    // The check itself: a route on the first question that reads a later one is caught.
    let mini = include_str!("fixtures/mini/mini.toml").replacen(
        "label = \"At home\"\nnext = \"check\"",
        "label = \"At home\"\n[[question.route]]\nwhen = \"known(s20_date)\"\nto = \"s20_date\"\n[[question.route]]\nto = \"check\"",
        1,
    );
    let d = camau::compiler::compile(&[("content/mini.toml".into(), mini)]).expect_err("a route reading a later question must not compile");
    let p: Vec<_> = d.iter().filter(|d| d.kind == camau::compiler::model::DiagKind::RouteReadsLater).collect();
    assert!(p.len() == 1 && p[0].message.contains("a route of 'setting' reads 's20_date'"), "{d:?}");
}

// ---------------------------------------------------------------- places

#[test]
fn every_welsh_council_maps_to_its_health_board() {
    let m = model();
    assert_eq!(m.authorities.len(), 22, "Wales has 22 local authorities");
    assert_eq!(m.boards.len(), 7, "and 7 Local Health Boards");
    for (i, b) in m.boards.iter().enumerate() {
        assert!(m.authorities.iter().any(|a| a.board == i), "no council is in {}", b.name);
    }
    let names: BTreeSet<&str> = m.authorities.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names.len(), 22, "council names are distinct");

    let Some(lf) = law_facts() else { return };
    let sec = lf.split("## 13.").nth(1).expect("law-facts has a §13").split("\n## ").next().unwrap();
    let mut expected: BTreeMap<String, String> = BTreeMap::new();
    for line in sec.lines() {
        let Some(rest) = line.trim_start().strip_prefix("- ") else { continue };
        let Some((board, las)) = rest.split_once(": ") else { continue };
        if !board.contains("Health Board") {
            continue;
        }
        let las = las.split(" (").next().unwrap().trim_end_matches('.');
        for la in las.split(", ") {
            expected.insert(la.trim().to_string(), board.trim().to_string());
        }
    }
    assert_eq!(expected.len(), 22, "law-facts §13 was not read as expected: {expected:?}");
    let mut problems = vec![];
    for (la, board) in &expected {
        let found: Vec<_> = m.authorities.iter().filter(|a| a.name.to_lowercase().contains(&la.to_lowercase())).collect();
        match found.as_slice() {
            [a] => {
                let b = &m.boards[a.board].name;
                if b != board {
                    problems.push(format!("{} is in {board} (law-facts §13), not {b}", a.name));
                }
            }
            [] => problems.push(format!("no council's name contains {la:?}")),
            more => problems.push(format!("{la:?} matches {} councils", more.len())),
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    // And the compiled graph says the same.
    if GRAPH.authorities.len() == m.authorities.len() {
        for (a, ma) in GRAPH.authorities.iter().zip(&m.authorities) {
            assert_eq!(GRAPH.boards[a.board as usize].id, m.boards[ma.board].id);
        }
    }
}

// ---------------------------------------------------------------- contacts

#[test]
fn every_council_and_health_board_has_a_contact_with_a_website() {
    use camau::compiler::model::ContactKind;
    let m = model();
    let mut problems = vec![];
    let mut without = vec![];
    for (i, a) in m.authorities.iter().enumerate() {
        match m.contacts.iter().find(|c| c.kind == ContactKind::Council && c.place == i) {
            Some(c) if c.website.is_some() => {}
            Some(c) => without.push(format!("council {}: {}", c.id, c.missing.as_deref().unwrap_or("no reason"))),
            None => problems.push(format!("council {} has no contact", a.id)),
        }
    }
    for (i, b) in m.boards.iter().enumerate() {
        match m.contacts.iter().find(|c| c.kind == ContactKind::HealthBoard && c.place == i) {
            Some(c) if c.website.is_some() => {}
            Some(c) => without.push(format!("health board {}: {}", c.id, c.missing.as_deref().unwrap_or("no reason"))),
            None => problems.push(format!("health board {} has no contact", b.id)),
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    // A website is left out only where no public source showed one, and the file says why.
    // This list is exact: a new gap must be looked for, not waved through.
    let ids: Vec<&str> = without.iter().map(|w| w.split(':').next().unwrap()).collect();
    assert_eq!(ids, ["health board powys"], "contacts without a website:\n{}", without.join("\n"));
}

#[test]
fn every_contact_says_where_it_was_seen_and_when() {
    let m = model();
    for c in &m.contacts {
        assert!(!c.source.is_empty() && c.source.iter().all(|s| !s.trim().is_empty()), "contact {} has no source", c.id);
        assert!(camau::compiler::valid_date(&c.checked), "contact {}: checked {:?}", c.id, c.checked);
        // A source is the public page where the address was seen, or law-facts itself.
        for s in &c.source {
            assert!(s.starts_with("https://") || s.starts_with("http://") || s.starts_with("law-facts §"), "contact {}: source {s:?}", c.id);
        }
    }
}

#[test]
fn the_national_contacts_are_law_facts_section_14_exactly() {
    use camau::compiler::model::ContactKind;
    let m = model();
    let national: Vec<_> = m.contacts.iter().filter(|c| c.kind == ContactKind::National).collect();
    let names: Vec<&str> = national.iter().map(|c| c.name.as_deref().unwrap_or("")).collect();
    assert_eq!(names, ["SNAP Cymru", "Education Tribunal for Wales", "Public Services Ombudsman for Wales", "Llais"]);
    let Some(lf) = law_facts() else { return };
    let sec = lf.split("## 14.").nth(1).expect("law-facts has a §14").split("\n## ").next().unwrap();
    for c in &national {
        assert!(c.source.iter().any(|s| s == "law-facts §14"), "{} does not cite law-facts §14", c.id);
        // Each address, phone and email is one §14 lists (a website without its https://www.).
        for url in [&c.website, &c.page].into_iter().flatten() {
            let bare = url.trim_start_matches("https://").trim_start_matches("www.").trim_end_matches('/');
            assert!(sec.contains(bare), "{}: {url} is not in law-facts §14", c.id);
        }
        for v in [&c.phone, &c.email].into_iter().flatten() {
            assert!(sec.contains(v.as_str()), "{}: {v} is not in law-facts §14", c.id);
        }
        // Every other source is one §14 gives for it.
        for s in c.source.iter().filter(|s| s.starts_with("http")) {
            assert!(sec.contains(s.as_str()), "{}: source {s} is not one law-facts §14 gives", c.id);
        }
    }
    // SNAP Cymru's helpline is from a secondary source only: not shown.
    let snap = national.iter().find(|c| c.id == "snap_cymru").unwrap();
    assert!(snap.phone.is_none());
}

#[test]
fn the_compiled_contacts_are_found_by_council_and_board_index() {
    let (na, nb) = (GRAPH.authorities.len(), GRAPH.boards.len());
    assert!(GRAPH.contacts.len() >= na + nb);
    for (i, a) in GRAPH.authorities.iter().enumerate() {
        let c = &GRAPH.contacts[i];
        assert_eq!((c.kind, c.id, c.place as usize), (ContactKind::Council, a.id, i));
        assert_eq!(c.name, a.name, "a council's contact is named by its place");
    }
    for (i, b) in GRAPH.boards.iter().enumerate() {
        let c = &GRAPH.contacts[na + i];
        assert_eq!((c.kind, c.id, c.place as usize), (ContactKind::HealthBoard, b.id, i));
        assert_eq!(c.name, b.name);
    }
    let late = camau::content::en();
    for c in &GRAPH.contacts[na + nb..] {
        assert_eq!(c.kind, ContactKind::National);
        assert!(!GRAPH.text(c.name, late).is_empty() && c.about.is_some(), "{}", c.id);
    }
    // The outcome page's words: none of them (but a place's own name) is in the first load.
    let early = |t: Txt| t.key() & late::BIT == 0;
    for c in GRAPH.contacts {
        for t in [c.website, c.page, c.page_label, c.phone, c.email, c.about].into_iter().flatten() {
            assert!(!early(t), "contact {}: a word in the wasm", c.id);
            assert!(!GRAPH.text(t, late).is_empty());
        }
        if let Some(w) = c.website {
            assert!(GRAPH.text(w, late).starts_with("https://"), "{}", c.id);
        }
    }
}
