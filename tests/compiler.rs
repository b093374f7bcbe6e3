//! The content compiler refuses broken content with `file:line` messages.
//! Each test breaks the small valid fixture (tests/fixtures/mini) in one way.

use camau::compiler::{compile, model::Diagnostic};

const MINI: &str = include_str!("fixtures/mini/mini.toml");

fn line_of(text: &str, needle: &str) -> usize {
    let i = text.find(needle).unwrap_or_else(|| panic!("fixture has no {needle:?}"));
    text[..i].matches('\n').count() + 1
}

/// Compiles MINI with `from` replaced by `to`; returns the diagnostics.
fn broken(from: &str, to: &str) -> (String, Vec<Diagnostic>) {
    assert!(MINI.contains(from), "fixture has no {from:?}");
    let text = MINI.replacen(from, to, 1);
    let diags = compile(&[("content/mini.toml".into(), text.clone())]).expect_err("broken content must not compile");
    (text, diags)
}

fn expect(diags: &[Diagnostic], text_has: &str, line: usize) {
    assert!(
        diags.iter().any(|d| d.message.contains(text_has) && d.loc.line == line && d.loc.file == "content/mini.toml"),
        "expected content/mini.toml:{line}: …{text_has}…, got:\n{}",
        diags.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_fixture_itself_compiles() {
    let m = compile(&[("content/mini.toml".into(), MINI.into())]).expect("mini compiles");
    assert_eq!(m.questions.len(), 2);
    assert_eq!(m.findings.len(), 3);
    // Glossary terms are found in the words of the findings that use them.
    let school = m.findings.iter().find(|f| f.id == "school_keeps").unwrap();
    assert_eq!(school.terms, vec![0]);
}

#[test]
fn duplicate_id() {
    let (text, d) = broken("id = \"home\"", "id = \"school_keeps\"");
    expect(&d, "duplicate finding id 'school_keeps'", line_of(&text, "id = \"school_keeps\"\nsection = \"responsible\"\nwhen = \"setting = ehe\""));
    assert!(d[0].message.contains("first defined at content/mini.toml:"));
}

#[test]
fn dangling_next() {
    let (text, d) = broken("next = \"s20_date\"", "next = \"s20_dat\"");
    expect(&d, "next question 's20_dat' does not exist", line_of(&text, "next = \"s20_dat\""));
}

#[test]
fn dangling_condition_reference() {
    let (text, d) = broken("when = \"setting = ehe\"", "when = \"setting = home\"");
    expect(&d, "question 'setting' has no option 'home'", line_of(&text, "when = \"setting = home\""));
    let (text, d) = broken("when = \"setting = ehe\"", "when = \"place = ehe\"");
    expect(&d, "unknown question 'place'", line_of(&text, "when = \"place = ehe\""));
}

#[test]
fn dangling_letter_and_deadline() {
    let (text, d) = broken("letters = [\"ask\"]", "letters = [\"asc\"]");
    expect(&d, "letter 'asc' does not exist", line_of(&text, "\"asc\""));
    let (text, d) = broken("deadline = \"nhs_answer\"", "deadline = \"nhs\"");
    expect(&d, "deadline 'nhs' does not exist", line_of(&text, "deadline = \"nhs\""));
}

#[test]
fn unreachable_question() {
    // "ehe" no longer goes anywhere new, and s20_date loses its only way in.
    let (text, d) = broken("next = \"s20_date\"", "next = \"check\"");
    expect(&d, "question 's20_date' can never be reached from the start", line_of(&text, "id = \"s20_date\""));
}

#[test]
fn cycle() {
    let (text, d) = broken("unsure = \"I do not know\"\nnext = \"check\"", "unsure = \"I do not know\"\nnext = \"setting\"");
    expect(&d, "cycle: setting -> s20_date -> setting", line_of(&text, "id = \"s20_date\""));
}

#[test]
fn path_that_ends_without_an_outcome() {
    // An option with nowhere to go: that path would never reach the outcome.
    let (text, d) = broken("label = \"At home\"\nnext = \"check\"", "label = \"At home\"");
    expect(&d, "option 'ehe' of question 'setting' leads nowhere", line_of(&text, "id = \"ehe\""));
}

#[test]
fn routes_that_may_all_fail() {
    let (text, d) = broken(
        "unsure = \"I do not know\"\nnext = \"check\"",
        "unsure = \"I do not know\"\n[[question.route]]\nwhen = \"known(s20_date)\"\nto = \"check\"",
    );
    expect(&d, "routes may all be false", line_of(&text, "id = \"s20_date\""));
}

#[test]
fn finding_without_citation() {
    let (text, d) = broken("basis = [\"alnet_s11\"]\nsource = [\"law-facts §3\"]", "source = [\"law-facts §3\"]");
    expect(&d, "finding 'home' has no citation", line_of(&text, "id = \"home\""));
    // practice = true makes it good practice, which needs no citation.
    let text = MINI.replacen("basis = [\"alnet_s11\"]\nsource = [\"law-facts §3\"]", "practice = true\nsource = [\"law-facts §3\"]", 1);
    compile(&[("content/mini.toml".into(), text)]).expect("good practice needs no citation");
}

#[test]
fn unverified_citation() {
    let (text, d) = broken("basis = [\"alnet_s11\"]\nsource = [\"law-facts §3\"]", "basis = [\"code_23_67\"]\nsource = [\"law-facts §3\"]");
    expect(&d, "citation 'code_23_67' is not in citations.toml", line_of(&text, "\"code_23_67\""));
}

#[test]
fn unknown_placeholder() {
    let (text, d) = broken("Dear {school}", "Dear {headteacher}");
    expect(&d, "unknown placeholder {headteacher}", line_of(&text, "body = "));
    let (text, d) = broken("{due:nhs_answer}", "{due:review}");
    expect(&d, "unknown placeholder {due:review}", line_of(&text, "{due:review}"));
    let (text, d) = broken("{date:s20_date}", "{date:setting}");
    expect(&d, "unknown placeholder {date:setting}", line_of(&text, "{date:setting}"));
}

#[test]
fn toml_syntax_error_has_a_line() {
    let (text, d) = broken("title = \"Ask\"", "title = \"Ask");
    expect(&d, "", line_of(&text, "title = \"Ask"));
}

#[test]
fn unknown_field_is_refused() {
    let (text, d) = broken("title = \"Ask\"", "title = \"Ask\"\ntitel = \"x\"");
    expect(&d, "titel", line_of(&text, "titel"));
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = MINI.replacen("next = \"s20_date\"", "next = \"nowhere\"", 1).replacen("Dear {school}", "Dear {head}", 1);
    let d = compile(&[("content/mini.toml".into(), text)]).unwrap_err();
    assert!(d.iter().any(|d| d.message.contains("nowhere")));
    assert!(d.iter().any(|d| d.message.contains("{head}")));
}

#[test]
fn arbitrary_and_truncated_text_gives_located_errors_without_panicking() {
    // Fuzz-style: every truncation of the real content files, and byte flips,
    // either compile or give diagnostics with a file and a line inside the file.
    let files = camau::compiler::read_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))).unwrap();
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (fi, (_, text)) in files.iter().enumerate() {
        for k in 0..4 {
            let mut bytes = text.as_bytes().to_vec();
            if k % 2 == 0 {
                bytes.truncate((rnd() % (bytes.len() as u64 + 1)) as usize);
            } else {
                for _ in 0..3 {
                    let i = (rnd() % bytes.len().max(1) as u64) as usize;
                    if let Some(b) = bytes.get_mut(i) {
                        *b = b"{}[]=\"\n#x"[(rnd() % 9) as usize];
                    }
                }
            }
            let mutated = String::from_utf8_lossy(&bytes).into_owned();
            let mut set = files.clone();
            set[fi].1 = mutated.clone();
            if let Err(diags) = compile(&set) {
                assert!(!diags.is_empty());
                for d in diags {
                    let lines = set.iter().find(|(n, _)| *n == d.loc.file).map(|(_, t)| t.lines().count() + 1).unwrap_or(1);
                    assert!(d.loc.line >= 1 && d.loc.line <= lines.max(1), "{d} is outside its file");
                }
            }
        }
    }
}

#[test]
fn a_control_character_is_refused_with_its_line() {
    // Written as an escape or typed in, it would also split the late words file wrongly.
    let first_says = MINI.lines().find(|l| l.starts_with("says = \"")).expect("fixture has a says line");
    let line = line_of(MINI, first_says);
    for bad in ["says = \"a \\u001F b\"", "says = \"a \u{1f} b\""] {
        let (_, diags) = broken(first_says, bad);
        expect(&diags, "control character", line);
    }
}

#[test]
fn a_placeholder_in_question_text_is_refused() {
    // Question pages show their words as written, so "{child}" would reach the parent as is.
    let title = "title = \"Where does your child learn?\"";
    let (_, diags) = broken(title, "title = \"Where does {child} learn?\"");
    expect(&diags, "placeholders", line_of(MINI, title));
}
