//! The saved form of a parent's answers: it must round-trip exactly, and reading
//! anything else (old, newer, corrupted, tampered, oversized) keeps what it can and
//! says what it dropped, never panicking.

mod common;

use camau::engine::codec::*;
use camau::engine::date::Date;
use camau::engine::graph::Graph;
use camau::engine::{Answer, Answers, Details, MAX_NAME, MAX_SCHOOL};
use common::*;

/// setting (one) → told (many, "none" exclusive) → s20_date (date, unsure) → meeting (date, no unsure).
fn g() -> &'static Graph {
    use std::sync::OnceLock;
    static G: OnceLock<&'static Graph> = OnceLock::new();
    G.get_or_init(|| {
        let mut b = Builder::new("setting");
        b.one("setting", &[("school", None), ("ehe", None), ("fei", None)], Some("told"))
            .many("told", &["no_capacity", "health_job", "once_year"], &["none"], Some("s20_date"))
            .date("s20_date", true, false, Some("meeting"))
            .date("meeting", false, true, Some("check"))
            .board("cv", "Cardiff and Vale University Health Board")
            .board("ab", "Aneurin Bevan University Health Board")
            .authority("cardiff", "Cardiff Council", "cv")
            .authority("newport", "Newport City Council", "ab");
        b.finding("f", camau::engine::graph::Section::Practice, always()).practice();
        b.build()
    })
}

const SEPT: Date = Date { y: 2026, m: 9, d: 1 };

fn saved(list: &[(u16, Answer)], details: Details) -> Saved {
    Saved { answers: answers(list), details, saved_on: None }
}

fn dec(text: &str) -> Decoded {
    decode(g(), text)
}

fn unreadable(text: &str) {
    let d = dec(text);
    assert_eq!(d, Decoded { saved: Saved::default(), problems: vec![Problem::Unreadable] }, "{text:?}");
}

// ---------------------------------------------------------------- writing

#[test]
fn the_saved_line_uses_ids_and_percent_encoding() {
    let g = g();
    let s = saved(
        &[one(g, "setting", "school"), many(g, "told", &["no_capacity", "once_year"]), on(g, "s20_date", SEPT)],
        Details { child: "Sam".into(), la: Some(0), ..Default::default() },
    );
    // ',' is not unreserved, so the list separator is written %2C; '_' and '-' stay.
    assert_eq!(encode(g, &s), "v=3&a.setting=school&a.told=no_capacity%2Conce_year&a.s20_date=2026-09-01&d.child=Sam&d.la=cardiff");
    let s = saved(&[one(g, "setting", "ehe"), many(g, "told", &["none"]), unsure(g, "s20_date")], Details { lhb: Some(1), ..Default::default() });
    assert_eq!(encode(g, &s), "v=3&a.setting=ehe&a.told=none&a.s20_date=unsure&d.lhb=ab");
    assert_eq!(encode(g, &Saved::default()), "v=3", "nothing answered, nothing given");
}

#[test]
fn round_trip_keeps_every_answer_and_detail_exactly() {
    let g = g();
    let names = [
        ("Siân Ŵyn-ŷ", "O'Brien", "Ysgol Gymraeg Llanfair"),
        ("🦄 👨‍👩‍👧 Mo", "Alex & Sam = 100%", "St. Mary's \"RC\" <Primary> #1 ?&=%+;,/"),
        ("line one\nline two", "  spaces  ", "tab\there\r\nand a return"),
        ("%41%", "a.child=x&d.la=newport", "v=2"),
        ("{school}", "<script>alert(1)</script>", "&amp;"),
    ];
    for (child, parent, school) in names {
        let s = saved(
            &[one(g, "setting", "fei"), many(g, "told", &["no_capacity", "health_job", "once_year"]), on(g, "s20_date", SEPT), on(g, "meeting", Date { y: 2027, m: 2, d: 28 })],
            Details { child: child.into(), parent: parent.into(), school: school.into(), la: Some(1), lhb: Some(0), ..Details::default() },
        );
        let text = encode(g, &s);
        assert!(!text.contains(['\n', '\r', ' ', '\t', '"', '<']), "one safe line: {text}");
        assert_eq!(text.matches('&').count(), 9, "one '&' between each of the 10 fields: {text}");
        assert_eq!(dec(&text), Decoded { saved: s, problems: vec![] }, "{text}");
    }
}

#[test]
fn encoding_skips_what_does_not_exist() {
    let g = g();
    let mut a = Answers::default();
    a.set(40, Answer::One(0)); // no question 40
    let s = Saved { answers: a, details: Details { la: Some(99), lhb: Some(99), ..Default::default() }, saved_on: None };
    assert_eq!(encode(g, &s), format!("v={VERSION}"));
}

// ---------------------------------------------------------------- versions

#[test]
fn the_day_of_saving_is_written_and_read_back() {
    let g = g();
    let mut s = saved(&[one(g, "setting", "school")], Details { child: "Siân".into(), ..Default::default() });
    s.saved_on = Some(Date { y: 2026, m: 11, d: 23 });
    let text = encode(g, &s);
    assert_eq!(text, "v=3&s=2026-11-23&a.setting=school&d.child=Si%C3%A2n");
    assert_eq!(dec(&text), Decoded { saved: s, problems: vec![] });
    // A broken day is dropped quietly; the answers stay.
    let d = dec("v=2&s=2026-02-31&a.setting=school");
    assert_eq!((d.saved.saved_on, d.problems.len()), (None, 0));
    assert!(d.saved.answers.get(0).is_some());
}

#[test]
fn the_previous_format_is_migrated_with_every_answer_kept() {
    let g = g();
    // Exactly what version 1 wrote (before the day of saving was added).
    let v1 = "v=1&a.setting=school&a.told=no_capacity%2Conce_year&a.s20_date=2026-09-01&d.child=Sam&d.school=Ysgol%20G%C5%B5yr&d.la=cardiff&d.lhb=ab";
    let d = dec(v1);
    assert_eq!(d.problems, vec![], "nothing to tell the parent: nothing was lost");
    let want = saved(
        &[one(g, "setting", "school"), many(g, "told", &["no_capacity", "once_year"]), on(g, "s20_date", SEPT)],
        Details { child: "Sam".into(), school: "Ysgol Gŵyr".into(), la: Some(0), lhb: Some(1), ..Default::default() },
    );
    assert_eq!(d.saved, want);
    // Written again in the current format, it reads back the same, with the day added.
    let mut again = d.saved.clone();
    again.saved_on = Some(Date { y: 2026, m: 11, d: 23 });
    let text = encode(g, &again);
    assert!(text.starts_with("v=3&s=2026-11-23&a.setting=school"), "{text}");
    assert_eq!(dec(&text).saved, again);
    // A version older than any Camau wrote is not guessed at.
    unreadable("v=0&a.setting=school");
}

// ---------------------------------------------------------------- reading junk

#[test]
fn text_that_is_not_camaus_is_unreadable_and_nothing_is_half_read() {
    for t in [
        "",
        "   ",
        "\n",
        "hello",
        "null",
        "{\"v\":1,\"answers\":{\"setting\":\"school\"}}",
        "[1,2,3]",
        "v=",
        "v=abc",
        "v=-1",
        "v=1.0",
        "V=1&a.setting=school",
        "a.setting=school&v=1",
        "&v=1&a.setting=school",
        "v=99999999999&a.setting=school",
    ] {
        unreadable(t);
    }
}

#[test]
fn a_version_older_than_any_camau_wrote_is_unreadable() {
    unreadable("v=0&a.setting=school");
}

#[test]
fn surrounding_spaces_and_a_final_newline_are_tolerated() {
    let d = dec("  v=1&a.setting=school\n");
    assert_eq!(d.problems, vec![]);
    assert_eq!(d.saved.answers, answers(&[one(g(), "setting", "school")]));
}

#[test]
fn a_newer_version_is_read_as_far_as_possible_and_flagged() {
    let g = g();
    let d = dec("v=4&a.setting=school&a.new_question=x&d.child=Sam&d.new_detail=1");
    assert_eq!(d.problems, vec![Problem::Newer(4), Problem::Dropped(vec!["new_question".into()])]);
    assert_eq!(d.saved.answers, answers(&[one(g, "setting", "school")]));
    assert_eq!(d.saved.details.child, "Sam");
}

#[test]
fn answers_to_questions_or_options_that_no_longer_exist_are_dropped_by_id_and_the_rest_kept() {
    let g = g();
    let d = dec("v=1&a.setting=school&a.gone=yes&a.told=no_capacity%2Cgone_option&a.s20_date=2026-09-01&d.child=Sam");
    assert_eq!(d.problems, vec![Problem::Dropped(vec!["gone".into(), "told".into()])]);
    assert_eq!(d.saved.answers, answers(&[one(g, "setting", "school"), on(g, "s20_date", SEPT)]));
    assert_eq!(d.saved.details.child, "Sam");
}

/// A question whose meaning changed has a new id and lists the old one in `replaces`: an
/// answer saved under the old id is dropped, and the problem names the new question, so the
/// parent is asked it again by its title. An option retired the same way names its question.
#[test]
fn answers_under_a_retired_id_are_dropped_and_name_the_question_that_replaced_it() {
    let g = &camau::content::GRAPH;
    let (old, new) = g.retired.iter().find(|(r, _)| *r == "dr_used").copied().expect("dr_used is retired");
    assert_eq!(g.questions[new as usize].id, "dr_when");
    assert!(g.question_by_id(old).is_none(), "a retired id is never a question's id again");
    let d = camau::engine::codec::decode(g, "v=3&a.setting=eotas&a.decision=la_decision&a.dr_used=yes");
    assert_eq!(d.problems, vec![Problem::Dropped(vec!["setting".into(), "dr_when".into()])]);
    assert_eq!(d.saved.answers, answers(&[one(g, "decision", "la_decision")]));
}

#[test]
fn answers_of_the_wrong_type_are_dropped_by_id() {
    let cases = [
        ("setting", "2026-09-01"),   // a date for a choice question
        ("setting", "School"),       // ids are exact
        ("setting", "school%2Cehe"), // two answers to a one-choice question
        ("setting", ""),
        ("told", ""),
        ("told", "none%2Cno_capacity"), // "None of these" with another option
        ("told", "no_capacity%2C%2Conce_year"),
        ("s20_date", "school"), // a choice for a date question
        ("s20_date", "2026-02-30"),
        ("s20_date", "2026-9-1"),
        ("s20_date", "01%2F09%2F2026"),
        ("meeting", "unsure"), // this question has no "I do not know"
        ("setting", "%ZZ"),    // a broken escape
        ("setting", "%C5"),    // not UTF-8
    ];
    for (q, v) in cases {
        let text = format!("v=1&a.{q}={v}&d.school=Ysgol");
        let d = dec(&text);
        assert_eq!(d.problems, vec![Problem::Dropped(vec![q.into()])], "{text}");
        assert!(d.saved.answers.is_empty(), "{text}");
        assert_eq!(d.saved.details.school, "Ysgol", "{text}: the rest is kept");
    }
}

#[test]
fn a_broken_detail_is_lost_but_reported_and_the_answers_kept() {
    let g = g();
    let d = dec("v=1&a.setting=school&d.child=%E2%82&d.school=Ysgol");
    assert_eq!(d.saved.details.child, "");
    assert_eq!(d.saved.details.school, "Ysgol");
    assert_eq!(d.saved.answers, answers(&[one(g, "setting", "school")]));
    assert!(!d.problems.is_empty(), "the parent is told something was lost");
}

#[test]
fn unknown_fields_are_ignored_and_escapes_are_read_in_either_case() {
    let d = dec("v=1&junk&=&x.y=z&d.favourite=blue&d.child=Si%c3%a2n&d.parent=Sam+Jones&d.school=Ysgol%20Ŵ");
    assert_eq!(d.problems, vec![]);
    assert_eq!(d.saved.details.child, "Siân");
    assert_eq!(d.saved.details.parent, "Sam+Jones", "'+' is not a space here");
    assert_eq!(d.saved.details.school, "Ysgol Ŵ");
}

#[test]
fn an_unknown_council_or_board_is_left_unchosen() {
    let d = dec("v=1&d.la=atlantis&d.lhb=nowhere");
    assert_eq!(d.saved.details.la, None);
    assert_eq!(d.saved.details.lhb, None);
    let d = dec("v=1&d.la=newport&d.lhb=cv");
    assert_eq!((d.saved.details.la, d.saved.details.lhb), (Some(1), Some(0)));
}

// ---------------------------------------------------------------- sizes

#[test]
fn an_oversized_name_is_shortened_by_characters_and_flagged_once() {
    assert_eq!((MAX_NAME, MAX_SCHOOL), (60, 120));
    let long = |c: &str, n: usize| c.repeat(n);
    let text = format!(
        "v=1&d.child={}&d.parent={}&d.school={}",
        percent_encode(&long("ŵ", 100)),
        percent_encode(&long("🦄", 61)),
        percent_encode(&long("s", 121))
    );
    let d = dec(&text);
    assert_eq!(d.problems, vec![Problem::Shortened]);
    assert_eq!(d.saved.details.child, long("ŵ", 60));
    assert_eq!(d.saved.details.parent, long("🦄", 60));
    assert_eq!(d.saved.details.school, long("s", 120));
    // At the limit nothing is cut.
    let text = format!("v=1&d.child={}&d.school={}", long("a", 60), long("b", 120));
    assert_eq!(dec(&text).problems, vec![]);
}

#[test]
fn saved_text_over_the_limit_is_not_read_at_all() {
    let head = "v=1&a.setting=school&x=";
    let at_limit = format!("{head}{}", "a".repeat(MAX_STORED - head.len()));
    assert_eq!(at_limit.len(), MAX_STORED);
    assert_eq!(dec(&at_limit).saved.answers, answers(&[one(g(), "setting", "school")]));
    unreadable(&format!("{at_limit}a"));
    unreadable(&format!("v=1&a.setting=school&d.child={}", "a".repeat(MAX_STORED)));
}

#[test]
fn limit_counts_characters_not_bytes() {
    assert_eq!(limit("abc", 2), ("ab".to_string(), true));
    assert_eq!(limit("ab", 2), ("ab".to_string(), false));
    assert_eq!(limit("ŵŷâ", 2), ("ŵŷ".to_string(), true));
    assert_eq!(limit("", 0), (String::new(), false));
}

// ---------------------------------------------------------------- percent-encoding

#[test]
fn percent_encoding_leaves_only_unreserved_characters() {
    assert_eq!(percent_encode("AZaz09-_.~"), "AZaz09-_.~");
    assert_eq!(percent_encode("a b&c=d%e/ŵ"), "a%20b%26c%3Dd%25e%2F%C5%B5");
    assert_eq!(percent_encode("🦄"), "%F0%9F%A6%84");
    assert_eq!(percent_encode("\n+?#,"), "%0A%2B%3F%23%2C");
    assert_eq!(percent_encode(""), "");
}

#[test]
fn percent_decoding_reverses_it_and_refuses_broken_escapes() {
    for s in ["", "plain", "a b&c=d%e/ŵ", "🦄\n\r\t", "%", "%%41", "\u{0}", "ŷ‍👩"] {
        assert_eq!(percent_decode(&percent_encode(s)).as_deref(), Some(s));
    }
    assert_eq!(percent_decode("%41%c5%B5").as_deref(), Some("Aŵ"));
    assert_eq!(percent_decode("ŵ+").as_deref(), Some("ŵ+"));
    for broken in ["%", "%4", "%G1", "%%", "abc%2", "%-1", "%é1", "%C5", "%FF", "%C5%41", "%ED%A0%80", "%F0%9F%A6"] {
        assert_eq!(percent_decode(broken), None, "{broken:?}");
    }
}

/// "Save my answers to a file" and "Open saved answers": the file carries the answers and the
/// letters exactly; one that is not Camau's, from a newer Camau, or changed since is refused.
#[test]
fn the_answers_file_round_trips_and_refuses_what_is_not_it() {
    use camau::engine::codec::{file_text, read_file, FileProblem, Saved};
    use camau::engine::edit::{Edit, Edits};
    let g = &camau::content::GRAPH;
    let mut answers = camau::engine::Answers::default();
    answers.set(g.start, camau::engine::Answer::One(0));
    let saved = Saved { answers, details: camau::engine::Details { child: "Siân & <Ŵ>".into(), la: Some(3), ..Default::default() }, saved_on: None };
    let edits = Edits(vec![(1, Edit { version: 5, fills: vec![("[x]".into(), "y, & z".into())], text: Some("Dear…\nline 2".into()) })]);
    let text = file_text(g, &saved, &edits);
    let (d, e) = read_file(g, &text).expect("its own file");
    assert_eq!((d.saved.answers, d.saved.details, e.edits), (saved.answers.clone(), saved.details.clone(), edits.clone()));
    // Windows line ends and a byte-order mark (an editor opened it) are fine.
    assert!(read_file(g, &format!("\u{feff}{}", text.replace('\n', "\r\n"))).is_ok());
    assert_eq!(read_file(g, "just some notes\nv=2&a.setting=school"), Err(FileProblem::NotCamau));
    assert_eq!(read_file(g, ""), Err(FileProblem::NotCamau));
    assert_eq!(read_file(g, &text.replace("Si%C3%A2n", "Tom")), Err(FileProblem::Damaged), "changed after saving");
    assert_eq!(read_file(g, &text[..text.len() - 20]), Err(FileProblem::Damaged), "cut short");
    let newer = {
        let body = "v=99&a.setting=school\nv=1";
        format!("{} {}\n{body}\n", camau::engine::codec::FILE_HEAD, camau::engine::edit::version(body))
    };
    assert_eq!(read_file(g, &newer), Err(FileProblem::Newer));
}

/// Version 3 (2 December 2026) adds the optional details for letters: the child's full name and
/// date of birth, and how to reach the parent. A version 2 line reads as it is (no such
/// details), and is written again as 3; the new details round-trip, shortened to their limits.
#[test]
fn version_2_is_read_and_the_details_for_letters_round_trip() {
    let g = g();
    let v2 = "v=2&s=2026-11-23&a.setting=school&d.child=Sam&d.la=cardiff";
    let d = dec(v2);
    assert_eq!(d.problems, vec![]);
    assert_eq!((d.saved.details.child.as_str(), d.saved.details.full_name.as_str()), ("Sam", ""));
    let mut s = d.saved.clone();
    s.details.full_name = "Samuel Ŵyn Jones & co".into();
    s.details.dob = "4 March 2015".into();
    s.details.contact = "sam@example.org, 01234 567890".into();
    let text = encode(g, &s);
    assert!(text.starts_with("v=3&"), "{text}");
    assert_eq!(dec(&text).saved, s);
    let long = format!("v=3&d.dob={}", "9".repeat(100));
    let d = dec(&long);
    assert_eq!((d.saved.details.dob.chars().count(), d.problems.clone()), (camau::engine::MAX_DOB, vec![Problem::Shortened]));
}
