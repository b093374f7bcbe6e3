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
    pub ui: Option<BTreeMap<String, S>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlow {
    pub start: S,
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
    pub summary: Option<S>,
    pub summary_rank: Option<i32>,
    pub deadline: Option<S>,
    #[serde(default)]
    pub letters: Vec<S>,
    #[serde(default)]
    pub source: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeadline {
    pub id: S,
    pub from: S,
    pub add: S,
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
    pub body: S,
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
