//! Welsh (issue 14): the official Welsh forms of legal and service names, each with the public
//! Welsh-language source it was checked against (`content/cy/terms.toml`). Never invented: an
//! entry without a source, or whose Welsh is not in the words quoted from it, fails.

use std::collections::BTreeSet;

fn terms() -> Vec<toml::Value> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/cy/terms.toml")).expect("content/cy/terms.toml");
    let v: toml::Value = toml::from_str(&text).expect("content/cy/terms.toml is TOML");
    v.get("term").and_then(|t| t.as_array()).cloned().expect("[[term]] entries")
}

/// Case, curly apostrophes and runs of spaces do not matter when comparing with a quote.
fn norm(s: &str) -> String {
    s.to_lowercase().replace('’', "'").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_welsh_term_has_a_public_source_and_is_in_its_quote() {
    let all = terms();
    assert!(all.len() >= 20, "only {} terms", all.len());
    let mut problems = vec![];
    let mut seen_en = BTreeSet::new();
    for t in &all {
        let s = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").trim().to_string();
        let (en, cy, source, quote) = (s("en"), s("cy"), s("source"), s("quote"));
        if en.is_empty() || cy.is_empty() {
            problems.push(format!("{en:?}: needs en and cy"));
            continue;
        }
        if !seen_en.insert(en.clone()) {
            problems.push(format!("{en}: listed twice"));
        }
        if !source.starts_with("https://") && !source.starts_with("http://") {
            problems.push(format!("{en}: no public source (an address)"));
        }
        if s("checked").len() != 10 {
            problems.push(format!("{en}: no date checked (YYYY-MM-DD)"));
        }
        let q = norm(&quote);
        let forms: Vec<String> = t.get("seen").and_then(|v| v.as_array()).map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default();
        // Each form as the source shows it (mutated or plural) is in the quote; without such
        // forms, each part of the Welsh ("A / B") is, whole or without its bracketed abbreviation.
        if !forms.is_empty() {
            for f in &forms {
                if !q.contains(&norm(f)) {
                    problems.push(format!("{en}: {f:?} is not in its quote"));
                }
            }
            if s("note").is_empty() {
                problems.push(format!("{en}: a mutated or plural form needs a note giving the base form"));
            }
        } else {
            for part in cy.split(" / ") {
                let bare = match part.find(" (") {
                    Some(i) => &part[..i],
                    None => part,
                };
                if !q.contains(&norm(part)) && !q.contains(&norm(bare)) {
                    problems.push(format!("{en}: {part:?} is not in its quote"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "content/cy/terms.toml:\n{}", problems.join("\n"));
}

// ---------------------------------------------------------------- every text in Welsh

use camau::compiler::model::DiagKind;
use camau::compiler::{codegen, compile, guide, read_dir, welsh};
use camau::content::{text, KEYS};
use camau::engine::graph::Lang;

fn content() -> Vec<(String, String)> {
    read_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).expect("content")
}

/// The content with one Welsh file's text changed (`from` → `to`, once): its diagnostics.
fn with_welsh(file: &str, from: &str, to: &str) -> Vec<camau::compiler::model::Diagnostic> {
    let mut files = content();
    let f = files.iter_mut().find(|(n, _)| n == &format!("content/cy/{file}")).expect("a Welsh file");
    assert!(f.1.contains(from), "content/cy/{file} has no {from:?}");
    f.1 = f.1.replacen(from, to, 1);
    compile(&files).err().unwrap_or_default()
}

#[test]
fn every_text_has_its_welsh_and_each_language_its_own_table() {
    let m = compile(&content()).expect("content compiles");
    assert!(!m.cy.is_empty(), "content/cy/ has the Welsh");
    let texts = codegen::texts(&m);
    let missing: Vec<&str> = texts.iter().filter(|t| welsh::needs_welsh(&t.key) && !m.cy.contains_key(&t.key)).map(|t| t.key.as_str()).collect();
    assert!(missing.is_empty(), "texts without Welsh: {missing:?}");
    // The translators' status: every entry says where it has got to.
    let drafted = m.cy.values().filter(|c| c.status == welsh::Status::Drafted).count();
    println!("{} Welsh texts: {drafted} drafted, {} checked by a Welsh-speaking adviser", m.cy.len(), m.cy.len() - drafted);
    // Each language's tables hold every key, and the Welsh reads differently from the English
    // for nearly all of them (names, addresses and the language's own name are the same).
    let (en, cy) = (text(Lang::En), text(Lang::Cy));
    let n = en.start.len() + en.later.len();
    assert_eq!(n, KEYS.len());
    assert_eq!(cy.start.len() + cy.later.len(), n);
    let same = (0..en.start.len()).filter(|&i| en.start.get(i) == cy.start.get(i)).count() + (0..en.later.len()).filter(|&i| en.later.get(i) == cy.later.get(i)).count();
    assert!(same * 10 < n, "{same} of {n} Welsh strings read as the English");
}

#[test]
fn the_welsh_model_is_the_welsh_of_each_key_and_the_welsh_guide_is_made_from_it() {
    let m = compile(&content()).expect("content compiles");
    let cy = welsh::translated(&m);
    // The same keys as codegen's: every text of the Welsh model is its key's Welsh.
    let (en_texts, cy_texts) = (codegen::texts(&m), codegen::texts(&cy));
    assert_eq!(en_texts.len(), cy_texts.len());
    for (e, c) in en_texts.iter().zip(&cy_texts) {
        assert_eq!(e.key, c.key);
        if let Some(w) = m.cy.get(&e.key) {
            assert_eq!(c.en, w.text, "{}: the Welsh model has another text", e.key);
        }
    }
    let html = guide::guide_html(&cy, Lang::Cy);
    assert!(html.starts_with("<!doctype html>\n<html lang=\"cy\">"));
    let body = &html[html.find("</head>").unwrap()..];
    assert!(!body.contains('{'), "an unfilled placeholder in the Welsh guide");
    for f in &cy.findings {
        assert!(html.contains(&camau_graph::esc(f.title.split('{').next().unwrap())), "the Welsh guide lacks {}", f.id);
    }
    assert!(html.contains("href=\"guide.html\" lang=\"en\""), "a link to the English guide");
    assert!(!html.contains("Applies when") && !html.contains("Legal basis"), "English left in the Welsh guide");
    assert!(guide::guide_html(&m, Lang::En).contains("href=\"guide-cy.html\" lang=\"cy\""));
}

#[test]
fn the_build_refuses_welsh_that_is_missing_stale_for_no_text_or_with_other_placeholders() {
    // Missing: the English text's own file and line.
    let d = with_welsh("ui.toml", "[\"ui.back\"]\n", "[\"ui.back_gone\"]\n");
    let missing = d.iter().find(|d| d.kind == DiagKind::Welsh && d.message.starts_with("ui.back has no Welsh")).expect("missing Welsh reported");
    assert_eq!(missing.loc.file, "content/ui.toml");
    assert!(missing.loc.line > 1);
    // ...and Welsh for a key no text has, at its own line.
    assert!(d.iter().any(|d| d.kind == DiagKind::Welsh && d.loc.file == "content/cy/ui.toml" && d.message.contains("ui.back_gone: no text has this key")));
    // Stale: the English it was written from is not today's.
    let d = with_welsh("ui.toml", "en = \"Back\"", "en = \"Go back\"");
    assert!(d.iter().any(|d| d.kind == DiagKind::Welsh && d.message.contains("ui.back: the English has changed")), "{d:?}");
    // A placeholder lost in one voice.
    let d = with_welsh("letters_plan.toml", "cy = \"Cais i'r cyngor ({la})", "cy = \"Cais i'r cyngor ({rhiant})");
    assert!(d.iter().any(|d| d.kind == DiagKind::Welsh && d.loc.file == "content/cy/letters_plan.toml" && d.message.contains("placeholders")), "{d:?}");
    // A status that is neither.
    let d = with_welsh("ui.toml", "status = \"drafted\"", "status = \"done\"");
    assert!(d.iter().any(|d| d.kind == DiagKind::BadValue && d.message.contains("must be \"drafted\" or \"checked\"")));
}

#[test]
fn welsh_counts_with_the_singular_and_mutates_after_two() {
    use camau::render::{span, Case};
    let answers = camau::engine::Answers::default();
    let details = camau::engine::Details::default();
    let today = camau::engine::date::Date::new(2026, 12, 1).unwrap();
    let cy = Case::new(&answers, &details, today, text(Lang::Cy));
    let en = Case::new(&answers, &details, today, text(Lang::En));
    assert_eq!(span(&cy, 1), "1 diwrnod");
    assert_eq!(span(&cy, 2), "2 ddiwrnod");
    assert_eq!(span(&cy, 3), "3 diwrnod");
    assert_eq!(span(&cy, 14), "2 wythnos");
    assert_eq!(span(&cy, 15), "2 wythnos ac 1 diwrnod");
    assert_eq!(span(&cy, 16), "2 wythnos a 2 ddiwrnod");
    assert_eq!(span(&cy, 61), "tua 2 fis");
    assert_eq!(span(&en, 2), "2 days");
    assert_eq!(span(&en, 15), "2 weeks and 1 day");
    assert_eq!(span(&en, 61), "about 2 months");
}
