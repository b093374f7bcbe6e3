//! The "low" form: structs that mirror the TOML files one to one.
//! Nothing here is checked beyond TOML syntax and field names.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

pub type S = Spanned<String>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub flow: Option<RawFlow>,
    #[serde(default)]
    pub part: Vec<RawPart>,
    #[serde(default)]
    pub question: Vec<RawQuestion>,
    #[serde(default)]
    pub finding: Vec<RawFinding>,
    #[serde(default)]
    pub deadline: Vec<RawDeadline>,
    #[serde(default)]
    pub letter: Vec<RawLetter>,
    #[serde(default)]
    pub citation: Vec<RawCitation>,
    #[serde(default)]
    pub term: Vec<RawTerm>,
    #[serde(default)]
    pub coverage: Vec<RawCoverage>,
    #[serde(default)]
    pub authority: Vec<RawAuthority>,
    #[serde(default)]
    pub board: Vec<RawBoard>,
    #[serde(default)]
    pub condition: Vec<RawCondition>,
    #[serde(default)]
    pub contact: Vec<RawContact>,
    pub ui: Option<BTreeMap<String, S>>,
}

/// A named condition, usable by name in any `when`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    pub name: S,
    pub when: S,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlow {
    pub start: S,
    /// When the young person is using Camau about themselves: `{you:A|B}` reads B.
    pub you: Option<S>,
    /// When someone helping a family uses Camau: `{helper:A|B}` reads B.
    pub helper: Option<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    pub id: S,
    pub name: S,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: S,
    pub part: S,
    pub kind: S,
    pub title: S,
    pub hint: Option<S>,
    pub next: Option<S>,
    pub unsure: Option<S>,
    #[serde(default)]
    pub future: bool,
    #[serde(default)]
    pub option: Vec<RawOption>,
    #[serde(default)]
    pub route: Vec<RawRoute>,
    /// Phrases for letters, by name, then by option id (or `else`): `{answer:QUESTION.NAME}`.
    #[serde(default)]
    pub says: std::collections::BTreeMap<String, std::collections::BTreeMap<String, S>>,
    /// Ids of retired questions whose meaning this one takes over: a saved answer under one
    /// is dropped, and the parent is asked this question again.
    #[serde(default)]
    pub replaces: Vec<S>,
    /// Worked out from a date of birth when one was given (never asked twice).
    pub age: Option<RawAge>,
}

/// `[question.age]`: the date of birth question, and this question's option for a child (not
/// over compulsory school age), a young person under 18, and one of 18 or over.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAge {
    pub from: S,
    pub child: S,
    pub under_18: S,
    pub adult: S,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: S,
    pub label: S,
    pub hint: Option<S>,
    pub next: Option<S>,
    #[serde(default)]
    pub exclusive: bool,
    /// Offered only when this holds for the answers before the question.
    pub shown: Option<S>,
    /// Facts the parent asserts by choosing it, as a finding's `claims`.
    #[serde(default)]
    pub claims: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRoute {
    pub when: Option<S>,
    pub to: S,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFinding {
    pub id: S,
    pub section: S,
    pub rank: Option<i32>,
    pub when: S,
    pub title: S,
    pub says: S,
    pub who: Option<S>,
    pub told: Option<S>,
    #[serde(default)]
    pub basis: Vec<S>,
    #[serde(default)]
    pub practice: bool,
    pub step: Option<S>,
    pub why: Option<S>,
    /// "What you were told" only: the statement as the parent puts it in the email that asks
    /// for it to be confirmed ("I was told … My understanding is that …").
    pub confirm: Option<S>,
    pub deadline: Option<S>,
    #[serde(default)]
    pub letters: Vec<S>,
    #[serde(default)]
    pub source: Vec<S>,
    /// Facts the finding asserts, `"topic = value"`: two shown together that give one topic
    /// two values contradict each other (checked on every route by `tests/paths.rs`).
    #[serde(default)]
    pub claims: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeadline {
    pub id: S,
    pub from: S,
    pub add: S,
    /// A period under the ALN Regulations: if it ends on a weekend or bank holiday, it runs
    /// on to the next working day (reg 2(4)).
    #[serde(default)]
    pub working_day: bool,
    pub label: S,
    #[serde(default)]
    pub basis: Vec<S>,
    #[serde(default)]
    pub source: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLetter {
    pub id: S,
    pub kind: S,
    pub title: S,
    pub to: Option<S>,
    pub subject: Option<S>,
    /// Who it goes to, to name their website: "council" or "health_board".
    pub contact: Option<S>,
    pub body: S,
    /// What must hold for the letter to make sense ("not s20_made = yes" for "ask whether a
    /// referral has been made"): it is never offered otherwise.
    pub needs: Option<S>,
    #[serde(default)]
    pub basis: Vec<S>,
    #[serde(default)]
    pub source: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCitation {
    pub id: S,
    pub full: S,
    pub short: S,
    pub law_facts: S,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub id: S,
    pub term: S,
    pub means: S,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCoverage {
    pub doc: S,
    pub section: S,
    #[serde(default)]
    pub ids: Vec<S>,
    pub not_used: Option<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAuthority {
    pub id: S,
    pub name: S,
    pub lhb: S,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBoard {
    pub id: S,
    pub name: S,
}

/// Where a parent sends things and gets help (contacts.toml).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    pub id: S,
    pub kind: S,
    pub name: Option<S>,
    pub website: Option<S>,
    /// Why there is no website (no public source showed one): instead of `website`.
    pub missing: Option<S>,
    pub page: Option<S>,
    pub page_label: Option<S>,
    pub phone: Option<S>,
    pub email: Option<S>,
    pub about: Option<S>,
    #[serde(default)]
    pub source: Vec<S>,
    pub checked: Option<S>,
}

impl RawFile {
    /// Every string value of the file, with its span, for checks on the parsed text (control
    /// characters). Keep in step with the fields above: a new `S` field must be listed here.
    pub fn strings(&self) -> Vec<&S> {
        let mut v: Vec<&S> = vec![];
        fn opt<'a>(v: &mut Vec<&'a S>, s: &'a Option<S>) {
            v.extend(s.as_ref());
        }
        if let Some(f) = &self.flow {
            v.push(&f.start);
        }
        for p in &self.part {
            v.extend([&p.id, &p.name]);
        }
        for q in &self.question {
            v.extend([&q.id, &q.part, &q.kind, &q.title]);
            opt(&mut v, &q.hint);
            opt(&mut v, &q.next);
            opt(&mut v, &q.unsure);
            for o in &q.option {
                v.extend([&o.id, &o.label]);
                opt(&mut v, &o.hint);
                opt(&mut v, &o.next);
            }
            for r in &q.route {
                opt(&mut v, &r.when);
                v.push(&r.to);
            }
        }
        for f in &self.finding {
            v.extend([&f.id, &f.section, &f.when, &f.title, &f.says]);
            for s in [&f.who, &f.told, &f.why, &f.step, &f.deadline] {
                opt(&mut v, s);
            }
            v.extend(f.basis.iter().chain(&f.letters).chain(&f.source));
        }
        for d in &self.deadline {
            v.extend([&d.id, &d.from, &d.add, &d.label]);
            v.extend(d.basis.iter().chain(&d.source));
        }
        for l in &self.letter {
            v.extend([&l.id, &l.kind, &l.title, &l.body]);
            opt(&mut v, &l.to);
            opt(&mut v, &l.subject);
            v.extend(l.basis.iter().chain(&l.source));
        }
        for c in &self.citation {
            v.extend([&c.id, &c.full, &c.short, &c.law_facts]);
        }
        for t in &self.term {
            v.extend([&t.id, &t.term, &t.means]);
        }
        for c in &self.coverage {
            v.extend([&c.doc, &c.section]);
            v.extend(c.ids.iter());
            opt(&mut v, &c.not_used);
        }
        for a in &self.authority {
            v.extend([&a.id, &a.name, &a.lhb]);
        }
        for b in &self.board {
            v.extend([&b.id, &b.name]);
        }
        for c in &self.condition {
            v.extend([&c.name, &c.when]);
        }
        for c in &self.contact {
            v.extend([&c.id, &c.kind]);
            for s in [&c.name, &c.website, &c.missing, &c.page, &c.page_label, &c.phone, &c.email, &c.about, &c.checked] {
                opt(&mut v, s);
            }
            v.extend(c.source.iter());
        }
        if let Some(ui) = &self.ui {
            v.extend(ui.values());
        }
        v
    }
}
