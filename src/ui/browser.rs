//! The only code that touches browser APIs: storage, the address bar, the document outside
//! Leptos's views (focus, titles, the static start page and crash box), clipboard, share,
//! downloads, timers and the host frame. Every call is guarded: a locked-down browser gets a
//! message, not a crash.

use crate::engine::date::Date;
use wasm_bindgen::{JsCast, JsValue};

/// One key holds everything; the format version is inside the value (`v=1&…`).
pub const KEY: &str = "camau";

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// Today in the parent's own time zone.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, d.get_month() as u8 + 1, d.get_date() as u8).unwrap_or(Date { y: 2026, m: 1, d: 1 })
}

/// localStorage, if this browser lets us use it. In a third-party frame with
/// storage blocked even reading `window.localStorage` throws: web-sys turns that into Err.
pub fn storage() -> Option<web_sys::Storage> {
    let s = window().local_storage().ok()??;
    // Private modes may allow reading but refuse every write.
    s.set_item("camau-probe", "1").ok()?;
    let _ = s.remove_item("camau-probe");
    Some(s)
}

pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok()?
}

/// Err when the browser refused (storage full or blocked).
pub fn save(text: &str) -> Result<(), ()> {
    storage().ok_or(())?.set_item(KEY, text).map_err(|_| ())
}

/// The parent's work on the letters: under its own key, so a long letter can never stop
/// the answers from being saved.
pub const LETTERS_KEY: &str = "camau-letters";

pub fn load_letters() -> Option<String> {
    storage()?.get_item(LETTERS_KEY).ok()?
}

pub fn save_letters(text: &str) -> Result<(), ()> {
    storage().ok_or(())?.set_item(LETTERS_KEY, text).map_err(|_| ())
}

/// Deletes everything Camau keeps on this device: the answers and the letters.
pub fn delete() -> bool {
    match storage() {
        Some(s) => s.remove_item(KEY).is_ok() & s.remove_item(LETTERS_KEY).is_ok() & s.remove_item(LETTERS_LANG_KEY).is_ok(),
        None => true,
    }
}

/// Sets the value of the text box with this id.
pub fn set_value(id: &str, v: &str) {
    if let Some(el) = window().document().and_then(|d| d.get_element_by_id(id)) {
        if let Ok(t) = el.dyn_into::<web_sys::HtmlTextAreaElement>() {
            t.set_value(v);
        }
    }
}

/// The element an event came from: its `data-letter`, its `data-gap` if any, and its value.
pub fn letter_input(ev: &web_sys::Event) -> Option<(String, Option<String>, String)> {
    let t: web_sys::HtmlTextAreaElement = ev.target()?.dyn_into().ok()?;
    Some((t.get_attribute("data-letter")?, t.get_attribute("data-gap"), t.value()))
}

pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Moves to a new page of the app (a new history entry).
pub fn go(hash: &str) {
    end_print_one();
    let _ = window().location().set_hash(hash);
}

/// Corrects the address without a new history entry.
pub fn replace(hash: &str) {
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(hash));
    }
}

fn get(obj: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

fn call(obj: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f: js_sys::Function = get(obj, name)?.dyn_into().ok()?;
    let list = js_sys::Array::new();
    for a in args {
        list.push(a);
    }
    f.apply(obj, &list).ok()
}

/// Runs `done(Some(value))` when a promise resolves, `done(None)` when it fails (or at once
/// when there is no promise).
fn settle_value(p: Option<JsValue>, done: impl FnOnce(Option<JsValue>) + 'static) {
    let Some(p) = p.and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) else {
        done(None);
        return;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let d2 = done.clone();
    let ok = wasm_bindgen::closure::Closure::once(move |v: JsValue| {
        if let Some(f) = done.take() {
            f(Some(v))
        }
    });
    let bad = wasm_bindgen::closure::Closure::once(move |_: JsValue| {
        if let Some(f) = d2.take() {
            f(None)
        }
    });
    let _ = p.then2(&ok, &bad);
    ok.forget();
    bad.forget();
}

/// Runs `done(true|false)` when a promise settles (or at once with false when there is none).
fn settle(p: Option<JsValue>, done: impl FnOnce(bool) + 'static) {
    settle_value(p, move |v| done(v.is_some()));
}

/// Fetches a file of Camau's own (a relative address) and calls `done` with its bytes, or
/// `None` when the network, the host or the offline copy cannot give it.
pub fn fetch_bytes(url: &str, done: Box<dyn FnOnce(Option<Vec<u8>>)>) {
    let w: JsValue = window().into();
    settle_value(call(&w, "fetch", &[JsValue::from_str(url)]), move |resp| {
        let Some(resp) = resp.filter(|r| get(r, "ok").and_then(|ok| ok.as_bool()) == Some(true)) else {
            return done(None);
        };
        settle_value(call(&resp, "arrayBuffer", &[]), move |buf| done(buf.map(|b| js_sys::Uint8Array::new(&b).to_vec())));
    });
}

pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let nav: JsValue = window().navigator().into();
    let p = get(&nav, "clipboard").and_then(|c| call(&c, "writeText", &[JsValue::from_str(text)]));
    settle(p, done);
}

pub fn can_share() -> bool {
    let nav: JsValue = window().navigator().into();
    get(&nav, "share").is_some()
}

pub fn share(title: &str, text: &str, done: impl FnOnce(bool) + 'static) {
    let nav: JsValue = window().navigator().into();
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    settle(call(&nav, "share", &[data.into()]), done);
}

/// Saves `text` as a file through a temporary link.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    (|| -> Option<()> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let doc = window().document()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.set_hidden(true);
        doc.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    })()
    .is_some()
}

/// Opens every "Why?" box so that the printed page shows the law behind each point (not when
/// one part is printed alone: `print_one`).
pub fn open_details() {
    if html_element().is_some_and(|h| h.has_attribute(PRINT_ONE)) {
        return;
    }
    if let Some(list) = window().document().and_then(|d| d.query_selector_all("details").ok()) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.set_attribute("open", "");
            }
        }
    }
}

/// Opens the "Why?" boxes before any print (the button or the browser's own menu), after
/// `first` (which fills the boxes not yet filled).
pub fn on_before_print(first: fn()) {
    let f = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        first();
        open_details();
    });
    window().set_onbeforeprint(Some(f.as_ref().unchecked_ref()));
    f.forget();
}

pub fn print() {
    open_details();
    let _ = window().print();
}

/// Marks `<html>` while one part (`#print-one`) is printed alone (`style/main.css`).
const PRINT_ONE: &str = "data-print-one";

fn html_element() -> Option<web_sys::Element> {
    window().document()?.document_element()
}

/// Prints `html` alone (the short plan, or one letter): it fills `#print-one`, which the print
/// stylesheet then shows in place of the page, until the print is done.
pub fn print_one(html: &str) {
    let Some(h) = html_element() else { return };
    set_inner_html("print-one", html);
    let _ = h.set_attribute(PRINT_ONE, "");
    let done = wasm_bindgen::closure::Closure::once_into_js(end_print_one);
    window().set_onafterprint(Some(done.unchecked_ref()));
    let _ = window().print();
}

/// The whole page prints again (after a print of one part, or when the page changes).
pub fn end_print_one() {
    window().set_onafterprint(None);
    if let Some(h) = html_element() {
        let _ = h.remove_attribute(PRINT_ONE);
    }
}

pub fn set_title(t: &str) {
    if let Some(d) = window().document() {
        d.set_title(t);
    }
}

/// Moves focus to the first element matching `selector`, after the page is painted.
/// Whether moving focus takes nothing away from the parent: false while they are in the
/// footer (its "Delete my answers" question, its links).
pub fn focus_is_free() -> bool {
    !window().document().and_then(|d| d.active_element()).is_some_and(|a| a.closest("footer").ok().flatten().is_some())
}

pub fn focus_later(selector: &'static str) {
    leptos::prelude::request_animation_frame(move || focus_now(selector));
}

/// Focuses the first element matching `selector` now (it is on the page already: the skip
/// link's target), so a key pressed next is not overtaken by a focus that comes later.
pub fn focus_now(selector: &str) {
    if let Some(el) = window()
        .document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // A heading takes focus only with a tabindex (the static start page's h1 has none); a
        // link, button or field has its own, and keeps its place in the Tab order.
        let own = matches!(el.tag_name().as_str(), "A" | "BUTTON" | "INPUT" | "SELECT" | "TEXTAREA" | "SUMMARY");
        if !own && !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        // Inside a closed part (a page drawn again closes them): open it, or focus cannot land.
        let mut up = el.parent_element();
        while let Some(p) = up {
            if p.tag_name() == "DETAILS" && !p.has_attribute("open") {
                let _ = p.set_attribute("open", "");
            }
            up = p.parent_element();
        }
        let _ = el.focus();
    }
}

/// Shows or hides the static start page written in index.html.
/// Also marks `#app` with the address of the page it shows (`data-route`), set in the same
/// task as the render, so scripts and tests can tell the page is the one the address names.
pub fn show_static_start(show: bool, route: &str) {
    let doc = window().document();
    if let Some(app) = doc.as_ref().and_then(|d| d.get_element_by_id("app")) {
        let _ = app.set_attribute("data-route", route);
    }
    // page.js's "still loading" under "Start now" has done its work once the app draws a page.
    if let Some(wait) = doc.as_ref().and_then(|d| d.get_element_by_id("starting")) {
        wait.set_text_content(None);
    }
    if let Some(el) = doc.and_then(|d| d.get_element_by_id("start")) {
        if show {
            let _ = el.remove_attribute("hidden");
        } else {
            let _ = el.set_attribute("hidden", "");
        }
    }
}

/// Hides a static element of index.html (by id), if it is there.
pub fn hide(id: &str) {
    if let Some(el) = window().document().and_then(|d| d.get_element_by_id(id)) {
        let _ = el.set_attribute("hidden", "");
    }
}

/// Whether the app runs inside another site's frame.
pub fn in_frame() -> bool {
    let w = window();
    match (w.top(), w.self_()) {
        (Ok(Some(top)), me) => !js_sys::Object::is(&top, &me),
        _ => true,
    }
}

/// The address of the app itself, without the page part (to open it in its own tab).
pub fn own_address() -> String {
    let l = window().location();
    let href = l.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Inside another site's frame, tells the host page how tall Camau's content is, so that the
/// optional `embed.js` on the host page can size the frame (no scrollbar inside it).
///
/// Message (posted to the parent window, any origin: it carries nothing but a number):
/// `{ type: "camau:height", height: <whole CSS pixels> }`, sent once at start and then only
/// when the height changes (a ResizeObserver on the document).
pub fn report_height_to_host() {
    if !in_frame() {
        return;
    }
    let w = window();
    let (Some(root), Ok(Some(parent))) = (w.document().and_then(|d| d.document_element()), w.parent()) else {
        return;
    };
    let last = std::cell::Cell::new(0);
    let measured = root.clone();
    let on_resize = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        // The root element's box is the content's height (not the frame's), margins included.
        let h = measured.get_bounding_client_rect().height().ceil() as i32;
        if h > 0 && h != last.replace(h) {
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"camau:height".into());
            let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(h));
            let _ = parent.post_message(&msg, "*");
        }
    });
    if let Ok(ro) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        ro.observe(&root);
        std::mem::forget(ro);
    }
    on_resize.forget();
}

/// An element of the page by id, as an HtmlElement.
pub fn element(id: &str) -> Option<web_sys::HtmlElement> {
    window().document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// Sets (or with `None` removes) an attribute of the element with this id.
pub fn set_attribute(id: &str, name: &str, value: Option<&str>) {
    if let Some(el) = element(id) {
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// Moves focus to the element with this id now (an error summary's link to its field).
pub fn focus_id(id: &str) {
    if let Some(el) = element(id) {
        let _ = el.focus();
    }
}

/// Sets the text of the element with this id (a status line beside a button).
pub fn set_text(id: &str, text: &str) {
    if let Some(el) = element(id) {
        el.set_text_content(Some(text));
    }
}

pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Calls `f` with the `#/…` address of each plain click on a link to a page of the app (not
/// one with a modifier key, or one a handler has dealt with already); the link is not
/// followed if `f` returns true. The app then draws the page in the click's own task, a frame
/// sooner than the `hashchange` that follows.
pub fn on_route_link(f: impl Fn(&str) -> bool + 'static) {
    let f = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let e: &JsValue = ev.as_ref();
        let plain = get(e, "button").and_then(|b| b.as_f64()) == Some(0.0)
            && ["ctrlKey", "metaKey", "shiftKey", "altKey"].iter().all(|k| get(e, k).and_then(|v| v.as_bool()) != Some(true));
        if !plain || ev.default_prevented() {
            return;
        }
        let Some(a) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("a[href^='#/']:not([target])").ok().flatten()) else { return };
        if a.get_attribute("href").is_some_and(|h| f(&h)) {
            ev.prevent_default();
        }
    });
    if let Some(d) = window().document() {
        let _ = d.add_event_listener_with_callback("click", f.as_ref().unchecked_ref());
    }
    f.forget();
}

/// Calls `f` whenever the address's `#…` part changes.
pub fn on_hash_change(f: impl Fn() + 'static) {
    let f = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    window().set_onhashchange(Some(f.as_ref().unchecked_ref()));
    f.forget();
}

/// Calls `f` when the parent comes back to the tab, and once a minute while it is open.
pub fn on_return(f: impl Fn() + 'static) {
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    if let Some(d) = window().document() {
        let _ = d.add_event_listener_with_callback("visibilitychange", cb.as_ref().unchecked_ref());
    }
    let _ = window().add_event_listener_with_callback("focus", cb.as_ref().unchecked_ref());
    let _ = window().set_interval_with_callback_and_timeout_and_arguments_0(cb.as_ref().unchecked_ref(), 60_000);
    cb.forget();
}

/// The mark (`data-body`, see `render::outcome_split`) of the outcome page's box not yet
/// filled whose summary a click landed in, if it did.
pub fn empty_box(ev: &web_sys::Event) -> Option<String> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest("summary").ok()??.parent_element()?.get_attribute("data-body")
}

/// Puts `html` into the page's box with this mark, after its summary (see `empty_box`); the
/// box is then no longer marked. Nothing if the page has no such box (the parent left it).
pub fn fill_box(mark: &str, html: &str) {
    let sel = ["#main details[data-body=\"", mark, "\"]"].concat();
    if let Some(el) = window().document().and_then(|d| d.query_selector(&sel).ok().flatten()) {
        let _ = el.insert_adjacent_html("beforeend", html);
        let _ = el.remove_attribute("data-body");
    }
}

/// Calls `f` in a task of its own once the next frame has been painted, when the browser has
/// nothing more pressing to do (the parent's taps and keys come first; see `when_idle`).
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || when_idle(f));
}

/// Calls `f` when the browser is idle, within half a second (a busy or hidden page may have
/// no idle time), or in the next task where it cannot say (`requestIdleCallback` is missing
/// in some browsers).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let within = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&within, &JsValue::from_str("timeout"), &JsValue::from_f64(500.0));
    if call(&window(), "requestIdleCallback", &[f.clone(), within.into()]).is_none() {
        let _ = window().set_timeout_with_callback(f.unchecked_ref());
    }
}

/// The `data-action` element a click landed in (the outcome page's buttons), if any.
pub fn action_target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest("[data-action]").ok()?
}

/// Marks the static start page as holding saved answers: its "Start now" button is then
/// hidden, and the app offers "Continue where you left off" and "Start again" only.
pub fn mark_start_saved(saved: bool) {
    if let Some(el) = element("start") {
        if saved {
            let _ = el.set_attribute("data-saved", "");
        } else {
            let _ = el.remove_attribute("data-saved");
        }
    }
}

/// Shows the crash box (static HTML in index.html) in place of the app: `not_kept` replaces
/// its "your answers are saved" line when they are not; `answers` is the plain-text copy.
pub fn show_crash(not_kept: Option<&str>, answers: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    for id in ["app", "start"] {
        if let Some(el) = doc.get_element_by_id(id) {
            let _ = el.set_attribute("hidden", "");
        }
    }
    if let (Some(msg), Some(p)) = (not_kept, doc.get_element_by_id("crash-saved")) {
        p.set_text_content(Some(msg));
    }
    if let Some(text) = doc.get_element_by_id("crash-answers") {
        text.set_text_content(Some(answers));
    }
    if let Some(crash) = doc.get_element_by_id("crash") {
        let _ = crash.remove_attribute("hidden");
    }
}

fn input(id: &str) -> Option<web_sys::HtmlInputElement> {
    window().document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// Whether the page has an element with this id.
pub fn exists(id: &str) -> bool {
    window().document().and_then(|d| d.get_element_by_id(id)).is_some()
}

/// What is typed in the input with this id ("" when there is none).
pub fn input_value(id: &str) -> String {
    input(id).map(|i| i.value()).unwrap_or_default()
}

/// Whether the checkbox or radio with this id is ticked.
pub fn is_checked(id: &str) -> bool {
    input(id).is_some_and(|i| i.checked())
}

pub fn set_checked(id: &str, on: bool) {
    if let Some(i) = input(id) {
        i.set_checked(on);
    }
}

/// The input an event came from: its id, and whether it is ticked.
pub fn input_target(ev: &web_sys::Event) -> Option<(String, bool)> {
    let i: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    Some((i.id(), i.checked()))
}

/// The value of `name` on the nearest element at or around an event's target that has it.
pub fn closest_attribute(ev: &web_sys::Event, name: &str) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(&["[", name, "]"].concat()).ok()??;
    el.get_attribute(name)
}

/// Replaces what the element with this id holds with HTML built by `render`.
pub fn set_inner_html(id: &str, html: &str) {
    if let Some(el) = element(id) {
        el.set_inner_html(html);
    }
}

/// The value chosen in the select with this id ("" when there is none).
pub fn select_value(id: &str) -> String {
    window().document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}

/// The text of the file the parent chose in a file input (the event's target), read in the
/// browser; `done(None)` when it cannot be read. Nothing happens when none was chosen. The
/// input is emptied, so the same file can be chosen again.
pub fn read_chosen_file(ev: &web_sys::Event, done: impl FnOnce(Option<String>) + 'static) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let file = get(input.as_ref(), "files").and_then(|f| call(&f, "item", &[JsValue::from_f64(0.0)]));
    input.set_value("");
    let Some(file) = file else { return };
    // A saved answers file is a few kilobytes: anything over 1 MB is not one.
    if get(&file, "size").and_then(|s| s.as_f64()).is_none_or(|s| s > 1_048_576.0) {
        return done(None);
    }
    settle_value(call(&file, "text", &[]), move |v| done(v.and_then(|v| v.as_string())));
}

/// Asks a yes-or-no question in the browser's own dialog (keyboard and screen reader ready).
pub fn confirm(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}

/// The page's language, as `<html lang>` says: set before paint by index.html's first script
/// (the parent's remembered choice, else the host's, else the browser's languages), and by
/// page.js when the parent follows the language link.
pub fn page_lang() -> crate::engine::graph::Lang {
    let lang = window().document().and_then(|d| d.document_element()).and_then(|e| e.get_attribute("lang")).unwrap_or_default();
    if lang.starts_with("cy") {
        crate::engine::graph::Lang::Cy
    } else {
        crate::engine::graph::Lang::En
    }
}

/// Marks the page's language (`<html lang>`: screen readers, and the static parts shown).
pub fn set_page_lang(l: crate::engine::graph::Lang) {
    if let Some(e) = window().document().and_then(|d| d.document_element()) {
        let _ = e.set_attribute("lang", if l == crate::engine::graph::Lang::Cy { "cy" } else { "en-GB" });
    }
}

/// Calls `f` when the parent follows the language link (page.js sends `camau:lang`, after
/// remembering the choice; `<html lang>` then names the language asked for).
pub fn on_lang(f: impl Fn() + 'static) {
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    let _ = window().add_event_listener_with_callback("camau:lang", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// The language the letters are written in, if the parent chose one (kept beside the answers,
/// deleted with them).
pub fn load_letters_lang() -> Option<crate::engine::graph::Lang> {
    storage()?.get_item(LETTERS_LANG_KEY).ok().flatten().and_then(|s| crate::engine::graph::Lang::from_id(&s))
}

pub fn save_letters_lang(l: crate::engine::graph::Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LETTERS_LANG_KEY, l.id());
    }
}

const LETTERS_LANG_KEY: &str = "camau-letters-lang";

/// The fields of the page's form as the parent left them (id, value, ticked), to put back when
/// the same page is drawn again in the other language.
pub fn form_state() -> Vec<(String, String, bool)> {
    let Some(list) = window().document().and_then(|d| d.query_selector_all("#app main input[id], #app main select[id]").ok()) else { return vec![] };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| {
            let id = n.dyn_ref::<web_sys::Element>()?.id();
            if let Some(i) = n.dyn_ref::<web_sys::HtmlInputElement>() {
                return Some((id, i.value(), i.checked()));
            }
            n.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| (id, s.value(), false))
        })
        .collect()
}

pub fn set_form_state(state: &[(String, String, bool)]) {
    for (id, value, checked) in state {
        if let Some(i) = input(id) {
            if i.type_() == "radio" || i.type_() == "checkbox" {
                i.set_checked(*checked);
            } else {
                i.set_value(value);
            }
        } else if let Some(s) = window().document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
            s.set_value(value);
        }
    }
}
