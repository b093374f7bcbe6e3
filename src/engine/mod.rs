//! The pure engine: answers → path → outcome → filled letters.
//!
//! Invariant: no browser types, no clock, no storage. "Today" is an argument.

pub mod codec;
pub mod date;
pub mod edit;
pub mod graph;
pub mod ics;

use camau_graph::{Detail, Placeholder};
use date::Date;
use graph::*;

/// One answer to one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Index of the chosen option.
    One(u8),
    /// Bit set of chosen options (bit i = option i).
    Many(u64),
    Date(Date),
    /// "I do not know the date".
    Unsure,
}

/// Answers indexed by question: every answer the parent gave, on the current route or not.
#[derive(Clone, Debug, Default)]
pub struct Answers(pub Vec<Option<Answer>>);

/// Equal when the same questions have the same answers, however long the storage
/// (`clear` leaves empty slots behind).
impl PartialEq for Answers {
    fn eq(&self, other: &Self) -> bool {
        let n = self.0.len().max(other.0.len());
        fn at(a: &Answers, i: usize) -> Option<&Answer> {
            a.0.get(i).and_then(|x| x.as_ref())
        }
        (0..n).all(|i| at(self, i) == at(other, i))
    }
}

impl Eq for Answers {}

impl Answers {
    pub fn get(&self, q: u16) -> Option<&Answer> {
        self.0.get(q as usize).and_then(|a| a.as_ref())
    }
    pub fn set(&mut self, q: u16, a: Answer) {
        let i = q as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, None);
        }
        self.0[i] = Some(a);
    }
    pub fn clear(&mut self, q: u16) {
        if let Some(x) = self.0.get_mut(q as usize) {
            *x = None;
        }
    }
    pub fn count(&self) -> usize {
        self.0.iter().filter(|a| a.is_some()).count()
    }
    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }
}

/// Whether an answer fits a question (right kind, options that exist).
pub fn fits(q: &Question, a: &Answer) -> bool {
    let n = q.options.len();
    match (q.kind, a) {
        (Kind::One, Answer::One(i)) => (*i as usize) < n,
        (Kind::Many, Answer::Many(bits)) => {
            if *bits == 0 || n > 63 || bits >> n != 0 {
                return false;
            }
            // An exclusive option ("None of these") stands alone.
            let excl = q.options.iter().enumerate().any(|(i, o)| o.exclusive && bits & (1 << i) != 0);
            !excl || bits.count_ones() == 1
        }
        (Kind::Date, Answer::Date(_)) => true,
        (Kind::Date, Answer::Unsure) => q.unsure.is_some(),
        _ => false,
    }
}

/// Evaluates conditions and deadlines for one set of answers on one day.
pub struct Eval<'a> {
    pub g: &'a Graph,
    pub answers: &'a Answers,
    pub today: Date,
}

impl Eval<'_> {
    pub fn due(&self, d: u16) -> Option<Date> {
        let dl = self.g.deadlines.get(d as usize)?;
        match self.answers.get(dl.from)? {
            Answer::Date(from) => Some(from.add(dl.amount, dl.unit)).map(|d| if dl.working_day { d.next_working_day() } else { d }),
            _ => None,
        }
    }

    pub fn holds(&self, c: &Cond) -> bool {
        self.run(self.g.conds, &mut (c.0 as usize))
    }

    /// The same for a condition's code of its own (`CondTree::code`).
    pub fn holds_code(&self, code: &[u8]) -> bool {
        self.run(code, &mut 0)
    }

    /// Evaluates the condition whose code starts at `*at` and moves `at` past it (`AND` and `OR`
    /// step over the clauses left once one decides, so they need no lengths). A part of the
    /// code that is cut short or unknown reads as false (the compiler writes none:
    /// `tests/engine.rs` reads every one back).
    fn run(&self, code: &[u8], at: &mut usize) -> bool {
        fn next(code: &[u8], at: &mut usize) -> u8 {
            let b = code.get(*at).copied().unwrap_or(u8::MAX);
            *at += 1;
            b
        }
        let a = |at: &mut usize| self.answers.get(next(code, at) as u16);
        let due = |at: &mut usize| self.due(next(code, at) as u16);
        match next(code, at) {
            op::ALWAYS => true,
            op::EQ => a(at) == Some(&Answer::One(next(code, at))),
            op::NE => matches!((a(at), next(code, at)), (Some(Answer::One(x)), o) if *x != o),
            op::IN => {
                let got = a(at);
                let mut found = false;
                for _ in 0..next(code, at) {
                    found |= got == Some(&Answer::One(next(code, at)));
                }
                found
            }
            op::HAS => matches!((a(at), next(code, at)), (Some(Answer::Many(bits)), o) if o < 64 && bits & (1u64 << o) != 0),
            op::ANSWERED => a(at).is_some(),
            op::KNOWN => matches!(a(at), Some(Answer::Date(_))),
            op::OVERDUE => due(at).is_some_and(|d| d < self.today),
            op::UPCOMING => due(at).is_some_and(|d| d >= self.today),
            op::NOT => !self.run(code, at),
            o @ (op::AND | op::OR) => {
                // Once one clause decides it, the rest are only stepped over.
                let and = o == op::AND;
                let mut r = and;
                for _ in 0..next(code, at) {
                    if r == and {
                        r = self.run(code, at);
                    } else {
                        CondTree::skip(code, at);
                    }
                }
                r
            }
            _ => false,
        }
    }

    /// Where an answered question leads.
    pub fn next_of(&self, q: u16) -> Option<Target> {
        let question = self.g.questions.get(q as usize)?;
        if let Some(Answer::One(o)) = self.answers.get(q) {
            if let Some(t) = question.options.get(*o as usize).and_then(|o| o.next) {
                return Some(t);
            }
        }
        for r in question.routes {
            if self.holds(&r.when) {
                return Some(r.to);
            }
        }
        question.next
    }
}

/// The questions answered so far on the current path, and the next one to ask.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Walk {
    pub path: Vec<u16>,
    /// `None` when every question on the path is answered.
    pub next: Option<u16>,
    /// The answers on the path as they count: without options this route does not offer.
    pub counted: Answers,
}

impl Walk {
    pub fn done(&self) -> bool {
        self.next.is_none()
    }
    /// The question before `q` on the path (for the back link).
    pub fn before(&self, q: u16) -> Option<u16> {
        let i = self.path.iter().position(|&x| x == q).unwrap_or(self.path.len());
        i.checked_sub(1).map(|j| self.path[j])
    }
    /// Whether `q` may be shown now: on the path, or the next question.
    pub fn allows(&self, q: u16) -> bool {
        self.next == Some(q) || self.path.contains(&q)
    }
    /// Only the answers on this route, as they count: what the outcome, the check page and
    /// letters use. The others stay stored (the parent may come back to them) but count for
    /// nothing.
    pub fn on_route(&self) -> Answers {
        self.counted.clone()
    }
}

impl Eval<'_> {
    /// Whether an option is offered: its `shown` holds for the answers before its question.
    pub fn offered(&self, o: &Opt) -> bool {
        self.holds(&o.shown)
    }
    /// The options of `q` not offered here, a bit each.
    pub fn hidden(&self, q: &Question) -> u64 {
        q.options.iter().enumerate().take(64).filter(|(_, o)| !self.offered(o)).fold(0u64, |b, (i, _)| b | 1 << i)
    }
    /// The first option of `q` offered here (`None` when none is).
    pub fn first_offered(&self, q: &Question) -> Option<usize> {
        first_offered(q, self.hidden(q))
    }
    /// An answer as it counts here: options not offered are left out, and an answer with
    /// nothing offered left is no answer (the question is asked again). The stored answer
    /// keeps them, for a route that offers them again.
    pub fn counted(&self, q: &Question, a: &Answer) -> Option<Answer> {
        match *a {
            Answer::One(i) => match q.options.get(i as usize) {
                Some(o) if !self.offered(o) => None,
                _ => Some(a.clone()),
            },
            // Bits past the options stay, so `fits` refuses the answer as before.
            Answer::Many(bits) => {
                let kept = bits & !self.hidden(q);
                (kept != 0).then_some(Answer::Many(kept))
            }
            _ => Some(a.clone()),
        }
    }
}

/// The first option of `q` not in `hidden` (a bit each: `Eval::hidden`).
pub fn first_offered(q: &Question, hidden: u64) -> Option<usize> {
    (0..q.options.len().min(64)).find(|&i| hidden & (1 << i) == 0)
}

/// 0: a child (not over compulsory school age), 1: a young person under 18, 2: 18 or over.
pub fn age_group(dob: Date, today: Date) -> usize {
    if today <= date::school_leaving_date(dob) {
        0
    } else if date::age_on(dob, today) < 18 {
        1
    } else {
        2
    }
}

/// Who the pages speak to (`[flow] you` and `helper`), from the answers that count.
pub fn voice(g: &Graph, counted: &Answers, today: Date) -> Voice {
    let ev = Eval { g, answers: counted, today };
    if ev.holds(&g.you) {
        Voice::You
    } else if ev.holds(&g.helper) {
        Voice::Helper
    } else {
        Voice::Parent
    }
}

/// Replays the answers from the start question. Answers that do not fit their
/// question stop the walk there (that question is asked again).
///
/// Each routing decision sees only the answers already on the path: an answer
/// left over from another path never steers this one (else pruning it would
/// change the path and leave other stale answers behind). The same holds for which
/// options a question offers.
pub fn walk(g: &Graph, answers: &Answers, today: Date) -> Walk {
    let mut seen = Answers::default();
    let mut path = vec![];
    let mut q = g.start;
    // A compiled graph has no cycles; the bound keeps a hand-made one safe too.
    for _ in 0..=g.questions.len() {
        let Some(question) = g.questions.get(q as usize) else { break };
        // A question a date of birth on the route answers is not asked: its answer is worked
        // out, and counts, whatever was stored for it.
        let derived = question.age.as_ref().and_then(|age| match seen.get(age.from) {
            Some(Answer::Date(dob)) => Some(Answer::One(age.options[age_group(*dob, today)])),
            _ => None,
        });
        let worked_out = derived.is_some();
        let counted = derived.or_else(|| answers.get(q).and_then(|a| Eval { g, answers: &seen, today }.counted(question, a)));
        match counted {
            Some(a) if fits(question, &a) => seen.set(q, a),
            _ => return Walk { path, next: Some(q), counted: seen },
        }
        // A worked-out answer is not the parent's: it is not on the path (no page, no row to change).
        if !worked_out {
            path.push(q);
        }
        let ev = Eval { g, answers: &seen, today };
        match ev.next_of(q) {
            Some(Target::Question(n)) if !path.contains(&n) => q = n,
            Some(Target::Check) => return Walk { path, next: None, counted: seen },
            // A dead end or a loop: treat as the end rather than hang.
            _ => return Walk { path, next: None, counted: seen },
        }
    }
    Walk { path, next: None, counted: seen }
}

/// What one answer changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answered {
    /// The walk with the new answer: the UI walks once per click.
    pub walk: Walk,
    /// Questions answered on the route before this answer that are no longer on it, in
    /// route order. Their answers are kept (a change back brings them back), but they no
    /// longer count, and the parent is told which they are.
    pub no_longer: Vec<u16>,
}

/// Records an answer. No answer is ever deleted: the route is walked again, and answers to
/// questions it reaches again are replayed (as GOV.UK Smart Answers does), so the parent
/// only answers what is new.
///
/// `before` is the walk of `answers` as they were (the caller has it already).
pub fn answer(g: &Graph, answers: &mut Answers, before: &Walk, q: u16, a: Answer, today: Date) -> Answered {
    // Ticks this route does not offer stay with the new answer (they count again on a route
    // that offers them), unless the parent chose "None of these".
    let a = match (a, answers.get(q), g.questions.get(q as usize)) {
        (Answer::Many(new), Some(Answer::Many(old)), Some(question)) if before.allows(q) => {
            let hidden = Eval { g, answers: &before.counted, today }.hidden(question);
            let none = question.options.iter().enumerate().take(64).any(|(i, o)| o.exclusive && new & (1 << i) != 0);
            Answer::Many(if none { new } else { new | (old & hidden) })
        }
        (a, _, _) => a,
    };
    answers.set(q, a);
    let after = walk(g, answers, today);
    let no_longer = before.path.iter().copied().filter(|x| !after.path.contains(x)).collect();
    Answered { walk: after, no_longer }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeadlineStatus {
    pub deadline: u16,
    pub due: Date,
    /// Days from today to the due date; negative when overdue.
    pub days_left: i64,
}

impl DeadlineStatus {
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }
}

/// Everything the outcome page shows, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Findings in section order, then rank, then content order.
    pub findings: Vec<u16>,
    /// Every next step shown, in the plan's order (`content/FORMAT.md`, "The plan"): the
    /// first is "Do this first"; no other ranking of steps exists.
    pub plan: Vec<PlanStep>,
    pub deadlines: Vec<DeadlineStatus>,
    pub letters: Vec<u16>,
    pub citations: Vec<u16>,
    pub terms: Vec<u16>,
}

impl Outcome {
    pub fn in_section(&self, g: &Graph, s: Section) -> Vec<u16> {
        self.findings.iter().copied().filter(|&f| g.findings[f as usize].section == s).collect()
    }
}

/// One step of the plan: a `steps` finding and when to do it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanStep {
    pub finding: u16,
    pub when: When,
}

/// When to take a step, from its deadline and the engine's own "overdue".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Overdue, a right whose date is not known, or a request with no date of its own.
    Now,
    /// The last day of a time limit that has not passed.
    By(Date),
    /// A wait: nothing to send before this date.
    Until(Date),
    /// No date: when you can.
    Any,
}

/// The plan rule. Steps are ordered by, in turn: good practice last; the kind of step
/// (`Step`: a time-limited right, chasing an overdue duty, a request that starts a duty, asking
/// for information, finding facts, waiting); the date to act (now before a later date, a
/// date before none); then the order they are written in the content.
pub fn plan(g: &Graph, findings: &[u16], ev_due: impl Fn(u16) -> Option<Date>, today: Date) -> Vec<PlanStep> {
    let mut steps: Vec<(PlanStep, (bool, Step, Date, u16))> = vec![];
    for &f in findings {
        let x = &g.findings[f as usize];
        let Some(kind) = x.step else { continue };
        let due = x.deadline.and_then(&ev_due);
        let when = match due {
            Some(d) if d < today => When::Now,
            Some(d) if kind == Step::Wait => When::Until(d),
            Some(d) => When::By(d),
            None if kind.urgent() => When::Now,
            None => When::Any,
        };
        let act = match when {
            When::Now => today,
            When::By(d) | When::Until(d) => d,
            When::Any => Date::LAST,
        };
        steps.push((PlanStep { finding: f, when }, (x.practice, kind, act, f)));
    }
    sort_small(&mut steps, |s| s.1);
    steps.into_iter().map(|s| s.0).collect()
}

fn push_unique(v: &mut Vec<u16>, x: u16) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Gathers every finding whose condition holds for the answers on the path.
pub fn outcome(g: &Graph, answers: &Answers, today: Date) -> Outcome {
    let on_path = walk(g, answers, today).counted;
    let ev = Eval { g, answers: &on_path, today };
    let mut shown: Vec<u16> = (0..g.findings.len() as u16).filter(|&f| ev.holds(&g.findings[f as usize].when)).collect();
    sort_small(&mut shown, |&f| {
        let x = &g.findings[f as usize];
        (x.section, x.rank, f)
    });
    let plan = plan(g, &shown, |d| ev.due(d), today);
    let mut o = Outcome { findings: shown.clone(), plan, ..Default::default() };
    for &f in &shown {
        let x = &g.findings[f as usize];
        // A letter whose premise the answers contradict is never offered.
        for &l in x.letters.iter().filter(|&&l| g.letters.get(l as usize).is_some_and(|y| ev.holds(&y.needs))) {
            push_unique(&mut o.letters, l);
        }
        for &c in x.basis {
            push_unique(&mut o.citations, c);
        }
        for &t in x.terms {
            push_unique(&mut o.terms, t);
        }
        if let Some(d) = x.deadline {
            if let Some(due) = ev.due(d) {
                if !o.deadlines.iter().any(|s| s.deadline == d) {
                    o.deadlines.push(DeadlineStatus { deadline: d, due, days_left: due.days() - today.days() });
                }
                for &c in g.deadlines[d as usize].basis {
                    push_unique(&mut o.citations, c);
                }
            }
        }
    }
    for &l in &o.letters {
        for &c in g.letters[l as usize].basis {
            push_unique(&mut o.citations, c);
        }
    }
    sort_small(&mut o.deadlines, |s| (s.due, s.deadline));
    o
}

/// How far along the parent is at question `q`: its number on the route, and about how many
/// questions the route will have ("Question 5 of about 12"). The questions still to come are
/// counted as if each were answered in the first way that fits (for a date, "I do not know",
/// or today): an estimate, which is why the page says "about".
pub fn progress(g: &Graph, answers: &Answers, q: u16, today: Date) -> (usize, usize) {
    let mut b = answers.clone();
    let mut w = walk(g, &b, today);
    for _ in 0..g.questions.len() {
        let Some(n) = w.next else { break };
        let x = &g.questions[n as usize];
        // The first option this route offers.
        let first = Eval { g, answers: &w.counted, today }.first_offered(x).unwrap_or(0);
        let a = match x.kind {
            Kind::Date if x.unsure.is_some() => Answer::Unsure,
            Kind::Date => Answer::Date(today),
            Kind::One => Answer::One(first as u8),
            Kind::Many => Answer::Many(1 << first),
        };
        b.set(n, a);
        w = walk(g, &b, today);
    }
    let at = w.path.iter().position(|&x| x == q).map_or(w.path.len() + 1, |i| i + 1);
    (at, w.path.len().max(at))
}

/// A stable insertion sort: the lists here are short (at most the number of findings), and
/// the standard library's sorts cost kilobytes of wasm for each type they sort.
pub fn sort_small<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The parent's optional details, used only to fill letters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub child: String,
    pub parent: String,
    pub school: String,
    /// Index into `Graph::authorities`.
    pub la: Option<u8>,
    /// Index into `Graph::boards`.
    pub lhb: Option<u8>,
    /// Optional, only for letters: the child's full name and date of birth, and how to reach
    /// the parent.
    pub full_name: String,
    pub dob: String,
    pub contact: String,
}

pub const MAX_NAME: usize = 60;
pub const MAX_SCHOOL: usize = 120;
pub const MAX_FULL_NAME: usize = 120;
pub const MAX_DOB: usize = 30;
pub const MAX_CONTACT: usize = 200;

/// The parent's own texts among the details, in the order of [`Details::texts`]: the key in
/// the saved line, and the longest allowed (in characters).
pub const DETAIL_TEXTS: [(&str, usize); 6] =
    [("child", MAX_NAME), ("parent", MAX_NAME), ("school", MAX_SCHOOL), ("full", MAX_FULL_NAME), ("dob", MAX_DOB), ("contact", MAX_CONTACT)];

/// The parent's details the letters offered for these answers use, a bit each in
/// `Detail::ALL` order; the child's and the parent's names always (the pages use them too).
/// The About page asks only for these: a home-educating parent is not asked for a school.
pub fn details_used(g: &Graph, o: &Outcome, counted: &Answers, today: Date) -> u8 {
    let names = Detail::Child.bit() | Detail::Parent.bit();
    let used = o.letters.iter().filter_map(|&l| g.letters.get(l as usize)).fold(names, |b, l| b | l.details);
    // A young person writing about themselves gives one name, their own ({child} reads it too).
    let used = match voice(g, counted, today) {
        Voice::You => used & !Detail::Child.bit(),
        _ => used,
    };
    // A date of birth already answered (or declined) on the route is never asked again.
    match g.dob_question().is_some_and(|q| counted.get(q).is_some()) {
        true => used & !Detail::Dob.bit(),
        false => used,
    }
}

impl Details {
    /// The texts the parent typed, in the order of [`DETAIL_TEXTS`].
    pub fn texts(&self) -> [&String; 6] {
        [&self.child, &self.parent, &self.school, &self.full_name, &self.dob, &self.contact]
    }
    pub fn texts_mut(&mut self) -> [&mut String; 6] {
        [&mut self.child, &mut self.parent, &mut self.school, &mut self.full_name, &mut self.dob, &mut self.contact]
    }
    /// The health board: the one chosen, else the local authority's.
    pub fn board(&self, g: &Graph) -> Option<u8> {
        self.lhb.or_else(|| self.la.and_then(|a| g.authorities.get(a as usize)).map(|a| a.board))
    }
}

/// A blank in a letter, for what the parent did not give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    Detail(Detail),
    Date,
    /// `{told}` when the parent ticked none of the statements.
    Told,
}

/// Names the twelve months and the blanks for what the parent did not give.
pub struct Words<'a> {
    pub months: [&'a str; 12],
    pub blank: &'a dyn Fn(Blank) -> String,
    /// Reads a word of the content (for `{told}`, which gathers findings' words).
    pub text: &'a dyn Fn(Txt) -> &'a str,
}

/// "14 March 2027".
pub fn long_date(d: Date, months: &[&str; 12]) -> String {
    let mut s = d.d.to_string();
    s.push(' ');
    s.push_str(months[(d.m as usize).clamp(1, 12) - 1]);
    s.push(' ');
    s.push_str(&d.y.to_string());
    s
}

/// Replaces `{child}`, `{date:Q}`, `{due:D}` … (see [`Placeholder`]) in a template. What the
/// parent did not give becomes a clear blank; a placeholder the engine does not know is kept
/// as written.
pub fn fill(g: &Graph, template: &str, answers: &Answers, details: &Details, today: Date, w: &Words) -> String {
    let ev = Eval { g, answers, today };
    let you = voice(g, answers, today) == Voice::You;
    let text = |s: &str, d: Detail| if s.trim().is_empty() { (w.blank)(Blank::Detail(d)) } else { s.trim().to_string() };
    let date = |d: Option<Date>| d.map(|d| long_date(d, &w.months)).unwrap_or_else(|| (w.blank)(Blank::Date));
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else {
            out.push_str(&rest[i..]);
            return out;
        };
        let name = &after[..j];
        let value = match Placeholder::parse(name) {
            // A young person writing about themselves: the child is the one writing.
            Some(Placeholder::Detail(d @ Detail::Child)) => Some(text(if you { &details.parent } else { &details.child }, d)),
            Some(Placeholder::Detail(d @ Detail::Parent)) => Some(text(&details.parent, d)),
            Some(Placeholder::Detail(d @ Detail::School)) => Some(text(&details.school, d)),
            // The full name, else the first name given, else a blank.
            Some(Placeholder::Detail(d @ Detail::FullName)) => Some(text(
                match (details.full_name.trim().is_empty(), you) {
                    (false, _) => &details.full_name,
                    (true, true) => &details.parent,
                    (true, false) => &details.child,
                },
                d,
            )),
            // The date of birth the parent gave as an answer, else one typed on an older Camau.
            Some(Placeholder::Detail(d @ Detail::Dob)) => Some(match g.dob_question().and_then(|q| answers.get(q)) {
                Some(Answer::Date(x)) => long_date(*x, &w.months),
                _ => text(&details.dob, d),
            }),
            Some(Placeholder::Detail(d @ Detail::Contact)) => Some(text(&details.contact, d)),
            Some(Placeholder::Detail(d @ Detail::La)) => Some(match details.la.and_then(|a| g.authorities.get(a as usize)) {
                Some(a) => (w.text)(a.name).to_string(),
                None => (w.blank)(Blank::Detail(d)),
            }),
            Some(Placeholder::Detail(d @ Detail::Lhb)) => Some(match details.board(g).and_then(|b| g.boards.get(b as usize)) {
                Some(b) => (w.text)(b.name).to_string(),
                None => (w.blank)(Blank::Detail(d)),
            }),
            Some(Placeholder::Today) => Some(long_date(today, &w.months)),
            // What the parent was told, one statement a paragraph (each filled in turn).
            Some(Placeholder::Told) => Some({
                let said: Vec<String> = g
                    .findings
                    .iter()
                    .filter(|f| ev.holds(&f.when))
                    .filter_map(|f| f.confirm)
                    .map(|c| fill(g, (w.text)(c), answers, details, today, w))
                    .collect();
                match said.is_empty() {
                    true => (w.blank)(Blank::Told),
                    false => said.join("\n\n"),
                }
            }),
            Some(Placeholder::Date(q)) => g.question_by_id(q).map(|q| {
                date(match answers.get(q) {
                    Some(Answer::Date(d)) => Some(*d),
                    _ => None,
                })
            }),
            Some(Placeholder::Due(d)) => g.deadline_by_id(d).map(|d| date(ev.due(d))),
            // The phrase for the option chosen, else the `else` one; filled in turn (a phrase
            // holds no {answer:…}, so this goes one level deep).
            Some(Placeholder::Answer(q, name)) => g.question_by_id(q).and_then(|qi| {
                let chosen = match answers.get(qi) {
                    Some(Answer::One(o)) => Some(*o),
                    _ => None,
                };
                let says = g.questions[qi as usize].says.iter().find(|s| s.name == name)?;
                let phrase = says.phrases.iter().find(|p| p.0.is_some() && p.0 == chosen).or_else(|| says.phrases.iter().find(|p| p.0.is_none()))?;
                Some(fill(g, (w.text)(phrase.1), answers, details, today, w))
            }),
            None => None,
        };
        rest = &after[j + 1..];
        match value {
            // A paragraph of its own that fills to nothing (a phrase for other families)
            // leaves no empty paragraph behind.
            Some(v) if v.is_empty() && out.ends_with("\n\n") && rest.starts_with("\n\n") => rest = &rest[2..],
            // The same at the very end: no blank lines left after the last paragraph.
            Some(v) if v.is_empty() && out.ends_with("\n\n") && rest.trim().is_empty() => {
                out.truncate(out.trim_end().len());
                rest = "";
            }
            Some(v) => out.push_str(&v),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
    }
    out.push_str(rest);
    out
}
