//! Every way through the shipped graph.
//!
//! The full product of every answer to every question is far too large to walk
//! (over a hundred million answer sets), so the walk is exhaustive where that is exact:
//! every distinct *route* (routing reads only some answers, so two answer sets that agree
//! on those follow the same questions from there on), and every candidate answer of
//! every question in every routing situation, each on a completed path. A fixed
//! pseudo-random sample of whole answer sets adds combinations, including pairs of
//! options. Then, for each finding no path showed, a targeted search over the questions
//! its condition reads decides whether any parent can ever see it.
//!
//! Candidate answers: each option of a one-choice question; each single option (the
//! exclusive ones too) and all ordinary options together for a many-choice question
//! (and every pair, in the sample and the targeted searches); for a date question
//! "I do not know" (when allowed) and dates that make its deadlines all overdue, some
//! overdue, or all upcoming, relative to a fixed today (a future date too where the
//! question allows one, and in targeted searches the days either side of each deadline).
//!
//! On every complete path: the walk ends, every question on it is answered and nothing
//! else is, the outcome has at least one finding, each finding shown has a citation or
//! is good practice, every citation, letter, term and deadline shown exists, and every
//! text shown (findings, letters, deadline labels) fills all its placeholders, with the
//! parent's details and without them. Some paths also check that the same answers,
//! given in another order, give the same outcome.

mod common;

use camau::content::GRAPH;
use camau::render::Case;
use camau::engine::date::{parse_parts, Date};
use camau::engine::graph::*;
use camau::engine::*;
use common::*;
use std::collections::{BTreeSet, HashSet};

const TODAY: Date = Date { y: 2026, m: 6, d: 15 };

fn details() -> Details {
    Details { child: "Sam".into(), parent: "Alex Jones".into(), school: "Ysgol Y Wern".into(), la: Some(0), lhb: None, ..Details::default() }
}

/// Dates for a date question: long ago (every deadline overdue), 50 days ago (6 weeks
/// and 35 school days overdue, 8 and 12 weeks not), yesterday (everything upcoming),
/// and, when the question allows it, a date ahead.
fn main_dates(q: &Question) -> Vec<Date> {
    // A date of birth: a child of 10, a young person of 17, and one of 20.
    if GRAPH.dob_question().is_some_and(|d| std::ptr::eq(&GRAPH.questions[d as usize], q)) {
        return [10, 17, 20].map(|years| Date { y: TODAY.y - years, ..TODAY }).to_vec();
    }
    let mut v = vec![TODAY.add_days(-800), TODAY.add_days(-50), TODAY.add_days(-1)];
    if q.future {
        v.push(TODAY.add_days(60));
    }
    v
}

/// For a targeted search: also the dates that put each of its deadlines exactly one day
/// overdue and exactly due today.
fn edge_dates(g: &Graph, qi: u16) -> Vec<Date> {
    let mut v = main_dates(&g.questions[qi as usize]);
    for dl in g.deadlines.iter().filter(|d| d.from == qi) {
        for target in [TODAY.add_days(-1), TODAY] {
            if let Some(x) = (0..1200).map(|k| TODAY.add_days(-k)).find(|x| x.add(dl.amount, dl.unit) <= target) {
                if !v.contains(&x) {
                    v.push(x);
                }
            }
        }
    }
    v
}

/// Which candidate answers to try.
#[derive(Clone, Copy, PartialEq)]
enum Set {
    /// Each option alone, all ordinary options together; the main dates.
    Main,
    /// Also every pair of ordinary options.
    Pairs,
    /// Pairs, and dates at the edges of each deadline (for targeted searches).
    Edge,
}

/// The candidate answers of a question of the shipped graph (computed once).
fn cands(g: &Graph, qi: u16, set: Set) -> &'static [Answer] {
    use std::sync::OnceLock;
    static T: OnceLock<[Vec<Vec<Answer>>; 3]> = OnceLock::new();
    assert!(std::ptr::eq(g, &GRAPH));
    let all = |set: Set| (0..g.questions.len() as u16).map(|q| make_cands(g, q, set)).collect::<Vec<_>>();
    let t = T.get_or_init(|| [all(Set::Main), all(Set::Pairs), all(Set::Edge)]);
    &t[set as usize][qi as usize]
}

/// The candidates as the route so far takes them (`w`: its walk): options it does not offer
/// left out, each answer once. A parent cannot tick what the page does not show.
fn route_cands(g: &Graph, w: &Walk, qi: u16, set: Set) -> Vec<Answer> {
    let ev = Eval { g, answers: &w.counted, today: TODAY };
    let q = &g.questions[qi as usize];
    let mut v: Vec<Answer> = vec![];
    for x in cands(g, qi, set) {
        if let Some(c) = ev.counted(q, x).filter(|c| fits(q, c)) {
            if !v.contains(&c) {
                v.push(c);
            }
        }
    }
    assert!(!v.is_empty(), "{}: no answer can be given on this route", q.id);
    v
}

fn make_cands(g: &Graph, qi: u16, set: Set) -> Vec<Answer> {
    let q = &g.questions[qi as usize];
    let dates = if set == Set::Edge { edge_dates(g, qi) } else { main_dates(q) };
    for d in &dates {
        // Every date we try is one the date form accepts for this question.
        let r = parse_parts(&d.d.to_string(), &d.m.to_string(), &d.y.to_string(), TODAY, q.future);
        assert_eq!(r, Ok(*d), "{} would refuse {}", q.id, d.iso());
    }
    candidates(q, &dates, set != Set::Main)
}

fn refs(g: &Graph, c: &Cond, out: &mut BTreeSet<u16>) {
    let tree = CondTree::read(g.conds, &mut (c.0 as usize)).expect("every condition's code reads back");
    tree_refs(g, &tree, out);
}

fn tree_refs(g: &Graph, c: &CondTree, out: &mut BTreeSet<u16>) {
    match c {
        CondTree::Always => {}
        CondTree::Eq(q, _) | CondTree::Ne(q, _) | CondTree::In(q, _) | CondTree::Has(q, _) | CondTree::Answered(q) | CondTree::Known(q) => {
            out.insert(*q as u16);
        }
        CondTree::Overdue(d) | CondTree::Upcoming(d) => {
            out.insert(g.deadlines[*d as usize].from);
        }
        CondTree::Not(c) => tree_refs(g, c, out),
        CondTree::And(cs) | CondTree::Or(cs) => cs.iter().for_each(|c| tree_refs(g, c, out)),
    }
}

/// Questions whose answers some route reads.
fn routing_questions(g: &Graph) -> BTreeSet<u16> {
    let mut r = BTreeSet::new();
    for q in g.questions {
        for route in q.routes {
            refs(g, &route.when, &mut r);
        }
    }
    r
}

/// A hashable form of an answer.
type K = (u8, u64, i64);
fn k(a: &Answer) -> K {
    match a {
        Answer::One(i) => (0, *i as u64, 0),
        Answer::Many(b) => (1, *b, 0),
        Answer::Date(d) => (2, 0, d.days()),
        Answer::Unsure => (3, 0, 0),
    }
}

#[derive(Default)]
struct Stats {
    paths: usize,
    routes: usize,
    shown: Vec<bool>,
    chosen: HashSet<(u16, K)>,
    asked: BTreeSet<u16>,
    filled: HashSet<(u16, Vec<K>)>,
    /// Answers changed and changed back.
    changes: usize,
    /// Outcome pages rendered (one per distinct set of findings and plan), and the most words
    /// any showed before the parent opens anything.
    pages: HashSet<Vec<u16>>,
    most_words: usize,
    /// Words that speak about "your child" to a young person using Camau about themselves.
    voice_misses: BTreeSet<String>,
    voice_questions: BTreeSet<u16>,
    /// Welsh pages and letters with English in them (outside `lang="en"`), or a placeholder
    /// left unfilled; and the questions whose Welsh was checked.
    welsh_misses: BTreeSet<String>,
    welsh_questions: BTreeSet<u16>,
    /// Each contradiction found (two claims), with the first route that showed it.
    contradictions: std::collections::BTreeMap<String, String>,
}

/// English words that no Welsh sentence uses (tokens of letters; "is", "to", "a" and "can"
/// are Welsh words too, so they are not here).
const ENGLISH: &[&str] = &[
    "the", "and", "your", "you", "with", "for", "this", "that", "what", "which", "must", "should", "school", "child", "please", "dear",
    "have", "has", "are", "not", "will", "from", "they", "their", "about", "when", "there", "been", "would", "could",
];

/// English found in a Welsh text (plain, or HTML: its text, outside elements marked
/// `lang="en"`): the first English word and the words around it.
fn english_in(text: &str) -> Option<String> {
    // English names of documents a Welsh text quotes (they have no Welsh title).
    const QUOTED: &[&str] = &["ALN: decision-making and communication"];
    let owned = QUOTED.iter().fold(text.to_string(), |t, q| t.replace(q, ""));
    let text = owned.as_str();
    let mut plain = String::with_capacity(text.len());
    let mut t = text;
    while let Some(i) = t.find('<') {
        plain.push_str(&t[..i]);
        let end = t[i..].find('>').map_or(t.len(), |j| i + j + 1);
        let tag = &t[i..end];
        t = &t[end..];
        if tag.contains(" lang=\"en\"") {
            // Marked English: skip to the element's end (these marks are on elements with no
            // other element inside).
            t = t.find("</").map_or("", |j| &t[j..]);
        }
        plain.push(' ');
    }
    plain.push_str(t);
    let words: Vec<&str> = plain.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’').filter(|w| !w.is_empty()).collect();
    let i = words.iter().position(|w| ENGLISH.contains(&w.to_lowercase().as_str()))?;
    Some(words[i.saturating_sub(4)..(i + 5).min(words.len())].join(" "))
}

/// Where a text meant for the young person speaks of them as someone else's child.
fn not_to_you(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    ["your child", "my child", "your son", "your daughter"].into_iter().find(|p| lower.contains(p))
}

/// Facts the content asserts (`claims`): by finding, and by question and option, from the
/// compiled model (they are not shipped).
struct Claims {
    finding: Vec<Vec<(String, String)>>,
    option: Vec<Vec<Vec<(String, String)>>>,
}

fn claims(g: &Graph) -> &'static Claims {
    static C: std::sync::OnceLock<Claims> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let files = camau::compiler::read_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))).unwrap();
        let m = camau::compiler::compile(&files).unwrap_or_else(|_| panic!("content compiles"));
        let finding = g.findings.iter().map(|f| m.findings.iter().find(|x| x.id == f.id).unwrap().claims.clone()).collect();
        let option = g
            .questions
            .iter()
            .map(|q| {
                let mq = m.questions.iter().find(|x| x.id == q.id).unwrap();
                q.options.iter().map(|o| mq.options.iter().find(|x| x.id == o.id).unwrap().claims.clone()).collect()
            })
            .collect();
        Claims { finding, option }
    })
}

/// Two things that cannot both be true for one family: two findings shown together, or a
/// finding and the parent's own answer, giving one topic (who keeps the IDP, whether the school
/// has decided) two values.
fn contradictions(g: &Graph, counted: &Answers, shown: &[u16]) -> Vec<String> {
    let c = claims(g);
    // (topic, value, who says it, whether a finding says it)
    let mut facts: Vec<(&str, &str, String, bool)> = vec![];
    for (q, a) in counted.0.iter().enumerate().filter_map(|(q, a)| Some((q, a.as_ref()?))) {
        let qd = &g.questions[q];
        let picked: Vec<usize> = match a {
            Answer::One(o) => vec![*o as usize],
            Answer::Many(bits) => (0..qd.options.len()).filter(|i| bits & (1 << i) != 0).collect(),
            _ => vec![],
        };
        for o in picked {
            for (t, v) in &c.option[q][o] {
                facts.push((t, v, format!("the answer {}={}", qd.id, qd.options[o].id), false));
            }
        }
    }
    for &f in shown {
        for (t, v) in &c.finding[f as usize] {
            facts.push((t, v, format!("finding {}", g.findings[f as usize].id), true));
        }
    }
    // Two answers may disagree (that is the parent's to settle); what Camau shows may not
    // disagree with an answer or with itself.
    let mut out = vec![];
    for (i, a) in facts.iter().enumerate() {
        for b in &facts[i + 1..] {
            if a.0 == b.0 && a.1 != b.1 && (a.3 || b.3) {
                out.push(format!("{} says {} = {}, but {} says {} = {}", a.2, a.0, a.1, b.2, b.0, b.1));
            }
        }
    }
    out
}

/// Everything that must hold on one complete path.
fn check(g: &Graph, a: &Answers, st: &mut Stats, thorough: bool) {
    let w = walk(g, a, TODAY);
    let say = || {
        w.path
            .iter()
            .map(|&q| format!("{}={:?}", g.questions[q as usize].id, a.get(q)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    assert!(w.done(), "the walk did not end: {}", say());
    for &q in &w.path {
        let x = a.get(q).unwrap_or_else(|| panic!("{} on the path is unanswered: {}", g.questions[q as usize].id, say()));
        assert!(fits(&g.questions[q as usize], x));
        st.asked.insert(q);
        st.chosen.insert((q, k(x)));
    }
    assert_eq!(a.count(), w.path.len(), "only questions on the path are answered: {}", say());
    let o = outcome(g, a, TODAY);
    assert!(!o.findings.is_empty(), "no finding at all for: {}", say());
    for &f in &o.findings {
        let x = &g.findings[f as usize];
        assert!(x.practice || !x.basis.is_empty(), "finding {} is shown with no citation and is not practice", x.id);
        assert!(x.basis.iter().all(|&c| (c as usize) < g.citations.len()));
        st.shown[f as usize] = true;
    }
    for c in contradictions(g, &w.counted, &o.findings) {
        st.contradictions.entry(c).or_insert_with(say);
    }
    assert!(o.citations.iter().all(|&c| (c as usize) < g.citations.len()), "a citation that does not exist");
    assert!(o.letters.iter().all(|&l| (l as usize) < g.letters.len()));
    // No letter whose premise the answers contradict ("ask whether a referral has been made"
    // when the parent said it was made).
    for &l in &o.letters {
        let y = &g.letters[l as usize];
        assert!(Eval { g, answers: &w.counted, today: TODAY }.holds(&y.needs), "letter {} is offered, but its premise fails: {}", y.id, say());
    }
    assert!(o.terms.iter().all(|&t| (t as usize) < g.terms.len()));
    // A plan on every route: its first step is "Do this first"; every step is a shown step,
    // listed once, and every letter it offers is offered on the page.
    assert!(!o.plan.is_empty(), "a route with no step to take");
    for (i, s) in o.plan.iter().enumerate() {
        let x = &g.findings[s.finding as usize];
        assert!(o.findings.contains(&s.finding) && x.section == Section::Steps && x.step.is_some(), "step {} is not a shown next step", x.id);
        assert!(!o.plan[..i].iter().any(|p| p.finding == s.finding), "step {} is in the plan twice", x.id);
        // Every letter of the step is offered unless its premise fails (then it is not).
        for &l in x.letters {
            let needs = &g.letters[l as usize].needs;
            assert_eq!(o.letters.contains(&l), Eval { g, answers: &w.counted, today: TODAY }.holds(needs), "letter {} of step {}: offered exactly when its premise holds", g.letters[l as usize].id, x.id);
        }
    }
    for s in &o.deadlines {
        assert!((s.deadline as usize) < g.deadlines.len());
        assert_eq!(s.days_left, s.due.days() - TODAY.days());
    }
    // What `fill` gives depends only on the text, the details, today and the date
    // answers: a text already filled and checked with these dates is not filled again.
    let dates: Vec<K> = w.path.iter().filter(|&&q| g.questions[q as usize].kind == Kind::Date).map(|&q| k(a.get(q).unwrap())).collect();
    let words = words();
    let cy = camau::content::text(Lang::Cy);
    // The young person using Camau about themselves reads every text in their own voice.
    let voice = voice(g, &w.counted, TODAY);
    let you = voice == Voice::You;
    for (what, t) in shown_templates(g, &o) {
        let t = g.voiced(t, voice);
        // In a letter the young person writes, they are "I", not their own name.
        if you && what.starts_with("letter") && g.text(t, camau::content::en()).contains("{child}") {
            st.voice_misses.insert(format!("{what}: names the young person as {{child}}"));
        }
        if st.filled.insert((t.key(), dates.clone())) {
            for d in [details(), Details::default()] {
                let text = fill(g, g.text(t, camau::content::en()), a, &d, TODAY, &words);
                assert!(!text.contains('{') && !text.contains('}'), "{what} has a placeholder left unfilled:\n{text}\nfor: {}", say());
                if you {
                    st.voice_misses.extend(not_to_you(&text).map(|p| format!("{what}: \"{p}\"")));
                }
                // The same text in Welsh, filled as a Welsh letter is (Welsh months and blanks).
                let text = Case::new(a, &d, TODAY, cy).letter(t);
                if text.contains('{') || text.contains('}') || text.trim().is_empty() != g.text(t, camau::content::en()).trim().is_empty() {
                    st.welsh_misses.insert(format!("{what} (Welsh): a placeholder left unfilled, or no text: {text}"));
                }
                st.welsh_misses.extend(english_in(&text).map(|p| format!("{what} (Welsh): \"{p}\"")));
            }
        }
    }
    // Each question on the route, in Welsh, in this voice.
    for &q in &w.path {
        if st.welsh_questions.insert(q * 4 + voice as u16) {
            let x = &g.questions[q as usize];
            let texts = [Some(x.title), x.hint, x.unsure].into_iter().flatten().chain(x.options.iter().flat_map(|o| [Some(o.label), o.hint].into_iter().flatten()));
            for t in texts {
                let text = g.text(g.voiced(t, voice), cy);
                if text.trim().is_empty() || text.contains('{') {
                    st.welsh_misses.insert(format!("question {} (Welsh): empty or a placeholder: {text:?}", x.id));
                }
                st.welsh_misses.extend(english_in(text).map(|p| format!("question {} (Welsh): \"{p}\"", x.id)));
            }
        }
    }
    if you {
        for &q in &w.path {
            if st.voice_questions.insert(q) {
                let x = &g.questions[q as usize];
                let hidden = Eval { g, answers: &w.counted, today: TODAY }.hidden(x);
                let offered = x.options.iter().enumerate().filter(|(i, _)| hidden & (1 << i) == 0).map(|(_, o)| o);
                let texts = [Some(x.title), x.hint, x.unsure].into_iter().flatten().chain(offered.flat_map(|o| [Some(o.label), o.hint].into_iter().flatten()));
                for t in texts {
                    let text = g.text(g.voiced(t, Voice::You), camau::content::en());
                    st.voice_misses.extend(not_to_you(text).map(|p| format!("question {}: \"{p}\"", x.id)));
                }
            }
        }
    }
    // Change one answer on this route (chosen by a fixed rule, so every route gets one and
    // the run is the same each time) and change it back: the same answers, route and
    // outcome, and no stored answer deleted on the way.
    {
        let i = (st.paths.wrapping_mul(0x9e37_79b9) >> 7) % w.path.len();
        let q = w.path[i];
        let was = a.get(q).unwrap().clone();
        let cs = route_cands(g, &w, q, Set::Main);
        if let Some(other) = cs.iter().cycle().skip(st.paths % cs.len()).take(cs.len()).find(|x| **x != was) {
            let mut b = a.clone();
            let changed = answer(g, &mut b, &w, q, other.clone(), TODAY);
            assert!((0..g.questions.len() as u16).filter(|&x| x != q).all(|x| b.get(x) == a.get(x)), "a change deleted an answer: {}", say());
            answer(g, &mut b, &changed.walk, q, was, TODAY);
            assert_eq!(&b, a, "change and change back: not the same answers: {}", say());
            assert_eq!(walk(g, &b, TODAY), w, "change and change back: not the same route: {}", say());
            assert_eq!(outcome(g, &b, TODAY), o, "change and change back: not the same outcome: {}", say());
            st.changes += 1;
        }
    }
    // The page opens with its plan, and at most 500 words show before anything is opened.
    // What shows before anything is opened: the plan's first 5 steps (a date adds at most 3
    // words to a step, far inside the limit), which closed parts there are, and whether there
    // are dates.
    let mut key: Vec<u16> = o.plan.iter().take(5).map(|p| p.finding).collect();
    key.push(u16::MAX);
    key.extend(Section::ALL.iter().map(|&s| !o.in_section(g, s).is_empty() as u16));
    key.extend([o.deadlines.is_empty() as u16, o.terms.is_empty() as u16, o.plan.len().min(6) as u16, voice as u16]);
    if st.pages.insert(key) {
        let details = details();
        let case = camau::render::Case::new(a, &details, TODAY, camau::content::en());
        let html = camau::render::outcome_html(&case, true);
        // Painted with its boxes empty, then filled: the same page in the end.
        let (first, _, whole) = drawn_in_parts(&case, true);
        assert_eq!(whole, html, "the page filled after its first paint is not the whole page: {}", say());
        // Only the plan's own words: no letter and no "Why?" box until the boxes are filled.
        assert!(!first.contains("<textarea") && !first.contains("class=\"why\""), "the first paint writes a box's body: {}", say());
        if you {
            st.voice_misses.extend(not_to_you(&html).map(|p| format!("the outcome page: \"{p}\"")));
        }
        // The same page in Welsh, letters and all: no English outside `lang="en"`, nothing unfilled.
        let html_cy = camau::render::outcome_html(&Case::new(a, &details, TODAY, cy), true);
        if html_cy.contains('{') || html_cy.contains('}') {
            st.welsh_misses.insert(format!("the Welsh outcome page has a placeholder left unfilled: {}", say()));
        }
        st.welsh_misses.extend(english_in(&html_cy).map(|p| format!("the Welsh outcome page: \"{p}\"")));
        let words = visible_words(&html);
        assert!(words <= 500, "{words} words show before anything is opened (at most 500): {}", say());
        st.most_words = st.most_words.max(words);
        let first = html.find("<section class=\"plan-first\"").expect("no \"Do this first\"");
        assert!(!html[..first].contains("<section"), "something comes before the plan: {}", say());
    }
    if thorough {
        // Same answers, given in another order: same outcome.
        let mut b = Answers::default();
        for &q in w.path.iter().rev() {
            b.set(q, a.get(q).unwrap().clone());
        }
        assert_eq!(outcome(g, &b, TODAY), o, "the outcome depends on more than the answers: {}", say());
    }
    st.paths += 1;
}

/// Finishes a path from `a`, choosing candidates in turn by `pick`, and checks it.
fn complete(g: &Graph, a: &mut Answers, st: &mut Stats, set: Set, pick: &mut dyn FnMut(usize) -> usize) {
    let mut b = a.clone();
    loop {
        let w = walk(g, &b, TODAY);
        let Some(q) = w.next else { break };
        let c = route_cands(g, &w, q, set);
        let x = c[pick(c.len())].clone();
        b.set(q, x);
    }
    let thorough = st.paths.is_multiple_of(7);
    check(g, &b, st, thorough);
}

/// A depth-first search over routing situations.
struct Search<'a> {
    /// The questions whose answers are part of a situation.
    key_qs: &'a BTreeSet<u16>,
    /// Questions tried with the edge dates and pairs.
    edge_qs: &'a BTreeSet<u16>,
    seen: HashSet<(Option<u16>, Vec<Option<K>>)>,
    turn: usize,
    stop: &'a dyn Fn(&Stats) -> bool,
}

/// Depth-first over routing situations: a situation is the next question plus the
/// answers routing can read. Each new situation is explored fully; every candidate
/// answer that leads to a situation already seen is still checked on one completed path.
fn explore(g: &Graph, a: &mut Answers, s: &mut Search, st: &mut Stats) {
    if (s.stop)(st) {
        return;
    }
    let w = walk(g, a, TODAY);
    let Some(q) = w.next else {
        st.routes += 1;
        check(g, a, st, st.routes.is_multiple_of(5));
        return;
    };
    let set = if s.edge_qs.contains(&q) { Set::Edge } else { Set::Main };
    for x in &route_cands(g, &w, q, set) {
        a.set(q, x.clone());
        // As the answers count: a date of birth answers the age question.
        let after = walk(g, a, TODAY);
        let key = (after.next, s.key_qs.iter().map(|&q| after.counted.get(q).map(k)).collect::<Vec<_>>());
        if s.seen.insert(key) {
            explore(g, a, s, st);
        } else {
            let turn = &mut s.turn;
            complete(g, a, st, Set::Main, &mut |n| {
                *turn += 1;
                *turn % n
            });
        }
        a.clear(q);
        if (s.stop)(st) {
            return;
        }
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn every_route_and_every_answer_reaches_a_complete_outcome() {
    let g = &GRAPH;
    let started = std::time::Instant::now();
    let mut st = Stats { shown: vec![false; g.findings.len()], ..Default::default() };
    // Who is using Camau changes the words, not the route: every route is walked for each.
    let mut key_qs = routing_questions(g);
    key_qs.insert(g.start);
    let none = BTreeSet::new();
    let mut search = Search { key_qs: &key_qs, edge_qs: &none, seen: HashSet::new(), turn: 0, stop: &|_| false };
    explore(g, &mut Answers::default(), &mut search, &mut st);
    let mut turn = search.turn;
    let routes = st.routes;
    let exhaustive = st.paths;
    // Every route had an answer changed and changed back (a route whose only answers have
    // no alternative, if any, is the exception).
    assert!(st.changes * 10 >= exhaustive * 9, "only {} of {} paths had an answer changed and changed back", st.changes, exhaustive);

    // Combinations: a fixed sample of whole answer sets.
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..6000 {
        complete(g, &mut Answers::default(), &mut st, Set::Pairs, &mut |n| (rng.next() % n as u64) as usize);
    }

    // Each pair of claims that conflict (two findings, or a finding and an option): search every
    // combination of the questions both conditions read for a parent who would see them together.
    let c = claims(g);
    let mut pairs: Vec<BTreeSet<u16>> = vec![];
    for (i, fa) in g.findings.iter().enumerate() {
        let mut ra = BTreeSet::new();
        refs(g, &fa.when, &mut ra);
        let conflicts = |other: &[(String, String)]| c.finding[i].iter().any(|(t, v)| other.iter().any(|(t2, v2)| t == t2 && v != v2));
        for (j, fb) in g.findings.iter().enumerate().skip(i + 1) {
            if conflicts(&c.finding[j]) {
                let mut r = ra.clone();
                refs(g, &fb.when, &mut r);
                pairs.push(r);
            }
        }
        for (q, opts) in c.option.iter().enumerate() {
            if opts.iter().any(|o| conflicts(o)) {
                let mut r = ra.clone();
                r.insert(q as u16);
                pairs.push(r);
            }
        }
    }
    pairs.sort();
    pairs.dedup();
    let pair_count = pairs.len();
    for r in pairs {
        let mut sub = Stats { shown: vec![false; g.findings.len()], ..Default::default() };
        let mut search = Search { key_qs: &r, edge_qs: &r, seen: HashSet::new(), turn, stop: &|s: &Stats| !s.contradictions.is_empty() };
        explore(g, &mut Answers::default(), &mut search, &mut sub);
        turn = search.turn;
        st.paths += sub.paths;
        st.contradictions.extend(sub.contradictions);
    }
    println!("{pair_count} sets of questions searched for conflicting claims");

    // A young person using Camau about themselves is never spoken to as a parent.
    assert!(st.welsh_misses.is_empty(), "{} Welsh texts or pages with English in them, or unfilled:\n{}", st.welsh_misses.len(), st.welsh_misses.iter().cloned().collect::<Vec<_>>().join("\n"));
    assert!(st.welsh_questions.len() >= g.questions.len() - 2, "only {} question-voices checked in Welsh", st.welsh_questions.len());
    assert!(st.voice_misses.is_empty(), "{} texts speak to a young person about \"your child\":\n{}", st.voice_misses.len(), st.voice_misses.iter().cloned().collect::<Vec<_>>().join("\n"));

    // Nothing shown contradicts another thing shown, or the parent's own answers.
    let found: Vec<String> = st.contradictions.iter().map(|(c, route)| format!("{c}\n    for: {route}")).collect();
    assert!(found.is_empty(), "{} contradictions:\n{}", found.len(), found.join("\n"));

    // Every question can be asked, every option was chosen on some path (a route may leave
    // some out, but some route offers each), and every date candidate was checked.
    for (i, q) in g.questions.iter().enumerate() {
        let qi = i as u16;
        assert!(st.asked.contains(&qi), "question {} is never asked", q.id);
        for x in cands(g, qi, Set::Main) {
            let ok = match x {
                Answer::One(_) | Answer::Date(_) | Answer::Unsure => st.chosen.contains(&(qi, k(x))),
                Answer::Many(bits) => (0..64).filter(|b| bits & (1 << b) != 0).all(|b| st.chosen.iter().any(|&(cq, (kind, chosen, _))| cq == qi && kind == 1 && chosen & (1 << b) != 0)),
            };
            assert!(ok, "{} = {x:?} was never checked", q.id);
        }
    }

    // A finding no path showed: search the questions its condition reads exhaustively.
    let mut never = vec![];
    for f in 0..g.findings.len() {
        if st.shown[f] {
            continue;
        }
        let x = &g.findings[f];
        let mut r = BTreeSet::new();
        refs(g, &x.when, &mut r);
        let keys: BTreeSet<u16> = key_qs.union(&r).copied().collect();
        let mut sub = Stats { shown: vec![false; g.findings.len()], ..Default::default() };
        let mut search = Search { key_qs: &keys, edge_qs: &r, seen: HashSet::new(), turn, stop: &|s: &Stats| s.shown[f] };
        explore(g, &mut Answers::default(), &mut search, &mut sub);
        turn = search.turn;
        st.paths += sub.paths;
        if sub.shown[f] {
            st.shown[f] = true;
        } else {
            never.push(x.id);
        }
    }
    assert!(never.is_empty(), "no parent can ever see these findings (no path makes their condition hold): {never:?}");

    println!(
        "{} distinct routes; {} paths checked exhaustively over routes and answers, {} in all with the sample and targeted searches; {} answers changed and changed back; {} outcome pages, at most {} words showing; {:.1}s",
        routes,
        exhaustive,
        st.paths,
        st.changes,
        st.pages.len(),
        st.most_words,
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn every_letter_is_offered_by_some_finding() {
    let g = &GRAPH;
    for (i, l) in g.letters.iter().enumerate() {
        assert!(g.findings.iter().any(|f| f.letters.contains(&(i as u16))), "letter {} is never offered: no finding lists it", l.id);
    }
}

#[test]
fn every_deadline_is_shown_by_some_finding() {
    let g = &GRAPH;
    for (i, d) in g.deadlines.iter().enumerate() {
        assert!(g.findings.iter().any(|f| f.deadline == Some(i as u16)), "deadline {} is never shown: no finding names it", d.id);
    }
}

#[test]
fn the_same_answers_always_give_the_same_outcome() {
    let g = &GRAPH;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..300 {
        let mut a = Answers::default();
        loop {
            let w = walk(g, &a, TODAY);
            let Some(q) = w.next else { break };
            let c = route_cands(g, &w, q, Set::Pairs);
            a.set(q, c[(rng.next() % c.len() as u64) as usize].clone());
        }
        let o = outcome(g, &a, TODAY);
        assert_eq!(outcome(g, &a.clone(), TODAY), o);
        assert_eq!(outcome(g, &a, TODAY), o);
        // The saved form gives the same outcome back.
        let text = camau::engine::codec::encode(g, &camau::engine::codec::Saved { answers: a.clone(), details: details(), saved_on: None });
        let back = camau::engine::codec::decode(g, &text);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(outcome(g, &back.saved.answers, TODAY), o);
    }
}
