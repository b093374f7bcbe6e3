//! The outcome page's words travel in `words-<hash>.txt` (fetched by the browser once the
//! first page is up, so the first load is smaller), and the printable guide is made from the
//! same content at build time. These tests hold both to the compiled graph.

use camau::compiler::{codegen, compile, guide::guide_html, read_dir};
use camau::content::{ui, GRAPH, KEYS, LATE, LATE_COUNT, LATE_FILE, LATE_HASH, STRINGS};
use camau::engine::graph::{accept_late, fnv64, late_ready, LateError, Txt, LATE_BIT, LATE_SEP};
use std::path::Path;

fn late_file() -> Vec<u8> {
    let p = Path::new(env!("OUT_DIR")).join(LATE_FILE);
    std::fs::read(&p).unwrap_or_else(|e| panic!("build.rs did not write {}: {e}", p.display()))
}

#[test]
fn the_words_file_holds_exactly_the_late_strings_and_is_named_by_its_hash() {
    let bytes = late_file();
    assert_eq!(fnv64(&bytes), LATE_HASH);
    assert_eq!(LATE_FILE, format!("words-{LATE_HASH:016x}.txt"));
    let text = String::from_utf8(bytes).expect("UTF-8");
    let words: Vec<&str> = text.split(LATE_SEP).collect();
    assert_eq!(words, LATE, "the file and the native table differ");
    assert_eq!(words.len(), LATE_COUNT);
    // The compiler's hash is the engine's.
    assert_eq!(codegen::fnv64("Camau ŵ ŷ".as_bytes()), fnv64("Camau ŵ ŷ".as_bytes()));
    assert_eq!((codegen::LATE_BIT, codegen::LATE_SEP), (LATE_BIT, LATE_SEP));
}

#[test]
fn accept_late_takes_only_the_file_this_build_expects() {
    let good = late_file();
    // Another release's file, a host's "not found" page, a truncated download: refused.
    let mut other = good.clone();
    other[10] ^= 1;
    assert_eq!(accept_late(other, LATE_HASH, LATE_COUNT), Err(LateError::Mismatch));
    assert_eq!(accept_late(b"<!doctype html><title>404</title>".to_vec(), LATE_HASH, LATE_COUNT), Err(LateError::Mismatch));
    assert_eq!(accept_late(good[..good.len() / 2].to_vec(), LATE_HASH, LATE_COUNT), Err(LateError::Mismatch));
    // The right bytes with a wrong count are refused too.
    assert_eq!(accept_late(good.clone(), LATE_HASH, LATE_COUNT + 1), Err(LateError::Mismatch));
    assert_eq!(accept_late(good, LATE_HASH, LATE_COUNT), Ok(()));
    assert!(late_ready(&GRAPH));
}

#[test]
fn the_first_pages_need_no_late_word_and_the_outcome_words_are_all_late() {
    let early = |t: Txt| t.0 & LATE_BIT == 0;
    for q in GRAPH.questions {
        assert!(early(q.title) && q.hint.is_none_or(early) && q.unsure.is_none_or(early), "question {} needs late words", q.id);
        for o in q.options {
            assert!(early(o.label) && o.hint.is_none_or(early), "option {}.{} needs late words", q.id, o.id);
        }
    }
    for p in GRAPH.parts {
        assert!(early(p.name));
    }
    for a in GRAPH.authorities {
        assert!(early(a.name));
    }
    for b in GRAPH.boards {
        assert!(early(b.name));
    }
    assert!(early(ui::RESULT_TITLE) && early(ui::WORDS_LOADING) && early(ui::WORDS_FAILED) && early(ui::TRY_AGAIN));
    for f in GRAPH.findings {
        assert!(!early(f.title) && !early(f.says), "finding {} is in the first load", f.id);
    }
    for l in GRAPH.letters {
        assert!(!early(l.title) && !early(l.body), "letter {} is in the first load", l.id);
    }
    // Every key is listed once for translators: the early table, then the late one.
    assert_eq!(KEYS.len(), STRINGS.len() + LATE.len());
    let late_keys = &KEYS[STRINGS.len()..];
    assert!(late_keys.iter().all(|k| codegen::LATE_PREFIXES.iter().any(|p| k.starts_with(p))));
    // The guide's own words stay out of the wasm.
    assert!(!KEYS.iter().any(|k| k.starts_with("ui.guide_")));
}

fn guide() -> String {
    let files = read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).expect("content");
    guide_html(&compile(&files).expect("content compiles"))
}

#[test]
fn the_printable_guide_has_every_finding_letter_and_basis_with_blanks_and_no_script() {
    let html = guide();
    // (The words before any placeholder: the guide shows a blank in its place.)
    let esc = |s: &str| s.split('{').next().unwrap_or("").replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    for f in GRAPH.findings {
        assert!(html.contains(&esc(GRAPH.text(f.title))), "guide lacks finding {}", f.id);
        for &c in f.basis {
            assert!(html.contains(&esc(GRAPH.text(GRAPH.citations[c as usize].full))), "guide lacks the basis of {}", f.id);
        }
    }
    for l in GRAPH.letters {
        assert!(html.contains(&esc(GRAPH.text(l.title))), "guide lacks letter {}", l.id);
    }
    for d in GRAPH.deadlines {
        assert!(html.contains(&esc(GRAPH.text(d.label))), "guide lacks deadline {}", d.id);
    }
    // Placeholders are blanks, as in a letter with nothing filled in.
    let body = &html[html.find("</head>").expect("a head")..];
    let at = body.find('{').map(|i| &body[i..(i + 40).min(body.len())]);
    assert_eq!(at, None, "an unfilled placeholder in the guide");
    assert!(html.contains("[your child&#39;s name]") || html.contains("[your child's name]"));
    // A page for browsers that run no script: it has none, and its policy forbids any.
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains("not legal advice"));
}
