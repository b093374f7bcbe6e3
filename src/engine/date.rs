//! Calendar dates and deadline maths. No clock: "today" is always passed in.

use super::graph::Unit;

/// A civil date in the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub y: i32,
    pub m: u8,
    pub d: u8,
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Later than any date a parent can give: "no date" in orderings.
    pub const LAST: Date = Date { y: 9999, m: 12, d: 31 };
    pub fn new(y: i32, m: u8, d: u8) -> Option<Date> {
        if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date { y, m, d })
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    pub fn days(self) -> i64 {
        let y = self.y as i64 - if self.m <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.m as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date { y: (y + if m <= 2 { 1 } else { 0 }) as i32, m, d }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u8
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// Same day n months later; the last day of the month when that day does not exist.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.y * 12 + (self.m as i32 - 1) + n;
        let y = total.div_euclid(12);
        let m = (total.rem_euclid(12) + 1) as u8;
        Date { y, m, d: self.d.min(days_in_month(y, m)) }
    }

    pub fn add(self, amount: u16, unit: Unit) -> Date {
        match unit {
            Unit::Days => self.add_days(amount as i64),
            Unit::Weeks => self.add_days(7 * amount as i64),
            Unit::Months => self.add_months(amount as i32),
            Unit::SchoolDays | Unit::TermDays => self.add_school_days(amount as u32),
        }
    }

    /// The n-th school day after this date: weekends, bank holidays and the usual Welsh school
    /// holidays ([`school_holiday`]) skipped. Term dates vary by council, so this is the latest
    /// date the period is likely to end, never the earliest: a school-day deadline is not called
    /// overdue while it could still fall in a holiday.
    pub fn add_school_days(self, n: u32) -> Date {
        let mut d = self;
        let mut left = n;
        while left > 0 {
            d = d.add_days(1);
            if d.weekday() < 5 && !bank_holiday(d) && !school_holiday(d) {
                left -= 1;
            }
        }
        d
    }

    /// This day, or the next that is not a weekend or a bank holiday in Wales.
    pub fn next_working_day(self) -> Date {
        let mut d = self;
        while d.weekday() >= 5 || bank_holiday(d) {
            d = d.add_days(1);
        }
        d
    }

    /// The Monday of this date's week.
    fn monday(self) -> Date {
        self.add_days(-(self.weekday() as i64))
    }

    /// `YYYY-MM-DD`, the stored and `.ics`-friendly form.
    pub fn iso(self) -> String {
        let mut s = String::with_capacity(10);
        push_num(&mut s, self.y as u32, 4);
        s.push('-');
        push_num(&mut s, self.m as u32, 2);
        s.push('-');
        push_num(&mut s, self.d as u32, 2);
        s
    }

    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> { s.get(r)?.bytes().try_fold(0u32, |a, c| c.is_ascii_digit().then(|| a * 10 + (c - b'0') as u32)) };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }
}

/// Easter Sunday in the Gregorian calendar (the "anonymous" algorithm).
pub fn easter(y: i32) -> Date {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let h = (19 * a + b - b / 4 - (8 * b + 13) / 25 + 15) % 30;
    let l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date { y, m: month as u8, d: day as u8 }
}

/// A bank holiday in Wales (the England and Wales list): New Year's Day, Good Friday, Easter
/// Monday, the first and last Mondays in May, the last Monday in August, Christmas Day and
/// Boxing Day, each moved to the next weekday when it falls at a weekend. One-off days (a
/// coronation, a jubilee) are not known.
pub fn bank_holiday(d: Date) -> bool {
    let e = easter(d.y);
    let mon = d.weekday() == 0;
    let first_monday = |m: u8| mon && d.m == m && d.d <= 7;
    let last_monday = |m: u8| mon && d.m == m && d.d + 7 > days_in_month(d.y, m);
    let jan1 = Date { y: d.y, m: 1, d: 1 };
    let new_year = jan1.add_days(match jan1.weekday() { 5 => 2, 6 => 1, _ => 0 });
    let xmas = Date { y: d.y, m: 12, d: 25 };
    // Christmas and Boxing Day, with substitutes: on Sat/Sun, the next Mon and Tue.
    let (c1, c2) = match xmas.weekday() {
        5 => (xmas.add_days(2), xmas.add_days(3)),
        6 => (xmas.add_days(1), xmas.add_days(2)),
        4 => (xmas, xmas.add_days(3)),
        _ => (xmas, xmas.add_days(1)),
    };
    d == new_year || d == e.add_days(-2) || d == e.add_days(1) || first_monday(5) || last_monday(5) || last_monday(8) || d == c1 || d == c2
}

/// The last day of compulsory school age for someone born on `dob`: the last Friday in June of
/// the school year (1 September to 31 August) in which they turn 16 (Education Act 1996 s.8;
/// law-facts §1). From the next day they are a young person.
pub fn school_leaving_date(dob: Date) -> Date {
    let y = dob.y + 16 + if dob.m >= 9 { 1 } else { 0 };
    let june30 = Date { y, m: 6, d: 30 };
    // Friday is 4 (0 = Monday).
    june30.add_days(-(((june30.weekday() as i64) - 4).rem_euclid(7)))
}

/// Whole years of age on `today` (a 29 February birthday comes on 1 March in other years).
pub fn age_on(dob: Date, today: Date) -> i32 {
    today.y - dob.y - if (today.m, today.d) < (dob.m, dob.d) { 1 } else { 0 }
}

/// The usual Welsh school holidays, as a documented approximation (each council sets its own
/// term dates, so the real ones may differ by a few days): summer from 20 July to 1 September,
/// Christmas from 21 December to 3 January, two weeks at Easter (the week before Easter Sunday
/// and the week after), and the half-term weeks: the week of 28 October, the week of
/// 15 February, and the week of the last Monday in May.
pub fn school_holiday(d: Date) -> bool {
    let md = (d.m, d.d);
    let e = easter(d.y);
    let week_of = |x: Date| d.monday() == x.monday();
    let may_bank = (25..=31).map(|day| Date { y: d.y, m: 5, d: day }).find(|x| x.weekday() == 0).unwrap_or(Date { y: d.y, m: 5, d: 25 });
    ((7, 20)..=(9, 1)).contains(&md)
        || md >= (12, 21)
        || md <= (1, 3)
        || (d >= e.add_days(-6) && d <= e.add_days(5))
        || week_of(Date { y: d.y, m: 10, d: 28 })
        || week_of(Date { y: d.y, m: 2, d: 15 })
        || week_of(may_bank)
}

pub fn push_num(s: &mut String, n: u32, width: usize) {
    let digits = n.to_string();
    for _ in digits.len()..width {
        s.push('0');
    }
    s.push_str(&digits);
}

/// Why a day/month/year entry was refused. The UI words each case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    Empty,
    MissingDay,
    MissingMonth,
    MissingYear,
    NotNumbers,
    YearDigits,
    NotReal,
    Future,
    TooOld,
}

/// How far back a date about an IDP can sensibly be.
pub const OLDEST_YEARS: i32 = 30;

/// Reads the three GOV.UK-style fields. Spaces are ignored; month names are not needed.
pub fn parse_parts(day: &str, month: &str, year: &str, today: Date, future_ok: bool) -> Result<Date, DateError> {
    let clean = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let (d, m, y) = (clean(day), clean(month), clean(year));
    match (d.is_empty(), m.is_empty(), y.is_empty()) {
        (true, true, true) => return Err(DateError::Empty),
        (true, _, _) => return Err(DateError::MissingDay),
        (_, true, _) => return Err(DateError::MissingMonth),
        (_, _, true) => return Err(DateError::MissingYear),
        _ => {}
    }
    if ![&d, &m, &y].iter().all(|s| s.bytes().all(|c| c.is_ascii_digit())) {
        return Err(DateError::NotNumbers);
    }
    // Digits only from here: a 5-digit year is a year with the wrong number of digits.
    if y.len() != 4 {
        return Err(DateError::YearDigits);
    }
    // A day or month too long for a u32 is simply not a real one.
    let num = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
    let (dn, mn, yn) = (num(&d), num(&m), num(&y));
    if dn > 31 || mn > 12 {
        return Err(DateError::NotReal);
    }
    let date = Date::new(yn as i32, mn as u8, dn as u8).ok_or(DateError::NotReal)?;
    if !future_ok && date > today {
        return Err(DateError::Future);
    }
    if date.y < today.y - OLDEST_YEARS {
        return Err(DateError::TooOld);
    }
    if future_ok && date.y > today.y + 5 {
        return Err(DateError::NotReal);
    }
    Ok(date)
}

/// A span of days said in weeks and days: (weeks, days).
pub fn weeks_days(days: i64) -> (i64, i64) {
    let d = days.abs();
    (d / 7, d % 7)
}
