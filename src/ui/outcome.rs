//! The outcome page: summary, who is responsible, deadlines, next steps,
//! letters and scripts, escalation, good practice, terms.

use super::pages::months;
use super::{browser, t, App, Route};
use crate::content::{ui, GRAPH};
use crate::engine::codec::percent_encode;
use crate::engine::date::weeks_days;
use crate::engine::graph::{Section, Unit};
use crate::engine::{fill, ics, long_date, outcome, Answers, DeadlineStatus, Details, Words};
use leptos::prelude::*;

fn blank(what: &str) -> String {
    t(match what {
        "child" => ui::BLANK_CHILD,
        "parent" => ui::BLANK_PARENT,
        "school" => ui::BLANK_SCHOOL,
        "la" => ui::BLANK_LA,
        "lhb" => ui::BLANK_LHB,
        _ => ui::BLANK_DATE,
    })
    .to_string()
}

/// On the page, a missing name reads "your child"; in letters it is a clear blank.
fn page_blank(what: &str) -> String {
    match what {
        "child" => t(ui::YOUR_CHILD).to_string(),
        _ => blank(what),
    }
}

/// "3 weeks and 2 days", "1 week", "4 days".
fn span(days: i64) -> String {
    let (w, d) = weeks_days(days);
    let unit = |n: i64, one, many| format!("{n} {}", t(if n == 1 { one } else { many }));
    match (w, d) {
        (0, d) => unit(d, ui::DAY_ONE, ui::DAY_MANY),
        (w, 0) => unit(w, ui::WEEK_ONE, ui::WEEK_MANY),
        (w, d) => format!("{} {} {}", unit(w, ui::WEEK_ONE, ui::WEEK_MANY), t(ui::AND), unit(d, ui::DAY_ONE, ui::DAY_MANY)),
    }
}

fn status_text(s: &DeadlineStatus) -> String {
    match s.days_left {
        0 => t(ui::DUE_TODAY).to_string(),
        n if n < 0 => format!("{} {}", t(ui::OVERDUE_BY), span(n)),
        n => format!("{} {}", t(ui::DUE_IN), span(n)),
    }
}

struct Ctx {
    answers: Answers,
    details: Details,
    app: App,
}

impl Ctx {
    fn page(&self, txt: crate::engine::graph::Txt) -> String {
        let m = months();
        fill(&GRAPH, t(txt), &self.answers, &self.details, self.app.today, &Words { months: m, blank: &page_blank })
    }
    fn letter(&self, txt: crate::engine::graph::Txt) -> String {
        let m = months();
        fill(&GRAPH, t(txt), &self.answers, &self.details, self.app.today, &Words { months: m, blank: &blank })
    }
}

fn why(basis: &'static [u16]) -> impl IntoView {
    (!basis.is_empty()).then(|| {
        let items = basis
            .iter()
            .map(|&c| {
                let c = &GRAPH.citations[c as usize];
                view! { <li>{t(c.full)}" ("{t(c.short)}")"</li> }
            })
            .collect_view();
        view! {
            <details class="why">
                <summary>{t(ui::WHY)}</summary>
                <p class="why-intro">{t(ui::WHY_INTRO)}</p>
                <ul>{items}</ul>
            </details>
        }
    })
}

fn finding_view(cx: &Ctx, f: u16, as_step: bool) -> impl IntoView {
    let x = &GRAPH.findings[f as usize];
    let who = x.who.map(|w| view! { <p class="who"><strong>{t(ui::WHO)}" "</strong>{cx.page(w)}</p> });
    let told = x.told.map(|w| view! { <p class="told">{cx.page(w)}</p> });
    let practice = x.practice.then(|| view! { <p class="tag">{t(ui::GOOD_PRACTICE)}</p> });
    let body = view! {
        <h3 class="finding-title">{cx.page(x.title)}</h3>
        {practice}
        {told}
        <p>{cx.page(x.says)}</p>
        {who}
        {why(x.basis)}
    };
    if as_step {
        view! { <li class="step" id=format!("f-{}", x.id)>{body}</li> }.into_any()
    } else {
        view! { <div class="finding" id=format!("f-{}", x.id)>{body}</div> }.into_any()
    }
}

fn deadline_view(cx: &Ctx, s: DeadlineStatus) -> impl IntoView {
    let d = &GRAPH.deadlines[s.deadline as usize];
    let m = months();
    let due = long_date(s.due, &m);
    let estimate = matches!(d.unit, Unit::SchoolDays | Unit::TermDays).then(|| view! { <p class="hint">{t(ui::ESTIMATE)}</p> });
    let label = t(d.label);
    let from = long_date(
        match cx.answers.get(d.from) {
            Some(crate::engine::Answer::Date(x)) => *x,
            _ => s.due,
        },
        &m,
    );
    let calendar = {
        let summary = label.to_string();
        let desc = format!("{} {}", t(ui::ICS_DESCRIPTION), t(ui::APP_NAME));
        let uid = format!("{}-{}", d.id, s.due.iso());
        let today = cx.app.today;
        let day = s.due;
        move |_| {
            let text = ics::event(&uid, day, today, &summary, &desc);
            browser::download(&format!("{}.ics", uid), "text/calendar;charset=utf-8", &text);
        }
    };
    view! {
        <div class=if s.overdue() { "deadline deadline-overdue" } else { "deadline" } id=format!("d-{}", d.id)>
            <h3 class="finding-title">{label}</h3>
            <p class="deadline-date"><strong>{due}</strong></p>
            <p class="deadline-status">
                {s.overdue().then(|| view! { <strong class="tag tag-overdue">{t(ui::OVERDUE)}</strong> " " })}
                {status_text(&s)}
            </p>
            <p class="hint">{t(ui::COUNTED_FROM)}" "{from}</p>
            {estimate}
            {why(d.basis)}
            <button class="button button-secondary no-print" type="button" on:click=calendar>{t(ui::ADD_CALENDAR)}</button>
        </div>
    }
}

fn letter_view(cx: &Ctx, l: u16) -> impl IntoView {
    let x = &GRAPH.letters[l as usize];
    let title = cx.page(x.title);
    let subject = x.subject.map(|s| cx.letter(s));
    let body = cx.letter(x.body);
    let to = x.to.map(|s| view! { <p class="who"><strong>{t(ui::SEND_TO)}" "</strong>{cx.page(s)}</p> });
    let full_text = match &subject {
        Some(s) => format!("{}: {s}\n\n{body}", t(ui::SUBJECT)),
        None => body.clone(),
    };
    let status = RwSignal::new(String::new());
    let mailto = subject.as_ref().map(|s| {
        let crlf = body.replace("\r\n", "\n").replace('\n', "\r\n");
        format!("mailto:?subject={}&body={}", percent_encode(s), percent_encode(&crlf))
    });
    let id = x.id;
    let copy = {
        let text = full_text.clone();
        move |_| {
            browser::copy(&text, move |ok| status.set(t(if ok { ui::COPIED } else { ui::COPY_FAILED }).to_string()));
        }
    };
    let share = browser::can_share().then(|| {
        let text = full_text.clone();
        let title = title.clone();
        view! {
            <button class="button button-secondary" type="button" on:click=move |_| {
                browser::share(&title, &text, move |ok| if ok { status.set(t(ui::SHARED).to_string()) });
            }>{t(ui::SHARE)}</button>
        }
    });
    let download = {
        let text = full_text.clone();
        move |_| {
            let ok = browser::download(&format!("{id}.txt"), "text/plain;charset=utf-8", &text);
            status.set(t(if ok { ui::DOWNLOADED } else { ui::DOWNLOAD_FAILED }).to_string());
        }
    };
    let kind = t(if x.kind == crate::engine::graph::LetterKind::Script { ui::SCRIPT } else { ui::LETTER });
    view! {
        <article class="letter" id=format!("l-{id}") aria-labelledby=format!("l-{id}-title")>
            <h3 class="finding-title" id=format!("l-{id}-title")><span class="caption">{kind}</span>{title}</h3>
            {to}
            {subject.map(|s| view! { <p class="letter-subject"><strong>{t(ui::SUBJECT)}": "</strong>{s}</p> })}
            <div class="letter-body">{body}</div>
            {why(x.basis)}
            <div class="button-group no-print">
                <button class="button" type="button" on:click=copy>{t(ui::COPY)}</button>
                {mailto.map(|href| view! { <a class="button button-secondary" href=href>{t(ui::EMAIL)}</a> })}
                {share}
                <button class="button button-secondary" type="button" on:click=download>{t(ui::DOWNLOAD)}</button>
            </div>
            <p class="action-status" role="status" aria-live="polite">{move || status.get()}</p>
        </article>
    }
}

#[component]
pub fn OutcomePage() -> impl IntoView {
    let app = expect_context::<App>();
    super::pages::title_of(t(ui::RESULT_TITLE));
    let cx = Ctx { answers: app.answers.get_untracked(), details: app.details.get_untracked(), app };
    let o = outcome(&GRAPH, &cx.answers, app.today);

    let summary = o
        .summary
        .iter()
        .map(|&f| view! { <li>{cx.page(GRAPH.findings[f as usize].summary.unwrap_or(GRAPH.findings[f as usize].title))}</li> })
        .collect_view();
    let section = |s: Section, heading, as_steps: bool| {
        let items = o.in_section(&GRAPH, s);
        (!items.is_empty()).then(|| {
            let list = items.iter().map(|&f| finding_view(&cx, f, as_steps)).collect_view();
            let id = s.id();
            let body = if as_steps { view! { <ol class="steps">{list}</ol> }.into_any() } else { list.into_any() };
            view! { <section class="section" aria-labelledby=format!("s-{id}")><h2 id=format!("s-{id}")>{t(heading)}</h2>{body}</section> }
        })
    };
    let deadlines = (!o.deadlines.is_empty()).then(|| {
        let list = o.deadlines.iter().map(|&s| deadline_view(&cx, s)).collect_view();
        view! { <section class="section" aria-labelledby="s-dates"><h2 id="s-dates">{t(ui::SECTION_DEADLINES)}</h2>{list}</section> }
    });
    let letters = (!o.letters.is_empty()).then(|| {
        let list = o.letters.iter().map(|&l| letter_view(&cx, l)).collect_view();
        view! {
            <section class="section" aria-labelledby="s-letters">
                <h2 id="s-letters">{t(ui::SECTION_LETTERS)}</h2>
                <p>{t(ui::LETTERS_INTRO)}</p>
                {list}
            </section>
        }
    });
    let terms = (!o.terms.is_empty()).then(|| {
        let list = o
            .terms
            .iter()
            .map(|&i| {
                let x = &GRAPH.terms[i as usize];
                view! { <dt>{t(x.term)}</dt><dd>{t(x.means)}</dd> }
            })
            .collect_view();
        view! { <section class="section" aria-labelledby="s-terms"><h2 id="s-terms">{t(ui::SECTION_TERMS)}</h2><dl class="glossary">{list}</dl></section> }
    });

    let view = view! {
        <a class="back-link no-print" href=Route::Check.hash()>{t(ui::BACK)}</a>
        <main id="main" class="outcome">
            <h1 tabindex="-1">{t(ui::RESULT_TITLE)}</h1>
            <p class="lead">{t(ui::NOT_ADVICE)}</p>
            <div class="summary-box">
                <h2>{t(ui::SUMMARY_TITLE)}</h2>
                <ul>{summary}</ul>
            </div>
            {section(Section::Responsible, ui::SECTION_RESPONSIBLE, false)}
            {section(Section::Told, ui::SECTION_TOLD, false)}
            {deadlines}
            {section(Section::Deadlines, ui::SECTION_DEADLINE_NOTES, false)}
            {section(Section::Steps, ui::SECTION_STEPS, true)}
            {letters}
            {section(Section::Escalation, ui::SECTION_ESCALATION, false)}
            {section(Section::Practice, ui::SECTION_PRACTICE, false)}
            {terms}
            <div class="button-group no-print">
                <button class="button button-secondary" type="button" on:click=|_| browser::print()>{t(ui::PRINT)}</button>
                <a class="button button-secondary" href=Route::Check.hash()>{t(ui::CHANGE_ANSWERS)}</a>
            </div>
        </main>
    };
    view
}
