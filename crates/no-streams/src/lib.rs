//! Camau's stand-in for wasm-streams 0.5 (see Cargo.toml). server_fn names
//! `ReadableStream::{from_stream, from_raw, into_raw, into_stream}`, only for streaming server
//! functions, which Camau never has: the app is static files and sends nothing to any server.
//! `from_stream` is unreachable, and a stream read through `into_stream` ends at once. If
//! Camau ever needs streams, remove the patch and this crate.

use core::pin::Pin;
use core::task::{Context, Poll};
use futures_core::Stream;
use wasm_bindgen::JsValue;

/// A JavaScript `ReadableStream`, as wasm-streams' type of the same name.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// A streaming request body: Camau sends no request, so this is never called.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        unreachable!()
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// A streaming response, read as a stream that ends at once.
    pub fn into_stream(self) -> IntoStream {
        IntoStream
    }
}

/// The stream `into_stream` gives: it has no items.
pub struct IntoStream;

impl Stream for IntoStream {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(None)
    }
}
