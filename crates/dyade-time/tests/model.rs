//! Composite expressions of the date-time model (Recognizers-style spans, scheduling inputs):
//! a weekday placed in the week of a counted day, the first or last units of a period, the
//! weekend of a day, lengths counted from a day as periods, fiscal years, compact dates.
use dyade_time::{SpanStyle, TimexTagger};

/// (span text, value, end value of a fused range or lasting period)
fn ranges(text: &str, reference: &str) -> Vec<(String, String, Option<String>)> {
    TimexTagger::shared()
        .tag_ranges_at(text, "en", reference, SpanStyle::Bare)
        .into_iter()
        .map(|(t, e)| (text[t.span.start..t.span.end].to_string(), t.value, e.map(|e| e.value)))
        .collect()
}

fn one(text: &str, reference: &str) -> (String, String, Option<String>) {
    let r = ranges(text, reference);
    assert_eq!(r.len(), 1, "{text}: {r:?}");
    r.into_iter().next().unwrap()
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn weekday_in_the_week_of_a_counted_day() {
    // 2016-11-09 is a Wednesday: two weeks on is Wednesday 23, its Monday the 21st
    assert_eq!(one("I'll go back Monday two weeks from now.", "2016-11-09T00:00:00"), (s("Monday two weeks from now"), s("2016-11-21"), None));
    assert_eq!(one("I'll go back in 3 days on Friday.", "2016-11-09T00:00:00"), (s("in 3 days on Friday"), s("2016-11-11"), None));
    // the count is taken at day precision, not at the year's grain
    assert_eq!(one("I'll go back Thursday, two year from now.", "2021-01-02T00:00:00"), (s("Thursday, two year from now"), s("2023-01-05"), None));
    // a weekday alone next to another weekday is no count ("Wednesday, Thursday")
    assert_eq!(ranges("on Wednesday, Thursday", "2018-11-28T00:00:00").len(), 2);
}

#[test]
fn first_and_last_units_of_a_period() {
    assert_eq!(one("booked for the first 2 weeks of 2021", "2018-11-29T12:00:00"), (s("the first 2 weeks of 2021"), s("2021-01-04"), Some(s("2021-01-18"))));
    assert_eq!(one("the last four months of 2021", "2018-11-29T12:00:00"), (s("the last four months of 2021"), s("2021-09-01"), Some(s("2022-01-01"))));
    assert_eq!(one("They visited Paris first ten days of last year", "2021-11-29T12:00:00"), (s("first ten days of last year"), s("2020-01-01"), Some(s("2020-01-11"))));
}

#[test]
fn weekend_of_a_day() {
    // Labor Day 2021 is Monday 6 September: the weekend before it
    assert_eq!(one("prepare for labor day 2021 weekend", "2021-11-09T18:00:00").1, "2021-W35-WE");
    // Thanksgiving 2023 is Thursday 23 November: the weekend after it
    assert_eq!(one("We'll take weekend of thanksgiving 2023 off", "2021-11-09T18:00:00").1, "2023-W47-WE");
}

#[test]
fn lengths_counted_from_a_day() {
    assert_eq!(one("replies for 3 days starting from next Monday", "2019-10-07T00:00:00"), (s("3 days starting from next Monday"), s("2019-10-14"), Some(s("2019-10-17"))));
    assert_eq!(one("for a day starting this Friday at 5 pm", "2019-10-07T00:00:00"), (s("a day starting this Friday at 5 pm"), s("2019-10-11T17:00"), Some(s("2019-10-12T17:00"))));
    assert_eq!(one("done less than 3 days after tomorrow", "2018-05-29T00:00:00"), (s("less than 3 days after tomorrow"), s("2018-05-30"), Some(s("2018-06-02"))));
}

#[test]
fn years_of_other_kinds_and_compact_dates() {
    assert_eq!(one("Show sales in the fiscal year 2008", "2019-06-18T00:00:00").1, "FY2008");
    assert_eq!(one("gains in last fiscal year", "2019-06-18T00:00:00").1, "FY2018");
    assert_eq!(one("Show sales in the sy18", "2019-06-18T00:00:00").1, "SY2018");
    assert_eq!(one("Show sales in fiscal year", "2019-06-18T00:00:00").1, "FYXXXX");
    assert_eq!(one("I'll go back 20161016.", "2016-11-07T00:00:00").1, "2016-10-16");
    assert_eq!(one("I'll go back September-2020-23.", "2016-11-07T00:00:00").1, "2020-09-23");
    // no 30 February, and a ratio with a decimal is no date
    assert!(ranges("ref 20190230 closed", "2016-11-07T00:00:00").is_empty());
    assert!(ranges("a BUN/Cr of 30/4.85", "2016-11-07T00:00:00").is_empty());
}

#[test]
fn clock_ranges_and_durations() {
    // a clock range on a named day keeps the weekday that picks its year
    assert_eq!(one("for Tuesday May 22 between 9:30 and 3:00 pm", "2018-06-12T00:00:00"), (s("Tuesday May 22 between 9:30 and 3:00 pm"), s("2018-05-22T09:30"), Some(s("2018-05-22T15:00"))));
    assert_eq!(one("Where were you between 0730-0930?", "2019-01-31T00:00:00").2, Some(s("2019-01-31T09:30")));
    // "between 2014 and 2018" are years, not 20:14
    assert_eq!(one("between 2014 and 2018", "2016-11-07T00:00:00").1, "2014");
    assert_eq!(one("I'll leave for twenty and four hours", "2016-11-07T00:00:00").1, "PT24H");
    assert_eq!(one("a one and a quarter year gap", "2016-11-07T00:00:00").1, "P1.25Y");
}
