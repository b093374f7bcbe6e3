//! Letters the parent fills in and changes: the gaps, the edits, and how they are kept.

use camau::content::{en, GRAPH};
use camau::engine::date::Date;
use camau::engine::edit::{blanks, decode, encode, gaps, version, Edit, Edits};
use camau::engine::Details;
use camau::render::Case;
use camau::tool::sample_paths;

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

#[test]
fn a_gap_shows_its_bracketed_form_and_asks_its_question() {
    let (text, found) = gaps("Dear head, [say why | Why?] and [say why | Why?] [If kept: this.] [open");
    assert_eq!(text, "Dear head, [say why] and [say why] [If kept: this.] [open");
    assert_eq!(found.len(), 1, "the same gap twice is one field");
    assert_eq!((found[0].form.as_str(), found[0].question.as_str()), ("[say why]", "Why?"));
    assert_eq!(blanks(&text), 3, "two gaps and a sentence to keep or delete; an open '[' is not a blank");
}

#[test]
fn filling_a_gap_fills_it_everywhere_and_never_rewrites_the_parents_own_words() {
    let base = "I disagree with [what] because [why]. Again: [what].";
    let mut e = Edit { version: version(base), ..Edit::default() };
    e.set_fill("[what]", "the decision");
    assert_eq!(e.text(base), "I disagree with the decision because [why]. Again: the decision.");
    assert_eq!(blanks(&e.text(base)), 1);
    // The parent changes a word by hand: from now on the text is theirs, and no field
    // rewrites it (typing "i" in a field must not change every "i" in their letter).
    let mine = e.text(base).replace("disagree", "do not agree");
    e.text = Some(mine.clone());
    e.set_fill("[why]", "i");
    e.set_fill("[what]", "the school's decision");
    assert_eq!(e.text(base), mine);
    assert_eq!(blanks(&e.text(base)), 1, "the blank left is filled in the letter itself");
}

#[test]
fn edits_survive_being_kept_whatever_the_parent_typed() {
    let hostile = "Siân & ŵ ŷ, <script>\n%zz , = & \u{1F642} [x]";
    let l = GRAPH.letters.len() as u16 - 1;
    let mut edits = Edits::default();
    *edits.entry(0, 7) = Edit { version: 7, fills: vec![("[a, b]".into(), hostile.into()), ("[c]".into(), String::new())], text: None };
    *edits.entry(l, 9) = Edit { version: 9, fills: vec![], text: Some(hostile.into()) };
    edits.entry(2, 1).text = Some(String::new());
    let line = encode(&GRAPH, &edits);
    assert!(!line.contains('\n') && !line.contains(' '), "one line: {line}");
    let back = decode(&GRAPH, &line);
    assert_eq!(back.edits, edits);
    assert!(!back.newer && !back.unreadable && back.dropped.is_empty());
}

#[test]
fn damaged_newer_or_foreign_edits_are_said_and_change_nothing_else() {
    let id = GRAPH.letters[0].id;
    // A letter Camau no longer has, and a damaged one: dropped by name; the good one kept.
    let d = decode(&GRAPH, &format!("v=1&e.gone=1,&e.{id}=5,~%E2%28&e.{}=3,,%5Bx%5D,y", GRAPH.letters[1].id));
    assert_eq!(d.dropped, vec!["gone".to_string(), id.to_string()]);
    assert_eq!(d.edits.0.len(), 1);
    assert_eq!(d.edits.get(1).unwrap().fill("[x]"), "y");
    let d = decode(&GRAPH, "v=99&e.x=whatever");
    assert!(d.newer && d.edits.0.is_empty());
    for junk in ["{\"json\":1}", "v=abc", "\u{0}\u{1}garbage"] {
        let d = decode(&GRAPH, junk);
        assert!(d.unreadable && d.edits.0.is_empty(), "{junk}");
    }
    assert_eq!(decode(&GRAPH, ""), Default::default(), "nothing saved is not a problem");
}

/// On routes over the whole graph: every letter offered reads with no `|` and asks a real
/// question for each gap; with every detail given and every gap filled, the only blanks left
/// are dates the parent did not know and sentences to keep or delete; and the edited text is
/// what copy, email and download send.
#[test]
fn every_letter_offered_asks_for_its_gaps_and_sends_what_was_written() {
    let details = Details { child: "Alys".into(), parent: "Siân Jones".into(), school: "Ysgol y Wern".into(), la: Some(0), lhb: None, full_name: "Alys Jones".into(), dob: "4 March 2015".into(), contact: "01234 567890".into() };
    let mut seen = 0;
    for answers in &sample_paths(300, 5, today()) {
        let case = Case::new(answers, &details, today(), en());
        for l in camau::engine::outcome(&GRAPH, answers, today()).letters {
            let (base, gs, _) = case.letter_base(l);
            let (subject, body) = case.letter_parts(l);
            assert!(!body.contains('|') && !subject.unwrap_or_default().contains('|'), "{}: a gap's question got into the letter", GRAPH.letters[l as usize].id);
            assert!(gs.iter().all(|g| g.question.ends_with('?') && g.form.starts_with('[')));
            let mut e = Edit { version: version(&base), ..Edit::default() };
            for g in &gs {
                e.set_fill(&g.form, "ANSWER");
            }
            let text = e.text(&base);
            let expected = text.matches("[date]").count() + text.matches("[If ").count();
            assert_eq!(blanks(&text), expected, "{}: a blank Camau could have filled or asked for:\n{text}", GRAPH.letters[l as usize].id);
            let edits = Edits(vec![(l, Edit { text: Some("My own words & more".into()), ..e })]);
            let case = Case::new(answers, &details, today(), en()).with_edits(&edits);
            assert!(case.letter_text(l).ends_with("My own words & more"));
            if let Some(m) = case.mailto(l) {
                assert!(m.ends_with("&body=My%20own%20words%20%26%20more"), "email sends the edited text: {m}");
            }
            seen += 1;
        }
    }
    assert!(seen > 300, "letters were checked ({seen})");
    // With no details given, a gap names "your child": never a blank inside a blank.
    let none = Details::default();
    for answers in &sample_paths(100, 9, today()) {
        let case = Case::new(answers, &none, today(), en());
        for l in camau::engine::outcome(&GRAPH, answers, today()).letters {
            let (base, gs, _) = case.letter_base(l);
            for g in &gs {
                assert!(!g.form[1..].contains('[') && !g.question.contains('['), "{}: a blank inside a gap: {}", GRAPH.letters[l as usize].id, g.form);
            }
            let mut depth = 0i32;
            for c in base.chars() {
                depth += match c { '[' => 1, ']' => -1, _ => 0 };
                assert!((0..=1).contains(&depth), "{}: nested or unbalanced brackets:\n{base}", GRAPH.letters[l as usize].id);
            }
        }
    }
}

/// "Confirm what was said at the meeting": offered whenever the parent ticked something they
/// were told, and it sets out each of those statements, once, with what the law says.
#[test]
fn the_confirm_email_sets_out_each_thing_the_parent_was_told() {
    let l = GRAPH.letters.iter().position(|x| x.id == "confirm_what_was_said").unwrap() as u16;
    let told = GRAPH.question_by_id("told").unwrap();
    let details = Details::default();
    let (mut offered, mut not) = (0, 0);
    for answers in &sample_paths(400, 17, today()) {
        let o = camau::engine::outcome(&GRAPH, answers, today());
        let case = Case::new(answers, &details, today(), en());
        let ticked: Vec<u16> = GRAPH
            .findings
            .iter()
            .enumerate()
            .filter(|(i, f)| f.confirm.is_some() && o.in_section(&GRAPH, camau::engine::graph::Section::Told).contains(&(*i as u16)))
            .map(|(i, _)| i as u16)
            .collect();
        if ticked.is_empty() {
            assert!(!o.letters.contains(&l), "offered with nothing to confirm");
            not += 1;
            continue;
        }
        assert!(o.letters.contains(&l), "not offered, though the parent was told something ({:?})", case.answers().get(told));
        let text = case.letter_text(l);
        assert_eq!(text.matches("I was told that").count(), ticked.len(), "{text}");
        assert!(text.matches("My understanding is that").count() == ticked.len());
        offered += 1;
    }
    assert!(offered > 10 && not > 10, "{offered} {not}");
}

/// A letter the parent changed is flagged when Camau's wording for it changes (an answer, a
/// name), and not merely because a day has passed (the date at its top moves every day).
#[test]
fn a_new_day_is_not_a_change_of_wording_but_a_new_name_is() {
    let details = Details { child: "Alys".into(), ..Details::default() };
    let answers = sample_paths(200, 5, today()).into_iter().find(|a| !camau::engine::outcome(&GRAPH, a, today()).letters.is_empty()).unwrap();
    let l = camau::engine::outcome(&GRAPH, &answers, today()).letters[0];
    let case = Case::new(&answers, &details, today(), en());
    let (base, _, _) = case.letter_base(l);
    let edits = Edits(vec![(l, Edit { version: case.wording_version(&base), fills: vec![], text: Some("My words".into()) })]);
    let flagged = |d: &Details, day: Date| {
        let html = camau::render::outcome_html(&Case::new(&answers, d, day, en()).with_edits(&edits), false);
        html.contains(&format!("id=\"changed-{l}\""))
    };
    assert!(!flagged(&details, today()));
    assert!(!flagged(&details, today().add_days(1)), "tomorrow is not a change of wording");
    assert!(flagged(&Details { child: "Gwen".into(), ..Details::default() }, today()), "a new name is");
}

/// What the answers say, the letters say: who made the referral, who decided and what, what
/// the child is waiting for. A blank stays only when the parent was not sure (or was not asked).
#[test]
fn letters_take_who_referred_and_what_was_decided_from_the_answers() {
    let q = |id: &str| GRAPH.question_by_id(id).unwrap();
    let o = |qid: &str, oid: &str| camau::engine::Answer::One(GRAPH.questions[q(qid) as usize].options.iter().position(|x| x.id == oid).unwrap() as u8);
    let letter = |id: &str| GRAPH.letters.iter().position(|l| l.id == id).unwrap() as u16;
    let mut a = camau::engine::Answers::default();
    a.set(q("dob"), camau::engine::Answer::Unsure);
    for (qid, oid) in [("user", "parent"), ("setting", "school"), ("over_school_age", "no"), ("looked_after", "no"), ("idp_holder", "school"), ("provision_beyond", "no"), ("health_involved", "yes"), ("therapy_section", "s2c"), ("s20_made", "yes"), ("s20_by", "la"), ("lhb_replied", "no")] {
        a.set(q(qid), o(qid, oid));
    }
    a.set(q("s20_date"), camau::engine::Answer::Date(Date::new(2026, 9, 1).unwrap()));
    let details = Details { child: "Siân".into(), school: "Ysgol y Môr".into(), la: Some(GRAPH.authorities.iter().position(|x| GRAPH.text(x.name, en()) == "Cardiff Council").unwrap() as u8), ..Details::default() };
    let text = |a: &camau::engine::Answers, l: &str| {
        let case = Case::new(a, &details, today(), en());
        let (body, gaps, _) = case.letter_base(letter(l));
        (body, gaps.into_iter().map(|g| g.question).collect::<Vec<_>>())
    };
    let (body, asked) = text(&a, "ask_lhb_answer");
    assert!(body.contains("by Cardiff Council.") && body.contains("Copy to: Cardiff Council"), "{body}");
    assert!(!asked.iter().any(|x| x.starts_with("Who made the referral")));
    a.set(q("s20_by"), o("s20_by", "school"));
    assert!(text(&a, "ask_lhb_answer").0.contains("by Ysgol y Môr."));
    a.set(q("s20_by"), o("s20_by", "not_sure"));
    let (body, asked) = text(&a, "ask_lhb_answer");
    assert!(body.contains("by [the school, college or council]."), "{body}");
    assert!(asked.iter().any(|x| x.starts_with("Who made the referral")), "not sure: the letter asks");
    let (body, _) = text(&a, "ask_interim_plan");
    assert!(body.contains("is waiting for an answer from Cardiff and Vale University Health Board to the referral."), "{body}");
    assert!(body.contains("Dear ALNCo,\n"), "the school keeps the IDP: its ALNCo is greeted");

    // Who decided, and what: from the decision the parent disagrees with.
    let mut d = a.clone();
    for (qid, oid) in [("last_review", None), ("idp_given", None), ("review_issues", Some("none")), ("told", Some("none")), ("social_care", Some("not_needed")), ("decision", Some("school_no_aln"))] {
        match oid {
            Some(oid) if GRAPH.questions[q(qid) as usize].kind == camau_graph::Kind::Many => {
                let i = GRAPH.questions[q(qid) as usize].options.iter().position(|x| x.id == oid).unwrap();
                d.set(q(qid), camau::engine::Answer::Many(1 << i));
            }
            Some(oid) => d.set(q(qid), o(qid, oid)),
            None => d.set(q(qid), camau::engine::Answer::Unsure),
        }
    }
    d.set(q("decision_date"), camau::engine::Answer::Date(Date::new(2026, 11, 2).unwrap()));
    let (body, asked) = text(&d, "ask_la_reconsider");
    assert!(body.contains("On 2 November 2026, Ysgol y Môr decided that Siân does not have additional learning needs."), "{body}");
    assert!(!asked.iter().any(|x| x.starts_with("What did the school")));
    d.set(q("decision"), o("decision", "school_idp"));
    let (body, asked) = text(&d, "ask_la_reconsider");
    assert!(body.contains("decided what Siân's IDP says about [the needs it describes or the support it sets out: say which]."), "{body}");
    assert!(asked.iter().any(|x| x == "Which part of the IDP do you disagree with?"));
    assert!(text(&d, "ask_disagreement_resolution").0.contains("The other party is Ysgol y Môr."));
}
