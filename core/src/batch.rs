//! Assessing whole populations: the columns every rule set's batch engine reads and writes.
//!
//! Input columns are read in place: dates as day numbers since 1970-01-01 (the layout of numpy
//! `datetime64[D]` and Arrow `date32`) or as `datetime64` ticks of any unit ([`DateColumn`]),
//! words as their [`crate::vocab::Word::code`]s, flags as `0`/`1`, division codes as numbers,
//! times of day as minutes after midnight; [`NULL_DAY`], [`NULL_CODE`], [`NULL_REGION`] and
//! [`NULL_TIME`] mark absent values, and a missing column means
//! "absent" for every row. Each rule set declares its columns once (`rules/<id>/record.rs`, see
//! [`crate::record`]) and runs every row through exactly the validation and rules of a per-case
//! assessment. The engines: [`crate::rules::liaoning_2013::batch`] and
//! [`crate::rules::china_2016::batch`].

use crate::date::DayNum;
use crate::error::CaseError;

/// Rows a worker thread takes at least, times a block: fewer rows than this run on one thread.
pub const MIN_ROWS_PER_THREAD: usize = 512;

/// An absent date in a day-number column.
pub const NULL_DAY: DayNum = i32::MIN;
/// An absent enum or flag in a code column.
pub const NULL_CODE: u8 = u8::MAX;
/// An absent division code in a region column.
pub const NULL_REGION: i64 = i64::MIN;
/// An absent time of day in a time column (minutes after midnight, 0–1439).
pub const NULL_TIME: u16 = u16::MAX;

/// A date column, read in place.
#[derive(Clone, Copy, Debug)]
pub enum DateColumn<'a> {
    /// Day numbers since 1970-01-01 (Arrow `date32`); [`NULL_DAY`] is null.
    Days(&'a [i32]),
    /// 64-bit ticks since 1970-01-01 with `per_day` ticks a day — numpy `datetime64` of any unit
    /// (1 for `[D]`, 86 400 for `[s]`, 86 400 000 000 000 for `[ns]`); `i64::MIN` (`NaT`) is null.
    /// A time of day is dropped (the day is taken).
    Ticks {
        /// The ticks.
        data: &'a [i64],
        /// Ticks per day (≥ 1).
        per_day: i64,
    },
}

/// A day outside every supported range, for ticks that do not fit a day number: refused later
/// as outside the supported years.
pub(crate) const OUT_OF_RANGE_DAY: DayNum = i32::MIN + 1;

impl DateColumn<'_> {
    /// Rows `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> Self {
        match *self {
            DateColumn::Days(d) => DateColumn::Days(&d[start..end]),
            DateColumn::Ticks { data, per_day } => DateColumn::Ticks { data: &data[start..end], per_day },
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            DateColumn::Days(d) => d.len(),
            DateColumn::Ticks { data, .. } => data.len(),
        }
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i` as a day number ([`NULL_DAY`] for null).
    #[inline(always)]
    pub fn get(&self, i: usize) -> DayNum {
        match *self {
            DateColumn::Days(d) => d[i],
            DateColumn::Ticks { data, per_day } => ticks_to_day(data[i], per_day.max(1)),
        }
    }
}

/// Ticks (`per_day` a day, `NaT` = `i64::MIN`) as a day number.
#[inline(always)]
fn ticks_to_day(v: i64, per_day: i64) -> DayNum {
    if v == i64::MIN {
        return NULL_DAY;
    }
    match i32::try_from(v.div_euclid(per_day)) {
        Ok(d) if d != NULL_DAY => d,
        _ => OUT_OF_RANGE_DAY,
    }
}

/// A column of date lists (Arrow `list<date32>`): row `i`'s dates are
/// `values[offsets[i]..offsets[i + 1]]`; an empty list and a null row are both "none".
#[derive(Clone, Copy, Debug)]
pub struct DateListColumn<'a> {
    /// `rows + 1` offsets into `values`, non-decreasing.
    pub offsets: &'a [i32],
    /// The dates of every row, back to back.
    pub values: DateColumn<'a>,
}

/// Where a row's dates lie in a [`DateListColumn`]'s values: `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// First value.
    pub start: u32,
    /// One past the last value.
    pub end: u32,
}

impl DateListColumn<'_> {
    /// The dates of a row's span.
    pub fn dates(&self, span: Span) -> impl Iterator<Item = DayNum> + '_ {
        (span.start as usize..span.end as usize).map(|k| self.values.get(k))
    }

    /// Checks the offsets: `rows + 1` of them, non-decreasing, within the values.
    ///
    /// # Errors
    /// Offsets that do not describe the values, naming the column.
    pub fn check(&self, column: &str) -> Result<(), CaseError> {
        let ok = !self.offsets.is_empty()
            && self.offsets.windows(2).all(|w| w[0] <= w[1])
            && self.offsets[0] >= 0
            && self.offsets.last().is_some_and(|&e| usize::try_from(e).is_ok_and(|e| e <= self.values.len()));
        if ok {
            Ok(())
        } else {
            Err(CaseError::new(column, "its list offsets do not fit its values"))
        }
    }
}

impl ColumnSlice<Span> for DateListColumn<'_> {
    #[inline]
    fn cut(self, start: usize, end: usize) -> Self {
        DateListColumn { offsets: &self.offsets[start..=end], values: self.values }
    }
    #[inline]
    fn rows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> Span {
        let (a, b) = (self.offsets[i], self.offsets[i + 1]);
        Span { start: a.max(0) as u32, end: b.max(a).max(0) as u32 }
    }
}

/// A column of one storage kind: slicing, length, one value, and gathering into rows.
pub trait ColumnSlice<T: Copy>: Copy {
    /// Rows `start..end`.
    #[must_use]
    fn cut(self, start: usize, end: usize) -> Self;
    /// Number of rows.
    fn rows(&self) -> usize;
    /// Row `i`.
    fn at(&self, i: usize) -> T;
    /// Writes rows `start..start + rows.len()` of `col` (or `null` when absent) with `set`.
    #[inline(always)]
    fn gather_into<R>(col: Option<Self>, start: usize, rows: &mut [R], null: T, set: impl Fn(&mut R, T)) {
        match col {
            Some(c) => rows.iter_mut().enumerate().for_each(|(k, r)| set(r, c.at(start + k))),
            None => rows.iter_mut().for_each(|r| set(r, null)),
        }
    }
}

impl<T: Copy> ColumnSlice<T> for &[T] {
    #[inline]
    fn cut(self, start: usize, end: usize) -> Self {
        &self[start..end]
    }
    #[inline]
    fn rows(&self) -> usize {
        self.len()
    }
    #[inline(always)]
    fn at(&self, i: usize) -> T {
        self[i]
    }
    #[inline(always)]
    fn gather_into<R>(col: Option<Self>, start: usize, rows: &mut [R], null: T, set: impl Fn(&mut R, T)) {
        match col {
            Some(c) => {
                let end = start + rows.len();
                rows.iter_mut().zip(&c[start..end]).for_each(|(r, &v)| set(r, v));
            }
            None => rows.iter_mut().for_each(|r| set(r, null)),
        }
    }
}

impl ColumnSlice<DayNum> for DateColumn<'_> {
    #[inline]
    fn cut(self, start: usize, end: usize) -> Self {
        self.slice(start, end)
    }
    #[inline]
    fn rows(&self) -> usize {
        self.len()
    }
    #[inline(always)]
    fn at(&self, i: usize) -> DayNum {
        self.get(i)
    }
    #[inline(always)]
    fn gather_into<R>(col: Option<Self>, start: usize, rows: &mut [R], null: DayNum, set: impl Fn(&mut R, DayNum)) {
        let end = start + rows.len();
        match col {
            None => rows.iter_mut().for_each(|r| set(r, null)),
            Some(DateColumn::Days(d)) => rows.iter_mut().zip(&d[start..end]).for_each(|(r, &v)| set(r, v)),
            Some(DateColumn::Ticks { data, per_day }) => {
                let data = &data[start..end];
                // numpy's units, with constant divisors (a multiply, not a division, per value).
                macro_rules! unit {
                    ($k:expr) => {
                        rows.iter_mut().zip(data).for_each(|(r, &v)| set(r, ticks_to_day(v, $k)))
                    };
                }
                match per_day {
                    1 => unit!(1),
                    86_400 => unit!(86_400),
                    86_400_000 => unit!(86_400_000),
                    86_400_000_000 => unit!(86_400_000_000),
                    86_400_000_000_000 => unit!(86_400_000_000_000),
                    k => unit!(k.max(1)),
                }
            }
        }
    }
}

/// Runs `work(first, len, part)` on `threads` scoped threads, one per contiguous part of `n` rows,
/// each with its own part of the output (`split(out, len)` cuts off the first `len` rows), and
/// gathers the refused rows in row order. `work` reports rows by their index in the whole batch.
/// The Python module's batch uses it for its own output columns.
///
/// # Errors
/// The first part's error, if a part fails as a whole (a panicking worker counts as failed).
pub fn in_parts<O: Send>(
    n: usize,
    threads: usize,
    out: O,
    split: impl Fn(O, usize) -> (O, O),
    work: impl Fn(usize, usize, O) -> Result<Vec<(usize, CaseError)>, CaseError> + Sync,
) -> Result<Vec<(usize, CaseError)>, CaseError> {
    let per = n.div_ceil(threads.max(1)).max(1);
    let mut parts = Vec::with_capacity(threads);
    let mut rest = out;
    let mut first = 0;
    while first < n {
        let len = per.min(n - first);
        let (head, tail) = split(rest, len);
        parts.push((first, len, head));
        rest = tail;
        first += len;
    }
    let work = &work;
    let results: Vec<Result<Vec<(usize, CaseError)>, CaseError>> = std::thread::scope(|s| {
        let handles: Vec<_> =
            parts.into_iter().map(|(first, len, part)| s.spawn(move || work(first, len, part))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(CaseError::new("", "a worker thread failed"))))
            .collect()
    });
    let mut errors = Vec::new();
    for r in results {
        errors.extend(r?);
    }
    Ok(errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::from_ymd;

    #[test]
    fn ticks_of_every_numpy_unit_read_as_days() {
        let day = i64::from(from_ymd(2024, 2, 29));
        for per_day in [1, 86_400, 86_400_000, 86_400_000_000, 86_400_000_000_000, 24] {
            let data = [day * per_day + per_day / 2, i64::MIN, i64::from(from_ymd(1969, 12, 31)) * per_day, i64::MAX];
            let c = DateColumn::Ticks { data: &data, per_day };
            let mut rows = vec![0; 4];
            DateColumn::gather_into(Some(c), 0, &mut rows, NULL_DAY, |r, v| *r = v);
            assert_eq!(rows[0], day as i32, "{per_day}");
            assert_eq!(rows[1], NULL_DAY);
            assert_eq!(rows[2], from_ymd(1969, 12, 31), "{per_day}: before the epoch floors");
            assert!(!crate::date::in_input_range(rows[3]), "{per_day}: out of range is refused later");
            assert_eq!(c.get(0), day as i32);
        }
    }
}
