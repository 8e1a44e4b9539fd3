//! Day numbers: dates as whole days since 1970-01-01.
//!
//! Every rule works on day numbers (`i32`), the same form numpy's `datetime64[D]` and Arrow's
//! `date32` use, so a batch column can be read without conversion. This module converts between
//! day numbers, `(year, month, day)` triples and [`chrono::NaiveDate`], and owns the lookup
//! table that makes the conversion one memory read inside the supported range.

use chrono::{Datelike, NaiveDate};
use std::sync::OnceLock;

/// A date as a count of days since 1970-01-01 (negative before it).
pub type DayNum = i32;

/// The first year an input date may fall in.
pub const MIN_INPUT_YEAR: i32 = 1900;
/// The last year an input date may fall in.
pub const MAX_INPUT_YEAR: i32 = 2199;

/// First day covered by the lookup tables (1900-01-01).
pub(crate) const TABLE_FIRST_YEAR: i32 = 1900;
/// Last year covered by the lookup tables; leaves room for expiry dates and deadlines computed
/// from the latest allowed input dates.
pub(crate) const TABLE_LAST_YEAR: i32 = 2299;

/// Cumulative days before each month in a common year.
const DAYS_BEFORE_MONTH: [i32; 13] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/// Whether `year` is a Gregorian leap year.
pub const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`.
pub const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Leap years in 1..=y (proleptic Gregorian), extended to y ≤ 0 with floor division.
const fn leaps_through(y: i64) -> i64 {
    y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
}

/// Day number of 1 January of `year`.
const fn year_start(year: i32) -> i64 {
    let y = year as i64;
    365 * (y - 1970) + leaps_through(y - 1) - leaps_through(1969)
}

/// Day number of a calendar date. The caller guarantees `month` is 1–12 and `day` exists.
pub const fn from_ymd(year: i32, month: u32, day: u32) -> DayNum {
    let leap_shift = if month > 2 && is_leap(year) { 1 } else { 0 };
    (year_start(year) + DAYS_BEFORE_MONTH[(month - 1) as usize] as i64 + leap_shift + day as i64 - 1) as DayNum
}

/// Calendar date `(year, month, day)` of a day number, by arithmetic (no table).
pub fn to_ymd_slow(n: DayNum) -> (i32, u32, u32) {
    let n = i64::from(n);
    // Estimate the year from the mean Gregorian year, then correct by at most a step or two.
    let mut year = 1970 + (n * 400).div_euclid(146_097) as i32;
    while year_start(year) > n {
        year -= 1;
    }
    while year_start(year + 1) <= n {
        year += 1;
    }
    let mut doy = (n - year_start(year)) as i32; // 0-based day of year
    let mut month = 1u32;
    while month < 12 {
        let len = days_in_month(year, month) as i32;
        if doy < len {
            break;
        }
        doy -= len;
        month += 1;
    }
    (year, month, doy as u32 + 1)
}

/// Weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
#[inline]
pub fn weekday(n: DayNum) -> u32 {
    (i64::from(n) + 3).rem_euclid(7) as u32
}

/// Whether a day number falls on a Saturday or a Sunday.
#[inline]
pub fn is_weekend(n: DayNum) -> bool {
    weekday(n) >= 5
}

/// Precomputed conversions for 1900-01-01 through 2299-12-31.
struct Table {
    first: DayNum,
    /// Packed `year << 9 | month << 5 | day` per day.
    ymd: Box<[u32]>,
    /// Day number of the first of each month, plus one entry past the end.
    month_start: Box<[DayNum]>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let first = from_ymd(TABLE_FIRST_YEAR, 1, 1);
        let end = from_ymd(TABLE_LAST_YEAR + 1, 1, 1);
        let mut ymd = Vec::with_capacity((end - first) as usize);
        let mut month_start = Vec::with_capacity(((TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1) * 12 + 1) as usize);
        for year in TABLE_FIRST_YEAR..=TABLE_LAST_YEAR {
            for month in 1..=12u32 {
                month_start.push(from_ymd(year, month, 1));
                for day in 1..=days_in_month(year, month) {
                    ymd.push(((year as u32) << 9) | (month << 5) | day);
                }
            }
        }
        month_start.push(end);
        Table { first, ymd: ymd.into_boxed_slice(), month_start: month_start.into_boxed_slice() }
    })
}

/// Calendar date `(year, month, day)` of a day number.
#[inline]
pub fn to_ymd(n: DayNum) -> (i32, u32, u32) {
    let t = table();
    match t.ymd.get(n.wrapping_sub(t.first) as u32 as usize) {
        Some(&p) => ((p >> 9) as i32, (p >> 5) & 0xF, p & 0x1F),
        None => to_ymd_slow(n),
    }
}

/// Year of a day number.
#[inline]
pub fn year_of(n: DayNum) -> i32 {
    to_ymd(n).0
}

/// Adds `months` calendar months; a day missing from the target month becomes its last day
/// (31 Jan + 1 month = 28 or 29 Feb), as the Civil Code counts months.
#[inline]
pub fn add_months(n: DayNum, months: i32) -> DayNum {
    add_months_table(n, months).unwrap_or_else(|| add_months_slow(n, months))
}

/// [`add_months`] from the table; `None` when the day or the result lies outside it.
#[inline]
fn add_months_table(n: DayNum, months: i32) -> Option<DayNum> {
    let t = table();
    let &p = t.ymd.get(n.wrapping_sub(t.first) as u32 as usize)?;
    let (y, m, d) = ((p >> 9) as i32, (p >> 5) & 0xF, p & 0x1F);
    let index = usize::try_from(((y - TABLE_FIRST_YEAR) * 12 + (m as i32 - 1)).checked_add(months)?).ok()?;
    let (&start, &next) = (t.month_start.get(index)?, t.month_start.get(index + 1)?);
    let len = (next - start) as u32;
    Some(start + (d.min(len) as i32) - 1)
}

fn add_months_slow(n: DayNum, months: i32) -> DayNum {
    let (y, m, d) = to_ymd_slow(n);
    let total = i64::from(y) * 12 + (i64::from(m) - 1) + i64::from(months);
    // Years a day number can hold (±5.8 million around 1970): beyond, the result saturates.
    let ny = total.div_euclid(12).clamp(-5_000_000, 5_000_000) as i32;
    let nm = total.rem_euclid(12) as u32 + 1;
    from_ymd(ny, nm, d.min(days_in_month(ny, nm)))
}

/// Adds whole years (29 Feb + 1 year = 28 Feb).
#[inline]
pub fn add_years(n: DayNum, years: i32) -> DayNum {
    add_months(n, years.saturating_mul(12))
}

/// Day number of a `NaiveDate`.
#[inline]
pub fn from_naive(d: NaiveDate) -> DayNum {
    // 1970-01-01 is day 719 163 counted from 0001-01-01 (day 1).
    d.num_days_from_ce() - 719_163
}

/// `NaiveDate` of a day number. Day numbers the library produces always lie well inside
/// chrono's range; one outside it (never produced) maps to chrono's last or first date.
#[inline]
pub fn to_naive(n: DayNum) -> NaiveDate {
    // Inside the tables the date is one read away; chrono builds it from (y, m, d) cheaply.
    let (y, m, d) = to_ymd(n);
    NaiveDate::from_ymd_opt(y, m, d)
        .or_else(|| NaiveDate::from_num_days_from_ce_opt(n.saturating_add(719_163)))
        .unwrap_or(if n < 0 { NaiveDate::MIN } else { NaiveDate::MAX })
}

/// Parses a strict ISO `YYYY-MM-DD` date (four-digit year). `None` when the text has another
/// shape or names a day that does not exist.
pub fn parse_iso(s: &str) -> Option<DayNum> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
    };
    let year = digits(0..4)? as i32;
    let month = digits(5..7)?;
    let day = digits(8..10)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(from_ymd(year, month, day))
}

/// Reads a strict ISO `YYYY-MM-DD` date given for `field`, in the words every face uses.
///
/// # Errors
/// Text of another shape, or a day that does not exist (`2024-02-30`), naming `field`.
pub fn read_iso(field: &str, s: &str) -> Result<DayNum, crate::error::CaseError> {
    parse_iso(s).ok_or_else(|| {
        let shaped = s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        if shaped {
            crate::error::CaseError::new(field, format!("{s} is not a date"), format!("{s} 不是有效的日期"))
        } else {
            let (hint, hint_zh) = meant_date(s)
                .map(|iso| (format!(" (did you mean {iso}?)"), format!("（是否应为 {iso}？）")))
                .unwrap_or_default();
            crate::error::CaseError::new(
                field,
                format!("{} is not a date in the form YYYY-MM-DD{hint}", crate::privacy::quote(s)),
                format!("{} 不是 YYYY-MM-DD 格式的日期{hint_zh}", crate::privacy::quote_zh(s)),
            )
        }
    })
}

/// The ISO date a text written another common way names, if it names one: `2024/9/28`,
/// `2024.09.28`, `2024-9-28`, `2024年9月28日`, `20240928`, full-width digits (`２０２４－０９－２８`),
/// or a date followed by a time (`2024-09-28 00:00:00`, `2024-09-28T08:00`). Only offered as a
/// hint in a refusal: the contract's dates stay strict ISO (a guess is never taken for a date).
pub(crate) fn meant_date(s: &str) -> Option<String> {
    // Full-width digits and separators as their ASCII forms.
    let narrow: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '－' => '-',
            '／' => '/',
            '．' => '.',
            c => c,
        })
        .collect();
    // A time after the date (a space or `T`) is dropped: the day is meant.
    let date = narrow.split([' ', 'T']).next().unwrap_or("");
    let (y, m, d) = if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        (&date[..4], &date[4..6], &date[6..])
    } else {
        let parts: Vec<&str> = date.trim_end_matches('日').split(['-', '/', '.', '年', '月']).collect();
        match parts.as_slice() {
            [y, m, d] => (*y, *m, *d),
            _ => return None,
        }
    };
    let number = |t: &str, max_len: usize| -> Option<u32> {
        (!t.is_empty() && t.len() <= max_len && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok())?
    };
    let (year, month, day) = (number(y, 4).filter(|_| y.len() == 4)?, number(m, 2)?, number(d, 2)?);
    let iso = format!("{year:04}-{month:02}-{day:02}");
    (parse_iso(&iso).is_some() && iso != s).then_some(iso)
}

/// Formats a day number as ISO `YYYY-MM-DD`.
pub fn format_iso(n: DayNum) -> String {
    let (y, m, d) = to_ymd(n);
    iso_text(y, m, d).unwrap_or_else(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `YYYY-MM-DD` written digit by digit, `None` for a year outside 0–9999. Written by hand because
/// refusal messages in a batch show many dates, and `format!` with padded fields costs several
/// times more per date.
fn iso_text(y: i32, m: u32, d: u32) -> Option<String> {
    let y = u32::try_from(y).ok().filter(|&y| y <= 9999)?;
    let digit = |v: u32| b'0' + (v % 10) as u8;
    let bytes = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ];
    // ASCII digits and dashes: always UTF-8 (checked, ten bytes).
    std::str::from_utf8(&bytes).ok().map(str::to_owned)
}

/// First day accepted as input (1900-01-01).
pub const FIRST_INPUT_DAY: DayNum = from_ymd(MIN_INPUT_YEAR, 1, 1);
/// Day after the last day accepted as input (2200-01-01).
pub const END_INPUT_DAY: DayNum = from_ymd(MAX_INPUT_YEAR + 1, 1, 1);

/// Whether a day number lies in the years accepted as input (1900–2199).
#[inline]
pub fn in_input_range(n: DayNum) -> bool {
    (FIRST_INPUT_DAY..END_INPUT_DAY).contains(&n)
}

/// Refuses a day outside the supported input years, naming `field`.
///
/// # Errors
/// `d` outside 1900–2199.
#[inline]
pub fn check_range(field: &str, d: Option<DayNum>) -> Result<(), crate::error::CaseError> {
    match d {
        Some(d) if !in_input_range(d) => Err(out_of_range(field, d)),
        _ => Ok(()),
    }
}

#[cold]
#[inline(never)]
fn out_of_range(field: &str, d: DayNum) -> crate::error::CaseError {
    crate::error::CaseError::new(
        field,
        format!("{} is outside the supported years {MIN_INPUT_YEAR}–{MAX_INPUT_YEAR}", show(d)),
        format!("{}超出支持的年份范围（{MIN_INPUT_YEAR} 至 {MAX_INPUT_YEAR} 年）", show_zh_spaced(d)),
    )
}

/// Whether an optional day is absent or inside the supported input years.
#[inline(always)]
pub fn ok_day(d: Option<DayNum>) -> bool {
    d.is_none_or(in_input_range)
}

/// Stands for a date too far from 1970 for a day number (a timestamp of millions of years, read
/// from a caller's column): shown as such, never as the year it would otherwise print.
pub(crate) const UNREPRESENTABLE_DAY: DayNum = i32::MIN + 1;

/// A day number for a message (a year outside 0–9999 is shown as `year N`).
pub fn show(d: DayNum) -> String {
    if d == UNREPRESENTABLE_DAY {
        return "a date millions of years away".to_owned();
    }
    let (y, m, day) = to_ymd(d);
    iso_text(y, m, day).unwrap_or_else(|| format!("year {y}"))
}

/// [`show`] for a Chinese message: the same `YYYY-MM-DD`, and in Chinese what `show` says in
/// English (`10000 年`, `数百万年之外的日期`).
pub fn show_zh(d: DayNum) -> String {
    if d == UNREPRESENTABLE_DAY {
        return "数百万年之外的日期".to_owned();
    }
    let (y, m, day) = to_ymd(d);
    iso_text(y, m, day).unwrap_or_else(|| format!("{y} 年"))
}

/// `text` with each ISO date in it (`2024-10-08`: a real day, not part of a longer run of digits
/// or dashes) written as Chinese prose writes dates, `2024年10月8日`; anything else as it is.
/// Text without such a date is returned without a copy.
///
/// ```
/// use juzhu::date::chinese_dates;
/// assert_eq!(chinese_dates("截至2024-10-02尚未办理，期限为2024-10-08"), "截至2024年10月2日尚未办理，期限为2024年10月8日");
/// assert_eq!(chinese_dates("2024-02-30 不是有效的日期"), "2024-02-30 不是有效的日期");
/// assert_eq!(chinese_dates("2013–2026年"), "2013–2026年");
/// ```
pub fn chinese_dates(text: &str) -> std::borrow::Cow<'_, str> {
    use std::fmt::Write as _;
    let b = text.as_bytes();
    // Bytes that would make the ten a part of something longer.
    let joined = |c: u8| c.is_ascii_digit() || c == b'-';
    let mut out: Option<String> = None;
    let (mut i, mut copied) = (0, 0);
    while i + 10 <= b.len() {
        let day = (b[i].is_ascii_digit() && (i == 0 || !joined(b[i - 1])) && b.get(i + 10).is_none_or(|&c| !joined(c)))
            .then(|| text.get(i..i + 10).and_then(parse_iso))
            .flatten();
        match day {
            Some(day) => {
                let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
                // `i` is at an ASCII digit: a character boundary.
                o.push_str(&text[copied..i]);
                let (y, m, d) = to_ymd(day);
                let _ = write!(o, "{y}年{m}月{d}日");
                i += 10;
                copied = i;
            }
            None => i += 1,
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// [`show_zh`] followed by a space when it ends in an ASCII character (a date), so that Chinese
/// words can follow it either way (`2200-01-01 超出…`, `10000 年超出…`).
fn show_zh_spaced(d: DayNum) -> String {
    let mut s = show_zh(d);
    if s.ends_with(|c: char| c.is_ascii()) {
        s.push(' ');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_dates_rewrite_real_days_only() {
        let cases = [
            ("2024-10-08", "2024年10月8日"),
            ("自2024-09-28起算，第7日2024-10-05", "自2024年9月28日起算，第7日2024年10月5日"),
            ("（2016-01-01施行）", "（2016年1月1日施行）"),
            ("2024-02-29 与 2023-02-29", "2024年2月29日 与 2023-02-29"),
            ("12024-10-08、2024-10-081、2024-10-08-1", "12024-10-08、2024-10-081、2024-10-08-1"),
            ("2024-1-8、2024/10/08、20241008", "2024-1-8、2024/10/08、20241008"),
            ("", ""),
            ("无日期", "无日期"),
        ];
        for (text, want) in cases {
            assert_eq!(chinese_dates(text), want, "{text}");
        }
        assert!(matches!(chinese_dates("无日期"), std::borrow::Cow::Borrowed(_)), "no copy without a date");
    }

    proptest::proptest! {
        #[test]
        fn every_day_reads_the_chinese_way(d in from_ymd(1900, 1, 1)..=from_ymd(2199, 12, 31), pre in "[^0-9-]{0,3}", post in "[^0-9-]{0,3}") {
            let (y, m, day) = to_ymd(d);
            let text = format!("{pre}{}{post}", format_iso(d));
            proptest::prop_assert_eq!(chinese_dates(&text), format!("{pre}{y}年{m}月{day}日{post}"));
        }
    }

    #[test]
    fn adding_absurd_spans_saturates() {
        for n in [0, from_ymd(2024, 2, 29), DayNum::MIN, DayNum::MAX] {
            for years in [i32::MIN, i32::MAX] {
                let _ = add_years(n, years);
                let _ = add_months(n, years);
            }
        }
        assert!(add_years(0, i32::MAX) > from_ymd(1_000_000, 1, 1));
        assert!(add_years(0, i32::MIN) < from_ymd(-1_000_000, 1, 1));
    }

    #[test]
    fn a_date_written_another_common_way_is_named_in_the_hint() {
        for (typed, meant) in [
            ("2024/9/28", Some("2024-09-28")),
            ("2024.09.28", Some("2024-09-28")),
            ("2024-9-8", Some("2024-09-08")),
            ("2024年9月28日", Some("2024-09-28")),
            ("20240928", Some("2024-09-28")),
            ("２０２４－０９－２８", Some("2024-09-28")),
            ("2024-09-28 00:00:00", Some("2024-09-28")),
            ("2024-09-28T08:30", Some("2024-09-28")),
            (" 2024-09-28", Some("2024-09-28")),
            ("2024-02-30", None),
            ("2024/2/30", None),
            ("24/9/28", None),
            ("28/09/2024", None),
            ("2024-09-28", None),
            ("210102199003071234", None),
            ("", None),
            ("2024-009-28", None),
        ] {
            assert_eq!(meant_date(typed).as_deref(), meant, "{typed:?}");
        }
        let e = read_iso("person.arrival_date", "2024/9/28").unwrap_err();
        assert_eq!(e.message(), "\"2024/9/28\" is not a date in the form YYYY-MM-DD (did you mean 2024-09-28?)");
    }

    #[test]
    fn dates_are_written_as_format_writes_them() {
        for (y, m, d) in
            [(0, 1, 1), (7, 2, 9), (99, 12, 31), (1900, 1, 1), (2024, 2, 29), (2199, 12, 31), (9999, 12, 31)]
        {
            assert_eq!(iso_text(y, m, d).as_deref(), Some(format!("{y:04}-{m:02}-{d:02}").as_str()));
        }
        assert_eq!(iso_text(-1, 1, 1), None);
        assert_eq!(iso_text(10_000, 1, 1), None);
        for n in from_ymd(1899, 12, 25)..from_ymd(1901, 1, 5) {
            let (y, m, d) = to_ymd_slow(n);
            assert_eq!(format_iso(n), format!("{y:04}-{m:02}-{d:02}"));
            assert_eq!(show(n), format_iso(n));
        }
        assert_eq!(show(from_ymd(10_000, 1, 1)), "year 10000");
        assert_eq!(show(from_ymd(-5, 1, 1)), "year -5");
        assert_eq!(show(UNREPRESENTABLE_DAY), "a date millions of years away");
        assert_eq!(show(UNREPRESENTABLE_DAY + 1), "year -5877641");
        assert_eq!(show_zh(from_ymd(2024, 2, 29)), "2024-02-29");
        assert_eq!(show_zh(from_ymd(10_000, 1, 1)), "10000 年");
        assert_eq!(show_zh(UNREPRESENTABLE_DAY), "数百万年之外的日期");
    }

    #[test]
    fn refusals_are_worded_in_chinese_too() {
        let e = read_iso("as_of", "2024-02-30").unwrap_err();
        assert_eq!((e.message(), e.message_zh()), ("2024-02-30 is not a date", "2024-02-30 不是有效的日期"));
        let e = read_iso("as_of", "2024/02/01").unwrap_err();
        assert_eq!(e.message_zh(), "\"2024/02/01\" 不是 YYYY-MM-DD 格式的日期（是否应为 2024-02-01？）");
        let e = check_range("as_of", Some(from_ymd(2200, 1, 1))).unwrap_err();
        assert_eq!(e.message(), "2200-01-01 is outside the supported years 1900–2199");
        assert_eq!(e.message_zh(), "2200-01-01 超出支持的年份范围（1900 至 2199 年）");
        let e = check_range("as_of", Some(from_ymd(10_000, 1, 1))).unwrap_err();
        assert_eq!(e.message_zh(), "10000 年超出支持的年份范围（1900 至 2199 年）");
    }

    #[test]
    fn table_and_arithmetic_agree_everywhere() {
        let first = from_ymd(TABLE_FIRST_YEAR, 1, 1);
        let end = from_ymd(TABLE_LAST_YEAR + 1, 1, 1);
        for n in first - 400..end + 400 {
            let slow = to_ymd_slow(n);
            assert_eq!(to_ymd(n), slow, "day {n}");
            assert_eq!(from_ymd(slow.0, slow.1, slow.2), n);
            assert_eq!(to_naive(n), NaiveDate::from_ymd_opt(slow.0, slow.1, slow.2).unwrap());
            assert_eq!(from_naive(to_naive(n)), n);
        }
    }

    #[test]
    fn epoch_and_weekdays() {
        assert_eq!(from_ymd(1970, 1, 1), 0);
        assert_eq!(weekday(0), 3); // Thursday
        assert_eq!(weekday(from_ymd(2024, 9, 28)), 5); // Saturday
        assert!(is_weekend(from_ymd(2024, 9, 29)));
        assert!(!is_weekend(from_ymd(2024, 9, 30)));
    }

    #[test]
    fn month_arithmetic_agrees_with_chrono_everywhere() {
        use chrono::Months;
        let first = from_ymd(TABLE_FIRST_YEAR, 1, 1);
        let end = from_ymd(TABLE_LAST_YEAR + 1, 1, 1);
        for n in (first - 40..end + 40).step_by(3) {
            let date = to_naive(n);
            for months in [-25i32, -12, -1, 1, 2, 11, 12, 36] {
                let want = if months < 0 {
                    date.checked_sub_months(Months::new(months.unsigned_abs()))
                } else {
                    date.checked_add_months(Months::new(months.unsigned_abs()))
                };
                assert_eq!(add_months(n, months), from_naive(want.unwrap()), "{date} {months:+}");
            }
        }
        // Inside the table the fast path answers (the slow one is only a fallback).
        for n in (first..end).step_by(7) {
            for months in [-13, 1, 12, 36] {
                let target = to_ymd(n).0 * 12 + i32::try_from(to_ymd(n).1).unwrap() - 1 + months;
                let inside = (TABLE_FIRST_YEAR * 12..(TABLE_LAST_YEAR + 1) * 12).contains(&target);
                assert_eq!(add_months_table(n, months), inside.then(|| add_months_slow(n, months)), "{n} {months}");
            }
        }
        assert_eq!(add_months_table(first - 1, 1), None);
        // The last table month uses the end sentinel.
        assert_eq!(add_months(from_ymd(TABLE_LAST_YEAR, 11, 30), 1), from_ymd(TABLE_LAST_YEAR, 12, 30));
        assert_eq!(add_months(from_ymd(TABLE_LAST_YEAR, 10, 31), 1), from_ymd(TABLE_LAST_YEAR, 11, 30));
    }

    #[test]
    fn day_numbers_outside_chrono_saturate() {
        assert_eq!(to_naive(DayNum::MIN), NaiveDate::MIN);
        assert_eq!(to_naive(DayNum::MAX), NaiveDate::MAX);
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        assert_eq!(add_months(from_ymd(2024, 1, 31), 1), from_ymd(2024, 2, 29));
        assert_eq!(add_months(from_ymd(2023, 1, 31), 1), from_ymd(2023, 2, 28));
        assert_eq!(add_years(from_ymd(2024, 2, 29), 1), from_ymd(2025, 2, 28));
        assert_eq!(add_years(from_ymd(2024, 2, 29), 4), from_ymd(2028, 2, 29));
        assert_eq!(add_months(from_ymd(2299, 12, 15), 1), from_ymd(2300, 1, 15));
        assert_eq!(add_months(from_ymd(1900, 1, 31), -1), from_ymd(1899, 12, 31));
    }

    #[test]
    fn iso_parsing_is_strict() {
        assert_eq!(parse_iso("2024-02-29"), Some(from_ymd(2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "2024-02-30",
            "2024-13-01",
            "2024-00-10",
            "2024-1-01",
            "99999-01-01",
            "2024/01/01",
            "2024-01/01",
            "2024/01-01",
            "2024-01-1x",
            "２０２４-01-01",
            "",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
        assert_eq!(format_iso(from_ymd(2024, 10, 8)), "2024-10-08");
        assert_eq!(parse_iso("0000-01-01"), Some(from_ymd(0, 1, 1)));
    }
}
