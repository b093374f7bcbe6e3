//! Where the parent is, kept in the address (`#/q/setting`), so back, forward and reload
//! work. Every route string is written here, by [`Route::hash`], and read here, by
//! [`Route::parse`]: the pages and `index.html` link to what `hash` writes (`tests/render.rs`
//! checks the static start page's links).

use crate::content::GRAPH;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    /// "Start now": the first question still to answer (the first question when nothing is
    /// saved). The static start page links here, so it need not know the content.
    Begin,
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
        let change = |p: Option<&str>| match p {
            None => Some(false),
            Some("change") => Some(true),
            Some(_) => None,
        };
        let r = match (parts.next().unwrap_or(""), parts.next(), parts.next()) {
            ("", None, _) => Route::Start,
            ("start", None, _) => Route::Begin,
            ("q", Some(id), c) => Route::Question { q: GRAPH.question_by_id(id)?, change: change(c)? },
            ("about", c, None) => Route::About { change: change(c)? },
            ("check", None, _) => Route::Check,
            ("result", None, _) => Route::Result,
            ("privacy", None, _) => Route::Privacy,
            _ => return None,
        };
        parts.next().is_none().then_some(r)
    }

    pub fn hash(&self) -> String {
        let (page, id, change) = match self {
            Route::Start => ("#/", "", false),
            Route::Begin => ("#/start", "", false),
            Route::Question { q, change } => ("#/q/", GRAPH.questions.get(*q as usize).map(|q| q.id).unwrap_or(""), *change),
            Route::About { change } => ("#/about", "", *change),
            Route::Check => ("#/check", "", false),
            Route::Result => ("#/result", "", false),
            Route::Privacy => ("#/privacy", "", false),
        };
        let mut h = String::from(page);
        h.push_str(id);
        if change {
            h.push_str("/change");
        }
        h
    }
}
