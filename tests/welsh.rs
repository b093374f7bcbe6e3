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
