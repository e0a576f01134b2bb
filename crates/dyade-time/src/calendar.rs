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
    }
}
