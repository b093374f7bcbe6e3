//! The outcome and check-answers pages as HTML text, built natively testable.
//!
//! These pages are static once shown, so they are written as one escaped HTML string
//! instead of many Leptos views: the same page for a fraction of the wasm bytes.
//! Invariant: every piece of text (content or the parent's own words) passes through
//! [`esc`]; the only markup is written here. Buttons carry `data-action` and are
//! handled by one delegated listener in `ui/outcome.rs`.

use crate::content::{ui, GRAPH};
use crate::engine::codec::percent_encode;
use crate::engine::date::{weeks_days, Date};
use crate::engine::graph::{LetterKind, Section, Txt, Unit};
use crate::engine::graph::Late;
use crate::engine::{fill, long_date, outcome, walk, Answer, Answers, Blank, DeadlineStatus, Details, Words};
use crate::route::Route;
use camau_graph::Detail;

/// A word compiled into the wasm (the interface, the question pages).
pub fn t(x: Txt) -> &'static str {
    GRAPH.early(x)
}

pub use camau_graph::esc;

pub fn months() -> [&'static str; 12] {
    [
        t(ui::MONTH_1),
        t(ui::MONTH_2),
        t(ui::MONTH_3),
        t(ui::MONTH_4),
        t(ui::MONTH_5),
        t(ui::MONTH_6),
        t(ui::MONTH_7),
        t(ui::MONTH_8),
        t(ui::MONTH_9),
        t(ui::MONTH_10),
        t(ui::MONTH_11),
        t(ui::MONTH_12),
    ]
}

pub fn blank(what: Blank) -> String {
    t(match what {
        Blank::Detail(Detail::Child) => ui::BLANK_CHILD,
        Blank::Detail(Detail::Parent) => ui::BLANK_PARENT,
        Blank::Detail(Detail::School) => ui::BLANK_SCHOOL,
        Blank::Detail(Detail::La) => ui::BLANK_LA,
        Blank::Detail(Detail::Lhb) => ui::BLANK_LHB,
        Blank::Date => ui::BLANK_DATE,
    })
    .to_string()
}

/// On the page a missing name reads "your child"; in letters it is a clear blank.
fn page_blank(what: Blank) -> String {
    match what {
        Blank::Detail(Detail::Child) => t(ui::YOUR_CHILD).to_string(),
        _ => blank(what),
    }
}

/// The parent's situation: what the pages are made from.
pub struct Case<'a> {
    /// Only the answers on the current route: an answer kept from another route never
    /// fills a letter or a page.
    answers: Answers,
    pub details: &'a Details,
    pub today: Date,
    /// The outcome page's words.
    pub late: &'a Late,
}

impl<'a> Case<'a> {
    /// The pages for every answer the parent gave (`all`): those off the route are left out.
    pub fn new(all: &Answers, details: &'a Details, today: Date, late: &'a Late) -> Case<'a> {
        Case { answers: walk(&GRAPH, all, today).on_route(all), details, today, late }
    }
    /// The answers the pages use.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }
    /// Any word, early or late.
    pub fn t(&self, x: Txt) -> &'a str {
        GRAPH.text(x, self.late)
    }
    pub fn page(&self, x: Txt) -> String {
        fill(&GRAPH, self.t(x), &self.answers, self.details, self.today, &Words { months: months(), blank: &page_blank })
    }
    pub fn letter(&self, x: Txt) -> String {
        fill(&GRAPH, self.t(x), &self.answers, self.details, self.today, &Words { months: months(), blank: &blank })
    }
    /// Subject and body of a letter, filled.
    pub fn letter_parts(&self, l: u16) -> (Option<String>, String) {
        let x = &GRAPH.letters[l as usize];
        (x.subject.map(|s| self.letter(s)), self.letter(x.body))
    }
    /// The whole letter as plain text (copy, share, download).
    pub fn letter_text(&self, l: u16) -> String {
        match self.letter_parts(l) {
            (Some(s), body) => format!("{}: {s}\n\n{body}", t(ui::SUBJECT)),
            (None, body) => body,
        }
    }
    /// `mailto:` with subject and body percent-encoded (line breaks as CRLF).
    pub fn mailto(&self, l: u16) -> Option<String> {
        let (subject, body) = self.letter_parts(l);
        let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
        subject.map(|s| format!("mailto:?subject={}&body={}", percent_encode(&s), percent_encode(&body)))
    }
}

/// "3 weeks and 2 days", "1 week", "4 days".
pub fn span(days: i64) -> String {
    let (w, d) = weeks_days(days);
    let unit = |n: i64, one, many| format!("{n} {}", t(if n == 1 { one } else { many }));
    match (w, d) {
        (0, d) => unit(d, ui::DAY_ONE, ui::DAY_MANY),
        (w, 0) => unit(w, ui::WEEK_ONE, ui::WEEK_MANY),
        (w, d) => format!("{} {} {}", unit(w, ui::WEEK_ONE, ui::WEEK_MANY), t(ui::AND), unit(d, ui::DAY_ONE, ui::DAY_MANY)),
    }
}

pub fn status_text(s: &DeadlineStatus) -> String {
    match s.days_left {
        0 => t(ui::DUE_TODAY).to_string(),
        n if n < 0 => format!("{} {}", t(ui::OVERDUE_BY), span(n)),
        n => format!("{} {}", t(ui::DUE_IN), span(n)),
    }
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

fn why(o: &mut String, case: &Case, basis: &[u16]) {
    if basis.is_empty() {
        return;
    }
    o.push_str("<details class=\"why\">");
    el(o, "summary", "", t(ui::WHY));
    el(o, "p", "class=\"why-intro\"", t(ui::WHY_INTRO));
    o.push_str("<ul>");
    for &c in basis {
        let c = &GRAPH.citations[c as usize];
        el(o, "li", "", &format!("{} ({})", case.t(c.full), case.t(c.short)));
    }
    o.push_str("</ul></details>");
}

fn finding(o: &mut String, case: &Case, f: u16, tag: &str) {
    let x = &GRAPH.findings[f as usize];
    o.push_str(&format!("<{tag} class=\"{}\" id=\"f-{}\">", if tag == "li" { "step" } else { "finding" }, x.id));
    el(o, "h3", "class=\"finding-title\"", &case.page(x.title));
    if x.practice {
        el(o, "p", "class=\"tag\"", t(ui::GOOD_PRACTICE));
    }
    if let Some(told) = x.told {
        el(o, "p", "class=\"told\"", &case.page(told));
    }
    el(o, "p", "", &case.page(x.says));
    if let Some(who) = x.who {
        o.push_str("<p class=\"who\">");
        el(o, "strong", "", t(ui::WHO));
        o.push(' ');
        o.push_str(&esc(&case.page(who)));
        o.push_str("</p>");
    }
    why(o, case, x.basis);
    o.push_str(&format!("</{tag}>"));
}

fn deadline(o: &mut String, case: &Case, s: &DeadlineStatus) {
    let d = &GRAPH.deadlines[s.deadline as usize];
    let m = months();
    o.push_str(&format!(
        "<div class=\"{}\" id=\"d-{}\">",
        if s.days_left < 0 { "deadline deadline-overdue" } else { "deadline" },
        d.id
    ));
    el(o, "h3", "class=\"finding-title\"", case.t(d.label));
    o.push_str("<p class=\"deadline-date\">");
    el(o, "strong", "", &long_date(s.due, &m));
    o.push_str("</p><p class=\"deadline-status\">");
    if s.days_left < 0 {
        el(o, "strong", "class=\"tag tag-overdue\"", t(ui::OVERDUE));
        o.push(' ');
    }
    o.push_str(&esc(&status_text(s)));
    o.push_str("</p>");
    if let Some(Answer::Date(from)) = case.answers.get(d.from) {
        el(o, "p", "class=\"hint\"", &format!("{} {}", t(ui::COUNTED_FROM), long_date(*from, &m)));
    }
    if matches!(d.unit, Unit::SchoolDays | Unit::TermDays) {
        el(o, "p", "class=\"hint\"", t(ui::ESTIMATE));
    }
    why(o, case, d.basis);
    el(o, "button", &format!("class=\"button button-secondary no-print\" type=\"button\" data-action=\"ics\" data-deadline=\"{}\"", s.deadline), t(ui::ADD_CALENDAR));
    o.push_str("</div>");
}

fn letter(o: &mut String, case: &Case, l: u16, can_share: bool) {
    let x = &GRAPH.letters[l as usize];
    let id = x.id;
    o.push_str(&format!("<article class=\"letter\" id=\"l-{id}\" aria-labelledby=\"l-{id}-title\">"));
    o.push_str(&format!("<h3 class=\"finding-title\" id=\"l-{id}-title\">"));
    el(o, "span", "class=\"caption\"", t(if x.kind == LetterKind::Script { ui::SCRIPT } else { ui::LETTER }));
    o.push_str(&esc(&case.page(x.title)));
    o.push_str("</h3>");
    if let Some(to) = x.to {
        o.push_str("<p class=\"who\">");
        el(o, "strong", "", t(ui::SEND_TO));
        o.push(' ');
        o.push_str(&esc(&case.page(to)));
        o.push_str("</p>");
    }
    let (subject, body) = case.letter_parts(l);
    if let Some(s) = &subject {
        o.push_str("<p class=\"letter-subject\">");
        el(o, "strong", "", &format!("{}:", t(ui::SUBJECT)));
        o.push(' ');
        o.push_str(&esc(s));
        o.push_str("</p>");
    }
    el(o, "div", "class=\"letter-body\"", &body);
    why(o, case, x.basis);
    o.push_str("<div class=\"button-group no-print\">");
    let button = |o: &mut String, action: &str, primary: bool, label: Txt| {
        let class = if primary { "button" } else { "button button-secondary" };
        el(o, "button", &format!("class=\"{class}\" type=\"button\" data-action=\"{action}\" data-letter=\"{l}\""), t(label));
    };
    button(o, "copy", true, ui::COPY);
    if let Some(href) = case.mailto(l) {
        el(o, "a", &format!("class=\"button button-secondary\" href=\"{}\"", esc(&href)), t(ui::EMAIL));
    }
    if can_share {
        button(o, "share", false, ui::SHARE);
    }
    button(o, "download", false, ui::DOWNLOAD);
    o.push_str("</div>");
    o.push_str(&format!("<p class=\"action-status\" id=\"status-{l}\" role=\"status\" aria-live=\"polite\"></p>"));
    o.push_str("</article>");
}

fn section_open(o: &mut String, id: &str, heading: Txt) {
    o.push_str(&format!("<section class=\"section\" aria-labelledby=\"s-{id}\">"));
    el(o, "h2", &format!("id=\"s-{id}\""), t(heading));
}

/// The inside of the outcome page's `<main>`.
pub fn outcome_html(case: &Case, can_share: bool) -> String {
    let o_ = outcome(&GRAPH, &case.answers, case.today);
    let mut o = String::with_capacity(32 * 1024);
    el(&mut o, "h1", "tabindex=\"-1\"", t(ui::RESULT_TITLE));
    el(&mut o, "p", "class=\"lead\"", t(ui::NOT_ADVICE));
    o.push_str("<div class=\"summary-box\">");
    el(&mut o, "h2", "", t(ui::SUMMARY_TITLE));
    o.push_str("<ul>");
    for &f in &o_.summary {
        let x = &GRAPH.findings[f as usize];
        el(&mut o, "li", "", &case.page(x.summary.unwrap_or(x.title)));
    }
    o.push_str("</ul></div>");

    let sections = |o: &mut String, s: Section, heading: Txt, steps: bool| {
        let items = o_.in_section(&GRAPH, s);
        if items.is_empty() {
            return;
        }
        section_open(o, s.id(), heading);
        if steps {
            o.push_str("<ol class=\"steps\">");
        }
        for f in items {
            finding(o, case, f, if steps { "li" } else { "div" });
        }
        if steps {
            o.push_str("</ol>");
        }
        o.push_str("</section>");
    };
    sections(&mut o, Section::Responsible, ui::SECTION_RESPONSIBLE, false);
    sections(&mut o, Section::Told, ui::SECTION_TOLD, false);
    if !o_.deadlines.is_empty() {
        section_open(&mut o, "dates", ui::SECTION_DEADLINES);
        for s in &o_.deadlines {
            deadline(&mut o, case, s);
        }
        o.push_str("</section>");
    }
    sections(&mut o, Section::Deadlines, ui::SECTION_DEADLINE_NOTES, false);
    sections(&mut o, Section::Steps, ui::SECTION_STEPS, true);
    if !o_.letters.is_empty() {
        section_open(&mut o, "letters", ui::SECTION_LETTERS);
        el(&mut o, "p", "", t(ui::LETTERS_INTRO));
        for &l in &o_.letters {
            letter(&mut o, case, l, can_share);
        }
        o.push_str("</section>");
    }
    sections(&mut o, Section::Escalation, ui::SECTION_ESCALATION, false);
    sections(&mut o, Section::Practice, ui::SECTION_PRACTICE, false);
    if !o_.terms.is_empty() {
        section_open(&mut o, "terms", ui::SECTION_TERMS);
        o.push_str("<dl class=\"glossary\">");
        for &i in &o_.terms {
            let x = &GRAPH.terms[i as usize];
            el(&mut o, "dt", "", case.t(x.term));
            el(&mut o, "dd", "", case.t(x.means));
        }
        o.push_str("</dl></section>");
    }
    o.push_str("<div class=\"button-group no-print\">");
    el(&mut o, "button", "class=\"button button-secondary\" type=\"button\" data-action=\"print\"", t(ui::PRINT));
    el(&mut o, "a", &format!("class=\"button button-secondary\" href=\"{}\"", Route::Check.hash()), t(ui::CHANGE_ANSWERS));
    o.push_str("</div>");
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
    o.push_str(&format!("<dd class=\"summary-actions\"><a href=\"{href}\">"));
    o.push_str(&esc(t(ui::CHANGE)));
    el(o, "span", "class=\"visually-hidden\"", &format!(" {key}"));
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
    for (k, v) in [
        (ui::ABOUT_CHILD, or_none(&d.child)),
        (ui::ABOUT_PARENT, or_none(&d.parent)),
        (ui::ABOUT_SCHOOL, or_none(&d.school)),
        (ui::ABOUT_LA, la.to_string()),
        (ui::ABOUT_LHB, lhb.to_string()),
    ] {
        summary_row(&mut o, t(k), &v, &Route::About { change: true }.hash());
    }
    o.push_str("</dl>");
    el(&mut o, "a", &format!("class=\"button\" href=\"{}\"", Route::Result.hash()), t(ui::SEE_RESULT));
    o
}
