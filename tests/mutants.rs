//! Tests written from mutation testing of `src/engine` (cargo-mutants; see README,
//! "Mutation testing"). Each one pins a behaviour that a surviving mutant changed.

mod common;

use camau::content::GRAPH;
use camau::engine::codec::{decode, encode, percent_decode, percent_encode, Problem, Saved, MAX_STORED};
use camau::engine::date::{is_leap, parse_parts, weeks_days, DateError};
use camau::engine::graph::*;
use camau::engine::*;
use camau_graph::late::{fnv64, SEP};
use common::*;

const TODAY: (i32, u8, u8) = (2026, 12, 1);

fn today() -> camau::engine::date::Date {
    date(TODAY.0, TODAY.1, TODAY.2)
}

// ---------- answers and which answers fit ----------

#[test]
fn setting_an_earlier_question_keeps_the_later_answers() {
    let mut a = Answers::default();
    a.set(4, Answer::One(1));
    a.set(0, Answer::One(0));
    assert_eq!(a.get(4), Some(&Answer::One(1)), "answering question 0 lost the answer to question 4");
    assert_eq!(a.get(0), Some(&Answer::One(0)));
    assert_eq!(a.count(), 2);
    assert!(!a.is_empty());
    a.clear(4);
    a.clear(0);
    assert!(a.is_empty());
}

fn many_options(n: usize) -> &'static Graph {
    let names: Vec<String> = (0..n).map(|i| format!("o{i}")).collect();
    let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
    let mut b = Builder::new("m");
    b.many("m", &refs, &[], Some("check"));
    b.build()
}

#[test]
fn a_question_with_63_options_takes_its_last_option_and_64_options_never_panics() {
    let g = many_options(63);
    assert!(fits(&g.questions[0], &Answer::Many(1 << 62)), "the 63rd option is a real option");
    assert!(!fits(&g.questions[0], &Answer::Many(1 << 63)), "there is no 64th option");
    // Too many options for the bit set: refused, not a shift overflow.
    let g = many_options(64);
    assert!(!fits(&g.questions[0], &Answer::Many(1)));
}

#[test]
fn a_radio_answer_past_the_last_option_does_not_fit() {
    let mut b = Builder::new("q");
    b.one("q", &[("a", None), ("b", None)], Some("check"));
    let g = b.build();
    assert!(fits(&g.questions[0], &Answer::One(1)));
    assert!(!fits(&g.questions[0], &Answer::One(2)));
}

#[test]
fn none_of_these_stands_alone_but_ordinary_options_combine() {
    let mut b = Builder::new("m");
    b.many("m", &["a", "b", "c"], &["none"], Some("check"));
    let g = b.build();
    let q = &g.questions[0];
    let pick = |os: &[&str]| many(g, "m", os).1;
    assert!(fits(q, &pick(&["a", "b"])), "two ordinary options together");
    assert!(fits(q, &pick(&["b", "c"])));
    assert!(fits(q, &pick(&["a", "b", "c"])));
    assert!(fits(q, &pick(&["none"])), "None of these alone");
    assert!(!fits(q, &pick(&["a", "none"])), "None of these with another option");
    assert!(!fits(q, &pick(&["c", "none"])));
    assert!(!fits(q, &Answer::Many(0)), "nothing ticked");
    assert!(!fits(q, &Answer::Many(1 << 4)), "an option that does not exist");
}

// ---------- conditions and deadlines ----------

fn deadline_graph() -> &'static Graph {
    let mut b = Builder::new("when");
    b.date("when", false, false, Some("check"));
    b.citation("c", "c");
    b.deadline("d", "when", 10, Unit::Days, &["c"]);
    b.finding("late", Section::Deadlines, overdue("d")).basis(&["c"]).deadline("d");
    b.finding("soon", Section::Deadlines, upcoming("d")).basis(&["c"]).deadline("d");
    b.build()
}

#[test]
fn a_deadline_due_today_is_upcoming_not_overdue() {
    let g = deadline_graph();
    let t = today();
    let a = answers(&[on(g, "when", t.add_days(-10))]);
    let ev = Eval { g, answers: &a, today: t };
    assert_eq!(ev.due(0), Some(t));
    assert!(!ev.holds(&g.findings[0].when), "due today is not overdue");
    assert!(ev.holds(&g.findings[1].when), "due today is still upcoming");
    let o = outcome(g, &a, t);
    assert_eq!(o.deadlines.len(), 1);
    assert_eq!(o.deadlines[0].days_left, 0);
    assert!(!o.deadlines[0].overdue());
    // One day later it is overdue by one day.
    let a = answers(&[on(g, "when", t.add_days(-11))]);
    let o = outcome(g, &a, t);
    assert_eq!(o.deadlines[0].days_left, -1);
    assert!(o.deadlines[0].overdue());
    assert_eq!(ids(g, &o.findings), ["late"]);
    // Nine days to go.
    let a = answers(&[on(g, "when", t.add_days(-1))]);
    let o = outcome(g, &a, t);
    assert_eq!(o.deadlines[0].days_left, 9);
    assert!(!o.deadlines[0].overdue());
    assert_eq!(ids(g, &o.findings), ["soon"]);
}

#[test]
fn ne_in_and_has_conditions() {
    let mut b = Builder::new("q");
    b.one("q", &[("a", None), ("b", None), ("c", None)], Some("m"));
    b.many("m", &["x", "y"], &[], Some("check"));
    b.citation("c", "c");
    b.finding("not_a", Section::Steps, ne("q", "a")).basis(&["c"]);
    b.finding("a_or_b", Section::Steps, is_in("q", &["a", "b"])).basis(&["c"]);
    b.finding("has_y", Section::Steps, has("m", "y")).basis(&["c"]);
    let g = b.build();
    let shown = |o: &str, m: &[&str]| ids(g, &outcome(g, &answers(&[one(g, "q", o), many(g, "m", m)]), today()).findings);
    assert_eq!(shown("a", &["x"]), ["a_or_b"]);
    assert_eq!(shown("b", &["y"]), ["not_a", "a_or_b", "has_y"]);
    assert_eq!(shown("c", &["x", "y"]), ["not_a", "has_y"]);
}

// ---------- the walk ----------

fn line() -> &'static Graph {
    let mut b = Builder::new("a");
    b.one("a", &[("yes", None), ("no", Some("c"))], Some("b"));
    b.one("b", &[("yes", None)], Some("c"));
    b.one("c", &[("yes", None)], Some("check"));
    b.build()
}

#[test]
fn the_back_link_goes_to_the_question_before_and_the_first_has_none() {
    let g = line();
    let a = answers(&[one(g, "a", "yes"), one(g, "b", "yes")]);
    let w = walk(g, &a, today());
    assert_eq!(w.path, [0, 1]);
    assert_eq!(w.next, Some(2));
    assert!(!w.done());
    assert_eq!(w.before(0), None, "the first question has no back link to another question");
    assert_eq!(w.before(1), Some(0));
    assert_eq!(w.before(2), Some(1), "the next question goes back to the last answered one");
    assert!(w.allows(0) && w.allows(1) && w.allows(2));
    let a = answers(&[one(g, "a", "no")]);
    let w = walk(g, &a, today());
    assert_eq!(w.path, [0]);
    assert!(!w.allows(1), "a question off the path is not shown");
    assert!(w.allows(2));
}

#[test]
fn a_loop_in_a_hand_made_graph_ends_the_walk_without_repeating_a_question() {
    let mut b = Builder::new("a");
    b.one("a", &[("yes", None)], Some("b"));
    b.one("b", &[("yes", None)], Some("a"));
    let g = b.build();
    let a = answers(&[one(g, "a", "yes"), one(g, "b", "yes")]);
    let w = walk(g, &a, today());
    assert_eq!(w.path, [0, 1]);
    assert!(w.done());
}

#[test]
fn answering_names_exactly_the_questions_that_left_the_route() {
    let g = line();
    let t = today();
    let mut a = answers(&[one(g, "a", "yes"), one(g, "b", "yes"), one(g, "c", "yes")]);
    let before = walk(g, &a, t);
    let (q, x) = one(g, "a", "no");
    let r = answer(g, &mut a, &before, q, x, t);
    assert_eq!(r.no_longer, [1], "only b left the route; a and c are still on it");
    assert_eq!(r.walk.path, [0, 2]);
}

// ---------- the outcome ----------

#[test]
fn findings_come_in_section_then_rank_order_whatever_the_content_order() {
    let mut b = Builder::new("q");
    b.one("q", &[("a", None)], Some("check"));
    b.citation("c", "c");
    b.finding("steps_late", Section::Steps, always()).basis(&["c"]).rank(9);
    b.finding("steps_early", Section::Steps, always()).basis(&["c"]).rank(1);
    b.finding("told", Section::Told, always()).basis(&["c"]).rank(5);
    b.finding("responsible", Section::Responsible, always()).basis(&["c"]).rank(7);
    let g = b.build();
    let o = outcome(g, &answers(&[one(g, "q", "a")]), today());
    assert_eq!(ids(g, &o.findings), ["responsible", "told", "steps_early", "steps_late"]);
    assert_eq!(ids(g, &o.in_section(g, Section::Steps)), ["steps_early", "steps_late"]);
    assert_eq!(ids(g, &o.in_section(g, Section::Told)), ["told"]);
    assert!(o.in_section(g, Section::Escalation).is_empty());
}

#[test]
fn two_deadlines_are_both_listed_soonest_first_and_a_shared_one_once() {
    let mut b = Builder::new("d1");
    b.date("d1", false, false, Some("d2"));
    b.date("d2", false, false, Some("check"));
    b.citation("c", "c");
    b.deadline("later", "d1", 30, Unit::Days, &["c"]);
    b.deadline("sooner", "d2", 5, Unit::Days, &["c"]);
    b.finding("f1", Section::Deadlines, always()).basis(&["c"]).deadline("later");
    b.finding("f2", Section::Deadlines, always()).basis(&["c"]).deadline("later");
    b.finding("f3", Section::Deadlines, always()).basis(&["c"]).deadline("sooner");
    let g = b.build();
    let t = today();
    let o = outcome(g, &answers(&[on(g, "d1", t), on(g, "d2", t)]), t);
    let got: Vec<(&str, i64)> = o.deadlines.iter().map(|s| (g.deadlines[s.deadline as usize].id, s.days_left)).collect();
    assert_eq!(got, [("sooner", 5), ("later", 30)]);
}

#[test]
fn the_health_board_is_the_one_chosen_else_the_authoritys() {
    let mut b = Builder::new("q");
    b.one("q", &[("a", None)], Some("check"));
    b.board("b0", "Board zero").board("b1", "Board one").board("b2", "Board two");
    b.authority("la0", "LA zero", "b2");
    let g = b.build();
    let d = Details { la: Some(0), ..Default::default() };
    assert_eq!(d.board(g), Some(2));
    let d = Details { la: Some(0), lhb: Some(1), ..Default::default() };
    assert_eq!(d.board(g), Some(1));
    assert_eq!(Details::default().board(g), None);
}

// ---------- letters ----------

#[test]
fn long_dates_name_every_month_right() {
    for (m, name) in MONTHS.iter().enumerate() {
        assert_eq!(long_date(date(2027, m as u8 + 1, 14), &MONTHS), format!("14 {name} 2027"));
    }
}

#[test]
fn a_letter_fills_dates_and_keeps_the_text_around_them() {
    let mut b = Builder::new("when");
    b.date("when", false, false, Some("check"));
    b.citation("c", "c");
    b.deadline("d", "when", 2, Unit::Weeks, &["c"]);
    let g = b.build();
    let t = today();
    let a = answers(&[on(g, "when", date(2026, 11, 2))]);
    let w = words();
    let got = fill(g, "Asked on {date:when}; due {due:d}.", &a, &Details::default(), t, &w);
    assert_eq!(got, "Asked on 2 November 2026; due 16 November 2026.");
    assert_eq!(fill(g, "x{today}y", &a, &Details::default(), t, &w), "x1 December 2026y");
    assert_eq!(fill(g, "{nope} and {", &a, &Details::default(), t, &w), "{nope} and {");
}

// ---------- saved answers ----------

#[test]
fn percent_escapes_decode_to_the_bytes_they_name() {
    assert_eq!(percent_decode("a%41b").as_deref(), Some("aAb"));
    assert_eq!(percent_decode("x%2C%7e").as_deref(), Some("x,~"));
    assert_eq!(percent_decode("%C5%B5").as_deref(), Some("ŵ"));
    assert_eq!(percent_decode("ab%4"), None, "a cut-off escape");
    assert_eq!(percent_encode("a,b ŵ~"), "a%2Cb%20%C5%B5~");
}

fn saved_graph() -> &'static Graph {
    let mut b = Builder::new("m");
    b.many("m", &["x", "y", "z"], &[], Some("check"));
    b.board("b0", "Board zero").board("b1", "Board one");
    b.authority("la0", "LA zero", "b0").authority("la1", "LA one", "b1");
    b.build()
}

#[test]
fn several_ticked_options_are_saved_and_read_back() {
    let g = saved_graph();
    let s = Saved { answers: answers(&[many(g, "m", &["x", "z"])]), ..Default::default() };
    let text = encode(g, &s);
    assert!(text.contains("a.m=x%2Cz"), "{text}");
    let back = decode(g, &text);
    assert_eq!(back.problems, []);
    assert_eq!(back.saved, s);
}

#[test]
fn empty_details_are_not_written_and_given_ones_come_back() {
    let g = saved_graph();
    let s = Saved { details: Details { child: "Sam".into(), la: Some(1), lhb: Some(1), ..Default::default() }, ..Default::default() };
    let text = encode(g, &s);
    assert!(!text.contains("d.parent"), "{text}");
    assert!(!text.contains("d.school"), "{text}");
    let back = decode(g, &text);
    assert_eq!(back.saved.details, s.details);
    assert_eq!(back.problems, []);
}

#[test]
fn every_detail_is_read_from_saved_text() {
    let g = saved_graph();
    let d = decode(g, "v=2&d.child=Sam&d.parent=Alex&d.school=Ysgol&d.la=la1&d.lhb=b0").saved.details;
    assert_eq!(d, Details { child: "Sam".into(), parent: "Alex".into(), school: "Ysgol".into(), la: Some(1), lhb: Some(0), ..Details::default() });
    let long = "n".repeat(MAX_NAME + 5);
    let got = decode(g, &format!("v=2&d.child={long}"));
    assert_eq!(got.saved.details.child.chars().count(), MAX_NAME);
    assert_eq!(got.problems, [Problem::Shortened]);
}

#[test]
fn saved_text_up_to_the_limit_is_read_and_longer_is_refused() {
    let g = saved_graph();
    let head = "v=2&d.child=Sam&x=";
    let at_limit = format!("{head}{}", "p".repeat(MAX_STORED - head.len()));
    assert_eq!(at_limit.len(), MAX_STORED);
    assert_eq!(MAX_STORED, 16 * 1024);
    let got = decode(g, &at_limit);
    assert_eq!(got.problems, []);
    assert_eq!(got.saved.details.child, "Sam");
    let over = format!("{at_limit}p");
    assert_eq!(decode(g, &over).problems, [Problem::Unreadable]);
    // A few kilobytes (more than 1040 bytes) are well within it.
    let mid = format!("{head}{}", "p".repeat(3000));
    assert_eq!(decode(g, &mid).problems, []);
}

#[test]
fn versions_older_than_1_are_unreadable_and_newer_ones_are_flagged() {
    let g = saved_graph();
    assert_eq!(decode(g, "v=0&d.child=Sam").problems, [Problem::Unreadable]);
    assert_eq!(decode(g, "v=1&d.child=Sam").problems, []);
    assert_eq!(decode(g, "v=2&d.child=Sam").problems, []);
    assert_eq!(decode(g, "v=3&d.child=Sam").problems, []);
    let newer = decode(g, "v=4&d.child=Sam");
    assert_eq!(newer.problems, [Problem::Newer(4)]);
    assert_eq!(newer.saved.details.child, "Sam", "a newer save is still read");
    assert_eq!(decode(g, "v=9").problems, [Problem::Newer(9)]);
}

#[test]
fn the_saved_day_is_read_back() {
    let g = saved_graph();
    let got = decode(g, "v=2&s=2026-11-23&d.child=Sam");
    assert_eq!(got.saved.saved_on, Some(date(2026, 11, 23)));
    assert_eq!(got.saved.details.child, "Sam");
}

// ---------- the graph's tables ----------

#[test]
fn every_id_in_the_shipped_graph_finds_its_own_entry() {
    let g = &GRAPH;
    for (i, q) in g.questions.iter().enumerate() {
        assert_eq!(g.question_by_id(q.id), Some(i as u16));
    }
    for (i, f) in g.findings.iter().enumerate() {
        assert_eq!(g.finding_by_id(f.id), Some(i as u16));
    }
    for (i, l) in g.letters.iter().enumerate() {
        assert_eq!(g.letter_by_id(l.id), Some(i as u16));
    }
    for (i, d) in g.deadlines.iter().enumerate() {
        assert_eq!(g.deadline_by_id(d.id), Some(i as u16));
    }
    for (i, c) in g.citations.iter().enumerate() {
        assert_eq!(g.citation_by_id(c.id), Some(i as u16));
    }
    assert!(g.letters.len() > 2 && g.citations.len() > 2 && g.findings.len() > 2);
    assert_eq!(g.letter_by_id("no such letter"), None);
    assert_eq!(g.citation_by_id("no such citation"), None);
    assert_eq!(g.finding_by_id("no such finding"), None);
}

#[test]
fn late_words_are_split_at_each_separator() {
    let l = Table::from_table(&["one", "two", "", "ŵ four"]);
    assert_eq!(l.len(), 4);
    assert!(!l.is_empty());
    assert_eq!(l.get(0), Some("one"));
    assert_eq!(l.get(1), Some("two"));
    assert_eq!(l.get(2), Some(""));
    assert_eq!(l.get(3), Some("ŵ four"));
    assert_eq!(l.get(4), None);
    let text = format!("a{SEP}b");
    let file = |hash, count| WordsFile { name: "", hash, count };
    assert!(Table::accept(text.clone().into_bytes(), &file(fnv64(text.as_bytes()), 2)).is_ok());
    assert!(Table::accept(text.clone().into_bytes(), &file(fnv64(text.as_bytes()) ^ 1, 2)).is_err(), "wrong hash");
    assert!(Table::accept(text.clone().into_bytes(), &file(fnv64(text.as_bytes()), 3)).is_err(), "wrong count");
}

// ---------- dates ----------

#[test]
fn leap_years() {
    for y in [2024, 2000, 2400, 1996] {
        assert!(is_leap(y), "{y}");
    }
    for y in [2023, 1900, 2100, 2026] {
        assert!(!is_leap(y), "{y}");
    }
    assert_eq!(date(2028, 2, 29).add_days(1), date(2028, 3, 1));
}

#[test]
fn a_school_day_period_skips_weekends() {
    let fri = date(2026, 11, 27);
    assert_eq!(fri.weekday(), 4);
    assert_eq!(fri.add_school_days(1), date(2026, 11, 30), "Friday + 1 school day is Monday");
    assert_eq!(fri.add_school_days(0), fri);
    let sat = date(2026, 11, 28);
    assert_eq!(sat.add_school_days(1), date(2026, 11, 30));
    // 35 school days = 7 whole weeks, and the Christmas holiday (21 December to 3 January).
    assert_eq!(date(2026, 12, 1).add(35, Unit::SchoolDays), date(2027, 2, 2));
    assert_eq!(date(2026, 12, 1).add(35, Unit::TermDays), date(2027, 2, 2));
    assert_eq!(date(2026, 12, 1).add(3, Unit::Weeks), date(2026, 12, 22));
    assert_eq!(date(2026, 12, 1).add(3, Unit::Days), date(2026, 12, 4));
    assert_eq!(date(2026, 12, 1).weekday(), 1, "1 December 2026 is a Tuesday");
    assert_eq!(date(2027, 1, 3).weekday(), 6, "3 January 2027 is a Sunday");
}

#[test]
fn months_are_added_across_year_ends_and_short_months() {
    assert_eq!(date(2026, 1, 31).add_months(1), date(2026, 2, 28));
    assert_eq!(date(2028, 1, 31).add_months(1), date(2028, 2, 29));
    assert_eq!(date(2026, 11, 15).add_months(3), date(2027, 2, 15));
    assert_eq!(date(2026, 12, 15).add_months(1), date(2027, 1, 15));
    assert_eq!(date(2026, 1, 15).add_months(-1), date(2025, 12, 15));
    assert_eq!(date(2026, 3, 31).add(1, Unit::Months), date(2026, 4, 30));
    assert_eq!(date(2026, 6, 10).add_months(0), date(2026, 6, 10));
}

#[test]
fn the_last_real_day_and_month_and_todays_date_are_accepted() {
    let t = today();
    assert_eq!(parse_parts("31", "1", "2026", t, false), Ok(date(2026, 1, 31)));
    assert_eq!(parse_parts("15", "12", "2025", t, false), Ok(date(2025, 12, 15)));
    assert_eq!(parse_parts("32", "1", "2026", t, false), Err(DateError::NotReal));
    assert_eq!(parse_parts("1", "13", "2026", t, false), Err(DateError::NotReal));
    assert_eq!(parse_parts("1", "12", "2026", t, false), Ok(t), "today is not in the future");
    assert_eq!(parse_parts("2", "12", "2026", t, false), Err(DateError::Future));
    assert_eq!(parse_parts("2", "12", "2026", t, true), Ok(date(2026, 12, 2)));
}

#[test]
fn dates_thirty_years_back_and_five_years_ahead_are_the_limits() {
    let t = today();
    assert_eq!(parse_parts("1", "1", "1996", t, false), Ok(date(1996, 1, 1)));
    assert_eq!(parse_parts("31", "12", "1995", t, false), Err(DateError::TooOld));
    assert_eq!(parse_parts("31", "12", "2031", t, true), Ok(date(2031, 12, 31)));
    assert_eq!(parse_parts("1", "1", "2032", t, true), Err(DateError::NotReal));
    assert_eq!(parse_parts("1", "1", "2027", t, true), Ok(date(2027, 1, 1)));
    assert_eq!(parse_parts("1", "1", "20266", t, false), Err(DateError::YearDigits));
    assert_eq!(parse_parts("1", "1", "226", t, false), Err(DateError::YearDigits));
}

#[test]
fn iso_dates_are_read_digit_by_digit() {
    use camau::engine::date::Date;
    assert_eq!(Date::parse_iso("2026-11-23"), Some(date(2026, 11, 23)));
    assert_eq!(Date::parse_iso("1999-02-28"), Some(date(1999, 2, 28)));
    assert_eq!(Date::parse_iso("2026/11/23"), None);
    assert_eq!(Date::parse_iso("2026-11-2"), None);
    assert_eq!(Date::parse_iso("2026-11-233"), None);
    assert_eq!(Date::parse_iso("2026-1a-23"), None);
    assert_eq!(date(987, 3, 4).iso(), "0987-03-04");
}

#[test]
fn spans_are_said_in_weeks_and_days_either_way() {
    assert_eq!(weeks_days(15), (2, 1));
    assert_eq!(weeks_days(-15), (2, 1));
    assert_eq!(weeks_days(6), (0, 6));
    assert_eq!(weeks_days(14), (2, 0));
}

// ---------- calendar files ----------

#[test]
fn calendar_lines_fold_after_75_octets() {
    let l75 = "a".repeat(75);
    assert_eq!(ics::fold(&l75), l75, "75 octets fit on one line");
    let l76 = "a".repeat(76);
    assert_eq!(ics::fold(&l76), format!("{}\r\n a", "a".repeat(75)));
    let l150 = "b".repeat(150);
    // 75, then a space and 74 more, then a space and the last 1.
    assert_eq!(ics::fold(&l150), format!("{}\r\n {}\r\n b", "b".repeat(75), "b".repeat(74)));
    // A two-byte character that would cross octet 75 moves to the next line whole.
    let w = format!("{}ŵ", "a".repeat(74));
    assert_eq!(ics::fold(&w), format!("{}\r\n ŵ", "a".repeat(74)));
}

#[test]
fn the_outcome_lists_each_letter_citation_and_term_once() {
    let mut b = Builder::new("q");
    b.one("q", &[("a", None)], Some("check"));
    b.citation("c1", "one").citation("c2", "two").citation("c3", "three");
    b.term("t1", "IDP").term("t2", "ALNCo");
    b.letter("l1", "subject", "body", &["c3"]);
    b.finding("f1", Section::Steps, always()).basis(&["c1"]).letters(&["l1"]).terms(&["t1"]);
    b.finding("f2", Section::Steps, always()).basis(&["c1", "c2"]).letters(&["l1"]).terms(&["t1", "t2"]);
    let g = b.build();
    let o = outcome(g, &answers(&[one(g, "q", "a")]), today());
    assert_eq!(o.letters, [0], "the letter both findings offer, once");
    assert_eq!(o.citations, [0, 1, 2], "the findings' citations, then the letter's");
    assert_eq!(o.terms, [0, 1]);
}

#[test]
fn a_calendar_file_is_one_all_day_event_with_its_words_escaped() {
    let got = ics::event("idp-due", date(2026, 12, 31), today(), "IDP due; ask, then wait", "Line one\r\nback\\slash");
    let want = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Camau//IDP deadlines//EN",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        "UID:idp-due@camau",
        "DTSTAMP:20261201T000000Z",
        // An all-day event ends the next day: here in the next year.
        "DTSTART;VALUE=DATE:20261231",
        "DTEND;VALUE=DATE:20270101",
        "SUMMARY:IDP due\\; ask\\, then wait",
        "DESCRIPTION:Line one\\nback\\\\slash",
        // A reminder 3 days before, saying what the event is.
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:IDP due\\; ask\\, then wait",
        "TRIGGER:-P3D",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ];
    assert_eq!(got, want.map(|l| format!("{l}\r\n")).concat());
    // A long description is folded inside the file.
    let long = "w".repeat(100);
    let got = ics::event("u", date(2027, 1, 5), today(), "s", &long);
    assert!(got.contains(&format!("DESCRIPTION:{}\r\n {}\r\n", "w".repeat(63), "w".repeat(37))), "{got}");
    assert_eq!(ics::escape("a,b;c\\d\ne\rf"), "a\\,b\\;c\\\\d\\nef");
}

#[test]
fn no_late_words_is_an_empty_table_and_a_word_holding_the_separator_gives_none_rather_than_shifted_ones() {
    assert!(Table::default().is_empty(), "before the words file arrives");
    assert_eq!(Table::default().get(0), None);
    let bad = format!("b{SEP}c");
    let l = Table::from_table(&["a", &bad]);
    assert!(l.is_empty(), "{l:?}");
    assert_eq!(l.len(), 0);
    assert_eq!(l.get(1), None, "not \"c\" in place of the second word");
    assert!(!Table::from_table(&[""]).is_empty(), "one empty word is still one word");
}

#[test]
fn a_saved_date_with_one_wrong_separator_is_not_read() {
    use camau::engine::date::Date;
    assert_eq!(Date::parse_iso("2026-11/23"), None);
    assert_eq!(Date::parse_iso("2026/11-23"), None);
    assert_eq!(Date::parse_iso("2026-11-23"), Some(date(2026, 11, 23)));
}

#[test]
fn a_day_or_month_that_would_wrap_round_a_byte_is_not_real() {
    // 257 and 256 + 12 are not 1 and 12 (as a byte would have them).
    let t = today();
    assert_eq!(parse_parts("257", "1", "2026", t, false), Err(DateError::NotReal));
    assert_eq!(parse_parts("1", "257", "2026", t, false), Err(DateError::NotReal));
    assert_eq!(parse_parts("15", "268", "2025", t, false), Err(DateError::NotReal));
}


#[test]
fn day_numbers_stay_continuous_back_before_year_1() {
    // Hinnant's formulas take another branch before 1 March of year 0 (proleptic): moving a
    // date far enough back (`add_days` with a large negative number) reaches it, and the
    // count must not jump there.
    use camau::engine::date::Date;
    let first = Date { y: -801, m: 1, d: 1 };
    let (mut x, mut steps) = (first, 0i64);
    while x != date(1, 1, 1) {
        x = next_day(x);
        steps += 1;
    }
    let mut n = date(1, 1, 1).days() - steps;
    let mut x = first;
    while x != date(1, 1, 1) {
        assert_eq!(x.days(), n, "{x:?}");
        assert_eq!(Date::from_days(n), x, "day number {n}");
        x = next_day(x);
        n += 1;
    }
    assert_eq!(date(1, 1, 1).add_days(-366), Date { y: 0, m: 1, d: 1 }, "year 0 is a leap year");
}
