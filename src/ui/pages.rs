//! Question pages, "about you", check answers, privacy, and the footer.
//! GOV.UK Design System patterns: one question per page, error summary, summary list.

use super::{browser, t, App, Keep, Route};
use crate::content::{ui, GRAPH};
use crate::engine::codec::limit;
use crate::engine::graph::{Kind, Question};
use crate::render::{self, Form};
use crate::engine::{walk, MAX_NAME, MAX_SCHOOL};
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
fn focus_link(ev: leptos::ev::MouseEvent) {
    if let Some(id) = browser::closest_attribute(&ev, "data-focus") {
        ev.prevent_default();
        browser::focus_id(&id);
    }
}

/// A question page. Written as HTML text by `render::question_html`; the page itself holds
/// the form, read back at each change and on Continue (one listener each, on `<main>`).
#[component]
pub fn QuestionPage(q: u16, change: bool) -> impl IntoView {
    let app = expect_context::<App>();
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
    let html = render::question_html(q, &form, None, button_words(app, q, change, &form));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        app.refresh_today();
        let form = read_form(question);
        match form.read(question, super::today()) {
            Err(msg) => {
                browser::set_inner_html("main", &render::question_html(q, &form, Some(msg), button_words(app, q, change, &form)));
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
    let changed = move |ev: leptos::ev::Event| {
        if let Some((id, on)) = browser::input_target(&ev) {
            let qid = question.id;
            let unsure = format!("{qid}-unsure");
            if id.ends_with("-day") || id.ends_with("-month") || id.ends_with("-year") {
                // Typing a date answers the question: "I do not know" no longer applies.
                browser::set_checked(&unsure, false);
            } else if on && question.kind == Kind::Many {
                // "None of these" clears the others; any other clears "None of these".
                let exclusive = question.options.iter().any(|o| o.exclusive && id == format!("{qid}-{}", o.id));
                for o in question.options {
                    let other = format!("{qid}-{}", o.id);
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
    view! {
        <a class="back-link" href=back>{t(ui::BACK)}</a>
        <main id="main" inner_html=html on:submit=submit on:change=changed on:input=changed on:click=focus_link></main>
    }
}

/// The form as the page holds it now.
fn read_form(question: &Question) -> Form {
    let qid = question.id;
    let id = |s: &str| format!("{qid}-{s}");
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

/// The GOV.UK pattern on the "About you" page: the field in error has `aria-invalid` and is
/// described by its message (`<id>-error`) as well as its hint; the others by their hint only.
fn tie_errors(invalid: &str) {
    for id in ["about-child", "about-parent", "about-school"] {
        describe(id, id, id == invalid);
        browser::set_attribute(id, "aria-invalid", (id == invalid).then_some("true"));
    }
}

/// Points element `el`'s `aria-describedby` at `<base>-hint` (when the page has it) and, with
/// `error`, at `<base>-error`: the GOV.UK tie between a field and its hint and message, set
/// where the error is shown (cheaper than a reactive attribute in the wasm).
fn describe(el: &str, base: &str, error: bool) {
    let hint = format!("{base}-hint");
    let mut by = if browser::element(&hint).is_some() { hint } else { String::new() };
    if error {
        if !by.is_empty() {
            by.push(' ');
        }
        by.push_str(base);
        by.push_str("-error");
    }
    browser::set_attribute(el, "aria-describedby", (!by.is_empty()).then_some(by.as_str()));
}

#[component]
pub fn AboutPage(change: bool) -> impl IntoView {
    let app = expect_context::<App>();
    let d = app.details.get_untracked();
    title(t(ui::ABOUT_TITLE), false);
    let child = RwSignal::new(d.child.clone());
    let parent = RwSignal::new(d.parent.clone());
    let school = RwSignal::new(d.school.clone());
    let la = RwSignal::new(d.la);
    let lhb = RwSignal::new(d.lhb);
    let error = RwSignal::new(None::<(String, String)>);
    let back = if change { Route::Check.hash() } else {
        app.journey.with_untracked(|j| j.walk.path.last().map(|&q| Route::Question { q, change: false }.hash())).unwrap_or_else(|| Route::Start.hash())
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checks = [
            (child.get_untracked(), MAX_NAME, "about-child", ui::ERROR_CHILD_LONG),
            (parent.get_untracked(), MAX_NAME, "about-parent", ui::ERROR_PARENT_LONG),
            (school.get_untracked(), MAX_SCHOOL, "about-school", ui::ERROR_SCHOOL_LONG),
        ];
        for (value, max, field, msg) in checks {
            if limit(value.trim(), max).1 {
                error.set(Some((t(msg).to_string(), field.to_string())));
                tie_errors(field);
                title(t(ui::ABOUT_TITLE), true);
                browser::focus_later(".error-summary");
                return;
            }
        }
        app.details.set(crate::engine::Details {
            child: child.get_untracked().trim().to_string(),
            parent: parent.get_untracked().trim().to_string(),
            school: school.get_untracked().trim().to_string(),
            la: la.get_untracked(),
            lhb: lhb.get_untracked(),
        });
        app.persist();
        app.go(Route::Check);
    };

    // No maxlength: the browser would cut a long name without a word. Too long a text is
    // refused with the limit the message states, and stays in the field to shorten.
    let text_field = move |id: &'static str, label: crate::engine::graph::Txt, hint: Option<crate::engine::graph::Txt>, sig: RwSignal<String>, auto: &'static str| {
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let invalid = move || error.get().is_some_and(|(_, f)| f == id);
        view! {
            <div class=move || if invalid() { "form-group form-group-error" } else { "form-group" }>
                <label class="label" for=id>{t(label)}</label>
                {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{t(h)}</div> })}
                {move || invalid().then(|| view! {
                    <p class="error-message" id=error_id.clone()><span class="visually-hidden">{t(ui::ERROR_PREFIX)}" "</span>{error.get().map(|e| e.0)}</p>
                })}
                <input class="input" id=id name=id type="text" autocomplete=auto spellcheck="false"
                    // (On an error, `tie_errors` adds the message and aria-invalid.)
                    aria-describedby=hint.map(|_| format!("{id}-hint"))
                    prop:value=move || sig.get()
                    on:input=move |ev| sig.set(event_target_value(&ev))/>
            </div>
        }
    };

    let las = GRAPH
        .authorities
        .iter()
        .enumerate()
        .map(|(i, a)| view! { <option value=i.to_string() selected=d.la == Some(i as u8)>{t(a.name)}</option> })
        .collect_view();
    let boards = GRAPH
        .boards
        .iter()
        .enumerate()
        .map(|(i, b)| view! { <option value=i.to_string() selected=d.lhb == Some(i as u8)>{t(b.name)}</option> })
        .collect_view();
    let board_default = move || {
        let name = la.get().and_then(|a| GRAPH.authorities.get(a as usize)).map(|a| t(GRAPH.boards[a.board as usize].name));
        match name {
            Some(n) => format!("{} ({n})", t(ui::LHB_FROM_LA)),
            None => t(ui::LHB_FROM_LA).to_string(),
        }
    };

    view! {
        <a class="back-link" href=back>{t(ui::BACK)}</a>
        <main id="main">
            {move || error.get().map(|(m, f)| view! { <div inner_html=render::error_summary(&m, &f) on:click=focus_link></div> })}
            <span class="caption">{t(ui::ABOUT_CAPTION)}</span>
            <h1 tabindex="-1">{t(ui::ABOUT_TITLE)}</h1>
            <p>{t(ui::ABOUT_INTRO)}</p>
            <form novalidate on:submit=submit>
                {text_field("about-child", ui::ABOUT_CHILD, Some(ui::ABOUT_CHILD_HINT), child, "off")}
                {text_field("about-parent", ui::ABOUT_PARENT, None, parent, "name")}
                {text_field("about-school", ui::ABOUT_SCHOOL, Some(ui::ABOUT_SCHOOL_HINT), school, "off")}
                <div class="form-group">
                    <label class="label" for="about-la">{t(ui::ABOUT_LA)}</label>
                    <select class="select" id="about-la" name="about-la" on:change=move |ev| la.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=d.la.is_none()>{t(ui::CHOOSE)}</option>
                        {las}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="about-lhb">{t(ui::ABOUT_LHB)}</label>
                    <div class="hint" id="about-lhb-hint">{t(ui::ABOUT_LHB_HINT)}</div>
                    <select class="select" id="about-lhb" name="about-lhb" aria-describedby="about-lhb-hint"
                        on:change=move |ev| lhb.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=d.lhb.is_none()>{board_default}</option>
                        {boards}
                    </select>
                </div>
                <button class="button" type="submit">{t(ui::CONTINUE)}</button>
            </form>
        </main>
    }
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let app = expect_context::<App>();
    title(t(ui::CHECK_TITLE), false);
    // The check page shows no late words. (Drawn again by `App::refresh_today` when the day changes.)
    let late = Default::default();
    let html = app.journey.with_untracked(|j| {
        app.details.with_untracked(|details| {
            crate::render::check_html(&crate::render::Case::new(&j.answers, details, super::today(), &late))
        })
    });
    view! {
        <a class="back-link" href=Route::About { change: false }.hash()>{t(ui::BACK)}</a>
        <main id="main" inner_html=html></main>
    }
}

/// On the start page: "continue where you left off" when answers are saved. The static
/// "Start now" is then hidden, so saved answers are never silently kept or lost.
#[component]
pub fn Resume() -> impl IntoView {
    let app = expect_context::<App>();
    move || {
        let saved = app.journey.with(|j| !j.answers.is_empty());
        browser::mark_start_saved(saved);
        if app.route.get() != Route::Start {
            return None;
        }
        title(t(ui::START_TITLE), false);
        if !saved {
            return None;
        }
        let href = match app.journey.with(|j| j.walk.next) {
            Some(q) => Route::Question { q, change: false }.hash(),
            None => Route::Check.hash(),
        };
        Some(view! {
            <section class="resume" aria-labelledby="resume-title">
                <h2 id="resume-title">{t(ui::RESUME_TITLE)}</h2>
                {app.saved_on.get().map(|d| view! {
                    <p>{format!("{} {}.", t(ui::RESUME_SAVED_ON), crate::engine::long_date(d, &crate::render::months()))}</p>
                })}
                <p>{t(ui::RESUME_TEXT)}</p>
                <div class="button-group">
                    <a class="button" href=href>{t(ui::RESUME_CONTINUE)}</a>
                    <button class="button button-secondary" type="button" id="start-again"
                        on:click=move |_| app.ask(Some(true))>
                        {t(ui::START_AGAIN)}
                    </button>
                </div>
                <Confirm start_again=true/>
            </section>
        })
    }
}

/// Asks once before deleting every answer ("Delete my answers", or "Start again" on the start
/// page): the question, "Yes, …" and "No, keep my answers". Focus moves to the box (labelled by the question), and
/// back to the button that asked when the parent keeps them. The result is said once, by the
/// notice on the next page.
#[component]
fn Confirm(start_again: bool) -> impl IntoView {
    let app = expect_context::<App>();
    let asking = if start_again { app.restarting } else { app.deleting };
    let (question, yes, back_to) = if start_again {
        (ui::CONFIRM_START_AGAIN, ui::CONFIRM_START_AGAIN_YES, "#start-again")
    } else {
        (ui::CONFIRM_DELETE, ui::CONFIRM_DELETE_YES, "#delete-answers")
    };
    let on_yes = move || {
        app.forget_all();
        app.go_saying(if start_again { Route::Begin } else { Route::Start }, t(ui::DELETED).into());
    };
    move || {
        if !asking.get() {
            return None;
        }
        // The whole box takes focus, so it is scrolled into view with its buttons, and a
        // screen reader reads the question (the box's label) first.
        browser::focus_later(".confirm");
        Some(view! {
        <div class="confirm" role="group" aria-labelledby="confirm-question" tabindex="-1">
            <p class="confirm-question" id="confirm-question"><strong>{t(question)}</strong></p>
            <div class="button-group">
                <button class="button button-warning" type="button" id="confirm-yes" on:click=move |_| on_yes()>{t(yes)}</button>
                <button class="button button-secondary" type="button" id="confirm-no" on:click=move |_| {
                    app.ask(None);
                    browser::focus_later(back_to);
                }>{t(ui::CONFIRM_KEEP)}</button>
            </div>
        </div>
        })
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let app = expect_context::<App>();
    title(t(ui::PRIVACY_TITLE), false);
    let toggle = move |_| {
        let off = app.keep.get_untracked().saving();
        if off {
            browser::delete();
            app.keep.set(Keep::Off);
            app.persist(); // (saves nothing now; the crash box then says the answers are not kept)
        } else if browser::storage().is_some() {
            app.keep.set(Keep::Saving);
            app.persist();
        }
    };
    view! {
        <a class="back-link" href=Route::Start.hash()>{t(ui::BACK)}</a>
        <main id="main">
            <h1 tabindex="-1">{t(ui::PRIVACY_TITLE)}</h1>
            <p>{t(ui::PRIVACY_1)}</p>
            <p>{t(ui::PRIVACY_2)}</p>
            <p>{t(ui::PRIVACY_3)}</p>
            <div class="choices checkboxes"><div class="choice">
                <input class="choice-input" type="checkbox" id="dont-save" disabled=move || matches!(app.keep.get(), Keep::Blocked)
                    prop:checked=move || !app.keep.get().saving() on:change=toggle/>
                <label class="choice-label" for="dont-save">{t(ui::DONT_SAVE)}</label>
            </div></div>
        </main>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let app = expect_context::<App>();
    view! {
        <footer class="footer">
            <ul class="footer-links">
                <li><a href=Route::Privacy.hash()>{t(ui::PRIVACY_TITLE)}</a></li>
                <li><button class="link-button" type="button" id="delete-answers"
                    on:click=move |_| app.ask(Some(false))>{t(ui::DELETE_ANSWERS)}</button></li>
            </ul>
            <Confirm start_again=false/>
        </footer>
    }
}
