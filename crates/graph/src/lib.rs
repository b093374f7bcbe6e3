//! One home for what the content compiler (run by `build.rs`) and the app both need.
//!
//! The three forms of the content stay apart on purpose (raw TOML in `compiler/raw.rs`, the
//! checked model in `compiler/model.rs`, the static graph in `engine/graph.rs`); this crate
//! holds only what they would otherwise each write out again: the names of kinds, sections
//! and units, the placeholders a text may hold, the languages, the words files' constants and hash,
//! and HTML escaping. No dependencies, no IO.

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Radios: exactly one option.
    One,
    /// Checkboxes: one or more options.
    Many,
    /// Day, month, year (or "I do not know" when the question has `unsure`).
    Date,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::One, Kind::Many, Kind::Date];
    /// The word used in the content (`kind = "one"`).
    pub fn id(self) -> &'static str {
        match self {
            Kind::One => "one",
            Kind::Many => "many",
            Kind::Date => "date",
        }
    }
    pub fn from_id(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// The sections of the outcome page a finding belongs to.
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
    /// In the order the outcome page shows them.
    pub const ALL: [Section; 6] =
        [Section::Responsible, Section::Told, Section::Deadlines, Section::Steps, Section::Escalation, Section::Practice];
    /// The word used in the content (`section = "steps"`) and in the page's element ids.
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
    pub fn from_id(s: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|x| x.id() == s)
    }
}

/// What a next step is: the plan orders steps by this, never by hand-tuned numbers
/// (`content/FORMAT.md`, "The plan"). In plan order: earlier kinds come first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// A right of the family's with a time limit (appeal, reconsideration): lost if missed.
    Right,
    /// Chasing a duty that is overdue.
    Chase,
    /// A request that starts a duty and its clock (ask for a decision, a review, an assessment).
    Request,
    /// Asking for an answer, a reason or a date in writing, with no clock of its own.
    Ask,
    /// Finding a fact or gathering evidence.
    Evidence,
    /// Waiting for a duty whose date has not come.
    Wait,
}

impl Step {
    pub const ALL: [Step; 6] = [Step::Right, Step::Chase, Step::Request, Step::Ask, Step::Evidence, Step::Wait];
    /// The word used in the content (`step = "chase"`).
    pub fn id(self) -> &'static str {
        match self {
            Step::Right => "right",
            Step::Chase => "chase",
            Step::Request => "request",
            Step::Ask => "ask",
            Step::Evidence => "evidence",
            Step::Wait => "wait",
        }
    }
    pub fn from_id(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|x| x.id() == s)
    }
    /// Whether the step is to be done now when it has no date of its own (a wait or a search
    /// for facts has no "now").
    pub fn urgent(self) -> bool {
        matches!(self, Step::Right | Step::Chase | Step::Request)
    }
}

/// What a deadline counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Days,
    Weeks,
    Months,
    /// Monday to Friday, skipping bank holidays and the usual Welsh school holidays (an
    /// approximation: term dates vary by council), so the date is an estimate.
    SchoolDays,
    /// As school days, for a further education institution's term.
    TermDays,
}

impl Unit {
    pub const ALL: [Unit; 5] = [Unit::Days, Unit::Weeks, Unit::Months, Unit::SchoolDays, Unit::TermDays];
    /// The word used in the content (`add = "6 weeks"`); `Days`, `Weeks` and `Months` also
    /// take the singular ("1 week").
    pub fn id(self) -> &'static str {
        match self {
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Months => "months",
            Unit::SchoolDays => "school_days",
            Unit::TermDays => "term_days",
        }
    }
    pub fn from_id(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.id() == s || (u.id().strip_suffix('s') == Some(s) && !u.id().contains('_')))
    }
}

/// A letter to send, or a script to use at a meeting or on the phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LetterKind {
    Letter,
    Script,
}

impl LetterKind {
    pub const ALL: [LetterKind; 2] = [LetterKind::Letter, LetterKind::Script];
    pub fn id(self) -> &'static str {
        match self {
            LetterKind::Letter => "letter",
            LetterKind::Script => "script",
        }
    }
    pub fn from_id(s: &str) -> Option<LetterKind> {
        LetterKind::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// What a contact is: a council or a health board (one for each in `places.toml`, named from
/// there) or a national body (law-facts §14).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContactKind {
    Council,
    HealthBoard,
    National,
}

impl ContactKind {
    pub const ALL: [ContactKind; 3] = [ContactKind::Council, ContactKind::HealthBoard, ContactKind::National];
    /// The word used in the content (`kind = "health_board"`) and in the words' keys.
    pub fn id(self) -> &'static str {
        match self {
            ContactKind::Council => "council",
            ContactKind::HealthBoard => "health_board",
            ContactKind::National => "national",
        }
    }
    pub fn from_id(s: &str) -> Option<ContactKind> {
        ContactKind::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// Something the parent told Camau about themselves, filled into texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Detail {
    Child,
    Parent,
    School,
    /// The local authority (council).
    La,
    /// The local health board.
    Lhb,
    /// The child's full name (a health board cannot find a child by a first name).
    FullName,
    /// The child's date of birth, as the parent wrote it.
    Dob,
    /// How to reach the parent: an email, a phone number or an address.
    Contact,
}

impl Detail {
    pub const ALL: [Detail; 8] = [Detail::Child, Detail::Parent, Detail::School, Detail::La, Detail::Lhb, Detail::FullName, Detail::Dob, Detail::Contact];
    /// Its bit in a set of details (a letter's `details`).
    pub fn bit(self) -> u8 {
        1 << self as u8
    }
    pub fn id(self) -> &'static str {
        match self {
            Detail::Child => "child",
            Detail::Parent => "parent",
            Detail::School => "school",
            Detail::La => "la",
            Detail::Lhb => "lhb",
            Detail::FullName => "full_name",
            Detail::Dob => "dob",
            Detail::Contact => "contact",
        }
    }
}

/// A `{...}` placeholder in a finding or letter: the only names a text may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placeholder<'a> {
    /// `{child}`, `{parent}`, `{school}`, `{la}`, `{lhb}`, `{full_name}`, `{dob}`, `{contact}`.
    Detail(Detail),
    /// `{today}`.
    Today,
    /// `{told}`: each statement the parent said they were told, as `confirm` puts it.
    Told,
    /// `{date:QUESTION}`: the date the parent gave for a date question.
    Date(&'a str),
    /// `{due:DEADLINE}`: a deadline worked out from the parent's dates.
    Due(&'a str),
    /// `{answer:QUESTION.PHRASE}`: a phrase for the option the parent chose, from the
    /// question's `[question.says.PHRASE]` table ("the school", "{la}"), else its `else`.
    Answer(&'a str, &'a str),
}

/// The prefix of `{answer:QUESTION.PHRASE}`.
pub const ANSWER_PREFIX: &str = "answer:";

/// The prefix of `{date:QUESTION}`.
pub const DATE_PREFIX: &str = "date:";
/// The prefix of `{due:DEADLINE}`.
pub const DUE_PREFIX: &str = "due:";

impl<'a> Placeholder<'a> {
    /// Reads the name between the braces; `None` for a name no text may use.
    pub fn parse(name: &'a str) -> Option<Placeholder<'a>> {
        if name == "today" {
            return Some(Placeholder::Today);
        }
        if name == "told" {
            return Some(Placeholder::Told);
        }
        if let Some(d) = Detail::ALL.into_iter().find(|d| d.id() == name) {
            return Some(Placeholder::Detail(d));
        }
        if let Some(q) = name.strip_prefix(DATE_PREFIX) {
            return Some(Placeholder::Date(q));
        }
        if let Some((q, phrase)) = name.strip_prefix(ANSWER_PREFIX).and_then(|x| x.split_once('.')) {
            return Some(Placeholder::Answer(q, phrase));
        }
        name.strip_prefix(DUE_PREFIX).map(Placeholder::Due)
    }
    /// Every form, for the compiler's message ("use {child}, …").
    pub const HELP: &'static str =
        "{child}, {parent}, {school}, {la}, {lhb}, {full_name}, {dob}, {contact}, {today}, {told}, {date:DATE_QUESTION}, {due:DEADLINE} or {answer:QUESTION.PHRASE}";
}

// ---- Gaps in letters: `[bracketed form | Question?]` (content/FORMAT.md) ----

/// A gap in a letter: what the letter says until it is filled (`[say why]`), and the
/// question the app asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// With its brackets, as the letter shows it.
    pub form: String,
    pub question: String,
}

/// Splits a filled letter into the text to show (each gap as its bracketed form) and its gaps.
/// A `[` with no `|` or no `]` is left as it is.
pub fn gaps(filled: &str) -> (String, Vec<Gap>) {
    let mut text = String::with_capacity(filled.len());
    let mut found = Vec::new();
    let mut rest = filled;
    while let Some(i) = rest.find('[') {
        text.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find(']').map(|j| (j, &after[..j])) {
            Some((j, inner)) if inner.contains('|') => {
                let (form, question) = inner.split_once('|').unwrap_or((inner, ""));
                let form = ["[", form.trim(), "]"].concat();
                text.push_str(&form);
                if !found.iter().any(|g: &Gap| g.form == form) {
                    found.push(Gap { form, question: question.trim().to_string() });
                }
                rest = &after[j + 1..];
            }
            _ => {
                text.push('[');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    (text, found)
}

/// The languages Camau is written in. Every text has both (`content/cy/` holds the Welsh).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    #[default]
    En,
    Cy,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];
    /// The BCP 47 tag (`html lang`, the saved choice, the words files' names).
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }
    pub fn from_id(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.id() == s)
    }
    /// The other language (the switch's target).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Cy,
            Lang::Cy => Lang::En,
        }
    }
}

/// The operators of a condition's code (`engine::graph::Cond`), which the compiler writes
/// (through [`CondTree::write`]) and the engine reads.
pub mod op {
    pub const ALWAYS: u8 = 0;
    pub const EQ: u8 = 1;
    pub const NE: u8 = 2;
    pub const IN: u8 = 3;
    pub const HAS: u8 = 4;
    pub const ANSWERED: u8 = 5;
    pub const KNOWN: u8 = 6;
    pub const OVERDUE: u8 = 7;
    pub const UPCOMING: u8 = 8;
    pub const NOT: u8 = 9;
    pub const AND: u8 = 10;
    pub const OR: u8 = 11;
}

/// A condition as a tree: a question and an option (`Eq`, `Ne`, `Has`), a question and some
/// options (`In`), a question (`Answered`, `Known`), a deadline (`Overdue`, `Upcoming`), each
/// an index of a byte. The compiler writes it as prefix code, each operator ([`op`]) followed
/// by its operands, one byte each (`In`, `And`, `Or` first their count); the app evaluates the
/// code itself, and tests read it back ([`CondTree::read`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CondTree {
    Always,
    Eq(u8, u8),
    Ne(u8, u8),
    In(u8, Vec<u8>),
    Has(u8, u8),
    Answered(u8),
    Known(u8),
    Overdue(u8),
    Upcoming(u8),
    Not(Box<CondTree>),
    And(Vec<CondTree>),
    Or(Vec<CondTree>),
}

impl CondTree {
    /// Appends the code. A list longer than a byte can count is split (`In` into `Or`s of
    /// `In`s, `And` and `Or` into nested ones), which means the same.
    pub fn write(&self, o: &mut Vec<u8>) {
        use CondTree::*;
        match self {
            Always => o.push(op::ALWAYS),
            Eq(q, x) => o.extend([op::EQ, *q, *x]),
            Ne(q, x) => o.extend([op::NE, *q, *x]),
            In(q, v) if v.len() > 255 => Or(v.chunks(255).map(|v| In(*q, v.to_vec())).collect()).write(o),
            In(q, v) => {
                o.extend([op::IN, *q, v.len() as u8]);
                o.extend(v);
            }
            Has(q, x) => o.extend([op::HAS, *q, *x]),
            Answered(q) => o.extend([op::ANSWERED, *q]),
            Known(q) => o.extend([op::KNOWN, *q]),
            Overdue(d) => o.extend([op::OVERDUE, *d]),
            Upcoming(d) => o.extend([op::UPCOMING, *d]),
            Not(c) => {
                o.push(op::NOT);
                c.write(o);
            }
            And(v) | Or(v) => {
                let and = matches!(self, And(_));
                let make = |v: Vec<CondTree>| if and { And(v) } else { Or(v) };
                if v.len() > 255 {
                    make(v.chunks(255).map(|v| make(v.to_vec())).collect()).write(o);
                } else {
                    o.extend([if and { op::AND } else { op::OR }, v.len() as u8]);
                    v.iter().for_each(|c| c.write(o));
                }
            }
        }
    }
    /// The code of this condition alone.
    pub fn code(&self) -> Vec<u8> {
        let mut o = vec![];
        self.write(&mut o);
        o
    }
    /// Moves `at` past the condition whose code starts there, without reading it into a tree
    /// (the engine steps over the clauses left once an `and` or `or` is decided).
    pub fn skip(code: &[u8], at: &mut usize) {
        let o = code.get(*at).copied();
        *at += 1;
        let count = |at: &mut usize| {
            let n = code.get(*at).copied().unwrap_or(0) as usize;
            *at += 1;
            n
        };
        match o {
            Some(op::EQ | op::NE | op::HAS) => *at += 2,
            Some(op::IN) => {
                *at += 1;
                let n = count(at);
                *at += n;
            }
            Some(op::ANSWERED | op::KNOWN | op::OVERDUE | op::UPCOMING) => *at += 1,
            Some(op::NOT) => CondTree::skip(code, at),
            Some(op::AND | op::OR) => (0..count(at)).for_each(|_| CondTree::skip(code, at)),
            _ => {}
        }
    }
    /// The condition whose code starts at `*at`, moving `at` past it; None for code that is cut
    /// short or has an unknown operator.
    pub fn read(code: &[u8], at: &mut usize) -> Option<CondTree> {
        use CondTree::*;
        let byte = |at: &mut usize| {
            let b = code.get(*at).copied();
            *at += 1;
            b
        };
        Some(match byte(at)? {
            op::ALWAYS => Always,
            op::EQ => Eq(byte(at)?, byte(at)?),
            op::NE => Ne(byte(at)?, byte(at)?),
            op::IN => {
                let q = byte(at)?;
                let n = byte(at)?;
                In(q, (0..n).map(|_| byte(at)).collect::<Option<_>>()?)
            }
            op::HAS => Has(byte(at)?, byte(at)?),
            op::ANSWERED => Answered(byte(at)?),
            op::KNOWN => Known(byte(at)?),
            op::OVERDUE => Overdue(byte(at)?),
            op::UPCOMING => Upcoming(byte(at)?),
            op::NOT => Not(Box::new(CondTree::read(code, at)?)),
            o @ (op::AND | op::OR) => {
                let n = byte(at)?;
                let v = (0..n).map(|_| CondTree::read(code, at)).collect::<Option<Vec<_>>>()?;
                if o == op::AND { And(v) } else { Or(v) }
            }
            _ => return None,
        })
    }
}

/// The words travel apart from the wasm, two files per language: the start words (the
/// interface and the first question, fetched beside the wasm) and the later words (every
/// other page's), fetched once the first page is up.
pub mod late {
    /// Keys of the later words. (Every page after the first question needs them: the "About
    /// you" and check pages, a date question's errors, the blanks of a letter and the privacy
    /// page's text are never shown before.) The first question's words are start words
    /// whatever their key.
    pub const PREFIXES: [&str; 13] = [
        "finding.", "deadline.", "letter.", "citation.", "term.", "ui.outcome_", "ui.about_", "ui.check_", "ui.date_", "ui.blank_",
        "ui.privacy_text_", "question.", "contact.",
    ];
    /// `Txt` ids with this bit set index the later table.
    pub const BIT: u16 = 0x8000;
    /// Separates the strings in a words file (content may not contain it).
    pub const SEP: char = '\u{1f}';

    /// Whether a string with this key is a later word.
    pub fn is_late(key: &str) -> bool {
        PREFIXES.iter().any(|p| key.starts_with(p))
    }

    /// FNV-1a, 64 bits: names a words file, and checks it when fetched.
    pub fn fnv64(bytes: &[u8]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    }

    /// A words file's name: `words-<lang>-start-<hash>.txt` or `words-<lang>-more-<hash>.txt`.
    pub fn file_name(lang: super::Lang, start: bool, hash: u64) -> String {
        let mut s = String::from("words-");
        s.push_str(lang.id());
        s.push_str(if start { "-start-" } else { "-more-" });
        const HEX: &[u8; 16] = b"0123456789abcdef";
        for i in (0..16).rev() {
            s.push(HEX[((hash >> (i * 4)) & 15) as usize] as char);
        }
        s.push_str(".txt");
        s
    }
}

/// Escapes text for HTML content and for double- or single-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_id(k.id()), Some(k));
        }
        for s in Section::ALL {
            assert_eq!(Section::from_id(s.id()), Some(s));
        }
        for u in Unit::ALL {
            assert_eq!(Unit::from_id(u.id()), Some(u));
        }
        for l in LetterKind::ALL {
            assert_eq!(LetterKind::from_id(l.id()), Some(l));
        }
        for d in Detail::ALL {
            assert_eq!(Placeholder::parse(d.id()), Some(Placeholder::Detail(d)));
        }
        assert_eq!(Unit::from_id("week"), Some(Unit::Weeks));
        assert_eq!(Unit::from_id("school_day"), None);
        assert_eq!(Kind::from_id("One"), None);
        assert_eq!(Section::from_id(""), None);
    }

    #[test]
    fn placeholders() {
        assert_eq!(Placeholder::parse("today"), Some(Placeholder::Today));
        assert_eq!(Placeholder::parse("date:s20_date"), Some(Placeholder::Date("s20_date")));
        assert_eq!(Placeholder::parse("due:nhs_answer"), Some(Placeholder::Due("nhs_answer")));
        assert_eq!(Placeholder::parse("name"), None);
        assert_eq!(Placeholder::parse(""), None);
    }

    #[test]
    fn escaping_covers_both_quotes() {
        assert_eq!(esc("<a href=\"x\" title='y'>Tom & Siân ŵ</a>"), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Siân ŵ&lt;/a&gt;");
    }

    #[test]
    fn late_file_name_is_the_hash_in_hex() {
        let h = late::fnv64("Camau ŵ ŷ".as_bytes());
        assert_eq!(late::file_name(Lang::Cy, true, h), format!("words-cy-start-{h:016x}.txt"));
        assert_eq!(late::file_name(Lang::En, false, h), format!("words-en-more-{h:016x}.txt"));
        assert_eq!(Lang::ALL.map(|l| Lang::from_id(l.id())), [Some(Lang::En), Some(Lang::Cy)]);
        assert_eq!(late::fnv64(b""), 0xcbf2_9ce4_8422_2325);
        assert!(late::is_late("finding.x.title") && !late::is_late("ui.continue"));
    }
}
