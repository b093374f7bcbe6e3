//! Writes the checked model as static Rust data (included by `src/content.rs`).

use super::model::*;
use std::fmt::Write;

/// Every text, as it is added: in each language, in the start table (the interface and the
/// first question) or the later one.
struct Strings<'m> {
    /// `[language][0 start, 1 later]`, in `Lang::ALL` order.
    tables: [[Vec<String>; 2]; 2],
    /// The key of each string, start then later (the same in each language).
    keys: [Vec<String>; 2],
    /// Each text once, with its English and where it is written (for the Welsh check).
    texts: Vec<Text>,
    /// Where the item being written is.
    at: Loc,
    /// Whether the first question's words are being added (start words, whatever the key).
    first: bool,
    cy: &'m BTreeMap<String, CyText>,
    /// Each text whose young person's voice differs (that voice is the next string).
    voice: Vec<u16>,
    /// Each text whose helper's voice differs (the next string, or the one after the young
    /// person's).
    helper: Vec<u16>,
}

use super::welsh::{CyText, Text};
use camau_graph::{late, op, CondTree, ContactKind, Detail, Lang};
use std::collections::{BTreeMap, HashMap};

/// What the compiler writes: the Rust source and the words files.
pub struct Generated {
    pub rust: String,
    /// Each words file's name and text (`late::file_name`).
    pub files: Vec<(String, String)>,
    /// `page-words.json`: the words of index.html in each language (see [`page_words`]).
    pub page_words: String,
}

/// The words index.html shows before the wasm arrives (the start page, the crash box, the
/// messages page.js writes): every `ui.page_*` word, and the start page's title and the
/// languages' names, as `{"en":{"key":"…"},"cy":{…}}` for tools/post_build.mjs, which writes
/// them into index.html. (A page word has no voices: the page cannot yet know who reads it.)
pub fn page_words(m: &Model) -> String {
    let json = |s: &str| {
        let mut o = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => o.push_str("\\\""),
                '\\' => o.push_str("\\\\"),
                '\n' => o.push_str("\\n"),
                c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
                c => o.push(c),
            }
        }
        o.push('"');
        o
    };
    let keys = |k: &str| k.starts_with("page_") || matches!(k, "start_title" | "lang_name_en" | "lang_name_cy" | "app_name");
    let langs: Vec<String> = Lang::ALL
        .iter()
        .map(|l| {
            let words: Vec<String> = m
                .ui
                .iter()
                .filter(|(k, _)| keys(k))
                .map(|(k, en)| {
                    let text = match l {
                        Lang::En => en.as_str(),
                        Lang::Cy => m.cy.get(&format!("ui.{k}")).map_or(en.as_str(), |c| c.text.as_str()),
                    };
                    format!("{}:{}", json(k), json(text))
                })
                .collect();
            format!("{}:{{{}}}", json(l.id()), words.join(","))
        })
        .collect();
    format!("{{{}}}", langs.join(","))
}

impl Strings<'_> {
    /// Adds a text in each language, in the parent's voice, and in the young person's and a
    /// helper's when they differ in either language (`{you:A|B}`, `{helper:A|B}`, see
    /// `compiler::voices`; the compiler has checked it): the same table, the key with `~you`
    /// or `~helper`.
    fn add(&mut self, key: String, s: &str) -> String {
        self.texts.push(Text { key: key.clone(), en: s.to_string(), loc: self.at.clone() });
        let split = |s: &str| super::voices(s).unwrap_or_else(|_| [s.to_string(), s.to_string(), s.to_string()]);
        let en = split(s);
        let cy = split(self.cy.get(&key).map_or(s, |c| c.text.as_str()));
        let you_differs = en[1] != en[0] || cy[1] != cy[0];
        let helper_differs = en[2] != en[0] || cy[2] != cy[0];
        let t = self.push(key.clone(), [&en[0], &cy[0]]);
        // Each voice right after the text, so the tables need hold only the text's own key.
        if you_differs {
            self.push(format!("{key}~you"), [&en[1], &cy[1]]);
            self.voice.push(t);
        }
        if helper_differs {
            self.push(format!("{key}~helper"), [&en[2], &cy[2]]);
            self.helper.push(t);
        }
        format!("Txt::new({t})")
    }
    fn push(&mut self, key: String, s: [&String; 2]) -> u16 {
        let later = late::is_late(&key) && !self.first;
        let part = later as usize;
        for (l, s) in s.into_iter().enumerate() {
            self.tables[l][part].push(s.clone());
        }
        self.keys[part].push(key);
        let i = (self.keys[part].len() - 1) as u16;
        if later {
            late::BIT | i
        } else {
            i
        }
    }
    fn opt(&mut self, key: String, s: &Option<String>) -> String {
        match s {
            Some(s) => format!("Some({})", self.add(key, s)),
            None => "None".into(),
        }
    }
}

/// The `Txt` of an early word already added under `key` (a place's name).
fn place_txt(keys: &[String], key: &str) -> Option<String> {
    keys.iter().position(|k| k == key).map(|i| format!("Txt::new({i})"))
}

fn target(t: &Option<MTarget>) -> String {
    match t {
        None => "None".into(),
        Some(t) => format!("Some({})", target1(t)),
    }
}

fn target1(t: &MTarget) -> String {
    match t {
        MTarget::Question(i) => format!("Target::Question({i})"),
        MTarget::Check => "Target::Check".into(),
    }
}

/// Every condition's code (`engine::graph::Cond`), each written once: the same condition
/// (a named one used in many places) is the same `Cond`.
struct Conds {
    code: Vec<u8>,
    seen: HashMap<Vec<u8>, usize>,
}

impl Conds {
    fn new() -> Conds {
        // `Cond::ALWAYS` is 0.
        let always = vec![op::ALWAYS];
        Conds { code: always.clone(), seen: HashMap::from([(always, 0)]) }
    }

    fn add(&mut self, c: &MCond) -> String {
        let at = *self.seen.entry(tree(c).code()).or_insert_with_key(|one| {
            self.code.extend_from_slice(one);
            self.code.len() - one.len()
        });
        format!("Cond({at})")
    }
}

/// The condition as the app's tree: every index fits in a byte (the model allows at most 250
/// questions, options and deadlines).
fn tree(c: &MCond) -> CondTree {
    let b = |i: &usize| (*i).min(255) as u8;
    match c {
        MCond::Always => CondTree::Always,
        MCond::Eq(q, x) => CondTree::Eq(b(q), b(x)),
        MCond::Ne(q, x) => CondTree::Ne(b(q), b(x)),
        MCond::In(q, v) => CondTree::In(b(q), v.iter().map(b).collect()),
        MCond::Has(q, x) => CondTree::Has(b(q), b(x)),
        MCond::Answered(q) => CondTree::Answered(b(q)),
        MCond::Known(q) => CondTree::Known(b(q)),
        MCond::Overdue(d) => CondTree::Overdue(b(d)),
        MCond::Upcoming(d) => CondTree::Upcoming(b(d)),
        MCond::Not(c) => CondTree::Not(Box::new(tree(c))),
        MCond::And(v) => CondTree::And(v.iter().map(tree).collect()),
        MCond::Or(v) => CondTree::Or(v.iter().map(tree).collect()),
    }
}

/// The shared enums as the generated code names them (`crate::engine::graph` re-exports
/// `camau_graph`'s): the variant's own name, so there is no table to keep in step.
fn path(ty: &str, v: impl std::fmt::Debug) -> String {
    format!("{ty}::{v:?}")
}

/// Every text of the content, in the order codegen adds them, with its English and where it
/// is written (what `compiler::welsh::check` holds the Welsh to).
pub fn texts(m: &Model) -> Vec<Text> {
    build(m).1.texts
}

/// Rust source for `GRAPH`, `WORDS`, `TABLES`, `KEYS` and the `ui` constants, and the words
/// files (two per language).
pub fn generate(m: &Model) -> Generated {
    let (rust, s) = build(m);
    let files = Lang::ALL
        .iter()
        .enumerate()
        .flat_map(|(l, &lang)| s.tables[l].iter().enumerate().map(move |(part, t)| words_file(lang, part, t)).map(|(name, text, _)| (name, text)))
        .collect();
    Generated { rust, files, page_words: page_words(m) }
}

/// One words file: its name, its text (the strings joined by `late::SEP`) and its hash.
fn words_file(lang: Lang, part: usize, strings: &[String]) -> (String, String, u64) {
    let text = strings.join(&late::SEP.to_string());
    let hash = late::fnv64(text.as_bytes());
    (late::file_name(lang, part == 0, hash), text, hash)
}

fn build(m: &Model) -> (String, Strings<'_>) {
    let top = Loc { file: "content".into(), line: 1 };
    let mut conds = Conds::new();
    let mut s = Strings { tables: Default::default(), keys: Default::default(), texts: vec![], at: top, first: false, cy: &m.cy, voice: vec![], helper: vec![] };
    let mut o = String::new();
    o.push_str("// @generated by build.rs from content/*.toml. Do not edit.\n");
    // The ids of parts, citations, terms and contacts are read only natively (the compiler's
    // checks, tests, tools): the wasm holds "" instead (about 2 KB of names it never reads).
    o.push_str("macro_rules! native_id { ($s:literal) => { if cfg!(target_arch = \"wasm32\") { \"\" } else { $s } } }\n");

    let parts: Vec<String> = m
        .parts
        .iter()
        .map(|p| {
            s.at = p.loc.clone();
            format!("Part{{id:native_id!({:?}),name:{}}}", p.id, s.add(format!("part.{}", p.id), &p.name))
        })
        .collect();

    let mut qs = vec![];
    for (i, q) in m.questions.iter().enumerate() {
        // The first question's words are start words, fetched beside the wasm, so it shows the
        // moment "Start now" is tapped; the others come later, fetched while it is answered.
        s.first = i == m.start;
        s.at = q.loc.clone();
        let k = format!("question.{}", q.id);
        let title = s.add(format!("{k}.title"), &q.title);
        let hint = s.opt(format!("{k}.hint"), &q.hint);
        let unsure = s.opt(format!("{k}.unsure"), &q.unsure);
        let opts: Vec<String> = q
            .options
            .iter()
            .map(|op| {
                let ok = format!("{k}.option.{}", op.id);
                format!(
                    "Opt{{id:{:?},label:{},hint:{},next:{},exclusive:{},shown:{}}}",
                    op.id,
                    s.add(format!("{ok}.label"), &op.label),
                    s.opt(format!("{ok}.hint"), &op.hint),
                    target(&op.next),
                    op.exclusive,
                    op.shown.as_ref().map(|x| conds.add(&x.0)).unwrap_or_else(|| "Cond::ALWAYS".into())
                )
            })
            .collect();
        let routes: Vec<String> = q.routes.iter().map(|r| format!("Route{{when:{},to:{}}}", conds.add(&r.when), target1(&r.to))).collect();
        let says: Vec<String> = q
            .says
            .iter()
            .map(|(name, phrases)| {
                let ps: Vec<String> = phrases
                    .iter()
                    .map(|(o, text)| {
                        let which = o.map_or("else".to_string(), |o| q.options[o].id.clone());
                        format!("({:?},{})", o.map(|o| o as u8), s.add(format!("{k}.says.{name}.{which}"), text))
                    })
                    .collect();
                format!("Says{{name:{name:?},phrases:&[{}]}}", ps.join(","))
            })
            .collect();
        let kind = path("Kind", q.kind);
        qs.push(format!(
            "Question{{id:{:?},part:{},kind:{kind},title:{title},hint:{hint},options:&[{}],routes:&[{}],next:{},unsure:{unsure},future:{},says:&[{}],age:{}}}",
            q.id,
            q.part,
            opts.join(","),
            routes.join(","),
            target(&q.next),
            q.future,
            says.join(","),
            match q.age {
                Some((from, [c, y, a])) => format!("Some(Age{{from:{from},options:[{c},{y},{a}]}})"),
                None => "None".into(),
            }
        ));
    }

    s.first = false;
    let mut fs = vec![];
    for f in &m.findings {
        s.at = f.loc.clone();
        let k = format!("finding.{}", f.id);
        fs.push(format!(
            "Finding{{id:{:?},section:{},rank:{},when:{},title:{},says:{},who:{},told:{},basis:&{:?},practice:{},step:{},why:{},confirm:{},deadline:{:?},letters:&{:?},terms:&{:?}}}",
            f.id,
            path("Section", f.section),
            f.rank,
            conds.add(&f.when),
            s.add(format!("{k}.title"), &f.title),
            s.add(format!("{k}.says"), &f.says),
            s.opt(format!("{k}.who"), &f.who),
            s.opt(format!("{k}.told"), &f.told),
            f.basis.iter().map(|&x| x as u16).collect::<Vec<_>>(),
            f.practice,
            f.step.map_or("None".to_string(), |x| format!("Some({})", path("Step", x))),
            s.opt(format!("{k}.why"), &f.why),
            s.opt(format!("{k}.confirm"), &f.confirm),
            f.deadline.map(|x| x as u16),
            f.letters.iter().map(|&x| x as u16).collect::<Vec<_>>(),
            f.terms.iter().map(|&x| x as u16).collect::<Vec<_>>(),
        ));
    }

    let ds: Vec<String> = m
        .deadlines
        .iter()
        .map(|d| {
            s.at = d.loc.clone();
            format!(
                "Deadline{{id:{:?},from:{},amount:{},unit:{},working_day:{},label:{},basis:&{:?}}}",
                d.id,
                d.from,
                d.amount,
                path("Unit", d.unit),
                d.working_day,
                s.add(format!("deadline.{}.label", d.id), &d.label),
                d.basis.iter().map(|&x| x as u16).collect::<Vec<_>>()
            )
        })
        .collect();

    /// The parent's details a letter uses, a bit each (`Detail::ALL` order): its placeholders,
    /// and the body whose website it shows.
    fn letter_details(l: &MLetter) -> u8 {
        let text = format!("{} {}", l.subject.as_deref().unwrap_or(""), l.body);
        let mut bits = 0u8;
        for d in Detail::ALL {
            let by_contact = match l.contact {
                Some(ContactKind::Council) => d == Detail::La,
                Some(ContactKind::HealthBoard) => d == Detail::Lhb,
                _ => false,
            };
            if by_contact || text.contains(&format!("{{{}}}", d.id())) {
                bits |= d.bit();
            }
        }
        bits
    }
    let ls: Vec<String> = m
        .letters
        .iter()
        .map(|l| {
            s.at = l.loc.clone();
            let k = format!("letter.{}", l.id);
            format!(
                "Letter{{id:{:?},kind:{},title:{},to:{},subject:{},contact:{},body:{},basis:&{:?},details:{},needs:{}}}",
                l.id,
                path("LetterKind", l.kind),
                s.add(format!("{k}.title"), &l.title),
                s.opt(format!("{k}.to"), &l.to),
                s.opt(format!("{k}.subject"), &l.subject),
                l.contact.map_or("None".to_string(), |c| format!("Some({})", path("ContactKind", c))),
                s.add(format!("{k}.body"), &l.body),
                l.basis.iter().map(|&x| x as u16).collect::<Vec<_>>(),
                letter_details(l),
                conds.add(&l.needs)
            )
        })
        .collect();

    let cs: Vec<String> = m
        .citations
        .iter()
        .map(|c| {
            s.at = c.loc.clone();
            format!(
                "Citation{{id:native_id!({:?}),full:{},short:{}}}",
                c.id,
                s.add(format!("citation.{}.full", c.id), &c.full),
                s.add(format!("citation.{}.short", c.id), &c.short)
            )
        })
        .collect();
    let ts: Vec<String> = m
        .terms
        .iter()
        .map(|t| {
            s.at = t.loc.clone();
            format!(
                "Term{{id:native_id!({:?}),term:{},means:{}}}",
                t.id,
                s.add(format!("term.{}.term", t.id), &t.term),
                s.add(format!("term.{}.means", t.id), &t.means)
            )
        })
        .collect();
    let bs: Vec<String> = m
        .boards
        .iter()
        .map(|b| {
            s.at = b.loc.clone();
            format!("Board{{id:{:?},name:{}}}", b.id, s.add(format!("board.{}", b.id), &b.name))
        })
        .collect();
    let as_: Vec<String> = m
        .authorities
        .iter()
        .map(|a| {
            s.at = a.loc.clone();
            format!("Authority{{id:{:?},name:{},board:{}}}", a.id, s.add(format!("authority.{}", a.id), &a.name), a.board)
        })
        .collect();

    // Contacts: councils (authority order), boards (board order), national bodies, as the model
    // holds them. A council's or board's name is its place's own `Txt`: no second copy.
    let board_names: Vec<String> = m.boards.iter().map(|b| format!("board.{}", b.id)).collect();
    let cts: Vec<String> = m
        .contacts
        .iter()
        .map(|ct| {
            s.at = ct.loc.clone();
            let k = format!("contact.{}.{}", ct.kind.id(), ct.id);
            let name = match ct.kind {
                ContactKind::Council => place_txt(&s.keys[0], &format!("authority.{}", m.authorities.get(ct.place).map_or("", |a| a.id.as_str()))),
                ContactKind::HealthBoard => place_txt(&s.keys[0], board_names.get(ct.place).map_or("", |b| b.as_str())),
                ContactKind::National => None,
            };
            let name = name.unwrap_or_else(|| s.add(format!("{k}.name"), ct.name.as_deref().unwrap_or("")));
            format!(
                "Contact{{id:native_id!({:?}),kind:{},place:{},name:{name},website:{},page:{},page_label:{},phone:{},email:{},about:{}}}",
                ct.id,
                path("ContactKind", ct.kind),
                ct.place,
                s.opt(format!("{k}.website"), &ct.website),
                s.opt(format!("{k}.page"), &ct.page),
                s.opt(format!("{k}.page_label"), &ct.page_label),
                s.opt(format!("{k}.phone"), &ct.phone),
                s.opt(format!("{k}.email"), &ct.email),
                s.opt(format!("{k}.about"), &ct.about),
            )
        })
        .collect();

    let mut ui = String::from("pub mod ui {\n    use crate::engine::graph::Txt;\n");
    for ((k, v), loc) in m.ui.iter().zip(&m.ui_locs) {
        s.at = loc.clone();
        if k.starts_with("guide_") || k.starts_with("page_") {
            // The printable guide's own words, and index.html's (see `page_words`): not in the
            // app's tables, but checked for Welsh.
            s.texts.push(Text { key: format!("ui.{k}"), en: v.clone(), loc: loc.clone() });
            continue;
        }
        let t = s.add(format!("ui.{k}"), v);
        let _ = writeln!(ui, "    pub const {}: Txt = {t};", k.to_uppercase());
    }
    ui.push_str("}\n");

    let retired: Vec<String> =
        m.questions.iter().enumerate().flat_map(|(i, q)| q.replaces.iter().map(move |r| format!("({r:?},{i})"))).collect();
    let (you, helper) = (conds.add(&m.you), conds.add(&m.helper));
    let _ = writeln!(
        o,
        "pub static GRAPH: Graph = Graph {{ start: {}, parts: &[{}], questions: &[{}], findings: &[{}], deadlines: &[{}], letters: &[{}], citations: &[{}], terms: &[{}], authorities: &[{}], boards: &[{}], contacts: &[{}], conds: &{:?}, retired: &[{}], you: {}, helper: {}, voice: VOICE, helper_voice: HELPER_VOICE }};",
        m.start,
        parts.join(","),
        qs.join(",\n"),
        fs.join(",\n"),
        ds.join(",\n"),
        ls.join(",\n"),
        cs.join(",\n"),
        ts.join(",\n"),
        as_.join(",\n"),
        bs.join(",\n"),
        cts.join(",\n"),
        conds.code,
        retired.join(","),
        you,
        helper,
    );
    s.voice.sort();
    s.helper.sort();
    let _ = writeln!(o, "/// The texts whose young person's voice differs (it is the next string), sorted: `Graph::voiced`.\npub static VOICE: &[u16] = &{:?};", s.voice);
    let _ = writeln!(o, "/// The texts whose helper's voice differs (the string after the text and any young person's voice), sorted.\npub static HELPER_VOICE: &[u16] = &{:?};", s.helper);
    o.push_str(&ui);
    // Each words file's name, hash and count; natively the tables themselves too (the browser
    // fetches the files).
    let _ = writeln!(o, "/// The words files, `[language][0 start, 1 later]` in `Lang::ALL` order (`late::file_name`).\npub static WORDS: [[WordsFile; 2]; 2] = [");
    for (l, lang) in Lang::ALL.iter().enumerate() {
        o.push_str("    [");
        for (part, t) in s.tables[l].iter().enumerate() {
            let (name, _, hash) = words_file(*lang, part, t);
            let _ = write!(o, "WordsFile {{ name: {name:?}, hash: {hash:#x}, count: {} }}, ", t.len());
        }
        o.push_str("],\n");
    }
    o.push_str("];\n#[cfg(not(target_arch = \"wasm32\"))]\npub static TABLES: [[&[&str]; 2]; 2] = [\n");
    for t in &s.tables {
        o.push_str("    [\n");
        for t in t {
            o.push_str("        &[\n");
            for w in t {
                let _ = writeln!(o, "            {w:?},");
            }
            o.push_str("        ],\n");
        }
        o.push_str("    ],\n");
    }
    o.push_str("];\n");
    // Each table is indexed by 15 bits of a `Txt`: a clear build error long before that runs out.
    let _ = writeln!(o, "const _: () = assert!({} < 0x8000 && {} < 0x8000, \"more than 32767 strings in one table: widen Txt\");", s.keys[0].len(), s.keys[1].len());
    o.push_str("/// The key of each string, for translators and tests: the start table's, then the later one's.\n#[cfg(not(target_arch = \"wasm32\"))]\npub static KEYS: &[&str] = &[\n");
    for k in s.keys[0].iter().chain(&s.keys[1]) {
        let _ = writeln!(o, "    {k:?},");
    }
    o.push_str("];\n");
    (o, s)
}
