//! Question pages, "about you", check answers, privacy, and the footer.
//! GOV.UK Design System patterns: one question per page, error summary, summary list.

use super::{browser, t, App, Keep, Page, Part, Route};
use std::rc::Rc;
use web_sys::Event;
use crate::content::{ui, GRAPH};
use crate::engine::codec::limit;
use crate::engine::graph::{Kind, Question};
use crate::render::{self, Form};
use crate::engine::{walk, Details, DETAIL_TEXTS};
use leptos::prelude::*;

pub fn title_of(page: &str) {
    title(page, false)
}

/// "Title – Camau" (and "Error: " first when the page shows an error).
fn title(page: &str, error: bool) {
    let mut s = String::new();
    if error {
        s.push_str(t(ui::ERROR_PREFIX));
        s.push(' ');
    }
    s.push_str(page);
    s.push_str(" – ");
    s.push_str(t(ui::APP_NAME));
    browser::set_title(&s);
}

/// A click on an error summary's link moves focus to its field (its `#…` is not a route).
fn focus_link(ev: &Event) {
    if let Some(id) = browser::closest_attribute(&ev, "data-focus") {
        ev.prevent_default();
        browser::focus_id(&id);
    }
}

/// A question page. Written as HTML text by `render::question_html`; the page itself holds
/// the form, read back at each change and on Continue (one listener each, on `<main>`).
pub fn question(app: App, q: u16, change: bool) -> Page {
    let question = &GRAPH.questions[q as usize];
    let back = if change {
        Route::Check.hash()
    } else {
        match app.journey.with_untracked(|j| j.walk.before(q)) {
            Some(p) => Route::Question { q: p, change: false }.hash(),
            None => Route::Start.hash(),
        }
    };
    title(t(question.title), false);
    let form = app.journey.with_untracked(|j| Form::from_answer(j.answers.get(q)));
    let progress = app.journey.with_untracked(|j| crate::engine::progress(&GRAPH, &j.answers, q, super::today()));
    let hidden = app.journey.with_untracked(|j| crate::engine::Eval { g: &GRAPH, answers: &j.walk.counted, today: super::today() }.hidden(question));
    let html = render::question_html(q, &form, None, button_words(app, q, change, &form), progress, hidden);
    let submit = move |ev: &Event| {
        ev.prevent_default();
        app.refresh_today();
        let form = read_form(question);
        match form.read(question, super::today()) {
            Err(msg) => {
                browser::set_inner_html("main", &render::question_html(q, &form, Some(msg), button_words(app, q, change, &form), progress, hidden));
                title(t(question.title), true);
                browser::focus_later(".error-summary");
            }
            Ok(a) => {
                let done = app.answer(q, a);
                let next = match (done.walk.next, change) {
                    (Some(n), _) => Route::Question { q: n, change },
                    (None, true) => Route::Check,
                    (None, false) => Route::About { change: false },
                };
                if done.no_longer.is_empty() {
                    app.go(next);
                } else {
                    app.go_saying(next, no_longer_message(&done.no_longer));
                }
            }
        }
    };
    // A tick or a typed date: keep the form's rules, and the button's words follow the choice.
    let changed = move |ev: &Event| {
        if let Some((id, on)) = browser::input_target(ev) {
            let qid = question.id;
            let unsure = [qid, "-unsure"].concat();
            if id.ends_with("-day") || id.ends_with("-month") || id.ends_with("-year") {
                // Typing a date answers the question: "I do not know" no longer applies.
                browser::set_checked(&unsure, false);
            } else if on && question.kind == Kind::Many {
                // "None of these" clears the others; any other clears "None of these".
                let exclusive = question.options.iter().any(|o| o.exclusive && id == [qid, "-", o.id].concat());
                for o in question.options {
                    let other = [qid, "-", o.id].concat();
                    if other != id && (exclusive || o.exclusive) {
                        browser::set_checked(&other, false);
                    }
                }
            }
        }
        if change {
            browser::set_text("q-submit", button_words(app, q, true, &read_form(question)));
        }
    };
    let on = Rc::new(move |ev: &Event| match ev.type_().as_str() {
        "submit" => submit(ev),
        "click" => focus_link(ev),
        _ => changed(ev),
    });
    Page { back: Some(back), class: None, html, on }
}

/// The form as the page holds it now.
fn read_form(question: &Question) -> Form {
    let qid = question.id;
    let id = |s: &str| [qid, "-", s].concat();
    let mut f = Form::default();
    if question.kind == Kind::Date {
        f.day = browser::input_value(&id("day"));
        f.month = browser::input_value(&id("month"));
        f.year = browser::input_value(&id("year"));
        f.unsure = browser::is_checked(&id("unsure"));
    } else {
        for (i, o) in question.options.iter().enumerate() {
            if browser::is_checked(&id(o.id)) {
                f.chosen |= 1 << i;
            }
        }
    }
    f
}

/// In a change from the check page: "Continue" while the answer chosen leads to questions
/// not yet answered, "Save and go back…" only when it really goes back.
fn button_words(app: App, q: u16, change: bool, form: &Form) -> &'static str {
    if !change {
        return t(ui::CONTINUE);
    }
    let today = super::today();
    let goes_on = app.journey.with_untracked(|j| {
        let mut tried = j.answers.clone();
        if let Ok(a) = form.read(&GRAPH.questions[q as usize], today) {
            tried.set(q, a);
        }
        walk(&GRAPH, &tried, today).next.is_some()
    });
    t(if goes_on { ui::CONTINUE } else { ui::SAVE_CONTINUE })
}

/// "After that change, these questions no longer apply…", a line for each question, then "Your answers to them are kept…".
fn no_longer_message(qs: &[u16]) -> String {
    // One question a line (the notice keeps line breaks: `white-space: pre-line`).
    let mut msg = t(ui::ANSWERS_NO_LONGER).to_string();
    for &q in qs {
        msg.push_str("\n• ");
        msg.push_str(t(GRAPH.questions[q as usize].title));
    }
    msg.push('\n');
    msg.push_str(t(ui::ANSWERS_KEPT));
    msg
}

pub fn about(app: App, change: bool) -> Page {
    title(t(ui::ABOUT_TITLE), false);
    let back = if change { Route::Check.hash() } else {
        app.journey.with_untracked(|j| j.walk.path.last().map(|&q| Route::Question { q, change: false }.hash())).unwrap_or_else(|| Route::Start.hash())
    };
    // Only what the letters for these answers use (no school for a home-educated child).
    let asked = app.journey.with_untracked(|j| crate::engine::details_used(&GRAPH, &crate::engine::outcome(&GRAPH, &j.answers, super::today()), &j.walk.counted, super::today()));
    let html = render::about_html(&app.details.get_untracked(), None, asked);
    let submit = move |ev: &Event| {
        ev.prevent_default();
        let mut d = read_about(app.details.get_untracked());
        for (((field, _, _, msg, _, _), (_, max)), value) in render::ABOUT_FIELDS.iter().zip(DETAIL_TEXTS).zip(d.texts()) {
            if limit(value.trim(), max).1 {
                browser::set_inner_html("main", &render::about_html(&d, Some((t(*msg), field)), asked));
                title(t(ui::ABOUT_TITLE), true);
                browser::focus_later(".error-summary");
                return;
            }
        }
        for v in d.texts_mut() {
            *v = v.trim().to_string();
        }
        app.details.set(d);
        app.persist();
        app.go(Route::Check);
    };
    // Choosing the council names its health board in the first choice.
    let changed = move || {
        browser::set_text("about-lhb-la-label", &render::board_default(read_about(app.details.get_untracked()).la));
    };
    let on = Rc::new(move |ev: &Event| match ev.type_().as_str() {
        "submit" => submit(ev),
        "click" => focus_link(ev),
        "change" => changed(),
        _ => {}
    });
    Page { back: Some(back), class: None, html, on }
}

/// The details as the page holds them now (texts as typed); a detail the page does not ask
/// for keeps what was saved.
fn read_about(saved: Details) -> Details {
    let mut d = saved;
    if browser::exists("about-lhb-la") {
        d.lhb = (0..GRAPH.boards.len() as u8).find(|i| browser::is_checked(&["about-lhb-", &i.to_string()].concat()));
    }
    if browser::exists("about-la") {
        d.la = browser::select_value("about-la").parse().ok().filter(|&a: &u8| (a as usize) < GRAPH.authorities.len());
    }
    for ((id, ..), v) in render::ABOUT_FIELDS.iter().zip(d.texts_mut()) {
        if browser::exists(id) {
            *v = browser::input_value(id);
        }
    }
    d
}

pub fn check(app: App) -> Page {
    title(t(ui::CHECK_TITLE), false);
    // (Drawn again by `App::refresh_today` when the day changes.)
    let html = app.journey.with_untracked(|j| {
        app.details.with_untracked(|details| {
            crate::render::check_html(&crate::render::Case::new(&j.answers, details, super::today(), crate::render::words()))
        })
    });
    Page { back: Some(Route::About { change: false }.hash()), class: None, html, on: super::no_events() }
}

/// On the start page: "continue where you left off" when answers are saved. The static
/// "Start now" is then hidden, so saved answers are never silently kept or lost.
pub fn resume(app: App) -> Part {
    let html = move || {
        let saved = app.journey.with(|j| !j.answers.is_empty());
        browser::mark_start_saved(saved);
        app.lang.track();
        let asking = app.restarting.get();
        if app.route.get() != Route::Start {
            return String::new();
        }
        title(t(ui::START_TITLE), false);
        if !saved {
            return String::new();
        }
        let href = match app.journey.with(|j| j.walk.next) {
            Some(q) => Route::Question { q, change: false }.hash(),
            None => Route::Check.hash(),
        };
        render::resume_html(&href, app.saved_on.get(), asking)
    };
    let on = move |ev: &Event| match action(ev).as_deref() {
        Some("start-again") => app.ask(Some(true)),
        Some(a) => confirm_click(app, a, true),
        None => {}
    };
    Part { html: Box::new(html), on: Rc::new(on) }
}

/// The button a click landed on, by its `data-action`.
fn action(ev: &Event) -> Option<String> {
    if ev.type_() != "click" {
        return None;
    }
    browser::action_target(ev)?.get_attribute("data-action")
}

/// The box's answer: "Yes, …" deletes every answer, and the next page says so once; "No,
/// keep my answers" closes it, focus back on the button that asked.
fn confirm_click(app: App, action: &str, start_again: bool) {
    match action {
        "confirm-yes" => {
            app.forget_all();
            app.go_saying(if start_again { Route::Begin } else { Route::Start }, t(ui::DELETED).into());
        }
        "confirm-no" => {
            app.ask(None);
            browser::focus_later(if start_again { "#start-again" } else { "#delete-answers" });
        }
        _ => {}
    }
}

pub fn privacy(app: App) -> Page {
    title(t(ui::PRIVACY_TITLE), false);
    let keep = app.keep.get_untracked();
    let html = render::privacy_html(!keep.saving(), matches!(keep, Keep::Blocked));
    let toggle = move |ev: &Event| {
        if ev.type_() != "change" {
            return;
        }
        let off = app.keep.get_untracked().saving();
        if off {
            browser::delete();
            app.keep.set(Keep::Off);
            app.persist(); // (saves nothing now; the crash box then says the answers are not kept)
        } else if browser::storage().is_some() {
            app.keep.set(Keep::Saving);
            app.persist();
            app.persist_edits();
        }
        browser::set_checked("dont-save", !app.keep.get_untracked().saving());
    };
    Page { back: Some(Route::Start.hash()), class: None, html, on: Rc::new(toggle) }
}

/// The footer below every page (`render::footer_html`): privacy, delete (asks first), save
/// the answers to a file, open one.
pub fn footer(app: App) -> Part {
    let html = move || {
        app.lang.track();
        render::footer_html(app.deleting.get())
    };
    let on = move |ev: &Event| match action(ev).as_deref() {
        Some("delete") => app.ask(Some(false)),
        Some("save-file") => app.save_file(),
        Some(a) => confirm_click(app, a, false),
        None if ev.type_() == "change" => browser::read_chosen_file(ev, move |text| app.open_file(text)),
        None => {}
    };
    Part { html: Box::new(html), on: Rc::new(on) }
}
