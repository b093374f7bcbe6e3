//! The outcome and check pages are HTML text: the parent's own words and the content
//! must appear as text, never as markup.

use camau::content::{en, GRAPH};
use camau::engine::date::Date;
use camau::engine::{Answer, Answers, Details};
use camau::render::{check_html, esc, outcome_html, Case};
use camau::tool::sample_paths;

mod common;

const HOSTILE: &str = "<script>alert(1)</script><img src=x onerror=alert(1)> \"quotes\" 'single' &amp; Gwenllïan ŵ ŷ 🙂";

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

#[test]
fn esc_leaves_no_markup() {
    assert_eq!(esc("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    assert_eq!(esc("ŵ ŷ 🙂"), "ŵ ŷ 🙂");
}

#[test]
fn hostile_details_are_text_on_every_page_and_in_every_letter() {
    let details = Details { child: HOSTILE.into(), parent: HOSTILE.into(), school: HOSTILE.into(), la: Some(0), lhb: None, ..Details::default() };
    // Paths spread over the graph by a seeded random walk.
    for answers in &sample_paths(60, 7, today()) {
        let case = Case::new(answers, &details, today(), en());
        for html in [outcome_html(&case, true), check_html(&case)] {
            assert!(!html.contains("<script"), "a <script> tag got into the page");
            assert!(!html.contains("<img"), "an <img> tag got into the page");
            assert!(!html.contains("\"quotes\"") && !html.contains("'single'"), "quotes from the parent's text could end an attribute");
            assert!(!html.contains("&amp;amp;amp;"), "text was escaped twice");
        }
        let html = check_html(&case);
        assert!(html.contains(&esc(HOSTILE)), "the check page shows the name as typed");
        for l in camau::engine::outcome(&GRAPH, answers, today()).letters {
            let text = case.letter_text(l);
            // (A young person writing about themselves is "I": their letters never use {child}.)
            let body = GRAPH.text(GRAPH.voiced(GRAPH.letters[l as usize].body, case.voice), en());
            if body.contains("{child}") {
                assert!(text.contains(HOSTILE), "letter text keeps the name literally");
            }
            if let Some(m) = case.mailto(l) {
                // Only the one `&` between subject and body: the parent's `&` is encoded.
                assert!(!m.contains('<') && !m.contains(' ') && !m.contains('\n') && m.matches('&').count() == 1, "mailto is percent-encoded: {m}");
                assert!(m.contains("%0D%0A") || !text.contains('\n'), "line breaks are CRLF-encoded");
            }
        }
    }
}

#[test]
fn page_text_says_your_child_but_letters_leave_a_clear_blank() {
    let details = Details::default();
    let paths = sample_paths(200, 11, today());
    let mut seen_letter = false;
    for answers in &paths {
        let case = Case::new(answers, &details, today(), en());
        for l in camau::engine::outcome(&GRAPH, answers, today()).letters {
            let body = GRAPH.text(GRAPH.voiced(GRAPH.letters[l as usize].body, case.voice), en());
            if body.contains("{child}") {
                assert!(case.letter_text(l).contains("[your child's name]"));
                seen_letter = true;
            }
        }
        if seen_letter {
            break;
        }
    }
    assert!(seen_letter, "some letter names the child");
}

#[test]
fn check_page_lists_each_answer_with_a_change_link() {
    let mut answers = Answers::default();
    // The first question, answered with its first option.
    answers.set(GRAPH.start, Answer::One(0));
    let none = Details::default();
    let case = Case::new(&answers, &none, today(), en());
    let html = check_html(&case);
    let q = &GRAPH.questions[GRAPH.start as usize];
    assert!(html.contains(&esc(GRAPH.text(q.title, en()))));
    assert!(html.contains(&esc(GRAPH.text(q.options[0].label, en()))));
    assert!(html.contains(&format!("href=\"#/q/{}/change\"", q.id)));
}

#[test]
fn every_link_between_pages_is_a_route_that_route_hash_writes() {
    // The static start page (index.html) and the pages built here link only to what
    // `Route::hash` writes: no address is written by hand anywhere else.
    use camau::route::Route;
    let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).expect("index.html");
    let mut answers = Answers::default();
    for (i, q) in GRAPH.questions.iter().enumerate() {
        if let Some(a) = (0..q.options.len() as u8).map(Answer::One).chain([Answer::Unsure]).find(|a| camau::engine::fits(q, a)) {
            answers.set(i as u16, a);
        }
    }
    let none = Details::default();
    let case = Case::new(&answers, &none, today(), en());
    let pages = [index, check_html(&case), outcome_html(&case, false)];
    let mut seen = 0;
    for html in &pages {
        for part in html.split("href=\"#/").skip(1) {
            let h = format!("#/{}", part.split('"').next().unwrap_or(""));
            let r = Route::parse(&h).unwrap_or_else(|| panic!("{h} is not a route"));
            assert_eq!(r.hash(), h, "{h} is not written as Route::hash writes it");
            seen += 1;
        }
    }
    assert!(seen >= 3, "the pages link to each other");
    // "Start now" does not name the first question: the app chooses it.
    assert!(pages[0].contains(&format!("href=\"{}\"", Route::Begin.hash())));
    assert!(!pages[0].contains("href=\"#/q/"));
}

#[test]
fn route_parse_and_hash_agree_and_refuse_junk() {
    use camau::route::Route;
    for q in 0..GRAPH.questions.len() as u16 {
        for change in [false, true] {
            let r = Route::Question { q, change };
            assert_eq!(Route::parse(&r.hash()), Some(r));
        }
    }
    for r in [Route::Start, Route::Begin, Route::About { change: false }, Route::About { change: true }, Route::Check, Route::Result, Route::Privacy] {
        assert_eq!(Route::parse(&r.hash()), Some(r));
    }
    for junk in ["#/q/nonexistent", "#/q/setting/chan", "#/q/setting/change/x", "#/about/x", "#/che", "#/result/x", "#/q/<script>"] {
        assert_eq!(Route::parse(junk), None, "{junk}");
    }
}

#[test]
fn an_answer_kept_from_another_route_never_reaches_a_page_or_a_letter() {
    // A parent who changed an answer keeps the old answers on the device. The pages and the
    // letters are made from the answers on the route only: adding stale answers to every
    // question off the route (a distinctive date for date questions) changes nothing shown.
    let stale = Date::new(2001, 2, 3).unwrap();
    let details = Details { child: "Alys".into(), ..Default::default() };
    let mut checked = 0;
    for answers in &sample_paths(80, 5, today()) {
        let route = camau::engine::walk(&GRAPH, answers, today());
        let mut more = answers.clone();
        for (i, q) in GRAPH.questions.iter().enumerate() {
            let i = i as u16;
            if route.path.contains(&i) {
                continue;
            }
            let a = match q.kind {
                camau::engine::graph::Kind::Date => Answer::Date(stale),
                _ => Answer::One(q.options.len() as u8 - 1),
            };
            if camau::engine::fits(q, &a) {
                more.set(i, a);
                checked += 1;
            }
        }
        let plain = Case::new(answers, &details, today(), en());
        let with_stale = Case::new(&more, &details, today(), en());
        assert_eq!(outcome_html(&with_stale, true), outcome_html(&plain, true));
        assert_eq!(check_html(&with_stale), check_html(&plain));
        for l in camau::engine::outcome(&GRAPH, answers, today()).letters {
            let text = with_stale.letter_text(l);
            assert_eq!(text, plain.letter_text(l));
            assert!(!text.contains("3 February 2001"), "a stale date filled letter {}", GRAPH.letters[l as usize].id);
            assert_eq!(with_stale.mailto(l), plain.mailto(l));
        }
    }
    assert!(checked > 100, "stale answers were added ({checked})");
}

/// Every question page, as written for the browser: each input has one label, ids are
/// unique, the fieldset is described by what the page shows, the saved answer is ticked,
/// an error is tied to the fieldset, and a typed date comes back as typed (escaped).
#[test]
fn every_question_page_is_a_labelled_form_that_keeps_what_was_given() {
    use camau::engine::graph::Kind;
    use camau::render::{question_html, Form};
    for (i, q) in GRAPH.questions.iter().enumerate() {
        let saved = match q.kind {
            Kind::One => Answer::One(q.options.len() as u8 - 1),
            Kind::Many => Answer::Many(1),
            Kind::Date => Answer::Date(Date::new(2026, 3, 9).unwrap()),
        };
        let form = Form::from_answer(Some(&saved));
        assert_eq!(form.read(q, today()), Ok(saved.clone()), "{}: the page gives back the saved answer", q.id);
        let html = question_html(i as u16, &form, None, "Continue", (3, 12), 0);
        assert!(html.contains("Question 3 of about 12"));
        let ids: Vec<&str> = html.split(" id=\"").skip(1).map(|s| s.split('"').next().unwrap()).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{}: ids repeat", q.id);
        for input in html.split("<input ").skip(1) {
            let id = input.split("id=\"").nth(1).and_then(|s| s.split('"').next()).expect("an input has an id");
            assert_eq!(html.matches(&format!("for=\"{id}\"")).count(), 1, "{}: {id} has one label", q.id);
        }
        assert!(html.contains("<h1 tabindex=\"-1\">") && html.contains("<legend"), "{}: the heading is the legend", q.id);
        assert_eq!(html.contains(&format!("id=\"{}-hint\"", q.id)), html.contains(&format!("aria-describedby=\"{}-hint", q.id)));
        match q.kind {
            Kind::Date => assert!(html.contains("value=\"9\"") && html.contains("value=\"2026\"") && !html.contains(" checked"), "{}: the saved date is typed in", q.id),
            _ => assert_eq!(html.matches(" checked").count(), 1, "{}: the saved answer is ticked", q.id),
        }
        assert!(!html.contains('{') && !html.contains("error"), "{}: no placeholder, no error before one", q.id);

        let wrong = Form { day: "<b>&".into(), ..Form::default() };
        let msg = wrong.read(q, today()).expect_err("nothing chosen, or no real date");
        let html = question_html(i as u16, &wrong, Some(msg), "Continue", (1, 1), 0);
        assert!(html.contains("role=\"alert\"") && html.contains("form-group-error"));
        assert!(html.contains(&format!("aria-describedby=\"{}", q.id)) && html.contains(&format!("{}-error\"", q.id)), "{}: the error describes the fieldset", q.id);
        assert!(html.contains(&format!("href=\"#{}\"", camau::render::first_field(q, 0))), "{}: the summary links to the first field", q.id);
        if q.kind == Kind::Date {
            assert!(html.contains("value=\"&lt;b&gt;&amp;\"") && !html.contains("<b>"), "{}: the typed text comes back, as text", q.id);
        }
    }
}

/// "About you": councils A–Z, each health board a labelled radio, the texts as typed (escaped),
/// and an error tied to its field.
#[test]
fn the_about_page_lists_councils_a_to_z_and_keeps_what_was_typed() {
    use camau::render::about_html;
    let d = Details { child: HOSTILE.into(), parent: String::new(), school: String::new(), la: Some(0), lhb: Some(2), ..Details::default() };
    let html = about_html(&d, None, u8::MAX);
    let councils: Vec<&str> = html.split("<option value=\"").skip(2).map(|s| s.split('>').nth(1).unwrap().split('<').next().unwrap()).collect();
    assert_eq!(councils.len(), GRAPH.authorities.len());
    let mut sorted = councils.clone();
    sorted.sort();
    assert_eq!(councils, sorted, "councils A–Z");
    assert!(html.contains(&format!("<option value=\"0\" selected>{}", esc(GRAPH.text(GRAPH.authorities[0].name, en())))));
    assert_eq!(html.matches("type=\"radio\"").count(), GRAPH.boards.len() + 1);
    assert!(html.contains("id=\"about-lhb-2\" value=\"2\" checked"));
    assert!(html.contains(&format!("value=\"{}\"", esc(HOSTILE))) && !html.contains("<script"));
    for input in html.split("<input ").skip(1) {
        let id = input.split("id=\"").nth(1).and_then(|s| s.split('"').next()).unwrap();
        assert_eq!(html.matches(&format!("for=\"{id}\"")).count(), 1, "{id} has one label");
    }
    let html = about_html(&d, Some(("Too long", "about-parent")), u8::MAX);
    assert!(html.contains("href=\"#about-parent\""));
    assert!(html.contains("aria-describedby=\"about-parent-error\" aria-invalid=\"true\""));
    assert_eq!(html.matches("aria-invalid").count(), 1, "only the field in error");
}

/// "About you" asks only for what the letters offered use: every detail a route's letters
/// use is asked for, a school is not asked for when no letter names it (home education), and
/// the names are always asked.
#[test]
fn the_about_page_asks_only_what_the_letters_use() {
    use camau::engine::details_used;
    use camau::render::{about_html, ABOUT_FIELDS};
    use camau_graph::Detail;
    let mut without_school = 0;
    for answers in &sample_paths(300, 5, today()) {
        let o = camau::engine::outcome(&GRAPH, answers, today());
        let counted = camau::engine::walk(&GRAPH, answers, today()).counted;
        let asked = details_used(&GRAPH, &o, &counted, today());
        // A date of birth given as an answer is never asked for again.
        let dob_answered = GRAPH.dob_question().is_some_and(|q| counted.get(q).is_some());
        assert!(!(dob_answered && asked & Detail::Dob.bit() != 0), "the date of birth is asked twice");
        let html = about_html(&Details::default(), None, asked);
        for (id, .., detail) in ABOUT_FIELDS {
            assert_eq!(html.contains(&format!("id=\"{id}\"")), asked & detail.bit() != 0);
        }
        // One name for a young person writing about themselves (their own); else both.
        let you = camau::engine::voice(&GRAPH, &counted, today()) == camau::engine::graph::Voice::You;
        assert!(html.contains("id=\"about-child\"") != you && html.contains("id=\"about-parent\""));
        for &l in &o.letters {
            let x = &GRAPH.letters[l as usize];
            let text = format!("{} {}", x.subject.map(|s| GRAPH.text(s, en())).unwrap_or(""), GRAPH.text(x.body, en()));
            for d in Detail::ALL {
                if text.contains(&format!("{{{}}}", d.id())) && !(d == Detail::Dob && dob_answered) && !(d == Detail::Child && you) {
                    assert!(asked & d.bit() != 0, "letter {} uses {{{}}}, which is not asked for", x.id, d.id());
                }
            }
        }
        if asked & Detail::School.bit() == 0 {
            without_school += 1;
            assert!(!html.contains("about-school"));
        }
    }
    assert!(without_school > 0, "some route (home education) is not asked for a school");
}

/// Letters to a council or health board say where to find them: the parent's own council's
/// or board's checked website, opening in a new tab and carrying nothing; without a council
/// chosen, how to see it. Free, independent help is named on every outcome page.
#[test]
fn letters_say_where_to_send_them_and_free_help_is_named() {
    let mut seen = 0;
    for la in [Some(15u8), None] {
        let details = Details { la, ..Details::default() };
        for answers in &sample_paths(80, 3, today()) {
            let case = Case::new(answers, &details, today(), en());
            let html = outcome_html(&case, false);
            assert!(html.contains("SNAP Cymru"), "free, independent ALN advice is named");
            for part in html.split("<a href=\"http").skip(1) {
                let tag = part.split('>').next().unwrap();
                assert!(tag.contains("target=\"_blank\" rel=\"noopener noreferrer\" referrerpolicy=\"no-referrer\""), "a link out: {tag}");
            }
            for l in camau::engine::outcome(&GRAPH, answers, today()).letters {
                let Some(kind) = GRAPH.letters[l as usize].contact else { continue };
                let article = html.split(&format!("id=\"l-{}\"", GRAPH.letters[l as usize].id)).nth(1).unwrap().split("</article>").next().unwrap();
                match la {
                    Some(a) => {
                        let i = match kind {
                            camau::engine::graph::ContactKind::Council => a as usize,
                            _ => GRAPH.authorities.len() + GRAPH.authorities[a as usize].board as usize,
                        };
                        let site = GRAPH.text(GRAPH.contacts[i].website.unwrap(), en());
                        assert!(article.contains(&format!("href=\"{site}\"")), "{}: the website of the parent's own {kind:?}", GRAPH.letters[l as usize].id);
                    }
                    None => assert!(article.contains("href=\"#/about/change\""), "without a council, where to choose it"),
                }
                seen += 1;
            }
        }
    }
    assert!(seen > 20, "{seen}");
}

/// "Question 5 of about 12": along any route the number goes up by one a question, never
/// passes the estimate, and on the last question the estimate is exact.
#[test]
fn progress_counts_up_one_a_question_and_ends_exact() {
    use camau::engine::{progress, walk};
    for full in &sample_paths(200, 21, today()) {
        let route = walk(&GRAPH, full, today()).path;
        let mut given = Answers::default();
        for (i, &q) in route.iter().enumerate() {
            let (at, about) = progress(&GRAPH, &given, q, today());
            assert_eq!(at, i + 1, "question {} is number {} on its route", GRAPH.questions[q as usize].id, i + 1);
            assert!(about >= at);
            given.set(q, full.get(q).unwrap().clone());
            if i + 1 == route.len() {
                assert_eq!(progress(&GRAPH, &given, q, today()), (route.len(), route.len()), "the last question knows the total");
            }
        }
    }
}

/// The short plan to keep: the date made, the plan's steps in order with their dates and
/// letters, every answer it is based on, free help; no placeholder left; the same lines in
/// the text and the printed copy.
#[test]
fn the_short_plan_holds_the_steps_their_letters_and_the_answers() {
    use camau::render::{plan_doc, plan_print_html, plan_text, when_text, Line, PLAN_SHOWN};
    let details = Details { child: "Siân".into(), ..Details::default() };
    for answers in &sample_paths(200, 9, today()) {
        let case = Case::new(answers, &details, today(), en());
        let o = camau::engine::outcome(&GRAPH, answers, today());
        let text = plan_text(&case);
        assert!(text.starts_with("Your plan from Camau: Siân\n\nMade on 23 November 2026. "), "{text}");
        assert!(!text.contains('{') && !text.contains('}'), "a placeholder in the plan:\n{text}");
        let doc = plan_doc(&case);
        let steps: Vec<&String> = doc.iter().filter(|(k, _)| *k == Line::Step).map(|(_, s)| s).collect();
        assert_eq!(steps.len(), o.plan.len().min(PLAN_SHOWN), "the steps the page shows");
        for (i, s) in o.plan.iter().take(PLAN_SHOWN).enumerate() {
            let x = &GRAPH.findings[s.finding as usize];
            assert_eq!(*steps[i], format!("{}. {}: {}.", i + 1, case.page(x.title), when_text(&case, s.when)));
            for &l in x.letters.iter().filter(|l| o.letters.contains(l)) {
                assert!(text.contains(&case.page(GRAPH.letters[l as usize].title)), "step {} names its letter", x.id);
            }
        }
        let path = camau::engine::walk(&GRAPH, answers, today()).path;
        let answered = doc.iter().skip_while(|(k, s)| !(*k == Line::Heading && s == "Based on your answers")).skip(1).take_while(|(k, _)| *k == Line::Item).count();
        assert_eq!(answered, path.len(), "every answer the plan is based on");
        assert!(text.contains("SNAP Cymru"));
        // The school route's plan (33 lines, 2,600 characters) prints on 2 A4 pages
        // (plan.spec.mjs); no route's plan is much longer.
        assert!(doc.len() <= 45 && text.len() <= 4000, "a plan of {} lines, {} characters: too long for 2 pages", doc.len(), text.len());
        let html = plan_print_html(&case);
        for (_, line) in &doc {
            assert!(html.contains(&esc(line)), "the printed plan has every line");
        }
    }
}

/// The app paints the outcome page with its closed boxes empty, then fills them: in English
/// and Welsh, with the parent's own changes to a letter, the page it ends with is the whole
/// page, and the first paint is a small part of it.
#[test]
fn the_outcome_page_filled_after_its_first_paint_is_the_whole_page() {
    use camau::engine::edit::Edits;
    let details = Details { child: "Siân & <Ŵyn>".into(), school: "Ysgol y Wern".into(), la: Some(3), ..Details::default() };
    let cy = camau::content::text(camau::engine::graph::Lang::Cy);
    let mut boxes = 0;
    for answers in &sample_paths(40, 11, today()) {
        let letters = camau::engine::outcome(&GRAPH, answers, today()).letters;
        let mut edits = Edits::default();
        if let Some(&l) = letters.first() {
            edits.entry(l, 1).text = Some("My own words, with ŵ & <b>".into());
        }
        for words in [en(), cy] {
            let case = Case::new(answers, &details, today(), words).with_edits(&edits);
            let (first, bodies, whole) = common::drawn_in_parts(&case, true);
            assert_eq!(whole, outcome_html(&case, true));
            assert!(!first.contains("<textarea") && !first.contains("class=\"why\""), "a box's body is written into the first paint");
            assert!(first.len() * 3 < whole.len(), "the first paint is {} of {} bytes", first.len(), whole.len());
            boxes += bodies.len();
        }
    }
    assert!(boxes > 400, "only {boxes} boxes were filled later");
}
