//! The "high" form: a checked model of the content, with every reference
//! resolved to an index. Codegen and the reviewers' map are written from it.

/// The names of kinds, sections, units and letter kinds have one home, shared with the app.
pub use camau_graph::{ContactKind, Kind, LetterKind, Section, Step, Unit};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loc {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// What sort of problem a [`Diagnostic`] is: tests (and tools) match on this, not on words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiagKind {
    /// Not TOML, a value of the wrong type, or a required field missing.
    Syntax,
    /// A field no table has (a misspelling).
    UnknownField,
    /// A control character (other than tab and new line) in a string.
    ControlChar,
    /// An id that is not lowercase `a-z0-9_`.
    BadId,
    /// An id defined twice (or a second `[flow]`, or a ui key twice).
    DuplicateId,
    /// A name of something that does not exist (question, part, deadline, letter, citation…).
    Dangling,
    /// A value that is not one of those allowed (kind, section, add, letter kind…), or a
    /// field where it has no meaning.
    BadValue,
    /// Something required is absent (no `[flow]`, no questions, a letter without a subject…).
    Missing,
    /// More than the compiled tables can hold.
    TooMany,
    /// A condition that does not parse or names what does not exist.
    BadCondition,
    /// A `{...}` placeholder that is unknown, unclosed, or on a question page.
    Placeholder,
    /// A `[…]` in a letter that is not a gap with its question (or an `[If …]` sentence).
    BadGap,
    /// A glossary term that is empty or blank.
    EmptyTerm,
    /// A way through the questions that leads nowhere.
    DeadEnd,
    /// A question no path reaches.
    Unreachable,
    /// Questions that lead back to themselves.
    Cycle,
    /// A finding (not good practice), deadline or letter with no citation, or a citation
    /// that is not in citations.toml.
    NoCitation,
    /// A finding with no source, or a contact with no source or no `checked` date.
    NoSource,
    /// A route condition that reads a question never asked before it: the walk routes on the
    /// answers already given, so it would always see that question unanswered.
    RouteReadsLater,
    /// A letter or script that no finding lists, so no parent is ever offered it.
    LetterNeverOffered,
    /// A named condition whose name is also a question id or a word of the condition language.
    ConditionClash,
    /// Named conditions that use each other in a ring.
    CyclicCondition,
    /// A named condition that no `when` uses.
    UnusedCondition,
    /// A contact's `checked` that is not a real date written YYYY-MM-DD.
    BadDate,
    /// A contact's website or page that is not a plain https:// address.
    BadUrl,
    /// A text without its Welsh, Welsh without its text, or Welsh made from other English.
    Welsh,
}

/// One problem in the content, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub kind: DiagKind,
    pub loc: Loc,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.loc, self.message)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MTarget {
    Question(usize),
    Check,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MCond {
    Always,
    Eq(usize, usize),
    Ne(usize, usize),
    In(usize, Vec<usize>),
    Has(usize, usize),
    Answered(usize),
    Known(usize),
    Overdue(usize),
    Upcoming(usize),
    Not(Box<MCond>),
    And(Vec<MCond>),
    Or(Vec<MCond>),
}

/// Never: a graph without `[flow] you` never speaks to a young person.
impl Default for MCond {
    fn default() -> Self {
        MCond::Not(Box::new(MCond::Always))
    }
}

#[derive(Clone, Debug)]
pub struct MPart {
    pub id: String,
    pub name: String,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MOption {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    pub next: Option<MTarget>,
    pub exclusive: bool,
    /// When the option is offered (`MCond::Always` for most), its text, and where it is written.
    pub shown: Option<(MCond, String, Loc)>,
    /// Facts the parent asserts by choosing it (`claims`): (topic, value).
    pub claims: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
pub struct MRoute {
    pub when: MCond,
    pub when_text: String,
    pub to: MTarget,
    /// Where the route's `when` (or, without one, its `to`) is written.
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MQuestion {
    pub id: String,
    pub part: usize,
    pub kind: Kind,
    pub title: String,
    pub hint: Option<String>,
    pub options: Vec<MOption>,
    pub routes: Vec<MRoute>,
    pub next: Option<MTarget>,
    pub unsure: Option<String>,
    pub future: bool,
    /// `{answer:QUESTION.NAME}` phrases: name, then (option index, `None` for `else`, text).
    pub says: Vec<(String, Vec<(Option<usize>, String)>)>,
    /// Retired question ids this one replaces (`replaces`).
    pub replaces: Vec<String>,
    /// Worked out from a date of birth: that question, and the options for a child, a young
    /// person under 18 and one of 18 or over (`[question.age]`).
    pub age: Option<(usize, [usize; 3])>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MFinding {
    pub id: String,
    pub section: Section,
    pub rank: i32,
    pub when: MCond,
    pub when_text: String,
    pub title: String,
    pub says: String,
    pub who: Option<String>,
    pub told: Option<String>,
    pub basis: Vec<usize>,
    pub practice: bool,
    pub step: Option<Step>,
    pub why: Option<String>,
    pub confirm: Option<String>,
    pub deadline: Option<usize>,
    pub letters: Vec<usize>,
    pub terms: Vec<usize>,
    pub source: Vec<String>,
    /// Facts it asserts (`claims`): (topic, value). Never shipped; for the route checks.
    pub claims: Vec<(String, String)>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MDeadline {
    pub id: String,
    pub from: usize,
    pub amount: u16,
    pub unit: Unit,
    /// Ends on a day that is not a working day: runs on to the next working day.
    pub working_day: bool,
    pub label: String,
    pub basis: Vec<usize>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MLetter {
    pub id: String,
    pub kind: LetterKind,
    pub title: String,
    pub to: Option<String>,
    pub subject: Option<String>,
    pub contact: Option<ContactKind>,
    pub body: String,
    pub needs: MCond,
    pub basis: Vec<usize>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MCitation {
    pub id: String,
    pub full: String,
    pub short: String,
    pub law_facts: String,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MTerm {
    pub id: String,
    pub term: String,
    pub means: String,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MCoverage {
    pub doc: String,
    pub section: String,
    pub ids: Vec<String>,
    pub not_used: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MAuthority {
    pub id: String,
    pub name: String,
    pub board: usize,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MBoard {
    pub id: String,
    pub name: String,
    pub loc: Loc,
}

/// A contact (contacts.toml): a council's or board's has its place's index.
#[derive(Clone, Debug)]
pub struct MContact {
    pub id: String,
    pub kind: ContactKind,
    /// Index in `authorities` (a council) or `boards` (a health board); 0 for a national body.
    pub place: usize,
    /// National bodies only: councils and boards take their place's name.
    pub name: Option<String>,
    pub website: Option<String>,
    pub missing: Option<String>,
    pub page: Option<String>,
    pub page_label: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub about: Option<String>,
    pub source: Vec<String>,
    pub checked: String,
    pub loc: Loc,
}

#[derive(Clone, Debug, Default)]
pub struct Model {
    pub start: usize,
    /// When the pages speak to the young person about themselves (`[flow] you`).
    pub you: MCond,
    /// When someone helping a family is using Camau (`[flow] helper`).
    pub helper: MCond,
    pub parts: Vec<MPart>,
    pub questions: Vec<MQuestion>,
    pub findings: Vec<MFinding>,
    pub deadlines: Vec<MDeadline>,
    pub letters: Vec<MLetter>,
    pub citations: Vec<MCitation>,
    pub terms: Vec<MTerm>,
    pub coverage: Vec<MCoverage>,
    pub authorities: Vec<MAuthority>,
    pub boards: Vec<MBoard>,
    /// Councils in `authorities` order, then boards in `boards` order, then national bodies.
    pub contacts: Vec<MContact>,
    pub ui: Vec<(String, String)>,
    /// Where each `ui` word is written (same order).
    pub ui_locs: Vec<Loc>,
    /// The Welsh of each text, by key (`content/cy/*.toml`; `compiler::welsh`).
    pub cy: std::collections::BTreeMap<String, super::welsh::CyText>,
}

impl MCond {
    /// The questions this condition reads, in first-read order (a deadline's condition reads
    /// the deadline's date question).
    pub fn reads(&self, deadlines: &[MDeadline], out: &mut Vec<usize>) {
        let mut add = |q: usize| {
            if !out.contains(&q) {
                out.push(q);
            }
        };
        match self {
            MCond::Always => {}
            MCond::Eq(q, _) | MCond::Ne(q, _) | MCond::In(q, _) | MCond::Has(q, _) | MCond::Answered(q) | MCond::Known(q) => add(*q),
            MCond::Overdue(d) | MCond::Upcoming(d) => {
                if let Some(d) = deadlines.get(*d) {
                    add(d.from)
                }
            }
            MCond::Not(c) => c.reads(deadlines, out),
            MCond::And(cs) | MCond::Or(cs) => cs.iter().for_each(|c| c.reads(deadlines, out)),
        }
    }
}

impl MQuestion {
    /// Every place this question can lead to.
    pub fn targets(&self) -> Vec<MTarget> {
        let mut t: Vec<MTarget> = self.options.iter().filter_map(|o| o.next).collect();
        t.extend(self.routes.iter().map(|r| r.to));
        t.extend(self.next);
        t
    }
}
