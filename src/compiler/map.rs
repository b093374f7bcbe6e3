//! The reviewers' map: the whole content as Mermaid flowcharts, so a charity adviser
//! or a lawyer can check what Camau tells parents without reading code.
//!
//! Output is deterministic (content order only). `tests/map.rs` keeps `content/map.mmd`
//! and `content/MAP.md` in step with the content.

use super::model::*;
use std::fmt::Write;

/// Escapes text for a quoted Mermaid label (entity codes, one line).
fn esc(s: &str) -> String {
    // The map shows the words as a parent reads them (`{you:A|B}` as A).
    let parent = super::voices(s).map_or_else(|_| s.to_string(), |[parent, ..]| parent);
    let s = parent.as_str();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#34;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#38;"),
            '<' => out.push_str("#60;"),
            '>' => out.push_str("#62;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn section_name(s: Section) -> &'static str {
    match s {
        Section::Responsible => "Who is responsible",
        Section::Told => "What you were told",
        Section::Deadlines => "Deadlines",
        Section::Steps => "Next steps",
        Section::Escalation => "If nothing happens",
        Section::Practice => "Good practice",
    }
}

/// The unit's content word, as a reader says it ("school days").
fn unit(u: Unit) -> String {
    u.id().replace('_', " ")
}

fn target(t: &MTarget, m: &Model) -> String {
    match t {
        MTarget::Question(i) => format!("q_{}", m.questions[*i].id),
        MTarget::Check => "check".into(),
    }
}

/// Questions a condition reads (a deadline's condition reads its date question).
fn cond_questions(m: &Model, c: &MCond, out: &mut Vec<usize>) {
    c.reads(&m.deadlines, out)
}

const CLASSES: &str = "  classDef question fill:#eef3fb,stroke:#1d4f91,color:#0b0c0c\n  \
                       classDef finding fill:#f3f9f1,stroke:#00703c,color:#0b0c0c\n  \
                       classDef practice fill:#fff7e6,stroke:#b58105,color:#0b0c0c,stroke-dasharray:4 3\n  \
                       classDef letter fill:#f8f0f8,stroke:#6f3c83,color:#0b0c0c\n  \
                       classDef stop fill:#0b0c0c,stroke:#0b0c0c,color:#ffffff\n";

fn question_node(q: &MQuestion) -> String {
    let mut label = format!("<b>{}</b><br/><i>{}</i>", esc(&q.title), esc(&q.id));
    match q.kind {
        Kind::Date => {
            label.push_str("<br/>• a date");
            if q.future {
                label.push_str(" (may be in the future)");
            }
            if let Some(u) = &q.unsure {
                let _ = write!(label, "<br/>• {}", esc(u));
            }
        }
        Kind::One | Kind::Many => {
            if q.kind == Kind::Many {
                label.push_str("<br/>(choose any)");
            }
            for o in &q.options {
                let _ = write!(label, "<br/>• {}", esc(&o.label));
                if o.exclusive {
                    label.push_str(" (alone)");
                }
            }
        }
    }
    format!("q_{}[\"{label}\"]", q.id)
}

/// The question flow: parts as subgraphs, answers and routes as labelled arrows.
fn flow(m: &Model, o: &mut String) {
    for (pi, p) in m.parts.iter().enumerate() {
        let qs: Vec<&MQuestion> = m.questions.iter().filter(|q| q.part == pi).collect();
        if qs.is_empty() {
            continue;
        }
        let _ = writeln!(o, "  subgraph part_{}[\"Part {}: {}\"]", p.id, pi + 1, esc(&p.name));
        for q in qs {
            let _ = writeln!(o, "    {}", question_node(q));
        }
        o.push_str("  end\n");
    }
    o.push_str("  check([\"Check answers, then the outcome page\"])\n");
    let start = &m.questions[m.start].id;
    o.push_str("  start((Start))\n");
    let _ = writeln!(o, "  start --> q_{start}");
    for q in &m.questions {
        let from = format!("q_{}", q.id);
        // Options with their own next, grouped by where they lead.
        let mut own: Vec<(String, Vec<&str>)> = vec![];
        for op in &q.options {
            if let Some(t) = &op.next {
                let t = target(t, m);
                match own.iter_mut().find(|(x, _)| *x == t) {
                    Some((_, v)) => v.push(&op.label),
                    None => own.push((t, vec![&op.label])),
                }
            }
        }
        for (t, labels) in &own {
            let l: Vec<String> = labels.iter().map(|s| esc(s)).collect();
            let _ = writeln!(o, "  {from} -->|\"{}\"| {t}", l.join(" / "));
        }
        for r in &q.routes {
            let when = if r.when == MCond::Always { "otherwise".to_string() } else { format!("if {}", esc(&r.when_text)) };
            let _ = writeln!(o, "  {from} -->|\"{when}\"| {}", target(&r.to, m));
        }
        if let Some(n) = &q.next {
            let rest: Vec<String> = q.options.iter().filter(|op| op.next.is_none()).map(|op| esc(&op.label)).collect();
            let label = if !q.routes.is_empty() {
                "otherwise".to_string()
            } else if !own.is_empty() {
                rest.join(" / ")
            } else {
                String::new()
            };
            if label.is_empty() {
                let _ = writeln!(o, "  {from} --> {}", target(n, m));
            } else {
                let _ = writeln!(o, "  {from} -->|\"{label}\"| {}", target(n, m));
            }
        }
    }
}

fn finding_node(m: &Model, f: &MFinding) -> String {
    let mut label = format!("<b>{}</b><br/><i>{}</i><br/>when: {}", esc(&f.title), esc(&f.id), esc(&f.when_text));
    if f.practice {
        label.push_str("<br/>Good practice, not law");
    }
    if !f.basis.is_empty() {
        let cites: Vec<String> = f.basis.iter().map(|&c| esc(&m.citations[c].short)).collect();
        let _ = write!(label, "<br/>Basis: {}", cites.join("; "));
    }
    if let Some(d) = f.deadline {
        let d = &m.deadlines[d];
        let _ = write!(label, "<br/>Deadline: {} ({} {} from {})", esc(&d.label), d.amount, unit(d.unit), esc(&m.questions[d.from].id));
    }
    format!("f_{}[\"{label}\"]", f.id)
}

fn letter_node(l: &MLetter) -> String {
    let kind = match l.kind {
        LetterKind::Letter => "Letter",
        LetterKind::Script => "Script",
    };
    format!("l_{}[/\"{kind}: {}<br/><i>{}</i>\"/]", l.id, esc(&l.title), esc(&l.id))
}

/// One outcome section: its findings, the questions their conditions read, their letters.
fn section(m: &Model, sec: Section, o: &mut String, with_questions: bool) -> (Vec<usize>, Vec<usize>) {
    let fs: Vec<&MFinding> = m.findings.iter().filter(|f| f.section == sec).collect();
    let mut ordered = fs.clone();
    ordered.sort_by_key(|f| f.rank); // stable: content order within a rank, as the outcome page
    let mut qs = vec![];
    let mut ls = vec![];
    if ordered.is_empty() {
        return (qs, ls);
    }
    let _ = writeln!(o, "  subgraph sec_{}[\"Outcome: {}\"]", sec.id(), section_name(sec));
    for f in &ordered {
        let _ = writeln!(o, "    {}", finding_node(m, f));
        cond_questions(m, &f.when, &mut qs);
        for &l in &f.letters {
            if !ls.contains(&l) {
                ls.push(l);
            }
        }
    }
    o.push_str("  end\n");
    if with_questions {
        for &q in &qs {
            let q = &m.questions[q];
            let _ = writeln!(o, "  q_{}([\"{}<br/><i>{}</i>\"])", q.id, esc(&q.title), esc(&q.id));
        }
    }
    for f in &ordered {
        let mut read = vec![];
        cond_questions(m, &f.when, &mut read);
        for q in read {
            let _ = writeln!(o, "  q_{} -.-> f_{}", m.questions[q].id, f.id);
        }
    }
    (qs, ls)
}

fn letters_and_links(m: &Model, o: &mut String, secs: &[Section], letters: &[usize]) {
    for &l in letters {
        let _ = writeln!(o, "  {}", letter_node(&m.letters[l]));
    }
    for f in m.findings.iter().filter(|f| secs.contains(&f.section)) {
        for &l in &f.letters {
            let _ = writeln!(o, "  f_{} --> l_{}", f.id, m.letters[l].id);
        }
    }
}

fn classes(m: &Model, o: &mut String, questions: &[usize], secs: &[Section], letters: &[usize]) {
    o.push_str(CLASSES);
    let list = |v: Vec<String>| v.join(",");
    if !questions.is_empty() {
        let _ = writeln!(o, "  class {} question", list(questions.iter().map(|&q| format!("q_{}", m.questions[q].id)).collect()));
    }
    let (practice, law): (Vec<&MFinding>, Vec<&MFinding>) = m.findings.iter().filter(|f| secs.contains(&f.section)).partition(|f| f.practice);
    if !law.is_empty() {
        let _ = writeln!(o, "  class {} finding", list(law.iter().map(|f| format!("f_{}", f.id)).collect()));
    }
    if !practice.is_empty() {
        let _ = writeln!(o, "  class {} practice", list(practice.iter().map(|f| format!("f_{}", f.id)).collect()));
    }
    if !letters.is_empty() {
        let _ = writeln!(o, "  class {} letter", list(letters.iter().map(|&l| format!("l_{}", m.letters[l].id)).collect()));
    }
}

const SECTIONS: [Section; 6] = Section::ALL;

/// The whole map in one flowchart: questions, answers, routes, every finding (in a
/// subgraph per outcome section, linked from the questions its condition reads) and
/// the letters each finding offers.
pub fn mermaid(m: &Model) -> String {
    let mut o = String::from("%% Camau: the whole decision map. Generated from content/*.toml by `CAMAU_BLESS=1 cargo test --test map`; do not edit.\nflowchart TD\n");
    flow(m, &mut o);
    let mut letters = vec![];
    for sec in SECTIONS {
        let (_, ls) = section(m, sec, &mut o, false);
        for l in ls {
            if !letters.contains(&l) {
                letters.push(l);
            }
        }
    }
    letters.sort_unstable();
    letters_and_links(m, &mut o, &SECTIONS, &letters);
    let all: Vec<usize> = (0..m.questions.len()).collect();
    classes(m, &mut o, &all, &SECTIONS, &letters);
    o.push_str("  class check,start stop\n");
    o
}

/// The same map cut into diagrams small enough for GitHub to draw: the question flow,
/// then one diagram per outcome section. (heading, diagram)
pub fn mermaid_parts(m: &Model) -> Vec<(String, String)> {
    let mut out = vec![];
    let mut o = String::from("flowchart TD\n");
    flow(m, &mut o);
    let all: Vec<usize> = (0..m.questions.len()).collect();
    classes(m, &mut o, &all, &[], &[]);
    o.push_str("  class check,start stop\n");
    out.push(("The questions".to_string(), o));
    for sec in SECTIONS {
        if m.findings.iter().all(|f| f.section != sec) {
            continue;
        }
        let mut o = String::from("flowchart LR\n");
        let (qs, mut ls) = section(m, sec, &mut o, true);
        ls.sort_unstable();
        letters_and_links(m, &mut o, &[sec], &ls);
        classes(m, &mut o, &qs, &[sec], &ls);
        out.push((format!("Outcome: {}", section_name(sec)), o));
    }
    out
}

/// `content/MAP.md`: an explanation and the diagrams, which GitHub draws.
pub fn markdown(m: &Model) -> String {
    let mut o = String::from(
        "# Camau decision map\n\n\
         This is everything Camau can tell a parent, drawn from the content files (`content/*.toml`) so that an \
         adviser or a lawyer can review it without reading code. The first diagram is the question flow: each box is \
         a question with its answers; arrows show where an answer leads, labelled with the answer or with the \
         condition of a route (in the content's condition language, see `content/FORMAT.md`), and \"otherwise\" \
         marks the default. Every path ends at \"Check answers\". The other diagrams show each section of the outcome \
         page: every finding with its heading, its id, when it is shown, its legal basis (or \"good practice, not \
         law\") and any deadline it works out, with dotted arrows from the questions its condition reads and solid \
         arrows to the letters and meeting scripts it offers. The outcome page shows every finding whose condition \
         holds, not one per path. This file and `content/map.mmd` (the whole map as one diagram) are generated by \
         `CAMAU_BLESS=1 cargo test --test map`, and `cargo test` fails when they no longer match the content.\n",
    );
    for (heading, diagram) in mermaid_parts(m) {
        let _ = write!(o, "\n## {heading}\n\n```mermaid\n{diagram}```\n");
    }
    o
}
