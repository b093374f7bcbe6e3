//! Question pages, "about you", check answers, privacy, and the footer.
//! GOV.UK Design System patterns: one question per page, error summary, summary list.

use super::{browser, t, App, Keep, Route};
use crate::content::{ui, GRAPH};
use crate::engine::codec::limit;
use crate::engine::date::{parse_parts, DateError};
use crate::engine::date::Date;
use crate::engine::graph::{Kind, Question, Txt};
use crate::engine::{walk, Answer, MAX_NAME, MAX_SCHOOL};
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

#[component]
fn ErrorSummary(msg: String, field: String) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2>{t(ui::ERROR_SUMMARY_TITLE)}</h2>
            <ul><li><a href=format!("#{field}") on:click=move |ev| {
                ev.prevent_default();
                browser::focus_id(&field);
            }>{msg}</a></li></ul>
        </div>
    }
}

fn date_error(e: DateError) -> &'static str {
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

#[component]
pub fn QuestionPage(q: u16, change: bool) -> impl IntoView {
    let app = expect_context::<App>();
    let question = &GRAPH.questions[q as usize];
    let qid = question.id;
    let existing = app.journey.with_untracked(|j| j.answers.get(q).cloned());
    let back = if change {
        Route::Check.hash()
    } else {
        match app.journey.with_untracked(|j| j.walk.before(q)) {
            Some(p) => Route::Question { q: p, change: false }.hash(),
            None => Route::Start.hash(),
        }
    };
    let error = RwSignal::new(None::<(String, String)>);
    title(t(question.title), false);

    // Form state, started from the saved answer.
    let chosen = RwSignal::new(match existing {
        Some(Answer::One(o)) => 1u64 << o,
        Some(Answer::Many(b)) => b,
        _ => 0,
    });
    let (d0, m0, y0) = match existing {
        Some(Answer::Date(d)) => (d.d.to_string(), d.m.to_string(), d.y.to_string()),
        _ => Default::default(),
    };
    let day = RwSignal::new(d0);
    let month = RwSignal::new(m0);
    let year = RwSignal::new(y0);
    let unsure = RwSignal::new(existing == Some(Answer::Unsure));

    let first_field = match question.kind {
        Kind::Date => format!("{qid}-day"),
        _ => format!("{qid}-{}", question.options.first().map(|o| o.id).unwrap_or("")),
    };
    let form = Form { chosen, day, month, year, unsure };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        app.refresh_today();
        match form.read(question, super::today()) {
            Err(msg) => {
                error.set(Some((msg.to_string(), first_field.clone())));
                describe(&format!("{qid}-fieldset"), qid, true);
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
    // In a change from the check page: "Continue" while the answer chosen leads to questions
    // not yet answered, "Save and go back…" only when it really goes back.
    let button = move || {
        // Track the form, so the words follow the choice.
        let _ = (chosen.get(), unsure.get(), day.get(), month.get(), year.get());
        if !change {
            return t(ui::CONTINUE);
        }
        let today = super::today();
        let goes_on = app.journey.with_untracked(|j| {
            let mut tried = j.answers.clone();
            if let Ok(a) = form.read(question, today) {
                tried.set(q, a);
            }
            walk(&GRAPH, &tried, today).next.is_some()
        });
        t(if goes_on { ui::CONTINUE } else { ui::SAVE_CONTINUE })
    };

    let hint_id = format!("{qid}-hint");
    let err_id = format!("{qid}-error");
    // The fieldset is described by its hint, and by the error message once there is one
    // (set where the error is shown: no reactive attribute needed).
    let fieldset_id = format!("{qid}-fieldset");
    let hint_only = question.hint.map(|_| format!("{qid}-hint"));
    let part = GRAPH.parts.get(question.part as usize).map(|p| t(p.name));

    let inputs = match question.kind {
        Kind::One | Kind::Many => {
            let many = question.kind == Kind::Many;
            let items = question
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let id = format!("{qid}-{}", o.id);
                    let ohint = o.hint.map(|h| {
                        let hid = format!("{id}-hint");
                        view! { <div class="item-hint" id=hid>{t(h)}</div> }
                    });
                    let hid = o.hint.map(|_| format!("{id}-hint"));
                    let bit = 1u64 << i;
                    let exclusive = o.exclusive;
                    let divider = (many && exclusive && i > 0).then(|| view! { <div class="divider">{t(ui::OR)}</div> });
                    let toggle = move |_| {
                        chosen.update(|c| {
                            if !many {
                                *c = bit;
                            } else if *c & bit != 0 {
                                *c &= !bit;
                            } else if exclusive {
                                *c = bit;
                            } else {
                                // Choosing a real option clears "None of these".
                                let excl: u64 = question.options.iter().enumerate().filter(|(_, o)| o.exclusive).map(|(j, _)| 1u64 << j).sum();
                                *c = (*c & !excl) | bit;
                            }
                        })
                    };
                    view! {
                        {divider}
                        <div class="choice">
                            // `checked` before `name` and `type`: moving from one question to the
                            // next, Leptos reuses these inputs in place, attribute by attribute in
                            // this order. A radio still checked from the last question that joined
                            // this question's group would uncheck the parent's saved answer.
                            <input class="choice-input" prop:checked=move || chosen.get() & bit != 0
                                id=id.clone() name=qid type=if many { "checkbox" } else { "radio" } value=o.id
                                aria-describedby=hid
                                on:change=toggle/>
                            <label class="choice-label" for=id>{t(o.label)}</label>
                            {ohint}
                        </div>
                    }
                })
                .collect_view();
            view! { <div class=if many { "choices checkboxes" } else { "choices radios" }>{items}</div> }.into_any()
        }
        Kind::Date => {
            let field = move |suffix: &'static str, label: Txt2, sig: RwSignal<String>, wide: bool| {
                let id = format!("{qid}-{suffix}");
                view! {
                    <div class="date-item">
                        <label class="date-label" for=id.clone()>{t(label.0)}</label>
                        // No maxlength: a browser would cut what is typed or pasted without a word;
                        // too many digits get a clear error instead.
                        <input class=if wide { "input date-input date-year" } else { "input date-input" } id=id.clone() name=id
                            type="text" inputmode="numeric" autocomplete="off"
                            prop:value=move || sig.get()
                            on:input=move |ev| {
                                sig.set(event_target_value(&ev));
                                // Typing a date answers the question: "I do not know" no longer applies.
                                unsure.set(false);
                            }/>
                    </div>
                }
            };
            let unsure_box = question.unsure.map(|u| {
                let id = format!("{qid}-unsure");
                view! {
                    <div class="divider">{t(ui::OR)}</div>
                    <div class="choices checkboxes"><div class="choice">
                        <input class="choice-input" type="checkbox" id=id.clone() prop:checked=move || unsure.get()
                            on:change=move |_| unsure.update(|u| *u = !*u)/>
                        <label class="choice-label" for=id>{t(u)}</label>
                    </div></div>
                }
            });
            view! {
                <div class="date" id=format!("{qid}-date")>
                    {field("day", Txt2(ui::DAY), day, false)}
                    {field("month", Txt2(ui::MONTH), month, false)}
                    {field("year", Txt2(ui::YEAR), year, true)}
                </div>
                {unsure_box}
            }
            .into_any()
        }
    };

    view! {
        <a class="back-link" href=back>{t(ui::BACK)}</a>
        <main id="main">
            {move || error.get().map(|(m, f)| view! { <ErrorSummary msg=m field=f/> })}
            <form novalidate on:submit=submit>
                <div class=move || if error.get().is_some() { "form-group form-group-error" } else { "form-group" }>
                    <fieldset class="fieldset" id=fieldset_id.clone() aria-describedby=hint_only>
                        <legend class="legend">
                            {part.map(|p| view! { <span class="caption">{p}</span> })}
                            <h1 tabindex="-1">{t(question.title)}</h1>
                        </legend>
                        {question.hint.map(|h| view! { <div class="hint" id=hint_id>{t(h)}</div> })}
                        {move || error.get().map(|(m, _)| view! {
                            <p class="error-message" id=err_id.clone()><span class="visually-hidden">{t(ui::ERROR_PREFIX)}" "</span>{m}</p>
                        })}
                        {inputs}
                    </fieldset>
                </div>
                <button class="button" type="submit">{button}</button>
            </form>
        </main>
    }
}

/// What a question page's form holds.
#[derive(Clone, Copy)]
struct Form {
    chosen: RwSignal<u64>,
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
    unsure: RwSignal<bool>,
}

impl Form {
    /// The answer the form holds now: what Continue would record, or why it cannot.
    fn read(&self, question: &Question, today: Date) -> Result<Answer, &'static str> {
        let bits = self.chosen.get_untracked();
        let typed = [self.day, self.month, self.year].iter().any(|s| s.with_untracked(|s| !s.trim().is_empty()));
        let unsure = self.unsure.get_untracked();
        match question.kind {
            Kind::One if bits == 0 => Err(t(ui::ERROR_CHOOSE_ONE)),
            Kind::One => Ok(Answer::One(bits.trailing_zeros() as u8)),
            Kind::Many if bits == 0 => Err(t(ui::ERROR_CHOOSE_MANY)),
            Kind::Many => Ok(Answer::Many(bits)),
            // A date typed and "I do not know" ticked: neither is thrown away.
            Kind::Date if unsure && typed => Err(t(ui::DATE_AND_UNSURE)),
            Kind::Date if unsure && question.unsure.is_some() => Ok(Answer::Unsure),
            Kind::Date => self.day.with_untracked(|d| {
                self.month.with_untracked(|m| self.year.with_untracked(|y| parse_parts(d, m, y, today, question.future)))
            })
            .map(Answer::Date)
            .map_err(date_error),
        }
    }
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

/// A `Txt` passed into a closure by value.
#[derive(Clone, Copy)]
struct Txt2(Txt);

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
            {move || error.get().map(|(m, f)| view! { <ErrorSummary msg=m field=f/> })}
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
