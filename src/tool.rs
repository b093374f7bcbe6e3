//! Native-only maintainer tools: engine timing for the benchmark.

use crate::content::GRAPH;
use crate::engine::date::Date;
use crate::engine::graph::{Graph, Kind};
use crate::engine::{outcome, walk, Answer, Answers, Eval, Walk};
use std::time::Instant;

/// `n` complete paths chosen by a seeded random walk: a spread of the graph, quickly.
pub fn sample_paths(n: usize, mut seed: u64, today: Date) -> Vec<Answers> {
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let dates = [today.add_days(-400), today.add_days(-20), today.add_days(-3)];
    (0..n)
        .map(|_| {
            let mut a = Answers::default();
            loop {
                let w = walk(&GRAPH, &a, today);
                let Some(q) = w.next else { break };
                let question = &GRAPH.questions[q as usize];
                let k = question.options.len().max(1) as u64;
                let ans = match question.kind {
                    Kind::One => Answer::One((rnd() % k) as u8),
                    Kind::Many => {
                        let i = rnd() % k;
                        if question.options[i as usize].exclusive {
                            Answer::Many(1 << i)
                        } else {
                            let mut bits = 1u64 << i;
                            for (j, o) in question.options.iter().enumerate() {
                                if !o.exclusive && rnd() % 3 == 0 {
                                    bits |= 1 << j;
                                }
                            }
                            Answer::Many(bits)
                        }
                    }
                    Kind::Date if question.unsure.is_some() && rnd() % 4 == 0 => Answer::Unsure,
                    Kind::Date => Answer::Date(dates[(rnd() % 3) as usize]),
                };
                a.set(q, page_answer(&GRAPH, &w, q, ans, today));
            }
            a
        })
        .collect()
}

/// What a question page could send for `x`: only the ticks it offers (`w`: the walk it was
/// drawn from); the first option offered when none of `x`'s is.
pub fn page_answer(g: &Graph, w: &Walk, q: u16, x: Answer, today: Date) -> Answer {
    let question = &g.questions[q as usize];
    let ev = Eval { g, answers: &w.counted, today };
    ev.counted(question, &x).unwrap_or_else(|| {
        let first = ev.first_offered(question).unwrap_or(0);
        if question.kind == Kind::Many { Answer::Many(1 << first) } else { Answer::One(first as u8) }
    })
}

pub fn engine_bench() {
    let today = Date::new(2026, 11, 23).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let t = Instant::now();
    let files = crate::compiler::read_dir(&dir).expect("content");
    let model = crate::compiler::compile(&files).expect("content compiles");
    let compile = t.elapsed();
    // The exhaustive walk lives in tests/paths.rs; here a fixed, seeded spread of paths.
    let t = Instant::now();
    let paths = sample_paths(20_000, 42, today);
    let enumerate = t.elapsed();
    let t = Instant::now();
    let mut findings = 0usize;
    for a in &paths {
        findings += outcome(&GRAPH, a, today).findings.len();
    }
    let assemble = t.elapsed();
    // The outcome page's words showing before the parent opens anything (at most 500).
    let details = crate::engine::Details { child: "Sam".into(), school: "Ysgol y Wern".into(), la: Some(0), ..Default::default() };
    let t = Instant::now();
    let pages: Vec<String> = paths.iter().step_by(10).map(|a| crate::render::outcome_html(&crate::render::Case::new(a, &details, today, crate::content::text(crate::engine::graph::Lang::En)), true)).collect();
    let render = t.elapsed();
    let mut words: Vec<usize> = pages.iter().map(|h| visible_words(h)).collect();
    words.sort_unstable();
    println!(
        "{{\"questions\":{},\"findings\":{},\"letters\":{},\"sampled_paths\":{},\"compile_ms\":{:.2},\"walk_sampled_ms\":{:.2},\"outcome_sampled_ms\":{:.2},\"outcome_per_path_us\":{:.2},\"findings_shown_avg\":{:.1},\"outcome_visible_words_median\":{},\"outcome_visible_words_max\":{},\"outcome_page_render_us\":{:.0},\"outcome_page_bytes_median\":{}}}",
        model.questions.len(),
        model.findings.len(),
        model.letters.len(),
        paths.len(),
        compile.as_secs_f64() * 1e3,
        enumerate.as_secs_f64() * 1e3,
        assemble.as_secs_f64() * 1e3,
        assemble.as_secs_f64() * 1e6 / paths.len().max(1) as f64,
        findings as f64 / paths.len().max(1) as f64,
        words.get(words.len() / 2).copied().unwrap_or(0),
        words.last().copied().unwrap_or(0),
        render.as_secs_f64() * 1e6 / pages.len().max(1) as f64,
        {
            let mut b: Vec<usize> = pages.iter().map(|h| h.len()).collect();
            b.sort_unstable();
            b.get(b.len() / 2).copied().unwrap_or(0)
        }
    );
}

/// The words a parent sees on a page built by `render.rs` before opening anything: text
/// inside a closed `<details>` counts only in its `<summary>`, and text a screen reader alone
/// hears (`visually-hidden`) does not count.
pub fn visible_words(html: &str) -> usize {
    let (mut words, mut closed, mut summary_at, mut hidden) = (0, 0usize, None::<usize>, 0usize);
    let mut stack: Vec<&str> = vec![];
    let mut text = String::new();
    let mut rest = html;
    let flush = |text: &mut String, visible: bool, words: &mut usize| {
        if visible {
            *words += text.split_whitespace().count();
        }
        text.clear();
    };
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        let visible = hidden == 0 && (closed == 0 || summary_at == Some(closed));
        flush(&mut text, visible, &mut words);
        let end = rest[i..].find('>').map(|j| i + j).expect("an unclosed tag");
        let tag = &rest[i + 1..end];
        rest = &rest[end + 1..];
        let name = tag.trim_start_matches('/').split(|c: char| c.is_whitespace()).next().unwrap_or("");
        if tag.starts_with('/') {
            let open = stack.pop().unwrap_or("");
            match open {
                "details-closed" => closed -= 1,
                "summary-counted" => summary_at = None,
                "hidden" => hidden -= 1,
                _ => {}
            }
            continue;
        }
        let kind = match name {
            "details" if !tag.contains(" open") => {
                closed += 1;
                "details-closed"
            }
            "summary" if closed > 0 && summary_at.is_none() && closed == 1 => {
                summary_at = Some(closed);
                "summary-counted"
            }
            _ if tag.contains("visually-hidden") => {
                hidden += 1;
                "hidden"
            }
            _ => name,
        };
        // Void elements have no closing tag.
        if !matches!(name, "br" | "input" | "img" | "hr" | "meta" | "link") {
            stack.push(kind);
        }
    }
    text.push_str(rest);
    flush(&mut text, hidden == 0 && closed == 0, &mut words);
    words
}
