//! A one-event calendar file (RFC 5545), made on the device.

use super::date::Date;

/// Escapes TEXT values: backslash, semicolon, comma and newlines.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

fn compact(d: Date) -> String {
    d.iso().replace('-', "")
}

/// How many days before the event its reminder goes off.
pub const ALARM_DAYS_BEFORE: u8 = 3;

/// An all-day event on `day`, with a reminder [`ALARM_DAYS_BEFORE`] days before. `uid` must be stable for the same deadline.
pub fn event(uid: &str, day: Date, stamp: Date, summary: &str, description: &str) -> String {
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Camau//IDP deadlines//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "BEGIN:VEVENT".into(),
        ["UID:", &escape(uid), "@camau"].concat(),
        ["DTSTAMP:", &compact(stamp), "T000000Z"].concat(),
        ["DTSTART;VALUE=DATE:", &compact(day)].concat(),
        ["DTEND;VALUE=DATE:", &compact(day.add_days(1))].concat(),
        ["SUMMARY:", &escape(summary)].concat(),
        ["DESCRIPTION:", &escape(description)].concat(),
        // A reminder 3 days before, in time to act.
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        ["DESCRIPTION:", &escape(summary)].concat(),
        ["TRIGGER:-P", &ALARM_DAYS_BEFORE.to_string(), "D"].concat(),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    let mut out = String::new();
    for l in lines {
        out.push_str(&fold(&l));
        out.push_str("\r\n");
    }
    out
}
