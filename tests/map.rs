//! The reviewers' map (content/map.mmd, content/MAP.md) matches the content, and the
//! Mermaid it writes is well formed.
//!
//! After a content change: `CAMAU_BLESS=1 cargo test --test map` rewrites both files.

use camau::compiler::map::{markdown, mermaid, mermaid_parts};
use camau::compiler::{compile, model::Model, read_dir};
use std::collections::BTreeSet;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const MINI: &str = include_str!("fixtures/mini/mini.toml");

fn content() -> Model {
    let files = read_dir(&Path::new(ROOT).join("content")).expect("read content/");
    compile(&files).unwrap_or_else(|d| panic!("content/ does not compile:\n{}", d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")))
}

fn mini(text: &str) -> Model {
    compile(&[("content/mini.toml".into(), text.into())]).expect("fixture compiles")
}

#[test]
fn the_committed_map_matches_the_content() {
    let m = content();
    let map = mermaid(&m);
    let md = markdown(&m);
    let (mmd_path, md_path) = (Path::new(ROOT).join("content/map.mmd"), Path::new(ROOT).join("content/MAP.md"));
    if std::env::var("CAMAU_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&mmd_path, &map).expect("write content/map.mmd");
        std::fs::write(&md_path, &md).expect("write content/MAP.md");
        return;
    }
    let stale = |p: &Path, want: &str| std::fs::read_to_string(p).map(|have| have != want).unwrap_or(true);
    assert!(!stale(&mmd_path, &map), "content/map.mmd no longer matches the content: run CAMAU_BLESS=1 cargo test --test map");
    assert!(!stale(&md_path, &md), "content/MAP.md no longer matches the content: run CAMAU_BLESS=1 cargo test --test map");
}

/// Node ids defined in a flowchart, and the ids its arrows use.
fn nodes_and_edges(diagram: &str) -> (BTreeSet<String>, Vec<(String, String)>) {
    let mut nodes = BTreeSet::new();
    let mut edges = vec![];
    for line in diagram.lines().map(str::trim) {
        if line.starts_with("%%") || line.starts_with("flowchart") || line == "end" || line.starts_with("classDef") || line.starts_with("class ") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("subgraph ") {
            nodes.insert(rest.split('[').next().unwrap().to_string());
            continue;
        }
        let arrow = ["-.->", "-->"].iter().find_map(|a| line.find(a).map(|i| (i, a.len())));
        match arrow {
            Some((i, n)) => {
                let from = line[..i].trim().to_string();
                let mut to = line[i + n..].trim();
                if let Some(r) = to.strip_prefix('|') {
                    // -->|"label"| to
                    let end = r.rfind('|').expect("closed edge label");
                    to = r[end + 1..].trim();
                }
                edges.push((from, to.to_string()));
            }
            None => {
                let id: String = line.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                assert!(!id.is_empty(), "unexpected line: {line}");
                nodes.insert(id);
            }
        }
    }
    (nodes, edges)
}

/// Structural checks a Mermaid parser would make.
fn well_formed(diagram: &str) {
    let lines: Vec<&str> = diagram.lines().map(str::trim).collect();
    let opened = lines.iter().filter(|l| l.starts_with("subgraph ")).count();
    let closed = lines.iter().filter(|l| **l == "end").count();
    assert_eq!(opened, closed, "every subgraph is closed");
    for l in &lines {
        assert_eq!(l.matches('"').count() % 2, 0, "unbalanced quotes: {l}");
        assert!(!l.contains("<script"), "raw markup in a label: {l}");
        // Inside a label only entity codes, <b>, <i> and <br/> appear.
        let mut rest = *l;
        while let Some(i) = rest.find('<') {
            let tag = &rest[i..];
            assert!(["<b>", "</b>", "<i>", "</i>", "<br/>"].iter().any(|t| tag.starts_with(t)), "unexpected '<' in: {l}");
            rest = &rest[i + 1..];
        }
    }
    let (nodes, edges) = nodes_and_edges(diagram);
    for (from, to) in &edges {
        assert!(nodes.contains(from), "an arrow from {from}, which is not defined");
        assert!(nodes.contains(to), "an arrow to {to}, which is not defined");
    }
    assert!(!nodes.contains("end"), "'end' is a Mermaid keyword");
}

#[test]
fn the_map_shows_every_question_answer_finding_citation_and_letter() {
    let m = mini(MINI);
    let map = mermaid(&m);
    well_formed(&map);
    assert!(map.starts_with("%% Camau"));
    for q in ["q_setting[", "q_s20_date["] {
        assert!(map.contains(q), "{q}");
    }
    // Options with their own next are arrows labelled with the answer.
    assert!(map.contains("q_setting -->|\"At school\"| q_s20_date"), "{map}");
    assert!(map.contains("q_setting -->|\"At home\"| check"), "{map}");
    assert!(map.contains("q_s20_date --> check"));
    assert!(map.contains("start --> q_setting"));
    // "I do not know" is shown on the date question.
    assert!(map.contains("• I do not know"));
    // Each finding, in its section, with its condition and citations, linked from what it reads.
    assert!(map.contains("subgraph sec_responsible[\"Outcome: Who is responsible\"]"));
    assert!(map.contains("subgraph sec_steps[\"Outcome: Next steps\"]"));
    assert!(map.contains("f_school_keeps[\"<b>The school keeps the IDP</b><br/><i>school_keeps</i><br/>when: setting = school<br/>Basis: ALNET Act s.11\"]"), "{map}");
    assert!(map.contains("Deadline: Health board answer (6 weeks from s20_date)"));
    assert!(map.contains("q_setting -.-> f_school_keeps"));
    assert!(map.contains("q_s20_date -.-> f_late"), "overdue(nhs_answer) reads s20_date");
    // Letters linked from the findings that offer them.
    assert!(map.contains("l_ask[/\"Letter: Ask<br/><i>ask</i>\"/]"));
    assert!(map.contains("f_school_keeps --> l_ask"));
}

#[test]
fn the_map_is_the_same_every_time() {
    let m = mini(MINI);
    assert_eq!(mermaid(&m), mermaid(&mini(MINI)));
    assert_eq!(markdown(&m), markdown(&mini(MINI)));
}

#[test]
fn routes_show_their_condition_and_the_default_says_otherwise() {
    let text = MINI.replacen(
        "unsure = \"I do not know\"\nnext = \"check\"",
        "unsure = \"I do not know\"\nnext = \"check\"\n[[question.route]]\nwhen = \"known(s20_date) and setting in (school, ehe)\"\nto = \"check\"",
        1,
    );
    let map = mermaid(&mini(&text));
    well_formed(&map);
    assert!(map.contains("q_s20_date -->|\"if known(s20_date) and setting in (school, ehe)\"| check"), "{map}");
    assert!(map.contains("q_s20_date -->|\"otherwise\"| check"), "{map}");
}

#[test]
fn words_cannot_break_the_diagram() {
    let text = MINI
        .replacen("Where does your child learn?", "Where does \\\"your\\\" child # learn <script>alert(1)</script> | `x` & y?", 1)
        .replacen("label = \"At school\"", "label = \"At \\\"school\\\" | A&B #1 <b>\"", 1)
        .replacen("title = \"The school keeps the IDP\"", "title = \"The school's \\\"IDP\\\"\\nend\"", 1);
    let m = mini(&text);
    let map = mermaid(&m);
    well_formed(&map);
    assert!(map.contains("#34;your#34; child #35; learn #60;script#62;alert(1)#60;/script#62; #124; #96;x#96; #38; y?"), "{map}");
    for (_, d) in mermaid_parts(&m) {
        well_formed(&d);
    }
}

#[test]
fn the_shipped_map_is_well_formed_and_small_enough_for_github() {
    let m = content();
    well_formed(&mermaid(&m));
    let parts = mermaid_parts(&m);
    assert!(parts.len() >= 2);
    for (heading, d) in &parts {
        well_formed(d);
        // GitHub's Mermaid refuses diagrams over 50,000 characters or 500 arrows.
        assert!(d.len() < 50_000, "{heading}: {} characters", d.len());
        let (_, edges) = nodes_and_edges(d);
        assert!(edges.len() < 500, "{heading}: {} arrows", edges.len());
    }
    // Everything reviewers need is somewhere in the map.
    let all = mermaid(&m);
    for q in &m.questions {
        assert!(all.contains(&format!("q_{}[", q.id)), "question {}", q.id);
    }
    for f in &m.findings {
        assert!(all.contains(&format!("f_{}[", f.id)), "finding {}", f.id);
        for &c in &f.basis {
            assert!(all.contains(&m.citations[c].short.replace('#', "#35;").replace('&', "#38;")), "citation of {}", f.id);
        }
    }
    for l in &m.letters {
        if m.findings.iter().any(|f| f.letters.iter().any(|&x| m.letters[x].id == l.id)) {
            assert!(all.contains(&format!("l_{}[", l.id)), "letter {}", l.id);
        }
    }
}
