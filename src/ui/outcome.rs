//! The outcome page: written by `render::outcome_html` (escaped HTML), with one delegated
//! listener for the letter and calendar buttons.

use super::{browser, t, App, Route, Words};
use crate::content::{ui, GRAPH};
use crate::engine::ics;
use crate::render::{outcome_html, Case};
use leptos::prelude::*;

fn status(l: &str, msg: &str) {
    browser::set_text(&format!("status-{l}"), msg);
}

/// The outcome page once its words are here; until then a short wait, or a way to try again.
#[component]
pub fn OutcomePage() -> impl IntoView {
    let app = expect_context::<App>();
    move || match app.words.get() {
        Words::Ready(late) => outcome(app, late).into_any(),
        w => {
            super::pages::title_of(t(ui::RESULT_TITLE));
            let failed = matches!(w, Words::Failed);
            view! {
                <a class="back-link" href=Route::Check.hash()>{t(ui::BACK)}</a>
                <main id="main" class="outcome">
                    <h1 tabindex="-1">{t(ui::RESULT_TITLE)}</h1>
                    <p role="status">{t(if failed { ui::WORDS_FAILED } else { ui::WORDS_LOADING })}</p>
                    {failed.then(|| view! {
                        <button type="button" class="button" on:click=move |_| super::load_words(app)>{t(ui::TRY_AGAIN)}</button>
                    })}
                </main>
            }
            .into_any()
        }
    }
}

fn outcome(app: App, late: std::sync::Arc<crate::engine::graph::Late>) -> impl IntoView {
    super::pages::title_of(t(ui::RESULT_TITLE));
    // (Drawn again by `App::refresh_today` when the day changes.)
    let html = app.journey.with_untracked(|j| {
        app.details.with_untracked(|details| {
            outcome_html(&Case::new(&j.answers, details, super::today(), &late), browser::can_share())
        })
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = browser::action_target(&ev) else {
            return;
        };
        let action = button.get_attribute("data-action").unwrap_or_default();
        let (details, today) = (app.details.get_untracked(), super::today());
        let case = app.journey.with_untracked(|j| Case::new(&j.answers, &details, today, &late));
        let letter = button.get_attribute("data-letter").and_then(|l| l.parse::<u16>().ok()).filter(|&l| (l as usize) < GRAPH.letters.len());
        match (action.as_str(), letter) {
            ("print", _) => browser::print(),
            ("ics", _) => {
                let Some(d) = button.get_attribute("data-deadline").and_then(|d| d.parse::<u16>().ok()) else { return };
                let Some(s) = crate::engine::outcome(&GRAPH, case.answers(), today).deadlines.into_iter().find(|s| s.deadline == d) else { return };
                let dl = &GRAPH.deadlines[d as usize];
                let uid = format!("{}-{}", dl.id, s.due.iso());
                let desc = format!("{} {}", t(ui::ICS_DESCRIPTION), t(ui::APP_NAME));
                browser::download(&format!("{uid}.ics"), "text/calendar;charset=utf-8", &ics::event(&uid, s.due, today, case.t(dl.label), &desc));
            }
            ("copy", Some(l)) => {
                let id = l.to_string();
                browser::copy(&case.letter_text(l), move |ok| status(&id, t(if ok { ui::COPIED } else { ui::COPY_FAILED })));
            }
            ("share", Some(l)) => {
                let id = l.to_string();
                let title = case.page(GRAPH.letters[l as usize].title);
                browser::share(&title, &case.letter_text(l), move |ok| {
                    if ok {
                        status(&id, t(ui::SHARED))
                    }
                });
            }
            ("download", Some(l)) => {
                let ok = browser::download(&format!("{}.txt", GRAPH.letters[l as usize].id), "text/plain;charset=utf-8", &case.letter_text(l));
                status(&l.to_string(), t(if ok { ui::DOWNLOADED } else { ui::DOWNLOAD_FAILED }));
            }
            _ => {}
        }
    };
    view! {
        <a class="back-link no-print" href=Route::Check.hash()>{t(ui::BACK)}</a>
        <main id="main" class="outcome" inner_html=html on:click=on_click></main>
    }
}
