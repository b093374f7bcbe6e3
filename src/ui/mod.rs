//! The Leptos shell: one page per route, no rules (they live in the engine).

mod browser;
mod outcome;
mod pages;
mod panic;

use crate::content::{ui, GRAPH};
use crate::engine::codec::{self, Problem, Saved};
use crate::engine::date::Date;
use crate::engine::edit::{self, Edits};
use crate::engine::graph::{Lang, Table, Text};
use crate::engine::{walk, Answered, Answers, Details, Walk};
pub use crate::route::Route;
use leptos::prelude::*;

/// Any word of the page's language: the interface's and the first question's are here when
/// the app starts (the start words), the others come with [`Words::Ready`] (see [`needs_words`]).
pub use crate::render::t;

/// Whether a page needs the later words: all but the start page and the first question,
/// which show the moment the app starts.
fn needs_words(r: &Route) -> bool {
    !matches!(r, Route::Start | Route::Begin) && !matches!(r, Route::Question { q, .. } if *q == GRAPH.start)
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
    /// The last save failed (storage full): answers are kept in memory only.
    Full,
}

impl Keep {
    /// Whether Camau should save the answers on this device now (after a failed save it
    /// tries again at the next answer).
    pub fn saving(self) -> bool {
        matches!(self, Keep::Saving | Keep::Full)
    }
}

/// Every answer the parent gave (on the current route or not: none is ever dropped), with
/// its walk today: set together, so each click walks once.
#[derive(Clone)]
pub struct Journey {
    pub answers: Answers,
    pub walk: Walk,
}

impl Journey {
    fn new(answers: Answers, today: Date) -> Journey {
        Journey { walk: walk(&GRAPH, &answers, today), answers }
    }
}

thread_local! {
    /// Today, read again on each page, whenever the parent comes back to the tab, and every
    /// minute, so a page left open past midnight shows the new day's deadlines.
    static TODAY: std::cell::Cell<Date> = std::cell::Cell::new(browser::today());
}

/// Today (see [`App::refresh_today`]).
pub fn today() -> Date {
    TODAY.with(|t| t.get())
}

#[derive(Clone, Copy)]
pub struct App {
    pub journey: RwSignal<Journey>,
    pub details: RwSignal<Details>,
    pub route: RwSignal<Route>,
    /// A message shown at the top of this page.
    pub notice: RwSignal<Option<String>>,
    /// A message for the next page (set before moving there).
    pub pending: StoredValue<Option<String>>,
    pub keep: RwSignal<Keep>,
    /// "Delete my answers from this device?" (the footer) or "Start again?" (the start page)
    /// is being asked: one at a time, closed by a new page.
    pub deleting: RwSignal<bool>,
    pub restarting: RwSignal<bool>,
    /// The page's language (`<html lang>`); switched by the language link, keeping everything.
    pub lang: RwSignal<Lang>,
    /// The later words of the page's language, fetched after the first page (`content::WORDS`).
    pub words: RwSignal<Words>,
    /// The letters' language when the parent chose one (else the page's), and its words once
    /// they are all here.
    pub letters_lang: RwSignal<Option<Lang>>,
    pub letter_words: RwSignal<Option<&'static Text>>,
    /// When the answers were last saved (none before format 2, or when nothing is saved).
    pub saved_on: RwSignal<Option<Date>>,
    /// The parent's work on the letters (kept under its own key).
    pub edits: StoredValue<Edits>,
    /// The edits on this device were saved by a newer Camau: never overwritten.
    pub edits_newer: StoredValue<bool>,
}

#[derive(Clone)]
pub enum Words {
    Loading,
    Ready(&'static Text),
    Failed,
}

thread_local! {
    /// Each language's words as far as they have arrived: kept for the rest of the visit, so
    /// switching back and forth fetches nothing again (and works offline once cached).
    static LOADED: std::cell::RefCell<[Option<&'static Text>; 2]> = const { std::cell::RefCell::new([None, None]) };
}

/// A language's words, as far as they have arrived.
pub fn loaded(l: Lang) -> Option<&'static Text> {
    LOADED.with(|x| x.borrow()[l as usize])
}

fn keep_text(t: Text) -> &'static Text {
    let t: &'static Text = Box::leak(Box::new(t));
    LOADED.with(|x| x.borrow_mut()[t.lang as usize] = Some(t));
    t
}

/// Fetches a language's start words (once), checked against the hash this build expects.
fn load_start(lang: Lang, done: Box<dyn FnOnce(Option<&'static Text>)>) {
    if let Some(t) = loaded(lang) {
        return done(Some(t));
    }
    let file = crate::content::WORDS[lang as usize][0];
    browser::fetch_bytes(file.name, Box::new(move |bytes| {
        done(bytes.and_then(|b| Table::accept(b, &file).ok()).map(|start| keep_text(Text { lang, start, later: Table::default() })))
    }));
}

/// Fetches a language's later words (once; again after a failure), after its start words.
/// A stale file or a host's "not found" page is refused (hash and count are checked).
fn load_later(lang: Lang, done: Box<dyn FnOnce(Option<&'static Text>)>) {
    load_start(lang, Box::new(move |have| {
        let Some(have) = have else { return done(None) };
        if !have.later.is_empty() {
            return done(Some(have));
        }
        let file = crate::content::WORDS[lang as usize][1];
        browser::fetch_bytes(file.name, Box::new(move |bytes| {
            let later = bytes.and_then(|b| Table::accept(b, &file).ok());
            done(later.map(|later| keep_text(Text { lang, start: have.start.clone(), later })));
        }));
    }));
}

/// Fetches the page's later words (see [`load_later`]) and draws the page again with them.
pub fn load_words(app: App) {
    let lang = app.lang.get_untracked();
    if matches!(app.words.get_untracked(), Words::Ready(t) if t.lang == lang) {
        return;
    }
    app.words.set(Words::Loading);
    load_later(lang, Box::new(move |t| {
        if app.lang.get_untracked() != lang {
            return; // switched meanwhile: that language's own load says
        }
        app.words.set(match t {
            Some(t) => {
                crate::render::set_words(t);
                // Question titles are later words: the start notice and the crash box's copy of
                // the answers name them in full now.
                let (problems, said) = STARTED_WITH.with(|s| s.take());
                if !problems.is_empty() && app.notice.get_untracked().as_deref() == Some(said.as_str()) {
                    app.notice.set(Some(problems.iter().map(problem_message).collect::<Vec<_>>().join(" ")));
                }
                panic::remember(&app.saved());
                Words::Ready(t)
            }
            None => Words::Failed,
        });
        // Only if the parent is not busy elsewhere (the footer's "Delete my answers" question).
        if needs_words(&app.route.get_untracked()) && browser::focus_is_free() {
            // The page was waiting for its words and has been drawn again.
            browser::focus_later("#app h1");
        }
    }));
    load_letter_words(app, None);
}

/// The letters' language: the parent's choice, else the page's.
pub fn letters_lang(app: App) -> Lang {
    app.letters_lang.get_untracked().unwrap_or(app.lang.get_untracked())
}

/// Fetches the letters' words when they are in another language than the page, and draws the
/// outcome page again with them (focus then on `focus`: the button the parent pressed).
pub fn load_letter_words(app: App, focus: Option<&'static str>) {
    let lang = letters_lang(app);
    if app.letter_words.get_untracked().is_some_and(|t| t.lang == lang) {
        return;
    }
    app.letter_words.set(None);
    load_later(lang, Box::new(move |t| {
        if letters_lang(app) == lang {
            app.letter_words.set(t);
            if app.route.get_untracked() == Route::Result {
                app.route.set(Route::Result); // the outcome page, drawn again with them
                if let Some(f) = focus {
                    outcome::focus_later(f);
                }
            }
        }
    }));
}

/// The parent followed the language link: the same page, answers, details and letter edits,
/// in the other language, once its words are here (offline too, when cached). Nothing is
/// dropped; if the words cannot be fetched, the page stays as it was and says so.
fn switch_lang(app: App) {
    let lang = browser::page_lang();
    if lang == app.lang.get_untracked() {
        return;
    }
    // All of the language's words first (both files, or from the offline copy), so the page
    // is drawn once, complete, in the new language.
    load_later(lang, Box::new(move |words| {
        if browser::page_lang() != lang {
            return; // the parent switched back meanwhile: that switch decides
        }
        let Some(t) = words else {
            browser::set_page_lang(app.lang.get_untracked());
            // Said in the language still shown (the other's words did not arrive).
            app.notice.set(Some(t(ui::LANG_FAILED).to_string()));
            return;
        };
        crate::render::set_words(t);
        browser::set_page_lang(lang);
        app.lang.set(lang);
        app.words.set(Words::Ready(t));
        // Every part drawn again in the new language: the page (its route set again), and the
        // parts around it (they read `app.lang`). Nothing else changes: what the parent typed
        // on a question or "About you" page and not yet sent is put back.
        let route = app.route.get_untracked();
        let typed = if matches!(route, Route::Question { .. } | Route::About { .. }) { browser::form_state() } else { vec![] };
        app.route.set(route);
        request_animation_frame(move || browser::set_form_state(&typed));
        load_words(app);
        // Focus stays on the language link (now the one back), as it was when followed.
        browser::focus_later("html[lang=cy] .lang-link[data-l=cy], html:not([lang=cy]) .lang-link[data-l=en]");
    }));
}

impl App {
    pub fn saved(&self) -> Saved {
        Saved { answers: self.journey.with_untracked(|j| j.answers.clone()), details: self.details.get_untracked(), saved_on: Some(today()) }
    }

    /// Writes the answers to this device, if the parent lets us.
    pub fn persist(&self) {
        let saved = self.saved();
        panic::remember(&saved);
        let keep = self.keep.get_untracked();
        if !keep.saving() {
            panic::kept(false);
            return;
        }
        let ok = browser::save(&codec::encode(&GRAPH, &saved)).is_ok();
        panic::kept(ok);
        let now = if ok { Keep::Saving } else { Keep::Full };
        if now != keep {
            self.keep.set(now);
        }
        if ok {
            self.saved_on.set(saved.saved_on);
        }
    }

    /// Writes the letters' edits to this device, if the parent lets us; false when the
    /// browser refused (the edits stay on the page, and the parent is told).
    pub fn persist_edits(&self) -> bool {
        if self.edits_newer.get_value() {
            return false;
        }
        if !self.keep.get_untracked().saving() {
            return true;
        }
        self.edits.with_value(|e| browser::save_letters(&edit::encode(&GRAPH, e))).is_ok()
    }

    /// "Save your answers to a file": the answers and the letters, to move to another device
    /// or show an adviser. Nothing is sent anywhere.
    pub fn save_file(&self) {
        let saved = self.saved();
        let text = self.edits.with_value(|e| codec::file_text(&GRAPH, &saved, e));
        let name = crate::render::file_name(today(), &saved.details, t(ui::FILE_NAME), ".txt");
        let ok = browser::download(&name, "text/plain;charset=utf-8", &text);
        browser::set_text("file-status", t(if ok { ui::FILE_SAVED } else { ui::FILE_SAVE_FAILED }));
    }

    /// "Open saved answers": a file Camau saved replaces what is on this device, after asking
    /// when there are answers here already. Any other file, a newer Camau's, or a damaged one
    /// is refused with a message, and nothing changes.
    pub fn open_file(&self, text: Option<String>) {
        let refused = |k| browser::set_text("file-status", t(k));
        let (d, e) = match text.map(|x| codec::read_file(&GRAPH, &x)) {
            None | Some(Err(codec::FileProblem::NotCamau)) => return refused(ui::FILE_NOT_CAMAU),
            Some(Err(codec::FileProblem::Newer)) => return refused(ui::FILE_NEWER),
            Some(Err(codec::FileProblem::Damaged)) => return refused(ui::FILE_DAMAGED),
            Some(Ok(x)) => x,
        };
        if self.journey.with_untracked(|j| !j.answers.is_empty()) && !browser::confirm(t(ui::FILE_REPLACE)) {
            return refused(ui::FILE_KEPT);
        }
        let mut msg = vec![t(ui::FILE_OPENED).to_string()];
        msg.extend(d.problems.iter().map(problem_message));
        if !e.dropped.is_empty() {
            msg.push(t(ui::STORED_LETTERS_LOST).into());
        }
        self.journey.set(Journey::new(d.saved.answers, today()));
        self.details.set(d.saved.details);
        self.edits.set_value(e.edits);
        self.edits_newer.set_value(false);
        self.persist();
        self.persist_edits();
        let next = match self.journey.with_untracked(|j| j.walk.next) {
            Some(q) => Route::Question { q, change: false },
            None => Route::Check,
        };
        self.go_saying(next, msg.join(" "));
    }

    /// Records one answer (walking once) and saves.
    pub fn answer(&self, q: u16, a: crate::engine::Answer) -> Answered {
        let mut out = Answered { walk: Walk::default(), no_longer: vec![] };
        self.journey.update(|j| {
            out = crate::engine::answer(&GRAPH, &mut j.answers, &j.walk, q, a, today());
            j.walk = out.walk.clone();
        });
        self.persist();
        out
    }

    /// Reads the day again. When it has changed, the walk follows (a route may depend on
    /// whether a date has passed), and a page that shows dates is drawn again.
    pub fn refresh_today(&self) {
        let now = browser::today();
        if TODAY.with(|t| t.replace(now)) != now {
            self.journey.update(|j| j.walk = walk(&GRAPH, &j.answers, now));
            if matches!(self.route.get_untracked(), Route::Check | Route::Result) {
                self.route.set(self.route.get_untracked());
            }
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

    /// Opens one of the two questions that ask before deleting (`Some(true)`: "Start
    /// again?"), closing the other, so only one is ever on the page; `None` closes both.
    /// The box that opens takes focus, so it is scrolled into view with its buttons, and a
    /// screen reader reads the question (the box's label) first. Each signal is set only when
    /// it changes: every change of page closes both, and the parts need not be drawn again.
    pub fn ask(&self, start_again: Option<bool>) {
        for (asking, on) in [(self.restarting, start_again == Some(true)), (self.deleting, start_again == Some(false))] {
            if asking.get_untracked() != on {
                asking.set(on);
            }
        }
        if start_again.is_some() {
            browser::focus_later(".confirm");
        }
    }

    /// Deletes everything saved on this device and in memory (only "Delete" and "Start
    /// again" do, each after asking).
    pub fn forget_all(&self) {
        browser::delete();
        self.edits.set_value(Edits::default());
        self.edits_newer.set_value(false);
        self.journey.set(Journey::new(Answers::default(), today()));
        self.details.set(Details::default());
        self.saved_on.set(None);
        panic::remember(&Saved::default());
        if matches!(self.keep.get_untracked(), Keep::Newer | Keep::Full) {
            self.keep.set(Keep::Saving);
        }
    }

    /// The route the parent may see now: a link to a question that does not apply
    /// (tampered, or out of date) goes to the next question instead.
    pub fn allowed(&self, r: Route) -> Route {
        self.journey.with_untracked(|j| {
            let w = &j.walk;
            let next = || match w.next {
                Some(q) => Route::Question { q, change: false },
                None => Route::Check,
            };
            match r {
                // "Start now" never silently keeps saved answers: the start page offers
                // "Continue where you left off" and "Start again" instead.
                Route::Begin if !j.answers.is_empty() => Route::Start,
                Route::Begin => next(),
                Route::Question { q, .. } if !w.allows(q) => next(),
                Route::Check | Route::Result | Route::About { .. } if !w.done() => next(),
                r => r,
            }
        })
    }
}

thread_local! {
    /// What the saved answers had wrong at start, and the notice it gave.
    static STARTED_WITH: std::cell::RefCell<(Vec<Problem>, String)> = Default::default();
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
                [t(ui::STORED_DROPPED_ASK), " ", &titles.join("; ")].concat()
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
    let lang = browser::page_lang();
    load_start(lang, Box::new(move |t| match t {
        Some(t) => {
            crate::render::set_words(t);
            set_timeout(move || start_state(lang), std::time::Duration::ZERO);
        }
        // Without its words the app can say nothing: page.js's "could not start" message says
        // it (in the page's language), with the printable guide.
        None => browser::set_attribute("nowasm", "hidden", None),
    }));
}

/// Task 1: the saved answers, the app state, the route and its listener.
fn start_state(lang: Lang) {
    let today = today();
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
        // The notice names questions whose words may still be on their way: said again
        // when they arrive (see `load_words`).
        STARTED_WITH.with(|s| *s.borrow_mut() = (d.problems.clone(), notices.join(" ")));
        saved = d.saved;
    }
    let mut edits = edit::DecodedEdits::default();
    if keep != Keep::Blocked {
        if let Some(text) = browser::load_letters() {
            edits = edit::decode(&GRAPH, &text);
            if edits.newer || edits.unreadable || !edits.dropped.is_empty() {
                notices.push(t(if edits.newer { ui::STORED_LETTERS_NEWER } else { ui::STORED_LETTERS_LOST }).into());
            }
        }
    }
    // Every saved answer is kept, even one the current route does not reach.
    panic::remember(&saved);
    panic::kept(keep == Keep::Saving);

    let app = App {
        journey: RwSignal::new(Journey::new(saved.answers, today)),
        details: RwSignal::new(saved.details),
        route: RwSignal::new(Route::Start),
        notice: RwSignal::new(if notices.is_empty() { None } else { Some(notices.join(" ")) }),
        pending: StoredValue::new(None),
        keep: RwSignal::new(keep),
        deleting: RwSignal::new(false),
        restarting: RwSignal::new(false),
        lang: RwSignal::new(lang),
        words: RwSignal::new(Words::Loading),
        letters_lang: RwSignal::new(browser::load_letters_lang()),
        letter_words: RwSignal::new(None),
        saved_on: RwSignal::new(saved.saved_on),
        edits: StoredValue::new(edits.edits),
        edits_newer: StoredValue::new(edits.newer),
    };
    let first = Route::parse(&browser::hash());
    if first.is_none() {
        app.notice.update(|n| {
            let msg = t(ui::BAD_LINK).to_string();
            *n = Some(match n.take() {
                Some(x) => [&x, " ", &msg].concat(),
                None => msg,
            })
        });
    }
    set_route(app, first.unwrap_or(Route::Start), false);
    browser::on_hash_change(move || {
        let h = browser::hash();
        if !h.is_empty() && !h.starts_with("#/") {
            // An in-page anchor (the skip link): go back to the page's own address.
            browser::replace(&app.route.get_untracked().hash());
            browser::focus_now("main:not([hidden])");
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
    browser::on_route_link(move |href| match Route::parse(href) {
        Some(r) if r != app.route.get_untracked() => {
            app.go(r);
            true
        }
        _ => false,
    });
    browser::on_lang(move || switch_lang(app));
    browser::on_before_print(outcome::fill_all);
    browser::on_return(move || app.refresh_today());
    set_timeout(move || start_views(app), std::time::Duration::ZERO);
    // The parent followed the language link while the app was starting.
    if browser::page_lang() != lang {
        switch_lang(app);
    }
}

/// Task 2: three roots around the static start page: messages above it, "continue where
/// you left off" inside it, and every other page below it.
fn start_views(app: App) {
    mount(app, "messages", move || messages(app).view());
    mount(app, "resume", move || pages::resume(app).view());
    mount(app, "app", move || view! { <Pages/> });
    // page.js may have said the app could not start (an early error); it has started.
    browser::hide("nowasm");
    set_timeout(move || {
        // Task 3: the host page's frame height, and the outcome page's words.
        browser::report_height_to_host();
        load_words(app);
    }, std::time::Duration::ZERO);
}

fn mount<V: IntoView + 'static>(app: App, id: &str, f: impl FnOnce() -> V + 'static) {
    let Some(root) = browser::element(id) else {
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
    app.refresh_today();
    let allowed = app.allowed(r.clone());
    if allowed != r {
        browser::replace(&allowed.hash());
    }
    browser::show_static_start(allowed == Route::Start, &allowed.hash());
    app.ask(None);
    crate::render::set_voice(app.journey.with_untracked(|j| crate::engine::voice(&GRAPH, &j.walk.counted, today())));
    app.route.set(allowed.clone());
    if moved {
        browser::focus_later(if allowed == Route::Start { "#start h1" } else { "#app h1" });
        browser::scroll_to_top();
    }
}

/// Above every page: why the answers cannot be kept, and the notice a change of page gives.
fn messages(app: App) -> Part {
    let html = move || {
        app.lang.track();
        let storage = match app.keep.get() {
            Keep::Blocked => Some(ui::STORAGE_BLOCKED),
            Keep::Newer => Some(ui::STORAGE_NEWER),
            Keep::Full => Some(ui::STORAGE_FULL),
            Keep::Saving | Keep::Off => None,
        };
        let own = storage.filter(|_| browser::in_frame()).map(|_| browser::own_address());
        app.notice.with(|n| crate::render::messages_html(storage, own.as_deref(), n.as_deref()))
    };
    Part { html: Box::new(html), on: no_events() }
}

/// A part around the pages (the messages above them, the start page's "continue where you
/// left off", the footer): HTML text from `render`, written again whenever what `html` reads
/// changes, with one handler for the clicks and changes in it. One view for all three.
pub struct Part {
    pub html: Box<dyn Fn() -> String>,
    pub on: std::rc::Rc<dyn Fn(&web_sys::Event)>,
}

impl Part {
    fn view(self) -> impl IntoView {
        let Part { html, on } = self;
        let on2 = on.clone();
        // (Kept in the reactive owner: a reactive attribute must be `Send`, the closure is not.)
        let html = StoredValue::new_local(html);
        view! { <div inner_html=move || html.with_value(|f| f()) on:click=move |e| on(&e) on:change=move |e| on2(&e)></div> }
    }
}

/// A page below the start page: its back link, and its `<main>` written as HTML text by
/// `render`, with one handler for the events on it (submit, change, input, click; it reads
/// `Event::type_`). Every page is this one view, so the wasm holds its code once.
pub struct Page {
    pub back: Option<String>,
    pub class: Option<&'static str>,
    pub html: String,
    pub on: std::rc::Rc<dyn Fn(&web_sys::Event)>,
}

/// A page whose `<main>` needs no listener.
pub fn no_events() -> std::rc::Rc<dyn Fn(&web_sys::Event)> {
    std::rc::Rc::new(|_: &web_sys::Event| {})
}

impl Page {
    fn view(self) -> impl IntoView {
        let Page { back, class, html, on } = self;
        let (a, b, c) = (on.clone(), on.clone(), on.clone());
        view! {
            {back.map(|href| view! { <a class="back-link" href=href>{t(ui::BACK)}</a> })}
            <main id="main" tabindex="-1" class=class inner_html=html
                on:submit=move |e| a(&e) on:change=move |e| b(&e) on:input=move |e| c(&e) on:click=move |e| on(&e)></main>
        }
    }
}

#[component]
fn Pages() -> impl IntoView {
    let app = expect_context::<App>();
    let page = move || {
        let r = app.route.get();
        let ready = matches!(app.words.get(), Words::Ready(t) if t.lang == app.lang.get());
        // Any page but these needs the words file: until it is here, say so (and why).
        untrack(move || match r {
            r if needs_words(&r) && !ready => Some(outcome::waiting(app)),
            Route::Start | Route::Begin => None,
            Route::Question { q, change } => Some(pages::question(app, q, change)),
            Route::About { change } => Some(pages::about(app, change)),
            Route::Check => Some(pages::check(app)),
            Route::Result => outcome::outcome_page(app),
            Route::Privacy => Some(pages::privacy(app)),
        })
        .map(Page::view)
    };
    view! {
        {page}
        {pages::footer(app).view()}
    }
}

