//! Deadline maths and date entry. Every expected value here was worked out by hand
//! from a calendar (2026-01-01 is a Thursday; 2026-06-15 is a Monday), not by running the code.

mod common;

use camau::engine::date::*;
use common::next_day;
use camau::engine::graph::Unit;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap_or_else(|| panic!("{y}-{m}-{day} is not a real date"))
}

/// Tomohiko Sakamoto's weekday rule, written independently of the engine: 0 = Monday.
fn weekday_oracle(y: i32, m: u8, day: u8) -> u8 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let sunday0 = (y + y / 4 - y / 100 + y / 400 + T[m as usize - 1] + day as i32).rem_euclid(7);
    ((sunday0 + 6) % 7) as u8
}


const TODAY: Date = Date { y: 2026, m: 6, d: 15 }; // a Monday

// ---------------------------------------------------------------- calendar basics

#[test]
fn leap_years_follow_the_gregorian_rules() {
    assert!(is_leap(2024));
    assert!(is_leap(2000), "divisible by 400");
    assert!(!is_leap(1900), "divisible by 100 but not 400");
    assert!(!is_leap(2100));
    assert!(!is_leap(2026));
    assert_eq!(days_in_month(2024, 2), 29);
    assert_eq!(days_in_month(2026, 2), 28);
    let lengths: Vec<u8> = (1..=12).map(|m| days_in_month(2026, m)).collect();
    assert_eq!(lengths, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
}

#[test]
fn only_real_dates_can_be_made() {
    assert!(Date::new(2024, 2, 29).is_some());
    for (y, m, day) in [(2025, 2, 29), (2026, 4, 31), (2026, 0, 1), (2026, 13, 1), (2026, 1, 0), (2026, 1, 32), (0, 1, 1), (10000, 1, 1)] {
        assert_eq!(Date::new(y, m, day), None, "{y}-{m}-{day}");
    }
}

#[test]
fn dates_order_by_year_then_month_then_day() {
    assert!(d(2026, 1, 31) < d(2026, 2, 1));
    assert!(d(2025, 12, 31) < d(2026, 1, 1));
    assert!(d(2026, 3, 2) > d(2026, 2, 28));
}

#[test]
fn weekday_of_known_days() {
    assert_eq!(d(1970, 1, 1).weekday(), 3, "1 January 1970 was a Thursday");
    assert_eq!(d(1969, 12, 31).weekday(), 2, "the day before was a Wednesday");
    assert_eq!(d(2000, 1, 1).weekday(), 5, "1 January 2000 was a Saturday");
    assert_eq!(d(1900, 1, 1).weekday(), 0, "1 January 1900 was a Monday");
    assert_eq!(d(2024, 1, 1).weekday(), 0, "Monday");
    assert_eq!(d(2024, 2, 29).weekday(), 3, "Thursday");
    assert_eq!(d(2026, 1, 1).weekday(), 3, "Thursday");
    assert_eq!(TODAY.weekday(), 0, "15 June 2026 is a Monday");
    assert_eq!(d(2026, 6, 20).weekday(), 5, "Saturday");
    assert_eq!(d(2026, 6, 21).weekday(), 6, "Sunday");
}

#[test]
fn weekday_agrees_with_an_independent_rule_for_every_day_of_four_centuries() {
    let mut x = d(1800, 1, 1);
    while x < d(2200, 1, 1) {
        assert_eq!(x.weekday(), weekday_oracle(x.y, x.m, x.d), "{}", x.iso());
        x = next_day(x);
    }
}

#[test]
fn day_numbers_of_known_days() {
    assert_eq!(d(1970, 1, 1).days(), 0);
    assert_eq!(d(1970, 1, 2).days(), 1);
    assert_eq!(d(1969, 12, 31).days(), -1);
    // 30 years of 365 days plus 7 leap days (1972 … 1996).
    assert_eq!(d(2000, 1, 1).days(), 10957);
    // … plus 31 days of January and 29 of February 2000.
    assert_eq!(d(2000, 3, 1).days(), 11017);
    assert_eq!(d(1, 1, 1).days(), -719162);
    assert_eq!(Date::from_days(10957), d(2000, 1, 1));
    assert_eq!(Date::from_days(-1), d(1969, 12, 31));
}

#[test]
fn day_numbers_round_trip_for_every_day_from_year_1_to_9999() {
    let mut x = d(1, 1, 1);
    let mut n = x.days();
    let last = d(9999, 12, 31);
    loop {
        assert_eq!(x.days(), n, "{}", x.iso());
        assert_eq!(Date::from_days(n), x, "day number {n}");
        if x == last {
            break;
        }
        x = next_day(x);
        n += 1;
    }
    assert_eq!(n, d(9999, 12, 31).days());
}

// ---------------------------------------------------------------- adding time

#[test]
fn adding_days_and_weeks_crosses_months_and_years() {
    assert_eq!(d(2025, 12, 25).add_days(10), d(2026, 1, 4));
    assert_eq!(d(2026, 3, 1).add_days(-1), d(2026, 2, 28));
    // NHS answer: 6 weeks (42 days) from 1 September is 13 October.
    assert_eq!(d(2026, 9, 1).add(6, Unit::Weeks), d(2026, 10, 13));
    // LA: 12 weeks (84 days) from 15 January 2026 (February has 28 days) is 9 April.
    assert_eq!(d(2026, 1, 15).add(12, Unit::Weeks), d(2026, 4, 9));
    // Appeal: 8 weeks (56 days) from 10 January is 6 March in a leap year, 7 March otherwise.
    assert_eq!(d(2024, 1, 10).add(8, Unit::Weeks), d(2024, 3, 6));
    assert_eq!(d(2025, 1, 10).add(8, Unit::Weeks), d(2025, 3, 7));
    // Reconsideration: 4 weeks from 20 December is 17 January.
    assert_eq!(d(2026, 12, 20).add(4, Unit::Weeks), d(2027, 1, 17));
    assert_eq!(d(2026, 12, 20).add(28, Unit::Days), d(2027, 1, 17));
}

#[test]
fn adding_months_keeps_the_day_or_takes_the_last_day_of_a_shorter_month() {
    assert_eq!(d(2025, 1, 31).add_months(1), d(2025, 2, 28));
    assert_eq!(d(2024, 1, 31).add_months(1), d(2024, 2, 29), "leap year");
    assert_eq!(d(2000, 1, 31).add_months(1), d(2000, 2, 29), "2000 was a leap year");
    assert_eq!(d(1900, 1, 31).add_months(1), d(1900, 2, 28), "1900 was not");
    assert_eq!(d(2024, 3, 31).add_months(1), d(2024, 4, 30));
    assert_eq!(d(2025, 8, 31).add_months(1), d(2025, 9, 30));
    assert_eq!(d(2023, 12, 31).add_months(2), d(2024, 2, 29));
    assert_eq!(d(2025, 11, 15).add_months(3), d(2026, 2, 15));
    assert_eq!(d(2026, 6, 15).add_months(0), d(2026, 6, 15));
    // Review, NHS complaint, Ombudsman: 12 months.
    assert_eq!(d(2026, 3, 15).add(12, Unit::Months), d(2027, 3, 15));
    assert_eq!(d(2024, 2, 29).add(12, Unit::Months), d(2025, 2, 28));
    assert_eq!(d(2024, 2, 29).add(48, Unit::Months), d(2028, 2, 29));
    assert_eq!(d(2026, 12, 31).add(2, Unit::Months), d(2027, 2, 28));
}

#[test]
fn months_always_give_a_real_date() {
    let mut x = d(2023, 1, 1);
    while x < d(2029, 1, 1) {
        for n in 0..30 {
            let r = x.add_months(n);
            assert!(Date::new(r.y, r.m, r.d).is_some(), "{} + {n} months gave {:?}", x.iso(), r);
            assert!(r.d <= x.d, "the day never grows");
        }
        x = next_day(x);
    }
}

#[test]
fn thirty_five_school_days_worked_by_hand() {
    // From Friday 9 January 2026: 5 school days a week, and the February half term
    // (16 to 20 February) skipped: Friday 6 March.
    assert_eq!(d(2026, 1, 9).add(35, Unit::SchoolDays), d(2026, 3, 6));
    // From the Saturday or Sunday: the first school day is still Monday 12 January.
    assert_eq!(d(2026, 1, 10).add(35, Unit::SchoolDays), d(2026, 3, 6));
    assert_eq!(d(2026, 1, 11).add(35, Unit::SchoolDays), d(2026, 3, 6));
    // From Monday 12 January: Monday 9 March.
    assert_eq!(d(2026, 1, 12).add(35, Unit::SchoolDays), d(2026, 3, 9));
    // From Wednesday 17 June 2026: 22 school days to 17 July, the summer skipped, then 13
    // from 2 September: Friday 18 September.
    assert_eq!(d(2026, 6, 17).add(35, Unit::SchoolDays), d(2026, 9, 18));
    // Across 29 February 2024, the February half term and Easter (31 March 2024):
    // Friday 2 February → Friday 12 April.
    assert_eq!(d(2024, 2, 2).add(35, Unit::SchoolDays), d(2024, 4, 12));
    // A further education institution's term days count the same way.
    assert_eq!(d(2026, 1, 9).add(35, Unit::TermDays), d(2026, 3, 6));
}

#[test]
fn school_days_skip_weekends() {
    assert_eq!(d(2026, 1, 9).add(1, Unit::SchoolDays), d(2026, 1, 12), "Friday + 1 is Monday");
    assert_eq!(d(2026, 1, 8).add(3, Unit::SchoolDays), d(2026, 1, 13), "Thursday + 3 is Tuesday");
    assert_eq!(d(2026, 1, 10).add(1, Unit::SchoolDays), d(2026, 1, 12), "Saturday + 1 is Monday");
    assert_eq!(d(2026, 1, 12).add(4, Unit::SchoolDays), d(2026, 1, 16), "Monday + 4 is Friday");
    assert_eq!(d(2026, 1, 12).add(5, Unit::SchoolDays), d(2026, 1, 19), "Monday + 5 is Monday");
}

#[test]
fn school_days_land_on_a_school_day_after_exactly_n_school_days() {
    use camau::engine::date::{bank_holiday, school_holiday};
    let mut x = d(2025, 12, 1);
    while x < d(2027, 2, 1) {
        for n in [1u16, 2, 5, 6, 10, 35] {
            let r = x.add(n, Unit::SchoolDays);
            assert!(weekday_oracle(r.y, r.m, r.d) < 5, "{} + {n} school days is a weekend day", x.iso());
            // Count the school days in (x, r] by hand: weekdays (by the independent rule)
            // that are neither bank holidays nor in the usual holidays.
            let mut count = 0;
            let mut y = next_day(x);
            loop {
                if weekday_oracle(y.y, y.m, y.d) < 5 && !bank_holiday(y) && !school_holiday(y) {
                    count += 1;
                }
                if y == r {
                    break;
                }
                y = next_day(y);
            }
            assert_eq!(count, n, "{} + {n} school days = {}", x.iso(), r.iso());
        }
        x = next_day(x);
    }
}

// ---------------------------------------------------------------- the stored form

#[test]
fn iso_form_round_trips() {
    assert_eq!(d(2026, 9, 1).iso(), "2026-09-01");
    assert_eq!(d(987, 1, 2).iso(), "0987-01-02");
    assert_eq!(Date::parse_iso("2024-02-29"), Some(d(2024, 2, 29)));
    let mut x = d(1990, 1, 1);
    while x < d(2040, 1, 1) {
        assert_eq!(Date::parse_iso(&x.iso()), Some(x));
        x = next_day(x);
    }
}

#[test]
fn iso_form_refuses_anything_else() {
    for s in [
        "", "2026-9-01", "2026-09-1", "2026/09/01", "26-09-01", "2026-02-30", "2026-13-01", "0000-01-01", "2026-09-01 ", " 2026-09-01",
        "+026-09-01", "-026-09-01", "２０２６-09-01", "2026-09-é", "2026-0é-01", "20é6-09-01", "2026-09-0x", "unsure", "2026-00-10",
    ] {
        assert_eq!(Date::parse_iso(s), None, "{s:?}");
    }
}

// ---------------------------------------------------------------- what a parent types

fn parse(day: &str, month: &str, year: &str) -> Result<Date, DateError> {
    parse_parts(day, month, year, TODAY, false)
}

#[test]
fn a_plain_past_date_is_read() {
    assert_eq!(parse("1", "3", "2026"), Ok(d(2026, 3, 1)));
    assert_eq!(parse("01", "03", "2026"), Ok(d(2026, 3, 1)));
    assert_eq!(parse("15", "6", "2026"), Ok(TODAY), "today itself is not in the future");
    assert_eq!(parse("29", "2", "2024"), Ok(d(2024, 2, 29)));
}

#[test]
fn spaces_anywhere_are_ignored() {
    assert_eq!(parse(" 1 ", " 3 ", " 2026 "), Ok(d(2026, 3, 1)));
    assert_eq!(parse("0 1", "0 3", "2 0 2 6"), Ok(d(2026, 3, 1)));
    assert_eq!(parse("1\t", "\n3", "2026\r\n"), Ok(d(2026, 3, 1)));
    assert_eq!(parse("\u{a0}1", "3", "2026"), Ok(d(2026, 3, 1)), "a no-break space pasted from a document");
}

#[test]
fn impossible_dates_are_not_real() {
    assert_eq!(parse("31", "02", "2026"), Err(DateError::NotReal));
    assert_eq!(parse("30", "2", "2024"), Err(DateError::NotReal));
    assert_eq!(parse("29", "2", "2025"), Err(DateError::NotReal), "2025 is not a leap year");
    assert_eq!(parse("31", "4", "2026"), Err(DateError::NotReal));
    assert_eq!(parse("32", "1", "2026"), Err(DateError::NotReal));
    assert_eq!(parse("0", "1", "2026"), Err(DateError::NotReal));
    assert_eq!(parse("1", "0", "2026"), Err(DateError::NotReal));
    assert_eq!(parse("1", "13", "2026"), Err(DateError::NotReal));
}

#[test]
fn a_future_date_is_refused_unless_the_question_allows_it() {
    assert_eq!(parse("16", "6", "2026"), Err(DateError::Future), "tomorrow");
    assert_eq!(parse("1", "1", "2027"), Err(DateError::Future));
    assert_eq!(parse_parts("16", "6", "2026", TODAY, true), Ok(d(2026, 6, 16)));
    assert_eq!(parse_parts("1", "9", "2027", TODAY, true), Ok(d(2027, 9, 1)));
    // A meeting date more than five years ahead is not plausible.
    assert_eq!(parse_parts("1", "1", "2031", TODAY, true), Ok(d(2031, 1, 1)));
    assert_eq!(parse_parts("1", "1", "2032", TODAY, true), Err(DateError::NotReal));
}

#[test]
fn the_year_needs_four_digits() {
    assert_eq!(parse("1", "9", "26"), Err(DateError::YearDigits));
    assert_eq!(parse("1", "9", "202"), Err(DateError::YearDigits));
    assert_eq!(parse("1", "9", "6"), Err(DateError::YearDigits));
    // A slip of the finger: five digits is still a year with the wrong number of digits,
    // not "letters" (the parent typed only numbers).
    assert_eq!(parse("1", "9", "20266"), Err(DateError::YearDigits));
    assert_eq!(parse("1", "9", "2026202620262026"), Err(DateError::YearDigits));
}

#[test]
fn letters_and_signs_are_not_numbers() {
    for (day, month, year) in [
        ("1st", "9", "2026"),
        ("1", "Sept", "2026"),
        ("1", "9", "20x6"),
        ("-1", "9", "2026"),
        ("1.5", "9", "2026"),
        ("+1", "9", "2026"),
        ("１", "9", "2026"),
        ("1", "9", "２０２６"),
        ("<script>", "9", "2026"),
    ] {
        assert_eq!(parse(day, month, year), Err(DateError::NotNumbers), "{day:?} {month:?} {year:?}");
    }
}

#[test]
fn huge_numbers_do_not_break_anything() {
    let r = parse("99999999999999999999", "9", "2026");
    assert!(r == Err(DateError::NotReal) || r == Err(DateError::NotNumbers), "{r:?}");
    let r = parse("1", "99999999999999999999", "2026");
    assert!(r == Err(DateError::NotReal) || r == Err(DateError::NotNumbers), "{r:?}");
}

#[test]
fn missing_parts_are_named() {
    assert_eq!(parse("", "", ""), Err(DateError::Empty));
    assert_eq!(parse(" ", "\t", ""), Err(DateError::Empty));
    assert_eq!(parse("", "9", "2026"), Err(DateError::MissingDay));
    assert_eq!(parse("1", "", "2026"), Err(DateError::MissingMonth));
    assert_eq!(parse("1", "9", ""), Err(DateError::MissingYear));
    assert_eq!(parse("1", "9", "   "), Err(DateError::MissingYear));
}

#[test]
fn dates_more_than_thirty_years_back_are_too_old() {
    assert_eq!(OLDEST_YEARS, 30);
    assert_eq!(parse("14", "6", "1995"), Err(DateError::TooOld), "31 years ago");
    assert_eq!(parse("1", "1", "1900"), Err(DateError::TooOld));
    assert_eq!(parse("1", "3", "0026"), Err(DateError::TooOld), "four digits, but the year 26");
    assert_eq!(parse("15", "6", "1996"), Ok(d(1996, 6, 15)), "exactly 30 years ago is accepted");
    assert_eq!(parse("1", "9", "2020"), Ok(d(2020, 9, 1)));
}

#[test]
fn weeks_and_days_of_a_span() {
    assert_eq!(weeks_days(45), (6, 3));
    assert_eq!(weeks_days(-45), (6, 3), "overdue spans are said the same way");
    assert_eq!(weeks_days(7), (1, 0));
    assert_eq!(weeks_days(0), (0, 0));
    assert_eq!(weeks_days(-1), (0, 1));
}

/// Easter Sunday for known years (the dates the Church of England and Met Office publish).
#[test]
fn easter_sunday_of_known_years() {
    use camau::engine::date::easter;
    for (y, m, day) in [(2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2028, 4, 16), (2038, 4, 25), (2285, 3, 22)] {
        assert_eq!(easter(y), d(y, m, day), "{y}");
    }
}

/// The bank holidays of England and Wales in 2026 and 2027, as GOV.UK lists them, with the
/// substitute days; nothing else in those years is one.
#[test]
fn bank_holidays_in_wales_for_two_known_years() {
    use camau::engine::date::bank_holiday;
    let known = [
        d(2026, 1, 1), d(2026, 4, 3), d(2026, 4, 6), d(2026, 5, 4), d(2026, 5, 25), d(2026, 8, 31), d(2026, 12, 25), d(2026, 12, 28),
        d(2027, 1, 1), d(2027, 3, 26), d(2027, 3, 29), d(2027, 5, 3), d(2027, 5, 31), d(2027, 8, 30), d(2027, 12, 27), d(2027, 12, 28),
    ];
    let mut x = d(2026, 1, 1);
    while x <= d(2027, 12, 31) {
        assert_eq!(bank_holiday(x), known.contains(&x), "{x:?}");
        x = x.add_days(1);
    }
}

/// Periods under the ALN Regulations ending on a non-working day run on to the next working
/// day (reg 2(4)): a Saturday to the Monday, Good Friday 2026 over Easter Monday to the Tuesday.
#[test]
fn a_period_ending_on_a_non_working_day_runs_on_to_the_next_working_day() {
    assert_eq!(d(2026, 11, 28).next_working_day(), d(2026, 11, 30));
    assert_eq!(d(2026, 4, 3).next_working_day(), d(2026, 4, 7));
    assert_eq!(d(2026, 12, 25).next_working_day(), d(2026, 12, 29));
    assert_eq!(d(2026, 12, 2).next_working_day(), d(2026, 12, 2));
}

/// 35 school days skip the summer holiday (review W9: raised on 1 July, never "overdue" on
/// 20 August): 12 school days in July, then 23 from 2 September, ending on 2 October 2026.
/// And a school day is never in a holiday week, a weekend or a bank holiday.
#[test]
fn school_days_skip_weekends_bank_holidays_and_the_usual_school_holidays() {
    use camau::engine::date::{bank_holiday, school_holiday};
    use camau::engine::graph::Unit;
    assert_eq!(d(2026, 7, 1).add(35, Unit::SchoolDays), d(2026, 10, 2));
    assert!(d(2026, 7, 1).add(35, Unit::SchoolDays) > d(2026, 8, 20));
    // Christmas: from 18 December 2026 (a Friday), 1 school day is Monday 4 January 2027.
    assert_eq!(d(2026, 12, 18).add(1, Unit::SchoolDays), d(2027, 1, 4));
    // Holidays: summer, Christmas, Easter 2027 (28 March) and the half terms.
    for x in [d(2026, 7, 20), d(2026, 9, 1), d(2026, 12, 21), d(2027, 1, 3), d(2027, 3, 22), d(2027, 4, 2), d(2026, 10, 26), d(2026, 10, 30), d(2027, 2, 15), d(2027, 5, 31)] {
        assert!(school_holiday(x), "{x:?} is in the usual holidays");
    }
    for x in [d(2026, 7, 17), d(2026, 9, 2), d(2026, 11, 2), d(2027, 1, 4), d(2027, 4, 5), d(2027, 2, 22), d(2027, 6, 7)] {
        assert!(!school_holiday(x), "{x:?} is a usual school day");
    }
    let mut x = d(2026, 1, 1);
    while x < d(2028, 1, 1) {
        let next = x.add(1, Unit::SchoolDays);
        assert!(next.weekday() < 5 && !bank_holiday(next) && !school_holiday(next), "{next:?}");
        x = x.add_days(1);
    }
}

/// Compulsory school age ends on the last Friday in June of the school year (1 September to
/// 31 August) in which the person turns 16 (law-facts §1): 31 August and 1 September birthdays
/// fall in different years, and the day after that Friday they are a young person.
#[test]
fn compulsory_school_age_ends_on_the_last_friday_in_june_of_year_11() {
    use camau::engine::age_group;
    assert_eq!(school_leaving_date(d(2010, 8, 31)), d(2026, 6, 26));
    assert_eq!(school_leaving_date(d(2010, 9, 1)), d(2027, 6, 25));
    assert_eq!(school_leaving_date(d(2010, 9, 1)).weekday(), 4, "a Friday");
    // Every leaving date is the last Friday of its June.
    for y in 1990..2030 {
        for m in [1, 8, 9, 12] {
            let x = school_leaving_date(d(y, m, 15));
            assert!(x.m == 6 && x.weekday() == 4 && x.d + 7 > 30, "{}", x.iso());
        }
    }
    let dob = d(2010, 8, 31);
    assert_eq!(age_group(dob, d(2026, 6, 26)), 0, "a child until the last Friday in June");
    assert_eq!(age_group(dob, d(2026, 6, 27)), 1, "then a young person under 18");
    assert_eq!(age_group(dob, d(2028, 8, 30)), 1);
    assert_eq!(age_group(dob, d(2028, 8, 31)), 2, "18 on the birthday");
    // A 29 February birthday is reached on 1 March in other years.
    assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
    assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), 18);
}
