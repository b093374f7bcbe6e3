//! The compiled decision graph: plain static data, written by build.rs from
//! `content/*.toml`. Indices (`u16`, `u8`) point into the slices of [`Graph`].
//! Every word is a [`Txt`] key into a string table, so a translation is a second
//! table with the same keys and no logic changes.

/// A key into [`Graph::strings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Txt(pub u16);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Radios: exactly one option.
    One,
    /// Checkboxes: one or more options.
    Many,
    /// Day, month, year (or "I do not know" when `unsure` is set).
    Date,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Question(u16),
    /// The end of the questions: check answers, then the outcome.
    Check,
}

#[derive(Debug)]
pub enum Cond {
    Always,
    Eq(u16, u8),
    Ne(u16, u8),
    In(u16, &'static [u8]),
    Has(u16, u8),
    Answered(u16),
    Known(u16),
    Overdue(u16),
    Upcoming(u16),
    Not(&'static Cond),
    And(&'static [Cond]),
    Or(&'static [Cond]),
}

#[derive(Debug)]
pub struct Part {
    pub id: &'static str,
    pub name: Txt,
}

#[derive(Debug)]
pub struct Opt {
    pub id: &'static str,
    pub label: Txt,
    pub hint: Option<Txt>,
    pub next: Option<Target>,
    pub exclusive: bool,
}

#[derive(Debug)]
pub struct Route {
    pub when: Cond,
    pub to: Target,
}

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub part: u8,
    pub kind: Kind,
    pub title: Txt,
    pub hint: Option<Txt>,
    pub options: &'static [Opt],
    pub routes: &'static [Route],
    pub next: Option<Target>,
    pub unsure: Option<Txt>,
    pub future: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Responsible,
    Told,
    Deadlines,
    Steps,
    Escalation,
    Practice,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Responsible,
        Section::Told,
        Section::Deadlines,
        Section::Steps,
        Section::Escalation,
        Section::Practice,
    ];
    pub fn id(self) -> &'static str {
        match self {
            Section::Responsible => "responsible",
            Section::Told => "told",
            Section::Deadlines => "deadlines",
            Section::Steps => "steps",
            Section::Escalation => "escalation",
            Section::Practice => "practice",
        }
    }
}

#[derive(Debug)]
pub struct Finding {
    pub id: &'static str,
    pub section: Section,
    pub rank: i32,
    pub when: Cond,
    pub title: Txt,
    pub says: Txt,
    pub who: Option<Txt>,
    pub told: Option<Txt>,
    pub basis: &'static [u16],
    pub practice: bool,
    pub summary: Option<Txt>,
    pub summary_rank: i32,
    pub deadline: Option<u16>,
    pub letters: &'static [u16],
    /// Glossary terms that appear in this finding's words.
    pub terms: &'static [u16],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Days,
    Weeks,
    Months,
    /// Monday to Friday; holidays are not known, so the date is an estimate.
    SchoolDays,
    /// As school days, for a further education institution's term.
    TermDays,
}

#[derive(Debug)]
pub struct Deadline {
    pub id: &'static str,
    pub from: u16,
    pub amount: u16,
    pub unit: Unit,
    pub label: Txt,
    pub basis: &'static [u16],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LetterKind {
    Letter,
    Script,
}

#[derive(Debug)]
pub struct Letter {
    pub id: &'static str,
    pub kind: LetterKind,
    pub title: Txt,
    pub to: Option<Txt>,
    pub subject: Option<Txt>,
    pub body: Txt,
    pub basis: &'static [u16],
}

#[derive(Debug)]
pub struct Citation {
    pub id: &'static str,
    pub full: Txt,
    pub short: Txt,
}

#[derive(Debug)]
pub struct Term {
    pub id: &'static str,
    pub term: Txt,
    pub means: Txt,
}

#[derive(Debug)]
pub struct Authority {
    pub id: &'static str,
    pub name: Txt,
    pub board: u8,
}

#[derive(Debug)]
pub struct Board {
    pub id: &'static str,
    pub name: Txt,
}

#[derive(Debug)]
pub struct Graph {
    pub start: u16,
    pub parts: &'static [Part],
    pub questions: &'static [Question],
    pub findings: &'static [Finding],
    pub deadlines: &'static [Deadline],
    pub letters: &'static [Letter],
    pub citations: &'static [Citation],
    pub terms: &'static [Term],
    pub authorities: &'static [Authority],
    pub boards: &'static [Board],
    pub strings: &'static [&'static str],
    /// The outcome page's words (`Txt` ids with [`LATE_BIT`]): compiled in natively; empty in
    /// the browser, which fetches them once the first page is up (see [`accept_late`]).
    pub late: &'static [&'static str],
}

/// `Txt` ids with this bit set are late words.
pub const LATE_BIT: u16 = 0x8000;
/// Separates the strings in the late words file.
pub const LATE_SEP: char = '\u{1f}';

static LOADED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

/// FNV-1a, 64 bits (the same as the compiler's): checks the late words file.
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Why a fetched late words file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LateError {
    /// Not the file this build expects (another release, or a host's "not found" page).
    Mismatch,
}

/// Takes the fetched late words file. It is only checked (hash, count) and split: no parsing.
/// Accepting twice keeps the first.
pub fn accept_late(bytes: Vec<u8>, hash: u64, count: usize) -> Result<(), LateError> {
    if fnv64(&bytes) != hash {
        return Err(LateError::Mismatch);
    }
    let text: &'static str = String::from_utf8(bytes).map_err(|_| LateError::Mismatch)?.leak();
    let words: Vec<&'static str> = text.split(LATE_SEP).collect();
    if words.len() != count {
        return Err(LateError::Mismatch);
    }
    let _ = LOADED.set(words);
    Ok(())
}

/// Whether the late words are here (always, natively).
pub fn late_ready(g: &Graph) -> bool {
    !g.late.is_empty() || LOADED.get().is_some()
}

impl Graph {
    pub fn text(&self, t: Txt) -> &'static str {
        if t.0 & LATE_BIT == 0 {
            return self.strings.get(t.0 as usize).copied().unwrap_or("");
        }
        let i = (t.0 & !LATE_BIT) as usize;
        self.late.get(i).or_else(|| LOADED.get().and_then(|w| w.get(i))).copied().unwrap_or("")
    }
    pub fn question_by_id(&self, id: &str) -> Option<u16> {
        self.questions.iter().position(|q| q.id == id).map(|i| i as u16)
    }
    pub fn finding_by_id(&self, id: &str) -> Option<u16> {
        self.findings.iter().position(|f| f.id == id).map(|i| i as u16)
    }
    pub fn letter_by_id(&self, id: &str) -> Option<u16> {
        self.letters.iter().position(|f| f.id == id).map(|i| i as u16)
    }
    pub fn deadline_by_id(&self, id: &str) -> Option<u16> {
        self.deadlines.iter().position(|f| f.id == id).map(|i| i as u16)
    }
    pub fn citation_by_id(&self, id: &str) -> Option<u16> {
        self.citations.iter().position(|f| f.id == id).map(|i| i as u16)
    }
}
