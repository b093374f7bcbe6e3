//! The walker, pruning, outcome assembly and letter filling, on a small hand-made
//! graph whose every expected result is worked out by hand below, and on the shipped graph.

mod common;

use camau::content::GRAPH;
use camau::engine::date::Date;
use camau::engine::graph::*;
use camau::engine::*;
use common::*;

/// The hand-made graph:
///
/// ```text
/// setting (one):   school → told, fei → told, ehe → ehe_decided (its own next)
/// ehe_decided (one): yes → meeting, no → check, unsure → check
/// meeting (date, no "unsure", future allowed) → check
/// told (many):     no_capacity, health_job, once_year | none (exclusive)
///                  route: told has no_capacity → s20_date; otherwise → check
/// s20_date (date, "unsure" allowed) → check
/// ```
fn g() -> &'static Graph {
    use std::sync::OnceLock;
    static G: OnceLock<&'static Graph> = OnceLock::new();
    G.get_or_init(|| {
        let mut b = Builder::new("setting");
        b.one("setting", &[("school", None), ("fei", None), ("ehe", Some("ehe_decided"))], Some("told"))
            .one("ehe_decided", &[("yes", Some("meeting")), ("no", None), ("unsure", None)], Some("check"))
            .date("meeting", false, true, Some("check"))
            .many("told", &["no_capacity", "health_job", "once_year"], &["none"], Some("check"))
            .route("told", has("told", "no_capacity"), "s20_date")
            .date("s20_date", true, false, Some("check"))
            .citation("c11", "ALNET Act s.11")
            .citation("c21", "ALNET Act s.21")
            .citation("c23", "ALNET Act s.23")
            .citation("c28", "ALNET Act s.28")
            .term("idp", "IDP")
            .term("aln", "ALN")
            .deadline("nhs", "s20_date", 6, Unit::Weeks, &["c21"])
            .deadline("review", "s20_date", 12, Unit::Months, &["c23"])
            .letter("ask_lhb", "Answer for {child}", "Dear {lhb}, referral of {date:s20_date}, due {due:nhs}.", &["c21"])
            .letter("ask_la", "Take over {child}'s IDP", "Dear {la}, {school} …", &["c28"])
            .board("cv", "Cardiff and Vale University Health Board")
            .board("ab", "Aneurin Bevan University Health Board")
            .authority("cardiff", "Cardiff Council", "cv")
            .authority("newport", "Newport City Council", "ab");
        // Declared in this order on purpose: the outcome must not follow it.
        b.finding("f_school", Section::Responsible, is_in("setting", &["school", "fei"])).rank(10).basis(&["c11"]).terms(&["idp"]);
        b.finding("f_ehe", Section::Responsible, eq("setting", "ehe")).rank(10).basis(&["c11"]).terms(&["idp"]);
        b.finding("f_practice", Section::Practice, always()).rank(1).practice();
        b.finding("f_cap", Section::Told, has("told", "no_capacity")).rank(5).basis(&["c21"]).letters(&["ask_lhb"]).terms(&["aln", "idp"]);
        b.finding("f_health_job", Section::Told, has("told", "health_job"))
            .rank(1)
            .basis(&["c21", "c11"])
            .letters(&["ask_lhb", "ask_la"]);
        b.finding("f_late", Section::Deadlines, overdue("nhs")).rank(10).basis(&["c21"]).deadline("nhs").letters(&["ask_lhb"]);
        b.finding("f_soon", Section::Deadlines, upcoming("nhs")).rank(20).basis(&["c21"]).deadline("nhs");
        b.finding("f_review", Section::Steps, known("s20_date")).step(Step::Request, "why").basis(&["c23"]).deadline("review");
        b.finding("f_unsure", Section::Steps, and(vec![answered("s20_date"), not(known("s20_date"))])).step(Step::Evidence, "why").basis(&["c21"]);
        b.finding("f_not_school", Section::Escalation, ne("setting", "school")).basis(&["c28"]);
        b.finding("f_once", Section::Told, has("told", "once_year")).rank(5).basis(&["c23"]);
        b.finding("f_never", Section::Responsible, or(vec![eq("ehe_decided", "yes"), eq("ehe_decided", "no")])).basis(&["c11"]);
        b.finding("f_nhs_info", Section::Deadlines, known("s20_date")).rank(30).basis(&["c21"]).deadline("nhs");
        b.build()
    })
}

fn q(id: &str) -> u16 {
    g().question_by_id(id).unwrap()
}

const TODAY: Date = Date { y: 2026, m: 3, d: 1 };
const REFERRAL: Date = Date { y: 2026, m: 1, d: 5 };

fn set(a: &mut Answers, x: (u16, Answer)) {
    a.set(x.0, x.1);
}

/// Answers the way a parent does: one question at a time. Returns the questions that no
/// longer apply (their answers are kept).
fn give(a: &mut Answers, x: (u16, Answer)) -> Vec<u16> {
    let before = walk(g(), a, TODAY);
    answer(g(), a, &before, x.0, x.1, TODAY).no_longer
}

/// The same for any graph.
fn give_in(g: &Graph, a: &mut Answers, x: (u16, Answer)) -> Answered {
    let before = walk(g, a, TODAY);
    answer(g, a, &before, x.0, x.1, TODAY)
}

fn school_path() -> Answers {
    let g = g();
    answers(&[one(g, "setting", "school"), many(g, "told", &["no_capacity"]), on(g, "s20_date", REFERRAL)])
}

// ---------------------------------------------------------------- the walker

#[test]
fn with_no_answers_the_first_question_is_the_start() {
    let w = walk(g(), &Answers::default(), TODAY);
    assert_eq!(pn(&w), (vec![], Some(q("setting"))));
    assert!(!w.done());
}

#[test]
fn the_walk_asks_the_next_unanswered_question_on_the_path() {
    let g = g();
    let mut a = Answers::default();
    set(&mut a, one(g, "setting", "school"));
    assert_eq!(pn(&walk(g, &a, TODAY)), (vec![q("setting")], Some(q("told"))));
    set(&mut a, many(g, "told", &["no_capacity"]));
    assert_eq!(pn(&walk(g, &a, TODAY)), (vec![q("setting"), q("told")], Some(q("s20_date"))), "the route is taken");
    set(&mut a, unsure(g, "s20_date"));
    let w = walk(g, &a, TODAY);
    assert_eq!(pn(&w), (vec![q("setting"), q("told"), q("s20_date")], None));
    assert!(w.done());
}

#[test]
fn routes_are_tried_only_when_they_hold_and_the_question_next_is_the_fallback() {
    let g = g();
    let a = answers(&[one(g, "setting", "fei"), many(g, "told", &["once_year", "health_job"])]);
    assert_eq!(pn(&walk(g, &a, TODAY)), (vec![q("setting"), q("told")], None));
}

#[test]
fn an_option_with_its_own_next_overrides_the_question_next() {
    let g = g();
    let a = answers(&[one(g, "setting", "ehe")]);
    assert_eq!(walk(g, &a, TODAY).next, Some(q("ehe_decided")));
    let a = answers(&[one(g, "setting", "ehe"), one(g, "ehe_decided", "yes")]);
    assert_eq!(walk(g, &a, TODAY).next, Some(q("meeting")));
}

#[test]
fn answers_to_questions_not_yet_reached_do_not_skip_the_path() {
    let g = g();
    // The parent answered s20_date (say, from an old session) but not told.
    let a = answers(&[one(g, "setting", "school"), on(g, "s20_date", REFERRAL)]);
    assert_eq!(pn(&walk(g, &a, TODAY)), (vec![q("setting")], Some(q("told"))));
}

#[test]
fn back_link_and_allowed_pages() {
    let g = g();
    let a = answers(&[one(g, "setting", "school"), many(g, "told", &["no_capacity"])]);
    let w = walk(g, &a, TODAY);
    assert_eq!(w.before(q("told")), Some(q("setting")));
    assert_eq!(w.before(q("setting")), None, "no back link on the first question");
    assert_eq!(w.before(q("s20_date")), Some(q("told")), "the next question goes back to the last answered");
    assert!(w.allows(q("setting")) && w.allows(q("told")) && w.allows(q("s20_date")));
    assert!(!w.allows(q("ehe_decided")), "a question off the path cannot be opened from a link");
    assert!(!w.allows(q("meeting")));
}

// ---------------------------------------------------------------- changing answers

#[test]
fn changing_an_earlier_answer_names_the_answers_no_longer_on_the_path_and_keeps_them() {
    let g = g();
    let mut a = school_path();
    let no_longer = give(&mut a, one(g, "setting", "ehe"));
    assert_eq!(no_longer, vec![q("told"), q("s20_date")]);
    assert_eq!(a.count(), 3, "nothing is deleted");
    assert_eq!(walk(g, &a, TODAY).on_route().count(), 1, "only the new answer counts");
    assert_eq!(a.get(q("setting")), Some(&Answer::One(2)));
    assert_eq!(walk(g, &a, TODAY).next, Some(q("ehe_decided")));
    // Going back to school brings the kept answers back: nothing to answer again.
    assert!(give(&mut a, one(g, "setting", "school")).is_empty());
    assert!(walk(g, &a, TODAY).done());
    assert_eq!(a, school_path());
}

#[test]
fn changing_an_earlier_answer_keeps_the_answers_still_on_the_path() {
    let g = g();
    let mut a = school_path();
    let dropped = give(&mut a, one(g, "setting", "fei"));
    assert!(dropped.is_empty(), "{dropped:?}");
    assert_eq!(a.get(q("told")), Some(&Answer::Many(1)));
    assert_eq!(a.get(q("s20_date")), Some(&Answer::Date(REFERRAL)));
    assert!(walk(g, &a, TODAY).done());
}

#[test]
fn changing_a_many_choice_answer_takes_the_question_its_route_led_to_off_the_route_and_back() {
    let g = g();
    let mut a = school_path();
    assert_eq!(give(&mut a, many(g, "told", &["once_year"])), vec![q("s20_date")]);
    assert!(walk(g, &a, TODAY).done());
    assert_eq!(a.get(q("s20_date")), Some(&Answer::Date(REFERRAL)), "the date is kept, not deleted");
    assert!(!outcome(g, &a, TODAY).deadlines.iter().any(|d| g.deadlines[d.deadline as usize].id == "nhs_answer"), "but it no longer counts");
    assert!(give(&mut a, many(g, "told", &["once_year", "no_capacity"])).is_empty());
    // Back on the route: the date the parent gave is replayed, not asked again.
    assert!(walk(g, &a, TODAY).done(), "the kept date answers the question again");
    assert_eq!(walk(g, &a, TODAY).path.last(), Some(&q("s20_date")));
}

#[test]
fn answering_a_question_off_the_path_keeps_it_but_changes_nothing_shown() {
    let g = g();
    let mut a = school_path();
    let before = a.clone();
    assert_eq!(give(&mut a, one(g, "ehe_decided", "yes")), Vec::<u16>::new());
    assert_ne!(a, before, "the answer is stored");
    assert_eq!(walk(g, &a, TODAY), walk(g, &before, TODAY));
    assert_eq!(outcome(g, &a, TODAY), outcome(g, &before, TODAY));
}

#[test]
fn on_route_keeps_exactly_the_answers_on_the_path() {
    let g = g();
    let a = school_path();
    assert_eq!(walk(g, &a, TODAY).on_route(), a);
    let mut more = a.clone();
    set(&mut more, one(g, "ehe_decided", "yes"));
    assert_eq!(walk(g, &more, TODAY).on_route(), a);
    assert_eq!(more.count(), a.count() + 1);
}

#[test]
fn different_answers_are_not_equal_and_empty_means_none() {
    let g = g();
    let a = answers(&[one(g, "setting", "school")]);
    let b = answers(&[one(g, "setting", "ehe")]);
    let c = answers(&[one(g, "setting", "school"), one(g, "ehe_decided", "yes")]);
    assert_ne!(a, b);
    assert_ne!(a, c);
    assert_ne!(c, a);
    assert_ne!(Answers::default(), a);
    assert!(Answers::default().is_empty());
    assert!(!a.is_empty());
    let mut cleared = a.clone();
    cleared.clear(q("setting"));
    assert!(cleared.is_empty());
    assert_eq!(cleared, Answers::default());
}

#[test]
fn answers_compare_by_what_was_answered_not_by_storage_length() {
    let g = g();
    let mut a = answers(&[one(g, "setting", "school")]);
    set(&mut a, on(g, "s20_date", REFERRAL)); // a later index grows the storage …
    a.clear(q("s20_date")); // … and clearing it leaves an empty slot behind.
    assert_eq!(a, answers(&[one(g, "setting", "school")]));
    assert_eq!(a.count(), 1);
}

/// setting: school → looked_after → idp; fei → idp.
/// idp: route "not looked_after = yes" → extra; otherwise → other.
fn stale_graph() -> &'static Graph {
    let mut b = Builder::new("setting");
    b.one("setting", &[("school", Some("looked_after")), ("fei", Some("idp"))], None)
        .one("looked_after", &[("yes", None), ("no", None)], Some("idp"))
        .one("idp", &[("a", None), ("b", None)], Some("other"))
        .route("idp", not(eq("looked_after", "yes")), "extra")
        .one("extra", &[("x", None), ("y", None)], Some("check"))
        .one("other", &[("p", None), ("q", None)], Some("check"))
        .citation("c", "c");
    b.finding("f_other", Section::Responsible, eq("other", "p")).basis(&["c"]);
    b.finding("f_extra", Section::Responsible, eq("extra", "x")).basis(&["c"]);
    b.build()
}

#[test]
fn an_answer_off_the_path_never_steers_the_path() {
    let g = stale_graph();
    let q = |id: &str| g.question_by_id(id).unwrap();
    // looked_after was answered on an earlier path (through "school"); the parent now says "fei",
    // so looked_after is not asked and its old answer must not choose idp's route.
    let a = answers(&[one(g, "setting", "fei"), one(g, "idp", "a"), one(g, "extra", "x"), one(g, "looked_after", "yes")]);
    assert_eq!(pn(&walk(g, &a, TODAY)), (vec![q("setting"), q("idp"), q("extra")], None));
    let on = walk(g, &a, TODAY).on_route();
    assert_eq!(on.get(q("looked_after")), None);
    assert_eq!(on.count(), 3);
    assert_eq!(ids(g, &outcome(g, &a, TODAY).findings), ["f_extra"]);
}

#[test]
fn a_change_names_what_no_longer_applies_keeps_it_and_a_change_back_brings_it_back() {
    let g = stale_graph();
    let q = |id: &str| g.question_by_id(id).unwrap();
    let mut a = Answers::default();
    for x in [one(g, "setting", "school"), one(g, "looked_after", "yes"), one(g, "idp", "a"), one(g, "other", "p")] {
        give_in(g, &mut a, x);
    }
    assert!(walk(g, &a, TODAY).done());
    let full = a.clone();
    assert_eq!(ids(g, &outcome(g, &a, TODAY).findings), ["f_other"]);
    // Now "fei": looked_after is off the path, so idp's route leads to extra, and other is off the path too.
    let done = give_in(g, &mut a, one(g, "setting", "fei"));
    assert_eq!(done.no_longer, vec![q("looked_after"), q("other")]);
    assert_eq!(pn(&done.walk), (vec![q("setting"), q("idp")], Some(q("extra"))));
    assert_eq!(done.walk, walk(g, &a, TODAY), "the walk returned is the walk of the answers");
    assert!(outcome(g, &a, TODAY).findings.is_empty(), "the old answer to 'other' must not reach the outcome");
    assert_eq!(a.get(q("other")), full.get(q("other")), "but it is kept");
    // Changing back replays every kept answer: nothing to answer again, the same outcome.
    let back = give_in(g, &mut a, one(g, "setting", "school"));
    assert!(back.no_longer.is_empty());
    assert!(back.walk.done());
    assert_eq!(a, full);
    assert_eq!(ids(g, &outcome(g, &a, TODAY).findings), ["f_other"]);
}

// ---------------------------------------------------------------- answers that do not fit

#[test]
fn an_answer_that_does_not_fit_its_question_is_asked_again() {
    let g = g();
    let cases: Vec<(Answers, &str)> = vec![
        (answers(&[(q("setting"), Answer::One(3))]), "setting"),
        (answers(&[(q("setting"), Answer::Many(1))]), "setting"),
        (answers(&[one(g, "setting", "school"), (q("told"), Answer::Many(0))]), "told"),
        (answers(&[one(g, "setting", "school"), (q("told"), Answer::Many(1 << 4))]), "told"),
        (answers(&[one(g, "setting", "school"), (q("told"), Answer::Many(0b1001))]), "told"),
        (answers(&[one(g, "setting", "school"), (q("told"), Answer::One(0))]), "told"),
        (answers(&[one(g, "setting", "school"), many(g, "told", &["no_capacity"]), (q("s20_date"), Answer::One(0))]), "s20_date"),
        (answers(&[one(g, "setting", "ehe"), one(g, "ehe_decided", "yes"), unsure(g, "meeting")]), "meeting"),
    ];
    for (a, asked) in cases {
        let w = walk(g, &a, TODAY);
        assert_eq!(w.next, Some(q(asked)), "{a:?}");
        assert!(!w.path.contains(&q(asked)));
        // It does not count, and nothing after it does.
        let on = w.on_route();
        assert_eq!(on.get(q(asked)), None, "{a:?}");
    }
}

#[test]
fn which_answers_fit() {
    let g = g();
    let setting = &g.questions[q("setting") as usize];
    let told = &g.questions[q("told") as usize];
    let s20 = &g.questions[q("s20_date") as usize];
    let meeting = &g.questions[q("meeting") as usize];
    assert!(fits(setting, &Answer::One(0)) && fits(setting, &Answer::One(2)));
    assert!(!fits(setting, &Answer::One(3)));
    assert!(!fits(setting, &Answer::Date(REFERRAL)));
    assert!(fits(told, &Answer::Many(0b0111)), "every ordinary option together");
    assert!(fits(told, &Answer::Many(0b1000)), "\"none\" alone");
    assert!(!fits(told, &Answer::Many(0b1001)), "\"none\" with another option");
    assert!(!fits(told, &Answer::Many(0)), "nothing chosen");
    assert!(!fits(told, &Answer::Many(0b1_0000)), "an option that does not exist");
    assert!(!fits(told, &Answer::Many(1 << 63)));
    assert!(fits(s20, &Answer::Date(REFERRAL)) && fits(s20, &Answer::Unsure));
    assert!(!fits(meeting, &Answer::Unsure), "no \"I do not know\" on this question");
    assert!(!fits(s20, &Answer::One(0)) && !fits(s20, &Answer::Many(1)));
}

// ---------------------------------------------------------------- conditions

/// Whether a condition of its own (not one of the graph's) holds.
fn holds(ev: &Eval, c: CondTree) -> bool {
    ev.holds_code(&c.code())
}

#[test]
fn an_unanswered_question_makes_every_comparison_false() {
    let g = g();
    let a = Answers::default();
    let ev = Eval { g, answers: &a, today: TODAY };
    let (s, t) = (q("setting") as u8, q("told") as u8);
    assert!(!holds(&ev, CondTree::Eq(s, 0)));
    assert!(!holds(&ev, CondTree::Ne(s, 0)), "!= is false too when nothing was chosen");
    assert!(!holds(&ev, CondTree::In(s, vec![0, 1, 2])));
    assert!(!holds(&ev, CondTree::Has(t, 0)));
    assert!(!holds(&ev, CondTree::Answered(s)));
    assert!(!holds(&ev, CondTree::Known(q("s20_date") as u8)));
    assert!(holds(&ev, CondTree::Not(Box::new(CondTree::Eq(s, 0)))));
    assert!(holds(&ev, CondTree::Always));
    assert!(holds(&ev, CondTree::And(vec![])), "an empty 'and' holds");
    assert!(!holds(&ev, CondTree::Or(vec![])), "an empty 'or' does not");
}

#[test]
fn conditions_on_given_answers() {
    let g = g();
    let a = answers(&[one(g, "setting", "fei"), many(g, "told", &["no_capacity", "once_year"]), unsure(g, "s20_date")]);
    let ev = Eval { g, answers: &a, today: TODAY };
    let (s, t, d) = (q("setting") as u8, q("told") as u8, q("s20_date") as u8);
    assert!(holds(&ev, CondTree::Eq(s, 1)) && !holds(&ev, CondTree::Eq(s, 0)));
    assert!(holds(&ev, CondTree::Ne(s, 0)) && !holds(&ev, CondTree::Ne(s, 1)));
    assert!(holds(&ev, CondTree::In(s, vec![0, 1])) && !holds(&ev, CondTree::In(s, vec![0, 2])));
    assert!(holds(&ev, CondTree::Has(t, 0)) && holds(&ev, CondTree::Has(t, 2)) && !holds(&ev, CondTree::Has(t, 1)));
    assert!(holds(&ev, CondTree::Answered(d)), "\"I do not know\" is an answer");
    assert!(!holds(&ev, CondTree::Known(d)), "but not a known date");
    assert!(!holds(&ev, CondTree::Overdue(0)) && !holds(&ev, CondTree::Upcoming(0)), "no date, no deadline");
    assert_eq!(ev.due(0), None);
    // A comparison of the wrong kind is simply false.
    assert!(!holds(&ev, CondTree::Eq(t, 0)));
    assert!(!holds(&ev, CondTree::Has(s, 1)));
}

#[test]
fn a_deadline_is_due_on_its_last_day_and_overdue_the_day_after() {
    let g = g();
    let a = answers(&[on(g, "s20_date", REFERRAL)]);
    // 5 January 2026 + 6 weeks (42 days) = 16 February 2026.
    let due = Date { y: 2026, m: 2, d: 16 };
    for (today, overdue) in [(Date { y: 2026, m: 2, d: 15 }, false), (due, false), (Date { y: 2026, m: 2, d: 17 }, true)] {
        let ev = Eval { g, answers: &a, today };
        assert_eq!(ev.due(0), Some(due));
        assert_eq!(holds(&ev, CondTree::Overdue(0)), overdue, "{today:?}");
        assert_eq!(holds(&ev, CondTree::Upcoming(0)), !overdue, "{today:?}");
    }
}

// ---------------------------------------------------------------- the outcome

#[test]
fn the_outcome_gathers_every_finding_that_holds_in_section_then_rank_order() {
    let g = g();
    let a = answers(&[one(g, "setting", "school"), many(g, "told", &["no_capacity", "health_job", "once_year"]), on(g, "s20_date", REFERRAL)]);
    let o = outcome(g, &a, TODAY);
    assert_eq!(
        ids(g, &o.findings),
        [
            "f_school",     // responsible
            "f_health_job", // told, rank 1
            "f_cap",        // told, rank 5, declared before f_once
            "f_once",       // told, rank 5
            "f_late",       // deadlines, rank 10: 16 February is before 1 March
            "f_nhs_info",   // deadlines, rank 30
            "f_review",     // steps
            "f_practice",   // practice
        ]
    );
    assert_eq!(ids(g, &o.in_section(g, Section::Told)), ["f_health_job", "f_cap", "f_once"]);
    assert!(o.in_section(g, Section::Escalation).is_empty());
}

#[test]
fn deadlines_are_computed_once_and_sorted_by_date_with_days_left() {
    let g = g();
    let a = answers(&[one(g, "setting", "school"), many(g, "told", &["no_capacity"]), on(g, "s20_date", REFERRAL)]);
    let o = outcome(g, &a, TODAY);
    // nhs: 16 February 2026, 13 days before 1 March. review: 5 January 2027,
    // 306 days from 1 March 2026 to 1 January 2027, plus 4.
    assert_eq!(
        o.deadlines,
        vec![
            DeadlineStatus { deadline: 0, due: Date { y: 2026, m: 2, d: 16 }, days_left: -13 },
            DeadlineStatus { deadline: 1, due: Date { y: 2027, m: 1, d: 5 }, days_left: 310 },
        ]
    );
    assert!(o.deadlines[0].overdue() && !o.deadlines[1].overdue());
    // On the due day itself: not overdue, and the "upcoming" finding shows instead.
    let o = outcome(g, &a, Date { y: 2026, m: 2, d: 16 });
    assert_eq!(o.deadlines[0].days_left, 0);
    assert!(!o.deadlines[0].overdue());
    let f = ids(g, &o.findings);
    assert!(f.contains(&"f_soon") && !f.contains(&"f_late"), "{f:?}");
    assert_eq!(outcome(g, &a, Date { y: 2026, m: 2, d: 17 }).deadlines[0].days_left, -1);
}

#[test]
fn without_a_date_there_is_no_deadline_but_a_finding_that_says_how_to_find_out() {
    let g = g();
    let a = answers(&[one(g, "setting", "school"), many(g, "told", &["no_capacity"]), unsure(g, "s20_date")]);
    let o = outcome(g, &a, TODAY);
    assert!(o.deadlines.is_empty());
    let f = ids(g, &o.findings);
    assert!(f.contains(&"f_unsure"));
    for x in ["f_late", "f_soon", "f_review", "f_nhs_info"] {
        assert!(!f.contains(&x), "{x} in {f:?}");
    }
}

#[test]
fn letters_citations_and_terms_are_collected_once_each_in_order_of_first_use() {
    let g = g();
    let a = answers(&[one(g, "setting", "school"), many(g, "told", &["no_capacity", "health_job", "once_year"]), on(g, "s20_date", REFERRAL)]);
    let o = outcome(g, &a, TODAY);
    let letters: Vec<&str> = o.letters.iter().map(|&l| g.letters[l as usize].id).collect();
    assert_eq!(letters, ["ask_lhb", "ask_la"]);
    // Findings' bases in finding order (c11, then c21 from f_health_job, c23 from f_once),
    // then the letters' (c28 from ask_la).
    let cites: Vec<&str> = o.citations.iter().map(|&c| g.citations[c as usize].id).collect();
    assert_eq!(cites, ["c11", "c21", "c23", "c28"]);
    let terms: Vec<&str> = o.terms.iter().map(|&t| g.terms[t as usize].id).collect();
    assert_eq!(terms, ["idp", "aln"]);
}

#[test]
fn a_deadline_brings_its_own_citation() {
    let mut b = Builder::new("d");
    b.date("d", false, false, Some("check")).citation("c_law", "law").citation("c_deadline", "deadline law");
    b.deadline("dl", "d", 1, Unit::Weeks, &["c_deadline"]);
    b.finding("f", Section::Deadlines, known("d")).basis(&["c_law"]).deadline("dl");
    let g = b.build();
    let a = answers(&[(0, Answer::Date(REFERRAL))]);
    assert_eq!(outcome(g, &a, TODAY).citations, vec![0, 1]);
}

#[test]
fn no_answer_off_the_path_reaches_the_outcome() {
    let g = g();
    // s20_date and ehe_decided are answered, but neither is on this path
    // (told has no no_capacity; setting is school).
    let mut a = answers(&[one(g, "setting", "school"), many(g, "told", &["once_year"])]);
    let clean = outcome(g, &a, TODAY);
    set(&mut a, on(g, "s20_date", REFERRAL));
    set(&mut a, one(g, "ehe_decided", "yes"));
    let o = outcome(g, &a, TODAY);
    assert_eq!(o, clean);
    assert!(o.deadlines.is_empty());
    let f = ids(g, &o.findings);
    assert_eq!(f, ["f_school", "f_once", "f_practice"]);
}

#[test]
fn with_no_answers_only_what_always_holds_is_shown() {
    let o = outcome(g(), &Answers::default(), TODAY);
    assert_eq!(ids(g(), &o.findings), ["f_practice"]);
    assert!(o.plan.is_empty() && o.letters.is_empty() && o.citations.is_empty());
}

// ---------------------------------------------------------------- filling letters

const TEMPLATE: &str = "To {school} about {child}, from {parent}. {la} and {lhb}. Referral {date:s20_date}; answer due {due:nhs}. Today {today}.";

fn filled(a: &Answers, d: &Details) -> String {
    fill(g(), TEMPLATE, a, d, TODAY, &words_of(g()))
}

#[test]
fn fill_puts_in_the_parents_details_and_dates() {
    let g = g();
    let a = school_path();
    let d = Details { child: "Sam".into(), parent: "Alex Jones".into(), school: "Ysgol Y Wern".into(), la: Some(0), lhb: None, ..Details::default() };
    assert_eq!(
        filled(&a, &d),
        "To Ysgol Y Wern about Sam, from Alex Jones. Cardiff Council and Cardiff and Vale University Health Board. \
         Referral 5 January 2026; answer due 16 February 2026. Today 1 March 2026."
    );
    assert_eq!(d.board(g), Some(0), "Cardiff is in Cardiff and Vale");
    let newport = Details { la: Some(1), ..d.clone() };
    assert!(filled(&a, &newport).contains("Newport City Council and Aneurin Bevan University Health Board"));
}

#[test]
fn a_chosen_health_board_overrides_the_councils_board() {
    let a = school_path();
    let d = Details { la: Some(0), lhb: Some(1), ..Default::default() };
    assert_eq!(d.board(g()), Some(1));
    assert!(filled(&a, &d).contains("Cardiff Council and Aneurin Bevan University Health Board"));
    // A board without a council is fine too.
    let d = Details { lhb: Some(0), ..Default::default() };
    assert!(filled(&a, &d).contains("[local authority] and Cardiff and Vale University Health Board"));
}

#[test]
fn what_the_parent_did_not_give_becomes_a_clear_blank() {
    let d = Details::default();
    assert_eq!(
        filled(&Answers::default(), &d),
        "To [school name] about [child's name], from [your name]. [local authority] and [health board]. \
         Referral [date]; answer due [date]. Today 1 March 2026."
    );
    // "I do not know the date": blanks, not a made-up date.
    let g = g();
    let a = answers(&[one(g, "setting", "school"), many(g, "told", &["no_capacity"]), unsure(g, "s20_date")]);
    assert!(filled(&a, &d).contains("Referral [date]; answer due [date]."));
    // Only spaces is nothing; names are trimmed.
    let d = Details { child: "   ".into(), school: "  Ysgol Y Wern \n".into(), ..Default::default() };
    let t = filled(&a, &d);
    assert!(t.contains("To Ysgol Y Wern about [child's name],"), "{t}");
}

#[test]
fn hostile_and_unusual_text_is_inserted_literally() {
    let a = school_path();
    let cases = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "&amp; &lt;",
        "\"Bro\" 'Gwaun'",
        "Siôn Ŵyn ŷ â",
        "🦄👨‍👩‍👧",
        "line one\nline two",
        "50% = half & more?",
        "{school}",
        "{child",
    ];
    for s in cases {
        let d = Details { child: s.into(), parent: s.into(), school: "Ysgol".into(), la: None, lhb: None, ..Details::default() };
        let t = fill(g(), "Dear {parent}, about {child}.", &a, &d, TODAY, &words());
        assert_eq!(t, format!("Dear {s}, about {s}."), "a name is never read as a placeholder or markup");
    }
}

#[test]
fn unknown_or_broken_placeholders_are_kept_as_written() {
    let a = school_path();
    let d = Details { child: "Sam".into(), ..Default::default() };
    let f = |t: &str| fill(g(), t, &a, &d, TODAY, &words());
    assert_eq!(f("{nope} {child}"), "{nope} Sam");
    assert_eq!(f("{date:nope} {due:nope}"), "{date:nope} {due:nope}");
    assert_eq!(f("Dear {child"), "Dear {child");
    assert_eq!(f("} {child}"), "} Sam");
    assert_eq!(f(""), "");
    assert_eq!(f("no placeholders"), "no placeholders");
}

#[test]
fn long_dates_name_the_month() {
    assert_eq!(long_date(Date { y: 2026, m: 3, d: 1 }, &MONTHS), "1 March 2026");
    assert_eq!(long_date(Date { y: 2027, m: 12, d: 31 }, &MONTHS), "31 December 2027");
}

// ---------------------------------------------------------------- the shipped graph

#[test]
fn the_shipped_graph_starts_at_its_start_question() {
    let w = walk(&GRAPH, &Answers::default(), TODAY);
    assert_eq!(w.path, Vec::<u16>::new());
    assert_eq!(w.next, Some(GRAPH.start));
    assert!((GRAPH.start as usize) < GRAPH.questions.len());
}

/// A complete path: the first candidate answer of every question.
fn first_path(g: &Graph, today: Date, pick: impl Fn(&Question) -> Answer) -> Answers {
    let mut a = Answers::default();
    for _ in 0..=g.questions.len() {
        match walk(g, &a, today).next {
            Some(q) => {
                let x = pick(&g.questions[q as usize]);
                let before = walk(g, &a, today);
                answer(g, &mut a, &before, q, x, today);
            }
            None => return a,
        }
    }
    panic!("the walk did not end")
}

fn pick_first(q: &Question) -> Answer {
    candidates(q, &[Date { y: 2026, m: 1, d: 5 }], false).remove(0)
}

#[test]
fn on_the_shipped_graph_each_answer_to_the_first_question_leads_where_its_routing_says() {
    let g = &GRAPH;
    let start = &g.questions[g.start as usize];
    for x in candidates(start, &[REFERRAL], true) {
        let mut a = Answers::default();
        let w = give_in(g, &mut a, (g.start, x.clone())).walk;
        assert_eq!(w.path, vec![g.start]);
        let ev = Eval { g, answers: &a, today: TODAY };
        match ev.next_of(g.start) {
            Some(Target::Question(n)) => assert_eq!(w.next, Some(n), "{x:?}"),
            Some(Target::Check) => assert!(w.done()),
            None => panic!("{x:?} on the first question leads nowhere"),
        }
    }
}

#[test]
fn on_the_shipped_graph_changing_the_first_answer_keeps_every_answer_and_names_what_left_the_route() {
    let g = &GRAPH;
    let full = first_path(g, TODAY, pick_first);
    let old = walk(g, &full, TODAY);
    assert!(old.done());
    let start = &g.questions[g.start as usize];
    for x in candidates(start, &[REFERRAL], true) {
        let mut a = full.clone();
        let done = give_in(g, &mut a, (g.start, x.clone()));
        for qi in 0..g.questions.len() as u16 {
            if qi != g.start {
                assert_eq!(a.get(qi), full.get(qi), "{}: no change deletes a stored answer", g.questions[qi as usize].id);
            }
        }
        let expected: Vec<u16> = old.path.iter().copied().filter(|q| !done.walk.path.contains(q)).collect();
        assert_eq!(done.no_longer, expected, "{x:?}");
        // And the answers the new route reaches again are replayed: the walk stops only at a
        // question never answered.
        // (unless its answer is an option this route does not offer: that is asked again).
        if let Some(n) = done.walk.next {
            let hidden = Eval { g, answers: &done.walk.counted, today: TODAY }.hidden(&g.questions[n as usize]);
            let offered = |a: &Answer| !matches!(a, Answer::One(o) if hidden & (1 << o) != 0);
            assert!(full.get(n).is_none_or(|a| !offered(a)), "{} was answered and must be replayed", g.questions[n as usize].id);
        }
    }
}

#[test]
fn on_the_shipped_graph_every_place_and_board_is_named() {
    for a in GRAPH.authorities {
        assert!((a.board as usize) < GRAPH.boards.len(), "{}", a.id);
        assert!(!GRAPH.text(a.name, camau::content::en()).trim().is_empty(), "{}", a.id);
        let d = Details { la: Some(GRAPH.authorities.iter().position(|x| x.id == a.id).unwrap() as u8), ..Default::default() };
        let t = fill(&GRAPH, "{la}/{lhb}", &Answers::default(), &d, TODAY, &words());
        assert_eq!(t, format!("{}/{}", GRAPH.text(a.name, camau::content::en()), GRAPH.text(GRAPH.boards[a.board as usize].name, camau::content::en())));
    }
}

// ---------------------------------------------------------------- the plan

#[test]
fn the_plan_puts_a_time_limited_right_first_and_good_practice_last_whatever_the_content_order() {
    let mut b = Builder::new("d");
    b.date("d", false, false, Some("check"));
    b.citation("c", "c");
    // From the date given (1 February 2026): 2 weeks (overdue on 1 March), 8 weeks (26 March).
    b.deadline("short", "d", 2, Unit::Weeks, &["c"]).deadline("long", "d", 8, Unit::Weeks, &["c"]).deadline("later", "d", 20, Unit::Weeks, &["c"]);
    // Declared against the rule's order on purpose.
    b.finding("tip", Section::Steps, always()).step(Step::Request, "w").practice();
    b.finding("wait", Section::Steps, always()).step(Step::Wait, "w").basis(&["c"]).deadline("long");
    b.finding("facts", Section::Steps, always()).step(Step::Evidence, "w").basis(&["c"]);
    b.finding("ask", Section::Steps, always()).step(Step::Ask, "w").basis(&["c"]);
    b.finding("request", Section::Steps, always()).step(Step::Request, "w").basis(&["c"]);
    b.finding("chase", Section::Steps, always()).step(Step::Chase, "w").basis(&["c"]).deadline("short");
    b.finding("appeal_later", Section::Steps, always()).step(Step::Right, "w").basis(&["c"]).deadline("later");
    b.finding("appeal", Section::Steps, always()).step(Step::Right, "w").basis(&["c"]).deadline("long");
    b.finding("not_a_step", Section::Told, always()).basis(&["c"]);
    let g = b.build();
    let o = outcome(g, &answers(&[on(g, "d", date(2026, 2, 1))]), TODAY);
    let plan: Vec<(&str, When)> = o.plan.iter().map(|s| (g.findings[s.finding as usize].id, s.when)).collect();
    assert_eq!(
        plan,
        [
            ("appeal", When::By(date(2026, 3, 29))),        // a right: the sooner limit first
            ("appeal_later", When::By(date(2026, 6, 21))),
            ("chase", When::Now),                           // an overdue duty: now
            ("request", When::Now),                         // starts a duty: now
            ("ask", When::Any),
            ("facts", When::Any),
            ("wait", When::Until(date(2026, 3, 29))),       // nothing to send before the date
            ("tip", When::Now),                             // good practice comes last
        ]
    );
    // Without the date: neither right has a date, so both are to be used now, still first, in
    // the content's order.
    let o = outcome(g, &Answers::default(), TODAY);
    let plan: Vec<(&str, When)> = o.plan.iter().take(3).map(|s| (g.findings[s.finding as usize].id, s.when)).collect();
    assert_eq!(plan, [("appeal_later", When::Now), ("appeal", When::Now), ("chase", When::Now)]);
}

/// A walk's path and next question (the counted answers are checked on their own).
fn pn(w: &Walk) -> (Vec<u16>, Option<u16>) {
    (w.path.clone(), w.next)
}

/// "Have you been told any of these?" offers only what can apply: no health statements when
/// there are no health needs, no home-education ones at a school. A tick kept from another
/// route stays stored, counts for nothing here, survives answering again, and counts again
/// when the route offers it; "None of these" replaces it.
#[test]
fn options_that_cannot_apply_are_not_offered_and_hidden_ticks_are_kept() {
    let g = &camau::content::GRAPH;
    let qi = |id: &str| g.question_by_id(id).unwrap();
    let told = qi("told");
    let opt = |id: &str| g.questions[told as usize].options.iter().position(|o| o.id == id).unwrap();
    let school = [
        one(g, "user", "parent"),
        one(g, "setting", "school"),
        (g.question_by_id("dob").unwrap(), Answer::Unsure),
        one(g, "over_school_age", "no"),
        one(g, "looked_after", "no"),
        one(g, "idp_holder", "school"),
        one(g, "provision_beyond", "no"),
        one(g, "health_involved", "no"),
        on(g, "last_review", date(2026, 6, 1)),
        many(g, "review_issues", &["none"]),
    ];
    let a = answers(&school);
    let w = walk(g, &a, TODAY);
    assert_eq!(w.next, Some(told), "the school route reaches the told question");
    let hidden = Eval { g, answers: &w.counted, today: TODAY }.hidden(&g.questions[told as usize]);
    for id in ["health_no_reply", "no_capacity", "ehe_up_to_you", "tribunal_no_health"] {
        assert!(hidden & (1 << opt(id)) != 0, "{id} is offered on a school route with no health needs");
    }
    for id in ["once_a_year", "school_try_first", "la_wont", "none"] {
        assert!(hidden & (1 << opt(id)) == 0, "{id} is not offered at a school");
    }
    let page = camau::render::question_html(told, &camau::render::Form::default(), None, "Continue", (1, 1), hidden);
    assert!(!page.contains("told-ehe_up_to_you") && page.contains("told-once_a_year"), "the page shows only what is offered");

    // A tick from another route (home education) and one offered here.
    let mut a = a;
    let (_, both) = many(g, "told", &["ehe_up_to_you", "once_a_year"]);
    a.set(told, both.clone());
    let w = walk(g, &a, TODAY);
    assert_eq!(w.counted.get(told), Some(&Answer::Many(1 << opt("once_a_year"))), "only the offered tick counts");
    // Answered again on this page (which cannot show the hidden tick): it is kept.
    let (_, la) = many(g, "told", &["la_wont"]);
    let done = answer(g, &mut a, &w, told, la, TODAY);
    assert_eq!(a.get(told), Some(&Answer::Many((1 << opt("la_wont")) | (1 << opt("ehe_up_to_you")))));
    assert_eq!(done.walk.counted.get(told), Some(&Answer::Many(1 << opt("la_wont"))));
    // On a home-education route it counts again.
    let mut ehe = a.clone();
    for (q, x) in [one(g, "setting", "ehe"), one(g, "ehe_decided", "waiting"), on(g, "raised_date", date(2026, 10, 1)), one(g, "social_care", "not_needed"), one(g, "decision", "no")] {
        ehe.set(q, x);
    }
    let w = walk(g, &ehe, TODAY);
    assert!(w.done() && w.path.contains(&told), "the home-education route is complete and asks told");
    assert!(ids(g, &outcome(g, &ehe, TODAY).findings).contains(&"told_ehe_up_to_you"));
    // "None of these" stands alone.
    let (_, none) = many(g, "told", &["none"]);
    let w = walk(g, &a, TODAY);
    answer(g, &mut a, &w, told, none.clone(), TODAY);
    assert_eq!(a.get(told), Some(&none));
}

#[test]
fn every_condition_of_the_content_reads_back_as_the_code_it_was_written_from() {
    let g = &GRAPH;
    let mut all: Vec<Cond> = vec![g.you, g.helper];
    for q in g.questions {
        all.extend(q.options.iter().map(|o| o.shown));
        all.extend(q.routes.iter().map(|r| r.when));
    }
    all.extend(g.findings.iter().map(|f| f.when));
    all.extend(g.letters.iter().map(|l| l.needs));
    assert_eq!(g.conds[Cond::ALWAYS.0 as usize], op::ALWAYS);
    for c in all {
        let mut at = c.0 as usize;
        let tree = CondTree::read(g.conds, &mut at).unwrap_or_else(|| panic!("condition at {} does not read", c.0));
        assert_eq!(tree.code(), g.conds[c.0 as usize..at], "condition at {}", c.0);
        let mut stepped = c.0 as usize;
        CondTree::skip(g.conds, &mut stepped);
        assert_eq!(stepped, at, "stepping over the condition at {} ends where reading it does", c.0);
    }
}

#[test]
fn a_list_longer_than_a_byte_counts_means_the_same() {
    let g = g();
    let a = answers(&[one(g, "setting", "fei")]);
    let ev = Eval { g, answers: &a, today: TODAY };
    let s = q("setting") as u8;
    let many = |last: CondTree| {
        let mut v = vec![CondTree::Always; 300];
        v.push(last);
        v
    };
    assert!(holds(&ev, CondTree::And(many(CondTree::Eq(s, 1)))));
    assert!(!holds(&ev, CondTree::And(many(CondTree::Eq(s, 0)))), "the 301st clause still counts");
    let nots = |last: CondTree| {
        let mut v = vec![CondTree::Not(Box::new(CondTree::Always)); 300];
        v.push(last);
        v
    };
    assert!(holds(&ev, CondTree::Or(nots(CondTree::Eq(s, 1)))));
    assert!(!holds(&ev, CondTree::Or(nots(CondTree::Eq(s, 0)))));
    assert_eq!(CondTree::read(&[op::AND, 2, op::ALWAYS], &mut 0), None, "code cut short does not read");
    assert!(!ev.holds_code(&[op::EQ, s]), "code cut short is false");
}

#[test]
fn clauses_stepped_over_once_decided_leave_the_rest_read_in_place() {
    let g = g();
    let a = answers(&[one(g, "setting", "fei"), many(g, "told", &["no_capacity"])]);
    let ev = Eval { g, answers: &a, today: TODAY };
    let (s, t) = (q("setting") as u8, q("told") as u8);
    // Every kind of clause, never evaluated: the first clause decides its `or` / `and`.
    let all_kinds = || {
        CondTree::And(vec![
            CondTree::In(s, vec![0, 1, 2]),
            CondTree::Not(Box::new(CondTree::Has(t, 0))),
            CondTree::Or(vec![CondTree::Ne(s, 0), CondTree::Answered(s), CondTree::Known(s)]),
            CondTree::Overdue(0),
            CondTree::Upcoming(0),
            CondTree::Eq(s, 1),
        ])
    };
    let decided_or = || CondTree::Or(vec![CondTree::Always, all_kinds()]);
    let decided_and = || CondTree::And(vec![CondTree::Not(Box::new(CondTree::Always)), all_kinds()]);
    // What follows the stepped-over clauses is read where it is.
    assert!(holds(&ev, CondTree::And(vec![decided_or(), CondTree::Eq(s, 1)])));
    assert!(!holds(&ev, CondTree::And(vec![decided_or(), CondTree::Eq(s, 0)])));
    assert!(holds(&ev, CondTree::Or(vec![decided_and(), CondTree::Has(t, 0)])));
    assert!(!holds(&ev, CondTree::Or(vec![decided_and(), CondTree::Has(t, 1)])));
    // And the same clauses evaluated give what they say.
    assert!(!holds(&ev, all_kinds()), "not(has told no_capacity) is false");
}
