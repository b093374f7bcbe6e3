//! The content compiler refuses broken content with `file:line` messages.
//! Each test breaks the small valid fixture (tests/fixtures/mini) in one way.

use camau::compiler::{compile, model::DiagKind, model::Diagnostic};

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

/// The diagnostics hold one of this kind at content/mini.toml:`line`; returns it.
fn expect(diags: &[Diagnostic], kind: DiagKind, line: usize) -> &Diagnostic {
    diags.iter().find(|d| d.kind == kind && d.loc.line == line && d.loc.file == "content/mini.toml").unwrap_or_else(|| {
        panic!(
            "expected content/mini.toml:{line}: {kind:?}, got:\n{}",
            diags.iter().map(|d| format!("{d} ({:?})", d.kind)).collect::<Vec<_>>().join("\n")
        )
    })
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
    expect(&d, DiagKind::DuplicateId, line_of(&text, "id = \"school_keeps\"\nsection = \"responsible\"\nwhen = \"setting = ehe\""));
    assert!(d[0].message.contains("first defined at content/mini.toml:"));
}

#[test]
fn dangling_next() {
    let (text, d) = broken("next = \"s20_date\"", "next = \"s20_dat\"");
    expect(&d, DiagKind::Dangling, line_of(&text, "next = \"s20_dat\""));
}

#[test]
fn dangling_condition_reference() {
    let (text, d) = broken("when = \"setting = ehe\"", "when = \"setting = home\"");
    expect(&d, DiagKind::BadCondition, line_of(&text, "when = \"setting = home\""));
    let (text, d) = broken("when = \"setting = ehe\"", "when = \"place = ehe\"");
    expect(&d, DiagKind::BadCondition, line_of(&text, "when = \"place = ehe\""));
}

#[test]
fn dangling_letter_and_deadline() {
    let (text, d) = broken("letters = [\"ask\"]", "letters = [\"asc\"]");
    expect(&d, DiagKind::Dangling, line_of(&text, "\"asc\""));
    let (text, d) = broken("deadline = \"nhs_answer\"", "deadline = \"nhs\"");
    expect(&d, DiagKind::Dangling, line_of(&text, "deadline = \"nhs\""));
}

#[test]
fn unreachable_question() {
    // "ehe" no longer goes anywhere new, and s20_date loses its only way in.
    let (text, d) = broken("next = \"s20_date\"", "next = \"check\"");
    expect(&d, DiagKind::Unreachable, line_of(&text, "id = \"s20_date\""));
}

#[test]
fn cycle() {
    let (text, d) = broken("unsure = \"I do not know\"\nnext = \"check\"", "unsure = \"I do not know\"\nnext = \"setting\"");
    let c = expect(&d, DiagKind::Cycle, line_of(&text, "id = \"s20_date\""));
    assert!(c.message.contains("cycle: setting -> s20_date -> setting"), "{c}");
}

#[test]
fn path_that_ends_without_an_outcome() {
    // An option with nowhere to go: that path would never reach the outcome.
    let (text, d) = broken("label = \"At home\"\nnext = \"check\"", "label = \"At home\"");
    expect(&d, DiagKind::DeadEnd, line_of(&text, "id = \"ehe\""));
}

#[test]
fn routes_that_may_all_fail() {
    let (text, d) = broken(
        "unsure = \"I do not know\"\nnext = \"check\"",
        "unsure = \"I do not know\"\n[[question.route]]\nwhen = \"known(s20_date)\"\nto = \"check\"",
    );
    expect(&d, DiagKind::DeadEnd, line_of(&text, "id = \"s20_date\""));
}

#[test]
fn finding_without_citation() {
    let (text, d) = broken("basis = [\"alnet_s11\"]\nsource = [\"law-facts §3\"]", "source = [\"law-facts §3\"]");
    expect(&d, DiagKind::NoCitation, line_of(&text, "id = \"home\""));
    // practice = true makes it good practice, which needs no citation.
    let text = MINI.replacen("basis = [\"alnet_s11\"]\nsource = [\"law-facts §3\"]", "practice = true\nsource = [\"law-facts §3\"]", 1);
    compile(&[("content/mini.toml".into(), text)]).expect("good practice needs no citation");
}

#[test]
fn a_step_says_what_it_is_and_why_and_has_no_rank() {
    let (text, d) = broken("step = \"chase\"\n", "");
    expect(&d, DiagKind::Missing, line_of(&text, "id = \"late\""));
    let (text, d) = broken("step = \"chase\"", "step = \"hurry\"");
    expect(&d, DiagKind::BadValue, line_of(&text, "step = \"hurry\""));
    let (text, d) = broken("why = \"It is late.\"\n", "");
    expect(&d, DiagKind::Missing, line_of(&text, "id = \"late\""));
    let (text, d) = broken("step = \"chase\"\n", "step = \"chase\"\nrank = 3\n");
    expect(&d, DiagKind::BadValue, line_of(&text, "id = \"late\""));
    // Chasing needs the overdue duty named, so the plan can date it.
    let (text, d) = broken("deadline = \"nhs_answer\"\nbasis = [\"alnet_s21\"]", "basis = [\"alnet_s21\"]");
    expect(&d, DiagKind::Missing, line_of(&text, "step = \"chase\""));
    // Only a next step has a kind and a why.
    let (text, d) = broken("basis = [\"alnet_s11\"]\nsource = [\"law-facts §3\"]", "why = \"x\"\nbasis = [\"alnet_s11\"]\nsource = [\"law-facts §3\"]");
    expect(&d, DiagKind::BadValue, line_of(&text, "why = \"x\""));
}

#[test]
fn unverified_citation() {
    let (text, d) = broken("basis = [\"alnet_s11\"]\nsource = [\"law-facts §3\"]", "basis = [\"code_23_67\"]\nsource = [\"law-facts §3\"]");
    expect(&d, DiagKind::NoCitation, line_of(&text, "\"code_23_67\""));
}

#[test]
fn unknown_placeholder() {
    let (text, d) = broken("Dear {school}", "Dear {headteacher}");
    expect(&d, DiagKind::Placeholder, line_of(&text, "body = "));
    let (text, d) = broken("{due:nhs_answer}", "{due:review}");
    expect(&d, DiagKind::Placeholder, line_of(&text, "{due:review}"));
    let (text, d) = broken("{date:s20_date}", "{date:setting}");
    expect(&d, DiagKind::Placeholder, line_of(&text, "{date:setting}"));
}

#[test]
fn a_blank_in_a_letter_must_ask_its_question() {
    for bad in ["Dear [the head]", "Dear [the head | Who is the head]", "Dear [the [head] | Who?]", "Dear [the head | Who? | Why?]", "Dear [If known: {school}]", "Dear [{school} | Which school?]", "Dear [the head"] {
        let (text, d) = broken("Dear {school}", bad);
        expect(&d, DiagKind::BadGap, line_of(&text, "body = "));
    }
}

#[test]
fn toml_syntax_error_has_a_line() {
    let (text, d) = broken("title = \"Ask\"", "title = \"Ask");
    expect(&d, DiagKind::Syntax, line_of(&text, "title = \"Ask"));
}

#[test]
fn unknown_field_is_refused() {
    let (text, d) = broken("title = \"Ask\"", "title = \"Ask\"\ntitel = \"x\"");
    expect(&d, DiagKind::UnknownField, line_of(&text, "titel"));
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = MINI.replacen("next = \"s20_date\"", "next = \"nowhere\"", 1).replacen("Dear {school}", "Dear {head}", 1);
    let d = compile(&[("content/mini.toml".into(), text)]).unwrap_err();
    assert!(d.iter().any(|d| d.kind == DiagKind::Dangling && d.message.contains("nowhere")));
    assert!(d.iter().any(|d| d.kind == DiagKind::Placeholder && d.message.contains("{head}")));
}

/// Compiles `set`: it must return (never panic), and every diagnostic must name a line inside
/// its file.
fn compiles_or_explains(set: &[(String, String)], what: &dyn Fn() -> String) {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| compile(set)));
    let r = r.unwrap_or_else(|_| panic!("the compiler panicked on {}", what()));
    if let Err(diags) = r {
        assert!(!diags.is_empty(), "Err without diagnostics on {}", what());
        for d in diags {
            let lines = set.iter().find(|(n, _)| *n == d.loc.file).map(|(_, t)| t.lines().count() + 1).unwrap_or(1);
            assert!(d.loc.line >= 1 && d.loc.line <= lines.max(1), "{d} is outside its file ({})", what());
        }
    }
}

#[test]
fn arbitrary_and_truncated_text_gives_located_errors_without_panicking() {
    // Fuzz-style, seeded and so the same every run: the real content files and the fixture,
    // truncated (at every line boundary, and at sampled byte offsets, mid-character too),
    // with bytes flipped, with multi-byte characters, control characters and TOML escapes
    // inserted or put in place of a character, and with very long lines. Each either
    // compiles or gives diagnostics with a file and a line inside the file, never a panic.
    let started = std::time::Instant::now();
    let mut files = camau::compiler::read_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))).unwrap();
    files.push(("content/mini.toml".into(), MINI.into()));
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut runs = 0usize;
    let long_a = "a".repeat(100_000);
    let long_w = "ŵ".repeat(100_000);
    // Real characters (multi-byte, control, invisible), then TOML escapes as written in a file
    // (raw strings here: `\u00` is the four characters a writer would type).
    let mut pieces: Vec<String> = ["é", "ŵ", "ŷ", "€", "’", "–", "😀", "\u{1f}", "\u{0}", "\u{1e}", "\u{7f}", "\u{85}", "\u{200b}", "\u{feff}", "\u{fffd}", "\u{10ffff}", "\r", "\t", "\n"]
        .into_iter()
        .chain([
            r"\u00", r"\u00€", r"\u00’", r"\u001F", r"\u001f", r"\u0000", r"\u00e9", r"\u20AC", r"\U0001F600", r"\U0000001F", r"\U00110000", r"\U0000",
            r"\x41", r"\x", r"\", r"\\", r#"\""#, r"\n", r#"""""#, "'''", "{", "}", "{child", "{date:", "=", "[", "[[", "]", "#", "'", "\"", " or ", " and ", "(", ")", "in",
            "has", ",",
        ])
        .map(String::from)
        .collect();
    pieces.extend([long_a.clone(), long_w.clone()]);
    for (fi, (name, text)) in files.iter().enumerate() {
        let alone = |t: String| vec![(name.clone(), t)];
        // Truncated at every line boundary (the file alone: each is cheap).
        for (n, _) in text.match_indices('\n') {
            compiles_or_explains(&alone(text[..n + 1].to_string()), &|| format!("{name} cut after byte {n}"));
            runs += 1;
        }
        // Truncated at sampled byte offsets, half of them inside a character (cut as bytes, then
        // read as UTF-8 lossily), with the rest of the content.
        let bytes = text.as_bytes();
        let inside: Vec<usize> = (0..bytes.len()).filter(|&i| !text.is_char_boundary(i)).collect();
        for k in 0..4 {
            let cut = if k % 2 == 1 && !inside.is_empty() { inside[(rnd() % inside.len() as u64) as usize] } else { (rnd() % (bytes.len() as u64 + 1)) as usize };
            let mut set = files.clone();
            set[fi].1 = String::from_utf8_lossy(&bytes[..cut]).into_owned();
            compiles_or_explains(&set, &|| format!("{name} cut at byte {cut}"));
            runs += 1;
        }
        // Bytes flipped to TOML's own punctuation.
        for _ in 0..2 {
            let mut b = bytes.to_vec();
            for _ in 0..3 {
                let i = (rnd() % b.len().max(1) as u64) as usize;
                if let Some(x) = b.get_mut(i) {
                    *x = b"{}[]=\"\n#x\\"[(rnd() % 10) as usize];
                }
            }
            let mut set = files.clone();
            set[fi].1 = String::from_utf8_lossy(&b).into_owned();
            compiles_or_explains(&set, &|| format!("{name} with bytes flipped"));
            runs += 1;
        }
        // Characters and escapes inserted, or put in place of a character.
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for k in 0..8 {
            let mut t = text.clone();
            for _ in 0..1 + (k % 3) {
                let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
                let at = bounds[(rnd() % bounds.len() as u64) as usize];
                let piece = &pieces[(rnd() % pieces.len() as u64) as usize];
                if k % 2 == 0 || at == t.len() {
                    t.insert_str(at, piece);
                } else {
                    let end = at + t[at..].chars().next().map_or(0, char::len_utf8);
                    t.replace_range(at..end, piece);
                }
            }
            // Half with the rest of the content, half alone (cheaper).
            let set = if k % 4 < 2 {
                let mut set = files.clone();
                set[fi].1 = t;
                set
            } else {
                alone(t)
            };
            compiles_or_explains(&set, &|| format!("{name} with characters inserted (mutation {k})"));
            runs += 1;
        }
        // A very long line: in a string, in a comment, and as a bare key.
        let line_start = bounds[(rnd() % bounds.len() as u64) as usize];
        let line_start = text[..line_start].rfind('\n').map_or(0, |i| i + 1);
        for long in [format!("x = \"{long_w}\"\n"), format!("# {long_a}\n"), format!("{long_a}\n"), format!("says = \"\\u00{long_w}\"\n")] {
            let mut t = text.clone();
            t.insert_str(line_start, &long);
            compiles_or_explains(&alone(t), &|| format!("{name} with a long line at byte {line_start}"));
            runs += 1;
        }
    }
    let took = started.elapsed();
    eprintln!("fuzz: {runs} compiles in {:.1}s", took.as_secs_f64());
    assert!(runs > 4000);
}

#[test]
fn a_control_character_is_refused_with_its_line() {
    // Written as an escape or typed in, it would also split the late words file wrongly.
    let first_says = MINI.lines().find(|l| l.starts_with("says = \"")).expect("fixture has a says line");
    let line = line_of(MINI, first_says);
    for bad in ["says = \"a \\u001F b\"", "says = \"a \u{1f} b\""] {
        let (_, diags) = broken(first_says, bad);
        expect(&diags, DiagKind::ControlChar, line);
    }
}

#[test]
fn a_placeholder_in_question_text_is_refused() {
    // Question pages show their words as written, so "{child}" would reach the parent as is.
    let title = "title = \"Where does your child learn?\"";
    let (_, diags) = broken(title, "title = \"Where does {child} learn?\"");
    expect(&diags, DiagKind::Placeholder, line_of(MINI, title));
}

#[test]
fn an_escape_prefix_before_a_multi_byte_character_does_not_panic() {
    // `\u00` then a 3-byte character, in a comment and in a string: the old byte scan sliced
    // the character in two.
    for (from, to) in [
        ("# A tiny valid graph", "# A tiny valid graph \\u00€ \\u00’ \\u00– \\U000000é"),
        ("title = \"Ask\"", "title = \"Ask \\\\u00€\""),
    ] {
        let text = MINI.replacen(from, to, 1);
        let r = std::panic::catch_unwind(|| compile(&[("content/mini.toml".into(), text.clone())]));
        let r = r.unwrap_or_else(|_| panic!("the compiler panicked on {to:?}"));
        assert!(r.is_ok(), "{:?}", r.err());
    }
}

#[test]
fn an_empty_glossary_term_is_refused_without_panicking() {
    for empty in ["term = \"\"", "term = \"  \""] {
        let text = MINI.replacen("term = \"IDP\"", empty, 1).replacen("title = \"The school keeps the IDP\"", "title = \"Ŵyr: the school keeps the IDP\"", 1);
        let r = std::panic::catch_unwind(|| compile(&[("content/mini.toml".into(), text.clone())]));
        let d = r.expect("the compiler panicked on an empty term").expect_err("an empty term must not compile");
        expect(&d, DiagKind::EmptyTerm, line_of(&text, empty));
    }
}

#[test]
fn a_route_that_reads_a_later_question_is_refused() {
    // "setting" is asked first, so a route of "setting" always sees s20_date unanswered.
    let (text, d) = broken(
        "label = \"At home\"\nnext = \"check\"",
        "label = \"At home\"\n[[question.route]]\nwhen = \"known(s20_date)\"\nto = \"s20_date\"\n[[question.route]]\nto = \"check\"",
    );
    let r = expect(&d, DiagKind::RouteReadsLater, line_of(&text, "when = \"known(s20_date)\""));
    assert!(r.message.contains("a route of 'setting' reads 's20_date'"), "{r}");
    // Through a deadline too: overdue(nhs_answer) reads s20_date.
    let (text, d) = broken(
        "label = \"At home\"\nnext = \"check\"",
        "label = \"At home\"\n[[question.route]]\nwhen = \"overdue(nhs_answer)\"\nto = \"s20_date\"\n[[question.route]]\nto = \"check\"",
    );
    expect(&d, DiagKind::RouteReadsLater, line_of(&text, "when = \"overdue(nhs_answer)\""));
    // A route reading its own question, or one asked before it, is fine.
    let ok = MINI.replacen(
        "unsure = \"I do not know\"\nnext = \"check\"",
        "unsure = \"I do not know\"\n[[question.route]]\nwhen = \"known(s20_date) and setting = school\"\nto = \"check\"\n[[question.route]]\nto = \"check\"",
        1,
    );
    compile(&[("content/mini.toml".into(), ok)]).expect("a route may read its own and earlier questions");
}

#[test]
fn an_option_is_shown_only_by_questions_asked_before_it() {
    // An option of "setting" (asked first) shown by the referral date, asked after it.
    let (text, d) = broken("label = \"At home\"\n", "label = \"At home\"\nshown = \"known(s20_date)\"\n");
    let r = expect(&d, DiagKind::RouteReadsLater, line_of(&text, "shown = \"known(s20_date)\""));
    assert!(r.message.contains("option 'ehe' of 'setting' is shown by 's20_date'"), "{r}");
    // Nor by its own question's answer: it is decided before the question is answered.
    let (text, d) = broken("label = \"At home\"\n", "label = \"At home\"\nshown = \"setting = school\"\n");
    expect(&d, DiagKind::RouteReadsLater, line_of(&text, "shown = \"setting = school\""));
    // A condition that does not parse is refused where it is written.
    let (text, d) = broken("label = \"At home\"\n", "label = \"At home\"\nshown = \"setting ==\"\n");
    expect(&d, DiagKind::BadCondition, line_of(&text, "shown = \"setting ==\""));
    // An option of a later question shown by an earlier answer is fine.
    let ok = with(
        "[[question]]\nid = \"extra\"\npart = \"child\"\nkind = \"many\"\ntitle = \"Which?\"\nnext = \"check\"\n[[question.option]]\nid = \"a\"\nlabel = \"A\"\nshown = \"setting = school\"\n[[question.option]]\nid = \"none\"\nlabel = \"None\"\nexclusive = true\n",
        "unsure = \"I do not know\"\nnext = \"check\"",
        "unsure = \"I do not know\"\nnext = \"extra\"",
    );
    compile(&[("content/mini.toml".into(), ok.clone())]).expect("an option may be shown by an earlier answer");
    // "None of these" is always offered, so an answer is always possible.
    let bad = ok.replacen("exclusive = true\n", "exclusive = true\nshown = \"setting = school\"\n", 1);
    let d = compile(&[("content/mini.toml".into(), bad.clone())]).expect_err("an exclusive option is always offered");
    expect(&d, DiagKind::BadValue, line_of(&bad, "exclusive = true\nshown") + 1);
}

#[test]
fn a_phrase_for_an_answer_needs_its_question_its_options_and_an_else() {
    let says = "[question.says.who]\nschool = \"the school\"\nelse = \"[who | Who?]\"\n\n[[question]]\nid = \"s20_date\"";
    // Used in a letter, with an else: fine.
    let ok = MINI.replacen("[[question]]\nid = \"s20_date\"", says, 1).replacen("referral of {date:s20_date}.", "referral of {date:s20_date} by {answer:setting.who}.", 1);
    compile(&[("content/mini.toml".into(), ok.clone())]).expect("a phrase with an else compiles");
    // No else.
    let bad = ok.replacen("else = \"[who | Who?]\"\n", "", 1);
    let d = compile(&[("content/mini.toml".into(), bad.clone())]).expect_err("no else");
    expect(&d, DiagKind::Missing, line_of(&bad, "id = \"setting\""));
    // An option that does not exist.
    let bad = ok.replacen("school = \"the school\"", "shcool = \"the school\"", 1);
    let d = compile(&[("content/mini.toml".into(), bad.clone())]).expect_err("no such option");
    expect(&d, DiagKind::Dangling, line_of(&bad, "shcool = "));
    // A phrase no question has.
    let bad = ok.replacen("{answer:setting.who}", "{answer:setting.whom}", 1);
    let d = compile(&[("content/mini.toml".into(), bad.clone())]).expect_err("no such phrase");
    expect(&d, DiagKind::Placeholder, line_of(&bad, "body = "));
    // A phrase holding another phrase.
    let bad = ok.replacen("school = \"the school\"", "school = \"{answer:setting.who}\"", 1);
    let d = compile(&[("content/mini.toml".into(), bad.clone())]).expect_err("a phrase in a phrase");
    expect(&d, DiagKind::Placeholder, line_of(&bad, "school = \"{answer"));
}

#[test]
fn a_letter_premise_is_a_condition() {
    let (text, d) = broken("basis = [\"alnet_s21\"]\n\n[[citation]]", "needs = \"setting ==\"\nbasis = [\"alnet_s21\"]\n\n[[citation]]");
    expect(&d, DiagKind::BadCondition, line_of(&text, "needs = "));
    let ok = MINI.replacen("basis = [\"alnet_s21\"]\n\n[[citation]]", "needs = \"not setting = ehe\"\nbasis = [\"alnet_s21\"]\n\n[[citation]]", 1);
    compile(&[("content/mini.toml".into(), ok)]).expect("a premise that parses");
}

#[test]
fn a_letter_no_finding_offers_is_refused() {
    let (text, d) = broken("letters = [\"ask\"]\n", "");
    let l = expect(&d, DiagKind::LetterNeverOffered, line_of(&text, "id = \"ask\""));
    assert!(l.message.contains("letter 'ask' is never offered"), "{l}");
}

#[test]
fn a_ui_key_must_be_an_id() {
    let (text, d) = broken("continue = \"Continue\"", "continue = \"Continue\"\n\"Go on\" = \"Go on\"");
    expect(&d, DiagKind::BadId, line_of(&text, "\"Go on\" ="));
}

/// MINI with `extra` appended and `from` replaced by `to`.
fn with(extra: &str, from: &str, to: &str) -> String {
    assert!(MINI.contains(from), "fixture has no {from:?}");
    format!("{}\n{extra}", MINI.replacen(from, to, 1))
}

#[test]
fn a_named_condition_means_what_it_says_written_out() {
    let named = with(
        "[[condition]]\nname = \"at_school\"\nwhen = \"setting = school\"\n\n[[condition]]\nname = \"school_or_home\"\nwhen = \"at_school or setting = ehe\"\n",
        "when = \"setting = school\"",
        "when = \"at_school and school_or_home\"",
    );
    let by_hand = MINI.replacen("when = \"setting = school\"", "when = \"setting = school and (setting = school or setting = ehe)\"", 1);
    let a = compile(&[("content/mini.toml".into(), named)]).expect("named conditions compile");
    let b = compile(&[("content/mini.toml".into(), by_hand)]).expect("by hand compiles");
    let (fa, fb) = (&a.findings[0], &b.findings[0]);
    assert_eq!(fa.when, fb.when, "a name means exactly its condition");
    assert_eq!(fa.when_text, fb.when_text, "and the map shows it written out");
}

#[test]
fn an_unknown_condition_name_is_refused() {
    let (text, d) = broken("when = \"setting = school\"", "when = \"at_school\"");
    expect(&d, DiagKind::BadCondition, line_of(&text, "when = \"at_school\""));
}

#[test]
fn a_ring_of_named_conditions_is_refused() {
    let text = with(
        "[[condition]]\nname = \"a\"\nwhen = \"setting = school and b\"\n\n[[condition]]\nname = \"b\"\nwhen = \"not a\"\n",
        "when = \"setting = school\"",
        "when = \"a\"",
    );
    let d = compile(&[("content/mini.toml".into(), text.clone())]).expect_err("a ring must not compile");
    let r = expect(&d, DiagKind::CyclicCondition, line_of(&text, "when = \"not a\""));
    assert!(r.message.contains("a -> b -> a"), "{r}");
    // A condition that uses itself.
    let text = with("[[condition]]\nname = \"a\"\nwhen = \"a or setting = ehe\"\n", "when = \"setting = school\"", "when = \"a\"");
    let d = compile(&[("content/mini.toml".into(), text.clone())]).expect_err("a ring must not compile");
    expect(&d, DiagKind::CyclicCondition, line_of(&text, "when = \"a or setting = ehe\""));
}

#[test]
fn a_condition_name_may_not_clash() {
    // With a question id: "setting = school" would be ambiguous.
    let text = with("[[condition]]\nname = \"setting\"\nwhen = \"setting = school\"\n", "when = \"overdue(nhs_answer)\"", "when = \"overdue(nhs_answer) and setting = school\"");
    let d = compile(&[("content/mini.toml".into(), text.clone())]).expect_err("a clash must not compile");
    expect(&d, DiagKind::ConditionClash, line_of(&text, "name = \"setting\""));
    // With a word of the language.
    let text = with("[[condition]]\nname = \"known\"\nwhen = \"setting = school\"\n", "a", "a");
    let d = compile(&[("content/mini.toml".into(), text.clone())]).expect_err("a clash must not compile");
    expect(&d, DiagKind::ConditionClash, line_of(&text, "name = \"known\""));
    // With another condition.
    let text = with(
        "[[condition]]\nname = \"x\"\nwhen = \"setting = school\"\n\n[[condition]]\nname = \"x\"\nwhen = \"setting = ehe\"\n",
        "when = \"setting = school\"",
        "when = \"x\"",
    );
    let d = compile(&[("content/mini.toml".into(), text.clone())]).expect_err("a duplicate must not compile");
    let second = text.rfind("name = \"x\"").unwrap();
    expect(&d, DiagKind::DuplicateId, text[..second].matches('\n').count() + 1);
}

#[test]
fn an_unused_condition_is_refused() {
    let text = with("[[condition]]\nname = \"at_school\"\nwhen = \"setting = school\"\n", "a", "a");
    let d = compile(&[("content/mini.toml".into(), text.clone())]).expect_err("an unused condition must not compile");
    expect(&d, DiagKind::UnusedCondition, line_of(&text, "name = \"at_school\""));
}

#[test]
fn a_broken_named_condition_is_refused_at_its_line() {
    let text = with("[[condition]]\nname = \"at_school\"\nwhen = \"setting = schol\"\n", "when = \"setting = school\"", "when = \"at_school\"");
    let d = compile(&[("content/mini.toml".into(), text.clone())]).expect_err("a broken condition must not compile");
    expect(&d, DiagKind::BadCondition, line_of(&text, "when = \"setting = schol\""));
    // Reported once, at the condition, not again at each use.
    assert_eq!(d.iter().filter(|d| d.kind == DiagKind::BadCondition).count(), 1, "{d:?}");
}

// ---------------------------------------------------------------- contacts

/// The fixture's council contact, from its id line to its `checked` line.
const CARDIFF_CONTACT: &str = "id = \"cardiff\"\nkind = \"council\"";

#[test]
fn a_contact_without_a_source_or_checked_date_is_refused_at_its_line() {
    let source = "source = [\"https://www.cardiff.gov.uk:443/";
    let i = MINI.find(source).unwrap();
    let line = &MINI[i..i + MINI[i..].find('\n').unwrap() + 1];
    let (text, d) = broken(line, "");
    let e = expect(&d, DiagKind::NoSource, line_of(&text, CARDIFF_CONTACT));
    assert!(e.message.contains("contact 'cardiff' has no source"), "{e}");
    assert!(e.to_string().starts_with("content/mini.toml:"), "{e}");
    let (text, d) = broken("checked = \"2026-12-01\"\n\n[[contact]]\nid = \"cv\"", "\n[[contact]]\nid = \"cv\"");
    expect(&d, DiagKind::NoSource, line_of(&text, CARDIFF_CONTACT));
}

#[test]
fn a_contact_checked_date_must_be_a_real_yyyy_mm_dd_date() {
    for bad in ["1 December 2026", "2026-12-1", "2026-13-01", "2026-02-29", "26-12-01", ""] {
        let to = format!("checked = {bad:?}");
        let (text, d) = broken("checked = \"2026-12-01\"", &to);
        let e = expect(&d, DiagKind::BadDate, line_of(&text, &to));
        assert!(e.message.contains("YYYY-MM-DD"), "{e}");
    }
    // A leap day is a date.
    let text = MINI.replacen("checked = \"2026-12-01\"", "checked = \"2028-02-29\"", 1);
    compile(&[("content/mini.toml".into(), text)]).expect("2028-02-29 is a date");
    // A TOML date (unquoted) is not the string the format asks for: a located error.
    let (text, d) = broken("checked = \"2026-12-01\"", "checked = 2026-12-01");
    assert!(d.iter().any(|x| x.kind == DiagKind::Syntax && x.loc.line == line_of(&text, "checked = 2026-12-01")), "{d:?}");
}

#[test]
fn a_contact_website_or_page_must_be_a_plain_https_address() {
    let site = "website = \"https://www.cardiff.gov.uk\"";
    for bad in ["http://www.cardiff.gov.uk", "www.cardiff.gov.uk", "https://", "https://www.cardiff.gov.uk/a page", "https://www.cardiff.gov.uk/\"x", "https://www.cardiff.gov.uk/<script>"] {
        let to = format!("website = {bad:?}");
        let (text, d) = broken(site, &to);
        let e = expect(&d, DiagKind::BadUrl, line_of(&text, &to));
        assert!(e.message.contains("https://"), "{e}");
    }
    let to = format!("{site}\npage = \"http://www.cardiff.gov.uk/aln\"\npage_label = \"Additional learning needs\"");
    let (text, d) = broken(site, &to);
    expect(&d, DiagKind::BadUrl, line_of(&text, "page = \"http://"));
    // A page needs the words of its link.
    let (text, d) = broken(site, &format!("{site}\npage = \"https://www.cardiff.gov.uk/aln\""));
    expect(&d, DiagKind::Missing, line_of(&text, CARDIFF_CONTACT));
    // No website at all needs the reason why.
    let (text, d) = broken(&format!("{site}\n"), "");
    expect(&d, DiagKind::Missing, line_of(&text, CARDIFF_CONTACT));
    let text = MINI.replacen(&format!("{site}\n"), "missing = \"No public page seen shows it.\"\n", 1);
    compile(&[("content/mini.toml".into(), text)]).expect("a reason instead of a website compiles");
}

#[test]
fn every_council_and_board_has_one_contact_of_a_place_that_exists() {
    // An unknown council id, and so the real council has none.
    let (text, d) = broken(CARDIFF_CONTACT, "id = \"cardif\"\nkind = \"council\"");
    expect(&d, DiagKind::Dangling, line_of(&text, "id = \"cardif\""));
    expect(&d, DiagKind::Missing, line_of(&text, "id = \"cardiff\"\nname = \"Cardiff Council\""));
    // A council id given as a board.
    let (text, d) = broken(CARDIFF_CONTACT, "id = \"cardiff\"\nkind = \"health_board\"");
    expect(&d, DiagKind::Dangling, line_of(&text, "id = \"cardiff\"\nkind = \"health_board\""));
    // An unknown kind.
    let (text, d) = broken(CARDIFF_CONTACT, "id = \"cardiff\"\nkind = \"county\"");
    expect(&d, DiagKind::BadValue, line_of(&text, "kind = \"county\""));
    // The same council twice.
    let twice = format!("{CARDIFF_CONTACT}\nwebsite = \"https://www.cardiff.gov.uk\"\nsource = [\"https://www.cardiff.gov.uk\"]\nchecked = \"2026-12-01\"\n\n[[contact]]\n{CARDIFF_CONTACT}");
    let (text, d) = broken(CARDIFF_CONTACT, &twice);
    let second = text.rfind(CARDIFF_CONTACT).unwrap();
    let e = expect(&d, DiagKind::DuplicateId, text[..second].matches('\n').count() + 1);
    assert!(e.message.contains("first defined at content/mini.toml:"), "{e}");
}

#[test]
fn a_council_or_board_contact_has_no_phone_email_or_name_of_its_own() {
    let site = "website = \"https://www.cardiff.gov.uk\"";
    for extra in ["phone = \"029 2087 2087\"", "email = \"aln@cardiff.gov.uk\"", "name = \"Cardiff\"", "about = \"The council.\""] {
        let (text, d) = broken(site, &format!("{site}\n{extra}"));
        expect(&d, DiagKind::BadValue, line_of(&text, extra));
    }
    // A national body names itself and says what it does.
    let (text, d) = broken("name = \"Public Services Ombudsman for Wales\"\n", "");
    expect(&d, DiagKind::Missing, line_of(&text, "id = \"ombudsman\""));
}

#[test]
fn contacts_are_in_place_order_then_national() {
    let m = compile(&[("content/mini.toml".into(), MINI.into())]).expect("mini compiles");
    let ids: Vec<(&str, &str)> = m.contacts.iter().map(|c| (c.kind.id(), c.id.as_str())).collect();
    assert_eq!(ids, [("council", "cardiff"), ("health_board", "cv"), ("national", "ombudsman")]);
    assert_eq!(m.contacts[0].checked, "2026-12-01");
}

/// A retired question id (`replaces`) is never a live question's id, and is retired once.
#[test]
fn a_retired_id_is_not_a_question_and_is_retired_once() {
    let (text, d) = broken("id = \"s20_date\"\n", "id = \"s20_date\"\nreplaces = [\"setting\"]\n");
    expect(&d, DiagKind::DuplicateId, line_of(&text, "replaces = [\"setting\"]"));
    let (text, d) = broken("id = \"s20_date\"\n", "id = \"s20_date\"\nreplaces = [\"old\", \"old\"]\n");
    expect(&d, DiagKind::DuplicateId, line_of(&text, "replaces = [\"old\", \"old\"]"));
    let fine = MINI.replacen("id = \"s20_date\"\n", "id = \"s20_date\"\nreplaces = [\"s20_when\"]\n", 1);
    compile(&[("content/mini.toml".into(), fine)]).expect("a retired id compiles");
}

/// A finding's `claims` (what it asserts, for the contradiction check) are "topic = value".
#[test]
fn a_claim_is_a_topic_and_a_value() {
    let (text, d) = broken("id = \"school_keeps\"\n", "id = \"school_keeps\"\nclaims = [\"keeper school\"]\n");
    expect(&d, DiagKind::BadValue, line_of(&text, "claims = [\"keeper school\"]"));
    let fine = MINI.replacen("id = \"school_keeps\"\n", "id = \"school_keeps\"\nclaims = [\"keeper = school\"]\n", 1);
    let m = compile(&[("content/mini.toml".into(), fine)]).expect("a claim compiles");
    assert_eq!(m.findings[0].claims, vec![("keeper".to_string(), "school".to_string())]);
}

/// Voice alternates (`{you:A|B}`, `{helper:A|B}`): each voice is checked as a text of its own,
/// and a broken alternate is refused where it is written.
#[test]
fn voice_alternates() {
    use camau::compiler::voices;
    let [parent, you, helper] = voices("{you:Your child has|You have} ALN{helper:| (tell the parent)}.").unwrap();
    assert_eq!((parent.as_str(), you.as_str(), helper.as_str()), ("Your child has ALN.", "You have ALN.", "Your child has ALN (tell the parent)."));
    // Placeholders and gaps inside either side; the split is the `|` outside them.
    let [p, y, _] = voices("{you:[{child}'s needs | What does your child need?]|[my needs | What do you need?]}").unwrap();
    assert_eq!((p.as_str(), y.as_str()), ("[{child}'s needs | What does your child need?]", "[my needs | What do you need?]"));
    for bad in ["{you:no bar}", "{you:a|b|c}", "{you:never closed|", "{you:a {helper:b|c}|d}"] {
        assert!(voices(bad).is_err(), "{bad} must be refused");
    }
    // In content: a finding's text, a question's title and a placeholder only one voice has.
    let (text, d) = broken("says = \"The council must decide.\"", "says = \"The council must {you:decide.}\"");
    expect(&d, DiagKind::Placeholder, line_of(&text, "says = \"The council must {you:decide.}\""));
    let (text, d) = broken("says = \"The council must decide.\"", "says = \"The council must {you:decide|decide {nonsense}}.\"");
    expect(&d, DiagKind::Placeholder, line_of(&text, "{nonsense}"));
    let (text, d) = broken("title = \"Where does your child learn?\"", "title = \"{you:Where does your child learn?|Where do you learn?\"");
    expect(&d, DiagKind::Placeholder, line_of(&text, "Where do you learn?"));
    // A well-formed alternate on a question page compiles.
    let ok = MINI.replacen("title = \"Where does your child learn?\"", "title = \"{you:Where does your child learn?|Where do you learn?}\"", 1);
    compile(&[("content/mini.toml".into(), ok)]).expect("a question title may hold an alternate");
}
