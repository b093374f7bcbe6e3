//! The Leptos shell: one page per route, no rules (they live in the engine).

mod browser;
mod embed;
mod outcome;
mod pages;
mod panic;

use crate::content::{ui, GRAPH};
use crate::engine::codec::{self, Problem, Saved};
use crate::engine::date::Date;
use crate::engine::graph::{accept_late, late_ready, Txt};
use crate::engine::{walk, Answers, Details};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The words of the interface. (A Welsh table would be chosen here.)
pub fn t(x: Txt) -> &'static str {
    GRAPH.text(x)
}

/// Where the parent is. Kept in the address (`#/q/setting`), so back, forward and reload work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    Question { q: u16, change: bool },
    About { change: bool },
    Check,
    Result,
    Privacy,
}

impl Route {
    pub fn parse(hash: &str) -> Option<Route> {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = h.split('/');
        Some(match (parts.next().unwrap_or(""), parts.next(), parts.next()) {
            ("", None, _) => Route::Start,
            ("q", Some(id), change) => Route::Question { q: GRAPH.question_by_id(id)?, change: change == Some("change") },
            ("about", change, _) => Route::About { change: change == Some("change") },
            ("check", None, _) => Route::Check,
            ("result", None, _) => Route::Result,
            ("privacy", None, _) => Route::Privacy,
            _ => return None,
        })
    }
    pub fn hash(&self) -> String {
        match self {
            Route::Start => "#/".into(),
            Route::Question { q, change } => {
                let id = GRAPH.questions[*q as usize].id;
                if *change {
                    format!("#/q/{id}/change")
                } else {
                    format!("#/q/{id}")
                }
            }
            Route::About { change: true } => "#/about/change".into(),
            Route::About { change: false } => "#/about".into(),
            Route::Check => "#/check".into(),
            Route::Result => "#/result".into(),
            Route::Privacy => "#/privacy".into(),
        }
    }
}

/// What storage can do for us in this browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Answers are saved on this device.
    Saving,
    /// The parent chose not to save on this device.
    Off,
    /// The browser refuses storage (blocked frame, private mode).
    Blocked,
    /// Saved by a newer Camau: read, never overwritten.
    Newer,
}

#[derive(Clone, Copy)]
pub struct App {
    pub answers: RwSignal<Answers>,
    pub details: RwSignal<Details>,
    pub route: RwSignal<Route>,
    /// A message shown at the top of this page.
    pub notice: RwSignal<Option<String>>,
    /// A message for the next page (set before moving there).
    pub pending: StoredValue<Option<String>>,
    pub keep: RwSignal<Keep>,
    /// A save failed (storage full): answers are kept in memory only.
    pub save_failed: RwSignal<bool>,
    /// The outcome page's words, fetched after the first page (`content::LATE_FILE`).
    pub words: RwSignal<Words>,
    pub today: Date,
    /// When the answers were last saved (none before format 2, or when nothing is saved).
    pub saved_on: RwSignal<Option<Date>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    Loading,
    Ready,
    Failed,
}

/// Fetches the outcome page's words (once; again after a failure). They are checked against
/// the hash this build expects, so a stale file or a host's "not found" page is refused.
pub fn load_words(app: App) {
    if late_ready(&GRAPH) {
        return app.words.set(Words::Ready);
    }
    app.words.set(Words::Loading);
    browser::fetch_bytes(crate::content::LATE_FILE, move |bytes| {
        let ok = bytes.is_some_and(|b| accept_late(b, crate::content::LATE_HASH, crate::content::LATE_COUNT).is_ok());
        app.words.set(if ok || late_ready(&GRAPH) { Words::Ready } else { Words::Failed });
        if app.route.get_untracked() == Route::Result {
            // The page was waiting for its words and has been drawn again.
            browser::focus_later("#app h1");
        }
    });
}

impl App {
    pub fn saved(&self) -> Saved {
        Saved { answers: self.answers.get_untracked(), details: self.details.get_untracked(), saved_on: Some(self.today) }
    }

    /// Writes the answers to this device, if the parent lets us.
    pub fn persist(&self) {
        let saved = self.saved();
        panic::remember(&saved);
        if self.keep.get_untracked() != Keep::Saving {
            panic::kept(false);
            return;
        }
        let text = codec::encode(&GRAPH, &saved);
        let failed = browser::save(&text).is_err();
        panic::kept(!failed);
        self.save_failed.set(failed);
        if !failed {
            self.saved_on.set(Some(self.today));
        }
    }

    /// Moves to `r` now: the new page is rendered in the same task that changes the
    /// address, so the address never names a page that is not yet shown. The
    /// `hashchange` that follows finds the route already applied and does nothing.
    pub fn go(&self, r: Route) {
        let r = self.allowed(r);
        let msg = self.pending.try_update_value(|p| p.take()).flatten();
        browser::go(&r.hash());
        self.notice.set(msg);
        set_route(*self, r, true);
    }

    /// Moves on and says `msg` on the next page.
    pub fn go_saying(&self, r: Route, msg: String) {
        self.pending.set_value(Some(msg));
        self.go(r);
    }

    /// Deletes everything saved on this device and in memory.
    pub fn forget_all(&self) {
        browser::delete();
        self.answers.set(Answers::default());
        self.details.set(Details::default());
        self.saved_on.set(None);
        panic::remember(&Saved::default());
        if self.keep.get_untracked() == Keep::Newer {
            self.keep.set(Keep::Saving);
        }
    }

    /// The route the parent may see now: a link to a question that does not apply
    /// (tampered, or out of date) goes to the next question instead.
    pub fn allowed(&self, r: Route) -> Route {
        let w = walk(&GRAPH, &self.answers.get_untracked(), self.today);
        let next = || match w.next {
            Some(q) => Route::Question { q, change: false },
            None => Route::Check,
        };
        match r {
            Route::Question { q, .. } if !w.allows(q) => next(),
            Route::Check | Route::Result | Route::About { .. } if !w.done() => next(),
            r => r,
        }
    }
}

fn problem_message(p: &Problem) -> String {
    match p {
        Problem::Newer(_) => t(ui::STORED_NEWER).into(),
        Problem::Unreadable => t(ui::STORED_UNREADABLE).into(),
        Problem::Dropped(ids) => {
            let titles: Vec<&str> =
                ids.iter().filter_map(|id| GRAPH.question_by_id(id)).map(|q| t(GRAPH.questions[q as usize].title)).collect();
            let mut msg = if titles.is_empty() && ids.iter().any(|id| !id.starts_with("d.")) {
                t(ui::STORED_DROPPED).to_string()
            } else if titles.is_empty() {
                String::new()
            } else {
                format!("{} {}", t(ui::STORED_DROPPED_ASK), titles.join("; "))
            };
            // A detail (name, school) that could not be read: say so, and where to give it again.
            if ids.iter().any(|id| id.starts_with("d.")) {
                if !msg.is_empty() {
                    msg.push(' ');
                }
                msg.push_str(t(ui::STORED_DETAIL_LOST));
            }
            msg
        }
        Problem::Shortened => t(ui::STORED_SHORTENED).into(),
    }
}

/// Starts Camau in three short tasks rather than one long one, so the page stays responsive
/// while it starts on a slow phone (Lighthouse's Total Blocking Time; see bench/run).
pub fn start() {
    panic::install();
    set_timeout(start_state, std::time::Duration::ZERO);
}

/// Task 1: the saved answers, the app state, the route and its listener.
fn start_state() {
    let today = browser::today();
    let mut notices = vec![];
    let mut keep = Keep::Saving;
    let mut saved = Saved::default();
    if browser::storage().is_none() {
        keep = Keep::Blocked;
    } else if let Some(text) = browser::load() {
        let d = codec::decode(&GRAPH, &text);
        for p in &d.problems {
            notices.push(problem_message(p));
            if matches!(p, Problem::Newer(_)) {
                keep = Keep::Newer;
            }
        }
        saved = d.saved;
    }
    // Stale answers (a content change moved the path) are dropped here, once.
    crate::engine::prune(&GRAPH, &mut saved.answers, today);
    panic::remember(&saved);
    panic::kept(keep == Keep::Saving);

    let app = App {
        answers: RwSignal::new(saved.answers),
        details: RwSignal::new(saved.details),
        route: RwSignal::new(Route::Start),
        notice: RwSignal::new(if notices.is_empty() { None } else { Some(notices.join(" ")) }),
        pending: StoredValue::new(None),
        keep: RwSignal::new(keep),
        save_failed: RwSignal::new(false),
        words: RwSignal::new(Words::Loading),
        today,
        saved_on: RwSignal::new(saved.saved_on),
    };
    let first = Route::parse(&browser::hash());
    if first.is_none() {
        app.notice.update(|n| {
            let msg = t(ui::BAD_LINK).to_string();
            *n = Some(match n.take() {
                Some(x) => format!("{x} {msg}"),
                None => msg,
            })
        });
    }
    set_route(app, first.unwrap_or(Route::Start), false);
    let on_hash = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let h = browser::hash();
        if !h.is_empty() && !h.starts_with("#/") {
            // An in-page anchor (the skip link): go back to the page's own address.
            browser::replace(&app.route.get_untracked().hash());
            browser::focus_later("main:not([hidden])");
            return;
        }
        let r = Route::parse(&h);
        if r.as_ref() == Some(&app.route.get_untracked()) {
            return; // applied already by `App::go`
        }
        let mut msg = app.pending.try_update_value(|p| p.take()).flatten();
        if r.is_none() {
            msg = Some(t(ui::BAD_LINK).into());
        }
        app.notice.set(msg);
        set_route(app, r.unwrap_or(Route::Start), true);
    });
    browser::window().set_onhashchange(Some(on_hash.as_ref().unchecked_ref()));
    browser::on_before_print();
    on_hash.forget();
    set_timeout(move || start_views(app), std::time::Duration::ZERO);
}

/// Task 2: three roots around the static start page: messages above it, "continue where
/// you left off" inside it, and every other page below it.
fn start_views(app: App) {
    mount(app, "messages", move || view! { <Messages/> });
    mount(app, "resume", move || view! { <pages::Resume/> });
    mount(app, "app", move || view! { <Pages/> });
    // page.js may have said the app could not start (an early error); it has started.
    browser::hide("nowasm");
    set_timeout(move || {
        // Task 3: the host page's frame height, and the outcome page's words.
        embed::start();
        load_words(app);
    }, std::time::Duration::ZERO);
}

fn mount<V: IntoView + 'static>(app: App, id: &str, f: impl FnOnce() -> V + 'static) {
    let Some(root) = browser::window()
        .document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    leptos::mount::mount_to(root, move || {
        provide_context(app);
        f()
    })
    .forget();
}


/// Applies a route: corrects it if it does not apply, shows or hides the static start page,
/// and moves focus to the new page's heading (not on first load).
fn set_route(app: App, r: Route, moved: bool) {
    let allowed = app.allowed(r.clone());
    if allowed != r {
        browser::replace(&allowed.hash());
    }
    browser::show_static_start(allowed == Route::Start, &allowed.hash());
    app.route.set(allowed.clone());
    if moved {
        browser::focus_later(if allowed == Route::Start { "#start h1" } else { "#app h1" });
        browser::window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

#[component]
fn Messages() -> impl IntoView {
    let app = expect_context::<App>();
    view! {
        <StorageBanner/>
        {move || app.notice.get().map(|n| view! {
            <div class="notice" role="status"><p>{n}</p></div>
        })}
    }
}

#[component]
fn Pages() -> impl IntoView {
    let app = expect_context::<App>();
    let page = move || match app.route.get() {
        Route::Start => ().into_any(),
        Route::Question { q, change } => view! { <pages::QuestionPage q=q change=change/> }.into_any(),
        Route::About { change } => view! { <pages::AboutPage change=change/> }.into_any(),
        Route::Check => view! { <pages::CheckPage/> }.into_any(),
        Route::Result => view! { <outcome::OutcomePage/> }.into_any(),
        Route::Privacy => view! { <pages::PrivacyPage/> }.into_any(),
    };
    view! {
        {page}
        <pages::Footer/>
    }
}

#[component]
fn StorageBanner() -> impl IntoView {
    let app = expect_context::<App>();
    move || {
        let msg = match (app.keep.get(), app.save_failed.get()) {
            (Keep::Blocked, _) => Some(t(ui::STORAGE_BLOCKED)),
            (Keep::Newer, _) => Some(t(ui::STORAGE_NEWER)),
            (Keep::Saving, true) => Some(t(ui::STORAGE_FULL)),
            _ => None,
        }?;
        let own = browser::in_frame().then(|| {
            view! { <a href=browser::own_address() target="_blank" rel="noopener">{t(ui::OPEN_OWN_TAB)}</a> }
        });
        Some(view! { <div class="banner" role="status"><p>{msg} " " {own}</p></div> })
    }
}
