//! The compiled decision graph: plain static data, written by build.rs from
//! `content/*.toml`. Indices (`u16`, `u8`) point into the slices of [`Graph`].
//! Every word is a [`Txt`] key into a string table, so a translation is a second
//! table with the same keys and no logic changes.

pub use camau_graph::{late, op, CondTree, ContactKind, Kind, Lang, LetterKind, Section, Step, Unit};

/// Who the words speak to: a parent (the words as written), the young person using Camau
/// about themselves (`{you:A|B}` reads B), or someone helping a family (`{helper:A|B}`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Voice {
    #[default]
    Parent,
    You,
    Helper,
}

/// A key into a language's start words, or (with [`late::BIT`] set) into its later words
/// (see [`Text`]). Held as the key plus one, so that an `Option<Txt>` (a hint, a contact's
/// phone, a finding's "who") takes two bytes in the compiled tables instead of four.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Txt(core::num::NonZeroU16);

impl Txt {
    pub const fn new(key: u16) -> Txt {
        match core::num::NonZeroU16::new(key.wrapping_add(1)) {
            Some(n) => Txt(n),
            None => panic!("a Txt key must be below 0xFFFF"),
        }
    }
    pub const fn key(self) -> u16 {
        self.0.get() - 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Question(u16),
    /// The end of the questions: check answers, then the outcome.
    Check,
}

/// A condition: where its code starts in [`Graph::conds`] (the code is `CondTree`'s, written by
/// the compiler, evaluated by `engine::Eval::holds`). About 2 bytes a condition instead of a
/// tree's 12 and its slices' pointers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cond(pub u16);

impl Cond {
    /// Every code starts with `ALWAYS` at 0.
    pub const ALWAYS: Cond = Cond(0);
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
    /// Offered only when this holds for the answers before the question (`content/FORMAT.md`).
    pub shown: Cond,
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
    /// Phrases for letters (`{answer:QUESTION.NAME}`).
    pub says: &'static [Says],
    /// Worked out from the date of birth when the parent gave one (`[question.age]`).
    pub age: Option<Age>,
}

/// A question answered by a date of birth: that date question, and the option for a child
/// (not over compulsory school age), for a young person under 18, and for one of 18 or over.
#[derive(Debug)]
pub struct Age {
    pub from: u16,
    pub options: [u8; 3],
}

/// A phrase for letters, by the option chosen: `(Some(option), text)`, or `(None, text)` for
/// any other answer or none.
#[derive(Debug)]
pub struct Says {
    pub name: &'static str,
    pub phrases: &'static [(Option<u8>, Txt)],
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
    /// Steps only: what kind of step it is (the plan's order) and why, in one sentence.
    pub step: Option<Step>,
    pub why: Option<Txt>,
    /// "What you were told" only: the statement for the email asking to confirm it (`{told}`).
    pub confirm: Option<Txt>,
    pub deadline: Option<u16>,
    pub letters: &'static [u16],
    /// Glossary terms that appear in this finding's words.
    pub terms: &'static [u16],
}

#[derive(Debug)]
pub struct Deadline {
    pub id: &'static str,
    pub from: u16,
    pub amount: u16,
    pub unit: Unit,
    /// Runs on to the next working day when it ends on a weekend or bank holiday.
    pub working_day: bool,
    pub label: Txt,
    pub basis: &'static [u16],
}

#[derive(Debug)]
pub struct Letter {
    pub id: &'static str,
    pub kind: LetterKind,
    pub title: Txt,
    pub to: Option<Txt>,
    pub subject: Option<Txt>,
    /// Who it goes to (a council or a health board), to name their website.
    pub contact: Option<ContactKind>,
    pub body: Txt,
    pub basis: &'static [u16],
    /// The parent's details it uses, a bit each in `Detail::ALL` order (`engine::details_used`).
    pub details: u8,
    /// Its premise: offered only when this holds (`content/FORMAT.md`).
    pub needs: Cond,
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

/// Where a parent sends things and gets help (`content/contacts.toml`). In `Graph::contacts`
/// the councils come first, in the order of `authorities` (council `la` is `contacts[la]`),
/// then the health boards in the order of `boards` (board `lhb` is
/// `contacts[authorities.len() + lhb]`), then the national bodies. A council's or board's
/// `name` is its place's name; every other word is a late word (the outcome page only).
#[derive(Debug)]
pub struct Contact {
    pub id: &'static str,
    pub kind: ContactKind,
    /// A council's index in `authorities`, a board's in `boards`; 0 for a national body.
    pub place: u8,
    pub name: Txt,
    /// None only where no public source showed one (the content says why).
    pub website: Option<Txt>,
    /// The additional learning needs page (a council) or the concerns page (a board).
    pub page: Option<Txt>,
    pub page_label: Option<Txt>,
    pub phone: Option<Txt>,
    pub email: Option<Txt>,
    /// National bodies: what they do for a parent, in one sentence.
    pub about: Option<Txt>,
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
    pub contacts: &'static [Contact],
    /// Every condition's code ([`Cond`]).
    pub conds: &'static [u8],
    /// Retired question ids, each with the question that took over its meaning (`replaces`).
    pub retired: &'static [(&'static str, u16)],
    /// When the pages speak to the young person about themselves (`[flow] you`).
    pub you: Cond,
    /// When someone helping a family is using Camau (`[flow] helper`).
    pub helper: Cond,
    /// The texts whose young person's voice differs, sorted (`{you:A|B}`): that voice is the
    /// next string of the same table.
    pub voice: &'static [u16],
    /// The same for someone helping (`{helper:A|B}`): the string after the text and after its
    /// young person's voice, if it has one.
    pub helper_voice: &'static [u16],
}

/// A words file as this build wrote it (`content::WORDS`): its name, hash and string count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordsFile {
    pub name: &'static str,
    pub hash: u64,
    pub count: usize,
}

/// Why a fetched words file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LateError {
    /// Not the file this build expects (another release, or a host's "not found" page).
    Mismatch,
}

/// One words file's strings, owned by whoever loaded them: in the browser the app state, once
/// the file has arrived; natively the compiled tables. The engine keeps no copy of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<u32>,
}

impl Table {
    /// Takes a fetched words file. It is only checked (hash, count) and split: no parsing.
    pub fn accept(bytes: Vec<u8>, file: &WordsFile) -> Result<Table, LateError> {
        if late::fnv64(&bytes) != file.hash {
            return Err(LateError::Mismatch);
        }
        let text = String::from_utf8(bytes).map_err(|_| LateError::Mismatch)?;
        let mut ends = Vec::with_capacity(file.count);
        // The separator is one ASCII byte, which never occurs inside a multi-byte character.
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b == late::SEP as u8 {
                ends.push(i as u32);
            }
        }
        ends.push(text.len() as u32);
        if ends.len() != file.count {
            return Err(LateError::Mismatch);
        }
        Ok(Table { text, ends })
    }
    /// The same words from a table (the native build's compiled-in copy).
    pub fn from_table(words: &[&str]) -> Table {
        let text = words.join(&late::SEP.to_string());
        let file = WordsFile { name: "", hash: late::fnv64(text.as_bytes()), count: words.len() };
        Table::accept(text.into_bytes(), &file).unwrap_or_default()
    }
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize + late::SEP.len_utf8(),
        };
        self.text.get(start..end)
    }
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// One language's words: the start words (the interface and the first question) and the
/// later words (empty until they arrive).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub lang: Lang,
    pub start: Table,
    pub later: Table,
}

impl Graph {
    /// The text to show in a voice: `x` itself (a parent's), or its other voice if it has one.
    pub fn voiced(&self, x: Txt, v: Voice) -> Txt {
        let has = |table: &[u16]| table.binary_search(&x.key()).is_ok();
        match v {
            Voice::You if has(self.voice) => Txt::new(x.key() + 1),
            Voice::Helper if has(self.helper_voice) => Txt::new(x.key() + 1 + has(self.voice) as u16),
            _ => x,
        }
    }
    /// Any word, in the language of `words` ("" for a later word that has not arrived).
    pub fn text<'a>(&self, t: Txt, words: &'a Text) -> &'a str {
        let table = if t.key() & late::BIT == 0 { &words.start } else { &words.later };
        table.get((t.key() & !late::BIT) as usize).unwrap_or("")
    }
    /// The date of birth question: the one an age question is worked out from.
    pub fn dob_question(&self) -> Option<u16> {
        self.questions.iter().find_map(|q| q.age.as_ref().map(|a| a.from))
    }
    pub fn question_by_id(&self, id: &str) -> Option<u16> {
        self.questions.iter().position(|q| q.id == id).map(|i| i as u16)
    }
    /// The question that replaced a retired question id, if any.
    pub fn successor(&self, id: &str) -> Option<u16> {
        self.retired.iter().find(|(r, _)| *r == id).map(|&(_, q)| q)
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
