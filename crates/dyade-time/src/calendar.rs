//! Proleptic Gregorian calendar arithmetic (no time zones: news dates are civil dates).

/// A civil date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub y: i32,
    /// Month 1..=12.
    pub m: u32,
    /// Day 1..=31.
    pub d: u32,
}

impl Date {
    /// A date, `None` when the day does not exist.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Date> {
        (m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m)).then_some(Date { y, m, d })
    }
    /// Days since 1970-01-01.
    pub fn days(&self) -> i64 {
        dyade_core::calendar::days_from_civil(self.y, self.m, self.d)
    }
    /// The date `n` days after 1970-01-01.
    pub fn from_days(z: i64) -> Date {
        let (y, m, d) = dyade_core::calendar::civil_from_days(z);
        Date { y, m, d }
    }
    /// `n` days later (earlier when negative).
    pub fn add_days(&self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }
    /// `n` months later, the day clamped to the month's length.
    pub fn add_months(&self, n: i64) -> Date {
        let t = self.y as i64 * 12 + (self.m as i64 - 1) + n;
        let y = t.div_euclid(12) as i32;
        let m = (t.rem_euclid(12) + 1) as u32;
        Date { y, m, d: self.d.min(days_in_month(y, m)) }
    }
    /// ISO weekday, Monday = 1 … Sunday = 7.
    pub fn weekday(&self) -> u32 {
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }
    /// ISO week-numbering year and week.
    pub fn iso_week(&self) -> (i32, u32) {
        let thursday = self.add_days(4 - self.weekday() as i64);
        let jan1 = Date { y: thursday.y, m: 1, d: 1 };
        (thursday.y, ((thursday.days() - jan1.days()) / 7 + 1) as u32)
    }
    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
    /// Parse the date part of an ISO 8601 string (`2023-07-27`, `2023-07-27T10:24…`).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(s[0..4].parse().ok()?, s[5..7].parse().ok()?, s[8..10].parse().ok()?)
    }
}

/// Leap year?
pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` of year `y`.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Easter Sunday (Gregorian, anonymous algorithm).
pub fn easter(y: i32) -> Date {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date { y, m: month as u32, d: day as u32 }
}

/// Orthodox Easter Sunday (Julian computus), as a Gregorian date.
pub fn orthodox_easter(y: i32) -> Date {
    let (a, b, c) = (y % 4, y % 7, y % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // Julian → Gregorian: the calendars drift apart by a day each century not divisible by 400
    let drift = y / 100 - y / 400 - 2;
    Date { y, m: month as u32, d: day as u32 }.add_days(drift as i64)
}

/// The day of the tabular (arithmetic) Islamic calendar `hy-m-d`: months alternate 30 and
/// 29 days, 11 leap years in 30; observed dates may differ by a day.
pub fn hijri(hy: i32, m: u32, d: u32) -> Date {
    let hy = hy as i64;
    let jdn = d as i64 + (59 * (m as i64 - 1) + 1) / 2 + (hy - 1) * 354 + (3 + 11 * hy).div_euclid(30) + 1948439;
    Date::from_days(jdn - 2440588)
}

/// The first day `m-d` of the Islamic calendar that falls in Gregorian year `y`.
pub fn hijri_in_year(y: i32, m: u32, d: u32) -> Option<Date> {
    let hy = ((y - 622) as i64 * 33 / 32) as i32;
    (hy - 2..hy + 3).map(|h| hijri(h, m, d)).find(|x| x.y == y)
}

/// Days before the molad of Tishri of Hebrew year `y` since the epoch, with the first
/// postponement (dehiyyah) rules (Dershowitz & Reingold, *Calendrical Calculations*).
fn hebrew_elapsed(y: i64) -> i64 {
    let months = (235 * y - 234).div_euclid(19);
    let parts = 12084 + 13753 * months;
    let days = 29 * months + parts.div_euclid(25920);
    if (3 * (days + 1)).rem_euclid(7) < 3 {
        days + 1
    } else {
        days
    }
}

/// First day (1 Tishri) of Hebrew year `y`, in days since 1970-01-01.
fn hebrew_new_year(y: i64) -> i64 {
    // the remaining postponements keep every year 353–355 or 383–385 days long
    let (ny0, ny1, ny2) = (hebrew_elapsed(y - 1), hebrew_elapsed(y), hebrew_elapsed(y + 1));
    let delay = if ny2 - ny1 == 356 {
        2
    } else if ny1 - ny0 == 382 {
        1
    } else {
        0
    };
    // the epoch: R.D. −1373427 (7 October 3761 BCE, Julian); R.D. 719163 is 1970-01-01
    -1373427 + ny1 + delay - 719163
}

/// A leap Hebrew year (13 months: Adar I and Adar II)?
fn hebrew_leap(y: i64) -> bool {
    (7 * y + 1).rem_euclid(19) < 7
}

/// Days in Hebrew month `m` (Nisan = 1 … Tishri = 7 … Adar = 12, Adar II = 13) of year `y`.
fn hebrew_month_days(y: i64, m: u32) -> i64 {
    let len = hebrew_new_year(y + 1) - hebrew_new_year(y);
    let short = matches!(m, 2 | 4 | 6 | 10 | 13) || (m == 12 && !hebrew_leap(y)) || (m == 8 && len % 10 != 5) || (m == 9 && len % 10 == 3);
    if short {
        29
    } else {
        30
    }
}

/// The day `d` of Hebrew month `m` of year `hy` (months numbered from Nisan = 1, Tishri = 7;
/// `m` = 13 is the last Adar: Adar in a common year, Adar II in a leap year).
pub fn hebrew(hy: i32, m: u32, d: u32) -> Date {
    let y = hy as i64;
    let last = if hebrew_leap(y) { 13 } else { 12 };
    let m = if m == 13 { last } else { m };
    let mut f = hebrew_new_year(y) + d as i64 - 1;
    if m < 7 {
        f += (7..=last).chain(1..m).map(|k| hebrew_month_days(y, k)).sum::<i64>();
    } else {
        f += (7..m).map(|k| hebrew_month_days(y, k)).sum::<i64>();
    }
    Date::from_days(f)
}

/// The first day `m-d` of the Hebrew calendar that falls in Gregorian year `y`.
pub fn hebrew_in_year(y: i32, m: u32, d: u32) -> Option<Date> {
    (y + 3759..y + 3763).map(|h| hebrew(h, m, d)).find(|x| x.y == y)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn arithmetic() {
        let d = Date::new(2025, 10, 28).unwrap();
        assert_eq!(d.weekday(), 2);
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.add_days(-1).iso(), "2025-10-27");
        assert_eq!(Date::new(2024, 1, 31).unwrap().add_months(1).iso(), "2024-02-29");
        assert_eq!(easter(2024).iso(), "2024-03-31");
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(orthodox_easter(2018).iso(), "2018-04-08");
        // Rosh Hashanah 5779, Yom Kippur, Passover 5778, Purim 5773 (a common year) and 5779 (Adar II of a leap year)
        assert_eq!(hebrew(5779, 7, 1).iso(), "2018-09-10");
        assert_eq!(hebrew(5779, 7, 10).iso(), "2018-09-19");
        assert_eq!(hebrew(5778, 1, 15).iso(), "2018-03-31");
        assert_eq!(hebrew(5773, 13, 14).iso(), "2013-02-24");
        assert_eq!(hebrew_in_year(2019, 13, 14).map(|d| d.iso()), Some("2019-03-21".into()));
        assert_eq!(hijri_in_year(2018, 10, 1).map(|d| d.iso()), Some("2018-06-15".into()));
    }
}
