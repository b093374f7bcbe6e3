//! Shared helpers for the native tests: a small builder for hand-made graphs
//! (leaked so they are `'static`, like the compiled one), the words the engine
//! needs to fill letters, and answer enumeration.
#![allow(dead_code)]

use camau::engine::date::Date;
use camau::engine::graph::*;
use camau::engine::{fill, Answer, Answers, Blank, Details, Outcome, Words};
use camau_graph::Detail;

pub fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

pub fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is not a real date"))
}

/// The day after, worked out by hand (independent of the engine's `days()`, `from_days()`
/// and `is_leap`), for any year: the oracle the date tests compare with.
pub fn next_day(x: Date) -> Date {
    let leap = (x.y % 4 == 0 && x.y % 100 != 0) || x.y % 400 == 0;
    let len = match x.m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if x.d < len {
        Date { d: x.d + 1, ..x }
    } else if x.m < 12 {
        Date { y: x.y, m: x.m + 1, d: 1 }
    } else {
        Date { y: x.y + 1, m: 1, d: 1 }
    }
}

pub const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// The blanks a letter shows for what the parent did not give, e.g. "[school name]".
pub fn blank(what: Blank) -> String {
    let s = match what {
        Blank::Detail(Detail::Child) => "child's name",
        Blank::Detail(Detail::Parent) => "your name",
        Blank::Detail(Detail::School) => "school name",
        Blank::Detail(Detail::La) => "local authority",
        Blank::Detail(Detail::Lhb) => "health board",
        Blank::Detail(Detail::FullName) => "child's full name",
        Blank::Detail(Detail::Dob) => "date of birth",
        Blank::Detail(Detail::Contact) => "your email or phone",
        Blank::Date => "date",
        Blank::Told => "what you were told",
    };
    format!("[{s}]")
}

pub fn words() -> Words<'static> {
    Words { months: MONTHS, blank: &blank, text: &|x| camau::content::GRAPH.text(x, camau::content::en()) }
}

/// A condition written with ids; resolved to indices when the graph is built.
#[derive(Clone, Debug)]
pub enum C {
    Always,
    Eq(String, String),
    Ne(String, String),
    In(String, Vec<String>),
    Has(String, String),
    Answered(String),
    Known(String),
    Overdue(String),
    Upcoming(String),
    Not(Box<C>),
    And(Vec<C>),
    Or(Vec<C>),
}

pub fn always() -> C {
    C::Always
}
pub fn eq(q: &str, o: &str) -> C {
    C::Eq(q.into(), o.into())
}
pub fn ne(q: &str, o: &str) -> C {
    C::Ne(q.into(), o.into())
}
pub fn is_in(q: &str, os: &[&str]) -> C {
    C::In(q.into(), os.iter().map(|s| s.to_string()).collect())
}
pub fn has(q: &str, o: &str) -> C {
    C::Has(q.into(), o.into())
}
pub fn answered(q: &str) -> C {
    C::Answered(q.into())
}
pub fn known(q: &str) -> C {
    C::Known(q.into())
}
pub fn overdue(d: &str) -> C {
    C::Overdue(d.into())
}
pub fn upcoming(d: &str) -> C {
    C::Upcoming(d.into())
}
pub fn not(c: C) -> C {
    C::Not(Box::new(c))
}
pub fn and(cs: Vec<C>) -> C {
    C::And(cs)
}
pub fn or(cs: Vec<C>) -> C {
    C::Or(cs)
}

pub struct OptB {
    pub id: String,
    pub label: String,
    pub next: Option<String>,
    pub exclusive: bool,
}

pub struct QB {
    pub id: String,
    pub kind: Kind,
    pub options: Vec<OptB>,
    pub routes: Vec<(C, String)>,
    pub next: Option<String>,
    pub unsure: bool,
    pub future: bool,
}

#[derive(Clone)]
pub struct FB {
    pub id: String,
    pub section: Section,
    pub rank: i32,
    pub when: C,
    pub title: String,
    pub says: String,
    pub who: Option<String>,
    pub told: Option<String>,
    pub basis: Vec<String>,
    pub practice: bool,
    pub step: Option<Step>,
    pub why: Option<String>,
    pub deadline: Option<String>,
    pub letters: Vec<String>,
    pub terms: Vec<String>,
}

impl FB {
    pub fn rank(&mut self, r: i32) -> &mut Self {
        self.rank = r;
        self
    }
    pub fn title(&mut self, s: &str) -> &mut Self {
        self.title = s.into();
        self
    }
    pub fn says(&mut self, s: &str) -> &mut Self {
        self.says = s.into();
        self
    }
    pub fn who(&mut self, s: &str) -> &mut Self {
        self.who = Some(s.into());
        self
    }
    pub fn told(&mut self, s: &str) -> &mut Self {
        self.told = Some(s.into());
        self
    }
    pub fn basis(&mut self, ids: &[&str]) -> &mut Self {
        self.basis = ids.iter().map(|s| s.to_string()).collect();
        self
    }
    pub fn practice(&mut self) -> &mut Self {
        self.practice = true;
        self
    }
    /// Makes this finding a next step of the plan: its kind, and why in one sentence.
    pub fn step(&mut self, k: Step, why: &str) -> &mut Self {
        self.step = Some(k);
        self.why = Some(why.into());
        self
    }
    pub fn deadline(&mut self, d: &str) -> &mut Self {
        self.deadline = Some(d.into());
        self
    }
    pub fn letters(&mut self, ids: &[&str]) -> &mut Self {
        self.letters = ids.iter().map(|s| s.to_string()).collect();
        self
    }
    pub fn terms(&mut self, ids: &[&str]) -> &mut Self {
        self.terms = ids.iter().map(|s| s.to_string()).collect();
        self
    }
}

pub struct DB {
    pub id: String,
    pub from: String,
    pub amount: u16,
    pub unit: Unit,
    pub label: String,
    pub basis: Vec<String>,
}

pub struct LB {
    pub id: String,
    pub title: String,
    pub subject: Option<String>,
    pub body: String,
    pub basis: Vec<String>,
}

/// Builds a [`Graph`] by id; every reference is resolved (and checked) in [`Builder::build`].
pub struct Builder {
    pub start: String,
    pub questions: Vec<QB>,
    pub findings: Vec<FB>,
    pub deadlines: Vec<DB>,
    pub letters: Vec<LB>,
    pub citations: Vec<(String, String)>,
    pub terms: Vec<(String, String)>,
    pub boards: Vec<(String, String)>,
    pub authorities: Vec<(String, String, String)>,
}

impl Builder {
    pub fn new(start: &str) -> Builder {
        Builder {
            start: start.into(),
            questions: vec![],
            findings: vec![],
            deadlines: vec![],
            letters: vec![],
            citations: vec![],
            terms: vec![],
            boards: vec![],
            authorities: vec![],
        }
    }

    /// Radios: `(option id, its own next)`.
    pub fn one(&mut self, id: &str, options: &[(&str, Option<&str>)], next: Option<&str>) -> &mut Self {
        self.questions.push(QB {
            id: id.into(),
            kind: Kind::One,
            options: options
                .iter()
                .map(|(o, n)| OptB { id: o.to_string(), label: format!("label of {o}"), next: n.map(String::from), exclusive: false })
                .collect(),
            routes: vec![],
            next: next.map(String::from),
            unsure: false,
            future: false,
        });
        self
    }

    /// Checkboxes: ordinary options, then exclusive ("None of these") options.
    pub fn many(&mut self, id: &str, options: &[&str], exclusive: &[&str], next: Option<&str>) -> &mut Self {
        let mut opts: Vec<OptB> = options.iter().map(|o| OptB { id: o.to_string(), label: format!("label of {o}"), next: None, exclusive: false }).collect();
        opts.extend(exclusive.iter().map(|o| OptB { id: o.to_string(), label: format!("label of {o}"), next: None, exclusive: true }));
        self.questions.push(QB { id: id.into(), kind: Kind::Many, options: opts, routes: vec![], next: next.map(String::from), unsure: false, future: false });
        self
    }

    pub fn date(&mut self, id: &str, unsure: bool, future: bool, next: Option<&str>) -> &mut Self {
        self.questions.push(QB { id: id.into(), kind: Kind::Date, options: vec![], routes: vec![], next: next.map(String::from), unsure, future });
        self
    }

    pub fn route(&mut self, q: &str, when: C, to: &str) -> &mut Self {
        let qb = self.questions.iter_mut().find(|x| x.id == q).unwrap_or_else(|| panic!("route on unknown question {q}"));
        qb.routes.push((when, to.into()));
        self
    }

    pub fn citation(&mut self, id: &str, short: &str) -> &mut Self {
        self.citations.push((id.into(), short.into()));
        self
    }

    pub fn term(&mut self, id: &str, term: &str) -> &mut Self {
        self.terms.push((id.into(), term.into()));
        self
    }

    pub fn board(&mut self, id: &str, name: &str) -> &mut Self {
        self.boards.push((id.into(), name.into()));
        self
    }

    pub fn authority(&mut self, id: &str, name: &str, board: &str) -> &mut Self {
        self.authorities.push((id.into(), name.into(), board.into()));
        self
    }

    pub fn deadline(&mut self, id: &str, from: &str, amount: u16, unit: Unit, basis: &[&str]) -> &mut Self {
        self.deadlines.push(DB {
            id: id.into(),
            from: from.into(),
            amount,
            unit,
            label: format!("label of {id}"),
            basis: basis.iter().map(|s| s.to_string()).collect(),
        });
        self
    }

    pub fn letter(&mut self, id: &str, subject: &str, body: &str, basis: &[&str]) -> &mut Self {
        self.letters.push(LB {
            id: id.into(),
            title: format!("title of {id}"),
            subject: Some(subject.into()),
            body: body.into(),
            basis: basis.iter().map(|s| s.to_string()).collect(),
        });
        self
    }

    pub fn finding(&mut self, id: &str, section: Section, when: C) -> &mut FB {
        self.findings.push(FB {
            id: id.into(),
            section,
            rank: 500,
            when,
            title: format!("title of {id}"),
            says: format!("says of {id}"),
            who: None,
            told: None,
            basis: vec![],
            practice: false,
            step: None,
            why: None,
            deadline: None,
            letters: vec![],
            terms: vec![],
        });
        self.findings.last_mut().unwrap()
    }

    pub fn build(&self) -> &'static Graph {
        let mut strings: Vec<&'static str> = vec![];
        let mut t = |s: &str| {
            strings.push(Box::leak(s.to_string().into_boxed_str()));
            Txt::new((strings.len() - 1) as u16)
        };
        let q = |id: &str| -> u16 {
            self.questions.iter().position(|x| x.id == id).unwrap_or_else(|| panic!("unknown question {id}")) as u16
        };
        let qb = |id: &str| &self.questions[q(id) as usize];
        let o = |qid: &str, oid: &str| -> u8 {
            qb(qid).options.iter().position(|x| x.id == oid).unwrap_or_else(|| panic!("question {qid} has no option {oid}")) as u8
        };
        let d = |id: &str| -> u16 { self.deadlines.iter().position(|x| x.id == id).unwrap_or_else(|| panic!("unknown deadline {id}")) as u16 };
        let c = |id: &str| -> u16 { self.citations.iter().position(|x| x.0 == id).unwrap_or_else(|| panic!("unknown citation {id}")) as u16 };
        let l = |id: &str| -> u16 { self.letters.iter().position(|x| x.id == id).unwrap_or_else(|| panic!("unknown letter {id}")) as u16 };
        let tm = |id: &str| -> u16 { self.terms.iter().position(|x| x.0 == id).unwrap_or_else(|| panic!("unknown term {id}")) as u16 };
        let target = |s: &str| if s == "check" { Target::Check } else { Target::Question(q(s)) };
        fn cond(cn: &C, q: &dyn Fn(&str) -> u16, o: &dyn Fn(&str, &str) -> u8, d: &dyn Fn(&str) -> u16) -> CondTree {
            let (qb, db) = (|a: &str| q(a) as u8, |a: &str| d(a) as u8);
            let all = |xs: &[C]| xs.iter().map(|x| cond(x, q, o, d)).collect();
            match cn {
                C::Always => CondTree::Always,
                C::Eq(a, b) => CondTree::Eq(qb(a), o(a, b)),
                C::Ne(a, b) => CondTree::Ne(qb(a), o(a, b)),
                C::In(a, bs) => CondTree::In(qb(a), bs.iter().map(|b| o(a, b)).collect()),
                C::Has(a, b) => CondTree::Has(qb(a), o(a, b)),
                C::Answered(a) => CondTree::Answered(qb(a)),
                C::Known(a) => CondTree::Known(qb(a)),
                C::Overdue(x) => CondTree::Overdue(db(x)),
                C::Upcoming(x) => CondTree::Upcoming(db(x)),
                C::Not(x) => CondTree::Not(Box::new(cond(x, q, o, d))),
                C::And(xs) => CondTree::And(all(xs)),
                C::Or(xs) => CondTree::Or(all(xs)),
            }
        }
        // Every condition's code, as the compiler writes it: `ALWAYS` at 0.
        let code = std::cell::RefCell::new(vec![op::ALWAYS]);
        let cnd = |cn: &C| {
            let mut code = code.borrow_mut();
            let at = code.len() as u16;
            cond(cn, &q, &o, &d).write(&mut code);
            Cond(at)
        };

        let part = Part { id: "part", name: t("Part") };
        let mut questions = vec![];
        for x in &self.questions {
            let title = t(&format!("title of {}", x.id));
            let unsure = if x.unsure { Some(t("I do not know")) } else { None };
            let options: Vec<Opt> = x
                .options
                .iter()
                .map(|op| Opt { id: leak_str(&op.id), label: t(&op.label), hint: None, next: op.next.as_deref().map(target), exclusive: op.exclusive, shown: Cond::ALWAYS })
                .collect();
            let routes: Vec<Route> = x.routes.iter().map(|(w, to)| Route { when: cnd(w), to: target(to) }).collect();
            questions.push(Question {
                id: leak_str(&x.id),
                part: 0,
                kind: x.kind,
                title,
                hint: None,
                options: leak(options),
                routes: leak(routes),
                next: x.next.as_deref().map(target),
                unsure,
                future: x.future,
                says: &[],
                age: None,
            });
        }
        let mut findings = vec![];
        for f in &self.findings {
            findings.push(Finding {
                id: leak_str(&f.id),
                section: f.section,
                rank: f.rank,
                when: cnd(&f.when),
                title: t(&f.title),
                says: t(&f.says),
                who: f.who.as_deref().map(&mut t),
                told: f.told.as_deref().map(&mut t),
                basis: leak(f.basis.iter().map(|x| c(x)).collect()),
                practice: f.practice,
                step: f.step,
                why: f.why.as_deref().map(&mut t),
                confirm: None,
                deadline: f.deadline.as_deref().map(d),
                letters: leak(f.letters.iter().map(|x| l(x)).collect()),
                terms: leak(f.terms.iter().map(|x| tm(x)).collect()),
            });
        }
        let mut deadlines = vec![];
        for x in &self.deadlines {
            assert_eq!(qb(&x.from).kind, Kind::Date, "deadline {} counts from a non-date question", x.id);
            deadlines.push(Deadline {
                id: leak_str(&x.id),
                from: q(&x.from),
                amount: x.amount,
                unit: x.unit,
                working_day: false,
                label: t(&x.label),
                basis: leak(x.basis.iter().map(|b| c(b)).collect()),
            });
        }
        let mut letters = vec![];
        for x in &self.letters {
            letters.push(Letter {
                id: leak_str(&x.id),
                kind: LetterKind::Letter,
                title: t(&x.title),
                to: None,
                contact: None,
                subject: x.subject.as_deref().map(&mut t),
                body: t(&x.body),
                basis: leak(x.basis.iter().map(|b| c(b)).collect()),
                details: 0,
                needs: Cond::ALWAYS,
            });
        }
        let mut citations = vec![];
        for (id, short) in &self.citations {
            citations.push(Citation { id: leak_str(id), full: t(&format!("full {short}")), short: t(short) });
        }
        let mut terms = vec![];
        for (id, term) in &self.terms {
            terms.push(Term { id: leak_str(id), term: t(term), means: t(&format!("meaning of {term}")) });
        }
        let mut boards = vec![];
        for (id, name) in &self.boards {
            boards.push(Board { id: leak_str(id), name: t(name) });
        }
        let mut authorities = vec![];
        for (id, name, board) in &self.authorities {
            let b = self.boards.iter().position(|x| &x.0 == board).unwrap_or_else(|| panic!("unknown board {board}")) as u8;
            authorities.push(Authority { id: leak_str(id), name: t(name), board: b });
        }
        let words: &'static Text = Box::leak(Box::new(Text { lang: Lang::En, start: Table::from_table(&strings), later: Table::default() }));
        let never = cnd(&C::Not(Box::new(C::Always)));
        let conds = leak(code.into_inner());
        let g: &'static Graph = Box::leak(Box::new(Graph {
            start: q(&self.start),
            parts: leak(vec![part]),
            questions: leak(questions),
            findings: leak(findings),
            deadlines: leak(deadlines),
            letters: leak(letters),
            citations: leak(citations),
            terms: leak(terms),
            authorities: leak(authorities),
            boards: leak(boards),
            contacts: &[],
            conds,
            retired: &[],
            you: never,
            helper: never,
            voice: &[],
            helper_voice: &[],
        }));
        BUILT.lock().unwrap().push((g as *const Graph as usize, words));
        g
    }
}

/// Each built graph's own words (a built graph's `Txt`s index these, not Camau's).
static BUILT: std::sync::Mutex<Vec<(usize, &'static Text)>> = std::sync::Mutex::new(Vec::new());

/// Words for filling a built graph's letters: its own names, English months and blanks.
pub fn words_of(g: &'static Graph) -> Words<'static> {
    let text = BUILT.lock().unwrap().iter().find(|(p, _)| *p == g as *const Graph as usize).map(|x| x.1).expect("a graph from GraphBuilder::build");
    let read: &'static dyn Fn(Txt) -> &'static str = Box::leak(Box::new(move |x| g.text(x, text)));
    Words { months: MONTHS, blank: &blank, text: read }
}

pub fn leak_str(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

/// The answers of a question by option ids (panics on a typo in a test).
pub fn one(g: &Graph, q: &str, o: &str) -> (u16, Answer) {
    let qi = g.question_by_id(q).unwrap_or_else(|| panic!("no question {q}"));
    let oi = g.questions[qi as usize].options.iter().position(|x| x.id == o).unwrap_or_else(|| panic!("{q} has no option {o}"));
    (qi, Answer::One(oi as u8))
}

pub fn many(g: &Graph, q: &str, os: &[&str]) -> (u16, Answer) {
    let qi = g.question_by_id(q).unwrap_or_else(|| panic!("no question {q}"));
    let mut bits = 0u64;
    for o in os {
        let oi = g.questions[qi as usize].options.iter().position(|x| &x.id == o).unwrap_or_else(|| panic!("{q} has no option {o}"));
        bits |= 1 << oi;
    }
    (qi, Answer::Many(bits))
}

pub fn on(g: &Graph, q: &str, d: Date) -> (u16, Answer) {
    (g.question_by_id(q).unwrap_or_else(|| panic!("no question {q}")), Answer::Date(d))
}

pub fn unsure(g: &Graph, q: &str) -> (u16, Answer) {
    (g.question_by_id(q).unwrap_or_else(|| panic!("no question {q}")), Answer::Unsure)
}

pub fn answers(list: &[(u16, Answer)]) -> Answers {
    let mut a = Answers::default();
    for (q, x) in list {
        a.set(*q, x.clone());
    }
    a
}

pub fn ids(g: &Graph, findings: &[u16]) -> Vec<&'static str> {
    findings.iter().map(|&f| g.findings[f as usize].id).collect()
}

/// Every text the outcome page and its letters show, filled for these answers.
pub fn shown_texts(g: &Graph, o: &Outcome, a: &Answers, details: &Details, today: Date) -> Vec<(String, String)> {
    let w = words();
    shown_templates(g, o).into_iter().map(|(what, t)| (what, fill(g, g.text(t, camau::content::en()), a, details, today, &w))).collect()
}

/// Every text the outcome page and its letters show, unfilled.
pub fn shown_templates(g: &Graph, o: &Outcome) -> Vec<(String, Txt)> {
    let mut out = vec![];
    let mut put = |what: String, t: Txt| out.push((what, t));
    for &f in &o.findings {
        let x = &g.findings[f as usize];
        put(format!("finding {} title", x.id), x.title);
        put(format!("finding {} says", x.id), x.says);
        for (k, t) in [("who", x.who), ("told", x.told), ("why", x.why)] {
            if let Some(t) = t {
                put(format!("finding {} {k}", x.id), t);
            }
        }
    }
    for &l in &o.letters {
        let x = &g.letters[l as usize];
        put(format!("letter {} title", x.id), x.title);
        put(format!("letter {} body", x.id), x.body);
        for (k, t) in [("to", x.to), ("subject", x.subject)] {
            if let Some(t) = t {
                put(format!("letter {} {k}", x.id), t);
            }
        }
    }
    for s in &o.deadlines {
        let x = &g.deadlines[s.deadline as usize];
        put(format!("deadline {} label", x.id), x.label);
    }
    out
}

/// Candidate answers for one question, for walking many paths.
/// `pairs`: also every pair of ordinary options of a many-choice question.
pub fn candidates(q: &Question, dates: &[Date], pairs: bool) -> Vec<Answer> {
    let n = q.options.len();
    match q.kind {
        Kind::One => (0..n as u8).map(Answer::One).collect(),
        Kind::Many => {
            let mut v: Vec<u64> = (0..n).map(|i| 1u64 << i).collect();
            let ordinary: Vec<usize> = (0..n).filter(|&i| !q.options[i].exclusive).collect();
            if pairs {
                for (k, &i) in ordinary.iter().enumerate() {
                    for &j in &ordinary[k + 1..] {
                        v.push((1 << i) | (1 << j));
                    }
                }
            }
            let all = ordinary.iter().fold(0u64, |b, &i| b | 1 << i);
            if all != 0 && !v.contains(&all) {
                v.push(all);
            }
            v.into_iter().map(Answer::Many).collect()
        }
        Kind::Date => {
            let mut v: Vec<Answer> = dates.iter().copied().map(Answer::Date).collect();
            if q.unsure.is_some() {
                v.push(Answer::Unsure);
            }
            v
        }
    }
}

/// The words showing before anything is opened (one home: `camau::tool`).
#[allow(unused_imports)]
pub use camau::tool::visible_words;

/// The outcome page drawn in parts (`render::outcome_split`): the boxes' bodies put in as
/// the app puts them in after the first paint (each after its box's summary, the mark
/// removed), and the page as it then stands. Fails if a mark or a summary is missing.
pub fn filled(page: &str, number: usize, bodies: &[String]) -> String {
    let mut o = page.to_string();
    for (n, body) in bodies.iter().enumerate() {
        let mark = format!("<details data-body=\"{}\"", camau::render::box_mark(number, n));
        let at = o.find(&mark).unwrap_or_else(|| panic!("no box marked {n}"));
        o.replace_range(at..at + mark.len(), "<details");
        let end = at + o[at..].find("</summary>").unwrap_or_else(|| panic!("box {n} has no summary")) + "</summary>".len();
        o.insert_str(end, body);
    }
    assert!(!o.contains(" data-body=\""), "a box is marked with no body for it");
    o
}

/// The outcome page as the app paints it first (every box empty), its boxes' bodies, and the
/// page with them put in: the same as `render::outcome_html`, or the app shows less or more.
pub fn drawn_in_parts(case: &camau::render::Case, can_share: bool) -> (String, Vec<String>, String) {
    let (first, bodies) = camau::render::outcome_split(case, can_share, 7);
    let (again, _) = camau::render::outcome_split(case, can_share, 8);
    assert_ne!(again, first, "a page drawn again could be taken for the one before");
    // The letters are written out as the app fills their boxes (`render::fill_body`): the first
    // paint has none of them.
    assert!(!first.contains("class=\"letter\""), "a letter written out in the first paint");
    let bodies: Vec<String> = bodies.iter().map(|b| camau::render::fill_body(case, can_share, b)).collect();
    assert!(bodies.iter().all(|b| !b.contains("<!--")), "a mark left in a filled box");
    let whole = filled(&first, 7, &bodies);
    (first, bodies, whole)
}
