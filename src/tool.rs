//! Native-only maintainer tools: engine timing for the benchmark.

use crate::content::GRAPH;
use crate::engine::date::Date;
use crate::engine::graph::Kind;
use crate::engine::{outcome, walk, Answer, Answers};
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
            while let Some(q) = walk(&GRAPH, &a, today).next {
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
                a.set(q, ans);
            }
            a
        })
        .collect()
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
    println!(
        "{{\"questions\":{},\"findings\":{},\"letters\":{},\"sampled_paths\":{},\"compile_ms\":{:.2},\"walk_sampled_ms\":{:.2},\"outcome_sampled_ms\":{:.2},\"outcome_per_path_us\":{:.2},\"findings_shown_avg\":{:.1}}}",
        model.questions.len(),
        model.findings.len(),
        model.letters.len(),
        paths.len(),
        compile.as_secs_f64() * 1e3,
        enumerate.as_secs_f64() * 1e3,
        assemble.as_secs_f64() * 1e3,
        assemble.as_secs_f64() * 1e6 / paths.len().max(1) as f64,
        findings as f64 / paths.len().max(1) as f64
    );
}
