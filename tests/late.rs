//! The words travel in four files, two per language (`words-<lang>-start-<hash>.txt`, fetched
//! beside the wasm, and `words-<lang>-more-<hash>.txt`, once the first page is up), so the wasm
//! carries the graph, not the words; the printable guide is made from the same content at
//! build time. These tests hold both to the compiled graph.

use camau::compiler::{compile, guide::guide_html, read_dir};
use camau::content::{en, text, ui, GRAPH, KEYS, TABLES, WORDS};
use camau::engine::graph::{Lang, LateError, Table, Txt, WordsFile};
use camau_graph::late::{fnv64, BIT as LATE_BIT, SEP as LATE_SEP};
use std::path::Path;

fn file(f: &WordsFile) -> Vec<u8> {
    let p = Path::new(env!("OUT_DIR")).join(f.name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("build.rs did not write {}: {e}", p.display()))
}

#[test]
fn each_words_file_holds_exactly_its_table_and_is_named_by_its_hash() {
    for lang in Lang::ALL {
        for (part, f) in WORDS[lang as usize].iter().enumerate() {
            let bytes = file(f);
            assert_eq!(fnv64(&bytes), f.hash);
            assert_eq!(f.name, camau_graph::late::file_name(lang, part == 0, f.hash));
            let text = String::from_utf8(bytes).expect("UTF-8");
            let words: Vec<&str> = text.split(LATE_SEP).collect();
            assert_eq!(words, TABLES[lang as usize][part], "{}: the file and the native table differ", f.name);
            assert_eq!(words.len(), f.count);
        }
        // Every string has a place in each language's tables, the same place in both.
        assert_eq!(WORDS[lang as usize][0].count + WORDS[lang as usize][1].count, KEYS.len());
    }
    assert_ne!(WORDS[0][1].hash, WORDS[1][1].hash, "the Welsh later words are not the English ones");
}

#[test]
fn a_words_file_is_taken_only_as_this_build_wrote_it() {
    let f = &WORDS[Lang::Cy as usize][1];
    let good = file(f);
    // Another release's file, a host's "not found" page, a truncated download: refused.
    let mut other = good.clone();
    other[10] ^= 1;
    let refused = |b: Vec<u8>, f: &WordsFile| Table::accept(b, f).err();
    assert_eq!(refused(other, f), Some(LateError::Mismatch));
    assert_eq!(refused(b"<!doctype html><title>404</title>".to_vec(), f), Some(LateError::Mismatch));
    assert_eq!(refused(good[..good.len() / 2].to_vec(), f), Some(LateError::Mismatch));
    // The right bytes with a wrong count, or another file's expectations, are refused too.
    assert_eq!(refused(good.clone(), &WordsFile { count: f.count + 1, ..*f }), Some(LateError::Mismatch));
    assert_eq!(refused(good.clone(), &WORDS[Lang::En as usize][1]), Some(LateError::Mismatch));
    let words = Table::accept(good, f).expect("this build's file is taken");
    for (i, w) in TABLES[Lang::Cy as usize][1].iter().enumerate() {
        assert_eq!(words.get(i), Some(*w), "later word {i}");
    }
    assert_eq!(&words, &text(Lang::Cy).later);
}

#[test]
fn words_are_read_through_the_language_they_came_with() {
    // The engine keeps no words of its own: a later id reads "" until the later words are
    // here, and each language reads its own.
    let f = &GRAPH.findings[0];
    let start_only = camau::engine::graph::Text { lang: Lang::En, start: en().start.clone(), later: Table::default() };
    assert_eq!(GRAPH.text(f.title, &start_only), "");
    assert!(!GRAPH.text(f.title, en()).is_empty());
    let q = &GRAPH.questions[GRAPH.start as usize];
    assert_eq!(GRAPH.text(q.title, &start_only), GRAPH.text(q.title, en()));
    assert_ne!(GRAPH.text(q.title, text(Lang::Cy)), GRAPH.text(q.title, en()), "the first question in Welsh");
    assert_eq!(GRAPH.text(ui::BACK, text(Lang::Cy)), "Yn ôl");
    // Multi-byte words split at the separator only.
    let w = Table::from_table(&["Siân ŵ", "", "ŷ €"]);
    assert_eq!((w.get(0), w.get(1), w.get(2), w.len()), (Some("Siân ŵ"), Some(""), Some("ŷ €"), 3));
}

#[test]
fn the_first_question_needs_no_late_word_and_the_other_pages_words_are_all_en() {
    let early = |t: Txt| t.key() & LATE_BIT == 0;
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
    // Every key is listed once for translators: the start table, then the later one.
    let starts = WORDS[0][0].count;
    let first = format!("question.{}.", GRAPH.questions[GRAPH.start as usize].id);
    assert!(KEYS[..starts].iter().all(|k| !camau_graph::late::is_late(k) || k.starts_with(&first)));
    assert!(KEYS[starts..].iter().all(|k| camau_graph::late::is_late(k)));
    // The guide's own words stay out of the wasm.
    assert!(!KEYS.iter().any(|k| k.starts_with("ui.guide_")));
}

fn guide() -> String {
    let files = read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).expect("content");
    guide_html(&compile(&files).expect("content compiles"), camau_graph::Lang::En)
}

#[test]
fn the_printable_guide_has_every_finding_letter_and_basis_with_blanks_and_no_script() {
    let html = guide();
    // (The words before any placeholder: the guide shows a blank in its place.)
    let esc = |s: &str| camau_graph::esc(s.split('{').next().unwrap_or(""));
    for f in GRAPH.findings {
        assert!(html.contains(&esc(GRAPH.text(f.title, en()))), "guide lacks finding {}", f.id);
        for &c in f.basis {
            assert!(html.contains(&esc(GRAPH.text(GRAPH.citations[c as usize].full, en()))), "guide lacks the basis of {}", f.id);
        }
    }
    for l in GRAPH.letters {
        assert!(html.contains(&esc(GRAPH.text(l.title, en()))), "guide lacks letter {}", l.id);
    }
    for d in GRAPH.deadlines {
        assert!(html.contains(&esc(GRAPH.text(d.label, en()))), "guide lacks deadline {}", d.id);
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
    let starts = WORDS[0][0].count;
    let txt = |i: usize| if i < starts { Txt::new(i as u16) } else { Txt::new(LATE_BIT | (i - starts) as u16) };
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
