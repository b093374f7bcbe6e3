//! Inside another site's frame, tells the host page how tall Camau's content is, so that the
//! optional `embed.js` on the host page can size the frame (no scrollbar inside it).
//!
//! Message (posted to the parent window, any origin: it carries nothing but a number):
//! `{ type: "camau:height", height: <whole CSS pixels> }`, sent once at start and then only
//! when the height changes (a ResizeObserver on the document).

use super::browser;
use std::cell::Cell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

pub fn start() {
    if !browser::in_frame() {
        return;
    }
    let w = browser::window();
    let (Some(root), Ok(Some(parent))) = (w.document().and_then(|d| d.document_element()), w.parent()) else {
        return;
    };
    let last = Cell::new(0);
    let measured = root.clone();
    let on_resize = Closure::<dyn Fn()>::new(move || {
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
