//! The outcome page's words travel in `words-<hash>.txt` (fetched by the browser once the
//! first page is up, so the first load is smaller), and the printable guide is made from the
//! same content at build time. These tests hold both to the compiled graph.

use camau::compiler::{compile, guide::guide_html, read_dir};
use camau::content::{late, ui, GRAPH, KEYS, LATE, LATE_COUNT, LATE_FILE, LATE_HASH, STRINGS};
use camau::engine::graph::{Late, LateError, Txt};
use camau_graph::late::{fnv64, BIT as LATE_BIT, SEP as LATE_SEP};
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
    assert_eq!(LATE_FILE, camau_graph::late::file_name(LATE_HASH));
    let text = String::from_utf8(bytes).expect("UTF-8");
    let words: Vec<&str> = text.split(LATE_SEP).collect();
    assert_eq!(words, LATE, "the file and the native table differ");
    assert_eq!(words.len(), LATE_COUNT);
}

#[test]
fn accept_late_takes_only_the_file_this_build_expects() {
    let good = late_file();
    // Another release's file, a host's "not found" page, a truncated download: refused.
    let mut other = good.clone();
    other[10] ^= 1;
    let refused = |b: Vec<u8>, n: usize| Late::accept(b, LATE_HASH, n).err();
    assert_eq!(refused(other, LATE_COUNT), Some(LateError::Mismatch));
    assert_eq!(refused(b"<!doctype html><title>404</title>".to_vec(), LATE_COUNT), Some(LateError::Mismatch));
    assert_eq!(refused(good[..good.len() / 2].to_vec(), LATE_COUNT), Some(LateError::Mismatch));
    // The right bytes with a wrong count are refused too.
    assert_eq!(refused(good.clone(), LATE_COUNT + 1), Some(LateError::Mismatch));
    let words = Late::accept(good, LATE_HASH, LATE_COUNT).expect("this build's file is taken");
    // Taken as the same words as the compiled-in table, in the same order.
    assert_eq!(words.len(), LATE.len());
    for (i, w) in LATE.iter().enumerate() {
        assert_eq!(words.get(i), Some(*w), "late word {i}");
    }
    assert_eq!(words.get(LATE.len()), None);
    assert_eq!(&words, late());
}

#[test]
fn late_words_are_read_through_the_table_they_came_with() {
    // The engine keeps no words of its own: a late id reads "" without the words, and its
    // text with them; an early id reads the same either way.
    let f = &GRAPH.findings[0];
    assert_eq!(GRAPH.early(f.title), "");
    assert!(!GRAPH.text(f.title, late()).is_empty());
    assert_eq!(GRAPH.text(f.title, &Late::default()), "");
    let q = &GRAPH.questions[0];
    assert_eq!(GRAPH.text(q.title, &Late::default()), GRAPH.early(q.title));
    // Multi-byte words split at the separator only.
    let w = Late::from_table(&["Siân ŵ", "", "ŷ €"]);
    assert_eq!((w.get(0), w.get(1), w.get(2), w.len()), (Some("Siân ŵ"), Some(""), Some("ŷ €"), 3));
}

#[test]
fn the_first_question_needs_no_late_word_and_the_other_pages_words_are_all_late() {
    let early = |t: Txt| t.0 & LATE_BIT == 0;
    // The first question shows the moment "Start now" is tapped; the words file is fetched
    // while it is answered, and carries every other question's words.
    for (i, q) in GRAPH.questions.iter().enumerate() {
        let first = i == GRAPH.start as usize;
        let all = [Some(q.title), q.hint, q.unsure].into_iter().flatten().chain(q.options.iter().flat_map(|o| [Some(o.label), o.hint]).flatten());
        for t in all {
            assert_eq!(early(t), first, "question {}: its words are {} but it is {}the first question", q.id, if early(t) { "in the wasm" } else { "late" }, if first { "" } else { "not " });
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
    assert!(late_keys.iter().all(|k| camau_graph::late::is_late(k)));
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
    let esc = |s: &str| camau_graph::esc(s.split('{').next().unwrap_or(""));
    for f in GRAPH.findings {
        assert!(html.contains(&esc(GRAPH.text(f.title, late()))), "guide lacks finding {}", f.id);
        for &c in f.basis {
            assert!(html.contains(&esc(GRAPH.text(GRAPH.citations[c as usize].full, late()))), "guide lacks the basis of {}", f.id);
        }
    }
    for l in GRAPH.letters {
        assert!(html.contains(&esc(GRAPH.text(l.title, late()))), "guide lacks letter {}", l.id);
    }
    for d in GRAPH.deadlines {
        assert!(html.contains(&esc(GRAPH.text(d.label, late()))), "guide lacks deadline {}", d.id);
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

/// Each voice of a text is the string the app shows for that reader: `KEY~you` for the young
/// person, `KEY~helper` for someone helping, and the text itself for everyone else and for every
/// text without that voice.
#[test]
fn each_voice_reads_its_own_string() {
    use camau::engine::graph::Voice;
    let txt = |i: usize| if i < STRINGS.len() { Txt(i as u16) } else { Txt(LATE_BIT | (i - STRINGS.len()) as u16) };
    let index = |k: &str| KEYS.iter().position(|x| *x == k);
    let mut seen = [0, 0];
    for (i, k) in KEYS.iter().enumerate() {
        for (n, (suffix, voice)) in [("~you", Voice::You), ("~helper", Voice::Helper)].into_iter().enumerate() {
            if let Some(base) = k.strip_suffix(suffix) {
                let b = index(base).unwrap_or_else(|| panic!("{k} has no text {base}"));
                assert_eq!(GRAPH.voiced(txt(b), voice), txt(i), "{base} in the voice {suffix}");
                seen[n] += 1;
            } else if !k.contains('~') {
                let other = format!("{k}{suffix}");
                if index(&other).is_none() {
                    assert_eq!(GRAPH.voiced(txt(i), voice), txt(i), "{k} has no {suffix} voice: it reads as written");
                }
            }
        }
        if !k.contains('~') {
            assert_eq!(GRAPH.voiced(txt(i), Voice::Parent), txt(i));
        }
    }
    assert!(seen[0] > 100 && seen[1] > 0, "voices found: {seen:?}");
}
