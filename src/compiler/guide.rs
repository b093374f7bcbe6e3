//! The printable guide (`guide.html`): every finding, deadline, letter and term of the content
//! on one static page, for a browser without JavaScript or WebAssembly (issue 7). Written by
//! build.rs next to `content.rs`; `tools/post_build.mjs` puts it in dist. No script at all.
//!
//! Its fixed words are the `guide_*` keys of `content/ui.toml` (not compiled into the wasm).
//! One guide per language: `guide.html` and, from the Welsh of every text, `guide-cy.html`.

use super::model::{MCond, Model, Section, Unit};
use camau_graph::{esc, Lang};

struct G<'a> {
    m: &'a Model,
}

impl G<'_> {
    fn ui(&self, k: &str) -> &str {
        self.m.ui.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    /// Placeholders become the same clear blanks a letter shows when nothing was given; a
    /// phrase chosen by an answer (`{answer:…}`) becomes its `else` phrase.
    fn blanks(&self, text: &str) -> String {
        esc(&self.unescaped_blanks(text))
    }

    fn unescaped_blanks(&self, text: &str) -> String {
        let owned = parent(text);
        let text = owned.as_str();
        let mut out = String::new();
        let mut rest = text;
        while let Some(i) = rest.find('{') {
            let Some(j) = rest[i..].find('}') else { break };
            out.push_str(&rest[..i]);
            let name = &rest[i + 1..i + j];
            match camau_graph::Placeholder::parse(name) {
                Some(camau_graph::Placeholder::Detail(d)) => out.push_str(&parent(self.ui(&format!("blank_{}", d.id())))),
                Some(camau_graph::Placeholder::Told) => out.push_str(&parent(self.ui("blank_told"))),
                Some(camau_graph::Placeholder::Answer(q, phrase)) => {
                    let otherwise = self.m.questions.iter().find(|x| x.id == q).and_then(|x| x.says.iter().find(|(n, _)| n == phrase)).and_then(|(_, ps)| ps.iter().find(|p| p.0.is_none()));
                    out.push_str(&otherwise.map(|p| self.unescaped_blanks(&p.1)).unwrap_or_default());
                }
                _ => out.push_str(&parent(self.ui("blank_date"))),
            }
            rest = &rest[i + j + 1..];
        }
        out.push_str(rest);
        out
    }

    /// A condition in words: "Where is your child educated?: At school".
    fn cond(&self, c: &MCond) -> String {
        let q = |i: usize| format!("“{}”", esc(&parent(&self.m.questions[i].title)));
        let o = |qi: usize, oi: usize| esc(&parent(&self.m.questions[qi].options[oi].label));
        let deadline = |i: usize| self.blanks(&self.m.deadlines[i].label);
        match c {
            MCond::Always => self.ui("guide_always").into(),
            MCond::Eq(qi, oi) | MCond::Has(qi, oi) => format!("{} {}", q(*qi), o(*qi, *oi)),
            MCond::Ne(qi, oi) => format!("{} {} {}", q(*qi), self.ui("guide_not"), o(*qi, *oi)),
            MCond::In(qi, os) => {
                let labels: Vec<String> = os.iter().map(|oi| o(*qi, *oi)).collect();
                format!("{} {}", q(*qi), labels.join(&format!(" {} ", self.ui("or"))))
            }
            MCond::Answered(qi) => format!("{} {}", q(*qi), self.ui("guide_answered")),
            MCond::Known(qi) => format!("{} {}", q(*qi), self.ui("guide_date_given")),
            MCond::Overdue(d) => format!("{} {}", deadline(*d), self.ui("guide_overdue")),
            MCond::Upcoming(d) => format!("{} {}", deadline(*d), self.ui("guide_upcoming")),
            MCond::Not(c) => format!("{} ({})", self.ui("guide_not"), self.cond(c)),
            MCond::And(cs) => cs.iter().map(|c| self.cond(c)).collect::<Vec<_>>().join(&format!("; {} ", self.ui("guide_and"))),
            MCond::Or(cs) => format!("({})", cs.iter().map(|c| self.cond(c)).collect::<Vec<_>>().join(&format!("; {} ", self.ui("or")))),
        }
    }

    fn basis(&self, ids: &[usize]) -> String {
        let names: Vec<String> = ids.iter().map(|&c| esc(&self.m.citations[c].full)).collect();
        format!("<p class=\"basis\"><strong>{}</strong> {}</p>", esc(&parent(self.ui("guide_basis"))), names.join("; "))
    }
}

/// The guide's file name in a language.
pub fn file_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "guide.html",
        Lang::Cy => "guide-cy.html",
    }
}

/// The whole guide as one HTML page, in a language (for Welsh, `m` is the Welsh model:
/// `compiler::welsh::translated`).
pub fn guide_html(m: &Model, lang: Lang) -> String {
    let g = G { m };
    let ui = |k: &str| esc(&parent(g.ui(k)));
    let mut o = String::with_capacity(256 * 1024);
    o.push_str(&format!("<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">", if lang == Lang::Cy { "cy" } else { "en-GB" }));
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    o.push_str("<meta name=\"referrer\" content=\"no-referrer\">");
    o.push_str(&format!("<title>{} – {}</title>", ui("guide_title"), ui("app_name")));
    o.push_str("<style>body{font:1.0625rem/1.5 system-ui,sans-serif;color:#0b0c0c;margin:0 auto;max-width:44rem;padding:1rem}\
h1{font-size:1.75rem;line-height:1.2}h2{margin-top:2.5rem;border-top:4px solid #1d5c4d;padding-top:.5rem}h3{margin-bottom:.25rem}\
.when{color:#484949;margin:0}.basis{font-size:.95rem}section{break-inside:avoid}\
pre{white-space:pre-wrap;font:inherit;border-left:4px solid #b1b4b6;padding-left:1rem}a{color:#1d5c4d}\
@media print{h2{break-before:page}a{color:inherit}}</style></head><body><main>");
    o.push_str(&format!("<h1>{}</h1>", ui("start_title")));
    o.push_str(&format!("<p>{}</p><p><strong>{}</strong></p><p>{}</p>", ui("guide_intro"), ui("outcome_not_advice"), ui("guide_how")));
    // Back to Camau, and the same guide in the other language (named in itself).
    let other = lang.other();
    let name = ui(if other == Lang::Cy { "lang_name_cy" } else { "lang_name_en" });
    o.push_str(&format!("<p><a href=\"./\">{}</a> · <a href=\"{}\" lang=\"{}\" hreflang=\"{}\">{name}</a></p>", ui("guide_back"), file_name(other), other.id(), other.id()));

    // Contents
    // The guide's own order: deadline notes last, after the deadline list's place in the page.
    let sections: [(Section, &str); 6] = [
        (Section::Responsible, "outcome_section_responsible"),
        (Section::Told, "outcome_section_told"),
        (Section::Steps, "outcome_section_steps"),
        (Section::Escalation, "outcome_section_escalation"),
        (Section::Practice, "outcome_section_practice"),
        (Section::Deadlines, "outcome_section_deadline_notes"),
    ];
    o.push_str(&format!("<nav aria-labelledby=\"contents\"><h2 id=\"contents\">{}</h2><ul>", ui("guide_contents")));
    for (sec, key) in sections {
        o.push_str(&format!("<li><a href=\"#{}\">{}</a></li>", sec.id(), ui(key)));
    }
    for (id, key) in [("deadline-list", "outcome_section_deadlines"), ("letters", "outcome_section_letters"), ("terms", "guide_terms")] {
        o.push_str(&format!("<li><a href=\"#{id}\">{}</a></li>", ui(key)));
    }
    o.push_str("</ul></nav>");

    for (sec, key) in sections {
        let id = sec.id();
        let mut fs: Vec<_> = m.findings.iter().filter(|f| f.section == sec).collect();
        fs.sort_by_key(|f| f.rank);
        if fs.is_empty() {
            continue;
        }
        o.push_str(&format!("<h2 id=\"{id}\">{}</h2>", ui(key)));
        for f in fs {
            o.push_str(&format!("<section><h3>{}</h3>", g.blanks(&f.title)));
            o.push_str(&format!("<p class=\"when\">{} {}</p>", ui("guide_when"), g.cond(&f.when)));
            if let Some(told) = &f.told {
                o.push_str(&format!("<p><em>{}</em></p>", g.blanks(told)));
            }
            o.push_str(&format!("<p>{}</p>", g.blanks(&f.says).replace('\n', "<br>")));
            if let Some(who) = &f.who {
                o.push_str(&format!("<p><strong>{}</strong> {}</p>", ui("guide_who"), g.blanks(who)));
            }
            if f.practice {
                o.push_str(&format!("<p><em>{}</em></p>", ui("guide_practice")));
            }
            o.push_str(&g.basis(&f.basis));
            o.push_str("</section>");
        }
    }

    o.push_str(&format!("<h2 id=\"deadline-list\">{}</h2><ul>", ui("outcome_section_deadlines")));
    for d in &m.deadlines {
        let unit = match d.unit {
            Unit::Days => "guide_days",
            Unit::Weeks => "guide_weeks",
            Unit::Months => "guide_months",
            Unit::SchoolDays => "guide_school_days",
            Unit::TermDays => "guide_term_days",
        };
        let names: Vec<String> = d.basis.iter().map(|&c| esc(&m.citations[c].short)).collect();
        o.push_str(&format!(
            "<li><strong>{}</strong>: {} {} {} “{}” ({})</li>",
            g.blanks(&d.label),
            d.amount,
            ui(unit),
            ui("guide_after"),
            esc(&parent(&m.questions[d.from].title)),
            names.join("; ")
        ));
    }
    o.push_str("</ul>");

    o.push_str(&format!("<h2 id=\"letters\">{}</h2><p>{}</p>", ui("outcome_section_letters"), ui("guide_letters")));
    for l in &m.letters {
        o.push_str(&format!("<section><h3>{}</h3>", g.blanks(&l.title)));
        if let Some(to) = &l.to {
            o.push_str(&format!("<p><strong>{}</strong> {}</p>", ui("guide_to"), g.blanks(to)));
        }
        if let Some(subject) = &l.subject {
            o.push_str(&format!("<p><strong>{}</strong> {}</p>", ui("guide_subject"), g.blanks(subject)));
        }
        o.push_str(&format!("<pre>{}</pre>", g.blanks(&camau_graph::gaps(l.body.trim()).0)));
        o.push_str(&g.basis(&l.basis));
        o.push_str("</section>");
    }

    o.push_str(&format!("<h2 id=\"terms\">{}</h2><dl>", ui("guide_terms")));
    for t in &m.terms {
        o.push_str(&format!("<dt><strong>{}</strong></dt><dd>{}</dd>", g.blanks(&t.term), g.blanks(&t.means)));
    }
    o.push_str("</dl></main></body></html>\n");
    o
}

/// The guide is for parents (and anyone helping): the parent's voice of a text.
fn parent(text: &str) -> String {
    super::voices(text).map_or_else(|_| text.to_string(), |[parent, ..]| parent)
}
