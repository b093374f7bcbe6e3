//! The "high" form: a checked model of the content, with every reference
//! resolved to an index. Codegen and the reviewers' map are written from it.

/// The names of kinds, sections, units and letter kinds have one home, shared with the app.
pub use camau_graph::{Kind, LetterKind, Section, Unit};

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

/// One problem in the content, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
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

#[derive(Clone, Debug)]
pub struct MPart {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug)]
pub struct MOption {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    pub next: Option<MTarget>,
    pub exclusive: bool,
}

#[derive(Clone, Debug)]
pub struct MRoute {
    pub when: MCond,
    pub when_text: String,
    pub to: MTarget,
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
    pub summary: Option<String>,
    pub summary_rank: i32,
    pub deadline: Option<usize>,
    pub letters: Vec<usize>,
    pub terms: Vec<usize>,
    pub source: Vec<String>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct MDeadline {
    pub id: String,
    pub from: usize,
    pub amount: u16,
    pub unit: Unit,
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
    pub body: String,
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
}

#[derive(Clone, Debug)]
pub struct MBoard {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Default)]
pub struct Model {
    pub start: usize,
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
    pub ui: Vec<(String, String)>,
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
