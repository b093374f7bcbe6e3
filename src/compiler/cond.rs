//! The condition language of `when = "..."` (see content/FORMAT.md).

use super::model::{Kind, MCond};

pub trait Names {
    /// (question index, kind)
    fn question(&self, id: &str) -> Option<(usize, Kind)>;
    fn option(&self, q: usize, id: &str) -> Option<usize>;
    fn deadline(&self, id: &str) -> Option<usize>;
    /// A named condition (`[[condition]]`): what it means, and its text with every name in it
    /// written out. `None` when there is no condition of that name.
    fn condition(&self, _name: &str) -> Option<(MCond, String)> {
        None
    }
}

/// The words of the language itself: no condition may be named so.
pub const WORDS: [&str; 10] = ["always", "not", "and", "or", "in", "has", "answered", "known", "overdue", "upcoming"];

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Eq,
    Ne,
    LParen,
    RParen,
    Comma,
}

/// The tokens, and the byte range of each in the text.
fn lex(s: &str) -> Result<(Vec<Tok>, Vec<std::ops::Range<usize>>), String> {
    let mut out = Vec::new();
    let mut spans = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((at, c)) = it.next() {
        let before = out.len();
        match c {
            c if c.is_whitespace() => {}
            '=' => out.push(Tok::Eq),
            '!' => match it.next() {
                Some((_, '=')) => out.push(Tok::Ne),
                _ => return Err("'!' must be followed by '='".into()),
            },
            '(' => out.push(Tok::LParen),
            ')' => out.push(Tok::RParen),
            ',' => out.push(Tok::Comma),
            c if c.is_ascii_alphanumeric() || c == '_' => {
                let mut id = String::from(c);
                while let Some(&(_, d)) = it.peek() {
                    if d.is_ascii_alphanumeric() || d == '_' {
                        id.push(d);
                        it.next();
                    } else {
                        break;
                    }
                }
                out.push(Tok::Ident(id));
            }
            other => return Err(format!("unexpected character {other:?} in condition")),
        }
        if out.len() > before {
            let end = it.peek().map_or(s.len(), |&(i, _)| i);
            spans.push(at..end);
        }
    }
    Ok((out, spans))
}

struct P<'a, N: Names> {
    toks: Vec<Tok>,
    spans: Vec<std::ops::Range<usize>>,
    pos: usize,
    names: &'a N,
    /// Named conditions used: where the name is, and its text written out.
    uses: Vec<(std::ops::Range<usize>, String)>,
}

impl<N: Names> P<'_, N> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(x)) if x == w)
    }
    fn expect(&mut self, t: Tok, what: &str) -> Result<(), String> {
        match self.next() {
            Some(x) if x == t => Ok(()),
            Some(x) => Err(format!("expected {what}, found {x:?}")),
            None => Err(format!("expected {what}, found the end of the condition")),
        }
    }
    fn ident(&mut self, what: &str) -> Result<String, String> {
        match self.next() {
            Some(Tok::Ident(x)) => Ok(x),
            Some(x) => Err(format!("expected {what}, found {x:?}")),
            None => Err(format!("expected {what}, found the end of the condition")),
        }
    }
    fn or(&mut self) -> Result<MCond, String> {
        let mut v = vec![self.and()?];
        while self.is_word("or") {
            self.pos += 1;
            v.push(self.and()?);
        }
        Ok(if v.len() == 1 { v.pop().unwrap() } else { MCond::Or(v) })
    }
    fn and(&mut self) -> Result<MCond, String> {
        let mut v = vec![self.unary()?];
        while self.is_word("and") {
            self.pos += 1;
            v.push(self.unary()?);
        }
        Ok(if v.len() == 1 { v.pop().unwrap() } else { MCond::And(v) })
    }
    fn unary(&mut self) -> Result<MCond, String> {
        if self.is_word("not") {
            self.pos += 1;
            return Ok(MCond::Not(Box::new(self.unary()?)));
        }
        if self.peek() == Some(&Tok::LParen) {
            self.pos += 1;
            let e = self.or()?;
            self.expect(Tok::RParen, "')'")?;
            return Ok(e);
        }
        let word = self.ident("a question id, 'not', 'always' or a function")?;
        match word.as_str() {
            "always" => return Ok(MCond::Always),
            "answered" | "known" => {
                self.expect(Tok::LParen, "'('")?;
                let q = self.ident("a question id")?;
                self.expect(Tok::RParen, "')'")?;
                let (qi, kind) = self.question(&q)?;
                if word == "known" {
                    if kind != Kind::Date {
                        return Err(format!("known({q}): '{q}' is not a date question"));
                    }
                    return Ok(MCond::Known(qi));
                }
                return Ok(MCond::Answered(qi));
            }
            "overdue" | "upcoming" => {
                self.expect(Tok::LParen, "'('")?;
                let d = self.ident("a deadline id")?;
                self.expect(Tok::RParen, "')'")?;
                let di = self
                    .names
                    .deadline(&d)
                    .ok_or_else(|| format!("unknown deadline '{d}'"))?;
                return Ok(if word == "overdue" { MCond::Overdue(di) } else { MCond::Upcoming(di) });
            }
            _ => {}
        }
        if self.names.question(&word).is_none() {
            if let Some((c, text)) = self.names.condition(&word) {
                // Written out in brackets where it stands among others, so the text means what
                // the condition does.
                let whole = self.toks.len() == 1;
                let text = if whole || !matches!(c, MCond::And(_) | MCond::Or(_)) { text } else { format!("({text})") };
                self.uses.push((self.spans[self.pos - 1].clone(), text));
                return Ok(c);
            }
        }
        let (qi, kind) = self.question(&word)?;
        match self.next() {
            Some(Tok::Eq) | Some(Tok::Ne) => {
                let ne = self.toks[self.pos - 1] == Tok::Ne;
                if kind != Kind::One {
                    return Err(format!("'{word}' is not a one-choice question: use 'has' or answered()"));
                }
                let o = self.ident("an option id")?;
                let oi = self.option(qi, &word, &o)?;
                Ok(if ne { MCond::Ne(qi, oi) } else { MCond::Eq(qi, oi) })
            }
            Some(Tok::Ident(op)) if op == "in" => {
                if kind != Kind::One {
                    return Err(format!("'{word}' is not a one-choice question: use 'has'"));
                }
                self.expect(Tok::LParen, "'('")?;
                let mut v = vec![];
                loop {
                    let o = self.ident("an option id")?;
                    v.push(self.option(qi, &word, &o)?);
                    match self.next() {
                        Some(Tok::Comma) => continue,
                        Some(Tok::RParen) => break,
                        _ => return Err("expected ',' or ')' in an 'in (...)' list".into()),
                    }
                }
                Ok(MCond::In(qi, v))
            }
            Some(Tok::Ident(op)) if op == "has" => {
                if kind != Kind::Many {
                    return Err(format!("'{word}' is not a many-choice question: use '='"));
                }
                let o = self.ident("an option id")?;
                Ok(MCond::Has(qi, self.option(qi, &word, &o)?))
            }
            _ => Err(format!("after '{word}' expected '=', '!=', 'in' or 'has'")),
        }
    }
    fn question(&self, id: &str) -> Result<(usize, Kind), String> {
        self.names.question(id).ok_or_else(|| format!("unknown question '{id}' (nor a named condition)"))
    }
    fn option(&self, q: usize, qid: &str, o: &str) -> Result<usize, String> {
        self.names
            .option(q, o)
            .ok_or_else(|| format!("question '{qid}' has no option '{o}'"))
    }
}

pub fn parse(s: &str, names: &impl Names) -> Result<MCond, String> {
    parse_expanded(s, names).map(|(c, _)| c)
}

/// As [`parse`], with the text written out: each named condition replaced by its own text
/// (in brackets where it stands among others), for readers of the map.
pub fn parse_expanded(s: &str, names: &impl Names) -> Result<(MCond, String), String> {
    let (toks, spans) = lex(s)?;
    if toks.is_empty() {
        return Err("empty condition (write 'always')".into());
    }
    let mut p = P { toks, spans, pos: 0, names, uses: vec![] };
    let e = p.or()?;
    if p.pos < p.toks.len() {
        return Err(format!("unexpected {:?} after the end of the condition", p.toks[p.pos]));
    }
    let mut text = String::with_capacity(s.len());
    let mut from = 0;
    for (at, with) in &p.uses {
        text.push_str(&s[from..at.start]);
        text.push_str(with);
        from = at.end;
    }
    text.push_str(&s[from..]);
    Ok((e, text))
}
