//! Output options (`TagOptions`, after Recognizers-Text's `DateTimeOptions`): split date and
//! time, tasks mode; and the plain output unchanged without them.
use dyade_time::{SpanStyle, TagOptions, TimexTagger};

/// (text, value, end value) of each expression.
fn run(t: &TimexTagger, s: &str, reference: &str, o: TagOptions) -> Vec<(String, String, Option<String>)> {
    t.tag_ranges_with(s, "en", reference, SpanStyle::Bare, o).into_iter().map(|(x, e)| (s[x.span.start..x.span.end].to_string(), x.value, e.map(|e| e.value))).collect()
}

fn texts(v: &[(String, String, Option<String>)]) -> Vec<&str> {
    v.iter().map(|x| x.0.as_str()).collect()
}

const SPLIT: TagOptions = TagOptions { split_date_time: true, tasks: false, calendar: false, experimental: false, skip_from_to: false, extended_types: false };
const TASKS: TagOptions = TagOptions { split_date_time: false, tasks: true, calendar: false, experimental: false, skip_from_to: false, extended_types: false };

#[test]
fn no_option_is_the_plain_output_on_single_expressions() {
    let t = TimexTagger::new();
    for s in ["schedule a meeting tomorrow from 5pm to 7pm", "Sales for this quarter", "I'll be out next 5 minutes"] {
        let plain: Vec<_> = t.tag_ranges_at(s, "en", "2016-11-07T00:00:00", SpanStyle::Bare).into_iter().map(|(x, e)| (s[x.span.start..x.span.end].to_string(), x.value, e.map(|e| e.value))).collect();
        assert_eq!(run(&t, s, "2016-11-07T00:00:00", TagOptions::default()), plain);
    }
}

#[test]
fn split_gives_the_date_then_its_times() {
    let t = TimexTagger::new();
    let r = run(&t, "schedule a meeting from 5pm to 7pm tomorrow", "2016-11-07T00:00:00", SPLIT);
    assert_eq!(texts(&r), ["tomorrow", "5pm", "7pm"]);
    assert_eq!(r[0].1, "2016-11-08");
    assert_eq!((r[1].1.as_str(), r[2].1.as_str()), ("T17:00", "T19:00"));
    // one rule's date and time: the date's words, then the time's
    let r = run(&t, "schedule a meeting tomorrow at 7pm", "2016-11-07T00:00:00", SPLIT);
    assert_eq!(r, [("tomorrow".to_string(), "2016-11-08".to_string(), None), ("7pm".to_string(), "T19:00".to_string(), None)]);
    let r = run(&t, "It will happen 1/1/2015 after 2:00", "2016-11-07T00:00:00", SPLIT);
    assert_eq!(texts(&r), ["1/1/2015", "2:00"]);
    // a range's two dates apart; an end that does not stand alone keeps the range whole
    assert_eq!(texts(&run(&t, "schedule a meeting from July the 5th to July the 8th", "2016-11-07T00:00:00", SPLIT)), ["July the 5th", "July the 8th"]);
    assert_eq!(texts(&run(&t, "I'll be out November 19-20", "2016-11-07T00:00:00", SPLIT)), ["November 19-20"]);
}

#[test]
fn split_gives_a_duration_from_now_as_the_duration() {
    let t = TimexTagger::new();
    let cal = TagOptions { calendar: true, ..Default::default() };
    let r = run(&t, "I'm blocked for the day", "2016-11-07T16:12:00", cal);
    assert_eq!(r, [("for the day".to_string(), "P1D".to_string(), None)]);
    let r = run(&t, "I'll be out next 5 minutes", "2016-11-07T00:00:00", SPLIT);
    assert_eq!(r, [("5 minutes".to_string(), "PT5M".to_string(), None)]);
    let r = run(&t, "schedule a meeting 2 hours later", "2016-11-07T00:00:00", SPLIT);
    assert_eq!(r, [("2 hours".to_string(), "PT2H".to_string(), None)]);
    // a day is no duration: "next Monday" stays
    assert_eq!(texts(&run(&t, "see you next Monday", "2016-11-07T00:00:00", SPLIT)), ["next Monday"]);
}

#[test]
fn tasks_mode_leaves_out_what_schedules_nothing() {
    let t = TimexTagger::new();
    for s in ["deliver 2000 pieces of toys.", "Sales for this quarter", "How about 2019 q1", "I'll leave this SUMMER", "Listen to 1990s music", "meet on eid al fitr", "show me sales before 2010 or after 2018"] {
        assert!(run(&t, s, "2019-07-04T00:00:00", TASKS).is_empty(), "{s}");
    }
    // what it does schedule stays: dates, sets, holidays it knows
    assert_eq!(texts(&run(&t, "I'll go back 04th Jan 2019.", "2016-11-07T00:00:00", TASKS)), ["04th Jan 2019"]);
    assert_eq!(texts(&run(&t, "plan trip quarterly", "2022-08-22T01:00:00", TASKS)), ["quarterly"]);
    assert_eq!(texts(&run(&t, "will prepare cake on easter after 5pm", "2022-04-29T00:00:00", TASKS)), ["easter after 5pm"]);
    assert_eq!(texts(&run(&t, "I'll be back at 7 p.m.", "2022-04-29T00:00:00", TASKS)), ["7 p.m."]);
    assert!(run(&t, "I'll be back at 7p", "2022-04-29T00:00:00", TASKS).is_empty());
    assert_eq!(texts(&run(&t, "meet me next year at 6.", "2022-04-29T00:00:00", TASKS)), ["next year at 6"]);
    // the rest of an expression cut at a skipped holiday stands on its own
    let r = run(&t, "There is a event in the independence day of this year.", "2018-07-17T13:00:00", TASKS);
    assert_eq!(r, [("this year".to_string(), "2018".to_string(), None)]);
}

#[test]
fn tasks_mode_next_period_is_its_first_day() {
    let t = TimexTagger::new();
    assert_eq!(run(&t, "meet me next month", "2022-04-29T00:00:00", TASKS)[0].1, "2022-05-01");
    let r = run(&t, "meet me next year at 6pm", "2022-04-29T00:00:00", TASKS);
    assert_eq!(r, [("next year at 6pm".to_string(), "2023-01-01T18:00".to_string(), None)]);
    let r = run(&t, "meet next month between 2:20 to 3pm", "2022-04-29T13:00:00", TASKS);
    assert_eq!(r, [("next month between 2:20 to 3pm".to_string(), "2022-05-01T14:20".to_string(), Some("2022-05-01T15:00".to_string()))]);
}

#[test]
fn tasks_mode_time_of_day_already_begun_is_tomorrows() {
    let t = TimexTagger::new();
    assert_eq!(run(&t, "let's meet in the morning", "2016-11-07T16:12:00", TASKS)[0].1, "2016-11-08TMO");
    // not yet begun: today's; a day told keeps it
    assert_eq!(run(&t, "let's meet in the evening", "2016-11-07T15:12:00", TASKS)[0].1, "2016-11-07TEV");
    assert_eq!(run(&t, "this morning", "2016-11-07T16:12:00", TASKS)[0].1, "2016-11-07TMO");
}

#[test]
fn calendar_mode_leaves_out_lone_period_terms() {
    let t = TimexTagger::new();
    let cal = TagOptions { calendar: true, ..Default::default() };
    let s = "Hey, we got a partner of the month.";
    assert_eq!(texts(&run(&t, s, "2018-05-24T00:00:00", TagOptions::default())), ["the month"]);
    assert!(run(&t, s, "2018-05-24T00:00:00", cal).is_empty());
    // a period with more than the term stays
    assert_eq!(texts(&run(&t, "see you next month", "2018-05-24T00:00:00", cal)), ["next month"]);
}

#[test]
fn experimental_mode_reads_from_as_since() {
    let t = TimexTagger::new();
    let exp = TagOptions { experimental: true, ..Default::default() };
    // the default reading leaves a lone "from" out; experimental mode makes it the "since"
    assert_eq!(texts(&run(&t, "The range is from 2014", "2018-05-24T00:00:00", TagOptions::default())), ["2014"]);
    assert_eq!(texts(&run(&t, "The range is from 2014", "2018-05-24T00:00:00", exp)), ["from 2014"]);
    assert_eq!(texts(&run(&t, "We have lived here from the end of 1989", "2018-05-24T00:00:00", exp)), ["from the end of 1989"]);
    // a range keeps its own opener
    assert_eq!(texts(&run(&t, "The range is from 2014 to 2018.", "2018-05-24T00:00:00", exp)), ["from 2014 to 2018"]);
}

#[test]
fn fiscal_and_school_years_carry_their_reckoning() {
    let t = TimexTagger::new();
    let o = TagOptions::default();
    assert_eq!(run(&t, "Show sales in the fiscal year 2008", "2019-06-18T00:00:00", o), [("fiscal year 2008".to_string(), "FY2008".to_string(), None)]);
    assert_eq!(run(&t, "I got a lot of gains in last fiscal year.", "2019-06-18T00:00:00", o)[0].1, "FY2018");
    assert_eq!(run(&t, "Show sales in the sy18", "2019-06-18T00:00:00", o)[0].1, "SY2018");
    assert_eq!(run(&t, "Show sales in the cy 2008", "2019-06-18T00:00:00", o)[0].1, "2008");
}

#[test]
fn fractions_of_years_stay_years() {
    let t = TimexTagger::new();
    let o = TagOptions::default();
    assert_eq!(run(&t, "He will take a one and a quarter year gap", "2018-05-29T00:00:00", o)[0].1, "P1.25Y");
    assert_eq!(run(&t, "I'll leave for 3.5years", "2018-05-29T00:00:00", o)[0].1, "P3.5Y");
    assert_eq!(run(&t, "half a year", "2018-05-29T00:00:00", o), [("half a year".to_string(), "P0.5Y".to_string(), None)]);
}

#[test]
fn skip_from_to_gives_the_bounds() {
    let t = TimexTagger::new();
    let o = TagOptions { skip_from_to: true, ..Default::default() };
    assert_eq!(texts(&run(&t, "Change my meeting from 9am to 11am", "2016-11-07T00:00:00", o)), ["9am", "11am"]);
    // "between" ranges stay whole
    assert_eq!(texts(&run(&t, "Change my meeting between 9am and 11am", "2016-11-07T00:00:00", o)), ["between 9am and 11am"]);
}

#[test]
fn holidays_and_meals_stay_apart_but_tasks_mode_joins_them() {
    let t = TimexTagger::new();
    let r = "2022-07-27T10:00:00";
    assert_eq!(texts(&run(&t, "Take medicines after dinner tomorrow", r, TagOptions::default())), ["after dinner", "tomorrow"]);
    assert_eq!(run(&t, "Take medicines after dinner tomorrow", r, TASKS), [("after dinner tomorrow".to_string(), "2022-07-28TMED".to_string(), None)]);
    assert_eq!(texts(&run(&t, "let's meet at lunch tomorrow.", r, TagOptions::default())), ["at lunch", "tomorrow"]);
    assert_eq!(texts(&run(&t, "will prepare cake on easter after 5pm", "2022-04-29T00:00:00", TASKS)), ["easter after 5pm"]);
    // a holiday and its clock time
    assert_eq!(texts(&run(&t, "which films are shown on christmas eve at 6 p.m.?", r, TagOptions::default())), ["christmas eve", "6 p.m."]);
    assert_eq!(texts(&run(&t, "which films are shown on christmas eve at 6 p.m.?", r, TASKS)), ["christmas eve at 6 p.m."]);
}

#[test]
fn recognizers_years_from_now_are_days() {
    let t = TimexTagger::new();
    assert_eq!(run(&t, "I will leave in two years", "2018-07-05T00:00:00", TagOptions::default())[0].1, "2020-07-05");
    // Duckling style keeps the month (its grain)
    let d = t.tag_at("in two years", "en", "2018-07-05T00:00:00", SpanStyle::WithPrepositions);
    assert_eq!(d[0].value, "2020-07");
}

#[test]
fn recognizers_weeks_of_a_month_hold_two_of_its_days() {
    let t = TimexTagger::new();
    let bare = |s: &str| t.tag_at(s, "en", "2018-05-29T00:00:00", SpanStyle::Bare)[0].value.clone();
    assert_eq!(bare("first week of Jan 2015"), "2015-W01");
    assert_eq!(bare("last week of Dec 2016"), "2016-W52");
    // a week with one day in the month is not one of its weeks (1 October 2017 is a Sunday)
    assert_eq!(bare("the first week of Oct 2017"), "2017-W40");
    assert_eq!(bare("the last week of july 2017"), "2017-W30");
    // Duckling style: the full weeks inside the month
    assert_eq!(t.tag_at("first week of Jan 2015", "en", "2018-05-29T00:00:00", SpanStyle::WithPrepositions)[0].value, "2015-W02");
}

#[test]
fn lone_direction_words_stand_with_extended_types_only() {
    let t = TimexTagger::new();
    let s = "Was it last week or this?";
    assert_eq!(texts(&run(&t, s, "2019-09-10T00:00:00", TagOptions::default())), ["last week"]);
    let ext = TagOptions { extended_types: true, ..Default::default() };
    assert_eq!(texts(&run(&t, s, "2019-09-10T00:00:00", ext)), ["last week", "this"]);
}

#[test]
fn list_completion_needs_extended_types() {
    let t = TimexTagger::new();
    let s = "Cortana could try to arrange a Skype call next week on Tuesday or Thursday please?";
    let ext = TagOptions { extended_types: true, ..Default::default() };
    // 2017-12-04 is a Monday: Thursday of next week with the option, the coming one without
    assert_eq!(run(&t, s, "2017-12-04T00:00:00", ext)[1].1, "2017-12-14");
    assert_eq!(run(&t, s, "2017-12-04T00:00:00", TagOptions::default())[1].1, "2017-12-07");
}
