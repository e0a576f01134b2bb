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
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Date { y, m, d })
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

/// The day `hy-m-d` of the Islamic calendar by the conjunction (Umm al-Qura's principle): a
/// month begins the day after the new moon when the conjunction falls before sunset at Mecca
/// (taken as 18:00, UTC+3), two days after otherwise; from 1370 to 1419 AH, by that era's
/// rule, the day after the conjunction's day at Greenwich. Observed dates may still differ by
/// a day where the crescent is sighted later.
pub fn hijri_observed(hy: i32, m: u32, d: u32) -> Date {
    // the conjunction nearest the eve of the tabular first day
    let t = hijri(hy, m, 1).days() as f64 + 2440587.5 - 1.0;
    let k0 = ((t - 2451550.1) / 29.530588861).round() as i64;
    let jde = (k0 - 1..=k0 + 1).map(new_moon).min_by(|a, b| (a - t).abs().total_cmp(&(b - t).abs())).unwrap_or(t);
    let local = jde + 3.0 / 24.0 - 2440587.5;
    let day = local.floor();
    let hour = (local - day) * 24.0;
    // from its first edition (1370 AH, 1950) until 1420 AH (1999), Umm al-Qura began a
    // month the day after the conjunction's day at Greenwich (a conjunction before 0h UT,
    // 03:00 at Mecca, opened the next day); earlier years keep the sunset rule
    let first = if (1370..1420).contains(&hy) {
        (jde - 2440587.5).floor() as i64 + 1
    } else {
        day as i64 + if hour < 18.0 { 1 } else { 2 }
    };
    Date::from_days(first + d as i64 - 1)
}

/// The first day `m-d` of the Islamic calendar ([`hijri_observed`]) that falls in Gregorian
/// year `y`.
pub fn hijri_in_year(y: i32, m: u32, d: u32) -> Option<Date> {
    let hy = ((y - 622) as i64 * 33 / 32) as i32;
    (hy - 2..hy + 3).map(|h| hijri_observed(h, m, d)).find(|x| x.y == y)
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

/// The instant of the `k`-th new moon after that of 6 January 2000, as a Julian Ephemeris
/// Day (Meeus, *Astronomical Algorithms*, ch. 49: mean lunation and its main periodic terms;
/// the planetary terms, under a minute, are left out).
pub fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
    let e = 1.0 - 0.002516 * t - 0.0000074 * t2;
    let r = |x: f64| x.rem_euclid(360.0).to_radians();
    let m = r(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
    let mp = r(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
    let f = r(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
    let om = r(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
    let c = -0.40720 * mp.sin() + 0.17241 * e * m.sin() + 0.01608 * (2.0 * mp).sin() + 0.01039 * (2.0 * f).sin()
        + 0.00739 * e * (mp - m).sin()
        - 0.00514 * e * (mp + m).sin()
        + 0.00208 * e * e * (2.0 * m).sin()
        - 0.00111 * (mp - 2.0 * f).sin()
        - 0.00057 * (mp + 2.0 * f).sin()
        + 0.00056 * e * (2.0 * mp + m).sin()
        - 0.00042 * (3.0 * mp).sin()
        + 0.00042 * e * (m + 2.0 * f).sin()
        + 0.00038 * e * (m - 2.0 * f).sin()
        - 0.00024 * e * (2.0 * mp - m).sin()
        - 0.00017 * om.sin()
        - 0.00007 * (mp + 2.0 * m).sin()
        + 0.00004 * (2.0 * mp - 2.0 * f).sin()
        + 0.00004 * (3.0 * m).sin()
        + 0.00003 * (mp + m - 2.0 * f).sin()
        + 0.00003 * (2.0 * mp + 2.0 * f).sin()
        - 0.00003 * (mp + m + 2.0 * f).sin()
        + 0.00003 * (mp - m + 2.0 * f).sin()
        - 0.00002 * (mp - m - 2.0 * f).sin()
        - 0.00002 * (3.0 * mp + m).sin()
        + 0.00002 * (4.0 * mp).sin();
    jde + c
}

/// The civil day of the new moon `k` at UTC offset `hours`.
fn new_moon_day(k: i64, hours: f64) -> Date {
    Date::from_days((new_moon(k) + hours / 24.0 - 2440587.5).floor() as i64)
}

/// Chinese New Year of Gregorian year `y`: the first new moon on or after 21 January, Beijing
/// time (the second new moon after the winter solstice, but in the rare years a leap month
/// falls between them).
pub fn chinese_new_year(y: i32) -> Date {
    let jan21 = Date { y, m: 1, d: 21 };
    let mut k = ((y as f64 - 2000.0) * 12.3685).floor() as i64 - 2;
    while new_moon_day(k, 8.0) < jan21 {
        k += 1;
    }
    new_moon_day(k, 8.0)
}

/// The Sun's apparent ecliptic longitude (degrees) at Julian Day `jd` (Meeus, ch. 25, low
/// accuracy: about 0.01°).
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2451545.0) / 36525.0;
    let l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    let m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t).to_radians();
    let c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * m.sin() + (0.019993 - 0.000101 * t) * (2.0 * m).sin() + 0.000289 * (3.0 * m).sin();
    let om = (125.04 - 1934.136 * t).to_radians();
    (l0 + c - 0.00569 - 0.00478 * om.sin()).rem_euclid(360.0)
}

/// The Lahiri ayanamsa (degrees): the sidereal zodiac's offset, 23.853° at J2000, growing with
/// the precession (50.29″ a year).
fn lahiri_ayanamsa(jd: f64) -> f64 {
    23.853 + (jd - 2451545.0) / 365.25 * 50.29 / 3600.0
}

/// The civil day (Indian Standard Time) on which the Sun's sidereal month `sign` (1 = Mesha,
/// sidereal longitude 0°; 10 = Makara, 270°) begins in Gregorian year `y`, Indian solar
/// calendars' way: the day of the transit (sankranti), the next one when it falls after sunset
/// (taken as 18:00; the Tamil and Punjabi rule); with `bengal`, always the day after the
/// transit (the Bengali rule: a transit before midnight starts the month the next day, one
/// after midnight belongs to the Hindu day begun at the previous sunrise).
pub fn sankranti_day(y: i32, sign: u32, bengal: bool) -> Option<Date> {
    if !(1..=12).contains(&sign) {
        return None;
    }
    let target = 30.0 * (sign - 1) as f64;
    // signed distance (degrees) of the sidereal Sun past the target
    let past = |jd: f64| (sun_longitude(jd) - lahiri_ayanamsa(jd) - target + 180.0).rem_euclid(360.0) - 180.0;
    // the Sun reaches the target about (target + ayanamsa − 280) / 360 of a year after 1 January
    let jan1 = Date { y, m: 1, d: 1 }.days() as f64 + 2440587.5;
    let mut lo = jan1 + ((target + 23.85 - 280.0).rem_euclid(360.0) / 360.0) * 365.25 - 20.0;
    while past(lo + 1.0) < 0.0 {
        lo += 1.0;
    }
    let mut hi = lo + 1.0;
    if past(lo) >= 0.0 || past(hi) < 0.0 {
        return None;
    }
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        if past(mid) < 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let ist = hi + 5.5 / 24.0 - 2440587.5;
    let day = ist.floor();
    let after_sunset = (ist - day) * 24.0 >= 18.0;
    Some(Date::from_days(day as i64 + (after_sunset || bengal) as i64))
}

/// The day `m-d` (twelve months of 30 days, then five Gatha days as month 13) of year `n` of
/// the Parsi Shahenshahi calendar: 365-day years counted from Yazdegerd III's accession (16 June
/// 632, Julian: JDN 1952063), one month later for the single intercalation it kept.
pub fn shahenshahi(n: i32, m: u32, d: u32) -> Date {
    let jdn = 1952063 + 30 + 365 * (n as i64 - 1) + 30 * (m as i64 - 1) + d as i64 - 1;
    Date::from_days(jdn - 2440588)
}

/// The first day `m-d` of the Shahenshahi calendar that falls in Gregorian year `y`.
pub fn shahenshahi_in_year(y: i32, m: u32, d: u32) -> Option<Date> {
    (y - 632..y - 628).map(|n| shahenshahi(n, m, d)).find(|x| x.y == y)
}

/// Periodic terms of the Moon's longitude: multiples of D, M, M′, F and the coefficient in
/// 10⁻⁶ degree (Meeus, ch. 47, the terms above 0.002°).
const MOON_TERMS: [(f64, f64, f64, f64, f64); 34] = [
    (0.0, 0.0, 1.0, 0.0, 6288774.0),
    (2.0, 0.0, -1.0, 0.0, 1274027.0),
    (2.0, 0.0, 0.0, 0.0, 658314.0),
    (0.0, 0.0, 2.0, 0.0, 213618.0),
    (0.0, 1.0, 0.0, 0.0, -185116.0),
    (0.0, 0.0, 0.0, 2.0, -114332.0),
    (2.0, 0.0, -2.0, 0.0, 58793.0),
    (2.0, -1.0, -1.0, 0.0, 57066.0),
    (2.0, 0.0, 1.0, 0.0, 53322.0),
    (2.0, -1.0, 0.0, 0.0, 45758.0),
    (0.0, 1.0, -1.0, 0.0, -40923.0),
    (1.0, 0.0, 0.0, 0.0, -34720.0),
    (0.0, 1.0, 1.0, 0.0, -30383.0),
    (2.0, 0.0, 0.0, -2.0, 15327.0),
    (0.0, 0.0, 1.0, 2.0, -12528.0),
    (0.0, 0.0, 1.0, -2.0, 10980.0),
    (4.0, 0.0, -1.0, 0.0, 10675.0),
    (0.0, 0.0, 3.0, 0.0, 10034.0),
    (4.0, 0.0, -2.0, 0.0, 8548.0),
    (2.0, 1.0, -1.0, 0.0, -7888.0),
    (2.0, 1.0, 0.0, 0.0, -6766.0),
    (1.0, 0.0, -1.0, 0.0, -5163.0),
    (1.0, 1.0, 0.0, 0.0, 4987.0),
    (2.0, -1.0, 1.0, 0.0, 4036.0),
    (2.0, 0.0, 2.0, 0.0, 3994.0),
    (4.0, 0.0, 0.0, 0.0, 3861.0),
    (2.0, 0.0, -3.0, 0.0, 3665.0),
    (0.0, 1.0, -2.0, 0.0, -2689.0),
    (2.0, 0.0, -1.0, 2.0, -2602.0),
    (2.0, -1.0, -2.0, 0.0, 2390.0),
    (1.0, 0.0, 1.0, 0.0, -2348.0),
    (2.0, -2.0, 0.0, 0.0, 2236.0),
    (0.0, 1.0, 2.0, 0.0, -2120.0),
    (0.0, 2.0, 0.0, 0.0, -2069.0),
];

/// The Moon's apparent ecliptic longitude (degrees) at Julian Day `jd` (Meeus, ch. 47, main
/// terms: its new moons agree with [`new_moon`] within two minutes).
fn moon_longitude(jd: f64) -> f64 {
    let t = (jd - 2451545.0) / 36525.0;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let lp = 218.3164477 + 481267.88123421 * t - 0.0015786 * t2 + t3 / 538841.0 - t4 / 65194000.0;
    let d = 297.8501921 + 445267.1114034 * t - 0.0018819 * t2 + t3 / 545868.0 - t4 / 113065000.0;
    let m = 357.5291092 + 35999.0502909 * t - 0.0001536 * t2 + t3 / 24490000.0;
    let mp = 134.9633964 + 477198.8675055 * t + 0.0087414 * t2 + t3 / 69699.0 - t4 / 14712000.0;
    let f = 93.2720950 + 483202.0175233 * t - 0.0036539 * t2 - t3 / 3526000.0 + t4 / 863310000.0;
    let e = 1.0 - 0.002516 * t - 0.0000074 * t2;
    let mut sum = 0.0;
    for &(cd, cm, cmp, cf, c) in &MOON_TERMS {
        let arg = (cd * d + cm * m + cmp * mp + cf * f).to_radians();
        sum += c * e.powi(cm.abs() as i32) * arg.sin();
    }
    let (a1, a2) = ((119.75 + 131.849 * t).to_radians(), (53.09 + 479264.290 * t).to_radians());
    sum += 3958.0 * a1.sin() + 1962.0 * (lp - f).to_radians().sin() + 318.0 * a2.sin();
    let om = (125.04 - 1934.136 * t).to_radians();
    (lp + sum / 1e6 - 0.00478 * om.sin()).rem_euclid(360.0)
}

/// The lunar day (tithi, 1–30: 1–15 the waxing half, 30 the new moon's) at Julian Day `jd`:
/// each is 12° of the Moon's elongation from the Sun.
fn tithi(jd: f64) -> u32 {
    ((moon_longitude(jd) - sun_longitude(jd)).rem_euclid(360.0) / 12.0) as u32 + 1
}

/// The Moon's lunar mansion (nakshatra, 1–27: 13°20' arcs of its sidereal longitude from
/// Ashvini; 22 = Shravana) at Julian Day `jd`.
fn nakshatra(jd: f64) -> u32 {
    ((moon_longitude(jd) - lahiri_ayanamsa(jd)).rem_euclid(360.0) / (360.0 / 27.0)) as u32 + 1
}

/// The day of Gregorian year `y`, in the sidereal solar month `sign` (1 = Mesha … 5 = Simha,
/// Kerala's Chingam), on which the Moon's mansion `star` prevails at `hour` Indian Standard
/// Time (6 = sunrise): Kerala's star festivals ("Onam": Thiruvonam, Shravana, in Chingam).
pub fn nakshatra_day(y: i32, sign: u32, star: u32, hour: f64) -> Option<Date> {
    let first = sankranti_day(y, sign, false)?;
    let next = sankranti_day(y, sign % 12 + 1, false).filter(|&d| d > first).unwrap_or(first.add_days(31));
    let mut d = first;
    while d < next {
        if nakshatra(d.days() as f64 + 2440587.5 + (hour - 5.5) / 24.0) == star {
            return Some(d);
        }
        d = d.add_days(1);
    }
    None
}

/// The Sun's sidereal sign at Julian Day `jd` (0 = Mesha … 11 = Meena, Lahiri ayanamsa).
fn sidereal_sign(jd: f64) -> u32 {
    ((sun_longitude(jd) - lahiri_ayanamsa(jd)).rem_euclid(360.0) / 30.0) as u32
}

/// The day of Gregorian year `y` on which lunar day `tithi` of the Hindu lunar month `month`
/// (new-moon to new-moon months, 1 = Chaitra … 12 = Phalguna, named after the sign the Sun is
/// in at their new moon; a month without the Sun changing sign is the leap month, skipped)
/// prevails at `hour` Indian Standard Time (6 = sunrise, the usual rule; evening, midday or
/// midnight festivals are held when their lunar day prevails then). A lunar day that no
/// `hour` falls in is kept on the day it runs through.
pub fn hindu_lunar_day(y: i32, month: u32, tithi_no: u32, hour: f64) -> Option<Date> {
    let k0 = ((y as f64 - 2000.0) * 12.3685).round() as i64 - 2;
    let at = |d: Date| tithi(d.days() as f64 + 2440587.5 + (hour - 5.5) / 24.0);
    for k in k0 - 2..k0 + 16 {
        let (nm, next) = (new_moon(k), new_moon(k + 1));
        let sign = sidereal_sign(nm);
        if (sign + 1) % 12 + 1 != month || sign == sidereal_sign(next) {
            continue;
        }
        let d0 = Date::from_days((nm + 5.5 / 24.0 - 2440587.5).floor() as i64);
        // the days of the month, from the first one whose lunar day is its own (waxing half);
        // past the next new moon the count goes on (31, 32…: the new moon's own lunar day may
        // prevail at no day's `hour`, Diwali 2013)
        let mut started = false;
        let (mut prev, mut wrap) = (0, 0);
        for i in -1..33 {
            let d = d0.add_days(i);
            let raw = at(d);
            if started && raw + 15 < prev {
                wrap = 30;
            }
            prev = raw;
            started |= raw <= 15;
            let t = raw + wrap;
            if started && (t == tithi_no || (t > tithi_no && t < tithi_no + 3)) {
                if d.y == y {
                    return Some(d);
                }
                break;
            }
        }
    }
    None
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
        for (y, d) in [(2000, "02-05"), (2001, "01-24"), (2002, "02-12"), (2003, "02-01"), (2004, "01-22"), (2005, "02-09"), (2006, "01-29"), (2007, "02-18"), (2008, "02-07"), (2009, "01-26"), (2010, "02-14"), (2011, "02-03"), (2012, "01-23"), (2013, "02-10"), (2014, "01-31"), (2015, "02-19"), (2016, "02-08"), (2017, "01-28"), (2018, "02-16"), (2019, "02-05"), (2020, "01-25"), (2021, "02-12"), (2022, "02-01"), (2023, "01-22"), (2024, "02-10"), (2025, "01-29"), (2026, "02-17")] {
            assert_eq!(chinese_new_year(y).iso(), format!("{y}-{d}"));
        }
        // Makar Sankranti 2018 (13:45 IST), 2019 (19:50 IST: the next day), 2020 (02:07 IST)
        assert_eq!(sankranti_day(2018, 10, false).map(|d| d.iso()), Some("2018-01-14".into()));
        assert_eq!(sankranti_day(2019, 10, false).map(|d| d.iso()), Some("2019-01-15".into()));
        assert_eq!(sankranti_day(2020, 10, false).map(|d| d.iso()), Some("2020-01-15".into()));
        assert_eq!(sankranti_day(2018, 1, false).map(|d| d.iso()), Some("2018-04-14".into()));
        // Ugadi 2018, Diwali 2019 (the new moon's lunar day at dusk), Ganesh Chaturthi 2019
        assert_eq!(hindu_lunar_day(2018, 1, 1, 6.0).map(|d| d.iso()), Some("2018-03-18".into()));
        assert_eq!(hindu_lunar_day(2019, 7, 30, 19.0).map(|d| d.iso()), Some("2019-10-27".into()));
        assert_eq!(hindu_lunar_day(2019, 6, 4, 12.0).map(|d| d.iso()), Some("2019-09-02".into()));
        // Diwali 2013: the new moon's lunar day runs from 2 Nov 19:45 to 3 Nov 18:20 IST
        assert_eq!(hindu_lunar_day(2013, 7, 30, 19.0).map(|d| d.iso()), Some("2013-11-03".into()));
        // Pohela Boishakh 2018 in West Bengal (transit on 14 April, 08:13 IST)
        assert_eq!(sankranti_day(2018, 1, true).map(|d| d.iso()), Some("2018-04-15".into()));
        // Navroz 1388 YZ (Parsi New Year 2018)
        assert_eq!(shahenshahi(1388, 1, 1).iso(), "2018-08-17");
        // Islamic New Year 1440, Eid al-Adha 1439
        assert_eq!(hijri_in_year(2018, 1, 1).map(|d| d.iso()), Some("2018-09-11".into()));
        assert_eq!(hijri_in_year(2018, 12, 10).map(|d| d.iso()), Some("2018-08-21".into()));
        assert_eq!(hijri_in_year(2018, 10, 1).map(|d| d.iso()), Some("2018-06-15".into()));
    }
}
