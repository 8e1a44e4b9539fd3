//! Rest days and working days (RULES.md §6).
//!
//! A [`Calendar`] answers, in one memory read, whether a day is a rest day, which is the first
//! working day on or after it (and whether both lie in years with official data), and, in two,
//! which is the Nth working day after it. It holds per-day
//! tables for 1900–2299 built once when the calendar is made; rules never loop over holiday
//! lists. Years with official data are *known*; any other year falls back to "Saturdays and
//! Sundays rest", and an answer that depended on such a year is marked provisional.
//!
//! [`Calendar::china`] is the embedded mainland calendar, 2013–2026, each year traceable to its
//! State Council notice ([`Calendar::sources`]). [`Calendar::from_json`] loads a caller's
//! calendar that extends or overrides it:
//!
//! ```
//! use juzhu::Calendar;
//! let cal = Calendar::from_json(r#"{
//!     "years": { "2027": { "rest_days": ["2027-01-01"], "working_days": [], "source": "local notice" } }
//! }"#).unwrap();
//! let ny = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
//! assert!(cal.is_rest_day(ny));
//! assert!(cal.is_known_year(2027) && cal.is_known_year(2024));
//! ```

mod china;

use crate::date::{
    from_naive, from_ymd, is_weekend, parse_iso, to_ymd, year_of, DayNum, MAX_INPUT_YEAR, MIN_INPUT_YEAR,
    TABLE_FIRST_YEAR, TABLE_LAST_YEAR,
};
use crate::error::CaseError;
use crate::json::{self, Json, Obj};
use crate::vocab::words;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::OnceLock;

words! {
    /// A named public holiday of the mainland calendar.
    pub enum Festival {
        /// 元旦.
        NewYear = 0 => "new_year", "元旦", "New Year's Day";
        /// 春节.
        SpringFestival = 1 => "spring_festival", "春节", "Spring Festival";
        /// 清明节.
        Qingming = 2 => "qingming", "清明节", "Qingming Festival";
        /// 劳动节.
        LabourDay = 3 => "labour_day", "劳动节", "Labour Day";
        /// 端午节.
        DragonBoat = 4 => "dragon_boat", "端午节", "Dragon Boat Festival";
        /// 中秋节.
        MidAutumn = 5 => "mid_autumn", "中秋节", "Mid-Autumn Festival";
        /// 国庆节.
        NationalDay = 6 => "national_day", "国庆节", "National Day";
        /// 国庆节 and 中秋节 in one block.
        NationalDayMidAutumn = 7 => "national_day_mid_autumn", "国庆节、中秋节", "National Day and Mid-Autumn Festival";
        /// 中秋节 and 国庆节 in one block.
        MidAutumnNationalDay = 8 => "mid_autumn_national_day", "中秋节、国庆节", "Mid-Autumn Festival and National Day";
        /// 2015-09-03, the 70th anniversary of the victory in the War of Resistance.
        VictoryDay70 = 9 => "victory_day_70", "抗战胜利70周年纪念日", "70th anniversary of the War of Resistance victory";
    }
}

/// Why a day is a rest day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestReason {
    /// A Saturday or Sunday that is not a make-up working day.
    Weekend,
    /// Inside a named holiday block of the embedded calendar.
    Holiday(Festival),
    /// Listed as a rest day by a caller-supplied calendar.
    Listed,
}

// One packed word per day: the gap to the first working day on or after it, then flags.
const GAP: u32 = 0xFFFF;
const REST: u32 = 1 << 16;
const KNOWN: u32 = 1 << 17;
/// The first working day on or after this day lies in a year with official data.
const NEXT_KNOWN: u32 = 1 << 18;

/// A year the calendar has data for.
#[derive(Clone, Debug)]
struct YearInfo {
    sources: Vec<String>,
    /// Named holiday blocks (embedded data only).
    named: Vec<(DayNum, DayNum, Festival)>,
}

/// Official rest and working days, with O(1) look-ups. Immutable, `Send` and `Sync`: share one
/// calendar between threads freely.
#[derive(Clone)]
pub struct Calendar {
    first: DayNum,
    /// Per day: days to the first working day on or after it (`GAP`, saturating), and the
    /// `REST`, `KNOWN` and `NEXT_KNOWN` bits. A period of any length ending on a day is settled
    /// by this one word: its working-day end and whether both days have official data.
    days: Box<[u32]>,
    /// Working days from the table's first day through each day, inclusive.
    work_ord: Box<[u32]>,
    /// Every working day of the table, in order.
    work_days: Box<[DayNum]>,
    years: BTreeMap<i32, YearInfo>,
}

/// Equal calendars rest and work on the same days and name the same notices every year (the
/// names the embedded calendar gives its holidays are not compared).
impl PartialEq for Calendar {
    fn eq(&self, other: &Calendar) -> bool {
        self.days == other.days
            && self.years.len() == other.years.len()
            && self.years.iter().zip(&other.years).all(|((y, a), (z, b))| y == z && a.sources == b.sources)
    }
}

impl Eq for Calendar {}

/// Agrees with `==`: the known years and their notices.
impl std::hash::Hash for Calendar {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for (year, info) in &self.years {
            year.hash(state);
            info.sources.hash(state);
        }
    }
}

impl std::fmt::Debug for Calendar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Calendar").field("known_years", &self.known_years()).finish()
    }
}

/// The rest and working days given for one year.
struct YearSpec {
    rest: Vec<DayNum>,
    work: Vec<DayNum>,
    info: YearInfo,
}

fn md(year: i32, s: &str) -> DayNum {
    // Embedded data is `MM-DD`; a malformed entry is caught by the tests, never at run time.
    parse_iso(&format!("{year}-{s}")).unwrap_or_else(|| from_ymd(year, 1, 1))
}

fn embedded_years() -> BTreeMap<i32, YearSpec> {
    china::YEARS
        .iter()
        .map(|y| {
            let mut rest = Vec::new();
            let mut named = Vec::new();
            for &(festival, first, last) in y.rest {
                let (a, b) = (md(y.year, first), md(y.year, last));
                rest.extend(a..=b);
                named.push((a, b, festival));
            }
            let work = y.work.iter().map(|s| md(y.year, s)).collect();
            let info = YearInfo { sources: y.sources.iter().map(|s| (*s).to_owned()).collect(), named };
            (y.year, YearSpec { rest, work, info })
        })
        .collect()
}

impl Calendar {
    /// The embedded mainland calendar (2013–2026), built once and shared.
    pub fn china() -> &'static Calendar {
        static CHINA: OnceLock<Calendar> = OnceLock::new();
        CHINA.get_or_init(|| Calendar::build(embedded_years()))
    }

    /// A calendar with no official data at all: every Saturday and Sunday rests, every year is
    /// provisional.
    pub fn weekends_only() -> Calendar {
        Calendar::build(BTreeMap::new())
    }

    /// Loads a calendar from JSON:
    ///
    /// ```json
    /// { "base": "china",
    ///   "years": { "2027": { "rest_days": ["2027-01-01"], "working_days": ["2027-02-07"],
    ///                        "source": "国务院办公厅关于2027年部分节假日安排的通知" } } }
    /// ```
    ///
    /// `base` is `"china"` (the embedded calendar, the default) or `"none"` (weekends only).
    /// `source` names the notice a year follows (a list of them for several; "supplied by the
    /// caller" when absent). Each listed year replaces that year of the base entirely: its rest days are its
    /// Saturdays and Sundays, minus `working_days`, plus `rest_days`. Dates must lie in their
    /// year, in 1900–2199, and not in both lists.
    ///
    /// # Errors
    /// Text that is not JSON, or a field that is not as described, by path (`years.2027.rest_days.0`).
    pub fn from_json(text: &str) -> Result<Calendar, CaseError> {
        Calendar::from_tree(&json::parse(text)?)
    }

    /// This calendar as the JSON [`Calendar::from_json`] reads back to an equal calendar (the same
    /// known years, rest and working days, and sources), for keeping a calendar or handing it to
    /// another face. A calendar holding every year of the embedded one unchanged is written as
    /// `base` `"china"` and the years it adds or replaces, so that it reads back with the
    /// holidays' names the explanations give; any other is written as `base` `"none"` and every
    /// known year (a year's notices as a list when it has several).
    ///
    /// ```
    /// use juzhu::Calendar;
    /// assert_eq!(Calendar::china().to_json(), r#"{"base":"china","years":{}}"#);
    /// let mine = Calendar::from_json(r#"{"years": {"2027": {"rest_days": ["2027-01-01"]}}}"#).unwrap();
    /// let back = Calendar::from_json(&mine.to_json()).unwrap();
    /// assert_eq!(back.known_years(), mine.known_years());
    /// assert_eq!(back.holidays(2027), mine.holidays(2027));
    /// ```
    pub fn to_json(&self) -> String {
        let china = Calendar::china();
        let same_year = |year: i32| {
            self.sources(year) == china.sources(year)
                && self.holidays(year) == china.holidays(year)
                && self.make_up_working_days(year) == china.make_up_working_days(year)
        };
        let on_china = china.years.keys().all(|&y| self.is_known_year(y) && same_year(y));
        let iso = |days: Vec<NaiveDate>| -> Vec<String> { days.iter().map(ToString::to_string).collect() };
        let years: serde_json::Map<String, serde_json::Value> = self
            .years
            .iter()
            .filter(|(&year, _)| !(on_china && china.is_known_year(year) && same_year(year)))
            .map(|(&year, info)| {
                let source = match info.sources.as_slice() {
                    [one] => serde_json::json!(one),
                    many => serde_json::json!(many),
                };
                let spec = serde_json::json!({
                    "rest_days": iso(self.holidays(year)),
                    "working_days": iso(self.make_up_working_days(year)),
                    "source": source,
                });
                (year.to_string(), spec)
            })
            .collect();
        let base = if on_china { "china" } else { "none" };
        serde_json::json!({ "base": base, "years": years }).to_string()
    }

    /// Loads a calendar from JSON bytes (UTF-8), as [`Calendar::from_json`].
    ///
    /// # Errors
    /// As [`Calendar::from_json`], and bytes that are not UTF-8.
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Calendar, CaseError> {
        Calendar::from_tree(&json::parse_bytes(bytes)?)
    }

    fn from_tree(j: &Json) -> Result<Calendar, CaseError> {
        let top = Obj::new("", j, &["base", "years"])?;
        let base = top.opt("base", json::text)?.unwrap_or_else(|| "china".to_owned());
        let mut years = match base.as_str() {
            "china" => embedded_years(),
            "none" => BTreeMap::new(),
            other => {
                return Err(CaseError::new(
                    "base",
                    format!("{} is not one of china, none", crate::privacy::quote(other)),
                    format!("{} 不是 china、none 之一", crate::privacy::quote_zh(other)),
                ))
            }
        };
        if let Some(y) = top.get("years") {
            let Json::Obj(entries) = y else {
                return Err(CaseError::new(
                    "years",
                    format!("expected an object keyed by year, found {}", y.kind()),
                    format!("应为以年份为键的对象，{}", y.found_zh()),
                ));
            };
            for (i, (key, spec)) in entries.iter().enumerate() {
                let path = json::join("years", key);
                let year: i32 = key
                    .parse()
                    .ok()
                    .filter(|y| (MIN_INPUT_YEAR..=MAX_INPUT_YEAR).contains(y) && key.len() == 4)
                    .ok_or_else(|| {
                        CaseError::new(
                            &path,
                            format!("is not a year from {MIN_INPUT_YEAR} to {MAX_INPUT_YEAR}"),
                            format!("不是 {MIN_INPUT_YEAR} 至 {MAX_INPUT_YEAR} 之间的年份"),
                        )
                    })?;
                if entries[..i].iter().any(|(k, _)| k == key) {
                    return Err(CaseError::repeated(&path));
                }
                years.insert(year, read_year(&path, year, spec)?);
            }
        }
        Ok(Calendar::build(years))
    }

    fn build(years: BTreeMap<i32, YearSpec>) -> Calendar {
        let first = from_ymd(TABLE_FIRST_YEAR, 1, 1);
        let end = from_ymd(TABLE_LAST_YEAR + 1, 1, 1);
        let len = (end - first) as usize;
        let mut days: Vec<u32> = (first..end).map(|d| if is_weekend(d) { REST } else { 0 }).collect();
        for (&year, spec) in &years {
            let (a, b) = (from_ymd(year, 1, 1), from_ymd(year + 1, 1, 1));
            for d in a..b {
                days[(d - first) as usize] |= KNOWN;
            }
            for &d in &spec.work {
                days[(d - first) as usize] &= !REST;
            }
            for &d in &spec.rest {
                days[(d - first) as usize] |= REST;
            }
        }
        // First working day on or after each day, and whether it is known: walk backwards.
        let mut gap: u32 = GAP;
        let mut next_known = false;
        for i in (0..len).rev() {
            if days[i] & REST == 0 {
                gap = 0;
                next_known = days[i] & KNOWN != 0;
            } else {
                gap = (gap + 1).min(GAP);
            }
            days[i] |= gap | if next_known && gap != GAP { NEXT_KNOWN } else { 0 };
        }
        let mut work_ord = Vec::with_capacity(len);
        let mut work_days = Vec::with_capacity(len * 5 / 7 + 16);
        let mut count = 0u32;
        for (i, &f) in days.iter().enumerate() {
            if f & REST == 0 {
                count += 1;
                work_days.push(first + i as DayNum);
            }
            work_ord.push(count);
        }
        Calendar {
            first,
            days: days.into_boxed_slice(),
            work_ord: work_ord.into_boxed_slice(),
            work_days: work_days.into_boxed_slice(),
            years: years.into_iter().map(|(y, s)| (y, s.info)).collect(),
        }
    }

    #[inline]
    fn index(&self, d: DayNum) -> Option<usize> {
        let i = d.wrapping_sub(self.first) as u32 as usize;
        (i < self.days.len()).then_some(i)
    }

    /// Whether a day number is a rest day.
    #[inline]
    pub fn is_rest(&self, d: DayNum) -> bool {
        match self.index(d) {
            Some(i) => self.days[i] & REST != 0,
            None => is_weekend(d),
        }
    }

    /// Whether the day number falls in a year with official data.
    #[inline]
    pub fn is_known(&self, d: DayNum) -> bool {
        self.index(d).is_some_and(|i| self.days[i] & KNOWN != 0)
    }

    /// The first working day on or after `d`.
    #[inline]
    pub fn working_on_or_after(&self, d: DayNum) -> DayNum {
        self.working_end(d).0
    }

    /// The first working day on or after `d`, and whether both days lie in years with official
    /// data — the end of a Civil-Code period whose last calendar day is `d`. One read inside the
    /// tables.
    #[inline]
    pub fn working_end(&self, d: DayNum) -> (DayNum, bool) {
        if let Some(i) = self.index(d) {
            let w = self.days[i];
            let gap = w & GAP;
            if gap != GAP {
                return (d + gap as DayNum, w & (KNOWN | NEXT_KNOWN) == KNOWN | NEXT_KNOWN);
            }
        }
        let mut x = d;
        while self.is_rest(x) {
            x += 1;
        }
        (x, self.is_known(d) && self.is_known(x))
    }

    /// The `n`th working day after `d` (`n` ≥ 1; day `d` itself is not counted).
    #[inline]
    pub fn nth_working_after(&self, d: DayNum, n: u32) -> DayNum {
        if let Some(i) = self.index(d) {
            // The working days up to and including d, plus n: the (k)th working day, 1-based.
            let k = self.work_ord[i] as usize + n as usize;
            if let Some(&w) = k.checked_sub(1).and_then(|j| self.work_days.get(j)) {
                return w;
            }
        }
        let (mut x, mut left) = (d, n);
        while left > 0 {
            // Saturates at the last day number (only absurd arguments get that far).
            let Some(next) = x.checked_add(1) else { return DayNum::MAX };
            x = next;
            if !self.is_rest(x) {
                left -= 1;
            }
        }
        x
    }

    /// Why a rest day rests (`None` for a working day).
    pub fn rest_reason(&self, d: DayNum) -> Option<RestReason> {
        if !self.is_rest(d) {
            return None;
        }
        if let Some(info) = self.years.get(&year_of(d)) {
            if let Some(&(_, _, f)) = info.named.iter().find(|(a, b, _)| (*a..=*b).contains(&d)) {
                return Some(RestReason::Holiday(f));
            }
            if !is_weekend(d) {
                return Some(RestReason::Listed);
            }
        }
        Some(RestReason::Weekend)
    }

    /// Whether `date` is a rest day.
    pub fn is_rest_day(&self, date: NaiveDate) -> bool {
        self.is_rest(from_naive(date))
    }

    /// Whether `year` has official data in this calendar.
    pub fn is_known_year(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The years with official data, in order.
    pub fn known_years(&self) -> Vec<i32> {
        self.years.keys().copied().collect()
    }

    /// The notices a known year's data comes from.
    pub fn sources(&self, year: i32) -> &[String] {
        self.years.get(&year).map_or(&[], |i| &i.sources)
    }

    /// The rest days of `year` that are not Saturdays or Sundays (holidays on weekdays).
    pub fn holidays(&self, year: i32) -> Vec<NaiveDate> {
        self.days_of(year, |cal, d| cal.is_rest(d) && !is_weekend(d))
    }

    /// The Saturdays and Sundays of `year` that are working days (make-up days, 调休上班).
    pub fn make_up_working_days(&self, year: i32) -> Vec<NaiveDate> {
        self.days_of(year, |cal, d| !cal.is_rest(d) && is_weekend(d))
    }

    fn days_of(&self, year: i32, keep: impl Fn(&Calendar, DayNum) -> bool) -> Vec<NaiveDate> {
        // A year the calendar has no data for rests on weekends only: it has neither kind of day
        // (and any year, i32::MAX included, is answered without arithmetic on it).
        if !self.is_known_year(year) {
            return Vec::new();
        }
        (from_ymd(year, 1, 1)..from_ymd(year + 1, 1, 1)).filter(|&d| keep(self, d)).map(crate::date::to_naive).collect()
    }
}

fn read_year(path: &str, year: i32, j: &Json) -> Result<YearSpec, CaseError> {
    let o = Obj::new(path, j, &["rest_days", "working_days", "source"])?;
    let list = |key: &str| -> Result<Vec<DayNum>, CaseError> {
        let Some(v) = o.get(key) else {
            return Ok(Vec::new());
        };
        let p = o.path(key);
        let Json::Arr(items) = v else {
            return Err(CaseError::new(p, "expected an array of dates", "应为日期数组"));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let ip = format!("{p}.{i}");
                let d = json::day(&ip, item)?;
                if to_ymd(d).0 != year {
                    let shown = crate::date::format_iso(d);
                    return Err(CaseError::new(
                        ip,
                        format!("{shown} is not in {year}"),
                        format!("{shown} 不在 {year} 年内"),
                    ));
                }
                Ok(d)
            })
            .collect()
    };
    let rest = list("rest_days")?;
    let work = list("working_days")?;
    if let Some((i, &d)) = work.iter().enumerate().find(|(_, d)| rest.contains(d)) {
        let shown = crate::date::format_iso(d);
        return Err(CaseError::new(
            format!("{path}.working_days.{i}"),
            format!("{shown} is also listed in rest_days"),
            format!("{shown} 同时列在 rest_days 中"),
        ));
    }
    // Shown by every face (`juzhu calendar`, Python, C): kept free of identity numbers like any
    // text the library gives back.
    // One notice as text, or several as a list (a year amended by a later notice; what
    // `Calendar::to_json` writes for such a year).
    let sources = match o.get("source") {
        None => vec!["supplied by the caller".to_owned()],
        Some(Json::Arr(items)) if !items.is_empty() => items
            .iter()
            .enumerate()
            .map(|(i, item)| json::text(&format!("{}.{i}", o.path("source")), item))
            .collect::<Result<Vec<_>, _>>()?,
        Some(Json::Arr(_)) => {
            return Err(CaseError::new(o.path("source"), "is an empty list of notices", "为空的通知列表"))
        }
        Some(v) => vec![json::text(&o.path("source"), v)?],
    };
    let sources = sources.iter().map(|s| crate::privacy::mask_text(s)).collect();
    Ok(YearSpec { rest, work, info: YearInfo { sources, named: Vec::new() } })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The public helpers answer any argument without overflowing (debug builds would panic).
    #[test]
    fn extreme_arguments_saturate() {
        let cal = Calendar::china();
        for year in [i32::MIN, -1, 0, 1899, 2300, i32::MAX] {
            assert!(cal.holidays(year).is_empty() && cal.make_up_working_days(year).is_empty(), "{year}");
        }
        assert!(cal.holidays(2024).contains(&NaiveDate::from_ymd_opt(2024, 10, 1).unwrap()));
        assert_eq!(cal.nth_working_after(DayNum::MAX - 3, 5), DayNum::MAX);
        assert_eq!(cal.nth_working_after(DayNum::MAX, 1), DayNum::MAX);
        assert!(cal.nth_working_after(0, 100_000) > 100_000);
    }

    fn d(y: i32, m: u32, day: u32) -> DayNum {
        from_ymd(y, m, day)
    }

    #[test]
    fn embedded_data_is_well_formed() {
        for y in china::YEARS {
            for &(_, a, b) in y.rest {
                let (a, b) = (parse_iso(&format!("{}-{a}", y.year)), parse_iso(&format!("{}-{b}", y.year)));
                assert!(a.is_some() && b.is_some() && a <= b, "{}", y.year);
            }
            for w in y.work {
                let day = parse_iso(&format!("{}-{w}", y.year)).expect("make-up day parses");
                assert!(is_weekend(day), "{} {w} is a weekend day", y.year);
            }
        }
        let years: Vec<i32> = china::YEARS.iter().map(|y| y.year).collect();
        assert_eq!(years, (2013..=2026).collect::<Vec<_>>());
    }

    #[test]
    fn national_day_2024() {
        let cal = Calendar::china();
        assert!(cal.is_rest(d(2024, 10, 5)));
        assert_eq!(cal.working_on_or_after(d(2024, 10, 5)), d(2024, 10, 8));
        assert!(!cal.is_rest(d(2024, 9, 29))); // a Sunday worked
        assert!(!cal.is_rest(d(2024, 10, 12))); // a Saturday worked
        assert_eq!(cal.rest_reason(d(2024, 10, 5)), Some(RestReason::Holiday(Festival::NationalDay)));
        assert_eq!(cal.rest_reason(d(2024, 10, 13)), Some(RestReason::Weekend));
        assert_eq!(cal.nth_working_after(d(2024, 9, 28), 1), d(2024, 9, 29));
        assert_eq!(cal.nth_working_after(d(2024, 9, 28), 3), d(2024, 10, 8));
        assert!(cal.is_known(d(2026, 12, 31)) && !cal.is_known(d(2027, 1, 1)) && !cal.is_known(d(2012, 12, 31)));
    }

    #[test]
    fn loaded_calendars_extend_and_refuse() {
        let cal =
            Calendar::from_json(r#"{"years":{"2027":{"rest_days":["2027-02-08"],"working_days":["2027-02-06"]}}}"#)
                .unwrap();
        assert!(cal.is_rest(d(2027, 2, 8)) && !cal.is_rest(d(2027, 2, 6)) && cal.is_known(d(2027, 6, 1)));
        assert!(cal.is_rest(d(2024, 10, 5)));
        let none = Calendar::from_json(r#"{"base":"none"}"#).unwrap();
        assert!(!none.is_rest(d(2024, 10, 8)) && !none.is_rest(d(2024, 10, 1)) && none.known_years().is_empty());
        let e = Calendar::from_json(r#"{"years":{"2027":{"rest_days":["2028-01-01"]}}}"#).unwrap_err();
        assert_eq!(e.to_string(), "years.2027.rest_days.0: 2028-01-01 is not in 2027");
        let e = Calendar::from_json(r#"{"years":{"27":{}}}"#).unwrap_err();
        assert_eq!(e.field(), "years.27");
        let e = Calendar::from_json(r#"{"base":"mars"}"#).unwrap_err();
        assert_eq!(e.field(), "base");
        let e = Calendar::from_json(r#"{"years":{"2027":{"rest_days":["2027-01-01"],"working_days":["2027-01-01"]}}}"#)
            .unwrap_err();
        assert_eq!(e.field(), "years.2027.working_days.0");
    }

    /// The fast tables agree with the definitions they shortcut, on every day they cover (a broken
    /// table would still give right answers through the slow paths, only slowly: check it here).
    #[test]
    fn tables_match_their_definitions_on_every_day() {
        let custom = Calendar::from_json(
            r#"{"years":{"2030":{"rest_days":["2030-03-04","2030-03-05"],"working_days":["2030-03-09"]}}}"#,
        )
        .unwrap();
        for cal in [Calendar::china(), &Calendar::weekends_only(), &custom] {
            let mut working_seen = 0u32;
            for (i, &f) in cal.days.iter().enumerate() {
                let d = cal.first + i as DayNum;
                let mut next = d;
                while cal.days.get((next - cal.first) as usize).is_some_and(|f| f & REST != 0) {
                    next += 1;
                }
                assert_eq!(cal.working_on_or_after(d), next, "day {d}");
                let known = cal.is_known(d) && cal.is_known(next);
                assert_eq!(cal.working_end(d), (next, known), "day {d}");
                if f & REST == 0 {
                    assert_eq!(cal.work_days[working_seen as usize], d);
                    working_seen += 1;
                }
                assert_eq!(cal.work_ord[i], working_seen, "day {d}");
            }
            assert_eq!(cal.work_days.len() as u32, working_seen);
        }
    }

    #[test]
    fn beyond_the_tables_weekends_rest() {
        let cal = Calendar::china();
        // 1899-12-30 is a Saturday before the tables; 2300-01-06 a Saturday after them.
        assert!(cal.is_rest(d(1899, 12, 30)) && !cal.is_rest(d(1899, 12, 29)));
        assert_eq!(cal.working_on_or_after(d(1899, 12, 30)), d(1900, 1, 1));
        assert_eq!(cal.working_on_or_after(d(2300, 1, 6)), d(2300, 1, 8));
        assert_eq!(cal.nth_working_after(d(2300, 1, 5), 3), d(2300, 1, 10));
        assert_eq!(cal.nth_working_after(d(1899, 12, 29), 2), d(1900, 1, 2));
        assert_eq!(cal.working_end(d(2300, 1, 6)), (d(2300, 1, 8), false));
        assert!(!cal.is_known(d(2300, 1, 1)) && !cal.is_known(d(1899, 1, 1)));
    }

    #[test]
    fn queries_for_callers() {
        let cal = Calendar::china();
        assert!(cal.is_rest_day(crate::date::to_naive(d(2024, 10, 1))));
        assert!(!cal.is_rest_day(crate::date::to_naive(d(2024, 10, 12))));
        assert!(
            cal.is_known_year(2013) && cal.is_known_year(2026) && !cal.is_known_year(2027) && !cal.is_known_year(2012)
        );
        let holidays = cal.holidays(2024);
        assert_eq!(holidays.len(), 19, "2024's holidays on weekdays: 1 + 5 + 2 + 3 + 1 + 2 + 5");
        assert!(holidays.contains(&crate::date::to_naive(d(2024, 10, 7))));
        assert!(!holidays.contains(&crate::date::to_naive(d(2024, 10, 5))), "a weekend day is not listed");
        let make_up = cal.make_up_working_days(2024);
        assert_eq!(make_up.len(), 8);
        assert_eq!(make_up.first(), Some(&crate::date::to_naive(d(2024, 2, 4))));
        assert!(cal.holidays(2030).is_empty() && cal.make_up_working_days(2030).is_empty());
        assert_eq!(format!("{cal:?}"), format!("Calendar {{ known_years: {:?} }}", (2013..=2026).collect::<Vec<_>>()));
        assert!(cal.sources(2020).iter().any(|s| s.contains("延长")));
        assert!(cal.sources(2030).is_empty());
    }

    #[test]
    fn year_keys_are_four_digit_years_in_range() {
        for bad in ["02027", "+2027", "9999", "1899", "2200", "year"] {
            let e = Calendar::from_json(&format!(r#"{{"years":{{"{bad}":{{}}}}}}"#)).unwrap_err();
            assert_eq!(e.field(), format!("years.{}", crate::privacy::key(bad)), "{bad}");
        }
        assert!(Calendar::from_json(r#"{"years":{"2199":{}, "1900":{}}}"#).is_ok());
        let e = Calendar::from_json(r#"{"years":{"2027":{}, "2027":{}}}"#).unwrap_err();
        assert_eq!(e.to_string(), "years.2027: appears more than once");
        assert_eq!(e.to_string_in(crate::Lang::Zh), "years.2027：重复出现");
        let zh = |text: &str| Calendar::from_json(text).unwrap_err().message_zh().to_owned();
        assert_eq!(zh(r#"{"years":{"1899":{}}}"#), "不是 1900 至 2199 之间的年份");
        assert_eq!(zh(r#"{"years":[]}"#), "应为以年份为键的对象，实为数组");
        assert_eq!(zh(r#"{"base":"korea"}"#), "\"korea\" 不是 china、none 之一");
        assert_eq!(zh(r#"{"years":{"2027":{"rest_days":"2027-01-01"}}}"#), "应为日期数组");
        assert_eq!(zh(r#"{"years":{"2027":{"rest_days":["2028-01-01"]}}}"#), "2028-01-01 不在 2027 年内");
        assert_eq!(
            zh(r#"{"years":{"2027":{"rest_days":["2027-01-04"],"working_days":["2027-01-04"]}}}"#),
            "2027-01-04 同时列在 rest_days 中"
        );
        assert_eq!(Calendar::from_json(r#"{"years":[]}"#).unwrap_err().field(), "years");
        assert_eq!(
            Calendar::from_json(r#"{"years":{"2027":{"rest_days":"2027-01-01"}}}"#).unwrap_err().field(),
            "years.2027.rest_days"
        );
    }

    #[test]
    fn a_calendar_of_only_rest_days_still_answers() {
        use std::fmt::Write;
        let mut years = String::new();
        for y in 2100..=2101 {
            let days: Vec<String> =
                (d(y, 1, 1)..d(y + 1, 1, 1)).map(|x| format!("\"{}\"", crate::date::format_iso(x))).collect();
            let _ = write!(years, "\"{y}\":{{\"rest_days\":[{}]}},", days.join(","));
        }
        years.pop();
        let cal = Calendar::from_json(&format!("{{\"years\":{{{years}}}}}")).unwrap();
        assert_eq!(cal.working_on_or_after(d(2100, 1, 1)), d(2102, 1, 2));
        assert_eq!(cal.nth_working_after(d(2100, 1, 1), 1), d(2102, 1, 2));
    }
    /// Every day of the tables answers alike in a calendar and in the one its JSON reads back
    /// to (rest or not, why — a holiday's name only when `named` —, known or not), and the
    /// sources agree year by year.
    fn same_everywhere(a: &Calendar, b: &Calendar, named: bool) {
        assert_eq!(a.known_years(), b.known_years());
        for y in a.known_years() {
            assert_eq!(a.sources(y), b.sources(y), "{y}");
        }
        for day in from_ymd(TABLE_FIRST_YEAR, 1, 1)..from_ymd(TABLE_LAST_YEAR + 1, 1, 1) {
            let reason = |c: &Calendar| match c.rest_reason(day) {
                Some(RestReason::Holiday(_)) if !named && is_weekend(day) => Some(RestReason::Weekend),
                Some(RestReason::Holiday(_)) if !named => Some(RestReason::Listed),
                r => r,
            };
            assert_eq!(reason(a), reason(b), "{}", crate::date::format_iso(day));
            assert_eq!(a.is_known(day), b.is_known(day));
        }
    }

    #[test]
    fn to_json_reads_back_to_the_same_calendar() {
        let added = r#"{"years":{"2027":{"rest_days":["2027-01-01"],"working_days":["2027-02-07"],"source":"n"}}}"#;
        let replaced = r#"{"years":{"2024":{"rest_days":["2024-01-02"]}}}"#;
        let several = r#"{"base":"none","years":{"2030":{"rest_days":["2030-01-02"],"source":["a","b"]}}}"#;
        let cases = [
            (Calendar::china().clone(), "china", 0),
            (Calendar::weekends_only(), "none", 0),
            (Calendar::from_json(added).unwrap(), "china", 1),
            (Calendar::from_json(replaced).unwrap(), "none", 14),
            (Calendar::from_json(several).unwrap(), "none", 1),
        ];
        for (cal, base, listed) in cases {
            let text = cal.to_json();
            let j: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                (j["base"].as_str(), j["years"].as_object().map(serde_json::Map::len)),
                (Some(base), Some(listed)),
                "{text}"
            );
            same_everywhere(&cal, &Calendar::from_json(&text).unwrap(), base == "china");
        }
        // Equal to what it reads back to; a year changed is not.
        let mine = Calendar::from_json(added).unwrap();
        assert!(Calendar::from_json(&mine.to_json()).unwrap() == mine && mine != *Calendar::china());
        assert!(Calendar::from_json(&Calendar::china().to_json()).unwrap() == *Calendar::china());
        let moved = r#"{"years":{"2027":{"rest_days":["2027-01-04"],"working_days":["2027-02-07"],"source":"n"}}}"#;
        assert!(Calendar::from_json(moved).unwrap() != mine);
        // The embedded holidays keep their names through `base: china`.
        let back = Calendar::from_json(&Calendar::from_json(added).unwrap().to_json()).unwrap();
        assert!(matches!(back.rest_reason(d(2024, 10, 1)), Some(RestReason::Holiday(_))));
        let e = Calendar::from_json(r#"{"years":{"2027":{"source":[]}}}"#).unwrap_err();
        assert_eq!((e.field(), e.message()), ("years.2027.source", "is an empty list of notices"));
        let e = Calendar::from_json(r#"{"years":{"2027":{"source":["a", 1]}}}"#).unwrap_err();
        assert_eq!(e.field(), "years.2027.source.1");
    }
}
