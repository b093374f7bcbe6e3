//! The only code that touches browser APIs: storage, the address bar, clipboard,
//! share, downloads. Every call is guarded: a locked-down browser gets a message, not a crash.

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

pub fn delete() -> bool {
    match storage() {
        Some(s) => s.remove_item(KEY).is_ok(),
        None => true,
    }
}

pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Moves to a new page of the app (a new history entry).
pub fn go(hash: &str) {
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
pub fn fetch_bytes(url: &str, done: impl FnOnce(Option<Vec<u8>>) + 'static) {
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

/// Opens every "Why?" box so that the printed page shows the law behind each point.
pub fn open_details() {
    if let Some(list) = window().document().and_then(|d| d.query_selector_all("details").ok()) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.set_attribute("open", "");
            }
        }
    }
}

/// Opens the "Why?" boxes before any print (the button or the browser's own menu).
pub fn on_before_print() {
    let f = wasm_bindgen::closure::Closure::<dyn Fn()>::new(open_details);
    window().set_onbeforeprint(Some(f.as_ref().unchecked_ref()));
    f.forget();
}

pub fn print() {
    open_details();
    let _ = window().print();
}

pub fn set_title(t: &str) {
    if let Some(d) = window().document() {
        d.set_title(t);
    }
}

/// Moves focus to the first element matching `selector`, after the page is painted.
pub fn focus_later(selector: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(el) = window()
            .document()
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // A heading takes focus only with a tabindex (the static start page's h1 has none).
            if !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = el.focus();
        }
    });
}

/// Shows or hides the static start page written in index.html.
/// Also marks `#app` with the address of the page it shows (`data-route`), set in the same
/// task as the render, so scripts and tests can tell the page is the one the address names.
pub fn show_static_start(show: bool, route: &str) {
    let doc = window().document();
    if let Some(app) = doc.as_ref().and_then(|d| d.get_element_by_id("app")) {
        let _ = app.set_attribute("data-route", route);
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
