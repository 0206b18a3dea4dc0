//! Dates in text, resolved against the document's publication date.
//!
//! Only expressions that name one day are resolved ("on Friday", "March 31",
//! "yesterday"); "last week" or "next month" name no day and give nothing. A
//! document without a date gives no dates at all: a guessed year is worse
//! than none.

use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

/// A date expression found in a sentence, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
}

/// Which way a weekday points when the text does not say ("on Friday").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// The months' names in calendar order: the one list of them, read by the
/// date pattern, by [`month_number`] and by the statement frame ("said in
/// March", [`is_month_name`]). Calendar facts, not a choice of words, so
/// they stay in code.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekdays' names from Monday: the one list of them, read by the date
/// pattern and by the statement frame ("said on Monday night",
/// [`is_weekday_name`]).
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether `word` is a month's full name, in any case.
pub fn is_month_name(word: &str) -> bool {
    MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Whether `word` is a weekday's full name, in any case.
pub fn is_weekday_name(word: &str) -> bool {
    WEEKDAY_NAMES.iter().any(|d| d.eq_ignore_ascii_case(word))
}

fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let (months, weekdays) = (MONTH_NAMES.join("|"), WEEKDAY_NAMES.join("|"));
        Regex::new(&format!(
            concat!(
                r"\b(?:(?P<rel>today|yesterday|tomorrow|tonight)\b",
                r"|(?:(?P<dir>last|next|this|on|by|until|from|since)\s+)?(?P<wd>{weekdays})\b",
                r"|(?P<mon>{months}|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+(?P<day>[0-3]?\d)\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
                r"|(?P<day2>[0-3]?\d)\s+(?P<mon2>{months})\b(?:\s+(?P<year2>(?:19|20)\d\d)\b)?)"
            ),
            months = months,
            weekdays = weekdays
        ))
        .expect("valid date regex")
    })
}

/// "today", "tonight", "this afternoon": the day a wire story is filed.
fn same_day_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:today|tonight|this (?:morning|afternoon|evening))\b").expect("valid same-day regex")
    })
}

/// Times that are not the day of filing, named or vague: "yesterday", "last
/// week's meeting", "next month", "two years ago", "earlier".
fn other_time_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:yesterday|tomorrow|ago|earlier|recently|(?:last|next|previous|coming|past) \w+)\b")
            .expect("valid other-time regex")
    })
}

/// Whether `text` says its event happens on the day of filing ("met today",
/// "will meet this afternoon").
pub fn says_same_day(text: &str) -> bool {
    same_day_regex().is_match(text)
}

/// Whether `text` puts its event on another day than the day of filing, even
/// without naming the day ("last week's talks", "will open talks next month").
pub fn names_other_time(text: &str) -> bool {
    other_time_regex().is_match(text)
}

/// Whether `text` names a weekday: without the document's date it may be any day.
pub fn names_weekday(text: &str) -> bool {
    date_regex().captures_iter(text).any(|caps| caps.name("wd").is_some())
}

/// The month (1 to 12) of a name or abbreviation, by its first three letters.
fn month_number(name: &str) -> Option<u32> {
    let key: String = name.chars().take(3).collect::<String>().to_lowercase();
    MONTH_NAMES
        .iter()
        .position(|m| m[..3].eq_ignore_ascii_case(&key))
        .map(|i| i as u32 + 1)
}

fn weekday(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

/// Finds and resolves day-naming expressions in `text[start..end]`.
pub fn find(text: &str, start: usize, end: usize, doc_date: Option<NaiveDate>, tense: Tense) -> Vec<DateMention> {
    let mut found = Vec::new();
    for caps in date_regex().captures_iter(&text[start..end]) {
        let whole = caps.get(0).expect("group 0");
        let date = if let Some(rel) = caps.name("rel") {
            doc_date.map(|d| match rel.as_str().to_lowercase().as_str() {
                "yesterday" => d - Duration::days(1),
                "tomorrow" => d + Duration::days(1),
                _ => d,
            })
        } else if let Some(wd) = caps.name("wd") {
            let direction = caps.name("dir").map(|m| m.as_str().to_lowercase());
            let tense = match direction.as_deref() {
                Some("last") | Some("since") => Tense::Past,
                Some("next") | Some("by") | Some("until") => Tense::Future,
                _ => tense,
            };
            doc_date
                .zip(weekday(wd.as_str()))
                .map(|(d, w)| resolve_weekday(d, w, tense))
        } else {
            let (mon, day, year) = if caps.name("mon").is_some() {
                (caps.name("mon"), caps.name("day"), caps.name("year"))
            } else {
                (caps.name("mon2"), caps.name("day2"), caps.name("year2"))
            };
            let month = mon.and_then(|m| month_number(m.as_str()));
            let day: Option<u32> = day.and_then(|d| d.as_str().parse().ok());
            let year: Option<i32> = year
                .and_then(|y| y.as_str().parse().ok())
                .or(doc_date.map(|d| d.year()));
            match (year, month, day) {
                (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
                _ => None,
            }
        };
        if let Some(date) = date {
            found.push(DateMention {
                start: start + whole.start(),
                end: start + whole.end(),
                date,
            });
        }
    }
    found
}

/// The weekday nearest the document date in the given direction; the
/// document's own weekday is the document date itself.
fn resolve_weekday(doc: NaiveDate, day: Weekday, tense: Tense) -> NaiveDate {
    let from = doc.weekday().num_days_from_monday() as i64;
    let to = day.num_days_from_monday() as i64;
    match tense {
        Tense::Past => doc - Duration::days((from - to).rem_euclid(7)),
        Tense::Future => doc + Duration::days((to - from).rem_euclid(7)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn first(text: &str, doc: Option<NaiveDate>, tense: Tense) -> Option<NaiveDate> {
        find(text, 0, text.len(), doc, tense).first().map(|d| d.date)
    }

    #[test]
    fn the_day_of_filing_is_today_tonight_or_this_afternoon() {
        assert!(says_same_day("the ministers met today in Geneva"));
        assert!(says_same_day("producers will meet this afternoon"));
        assert!(says_same_day("Talks resume Tonight."));
        assert!(!says_same_day("the ministers met on Monday"));
        assert!(!says_same_day("this morningside view"));
    }

    #[test]
    fn another_time_is_named_or_vague() {
        assert!(names_other_time("after last December's OPEC meeting"));
        assert!(names_other_time("Chile will open talks next month"));
        assert!(names_other_time("they met two years ago"));
        assert!(names_other_time("met yesterday"));
        assert!(!names_other_time("the ministers met today"));
        assert!(!names_other_time("Poland met the Paris Club of creditor nations"));
        assert!(names_weekday("directors will meet Wednesday"));
        assert!(!names_weekday("directors will meet today"));
    }

    #[test]
    fn weekdays_resolve_backwards_for_past_events_and_forwards_for_plans() {
        let sunday = date(1987, 3, 22);
        assert_eq!(
            first("talks in Bonn on Friday", Some(sunday), Tense::Past),
            Some(date(1987, 3, 20))
        );
        assert_eq!(
            first("talks set for Monday", Some(sunday), Tense::Future),
            Some(date(1987, 3, 23))
        );
        assert_eq!(
            first("since Tuesday", Some(sunday), Tense::Future),
            Some(date(1987, 3, 17))
        );
        // the document's own weekday is the document's day
        assert_eq!(
            first("Friday's talks", Some(date(2025, 5, 16)), Tense::Past),
            Some(date(2025, 5, 16))
        );
    }

    #[test]
    fn month_and_day_take_the_document_year() {
        let doc = Some(date(2000, 12, 7));
        assert_eq!(
            first("on the morning of Dec. 14", doc, Tense::Future),
            Some(date(2000, 12, 14))
        );
        assert_eq!(
            first("detained on 30 September", doc, Tense::Past),
            Some(date(2000, 9, 30))
        );
        assert_eq!(first("on March 4, 1999", doc, Tense::Past), Some(date(1999, 3, 4)));
    }

    #[test]
    fn no_document_date_means_no_relative_dates() {
        assert_eq!(first("on Friday", None, Tense::Past), None);
        assert_eq!(first("yesterday", None, Tense::Past), None);
        assert_eq!(first("on March 4", None, Tense::Past), None);
    }

    #[test]
    fn month_and_weekday_names_are_known_in_any_case_and_only_in_full() {
        assert!(is_month_name("march") && is_month_name("May") && is_month_name("DECEMBER"));
        assert!(!is_month_name("mar") && !is_month_name("marching"));
        assert!(is_weekday_name("monday") && is_weekday_name("Sunday"));
        assert!(!is_weekday_name("mon") && !is_weekday_name("weekday"));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("december"), Some(12));
        assert_eq!(month_number("Smarch"), None);
    }

    #[test]
    fn vague_periods_name_no_day() {
        assert_eq!(
            first("last week and next month", Some(date(2025, 5, 16)), Tense::Past),
            None
        );
    }
}
