//! Property tests: random sequences of answers, back steps, changed answers and
//! stale or invalid stored answers, on the shipped graph and on random valid graphs;
//! and the storage codec on arbitrary text.
//!
//! Invariants: the walker never panics and its path is valid; after pruning no answer
//! off the path remains and the path is unchanged; an answer off the path never
//! reaches the outcome; the same answers always give the same outcome; the outcome is
//! exactly the findings whose condition holds, in order; every shown text fills every
//! placeholder.

mod common;

use camau::content::GRAPH;
use camau::engine::codec::{decode, encode, Saved};
use camau::engine::date::Date;
use camau::engine::graph::*;
use camau::engine::*;
use common::*;
use proptest::prelude::*;
use proptest::test_runner::Config;

const TODAY: Date = Date { y: 2026, m: 6, d: 15 };

fn config(cases: u32) -> Config {
    Config { cases, failure_persistence: None, ..Config::default() }
}

/// A tiny deterministic generator, so one `u64` from proptest describes a whole graph.
struct Rng(u64);
impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

// ---------------------------------------------------------------- random graphs

/// A random valid graph: questions in topological order, every edge pointing forward
/// (so no cycle), every question with a default next (so no dead end), conditions
/// of the right kind for their question.
fn random_graph(seed: u64) -> &'static Graph {
    let mut r = Rng::new(seed);
    let n = 2 + r.below(7);
    let kinds: Vec<Kind> = (0..n)
        .map(|i| match (i, r.below(4)) {
            (_, 0 | 1) => Kind::One,
            (_, 2) => Kind::Many,
            _ => Kind::Date,
        })
        .collect();
    let nopts: Vec<usize> = kinds.iter().map(|k| if *k == Kind::Date { 0 } else { 2 + r.below(3) }).collect();
    let qid = |i: usize| format!("q{i}");
    let oid = |j: usize| format!("o{j}");
    let mut b = Builder::new("q0");
    let fwd = |r: &mut Rng, i: usize| -> String {
        let t = i + 1 + r.below(n - i);
        if t >= n { "check".to_string() } else { qid(t) }
    };
    let mut deadlines: Vec<(String, usize)> = vec![];
    for i in 0..n {
        let next = fwd(&mut r, i);
        match kinds[i] {
            Kind::One => {
                let opts: Vec<(String, Option<String>)> = (0..nopts[i]).map(|j| (oid(j), if r.chance(30) { Some(fwd(&mut r, i)) } else { None })).collect();
                let o: Vec<(&str, Option<&str>)> = opts.iter().map(|(a, b)| (a.as_str(), b.as_deref())).collect();
                b.one(&qid(i), &o, Some(&next));
            }
            Kind::Many => {
                let excl = r.chance(50);
                let ordinary: Vec<String> = (0..nopts[i] - excl as usize).map(oid).collect();
                let exclusive: Vec<String> = if excl { vec![oid(nopts[i] - 1)] } else { vec![] };
                let o: Vec<&str> = ordinary.iter().map(String::as_str).collect();
                let e: Vec<&str> = exclusive.iter().map(String::as_str).collect();
                b.many(&qid(i), &o, &e, Some(&next));
            }
            Kind::Date => {
                b.date(&qid(i), r.chance(50), r.chance(30), Some(&next));
                for _ in 0..r.below(3) {
                    let id = format!("d{}", deadlines.len());
                    let unit = [Unit::Days, Unit::Weeks, Unit::Months, Unit::SchoolDays, Unit::TermDays][r.below(5)];
                    b.deadline(&id, &qid(i), 1 + r.below(40) as u16, unit, &["c0"]);
                    deadlines.push((id, i));
                }
            }
        }
    }
    let cond = |r: &mut Rng| random_cond(r, 2, &kinds, &nopts, &deadlines);
    for i in 0..n {
        for _ in 0..r.below(3) {
            let c = cond(&mut r);
            let to = fwd(&mut r, i);
            b.route(&qid(i), c, &to);
        }
    }
    for c in 0..3 {
        b.citation(&format!("c{c}"), &format!("Act s.{c}"));
    }
    b.board("b0", "Board Zero").board("b1", "Board One").authority("a0", "Council Zero", "b0").authority("a1", "Council One", "b1");
    let dates: Vec<usize> = (0..n).filter(|&i| kinds[i] == Kind::Date).collect();
    let template = |r: &mut Rng| {
        let mut t = String::from("Dear {la} and {lhb}, about {child} at {school}, from {parent} on {today}.");
        if !dates.is_empty() {
            t.push_str(&format!(" Since {{date:{}}}.", qid(dates[r.below(dates.len())])));
        }
        if !deadlines.is_empty() {
            t.push_str(&format!(" Due {{due:{}}}.", deadlines[r.below(deadlines.len())].0));
        }
        t
    };
    let nletters = r.below(4);
    for l in 0..nletters {
        let body = template(&mut r);
        b.letter(&format!("l{l}"), "About {child}", &body, &[&format!("c{}", r.below(3))]);
    }
    let sections = Section::ALL;
    for f in 0..1 + r.below(8) {
        let c = cond(&mut r);
        let says = template(&mut r);
        let fb = b.finding(&format!("f{f}"), sections[r.below(6)], c);
        fb.rank(r.below(3) as i32).says(&says);
        if r.chance(20) {
            fb.practice();
        } else {
            let cites: Vec<String> = (0..1 + r.below(3)).map(|_| format!("c{}", r.below(3))).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            let c: Vec<&str> = cites.iter().map(String::as_str).collect();
            fb.basis(&c);
        }
        if r.chance(50) {
            fb.step(Step::ALL[r.below(Step::ALL.len())], "why");
        }
        if !deadlines.is_empty() && r.chance(40) {
            fb.deadline(&deadlines[r.below(deadlines.len())].0.clone());
        }
        if nletters > 0 && r.chance(50) {
            let ls = [format!("l{}", r.below(nletters))];
            fb.letters(&[ls[0].as_str()]);
        }
    }
    b.build()
}

fn random_cond(r: &mut Rng, depth: u32, kinds: &[Kind], nopts: &[usize], deadlines: &[(String, usize)]) -> C {
    if depth > 0 && r.chance(35) {
        let which = r.below(3);
        let mut sub = || random_cond(r, depth - 1, kinds, nopts, deadlines);
        return match which {
            0 => not(sub()),
            1 => and(vec![sub(), sub()]),
            _ => or(vec![sub(), sub()]),
        };
    }
    if r.chance(5) {
        return always();
    }
    let i = r.below(kinds.len());
    let (q, o) = (format!("q{i}"), format!("o{}", r.below(nopts[i].max(1))));
    match kinds[i] {
        Kind::One => match r.below(4) {
            0 => eq(&q, &o),
            1 => ne(&q, &o),
            2 => is_in(&q, &[&o, "o0"]),
            _ => answered(&q),
        },
        Kind::Many => {
            if r.chance(80) {
                has(&q, &o)
            } else {
                answered(&q)
            }
        }
        Kind::Date => {
            let mine: Vec<&String> = deadlines.iter().filter(|d| d.1 == i).map(|d| &d.0).collect();
            match r.below(4) {
                0 => known(&q),
                1 => answered(&q),
                _ if mine.is_empty() => known(&q),
                2 => overdue(mine[r.below(mine.len())]),
                _ => upcoming(mine[r.below(mine.len())]),
            }
        }
    }
}

/// A random answer for question `q`: usually one that fits, sometimes one that does not.
fn random_answer(g: &Graph, q: u16, r: &mut Rng) -> Answer {
    let question = &g.questions[q as usize];
    let n = question.options.len();
    let date = |r: &mut Rng| TODAY.add_days(r.below(1200) as i64 - 1000);
    if r.chance(15) {
        // Something that may not fit at all.
        return match r.below(5) {
            0 => Answer::One((n + r.below(3)) as u8),
            1 => Answer::Many(0),
            2 => Answer::Many(1 << (n + r.below(3)).min(63)),
            3 => Answer::Unsure,
            _ => Answer::Date(date(r)),
        };
    }
    match question.kind {
        Kind::One => Answer::One(r.below(n) as u8),
        Kind::Many => {
            let ordinary: Vec<usize> = (0..n).filter(|&i| !question.options[i].exclusive).collect();
            let excl: Vec<usize> = (0..n).filter(|&i| question.options[i].exclusive).collect();
            if !excl.is_empty() && r.chance(20) {
                Answer::Many(1 << excl[r.below(excl.len())])
            } else {
                let mut bits = 0u64;
                while bits == 0 {
                    for &i in &ordinary {
                        if r.chance(40) {
                            bits |= 1 << i;
                        }
                    }
                }
                Answer::Many(bits)
            }
        }
        Kind::Date => {
            if question.unsure.is_some() && r.chance(25) {
                Answer::Unsure
            } else {
                Answer::Date(date(r))
            }
        }
    }
}

// ---------------------------------------------------------------- the invariants

/// Every answer in `old` is still in `new`, except the one just given to `q`.
fn kept_all(g: &Graph, old: &Answers, new: &Answers, q: u16) -> bool {
    (0..g.questions.len() as u16).filter(|&x| x != q).all(|x| old.get(x) == new.get(x))
}

fn check_invariants(g: &Graph, a: &Answers, details: &Details) {
    let w = walk(g, a, TODAY);

    // The path starts at the start and each step follows next_of, reading only the
    // answers already on the path.
    let mut prefix = Answers::default();
    for (i, &q) in w.path.iter().enumerate() {
        if i == 0 {
            assert_eq!(q, g.start);
        }
        let x = a.get(q).expect("every question on the path is answered");
        assert!(fits(&g.questions[q as usize], x), "an answer on the path fits its question");
        prefix.set(q, x.clone());
        let mut to = Eval { g, answers: &prefix, today: TODAY }.next_of(q);
        // A question a date of birth on the path answers is passed with its worked-out answer.
        while let Some(Target::Question(n)) = to {
            let Some(age) = g.questions[n as usize].age.as_ref().filter(|age| matches!(prefix.get(age.from), Some(Answer::Date(_)))) else { break };
            let Some(Answer::Date(dob)) = prefix.get(age.from).cloned() else { break };
            let worked_out = Answer::One(age.options[camau::engine::age_group(dob, TODAY)]);
            assert_eq!(w.counted.get(n), Some(&worked_out), "a date of birth answers {}", g.questions[n as usize].id);
            prefix.set(n, worked_out);
            to = Eval { g, answers: &prefix, today: TODAY }.next_of(n);
        }
        match w.path.get(i + 1) {
            Some(&n) => assert_eq!(to, Some(Target::Question(n))),
            None => match w.next {
                Some(n) => assert_eq!(to, Some(Target::Question(n))),
                None => assert_eq!(to, Some(Target::Check), "a finished walk ends at the check page"),
            },
        }
    }
    if w.path.is_empty() {
        assert_eq!(w.next, Some(g.start));
    }
    if let Some(n) = w.next {
        assert!(!w.path.contains(&n));
        assert!((n as usize) < g.questions.len());
    }

    // The answers on the route are exactly the path's, and they alone give the same walk.
    let p = w.on_route();
    // A question a date of birth on the path answers: counted, but not the parent's to answer.
    let worked_out = |q: u16| g.questions[q as usize].age.as_ref().is_some_and(|age| w.path.contains(&age.from) && matches!(p.get(age.from), Some(Answer::Date(_))));
    for q in 0..g.questions.len() as u16 {
        if worked_out(q) {
            // Never asked; when reached, its answer is the one the date gives.
            let age = g.questions[q as usize].age.as_ref().unwrap();
            let Some(Answer::Date(dob)) = p.get(age.from) else { unreachable!() };
            assert!(!w.path.contains(&q) && w.next != Some(q), "a question the date of birth answers is never asked");
            assert!(p.get(q).is_none_or(|x| *x == Answer::One(age.options[camau::engine::age_group(*dob, TODAY)])));
            continue;
        }
        assert_eq!(p.get(q).is_some(), w.path.contains(&q), "on the route, only the path is answered");
        if let Some(counted) = p.get(q) {
            // As given, less any tick this route does not offer.
            let given = a.get(q).unwrap();
            assert_eq!(Eval { g, answers: &p, today: TODAY }.counted(&g.questions[q as usize], given).as_ref(), Some(counted));
            assert_eq!(counted == given, Eval { g, answers: &p, today: TODAY }.hidden(&g.questions[q as usize]) & bits(given) == 0);
        }
    }
    assert_eq!(walk(g, &p, TODAY), w, "the answers off the route do not change the route");
    assert_eq!(walk(g, &p, TODAY).on_route(), p);

    // No answer off the path reaches the outcome; same answers, same outcome.
    let o = outcome(g, a, TODAY);
    assert_eq!(outcome(g, &p, TODAY), o, "an answer off the path changed the outcome");
    assert_eq!(outcome(g, &a.clone(), TODAY), o);

    // The outcome is exactly the findings that hold, in section, rank, content order.
    let ev = Eval { g, answers: &p, today: TODAY };
    let mut expect: Vec<u16> = (0..g.findings.len() as u16).filter(|&f| ev.holds(&g.findings[f as usize].when)).collect();
    expect.sort_by_key(|&f| (g.findings[f as usize].section, g.findings[f as usize].rank, f));
    assert_eq!(o.findings, expect);
    // The plan: every step shown, ordered by the rule in content/FORMAT.md (an oracle written
    // apart from the engine's): good practice last, then the kind, then the date to act, then
    // the content order.
    let mut plan: Vec<(u16, When)> = vec![];
    for &f in &expect {
        let x = &g.findings[f as usize];
        let Some(k) = x.step else { continue };
        let due = x.deadline.and_then(|d| ev.due(d));
        let when = match (due, k) {
            (Some(d), _) if d < TODAY => When::Now,
            (Some(d), Step::Wait) => When::Until(d),
            (Some(d), _) => When::By(d),
            (None, Step::Right | Step::Chase | Step::Request) => When::Now,
            (None, _) => When::Any,
        };
        plan.push((f, when));
    }
    let act = |w: When| match w {
        When::Now => TODAY,
        When::By(d) | When::Until(d) => d,
        When::Any => Date::new(9999, 12, 31).unwrap(),
    };
    plan.sort_by_key(|&(f, w)| (g.findings[f as usize].practice, g.findings[f as usize].step, act(w), f));
    assert_eq!(o.plan.iter().map(|s| (s.finding, s.when)).collect::<Vec<_>>(), plan);
    for (i, s) in o.deadlines.iter().enumerate() {
        assert!(o.findings.iter().any(|&f| g.findings[f as usize].deadline == Some(s.deadline)));
        assert!(!o.deadlines[..i].iter().any(|x| x.deadline == s.deadline), "a deadline is listed once");
        assert_eq!(s.overdue(), s.due < TODAY);
    }
    for v in [&o.letters, &o.citations, &o.terms] {
        let mut u = v.clone();
        u.sort_unstable();
        u.dedup();
        assert_eq!(u.len(), v.len(), "no duplicates");
    }

    // Every shown text fills every placeholder.
    for (what, text) in shown_texts(g, &o, &p, details, TODAY) {
        assert!(!text.contains('{') && !text.contains('}'), "{what}: {text}");
    }
}

#[derive(Clone, Debug)]
enum Op {
    /// Answer the question shown (the next one, or the one gone back to).
    Answer(u64),
    /// The back link.
    Back,
    /// Change the answer to the n-th question on the path.
    Change(usize, u64),
    /// An answer stored without pruning: from an old session, another path, or a tampered link.
    Stale(usize, u64),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        4 => any::<u64>().prop_map(Op::Answer),
        1 => Just(Op::Back),
        2 => (any::<usize>(), any::<u64>()).prop_map(|(i, s)| Op::Change(i, s)),
        1 => (any::<usize>(), any::<u64>()).prop_map(|(i, s)| Op::Stale(i, s)),
    ];
    prop::collection::vec(op, 0..40)
}

fn run(g: &Graph, ops: &[Op], details: &Details) {
    let mut a = Answers::default();
    let mut shown: Option<u16> = None; // the page after a back link
    check_invariants(g, &a, details);
    for op in ops {
        let w = walk(g, &a, TODAY);
        match op {
            Op::Answer(s) => {
                let q = shown.filter(|&q| w.allows(q)).or(w.next);
                if let Some(q) = q {
                    let x = page_answer(g, &w, q, random_answer(g, q, &mut Rng::new(*s)));
                    let old = a.clone();
                    let done = answer(g, &mut a, &w, q, x, TODAY);
                    assert_eq!(done.walk, walk(g, &a, TODAY), "answer() returns the walk of the new answers");
                    assert!(kept_all(g, &old, &a, q), "answer() deleted a stored answer");
                    let expected: Vec<u16> = w.path.iter().copied().filter(|x| !done.walk.path.contains(x)).collect();
                    assert_eq!(done.no_longer, expected, "no_longer names exactly what left the route");
                }
                shown = None;
            }
            // From the check page (no next question) the back link goes to the last question.
            Op::Back => shown = w.before(shown.or(w.next).unwrap_or(u16::MAX)).or(shown),
            Op::Change(i, s) => {
                if !w.path.is_empty() {
                    let q = w.path[i % w.path.len()];
                    let (old, o) = (a.clone(), outcome(g, &a, TODAY));
                    answer(g, &mut a, &w, q, page_answer(g, &w, q, random_answer(g, q, &mut Rng::new(*s))), TODAY);
                    assert!(kept_all(g, &old, &a, q), "a change deleted a stored answer");
                    // Changing it back restores the answers and the outcome exactly.
                    let now = walk(g, &a, TODAY);
                    let was = old.get(q).cloned().expect("a question on the path is answered");
                    let mut back = a.clone();
                    answer(g, &mut back, &now, q, was, TODAY);
                    assert_eq!(back, old, "change and change back: the same answers");
                    assert_eq!(walk(g, &back, TODAY), w, "change and change back: the same route");
                    assert_eq!(outcome(g, &back, TODAY), o, "change and change back: the same outcome");
                }
            }
            Op::Stale(i, s) => {
                let q = (i % g.questions.len()) as u16;
                a.set(q, random_answer(g, q, &mut Rng::new(*s)));
            }
        }
        check_invariants(g, &a, details);
    }
}

fn details_strategy(g: &'static Graph) -> impl Strategy<Value = Details> {
    let name = "[^{}]{0,20}";
    let texts = (name, name, name, name, name, name);
    (texts, prop::option::of(0..g.authorities.len().max(1)), prop::option::of(0..g.boards.len().max(1))).prop_map(move |((c, p, s, f, d, k), la, lhb)| Details {
        child: c,
        parent: p,
        school: s,
        la: la.filter(|&x| x < g.authorities.len()).map(|x| x as u8),
        lhb: lhb.filter(|&x| x < g.boards.len()).map(|x| x as u8),
        full_name: f,
        dob: d,
        contact: k,
    })
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn shipped_graph_survives_any_sequence_of_answers(ops in ops(), details in details_strategy(&GRAPH)) {
        run(&GRAPH, &ops, &details);
    }
}

proptest! {
    #![proptest_config(config(400))]

    #[test]
    fn random_graphs_survive_any_sequence_of_answers(seed in any::<u64>(), ops in ops()) {
        let g = random_graph(seed);
        let details = Details { child: "Sam".into(), ..Default::default() };
        run(g, &ops, &details);
    }
}

// ---------------------------------------------------------------- the codec

fn codec_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("v=1".to_string()),
        Just("v=2".to_string()),
        Just("&s=".to_string()),
        Just("&".to_string()),
        Just("=".to_string()),
        Just("a.".to_string()),
        Just("d.".to_string()),
        Just(",".to_string()),
        Just("%".to_string()),
        Just("%C5%B5".to_string()),
        Just("%C5".to_string()),
        Just("unsure".to_string()),
        Just("2026-09-01".to_string()),
        Just("child".to_string()),
        Just("la".to_string()),
        prop::sample::select(GRAPH.questions.iter().map(|q| q.id.to_string()).collect::<Vec<_>>()),
        prop::sample::select(GRAPH.questions.iter().flat_map(|q| q.options.iter().map(|o| o.id.to_string())).collect::<Vec<_>>()),
        "[a-z_%0-9.=&,-]{0,6}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

fn valid_saved() -> impl Strategy<Value = Saved> {
    let g = &GRAPH;
    let n = g.questions.len();
    let day = prop::option::of((1990i32..2100, 1u8..13, 1u8..29).prop_map(|(y, m, d)| camau::engine::date::Date { y, m, d }));
    (prop::collection::vec((any::<bool>(), any::<u64>()), n), details_strategy(g), "\\PC{0,60}", "\\PC{0,120}", day).prop_map(move |(picks, mut details, child, school, saved_on)| {
        let mut a = Answers::default();
        for (q, (on, s)) in picks.into_iter().enumerate() {
            if on {
                let x = random_answer(g, q as u16, &mut Rng::new(s));
                if fits(&g.questions[q], &x) {
                    a.set(q as u16, x);
                }
            }
        }
        details.child = child;
        details.school = school;
        Saved { answers: a, details, saved_on }
    })
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn decode_never_panics(text in codec_text()) {
        let d = decode(&GRAPH, &text);
        // Whatever it kept is something the graph can use.
        for (q, x) in d.saved.answers.0.iter().enumerate() {
            if let Some(x) = x {
                prop_assert!(fits(&GRAPH.questions[q], x));
            }
        }
        prop_assert!(d.saved.details.child.chars().count() <= MAX_NAME);
        prop_assert!(d.saved.details.school.chars().count() <= MAX_SCHOOL);
    }

    #[test]
    fn decode_never_panics_on_any_text(text in any::<String>()) {
        let _ = decode(&GRAPH, &text);
        let _ = camau::engine::codec::percent_decode(&text);
    }

    #[test]
    fn decode_reverses_encode(s in valid_saved()) {
        let text = encode(&GRAPH, &s);
        let d = decode(&GRAPH, &text);
        prop_assert_eq!(d.problems, vec![]);
        prop_assert_eq!(d.saved, s);
    }

    #[test]
    fn percent_decode_reverses_percent_encode(s in any::<String>()) {
        let e = camau::engine::codec::percent_encode(&s);
        prop_assert!(e.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)));
        prop_assert_eq!(camau::engine::codec::percent_decode(&e), Some(s));
    }
}

/// The options an answer ticks, a bit each.
fn bits(a: &Answer) -> u64 {
    match a {
        Answer::One(i) => 1u64.checked_shl(*i as u32).unwrap_or(0),
        Answer::Many(b) => *b,
        _ => 0,
    }
}

fn page_answer(g: &Graph, w: &Walk, q: u16, x: Answer) -> Answer {
    camau::tool::page_answer(g, w, q, x, TODAY)
}
