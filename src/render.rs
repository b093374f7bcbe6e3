//! The outcome and check-answers pages as HTML text, built natively testable.
//!
//! These pages are static once shown, so they are written as one escaped HTML string
//! instead of many Leptos views: the same page for a fraction of the wasm bytes.
//! Invariant: every piece of text (content or the parent's own words) passes through
//! [`esc`]; the only markup is written here. Buttons carry `data-action` and are
//! handled by one delegated listener in `ui/outcome.rs`.

use crate::content::{ui, GRAPH};
use crate::engine::codec::percent_encode;
use crate::engine::date::{parse_parts, weeks_days, Date, DateError};
use crate::engine::graph::{Contact, ContactKind, Kind, Lang, LetterKind, Question, Section, Text, Txt, Unit, Voice};
use crate::engine::edit::{self, Edit, Edits, Gap};
use crate::engine::{fill, long_date, outcome, voice, walk, Answer, Answers, Blank, DeadlineStatus, Details, PlanStep, When, Words};
use crate::route::Route;
use camau_graph::Detail;

thread_local! {
    /// The page's language's words, once fetched and checked (each language is kept for the
    /// rest of the visit once here).
    static WORDS: std::cell::Cell<Option<&'static Text>> = const { std::cell::Cell::new(None) };
}

thread_local! {
    /// Who the pages speak to (see `Graph::voiced`).
    static VOICE: std::cell::Cell<Voice> = const { std::cell::Cell::new(Voice::Parent) };
}

/// Sets the voice of the words [`t`] reads: the UI calls it before drawing each page, and
/// [`Case::new`] for the pages it draws, from the same answers.
pub fn set_voice(v: Voice) {
    VOICE.with(|c| c.set(v));
}

/// Sets the page's words (a language's, as far as they have arrived): from then on [`t`] reads
/// them. The UI calls it when words arrive and when the parent switches language.
pub fn set_words(w: &'static Text) {
    WORDS.with(|c| c.set(Some(w)));
}

/// The page's words: those set, else (natively: tests, tools) the English compiled in.
pub fn words() -> &'static Text {
    WORDS.with(|c| c.get()).unwrap_or_else(default_words)
}

/// The page's language.
pub fn lang() -> Lang {
    words().lang
}

/// Any word of the page's language (a later word reads "" until it is here; the pages that
/// need them wait, see `ui::Pages`).
pub fn t(x: Txt) -> &'static str {
    GRAPH.text(GRAPH.voiced(x, VOICE.with(|c| c.get())), words())
}

#[cfg(target_arch = "wasm32")]
fn default_words() -> &'static Text {
    static NONE: std::sync::OnceLock<Text> = std::sync::OnceLock::new();
    NONE.get_or_init(Text::default)
}

/// Natively (tests, tools) the English words are always here.
#[cfg(not(target_arch = "wasm32"))]
fn default_words() -> &'static Text {
    crate::content::text(Lang::En)
}

pub use camau_graph::esc;

/// The months' names in the page's language.
pub fn months() -> [&'static str; 12] {
    months_in(words())
}

/// The months' names in a language's words (a letter's may differ from the page's).
pub fn months_in(w: &Text) -> [&str; 12] {
    [
        ui::MONTH_1,
        ui::MONTH_2,
        ui::MONTH_3,
        ui::MONTH_4,
        ui::MONTH_5,
        ui::MONTH_6,
        ui::MONTH_7,
        ui::MONTH_8,
        ui::MONTH_9,
        ui::MONTH_10,
        ui::MONTH_11,
        ui::MONTH_12,
    ]
    .map(|m| GRAPH.text(m, w))
}

/// The word for a blank the parent did not fill.
fn blank_txt(what: Blank) -> Txt {
    match what {
        Blank::Detail(Detail::Child) => ui::BLANK_CHILD,
        Blank::Detail(Detail::Parent) => ui::BLANK_PARENT,
        Blank::Detail(Detail::School) => ui::BLANK_SCHOOL,
        Blank::Detail(Detail::La) => ui::BLANK_LA,
        Blank::Detail(Detail::Lhb) => ui::BLANK_LHB,
        Blank::Detail(Detail::FullName) => ui::BLANK_FULL_NAME,
        Blank::Detail(Detail::Dob) => ui::BLANK_DOB,
        Blank::Detail(Detail::Contact) => ui::BLANK_CONTACT,
        Blank::Date => ui::BLANK_DATE,
        Blank::Told => ui::BLANK_TOLD,
    }
}

pub fn blank(what: Blank) -> String {
    t(blank_txt(what)).to_string()
}

/// The parent's situation: what the pages are made from.
pub struct Case<'a> {
    /// Only the answers on the current route: an answer kept from another route never
    /// fills a letter or a page.
    answers: Answers,
    pub details: &'a Details,
    pub today: Date,
    /// The page's words.
    pub words: &'a Text,
    /// The letters' words: the page's, or the other language's when the parent writes in it.
    pub letters: &'a Text,
    /// What the parent wrote in the letters.
    pub edits: Option<&'a Edits>,
    /// Who the words speak to: a parent, the young person, or someone helping.
    pub voice: Voice,
}

impl<'a> Case<'a> {
    /// The pages for every answer the parent gave (`all`): those off the route are left out.
    pub fn new(all: &Answers, details: &'a Details, today: Date, words: &'a Text) -> Case<'a> {
        let answers = walk(&GRAPH, all, today).counted;
        let voice = voice(&GRAPH, &answers, today);
        set_voice(voice);
        Case { answers, details, today, words, letters: words, edits: None, voice }
    }
    /// The same pages with the letters in another language's words.
    pub fn with_letters(self, letters: &'a Text) -> Case<'a> {
        Case { letters, ..self }
    }
    /// The answers the pages use.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }
    /// Any word of the page.
    pub fn t(&self, x: Txt) -> &'a str {
        GRAPH.text(GRAPH.voiced(x, self.voice), self.words)
    }
    /// Any word of the letters.
    pub fn lt(&self, x: Txt) -> &'a str {
        GRAPH.text(GRAPH.voiced(x, self.voice), self.letters)
    }
    /// Whether the letters are in another language than the page (marked with their `lang`).
    pub fn letters_apart(&self) -> bool {
        self.letters.lang != self.words.lang
    }
    pub fn page(&self, x: Txt) -> String {
        self.page_text(self.t(x))
    }
    fn page_text(&self, s: &str) -> String {
        self.fill_in(s, self.words, true)
    }
    /// Letter text filled in the letters' language (blanks, dates, names and phrases).
    fn letter_fill(&self, s: &str) -> String {
        self.fill_in(s, self.letters, false)
    }
    /// A gap's own words: in the letters' language, and a missing name reads "your child"
    /// (never a blank inside a blank).
    fn gap_text(&self, s: &str) -> String {
        self.fill_in(s, self.letters, true)
    }
    /// `s` filled in one language's words; on the page (and in a gap) a missing name reads
    /// "your child", in a letter it is a clear blank.
    fn fill_in(&self, s: &str, w: &'a Text, your_child: bool) -> String {
        let word = |x: Txt| GRAPH.text(GRAPH.voiced(x, self.voice), w);
        let blank = |b: Blank| match b {
            Blank::Detail(Detail::Child) if your_child => word(ui::YOUR_CHILD).to_string(),
            _ => word(blank_txt(b)).to_string(),
        };
        fill(&GRAPH, s, &self.answers, self.details, self.today, &Words { months: months_in(w), blank: &blank, text: &word })
    }
    pub fn letter(&self, x: Txt) -> String {
        self.letter_fill(self.lt(x))
    }
    /// The same pages with the parent's work on the letters.
    pub fn with_edits(self, edits: &'a Edits) -> Case<'a> {
        Case { edits: Some(edits), ..self }
    }
    /// A letter's body in Camau's wording for this family (each gap in its bracketed form),
    /// its gaps, and the parent's edit if there is one.
    pub fn letter_base(&self, l: u16) -> (String, Vec<Gap>, Option<&'a Edit>) {
        // The gaps are found before filling: a name Camau was not given reads "your child"
        // inside a gap, never a blank inside a blank.
        let (mut text, mut gaps) = edit::gaps(self.lt(GRAPH.letters[l as usize].body));
        for (i, g) in gaps.iter().enumerate() {
            text = text.replace(&g.form, &join(&["\u{1}", &i.to_string(), "\u{1}"]));
        }
        let mut text = self.letter_fill(&text);
        for (i, g) in gaps.iter_mut().enumerate() {
            g.form = self.gap_text(&g.form);
            g.question = self.gap_text(&g.question);
            text = text.replace(&join(&["\u{1}", &i.to_string(), "\u{1}"]), &g.form);
        }
        // A blank that filling brought in (`{told}` with nothing ticked) is a gap too.
        let (text, more) = edit::gaps(&text);
        gaps.extend(more);
        (text, gaps, self.edits.and_then(|e| e.get(l)))
    }
    /// The version of Camau's wording an edit is made on: the letter's body for this family,
    /// but not today's date at its top (a new day is not a change of wording).
    pub fn wording_version(&self, base: &str) -> u32 {
        edit::version(&base.replacen(&long_date(self.today, &months_in(self.letters)), "", 1))
    }
    /// Subject and body of a letter as it stands: filled, with the parent's edits.
    pub fn letter_parts(&self, l: u16) -> (Option<String>, String) {
        let x = &GRAPH.letters[l as usize];
        let (base, _, e) = self.letter_base(l);
        (x.subject.map(|s| edit::gaps(&self.letter(s)).0), e.map(|e| e.text(&base)).unwrap_or(base))
    }
    /// The whole letter as plain text (copy, share, download).
    pub fn letter_text(&self, l: u16) -> String {
        match self.letter_parts(l) {
            (Some(s), body) => join(&[self.lt(ui::OUTCOME_SUBJECT), ": ", &s, "\n\n", &body]),
            (None, body) => body,
        }
    }
    /// `mailto:` with subject and body percent-encoded (line breaks as CRLF).
    pub fn mailto(&self, l: u16) -> Option<String> {
        let (subject, body) = self.letter_parts(l);
        let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
        subject.map(|s| join(&["mailto:?subject=", &percent_encode(&s), "&body=", &percent_encode(&body)]))
    }
}

/// "3 weeks and 2 days", "1 week", "4 days"; from 8 weeks on, "about 12 months" (a year
/// and a day reads as a year, not as "52 weeks and 1 day"). Each unit has a word for 1, for 2
/// and for more: Welsh counts with the singular, soft-mutated after 2 ("2 ddiwrnod", "2 fis"),
/// and "a" is "ac" before a number said with a vowel ("ac 1 diwrnod": un, wyth).
pub fn span(case: &Case, days: i64) -> String {
    let days = days.abs();
    let (w, d) = weeks_days(days);
    let unit = |n: i64, [one, two, many]: [Txt; 3]| join(&[&n.to_string(), " ", case.t(match n {
        1 => one,
        2 => two,
        _ => many,
    })]);
    const DAY: [Txt; 3] = [ui::OUTCOME_DAY_ONE, ui::OUTCOME_DAY_TWO, ui::OUTCOME_DAY_MANY];
    const WEEK: [Txt; 3] = [ui::OUTCOME_WEEK_ONE, ui::OUTCOME_WEEK_TWO, ui::OUTCOME_WEEK_MANY];
    const MONTH: [Txt; 3] = [ui::OUTCOME_MONTH_ONE, ui::OUTCOME_MONTH_TWO, ui::OUTCOME_MONTH_MANY];
    if days >= 56 {
        let months = (days * 100 + 1522) / 3044;
        return join(&[case.t(ui::OUTCOME_ABOUT), " ", &unit(months, MONTH)]);
    }
    match (w, d) {
        (0, d) => unit(d, DAY),
        (w, 0) => unit(w, WEEK),
        (w, d) => join(&[&unit(w, WEEK), " ", case.t(if matches!(d, 1 | 8) { ui::OUTCOME_AND_VOWEL } else { ui::OUTCOME_AND }), " ", &unit(d, DAY)]),
    }
}

/// "Due today", "Overdue by 2 weeks", "Due in about 3 months": said once (no "Overdue Overdue").
pub fn status_text(case: &Case, s: &DeadlineStatus) -> String {
    match s.days_left {
        0 => case.t(ui::OUTCOME_DUE_TODAY).to_string(),
        n => join(&[case.t(if n < 0 { ui::OUTCOME_OVERDUE_BY } else { ui::OUTCOME_DUE_IN }), " ", &span(case, n)]),
    }
}

/// Appends each piece (cheaper in wasm than `format!`).
#[inline(never)]
fn cat(o: &mut String, parts: &[&str]) {
    for p in parts {
        o.push_str(p);
    }
}

#[inline(never)]
fn join(parts: &[&str]) -> String {
    let mut o = String::new();
    cat(&mut o, parts);
    o
}

/// Appends `<tag attrs>escaped text</tag>`.
fn el(o: &mut String, tag: &str, attrs: &str, text: &str) {
    o.push('<');
    o.push_str(tag);
    if !attrs.is_empty() {
        o.push(' ');
        o.push_str(attrs);
    }
    o.push('>');
    o.push_str(&esc(text));
    o.push_str("</");
    o.push_str(tag);
    o.push('>');
}

/// Words a screen reader adds to a repeated control's name ("Copy: Ask the health board…"),
/// so a list of buttons tells them apart.
fn named(o: &mut String, label: &str, what: &str) {
    o.push_str(&esc(label));
    el(o, "span", "class=\"visually-hidden\"", &join(&[": ", what]));
}

fn why(o: &mut String, case: &Case, basis: &[u16], what: &str) {
    if basis.is_empty() {
        return;
    }
    o.push_str("<details class=\"why\"><summary>");
    named(o, case.t(ui::OUTCOME_WHY), what);
    o.push_str("</summary>");
    el(o, "p", "class=\"why-intro\"", case.t(ui::OUTCOME_WHY_INTRO));
    o.push_str("<ul>");
    for &c in basis {
        let c = &GRAPH.citations[c as usize];
        el(o, "li", "", &join(&[case.t(c.full), " (", case.t(c.short), ")"]));
    }
    o.push_str("</ul></details>");
}

/// Words as paragraphs, one a line, with lines that start "- " as a list.
fn prose(o: &mut String, text: &str) {
    let mut list = false;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(item) = line.strip_prefix("- ") {
            if !list {
                o.push_str("<ul>");
            }
            list = true;
            el(o, "li", "", item);
        } else {
            if list {
                o.push_str("</ul>");
            }
            list = false;
            el(o, "p", "", line);
        }
    }
    if list {
        o.push_str("</ul>");
    }
}

/// A finding's own words: told, says, who, and its "Why?".
fn finding_body(o: &mut String, case: &Case, f: u16, title: &str) {
    let x = &GRAPH.findings[f as usize];
    if x.practice {
        el(o, "p", "class=\"tag\"", case.t(ui::OUTCOME_GOOD_PRACTICE));
    }
    if let Some(told) = x.told {
        el(o, "p", "class=\"told\"", &case.page(told));
    }
    prose(o, &case.page(x.says));
    if let Some(who) = x.who {
        o.push_str("<p class=\"who\">");
        el(o, "strong", "", case.t(ui::OUTCOME_WHO));
        o.push(' ');
        o.push_str(&esc(&case.page(who)));
        o.push_str("</p>");
    }
    why(o, case, x.basis, title);
}

fn finding(o: &mut String, case: &Case, f: u16) {
    let x = &GRAPH.findings[f as usize];
    let title = case.page(x.title);
    cat(o, &["<div class=\"finding\" id=\"f-", x.id, "\">"]);
    el(o, "h3", "class=\"finding-title\"", &title);
    finding_body(o, case, f, &title);
    o.push_str("</div>");
}

/// The date line of a step: "Now", "By 14 March 2027", "Wait until …", "When you can".
pub fn when_text(case: &Case, w: When) -> String {
    let m = months();
    match w {
        When::Now => case.t(ui::OUTCOME_NOW).to_string(),
        When::By(d) => join(&[case.t(ui::OUTCOME_BY), " ", &long_date(d, &m)]),
        When::Until(d) => join(&[case.t(ui::OUTCOME_UNTIL), " ", &long_date(d, &m)]),
        When::Any => case.t(ui::OUTCOME_ANY).to_string(),
    }
}

/// One step of the plan: what, when, why in one sentence, its letters, then "More about this
/// step" (closed). Each letter is written out once, in the first step that offers it.
/// `offered`: the outcome's letters (a letter whose premise fails is not among them).
/// `lazy`: each letter left as a mark for [`fill_body`] (the app's first paint).
#[allow(clippy::too_many_arguments)]
fn step(o: &mut String, case: &Case, s: &PlanStep, tag: &str, shown: &mut Vec<u16>, offered: &[u16], can_share: bool, lazy: bool) {
    let x = &GRAPH.findings[s.finding as usize];
    let title = case.page(x.title);
    cat(o, &["<", tag, " class=\"step\" id=\"f-", x.id, "\">"]);
    el(o, "h3", "class=\"finding-title\"", &title);
    el(o, "p", if s.when == When::Now { "class=\"step-when step-now\"" } else { "class=\"step-when\"" }, &when_text(case, s.when));
    if let Some(w) = x.why {
        el(o, "p", "class=\"step-why\"", &case.page(w));
    }
    for (i, &l) in x.letters.iter().filter(|l| offered.contains(l)).enumerate() {
        let lt = case.page(GRAPH.letters[l as usize].title);
        if shown.contains(&l) {
            cat(o, &["<button class=\"button button-secondary no-print\" type=\"button\" data-action=\"open\" data-letter=\"", &l.to_string(), "\">"]);
            named(o, case.t(ui::OUTCOME_SEE_LETTER), &lt);
            o.push_str("</button>");
            continue;
        }
        shown.push(l);
        let script = GRAPH.letters[l as usize].kind == LetterKind::Script;
        let n = l.to_string();
        cat(o, &[OPEN, "<details class=\"letter-box\" id=\"open-", &n, "\"><summary class=\"button", if i == 0 { "" } else { " button-secondary" }, "\" id=\"open-", &n, "-s\">"]);
        o.push_str(&esc(case.t(if script { ui::OUTCOME_OPEN_SCRIPT } else { ui::OUTCOME_OPEN_LETTER })));
        o.push_str(": ");
        o.push_str(&esc(&lt));
        o.push_str("</summary>");
        boxed_letter(o, case, l, can_share, lazy);
        shut(o);
    }
    // A step with a date of its own: an event on that day, with an alarm a few days before.
    if let When::By(d) | When::Until(d) = s.when {
        if d > case.today {
            let f = s.finding.to_string();
            cat(o, &["<button class=\"button button-secondary no-print\" type=\"button\" data-action=\"step-ics\" data-step=\"", &f, "\">"]);
            named(o, case.t(ui::OUTCOME_ADD_CALENDAR), &title);
            cat(o, &["</button><p class=\"action-status\" id=\"status-f", &f, "\" role=\"status\" aria-live=\"polite\"></p>"]);
        }
    }
    cat(o, &[OPEN, "<details class=\"why more\"><summary>"]);
    named(o, case.t(ui::OUTCOME_MORE), &title);
    o.push_str("</summary>");
    finding_body(o, case, s.finding, &title);
    shut(o);
    cat(o, &["</", tag, ">"]);
}

fn deadline(o: &mut String, case: &Case, s: &DeadlineStatus) {
    let d = &GRAPH.deadlines[s.deadline as usize];
    let m = months();
    let label = case.t(d.label);
    cat(o, &["<div class=\"", if s.days_left < 0 { "deadline deadline-overdue" } else { "deadline" }, "\" id=\"d-", d.id, "\">"]);
    el(o, "h3", "class=\"finding-title\"", label);
    o.push_str("<p class=\"deadline-date\">");
    el(o, "strong", "", &long_date(s.due, &m));
    o.push_str("</p>");
    let status = status_text(case, s);
    if s.days_left < 0 {
        o.push_str("<p class=\"deadline-status\">");
        el(o, "strong", "class=\"tag tag-overdue\"", &status);
        o.push_str("</p>");
    } else {
        el(o, "p", "class=\"deadline-status\"", &status);
    }
    if let Some(Answer::Date(from)) = case.answers.get(d.from) {
        el(o, "p", "class=\"hint\"", &join(&[case.t(ui::OUTCOME_COUNTED_FROM), " ", &long_date(*from, &m)]));
    }
    if matches!(d.unit, Unit::SchoolDays | Unit::TermDays) {
        el(o, "p", "class=\"hint\"", case.t(ui::OUTCOME_ESTIMATE));
    }
    why(o, case, d.basis, label);
    if s.days_left >= 0 {
        cat(o, &["<button class=\"button button-secondary no-print\" type=\"button\" data-action=\"ics\" data-deadline=\"", &s.deadline.to_string(), "\">"]);
        named(o, case.t(ui::OUTCOME_ADD_CALENDAR), label);
        cat(o, &["</button><p class=\"action-status\" id=\"status-d", &s.deadline.to_string(), "\" role=\"status\" aria-live=\"polite\"></p>"]);
    }
    o.push_str("</div>");
}

/// ` lang="…"` on a letter's own words when they are in another language than the page.
fn letters_lang_attr(case: &Case) -> &'static str {
    match (case.letters_apart(), case.letters.lang) {
        (false, _) => "",
        (true, Lang::Cy) => " lang=\"cy\"",
        (true, Lang::En) => " lang=\"en\"",
    }
}

/// "Write the letters in: English | Cymraeg": each language named in itself (and marked so),
/// the one in use pressed.
fn letters_lang_choice(o: &mut String, case: &Case) {
    o.push_str("<div class=\"letters-lang no-print\" role=\"group\" aria-labelledby=\"letters-lang-label\">");
    el(o, "p", "id=\"letters-lang-label\" class=\"hint\"", case.t(ui::OUTCOME_LETTERS_LANG));
    o.push_str("<div class=\"button-group\">");
    for (l, name) in [(Lang::En, ui::LANG_NAME_EN), (Lang::Cy, ui::LANG_NAME_CY)] {
        let on = case.letters.lang == l;
        cat(o, &["<button class=\"button button-secondary\" type=\"button\" data-action=\"letters-lang\" data-lang=\"", l.id(), "\" id=\"letters-", l.id(), "\" lang=\"", l.id(), "\" aria-pressed=\"", if on { "true" } else { "false" }, "\">"]);
        o.push_str(&esc(GRAPH.text(name, case.words)));
        o.push_str("</button>");
    }
    o.push_str("</div></div>");
}

#[inline(never)] // one copy in the wasm for its two callers (`boxed_letter`, `fill_body`)
fn letter(o: &mut String, case: &Case, l: u16, can_share: bool) {
    let x = &GRAPH.letters[l as usize];
    let id = x.id;
    let title = case.page(x.title);
    cat(o, &["<article class=\"letter\" id=\"l-", id, "\" aria-labelledby=\"l-", id, "-title\"><h4 class=\"finding-title\" id=\"l-", id, "-title\">"]);
    el(o, "span", "class=\"caption\"", case.t(if x.kind == LetterKind::Script { ui::OUTCOME_SCRIPT } else { ui::OUTCOME_LETTER }));
    o.push_str(&esc(&title));
    o.push_str("</h4>");
    if let Some(to) = x.to {
        o.push_str("<p class=\"who\">");
        el(o, "strong", "", case.t(ui::OUTCOME_SEND_TO));
        o.push(' ');
        o.push_str(&esc(&case.page(to)));
        o.push_str("</p>");
    }
    if let Some(kind) = x.contact {
        where_to_send(o, case, kind);
    }
    let (subject, _) = case.letter_parts(l);
    if let Some(s) = &subject {
        o.push_str("<p class=\"letter-subject\">");
        el(o, "strong", "", &join(&[case.t(ui::OUTCOME_SUBJECT), ":"]));
        o.push(' ');
        el(o, "span", &join(&["class=\"subject-text\"", letters_lang_attr(case)]), s);
        cat(o, &[" <button class=\"link-button no-print\" type=\"button\" data-action=\"copy\" data-subject data-letter=\"", &l.to_string(), "\">"]);
        named(o, case.t(ui::OUTCOME_COPY_SUBJECT), &title);
        o.push_str("</button></p>");
    }
    let (base, gaps, edit) = case.letter_base(l);
    let ls = l.to_string();
    let ls = ls.as_str();
    if edit.is_some_and(|e| e.text.is_some() && e.version != case.wording_version(&base)) {
        // Camau's wording moved on (an answer, or Camau itself) since the parent changed it.
        cat(o, &["<div class=\"letter-changed no-print\" id=\"changed-", ls, "\">"]);
        el(o, "p", "", case.t(ui::OUTCOME_WORDING_CHANGED));
        o.push_str("<div class=\"button-group\">");
        cat(o, &["<button class=\"button button-secondary\" type=\"button\" data-action=\"keep\" data-letter=\"", ls, "\">"]);
        named(o, case.t(ui::OUTCOME_KEEP_MINE), &title);
        cat(o, &["</button><button class=\"button button-secondary\" type=\"button\" data-action=\"reset\" data-letter=\"", ls, "\">"]);
        named(o, case.t(ui::OUTCOME_TAKE_NEW), &title);
        o.push_str("</button></div></div>");
    }
    o.push_str("<div class=\"no-print\">");
    // Once the parent has changed the letter itself, the fields no longer write into it.
    let own = edit.is_some_and(|e| e.text.is_some());
    if !gaps.is_empty() {
        cat(o, &["<p class=\"hint\" id=\"own-", ls, "\"", if own { "" } else { " hidden" }, ">"]);
        o.push_str(&esc(case.t(ui::OUTCOME_OWN_WORDS)));
        o.push_str("</p>");
    }
    for (i, g) in gaps.iter().enumerate() {
        let id = join(&["g-", ls, "-", &i.to_string()]);
        o.push_str("<div class=\"form-group\">");
        el(o, "label", &join(&["class=\"label\" for=\"", &id, "\"", letters_lang_attr(case)]), &g.question);
        cat(o, &["<textarea class=\"textarea gap\" rows=\"2\" id=\"", &id, "\" data-letter=\"", ls, "\" data-gap=\"", &i.to_string(), "\"", if own { " readonly aria-describedby=\"own-" } else { "" }, if own { ls } else { "" }, if own { "\"" } else { "" }, ">"]);
        o.push_str(&esc(edit.map(|e| e.fill(&g.form)).unwrap_or("")));
        o.push_str("</textarea></div>");
    }
    let text = edit.map(|e| e.text(&base)).unwrap_or_else(|| base.clone());
    let t_id = join(&["t-", ls]);
    o.push_str("<div class=\"form-group\">");
    el(o, "label", &join(&["class=\"label\" for=\"", &t_id, "\""]), case.t(ui::OUTCOME_LETTER_TEXT));
    cat(o, &["<textarea class=\"textarea letter-text\" rows=\"12\" id=\"", &t_id, "\" data-letter=\"", ls, "\"", letters_lang_attr(case), ">"]);
    o.push_str(&esc(&text));
    o.push_str("</textarea></div>");
    let left = edit::blanks(&text);
    cat(o, &["<p class=\"blanks-left\" id=\"left-", ls, "\">"]);
    o.push_str(&esc(&blanks_left(case, left)));
    o.push_str("</p></div>");
    // What printing shows (a textarea prints clipped): kept in step with the text.
    el(o, "div", &join(&["class=\"letter-body print-only\" id=\"p-", ls, "\"", letters_lang_attr(case)]), &text);
    why(o, case, x.basis, &title);
    o.push_str("<div class=\"button-group no-print\">");
    let button = |o: &mut String, action: &str, primary: bool, label: Txt| {
        let class = if primary { "button" } else { "button button-secondary" };
        cat(o, &["<button class=\"", class, "\" type=\"button\" data-action=\"", action, "\" data-letter=\"", &l.to_string(), "\">"]);
        named(o, case.t(label), &title);
        o.push_str("</button>");
    };
    button(o, "copy", true, ui::OUTCOME_COPY);
    if let Some(href) = case.mailto(l) {
        cat(o, &["<a class=\"button button-secondary\" id=\"m-", ls, "\" href=\"", &esc(&href), "\">"]);
        named(o, case.t(ui::OUTCOME_EMAIL), &title);
        o.push_str("</a>");
    }
    if can_share {
        button(o, "share", false, ui::OUTCOME_SHARE);
    }
    button(o, "download", false, ui::OUTCOME_DOWNLOAD);
    button(o, "print-one", false, ui::OUTCOME_PRINT_LETTER);
    if x.kind == LetterKind::Letter {
        // After sending: a reminder to chase if no reply comes (see `chase_day`).
        button(o, "chase", false, ui::OUTCOME_CHASE);
    }
    button(o, "reset", false, ui::OUTCOME_RESET);
    o.push_str("</div>");
    cat(o, &["<p class=\"action-status\" id=\"status-", &l.to_string(), "\" role=\"status\" aria-live=\"polite\"></p>"]);
    o.push_str("</article>");
}

/// How long to wait for a reply to a letter before chasing it (the letters ask for one within
/// 14 days).
pub const CHASE_AFTER_DAYS: i64 = 14;

/// The day to chase a letter sent today if no reply has come.
pub fn chase_day(today: Date) -> Date {
    today.add_days(CHASE_AFTER_DAYS)
}

/// A download's name, for people: "2026-12-01 Siân – Ask the health board for its overdue
/// answer.txt" (characters no file system allows are left out).
pub fn file_name(today: Date, details: &Details, title: &str, ext: &str) -> String {
    let child = details.child.trim();
    let mut name = join(&[&today.iso(), " ", child, if child.is_empty() { "" } else { " – " }, title]);
    name.retain(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control());
    let mut name: String = name.trim().chars().take(120).collect();
    name.push_str(ext);
    name
}

/// A link out: a new tab, carrying nothing (no referrer, no opener).
fn link_out(o: &mut String, case: &Case, href: &str, text: &str) {
    cat(o, &["<a href=\"", &esc(href), "\" target=\"_blank\" rel=\"noopener noreferrer\" referrerpolicy=\"no-referrer\">"]);
    o.push_str(&esc(text));
    el(o, "span", "class=\"visually-hidden\"", &join(&[" ", case.t(ui::OUTCOME_NEW_TAB)]));
    o.push_str("</a>");
}

/// A council's, board's or national body's website and its ALN or concerns page, as links.
fn contact_links(o: &mut String, case: &Case, c: &Contact, name: &str) {
    if let Some(w) = c.website {
        link_out(o, case, case.t(w), &join(&[name, " ", case.t(ui::OUTCOME_WEBSITE)]));
    }
    if let (Some(p), Some(label)) = (c.page, c.page_label) {
        o.push_str(" · ");
        link_out(o, case, case.t(p), case.t(label));
    }
}

/// "Where to find them": the website of the parent's council or health board (from "About
/// you"), or how to see it.
fn where_to_send(o: &mut String, case: &Case, kind: ContactKind) {
    let c = match kind {
        ContactKind::Council => case.details.la.map(|a| a as usize),
        _ => case.details.board(&GRAPH).map(|b| GRAPH.authorities.len() + b as usize),
    }
    .and_then(|i| GRAPH.contacts.get(i));
    o.push_str("<p class=\"where\">");
    el(o, "strong", "", case.t(ui::OUTCOME_FIND_THEM));
    o.push(' ');
    match c {
        Some(c) if c.website.is_some() => {
            contact_links(o, case, c, case.t(c.name));
            o.push_str(". ");
            o.push_str(&esc(case.t(ui::OUTCOME_CONTACTS_CHANGE)));
        }
        Some(c) => o.push_str(&esc(&join(&[case.t(c.name), ": ", case.t(ui::OUTCOME_NO_WEBSITE)]))),
        None => {
            o.push_str(&esc(case.t(ui::OUTCOME_CHOOSE_COUNCIL)));
            o.push(' ');
            el(o, "a", &join(&["href=\"", &Route::About { change: true }.hash(), "\""]), case.t(ui::ABOUT_TITLE));
            o.push('.');
        }
    }
    o.push_str("</p>");
}

/// The free, independent help a parent can turn to (law-facts §14), in the reference.
fn help(o: &mut String, case: &Case) {
    part_open(o, case, "help", ui::OUTCOME_HELP_TITLE);
    o.push_str("<ul class=\"help\">");
    for c in GRAPH.contacts.iter().filter(|c| c.kind == ContactKind::National) {
        let name = case.t(c.name);
        o.push_str("<li>");
        el(o, "strong", "", name);
        if let Some(a) = c.about {
            o.push_str(": ");
            o.push_str(&esc(case.t(a)));
        }
        o.push_str("<br>");
        contact_links(o, case, c, name);
        for (label, v) in [(ui::OUTCOME_PHONE, c.phone), (ui::OUTCOME_EMAIL_ADDRESS, c.email)] {
            if let Some(v) = v {
                cat(o, &["<br>", &esc(case.t(label)), " "]);
                o.push_str(&esc(case.t(v)));
            }
        }
        o.push_str("</li>");
    }
    o.push_str("</ul>");
    shut(o);
}

/// "2 blanks left to fill", "1 blank left to fill", "No blanks left to fill".
pub fn blanks_left(case: &Case, n: usize) -> String {
    match n {
        0 => case.t(ui::OUTCOME_BLANKS_NONE).to_string(),
        1 => case.t(ui::OUTCOME_BLANKS_ONE).to_string(),
        n => join(&[&n.to_string(), " ", case.t(ui::OUTCOME_BLANKS_MANY)]),
    }
}

/// A closed part of the reference: its summary is all that shows until the parent opens it
/// (its body follows, then [`shut`]).
fn part_open(o: &mut String, case: &Case, id: &str, heading: Txt) {
    cat(o, &[OPEN, "<details class=\"part\" id=\"s-", id, "\"><summary><h3 class=\"part-title\">"]);
    o.push_str(&esc(case.t(heading)));
    o.push_str("</h3></summary>");
}

/// Marks around a closed box of the outcome page whose body can wait (a letter, "More about
/// this step", a part of the reference): [`OPEN`] before its `<details>`, [`shut`] at its
/// end. Comments, so no text can hold one (text has its `<` escaped). The app paints the page
/// with these boxes empty ([`outcome_split`]) and fills them once the browser is idle, or at
/// once when the parent opens one or prints; [`outcome_html`] drops the marks.
const OPEN: &str = "<!--{-->";
const SHUT: &str = "<!--}-->";

/// A letter inside a box: written out, or (`lazy`) left as the mark [`LETTER`] and its
/// number, which [`fill_body`] writes out when the app fills the box. Writing out every letter
/// (its gaps, its filling, the parent's edits) was about half the outcome page's first paint.
fn boxed_letter(o: &mut String, case: &Case, l: u16, can_share: bool, lazy: bool) {
    if lazy {
        cat(o, &[LETTER, &l.to_string(), "-->"]);
    } else {
        letter(o, case, l, can_share);
    }
}
const LETTER: &str = "<!--letter ";

/// A box's body from [`outcome_split`] as it goes into the page: each letter in it written out.
pub fn fill_body(case: &Case, can_share: bool, body: &str) -> String {
    let mut o = String::with_capacity(body.len() + 4096);
    let mut rest = body;
    while let Some(at) = rest.find(LETTER) {
        o.push_str(&rest[..at]);
        let tail = &rest[at + LETTER.len()..];
        let end = tail.find("-->").unwrap_or(tail.len());
        if let Some(l) = tail[..end].parse::<u16>().ok().filter(|&l| (l as usize) < GRAPH.letters.len()) {
            letter(&mut o, case, l, can_share);
        }
        rest = &tail[(end + "-->".len()).min(tail.len())..];
    }
    o.push_str(rest);
    o
}

/// The end of a box opened after [`OPEN`].
fn shut(o: &mut String) {
    cat(o, &[SHUT, "</details>"]);
}

/// One line of the short plan (`plan_doc`), by what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    Title,
    Para,
    Heading,
    /// "1. Ask the health board for its overdue answer: now."
    Step,
    /// Under a step or a heading: why, its letters, an answer.
    Item,
}

/// The short plan to keep, copy, share or print (at most 2 A4 pages): the date it was made,
/// the steps shown on the page with their dates, why and letters' titles, the answers it is
/// based on, and free help. One list of lines, written out as text (`plan_text`) or printed
/// (`plan_print_html`), so the two cannot differ.
pub fn plan_doc(case: &Case) -> Vec<(Line, String)> {
    let o = outcome(&GRAPH, &case.answers, case.today);
    let m = months();
    let child = case.details.child.trim();
    let mut d = vec![(Line::Title, join(&[case.t(ui::OUTCOME_PLAN_TITLE), if child.is_empty() { "" } else { ": " }, child]))];
    d.push((Line::Para, join(&[case.t(ui::OUTCOME_PLAN_MADE), " ", &long_date(case.today, &m), ". ", case.t(ui::OUTCOME_NOT_ADVICE)])));
    for (i, s) in o.plan.iter().take(PLAN_SHOWN).enumerate() {
        if i < 2 {
            d.push((Line::Heading, case.t(if i == 0 { ui::OUTCOME_FIRST } else { ui::OUTCOME_THEN }).to_string()));
        }
        let x = &GRAPH.findings[s.finding as usize];
        d.push((Line::Step, join(&[&(i + 1).to_string(), ". ", &case.page(x.title), ": ", &when_text(case, s.when), "."])));
        if let Some(w) = x.why {
            d.push((Line::Item, case.page(w)));
        }
        for &l in x.letters.iter().filter(|l| o.letters.contains(l)) {
            let y = &GRAPH.letters[l as usize];
            let kind = case.t(if y.kind == LetterKind::Script { ui::OUTCOME_SCRIPT } else { ui::OUTCOME_LETTER });
            d.push((Line::Item, join(&[kind, ": ", &case.page(y.title)])));
        }
    }
    d.push((Line::Heading, case.t(ui::OUTCOME_PLAN_ANSWERS).to_string()));
    for q in walk(&GRAPH, &case.answers, case.today).path {
        if let Some(a) = case.answers.get(q) {
            d.push((Line::Item, join(&[case.t(GRAPH.questions[q as usize].title), " ", &answer_text(q, a)])));
        }
    }
    if let Some(c) = GRAPH.contacts.iter().find(|c| c.kind == ContactKind::National) {
        let site = c.website.map(|w| case.t(w)).unwrap_or("");
        d.push((Line::Para, join(&[case.t(ui::OUTCOME_HELP_LINE), " ", case.t(c.name), " ", site])));
    }
    d
}

/// The short plan as plain text (copy, share, download).
pub fn plan_text(case: &Case) -> String {
    let mut o = String::new();
    for (kind, text) in plan_doc(case) {
        if matches!(kind, Line::Heading | Line::Para) {
            o.push('\n');
        }
        o.push_str(match kind {
            Line::Item => "   ",
            _ => "",
        });
        o.push_str(&text);
        o.push('\n');
    }
    o
}

/// The short plan as the page prints it (`#print-one`).
pub fn plan_print_html(case: &Case) -> String {
    let mut o = String::new();
    for (kind, text) in plan_doc(case) {
        let (tag, attrs) = match kind {
            Line::Title => ("h1", ""),
            Line::Para => ("p", ""),
            Line::Heading => ("h2", ""),
            Line::Step => ("p", "class=\"print-step\""),
            Line::Item => ("p", "class=\"print-item\""),
        };
        el(&mut o, tag, attrs, &text);
    }
    o
}

/// One letter as the page prints it alone: its title, subject and text as it stands.
pub fn letter_print_html(case: &Case, l: u16) -> String {
    let mut o = String::new();
    el(&mut o, "h1", "", &case.page(GRAPH.letters[l as usize].title));
    let (subject, body) = case.letter_parts(l);
    if let Some(s) = subject {
        el(&mut o, "p", "", &join(&[case.t(ui::OUTCOME_SUBJECT), ": ", &s]));
    }
    el(&mut o, "div", "class=\"letter-body\"", &body);
    o
}

/// How many steps the plan shows before "Other steps": "Do this first" and at most 4 more.
pub const PLAN_SHOWN: usize = 5;

/// The inside of the outcome page's `<main>`: the plan first (what to do first and by when,
/// with its letter), then the reference, every part closed.
pub fn outcome_html(case: &Case, can_share: bool) -> String {
    outcome_marked(case, can_share, false).replace(OPEN, "").replace(SHUT, "")
}

/// The outcome page as the app paints it first, and the bodies of its boxes by place. Each box
/// marked with [`OPEN`] is written empty and marked `data-body="P-N"` instead: P the drawing's
/// number `page` (so a page drawn again is never taken for the one before), N the box's place.
/// A box inside another's body stays in that body, unmarked. A letter in a body is a mark
/// until [`fill_body`] writes it out.
pub fn outcome_split(case: &Case, can_share: bool, page: usize) -> (String, Vec<String>) {
    let html = outcome_marked(case, can_share, true);
    let (mut first, mut bodies) = (String::with_capacity(8 * 1024), Vec::new());
    let mut rest = html.as_str();
    while let Some(at) = rest.find(OPEN) {
        first.push_str(&rest[..at]);
        // `<details` and its own attributes, the mark, then the rest of the tag and summary.
        let tag = &rest[at + OPEN.len()..];
        let head = tag.find("</summary>").map_or(tag.len(), |h| h + "</summary>".len());
        cat(&mut first, &["<details data-body=\"", &box_mark(page, bodies.len()), "\"", &tag["<details".len()..head], "</details>"]);
        // The body, to its own end (boxes inside it have their marks dropped).
        let (mut body, mut depth, mut at) = (String::new(), 1, head);
        while depth > 0 {
            let next = [OPEN, SHUT].map(|m| tag[at..].find(m).map(|i| (i, m)));
            let Some((i, m)) = next.into_iter().flatten().min() else { break };
            body.push_str(&tag[at..at + i]);
            depth += if m == OPEN { 1 } else { -1 };
            at += i + m.len();
        }
        bodies.push(body);
        // (`at` is past the box's mark of its end: its `</details>` is written above.)
        rest = &tag[(at + "</details>".len()).min(tag.len())..];
    }
    first.push_str(rest);
    (first, bodies)
}

/// A box's mark in [`outcome_split`]: the drawing's number and the box's place.
pub fn box_mark(page: usize, n: usize) -> String {
    join(&[&page.to_string(), "-", &n.to_string()])
}

/// The outcome page with its boxes marked (see [`OPEN`]).
/// `lazy`: the letters, which are all inside boxes, left as marks (see [`boxed_letter`]).
fn outcome_marked(case: &Case, can_share: bool, lazy: bool) -> String {
    let o_ = outcome(&GRAPH, &case.answers, case.today);
    let mut o = String::with_capacity(32 * 1024);
    el(&mut o, "h1", "tabindex=\"-1\"", case.t(ui::RESULT_TITLE));
    el(&mut o, "p", "class=\"lead\"", case.t(ui::OUTCOME_NOT_ADVICE));
    let mut letters_shown = vec![];
    let (first, rest) = o_.plan.split_at(o_.plan.len().min(1));
    let (then, other) = rest.split_at(rest.len().min(PLAN_SHOWN - 1));
    if let Some(s) = first.first() {
        o.push_str("<section class=\"plan-first\" aria-labelledby=\"s-first\">");
        el(&mut o, "h2", "id=\"s-first\"", case.t(ui::OUTCOME_FIRST));
        step(&mut o, case, s, "div", &mut letters_shown, &o_.letters, can_share, lazy);
        o.push_str("</section>");
    }
    if !then.is_empty() {
        o.push_str("<section class=\"plan-then\" aria-labelledby=\"s-then\">");
        el(&mut o, "h2", "id=\"s-then\"", case.t(ui::OUTCOME_THEN));
        o.push_str("<ol class=\"steps\">");
        for s in then {
            step(&mut o, case, s, "li", &mut letters_shown, &o_.letters, can_share, lazy);
        }
        o.push_str("</ol></section>");
    }
    // Free, independent advice, named where the parent will see it (law-facts §14).
    if let Some(c) = GRAPH.contacts.iter().find(|c| c.kind == ContactKind::National) {
        o.push_str("<p class=\"help-line\">");
        o.push_str(&esc(case.t(ui::OUTCOME_HELP_LINE)));
        o.push(' ');
        contact_links(&mut o, case, c, case.t(c.name));
        o.push_str("</p>");
    }
    // Keep or share the short plan (`plan_doc`).
    o.push_str("<section class=\"keep-plan no-print\" aria-labelledby=\"s-keep\">");
    el(&mut o, "h2", "id=\"s-keep\"", case.t(ui::OUTCOME_PLAN_KEEP));
    o.push_str("<div class=\"button-group\">");
    // (No `data-letter`: the listener sends the plan.)
    let mut actions = vec![("copy", ui::OUTCOME_PLAN_COPY)];
    if can_share {
        actions.push(("share", ui::OUTCOME_PLAN_SHARE));
    }
    actions.extend([("download", ui::OUTCOME_PLAN_DOWNLOAD), ("print-one", ui::OUTCOME_PLAN_PRINT)]);
    for (action, label) in actions {
        el(&mut o, "button", &join(&["class=\"button button-secondary\" type=\"button\" data-action=\"", action, "\""]), case.t(label));
    }
    o.push_str("</div><p class=\"action-status\" id=\"status-plan\" role=\"status\" aria-live=\"polite\"></p></section>");

    o.push_str("<section class=\"reference\" aria-labelledby=\"s-reference\">");
    el(&mut o, "h2", "id=\"s-reference\"", case.t(ui::OUTCOME_REFERENCE));
    el(&mut o, "p", "", case.t(ui::OUTCOME_REFERENCE_INTRO));
    let part = |o: &mut String, s: Section, heading: Txt| {
        let items = o_.in_section(&GRAPH, s);
        if items.is_empty() {
            return;
        }
        part_open(o, case, s.id(), heading);
        for f in items {
            finding(o, case, f);
        }
        shut(o);
    };
    part(&mut o, Section::Responsible, ui::OUTCOME_SECTION_RESPONSIBLE);
    part(&mut o, Section::Told, ui::OUTCOME_SECTION_TOLD);
    if !o_.deadlines.is_empty() {
        part_open(&mut o, case, "dates", ui::OUTCOME_SECTION_DEADLINES);
        for s in &o_.deadlines {
            deadline(&mut o, case, s);
        }
        o_.in_section(&GRAPH, Section::Deadlines).into_iter().for_each(|f| finding(&mut o, case, f));
        shut(&mut o);
    } else {
        part(&mut o, Section::Deadlines, ui::OUTCOME_SECTION_DEADLINE_NOTES);
    }
    if !other.is_empty() {
        part_open(&mut o, case, "other-steps", ui::OUTCOME_OTHER_STEPS);
        o.push_str("<ul class=\"steps\">");
        for s in other {
            step(&mut o, case, s, "li", &mut letters_shown, &o_.letters, can_share, lazy);
        }
        o.push_str("</ul>");
        shut(&mut o);
    }
    let unplaced: Vec<u16> = o_.letters.iter().copied().filter(|l| !letters_shown.contains(l)).collect();
    if !unplaced.is_empty() {
        part_open(&mut o, case, "letters", ui::OUTCOME_SECTION_LETTERS);
        el(&mut o, "p", "", case.t(ui::OUTCOME_LETTERS_INTRO));
        letters_lang_choice(&mut o, case);
        for l in unplaced {
            boxed_letter(&mut o, case, l, can_share, lazy);
        }
        shut(&mut o);
    }
    part(&mut o, Section::Escalation, ui::OUTCOME_SECTION_ESCALATION);
    help(&mut o, case);
    part(&mut o, Section::Practice, ui::OUTCOME_SECTION_PRACTICE);
    if !o_.terms.is_empty() {
        part_open(&mut o, case, "terms", ui::OUTCOME_SECTION_TERMS);
        o.push_str("<dl class=\"glossary\">");
        for &i in &o_.terms {
            let x = &GRAPH.terms[i as usize];
            el(&mut o, "dt", "", case.t(x.term));
            el(&mut o, "dd", "", case.t(x.means));
        }
        o.push_str("</dl>");
        shut(&mut o);
    }
    o.push_str("</section>");
    o.push_str("<div class=\"button-group no-print\">");
    el(&mut o, "button", "class=\"button button-secondary\" type=\"button\" data-action=\"print\"", case.t(ui::OUTCOME_PRINT));
    el(&mut o, "a", &join(&["class=\"button button-secondary\" href=\"", &Route::Check.hash(), "\""]), case.t(ui::OUTCOME_CHANGE_ANSWERS));
    o.push_str("</div>");
    // What "Print the plan" and a letter's "Print" fill and print alone.
    o.push_str("<div id=\"print-one\" class=\"print-one\"></div>");
    o
}

/// The answer as the parent would say it.
pub fn answer_text(q: u16, a: &Answer) -> String {
    let q = &GRAPH.questions[q as usize];
    match a {
        Answer::One(o) => q.options.get(*o as usize).map(|o| t(o.label).to_string()).unwrap_or_default(),
        Answer::Many(bits) => q
            .options
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, o)| t(o.label))
            .collect::<Vec<_>>()
            .join("; "),
        Answer::Date(d) => long_date(*d, &months()),
        Answer::Unsure => q.unsure.map(t).unwrap_or_default().to_string(),
    }
}

fn summary_row(o: &mut String, key: &str, value: &str, href: &str) {
    o.push_str("<div class=\"summary-row\">");
    el(o, "dt", "class=\"summary-key\"", key);
    el(o, "dd", "class=\"summary-value\"", value);
    cat(o, &["<dd class=\"summary-actions\"><a href=\"", href, "\">"]);
    o.push_str(&esc(t(ui::CHANGE)));
    el(o, "span", "class=\"visually-hidden\"", &join(&[" ", key]));
    o.push_str("</a></dd></div>");
}

/// The inside of the check-answers page's `<main>`.
pub fn check_html(case: &Case) -> String {
    let mut o = String::with_capacity(4096);
    el(&mut o, "h1", "tabindex=\"-1\"", t(ui::CHECK_TITLE));
    el(&mut o, "h2", "", t(ui::CHECK_ANSWERS));
    o.push_str("<dl class=\"summary-list\">");
    for q in walk(&GRAPH, &case.answers, case.today).path {
        let a = case.answers.get(q).map(|a| answer_text(q, a)).unwrap_or_default();
        let question = &GRAPH.questions[q as usize];
        summary_row(&mut o, t(question.title), &a, &Route::Question { q, change: true }.hash());
    }
    o.push_str("</dl>");
    el(&mut o, "h2", "", t(ui::ABOUT_TITLE));
    o.push_str("<dl class=\"summary-list\">");
    let d = case.details;
    let none = t(ui::NOT_GIVEN);
    let or_none = |s: &str| if s.is_empty() { none.to_string() } else { s.to_string() };
    let la = d.la.and_then(|a| GRAPH.authorities.get(a as usize)).map(|a| t(a.name)).unwrap_or(none);
    let lhb = d.board(&GRAPH).and_then(|b| GRAPH.boards.get(b as usize)).map(|b| t(b.name)).unwrap_or(none);
    // The details the About page asked for (what the letters use), in its order.
    let asked = crate::engine::details_used(&GRAPH, &outcome(&GRAPH, &case.answers, case.today), &case.answers, case.today);
    let texts = ABOUT_FIELDS.iter().zip(d.texts()).map(|(f, v)| (f.1, or_none(v), f.5));
    for (k, v, detail) in texts.chain([(ui::ABOUT_LA, la.to_string(), Detail::La), (ui::ABOUT_LHB, lhb.to_string(), Detail::Lhb)]) {
        if asked & detail.bit() != 0 {
            summary_row(&mut o, t(k), &v, &Route::About { change: true }.hash());
        }
    }
    o.push_str("</dl>");
    el(&mut o, "a", &join(&["class=\"button\" href=\"", &Route::Result.hash(), "\""]), t(ui::CHECK_SEE_RESULT));
    o
}

// ---- The question pages -------------------------------------------------------------------

/// What a question page's form holds: started from the saved answer, read back from the page
/// at each change (the page itself keeps it; no copy in the wasm to drift from what shows).
#[derive(Clone, Default, Debug, PartialEq)]
pub struct Form {
    /// The options ticked, a bit each (one bit for a one-answer question).
    pub chosen: u64,
    pub day: String,
    pub month: String,
    pub year: String,
    pub unsure: bool,
}

impl Form {
    /// The form as a saved answer leaves it.
    pub fn from_answer(a: Option<&Answer>) -> Form {
        match a {
            Some(Answer::One(o)) => Form { chosen: 1 << o, ..Form::default() },
            Some(Answer::Many(b)) => Form { chosen: *b, ..Form::default() },
            Some(Answer::Date(d)) => Form { day: d.d.to_string(), month: d.m.to_string(), year: d.y.to_string(), ..Form::default() },
            Some(Answer::Unsure) => Form { unsure: true, ..Form::default() },
            None => Form::default(),
        }
    }

    /// The answer the form holds now: what Continue would record, or why it cannot.
    pub fn read(&self, question: &Question, today: Date) -> Result<Answer, &'static str> {
        let bits = self.chosen;
        let typed = [&self.day, &self.month, &self.year].iter().any(|s| !s.trim().is_empty());
        match question.kind {
            Kind::One if bits == 0 => Err(t(ui::ERROR_CHOOSE_ONE)),
            Kind::One => Ok(Answer::One(bits.trailing_zeros() as u8)),
            Kind::Many if bits == 0 => Err(t(ui::ERROR_CHOOSE_MANY)),
            Kind::Many => Ok(Answer::Many(bits)),
            // A date typed and "I do not know" ticked: neither is thrown away.
            Kind::Date if self.unsure && typed => Err(t(ui::DATE_AND_UNSURE)),
            Kind::Date if self.unsure && question.unsure.is_some() => Ok(Answer::Unsure),
            Kind::Date => parse_parts(&self.day, &self.month, &self.year, today, question.future).map(Answer::Date).map_err(date_error),
        }
    }
}

pub fn date_error(e: DateError) -> &'static str {
    t(match e {
        DateError::Empty => ui::DATE_EMPTY,
        DateError::MissingDay => ui::DATE_MISSING_DAY,
        DateError::MissingMonth => ui::DATE_MISSING_MONTH,
        DateError::MissingYear => ui::DATE_MISSING_YEAR,
        DateError::NotNumbers => ui::DATE_NOT_NUMBERS,
        DateError::YearDigits => ui::DATE_YEAR_DIGITS,
        DateError::NotReal => ui::DATE_NOT_REAL,
        DateError::Future => ui::DATE_FUTURE,
        DateError::TooOld => ui::DATE_TOO_OLD,
    })
}

/// The GOV.UK error summary: "There is a problem" and a link to the field (the link is
/// handled by the page's click listener: the address's `#…` is the app's route).
pub fn error_summary(msg: &str, field: &str) -> String {
    let mut o = join(&["<div class=\"error-summary\" role=\"alert\"tabindex=\"-1\"><h2>", &esc(t(ui::ERROR_SUMMARY_TITLE)), "</h2><ul><li><a href=\"#"]);
    cat(&mut o, &[field, "\" data-focus=\"", field, "\">", &esc(msg), "</a></li></ul></div>"]);
    o
}

/// The id of a question's first field (`hidden`: the options not offered): where its error
/// summary's link leads.
pub fn first_field(q: &Question, hidden: u64) -> String {
    match q.kind {
        Kind::Date => join(&[q.id, "-day"]),
        _ => join(&[q.id, "-", crate::engine::first_offered(q, hidden).map(|i| q.options[i].id).unwrap_or("")]),
    }
}

/// One question page's `<main>`: the GOV.UK question pattern (a fieldset whose legend is the
/// page's heading, its hint, the error message once there is one, then the inputs), with the
/// form's current state and the submit button's words. Options this route does not offer
/// (`hidden`, a bit each: `engine::Eval::hidden`) are left out.
pub fn question_html(q: u16, form: &Form, error: Option<&str>, button: &str, (at, about): (usize, usize), hidden: u64) -> String {
    let question = &GRAPH.questions[q as usize];
    let qid = question.id;
    let mut o = String::new();
    if let Some(msg) = error {
        o.push_str(&error_summary(msg, &first_field(question, hidden)));
    }
    o.push_str("<form novalidate><div class=\"form-group");
    if error.is_some() {
        o.push_str(" form-group-error");
    }
    cat(&mut o, &["\"><fieldset class=\"fieldset\" id=\"", qid, "-fieldset\""]);
    // Described by its hint, and by the error message once there is one.
    let mut by = Vec::new();
    if question.hint.is_some() {
        by.push(join(&[qid, "-hint"]));
    }
    if error.is_some() {
        by.push(join(&[qid, "-error"]));
    }
    if !by.is_empty() {
        cat(&mut o, &[" aria-describedby=\"", &by.join(" "), "\""]);
    }
    o.push_str("><legend class=\"legend\">");
    if let Some(p) = GRAPH.parts.get(question.part as usize) {
        el(&mut o, "span", "class=\"caption\"", t(p.name));
    }
    // "Question 5 of about 12" (see `engine::progress`).
    el(&mut o, "span", "class=\"caption progress\"", &join(&[t(ui::QUESTION_N), " ", &at.to_string(), " ", t(ui::OF_ABOUT), " ", &about.to_string()]));
    el(&mut o, "h1", "tabindex=\"-1\"", t(question.title));
    o.push_str("</legend>");
    if let Some(h) = question.hint {
        el(&mut o, "div", &join(&["class=\"hint\" id=\"", qid, "-hint\""]), t(h));
    }
    if let Some(msg) = error {
        cat(&mut o, &["<p class=\"error-message\" id=\"", qid, "-error\"><span class=\"visually-hidden\">", &esc(t(ui::ERROR_PREFIX)), " </span>", &esc(msg), "</p>"]);
    }
    let check = |o: &mut String, on: bool| {
        if on {
            o.push_str(" checked");
        }
    };
    match question.kind {
        Kind::One | Kind::Many => {
            let many = question.kind == Kind::Many;
            o.push_str(if many { "<div class=\"choices checkboxes\">" } else { "<div class=\"choices radios\">" });
            let mut first = true;
            for (i, opt) in question.options.iter().enumerate() {
                if hidden & (1 << i) != 0 {
                    continue;
                }
                let lead = std::mem::take(&mut first);
                if many && opt.exclusive && !lead {
                    el(&mut o, "div", "class=\"divider\"", t(ui::OR));
                }
                let id = join(&[qid, "-", opt.id]);
                cat(&mut o, &["<div class=\"choice\"><input class=\"choice-input\" id=\"", &id, "\" name=\"", qid, "\" type=\"", if many { "checkbox" } else { "radio" }, "\" value=\"", opt.id, "\""]);
                if opt.hint.is_some() {
                    cat(&mut o, &[" aria-describedby=\"", &id, "-hint\""]);
                }
                if opt.exclusive {
                    o.push_str(" data-exclusive");
                }
                check(&mut o, form.chosen & (1 << i) != 0);
                o.push('>');
                el(&mut o, "label", &join(&["class=\"choice-label\" for=\"", &id, "\""]), t(opt.label));
                if let Some(h) = opt.hint {
                    el(&mut o, "div", &join(&["class=\"item-hint\" id=\"", &id, "-hint\""]), t(h));
                }
                o.push_str("</div>");
            }
            o.push_str("</div>");
        }
        Kind::Date => {
            cat(&mut o, &["<div class=\"date\" id=\"", qid, "-date\">"]);
            for (suffix, label, value) in [("day", ui::DAY, &form.day), ("month", ui::MONTH, &form.month), ("year", ui::YEAR, &form.year)] {
                let id = join(&[qid, "-", suffix]);
                o.push_str("<div class=\"date-item\">");
                el(&mut o, "label", &join(&["class=\"date-label\" for=\"", &id, "\""]), t(label));
                // No maxlength: a browser would cut what is typed or pasted without a word;
                // too many digits get a clear error instead.
                cat(&mut o, &["<input class=\"input date-input", if suffix == "year" { " date-year" } else { "" }, "\" id=\"", &id, "\" name=\"", &id, "\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"", &esc(value), "\"></div>"]);
            }
            o.push_str("</div>");
            if let Some(u) = question.unsure {
                el(&mut o, "div", "class=\"divider\"", t(ui::OR));
                cat(&mut o, &["<div class=\"choices checkboxes\"><div class=\"choice\"><input class=\"choice-input\" type=\"checkbox\" id=\"", qid, "-unsure\""]);
                check(&mut o, form.unsure);
                o.push('>');
                el(&mut o, "label", &join(&["class=\"choice-label\" for=\"", qid, "-unsure\""]), t(u));
                o.push_str("</div></div>");
            }
        }
    }
    o.push_str("</fieldset></div>");
    el(&mut o, "button", "class=\"button\" type=\"submit\" id=\"q-submit\"", button);
    o.push_str("</form>");
    o
}

// ---- About you and your child -------------------------------------------------------------

/// The "About you" page's text fields, in the order of `Details::texts` (whose limits are
/// `engine::DETAIL_TEXTS`): id, label, hint, the message for too long a text, `autocomplete`.
pub const ABOUT_FIELDS: [(&str, Txt, Option<Txt>, Txt, &str, Detail); 6] = [
    ("about-child", ui::ABOUT_CHILD, Some(ui::ABOUT_CHILD_HINT), ui::ABOUT_CHILD_LONG, "off", Detail::Child),
    ("about-parent", ui::ABOUT_PARENT, None, ui::ABOUT_PARENT_LONG, "name", Detail::Parent),
    ("about-school", ui::ABOUT_SCHOOL, Some(ui::ABOUT_SCHOOL_HINT), ui::ABOUT_SCHOOL_LONG, "off", Detail::School),
    ("about-full", ui::ABOUT_FULL_NAME, Some(ui::ABOUT_FULL_NAME_HINT), ui::ABOUT_FULL_NAME_LONG, "off", Detail::FullName),
    ("about-dob", ui::ABOUT_DOB, Some(ui::ABOUT_DOB_HINT), ui::ABOUT_DOB_LONG, "off", Detail::Dob),
    ("about-contact", ui::ABOUT_CONTACT, Some(ui::ABOUT_CONTACT_HINT), ui::ABOUT_CONTACT_LONG, "email", Detail::Contact),
];

/// Indices of `names` in A–Z order of their words (a parent looks for "Cardiff" under C).
fn a_to_z(names: &[Txt]) -> Vec<usize> {
    let mut v: Vec<usize> = (0..names.len()).collect();
    crate::engine::sort_small(&mut v, |&i| t(names[i]));
    v
}

/// "The board for your council area (Cardiff and Vale University Health Board)".
pub fn board_default(la: Option<u8>) -> String {
    match la.and_then(|a| GRAPH.authorities.get(a as usize)) {
        Some(a) => join(&[t(ui::LHB_FROM_LA), " (", t(GRAPH.boards[a.board as usize].name), ")"]),
        None => t(ui::LHB_FROM_LA).to_string(),
    }
}

/// The "About you and your child" page's `<main>`: the details as given so far (`d`, with
/// texts as typed), and an error on one field (`(message, field id)`).
/// `asked`: the details to ask for (`engine::details_used`: what the letters offered use).
pub fn about_html(d: &Details, error: Option<(&str, &str)>, asked: u8) -> String {
    let mut o = String::new();
    if let Some((msg, field)) = error {
        o.push_str(&error_summary(msg, field));
    }
    el(&mut o, "span", "class=\"caption\"", t(ui::ABOUT_CAPTION));
    el(&mut o, "h1", "tabindex=\"-1\"", t(ui::ABOUT_TITLE));
    el(&mut o, "p", "", t(ui::ABOUT_INTRO));
    o.push_str("<form novalidate>");
    for ((id, label, hint, _, auto, detail), value) in ABOUT_FIELDS.iter().zip(d.texts()) {
        if asked & detail.bit() == 0 {
            continue;
        }
        let bad = error.filter(|e| e.1 == *id);
        o.push_str(if bad.is_some() { "<div class=\"form-group form-group-error\">" } else { "<div class=\"form-group\">" });
        el(&mut o, "label", &join(&["class=\"label\" for=\"", id, "\""]), t(*label));
        let mut by = String::new();
        if let Some(h) = hint {
            el(&mut o, "div", &join(&["class=\"hint\" id=\"", id, "-hint\""]), t(*h));
            by = join(&[id, "-hint"]);
        }
        if let Some((msg, _)) = bad {
            cat(&mut o, &["<p class=\"error-message\" id=\"", id, "-error\"><span class=\"visually-hidden\">", &esc(t(ui::ERROR_PREFIX)), " </span>", &esc(msg), "</p>"]);
            by = join(&[&by, if by.is_empty() { "" } else { " " }, id, "-error"]);
        }
        // No maxlength: the browser would cut a long name without a word. Too long a text is
        // refused with the limit the message states, and stays in the field to shorten.
        cat(&mut o, &["<input class=\"input\" id=\"", id, "\" name=\"", id, "\" type=\"text\" autocomplete=\"", auto, "\" spellcheck=\"false\" value=\"", &esc(value), "\""]);
        if !by.is_empty() {
            cat(&mut o, &[" aria-describedby=\"", &by, "\""]);
        }
        if bad.is_some() {
            o.push_str(" aria-invalid=\"true\"");
        }
        o.push_str("></div>");
    }
    let option = |o: &mut String, value: &str, selected: bool, label: &str| {
        cat(o, &["<option value=\"", value, "\"", if selected { " selected" } else { "" }, ">"]);
        o.push_str(&esc(label));
        o.push_str("</option>");
    };
    if asked & Detail::La.bit() != 0 {
    o.push_str("<div class=\"form-group\">");
    el(&mut o, "label", "class=\"label\" for=\"about-la\"", t(ui::ABOUT_LA));
    el(&mut o, "div", "class=\"hint\" id=\"about-la-hint\"", t(ui::ABOUT_LA_HINT));
    o.push_str("<select class=\"select\" id=\"about-la\" name=\"about-la\" aria-describedby=\"about-la-hint\">");
    option(&mut o, "", d.la.is_none(), t(ui::CHOOSE));
    let names: Vec<Txt> = GRAPH.authorities.iter().map(|a| a.name).collect();
    for i in a_to_z(&names) {
        option(&mut o, &i.to_string(), d.la == Some(i as u8), t(names[i]));
    }
    o.push_str("</select></div>");
    }
    if asked & Detail::Lhb.bit() != 0 {
    // The health board as radios: every name shows whole on a phone (a select clips them).
    o.push_str("<div class=\"form-group\"><fieldset class=\"fieldset\" aria-describedby=\"about-lhb-hint\"><legend class=\"legend legend-small\">");
    o.push_str(&esc(t(ui::ABOUT_LHB)));
    o.push_str("</legend>");
    el(&mut o, "div", "class=\"hint\" id=\"about-lhb-hint\"", t(ui::ABOUT_LHB_HINT));
    o.push_str("<div class=\"choices radios\">");
    let radio = |o: &mut String, id: &str, value: &str, on: bool, label: &str| {
        cat(o, &["<div class=\"choice\"><input class=\"choice-input\" type=\"radio\" name=\"about-lhb\" id=\"", id, "\" value=\"", value, "\"", if on { " checked" } else { "" }, ">"]);
        el(o, "label", &join(&["class=\"choice-label\" for=\"", id, "\" id=\"", id, "-label\""]), label);
        o.push_str("</div>");
    };
    radio(&mut o, "about-lhb-la", "", d.lhb.is_none(), &board_default(d.la));
    let boards: Vec<Txt> = GRAPH.boards.iter().map(|b| b.name).collect();
    for i in a_to_z(&boards) {
        radio(&mut o, &join(&["about-lhb-", &i.to_string()]), &i.to_string(), d.lhb == Some(i as u8), t(boards[i]));
    }
    o.push_str("</div></fieldset></div>");
    }
    el(&mut o, "button", "class=\"button\" type=\"submit\"", t(ui::CONTINUE));
    o.push_str("</form>");
    o
}

/// Above every page: why the answers cannot be kept (with a link to Camau in a tab of its
/// own when a host's frame is the reason), then the notice the last change of page gave.
pub fn messages_html(storage: Option<Txt>, own_tab: Option<&str>, notice: Option<&str>) -> String {
    let mut o = String::new();
    if let Some(msg) = storage {
        o.push_str("<div class=\"banner\" role=\"status\"><p>");
        o.push_str(&esc(t(msg)));
        if let Some(href) = own_tab {
            o.push(' ');
            el(&mut o, "a", &join(&["href=\"", &esc(href), "\" target=\"_blank\" rel=\"noopener\""]), t(ui::OPEN_OWN_TAB));
        }
        o.push_str("</p></div>");
    }
    if let Some(n) = notice {
        o.push_str("<div class=\"notice\" role=\"status\">");
        el(&mut o, "p", "", n);
        o.push_str("</div>");
    }
    o
}

/// On the start page when answers are saved: "continue where you left off" (to `href`), the
/// day they were saved, and "Start again" (which asks first: `asking`).
pub fn resume_html(href: &str, saved_on: Option<Date>, asking: bool) -> String {
    let mut o = String::from("<section class=\"resume\" aria-labelledby=\"resume-title\">");
    el(&mut o, "h2", "id=\"resume-title\"", t(ui::RESUME_TITLE));
    if let Some(d) = saved_on {
        el(&mut o, "p", "", &join(&[t(ui::RESUME_SAVED_ON), " ", &long_date(d, &months()), "."]));
    }
    el(&mut o, "p", "", t(ui::RESUME_TEXT));
    o.push_str("<div class=\"button-group\">");
    el(&mut o, "a", &join(&["class=\"button\" href=\"", href, "\""]), t(ui::RESUME_CONTINUE));
    el(&mut o, "button", "class=\"button button-secondary\" type=\"button\" id=\"start-again\" data-action=\"start-again\"", t(ui::START_AGAIN));
    o.push_str("</div>");
    if asking {
        confirm_html(&mut o, true);
    }
    o.push_str("</section>");
    o
}

/// The box that asks once before deleting every answer ("Start again" on the start page, or
/// "Delete my answers"): the question, "Yes, …" and "No, keep my answers". It takes focus
/// (`tabindex`), so a screen reader reads the question, its label, first.
fn confirm_html(o: &mut String, start_again: bool) {
    let (question, yes) = if start_again { (ui::CONFIRM_START_AGAIN, ui::CONFIRM_START_AGAIN_YES) } else { (ui::CONFIRM_DELETE, ui::CONFIRM_DELETE_YES) };
    o.push_str("<div class=\"confirm\" role=\"group\" aria-labelledby=\"confirm-question\" tabindex=\"-1\"><p class=\"confirm-question\" id=\"confirm-question\"><strong>");
    o.push_str(&esc(t(question)));
    o.push_str("</strong></p><div class=\"button-group\">");
    el(o, "button", "class=\"button button-warning\" type=\"button\" id=\"confirm-yes\" data-action=\"confirm-yes\"", t(yes));
    el(o, "button", "class=\"button button-secondary\" type=\"button\" id=\"confirm-no\" data-action=\"confirm-no\"", t(ui::CONFIRM_KEEP));
    o.push_str("</div></div>");
}

/// The footer: links to privacy, delete (asks first: `asking`), save the answers to a file,
/// open one (a label styled as a link opens the file picker; the input stays reachable by
/// keyboard).
pub fn footer_html(asking: bool) -> String {
    let mut o = String::from("<footer class=\"footer\"><ul class=\"footer-links\"><li>");
    el(&mut o, "a", &join(&["href=\"", &Route::Privacy.hash(), "\""]), t(ui::PRIVACY_TITLE));
    o.push_str("</li><li>");
    el(&mut o, "button", "class=\"link-button\" type=\"button\" id=\"delete-answers\" data-action=\"delete\"", t(ui::DELETE_ANSWERS));
    o.push_str("</li><li>");
    el(&mut o, "button", "class=\"link-button\" type=\"button\" id=\"save-file\" data-action=\"save-file\"", t(ui::FILE_SAVE));
    o.push_str("</li><li class=\"file-open\"><input type=\"file\" id=\"open-file\" class=\"visually-hidden\" accept=\".txt,text/plain\">");
    el(&mut o, "label", "class=\"link-button\" for=\"open-file\"", t(ui::FILE_OPEN));
    o.push_str("</li></ul><p class=\"action-status\" id=\"file-status\" role=\"status\" aria-live=\"polite\"></p>");
    if asking {
        confirm_html(&mut o, false);
    }
    o.push_str("</footer>");
    o
}

/// The `<main>` of a page whose words have not arrived: a wait, or (`failed`) "Try again".
pub fn waiting_html(failed: bool) -> String {
    let mut o = String::new();
    el(&mut o, "h1", "tabindex=\"-1\"", t(ui::APP_NAME));
    if failed {
        el(&mut o, "p", "role=\"status\"", t(ui::WORDS_FAILED));
        el(&mut o, "button", "class=\"button\" type=\"button\" data-action=\"retry\"", t(ui::TRY_AGAIN));
    } else {
        // (`id="waiting"` while the words are on their way: the browser tests wait for it to go.)
        el(&mut o, "p", "role=\"status\" id=\"waiting\"", t(ui::WORDS_LOADING));
    }
    o
}

/// The privacy page's `<main>`: what Camau keeps, and "Do not save my answers on this device"
/// (ticked when nothing is saved; disabled when the browser refuses storage anyway).
pub fn privacy_html(off: bool, blocked: bool) -> String {
    let mut o = String::new();
    el(&mut o, "h1", "tabindex=\"-1\"", t(ui::PRIVACY_TITLE));
    for p in [ui::PRIVACY_TEXT_1, ui::PRIVACY_TEXT_2, ui::PRIVACY_TEXT_LANG, ui::PRIVACY_TEXT_3] {
        el(&mut o, "p", "", t(p));
    }
    cat(&mut o, &["<div class=\"choices checkboxes\"><div class=\"choice\"><input class=\"choice-input\" type=\"checkbox\" id=\"dont-save\"", if off { " checked" } else { "" }, if blocked { " disabled" } else { "" }, ">"]);
    el(&mut o, "label", "class=\"choice-label\" for=\"dont-save\"", t(ui::DONT_SAVE));
    o.push_str("</div></div>");
    o
}
