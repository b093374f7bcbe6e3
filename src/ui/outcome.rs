//! The outcome page: written by `render::outcome_split` (escaped HTML), with one delegated
//! listener for the letter and calendar buttons. It is painted with its closed boxes empty,
//! then filled, one box a task, once that first frame is on the screen and the browser is
//! idle; a box the parent opens first, and every box before a print, is filled at once.

use super::{browser, t, App, Page, Route, Words};
use std::rc::Rc;
use web_sys::Event;
use crate::engine::edit;
use crate::content::{ui, GRAPH};
use crate::engine::ics;
use crate::render::{outcome_split, Case};
use leptos::prelude::*;
use std::cell::RefCell;

/// The outcome page's boxes not yet filled: how many times the page has been drawn (each
/// drawing's boxes carry the number), and the last drawing's boxes, each with its mark and
/// its body until that is put in (`render::outcome_split`).
struct Later {
    drawn: usize,
    boxes: Vec<(String, Option<String>)>,
    /// Writes out the letters in a body (`render::fill_body`) for the family of that drawing.
    write: Option<Rc<dyn Fn(&str) -> String>>,
}

thread_local! {
    static LATER: RefCell<Later> = const { RefCell::new(Later { drawn: 0, boxes: vec![], write: None }) };
}

/// Puts the body of the box with this mark (else the next box's) into the page. Returns
/// whether any box is left to fill. (A mark of an earlier drawing is not found: that page
/// is gone.)
fn fill(mark: Option<&str>) -> bool {
    LATER.with_borrow_mut(|l| {
        let at = l.boxes.iter_mut().find(|(m, body)| body.is_some() && mark.is_none_or(|want| want == m));
        if let Some((m, body)) = at {
            let body = body.take().unwrap_or_default();
            let body = match &l.write {
                Some(write) => write(&body),
                None => body,
            };
            // (Not there if the parent has left the page meanwhile.)
            browser::fill_box(m, &body);
        }
        l.boxes.iter().any(|(_, body)| body.is_some())
    })
}

/// Fills the boxes left, one a task, while the page keeps answering the parent.
fn fill_later() {
    fn next() {
        if fill(None) {
            browser::when_idle(next);
        }
    }
    browser::after_paint(next);
}

/// Fills every box not yet filled, now (before a print, or before focus moves into one or a
/// letter in one is opened).
pub fn fill_all() {
    while fill(None) {}
}

/// Moves focus to `selector`, in a box or not, once the page drawn now is on the screen.
pub fn focus_later(selector: &'static str) {
    request_animation_frame(move || {
        fill_all();
        browser::focus_now(selector);
    });
}

fn status(l: &str, msg: &str) {
    browser::set_text(&["status-", l].concat(), msg);
}

/// A page whose words have not arrived: a short wait, or a way to try again. `ui::Pages`
/// shows it in place of any page but the start page, the first question and privacy.
pub fn waiting(app: App) -> Page {
    let title = t(ui::APP_NAME);
    super::pages::title_of(title);
    let failed = matches!(app.words.get_untracked(), Words::Failed);
    let html = crate::render::waiting_html(failed);
    let on_click = move |ev: &Event| {
        if ev.type_() == "click" && browser::action_target(ev).is_some() {
            super::load_words(app);
        }
    };
    Page { back: None, class: Some("outcome"), html, on: Rc::new(on_click) }
}

/// The outcome page (`ui::Pages` shows it once its words are here).
pub fn outcome_page(app: App) -> Option<Page> {
    // (Drawn again by `load_letter_words` when the letters' words arrive in another language.)
    match app.words.get_untracked() {
        Words::Ready(words) => {
            let letters = app.letter_words.get_untracked().filter(|t| t.lang == super::letters_lang(app)).unwrap_or(words);
            Some(outcome(app, words, letters))
        }
        _ => None,
    }
}

fn outcome(app: App, late: &'static crate::engine::graph::Text, letters: &'static crate::engine::graph::Text) -> Page {
    super::pages::title_of(t(ui::RESULT_TITLE));
    // (Drawn again by `App::refresh_today` when the day changes.)
    // Painted with its boxes empty, filled after (see `fill_later`).
    let page = LATER.with_borrow(|l| l.drawn.wrapping_add(1));
    let (today, can_share) = (super::today(), browser::can_share());
    // The page's family as it stands (a change of answers, details, day or letters' language
    // draws the page again; a letter's own edits are made only once its box is filled).
    let with_case = move |f: &mut dyn FnMut(&Case)| {
        app.journey.with_untracked(|j| app.details.with_untracked(|details| app.edits.with_value(|edits| f(&Case::new(&j.answers, details, today, late).with_letters(letters).with_edits(edits)))))
    };
    let mut drawn = (String::new(), vec![]);
    with_case(&mut |case| drawn = outcome_split(case, can_share, page));
    let (html, bodies) = drawn;
    let boxes = bodies.into_iter().enumerate().map(|(n, body)| (crate::render::box_mark(page, n), Some(body))).collect();
    let write: Rc<dyn Fn(&str) -> String> = Rc::new(move |body| {
        let mut out = String::new();
        with_case(&mut |case| out = crate::render::fill_body(case, can_share, body));
        out
    });
    LATER.set(Later { drawn: page, boxes, write: Some(write) });
    fill_later();
    let on_click = move |ev: &Event| {
        // A box opened before its turn came: filled before it opens.
        if let Some(mark) = browser::empty_box(ev) {
            fill(Some(&mark));
        }
        let Some(button) = browser::action_target(ev) else {
            return;
        };
        let action = button.get_attribute("data-action").unwrap_or_default();
        let (details, today) = (app.details.get_untracked(), super::today());
        let edits = app.edits.get_value();
        let case = app.journey.with_untracked(|j| Case::new(&j.answers, &details, today, late)).with_letters(letters).with_edits(&edits);
        let named = button.get_attribute("data-letter");
        let letter = named.as_ref().and_then(|l| l.parse::<u16>().ok()).filter(|&l| (l as usize) < GRAPH.letters.len());
        if named.is_some() && letter.is_none() {
            return;
        }
        // What a copy, share, download or print sends: a letter (its text as it stands, or its
        // subject alone), or without a letter the short plan. Returns the status line's id, the
        // file's title, the title a share carries, and the text.
        let subject_only = button.has_attribute("data-subject");
        let sent = |file: bool| -> (String, String, String, String) {
            match letter {
                None => {
                    let title = case.t(ui::OUTCOME_PLAN_TITLE).to_string();
                    (String::from("plan"), title.clone(), title, crate::render::plan_text(&case))
                }
                Some(l) => {
                    let (subject, body) = case.letter_parts(l);
                    let title = case.page(GRAPH.letters[l as usize].title);
                    // A file holds the whole letter; a copy or share the letter alone, so an
                    // email it is pasted into does not repeat its subject.
                    let text = match (subject_only, file) {
                        (true, _) => subject.clone().unwrap_or_default(),
                        (_, true) => case.letter_text(l),
                        _ => body,
                    };
                    (l.to_string(), title.clone(), subject.unwrap_or(title), text)
                }
            }
        };
        match (action.as_str(), letter) {
            // The letters in English or in Welsh, whatever the page's language.
            ("letters-lang", _) => {
                let Some(l) = button.get_attribute("data-lang").and_then(|l| crate::engine::graph::Lang::from_id(&l)) else { return };
                app.letters_lang.set(Some(l));
                browser::save_letters_lang(l);
                super::load_letter_words(app, Some(if l == crate::engine::graph::Lang::Cy { "#letters-cy" } else { "#letters-en" }));
            }
            ("print", _) => {
                fill_all();
                browser::print();
            }
            // The short plan, or one letter, printed alone.
            ("print-one", _) => browser::print_one(&letter.map_or_else(|| crate::render::plan_print_html(&case), |l| crate::render::letter_print_html(&case, l))),
            ("copy", _) => {
                let (id, _, _, text) = sent(false);
                let (yes, no) = (case.t(ui::OUTCOME_COPIED).to_string(), case.t(ui::OUTCOME_COPY_FAILED).to_string());
                browser::copy(&text, move |ok| status(&id, if ok { &yes } else { &no }));
            }
            ("share", _) => {
                let (id, _, title, text) = sent(false);
                let shared = case.t(ui::OUTCOME_SHARED).to_string();
                browser::share(&title, &text, move |ok| {
                    if ok {
                        status(&id, &shared)
                    }
                });
            }
            ("download", _) => {
                let (id, title, _, text) = sent(true);
                let name = crate::render::file_name(today, case.details, &title, ".txt");
                let ok = browser::download(&name, "text/plain;charset=utf-8", &text);
                status(&id, case.t(if ok { ui::OUTCOME_DOWNLOADED } else { ui::OUTCOME_DOWNLOAD_FAILED }));
            }
            // Back to Camau's wording (or, after a change, to its new wording).
            ("reset", Some(l)) => {
                app.edits.update_value(|e| e.remove(l));
                let saved = app.persist_edits();
                let (base, gaps, _) = case.letter_base(l);
                show_letter(&case, l, &base, gaps.len(), None);
                browser::set_attribute(&id("changed-", l), "hidden", Some(""));
                status(&l.to_string(), case.t(if saved { ui::OUTCOME_RESET_DONE } else { ui::OUTCOME_EDIT_NOT_KEPT }));
                browser::focus_id(&id("t-", l));
            }
            ("keep", Some(l)) => {
                let (base, _, _) = case.letter_base(l);
                app.edits.update_value(|e| e.entry(l, 0).version = case.wording_version(&base));
                app.persist_edits();
                browser::set_attribute(&id("changed-", l), "hidden", Some(""));
                browser::focus_id(&id("t-", l));
            }
            // A letter written out in an earlier step: open it there and take the parent to it.
            ("open", Some(l)) => {
                fill_all();
                browser::set_attribute(&id("open-", l), "open", Some(""));
                browser::focus_id(&[&id("open-", l), "-s"].concat());
            }
            ("ics", _) => {
                let Some(d) = button.get_attribute("data-deadline").and_then(|d| d.parse::<u16>().ok()) else { return };
                let Some(s) = crate::engine::outcome(&GRAPH, case.answers(), today).deadlines.into_iter().find(|s| s.deadline == d) else { return };
                let dl = &GRAPH.deadlines[d as usize];
                let uid = [dl.id, "-", &s.due.iso()].concat();
                let desc = [case.t(ui::OUTCOME_ICS_DESCRIPTION), " ", t(ui::APP_NAME)].concat();
                save_event(&case, &id("d", d), &uid, s.due, case.t(dl.label), &desc);
            }
            ("step-ics", _) => {
                let Some(f) = button.get_attribute("data-step").and_then(|f| f.parse::<u16>().ok()) else { return };
                let o = crate::engine::outcome(&GRAPH, case.answers(), today);
                let Some(step) = o.plan.iter().find(|p| p.finding == f) else { return };
                let (crate::engine::When::By(day) | crate::engine::When::Until(day)) = step.when else { return };
                let x = &GRAPH.findings[f as usize];
                let title = case.page(x.title);
                let desc = [&title, ". ", case.t(ui::OUTCOME_STEP_DESCRIPTION), " ", t(ui::APP_NAME)].concat();
                save_event(&case, &id("f", f), &["step-", x.id].concat(), day, &title, &desc);
            }
            ("chase", Some(l)) => {
                let title = case.page(GRAPH.letters[l as usize].title);
                let summary = [case.t(ui::OUTCOME_CHASE_SUMMARY), " ", &title].concat();
                let desc = [case.t(ui::OUTCOME_CHASE_DESCRIPTION), " ", t(ui::APP_NAME)].concat();
                let day = crate::render::chase_day(today);
                save_event(&case, &l.to_string(), &["chase-", GRAPH.letters[l as usize].id].concat(), day, &summary, &desc);
            }
            _ => {}
        }
    };
    // The parent fills a blank or changes the letter: kept at once, and everything that
    // shows or sends the letter follows (the text, the count of blanks, email, print).
    let on_input = move |ev: &Event| {
        let Some((l, gap, value)) = browser::letter_input(ev) else { return };
        let Some(l) = l.parse::<u16>().ok().filter(|&l| (l as usize) < GRAPH.letters.len()) else { return };
        let details = app.details.get_untracked();
        let case = app.journey.with_untracked(|j| Case::new(&j.answers, &details, super::today(), late)).with_letters(letters);
        let (base, gaps, _) = case.letter_base(l);
        let version = case.wording_version(&base);
        let text = app.edits.try_update_value(|es| {
            let e = es.entry(l, version);
            match gap.as_ref().and_then(|g| g.parse::<usize>().ok()).and_then(|g| gaps.get(g)) {
                Some(g) => e.set_fill(&g.form, &value),
                None => e.text = Some(value),
            }
            e.text(&base)
        });
        let Some(text) = text else { return };
        let saved = app.persist_edits();
        let edits = app.edits.get_value();
        let case = case.with_edits(&edits);
        show_letter(&case, l, &text, gaps.len(), Some(&gap));
        if !saved {
            status(&l.to_string(), case.t(ui::OUTCOME_EDIT_NOT_KEPT));
        }
    };
    let on = Rc::new(move |ev: &Event| match ev.type_().as_str() {
        "click" => on_click(ev),
        "input" => on_input(ev),
        _ => {}
    });
    Page { back: Some(Route::Check.hash()), class: Some("outcome"), html, on }
}

/// An element's id: `prefix` and a letter's (or step's, or deadline's) number.
fn id(prefix: &str, n: u16) -> String {
    [prefix, &n.to_string()].concat()
}

/// Downloads a calendar event (an alarm a few days before, see `ics::event`) named for people,
/// and says beside the button (status `id`) whether it was saved.
fn save_event(case: &Case, id: &str, uid: &str, day: crate::engine::date::Date, summary: &str, description: &str) {
    let name = crate::render::file_name(case.today, case.details, summary, ".ics");
    let ok = browser::download(&name, "text/calendar;charset=utf-8", &ics::event(uid, day, case.today, summary, description));
    status(id, case.t(if ok { ui::OUTCOME_CALENDAR_SAVED } else { ui::OUTCOME_DOWNLOAD_FAILED }));
}

/// Shows a letter's text as it now stands wherever the page shows or sends it: the text box
/// (unless the parent is typing in it), the count of blanks left, the print copy, email.
fn show_letter(case: &Case, l: u16, text: &str, gaps: usize, typed_in: Option<&Option<String>>) {
    if !matches!(typed_in, Some(None)) {
        browser::set_value(&id("t-", l), text);
    }
    let own = matches!(typed_in, Some(None));
    if typed_in.is_none() || own {
        // Reset: the blanks' fields are empty and write into the letter again. Typing in the
        // letter itself: they no longer do (see `Edit::set_fill`), and the page says so.
        for i in 0..gaps {
            let gap = [&id("g-", l), "-", &i.to_string()].concat();
            if !own {
                browser::set_value(&gap, "");
            }
            browser::set_attribute(&gap, "readonly", own.then_some(""));
            browser::set_attribute(&gap, "aria-describedby", own.then_some(&id("own-", l)));
        }
        browser::set_attribute(&id("own-", l), "hidden", (!own).then_some(""));
    }
    browser::set_text(&id("left-", l), &crate::render::blanks_left(case, edit::blanks(text)));
    browser::set_text(&id("p-", l), text);
    if let Some(href) = case.mailto(l) {
        browser::set_attribute(&id("m-", l), "href", Some(&href));
    }
}
