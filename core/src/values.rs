//! The values of one batch column, as a caller holds them: numpy arrays with sentinels, or
//! Arrow arrays (booleans, numbers, `date32`/`date64`/timestamps, utf8 / `large_utf8` / `utf8view`
//! text, dictionaries, lists) with validity bitmaps — read in place, never copied.
//!
//! A rule set's batch engine reads each column according to the [`Kind`] its record declares
//! ([`Values::read_word`], [`Values::read_flag`], …), turning every value into the compact form
//! its rows hold: a code, a day number, a division code. A value of the wrong shape (an unknown
//! word, a text that is no date, a fraction where a whole number belongs) becomes an *invalid*
//! marker, and the row is refused; the refusal's words come from the per-case reader given the
//! row's values as JSON (`Values::json_at`), so a batch row is refused for exactly the reasons,
//! in exactly the words, a JSON case with the same values would be.

use crate::batch::{Span, NULL_CODE, NULL_DAY, NULL_REGION};
use crate::date::{format_iso, parse_iso, to_ymd, DayNum};
use crate::division::Code;
use crate::error::CaseError;
use crate::json::Json;
use crate::record::Kind;
use crate::vocab::Vocabulary;

/// A word, flag or small number that is present but not valid (an unknown word, a flag of 2, a
/// fraction): the row is refused.
pub const INVALID_CODE: u8 = 254;
/// A division code that is present but not valid.
pub const INVALID_REGION: i64 = i64::MIN + 1;
/// A date that is present but not a date (a text of another shape).
pub const INVALID_DAY: DayNum = i32::MIN + 2;
/// A time of day that is present but not an `HH:MM` time.
pub const INVALID_TIME: u16 = u16::MAX - 1;
/// Marks a division code already read from the caller's values: a row holds `REGION_TAG + six
/// digits` (negative, so never a code given as a number), [`crate::batch::row_region`] reads it.
pub const REGION_TAG: i64 = -(1 << 62);

/// A day outside every supported range (ticks too large for a day number): refused as outside the
/// supported years.
pub(crate) const OUT_OF_RANGE_DAY: DayNum = crate::date::UNREPRESENTABLE_DAY;

/// Which rows hold a value: an Arrow validity bitmap (least significant bit first, bit set =
/// valid) and the bit of row 0.
#[derive(Clone, Copy, Debug)]
pub struct Validity<'a> {
    /// The bitmap's bytes.
    pub bits: &'a [u8],
    /// The bit of row 0.
    pub offset: usize,
}

impl Validity<'_> {
    /// Whether row `i` holds a value.
    #[inline(always)]
    pub fn is_valid(&self, i: usize) -> bool {
        self.bit(i) != 0
    }

    /// Row `i`'s bit as `0` or `1` (no branch on it: nulls scattered at random cost no
    /// mispredictions in the gather loops).
    #[inline(always)]
    fn bit(&self, i: usize) -> u8 {
        let b = self.offset + i;
        (self.bits.get(b >> 3).copied().unwrap_or(0) >> (b & 7)) & 1
    }

    /// Rows `start..start + out.len()`'s bits, one byte (`0` or `1`) a row: read eight rows at a
    /// time (two bytes of the bitmap and one table look-up) instead of a bit at a time.
    #[inline(always)]
    fn unpack(&self, start: usize, out: &mut [u8]) {
        let first = self.offset + start;
        let (base, shift) = (first >> 3, first & 7);
        let byte = |c: usize| {
            let lo = self.bits.get(base + c).copied().unwrap_or(0);
            let hi = self.bits.get(base + c + 1).copied().unwrap_or(0);
            ((u16::from(hi) << 8 | u16::from(lo)) >> shift) as u8
        };
        // Whole chunks as one 8-byte store each (a copy of a length known only at run time was a
        // `memcpy` call per eight rows); the short tail, if any, as such a copy.
        let whole = out.len() / 8;
        let mut chunks = out.chunks_exact_mut(8);
        for (c, chunk) in chunks.by_ref().enumerate() {
            chunk.copy_from_slice(&SPREAD[usize::from(byte(c))].to_le_bytes());
        }
        let tail = chunks.into_remainder();
        if !tail.is_empty() {
            let n = tail.len();
            tail.copy_from_slice(&SPREAD[usize::from(byte(whole))].to_le_bytes()[..n]);
        }
    }

    #[inline]
    fn cut(self, start: usize) -> Self {
        Validity { bits: self.bits, offset: self.offset + start }
    }
}

/// Byte `k` of `SPREAD[b]` is bit `k` of `b`: eight bitmap bits as eight bytes.
const SPREAD: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let mut k = 0;
        while k < 8 {
            table[b] |= (((b >> k) & 1) as u64) << (8 * k);
            k += 1;
        }
        b += 1;
    }
    table
};

/// Rows unpacked per chunk by [`with_bits`].
const CHUNK: usize = 256;

/// Runs `f(rows, first, bits)` over chunks of `rows` (at most [`CHUNK`] rows each; `first` the
/// chunk's first row) with their validity bits unpacked to one byte a row (`1` without a bitmap),
/// for gather loops that read a bit per row.
#[inline(always)]
fn with_bits<R>(v: Option<Validity<'_>>, start: usize, rows: &mut [R], mut f: impl FnMut(&mut [R], usize, &[u8])) {
    let mut bits = [1u8; CHUNK];
    for (c, chunk) in rows.chunks_mut(CHUNK).enumerate() {
        let first = start + c * CHUNK;
        let bits = &mut bits[..chunk.len()];
        if let Some(v) = v {
            v.unpack(first, bits);
        }
        f(chunk, first, bits);
    }
}

#[inline(always)]
fn valid(v: Option<Validity<'_>>, i: usize) -> bool {
    v.is_none_or(|v| v.is_valid(i))
}

/// Offsets into a list's or text's values: Arrow's 32-bit or 64-bit forms.
#[derive(Clone, Copy, Debug)]
pub enum Offsets<'a> {
    /// `i32` offsets (utf8, list).
    I32(&'a [i32]),
    /// `i64` offsets (`large_utf8`, `large_list`).
    I64(&'a [i64]),
}

impl Offsets<'_> {
    #[inline(always)]
    fn range(&self, i: usize) -> (usize, usize) {
        match *self {
            Offsets::I32(o) => (o[i].max(0) as usize, o[i + 1].max(0) as usize),
            Offsets::I64(o) => (o[i].max(0) as usize, o[i + 1].max(0) as usize),
        }
    }

    fn len(&self) -> usize {
        match self {
            Offsets::I32(o) => o.len(),
            Offsets::I64(o) => o.len(),
        }
    }

    fn cut(self, start: usize, end: usize) -> Self {
        match self {
            Offsets::I32(o) => Offsets::I32(&o[start..=end]),
            Offsets::I64(o) => Offsets::I64(&o[start..=end]),
        }
    }

    fn last(&self) -> usize {
        match *self {
            Offsets::I32(o) => o.last().map_or(0, |&x| x.max(0) as usize),
            Offsets::I64(o) => o.last().map_or(0, |&x| x.max(0) as usize),
        }
    }

    fn ordered(&self) -> bool {
        match *self {
            Offsets::I32(o) => o.first().is_some_and(|&x| x >= 0) && o.windows(2).all(|w| w[0] <= w[1]),
            Offsets::I64(o) => o.first().is_some_and(|&x| x >= 0) && o.windows(2).all(|w| w[0] <= w[1]),
        }
    }
}

/// Text values: Arrow utf8 / `large_utf8` (offsets into bytes) or `utf8view` (16-byte views).
#[derive(Clone, Copy, Debug)]
pub enum Text<'a> {
    /// Offsets (`rows + 1`) into `data`.
    Offsets {
        /// The offsets.
        offsets: Offsets<'a>,
        /// The bytes.
        data: &'a [u8],
    },
    /// Arrow string views: strings of up to 12 bytes inline, longer ones in `buffers`.
    Views {
        /// One 16-byte view a row.
        views: &'a [u128],
        /// The data buffers the long views point into.
        buffers: &'a [&'a [u8]],
    },
}

/// A JSON cell's value, `None` when it holds none: null, or the empty text (an empty cell, as
/// pyarrow's CSV reader keeps one). What every reader of a JSON cell takes as absent.
fn cell(j: &serde_json::Value) -> Option<&serde_json::Value> {
    (!j.is_null() && j.as_str() != Some("")).then_some(j)
}

/// What a row of a text column holds ([`Values::read_text`]).
enum TextCell<R> {
    /// No value: null, or the empty text.
    Absent,
    /// A text, as read.
    Value(R),
    /// A key or view pointing outside the column.
    Outside,
}

/// A text column.
#[derive(Clone, Copy, Debug)]
pub struct TextColumn<'a> {
    /// The values.
    pub text: Text<'a>,
    /// Which rows hold one.
    pub validity: Option<Validity<'a>>,
}

impl TextColumn<'_> {
    /// Calls `f` with row `i`'s bytes; `None` when the row is null (or a view points outside its
    /// buffers). A short string view's bytes live in the view itself, hence the callback.
    #[inline]
    pub fn with<R>(&self, i: usize, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        if !valid(self.validity, i) {
            return None;
        }
        match self.text {
            Text::Offsets { offsets, data } => {
                let (a, b) = offsets.range(i);
                data.get(a..b).map(f)
            }
            Text::Views { views, buffers } => view_with(views[i], buffers, f),
        }
    }

    fn rows(&self) -> usize {
        match self.text {
            Text::Offsets { offsets, .. } => offsets.len().saturating_sub(1),
            Text::Views { views, .. } => views.len(),
        }
    }

    fn cut(self, start: usize, end: usize) -> Self {
        TextColumn {
            text: match self.text {
                Text::Offsets { offsets, data } => Text::Offsets { offsets: offsets.cut(start, end), data },
                Text::Views { views, buffers } => Text::Views { views: &views[start..end], buffers },
            },
            validity: self.validity.map(|v| v.cut(start)),
        }
    }

    fn well_formed(&self) -> bool {
        match self.text {
            Text::Offsets { offsets, data } => offsets.ordered() && offsets.last() <= data.len(),
            Text::Views { views, buffers } => views.iter().all(|&v| {
                let len = (v & 0xFFFF_FFFF) as usize;
                len <= 12
                    || buffers
                        .get(((v >> 64) & 0xFFFF_FFFF) as usize)
                        .is_some_and(|b| ((v >> 96) as usize).checked_add(len).is_some_and(|end| end <= b.len()))
            }),
        }
    }
}

/// Numbers of one Arrow (or numpy) type.
#[derive(Clone, Copy, Debug)]
pub enum Numbers<'a> {
    /// `int8`.
    I8(&'a [i8]),
    /// `int16`.
    I16(&'a [i16]),
    /// `int32`.
    I32(&'a [i32]),
    /// `int64`.
    I64(&'a [i64]),
    /// `uint8`.
    U8(&'a [u8]),
    /// `uint16`.
    U16(&'a [u16]),
    /// `uint32`.
    U32(&'a [u32]),
    /// `uint64`.
    U64(&'a [u64]),
    /// `float32`.
    F32(&'a [f32]),
    /// `float64`.
    F64(&'a [f64]),
}

/// One number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A signed whole number.
    Int(i64),
    /// An unsigned whole number.
    UInt(u64),
    /// A floating-point number (`NaN` is read as null).
    Float(f64),
}

impl Number {
    /// The number as a whole number, if it is one.
    pub fn whole(self) -> Option<i128> {
        match self {
            Number::Int(i) => Some(i128::from(i)),
            Number::UInt(u) => Some(i128::from(u)),
            Number::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1.0e30 => Some(f as i128),
            Number::Float(_) => None,
        }
    }

    fn json(self) -> Json {
        match self {
            Number::Int(i) if i >= 0 => Json::UInt(i as u64),
            Number::Int(i) => Json::Int(i),
            Number::UInt(u) => Json::UInt(u),
            // A whole float is the whole number (a numpy integer column with NaN for null is
            // float64): read as the integer it holds.
            Number::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
                if f >= 0.0 {
                    Json::UInt(f as u64)
                } else {
                    Json::Int(f as i64)
                }
            }
            Number::Float(f) => Json::Float(f),
        }
    }
}

/// A column of numbers.
#[derive(Clone, Copy, Debug)]
pub struct NumberColumn<'a> {
    /// The values.
    pub values: Numbers<'a>,
    /// Which rows hold one.
    pub validity: Option<Validity<'a>>,
}

impl NumberColumn<'_> {
    /// Row `i` (`None` when null or `NaN`).
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Number> {
        if !valid(self.validity, i) {
            return None;
        }
        Some(match self.values {
            Numbers::I8(v) => Number::Int(i64::from(v[i])),
            Numbers::I16(v) => Number::Int(i64::from(v[i])),
            Numbers::I32(v) => Number::Int(i64::from(v[i])),
            Numbers::I64(v) => Number::Int(v[i]),
            Numbers::U8(v) => Number::UInt(u64::from(v[i])),
            Numbers::U16(v) => Number::UInt(u64::from(v[i])),
            Numbers::U32(v) => Number::UInt(u64::from(v[i])),
            Numbers::U64(v) => Number::UInt(v[i]),
            Numbers::F32(v) if v[i].is_nan() => return None,
            Numbers::F32(v) => Number::Float(f64::from(v[i])),
            Numbers::F64(v) if v[i].is_nan() => return None,
            Numbers::F64(v) => Number::Float(v[i]),
        })
    }

    fn rows(&self) -> usize {
        match self.values {
            Numbers::I8(v) => v.len(),
            Numbers::I16(v) => v.len(),
            Numbers::I32(v) => v.len(),
            Numbers::I64(v) => v.len(),
            Numbers::U8(v) => v.len(),
            Numbers::U16(v) => v.len(),
            Numbers::U32(v) => v.len(),
            Numbers::U64(v) => v.len(),
            Numbers::F32(v) => v.len(),
            Numbers::F64(v) => v.len(),
        }
    }

    fn cut(self, start: usize, end: usize) -> Self {
        NumberColumn {
            values: match self.values {
                Numbers::I8(v) => Numbers::I8(&v[start..end]),
                Numbers::I16(v) => Numbers::I16(&v[start..end]),
                Numbers::I32(v) => Numbers::I32(&v[start..end]),
                Numbers::I64(v) => Numbers::I64(&v[start..end]),
                Numbers::U8(v) => Numbers::U8(&v[start..end]),
                Numbers::U16(v) => Numbers::U16(&v[start..end]),
                Numbers::U32(v) => Numbers::U32(&v[start..end]),
                Numbers::U64(v) => Numbers::U64(&v[start..end]),
                Numbers::F32(v) => Numbers::F32(&v[start..end]),
                Numbers::F64(v) => Numbers::F64(&v[start..end]),
            },
            validity: self.validity.map(|v| v.cut(start)),
        }
    }

    fn is_integer(&self) -> bool {
        !matches!(self.values, Numbers::F32(_) | Numbers::F64(_))
    }
}

/// The values of one column, as the caller holds them.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Values<'a> {
    /// Bytes with [`NULL_CODE`] for absent: word codes ([`crate::vocab::Word::code`]), flags
    /// `0`/`1`, small whole numbers.
    Bytes(&'a [u8]),
    /// Division codes as numbers, [`NULL_REGION`] for absent.
    Regions(&'a [i64]),
    /// Day numbers since 1970-01-01 (numpy `datetime64[D]`), [`NULL_DAY`] for absent.
    Days(&'a [i32]),
    /// 64-bit ticks since 1970-01-01, `per_day` a day (numpy `datetime64` of any unit); `i64::MIN`
    /// (`NaT`) for absent. A time of day is dropped (the day is taken).
    Ticks {
        /// The ticks.
        data: &'a [i64],
        /// Ticks per day (≥ 1).
        per_day: i64,
    },
    /// Arrow `date32`: day numbers with a validity bitmap.
    Date32 {
        /// Day numbers.
        data: &'a [i32],
        /// Which rows hold one.
        validity: Option<Validity<'a>>,
    },
    /// Arrow `date64` and timestamps of any unit: ticks, `per_day` a day, with a validity bitmap.
    Timestamps {
        /// The ticks.
        data: &'a [i64],
        /// Ticks per day (≥ 1).
        per_day: i64,
        /// Which rows hold one.
        validity: Option<Validity<'a>>,
    },
    /// Arrow booleans: bits (least significant first) from bit `offset`.
    Bools {
        /// The bits.
        bits: &'a [u8],
        /// The bit of row 0.
        offset: usize,
        /// Number of rows.
        len: usize,
        /// Which rows hold one.
        validity: Option<Validity<'a>>,
    },
    /// Numbers of any Arrow or numpy type.
    Numbers(NumberColumn<'a>),
    /// Text: words, ISO dates, division codes, times.
    Text(TextColumn<'a>),
    /// Dictionary-encoded text: integer keys into `values`.
    Dictionary {
        /// The keys (integers; null keys are absent values).
        keys: NumberColumn<'a>,
        /// The dictionary.
        values: TextColumn<'a>,
    },
    /// Times of day as minutes after midnight, [`crate::batch::NULL_TIME`] for absent.
    Minutes(&'a [u16]),
    /// Arrow `time32`/`time64`: ticks since midnight, `per_minute` a minute, with a validity
    /// bitmap (a time with seconds is no `HH:MM`).
    Clock {
        /// The ticks (`int32` or `int64`), with their validity.
        ticks: NumberColumn<'a>,
        /// Ticks per minute (≥ 1).
        per_minute: i64,
    },
    /// Values of several kinds, one JSON value a row (a column no single type holds, such as
    /// text and numbers mixed): each row is read exactly as the same value in a JSON case.
    Any(&'a [serde_json::Value]),
    /// Lists of dates (Arrow `list<date32>` or `large_list<…>`): row `i`'s dates are the values
    /// between its offsets.
    Lists {
        /// `rows + 1` offsets into `values`.
        offsets: Offsets<'a>,
        /// The dates of every row, back to back.
        values: &'a Values<'a>,
        /// Which rows hold a list.
        validity: Option<Validity<'a>>,
    },
}

/// The name of a value shape, for messages: in English and in Chinese.
fn shape(v: &Values<'_>) -> (&'static str, &'static str) {
    match v {
        Values::Bytes(_) => ("bytes", "字节值"),
        Values::Regions(_) => ("division codes as numbers", "数字形式的行政区划代码"),
        Values::Days(_) | Values::Ticks { .. } | Values::Date32 { .. } | Values::Timestamps { .. } => ("dates", "日期"),
        Values::Bools { .. } => ("booleans", "布尔值"),
        Values::Numbers(n) if n.is_integer() => ("whole numbers", "整数"),
        Values::Numbers(_) => ("floating-point numbers", "浮点数"),
        Values::Text(_) => ("text", "文本"),
        Values::Dictionary { .. } => ("dictionary-encoded text", "字典编码的文本"),
        Values::Lists { .. } => ("lists", "列表"),
        Values::Minutes(_) | Values::Clock { .. } => ("times of day", "时刻"),
        Values::Any(_) => ("values of several kinds", "多种类型的值"),
    }
}

/// Whether `bits` holds bits `offset..offset + rows`.
fn covers(bits: &[u8], offset: usize, rows: usize) -> bool {
    offset.checked_add(rows).is_some_and(|end| end.div_ceil(8) <= bits.len())
}

/// Whether every key of a valid row lies in `0..len`: first the range of all keys (one
/// vectorised pass; a null row's key is usually 0), then, only if that range leaves the
/// dictionary, row by row skipping nulls (Arrow lets a null row's key be anything).
fn keys_fit(keys: &NumberColumn<'_>, len: usize) -> bool {
    fn range<T: Copy + Ord + Into<i128>>(v: &[T]) -> Option<(i128, i128)> {
        let min = v.iter().copied().min()?;
        let max = v.iter().copied().max()?;
        Some((min.into(), max.into()))
    }
    let all = match keys.values {
        Numbers::I8(v) => range(v),
        Numbers::I16(v) => range(v),
        Numbers::I32(v) => range(v),
        Numbers::I64(v) => range(v),
        Numbers::U8(v) => range(v),
        Numbers::U16(v) => range(v),
        Numbers::U32(v) => range(v),
        Numbers::U64(v) => range(v),
        Numbers::F32(_) | Numbers::F64(_) => return false,
    };
    let fits = |k: i128| k >= 0 && k < len as i128;
    match all {
        None => true,
        Some((lo, hi)) if fits(lo) && fits(hi) => true,
        Some(_) => (0..keys.rows()).all(|i| keys.get(i).and_then(Number::whole).is_none_or(fits)),
    }
}

/// Ticks (`per_day` a day) as a day number; out-of-range ticks become [`OUT_OF_RANGE_DAY`].
#[inline(always)]
pub(crate) fn ticks_to_day(v: i64, per_day: i64) -> DayNum {
    match i32::try_from(v.div_euclid(per_day.max(1))) {
        Ok(d) if d > INVALID_DAY => d,
        _ => OUT_OF_RANGE_DAY,
    }
}

impl Values<'_> {
    /// Number of rows.
    pub fn rows(&self) -> usize {
        match self {
            Values::Bytes(v) => v.len(),
            Values::Regions(v) => v.len(),
            Values::Days(v) | Values::Date32 { data: v, .. } => v.len(),
            Values::Ticks { data, .. } | Values::Timestamps { data, .. } => data.len(),
            Values::Bools { len, .. } => *len,
            Values::Numbers(n) => n.rows(),
            Values::Text(t) => t.rows(),
            Values::Dictionary { keys, .. } => keys.rows(),
            Values::Lists { offsets, .. } => offsets.len().saturating_sub(1),
            Values::Minutes(v) => v.len(),
            Values::Any(v) => v.len(),
            Values::Clock { ticks, .. } => ticks.rows(),
        }
    }

    /// Rows `start..end`.
    ///
    /// # Panics
    /// If `start > end` or `end` is beyond the column's rows (as slicing does).
    #[must_use]
    pub fn cut(self, start: usize, end: usize) -> Self {
        match self {
            Values::Bytes(v) => Values::Bytes(&v[start..end]),
            Values::Regions(v) => Values::Regions(&v[start..end]),
            Values::Days(v) => Values::Days(&v[start..end]),
            Values::Ticks { data, per_day } => Values::Ticks { data: &data[start..end], per_day },
            Values::Date32 { data, validity } => {
                Values::Date32 { data: &data[start..end], validity: validity.map(|v| v.cut(start)) }
            }
            Values::Timestamps { data, per_day, validity } => {
                Values::Timestamps { data: &data[start..end], per_day, validity: validity.map(|v| v.cut(start)) }
            }
            Values::Bools { bits, offset, validity, .. } => Values::Bools {
                bits,
                offset: offset + start,
                len: end - start,
                validity: validity.map(|v| v.cut(start)),
            },
            Values::Numbers(n) => Values::Numbers(n.cut(start, end)),
            Values::Text(t) => Values::Text(t.cut(start, end)),
            Values::Dictionary { keys, values } => Values::Dictionary { keys: keys.cut(start, end), values },
            Values::Lists { offsets, values, validity } => {
                Values::Lists { offsets: offsets.cut(start, end), values, validity: validity.map(|v| v.cut(start)) }
            }
            Values::Minutes(v) => Values::Minutes(&v[start..end]),
            Values::Any(v) => Values::Any(&v[start..end]),
            Values::Clock { ticks, per_minute } => Values::Clock { ticks: ticks.cut(start, end), per_minute },
        }
    }

    /// Checks that these values can hold a column of `kind` and are well formed; the error names
    /// the column.
    ///
    /// # Errors
    /// Values of a shape the kind cannot take (booleans for a date), or malformed offsets.
    pub fn check(&self, column: &str, kind: &Kind) -> Result<(), CaseError> {
        // Any shape can be read row by row: a value of the wrong kind (booleans in a word
        // column) refuses its row in the words of a JSON case holding it. Only a dates column
        // must hold lists (a row's dates are a span of the list's items).
        let fits = match (kind, self) {
            (Kind::Dates, Values::Lists { values, .. }) => {
                values.check(column, &Kind::Date)?;
                true
            }
            (Kind::Dates, _) => false,
            _ => true,
        };
        if !fits {
            let (shape, shape_zh) = shape(self);
            return Err(CaseError::new(
                column,
                format!("holds {shape}, which cannot be read as a {} column (a list of dates a row)", kind.name()),
                format!("包含的是{shape_zh}，不能读作{}列（每行应为一组日期）", kind.name_zh()),
            ));
        }
        let well_formed = match self {
            Values::Dictionary { keys, .. } if !keys.is_integer() => false,
            Values::Text(t) | Values::Dictionary { values: t, .. } => t.well_formed(),
            Values::Lists { offsets, values, .. } => offsets.ordered() && offsets.last() <= values.rows(),
            _ => true,
        };
        if !well_formed {
            return Err(CaseError::new(column, "its offsets do not fit its values", "其偏移量与取值不一致"));
        }
        // Bitmaps too short for the rows would be read past their end (a panic) or as nulls.
        let rows = self.rows();
        let bits_short = match *self {
            Values::Bools { bits, offset, len, .. } => !covers(bits, offset, len),
            _ => false,
        };
        if bits_short {
            return Err(CaseError::new(column, "its bits are fewer than its rows", "其位数据少于行数"));
        }
        let validity_short = match *self {
            Values::Dictionary { values, .. } => {
                !values.validity.is_none_or(|v| covers(v.bits, v.offset, values.rows()))
            }
            _ => false,
        } || !self.validity().is_none_or(|v| covers(v.bits, v.offset, rows));
        if validity_short {
            return Err(CaseError::new(column, "its validity bitmap is shorter than its rows", "其有效性位图短于行数"));
        }
        match *self {
            Values::Ticks { per_day, .. } | Values::Timestamps { per_day, .. } if per_day < 1 => {
                return Err(CaseError::new(
                    column,
                    format!("has {per_day} ticks a day (at least 1)"),
                    format!("每日刻度数为 {per_day}（至少为 1）"),
                ))
            }
            Values::Clock { per_minute, .. } if per_minute < 1 => {
                return Err(CaseError::new(
                    column,
                    format!("has {per_minute} ticks a minute (at least 1)"),
                    format!("每分钟刻度数为 {per_minute}（至少为 1）"),
                ))
            }
            Values::Dictionary { keys, values } if !keys_fit(&keys, values.rows()) => {
                return Err(CaseError::new(column, "a key points outside its dictionary", "有键值超出其字典范围"))
            }
            _ => {}
        }
        Ok(())
    }

    /// The validity bitmap of the column's rows, where it has one.
    fn validity(&self) -> Option<Validity<'_>> {
        match *self {
            Values::Date32 { validity, .. }
            | Values::Timestamps { validity, .. }
            | Values::Bools { validity, .. }
            | Values::Lists { validity, .. } => validity,
            Values::Numbers(n) | Values::Dictionary { keys: n, .. } | Values::Clock { ticks: n, .. } => n.validity,
            Values::Text(t) => t.validity,
            _ => None,
        }
    }

    /// Calls `f` with row `i`'s text (`None` when null or not text).
    #[inline]
    fn with_text<R>(&self, i: usize, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        match self {
            Values::Text(t) => t.with(i, f),
            Values::Dictionary { keys, values } => {
                let k = keys.get(i)?.whole()?;
                usize::try_from(k).ok().filter(|&k| k < values.rows()).and_then(|k| values.with(k, f))
            }
            _ => None,
        }
    }

    /// Row `i` of a text or dictionary column: [`TextCell::Absent`] when it holds no value
    /// (null, a null dictionary entry, or the empty text — an empty cell, which pyarrow's CSV
    /// reader keeps as ""), `f` of its text when it holds one, [`TextCell::Outside`] when its key
    /// or view points outside the column (or the column holds no text).
    #[inline]
    fn read_text<R>(&self, i: usize, f: impl FnOnce(&[u8]) -> R) -> TextCell<R> {
        let (column, row) = match self {
            Values::Text(t) => (t, i),
            Values::Dictionary { keys, values } => match keys.get(i) {
                None => return TextCell::Absent,
                Some(k) => match k.whole().and_then(|k| usize::try_from(k).ok()).filter(|&k| k < values.rows()) {
                    Some(k) => (values, k),
                    None => return TextCell::Outside,
                },
            },
            _ => return TextCell::Outside,
        };
        if !valid(column.validity, row) {
            return TextCell::Absent;
        }
        match column.with(row, |b| (!b.is_empty()).then(|| f(b))) {
            Some(Some(r)) => TextCell::Value(r),
            Some(None) => TextCell::Absent,
            None => TextCell::Outside,
        }
    }

    /// Whether row `i` holds the empty text (not null): an empty cell, absent where a cell stands
    /// alone, but shown as given where it is an item of a list.
    fn holds_empty_text(&self, i: usize) -> bool {
        match self {
            Values::Any(v) => v[i].as_str() == Some(""),
            _ => self.with_text(i, <[u8]>::is_empty) == Some(true),
        }
    }

    /// Reads row `i` of a word column: the word's code, [`NULL_CODE`] when absent, or
    /// [`INVALID_CODE`].
    #[inline]
    pub fn read_word(&self, i: usize, vocabulary: &Vocabulary) -> u8 {
        match self {
            Values::Bytes(v) => match v[i] {
                NULL_CODE => NULL_CODE,
                c if usize::from(c) < vocabulary.len() => c,
                _ => INVALID_CODE,
            },
            Values::Text(_) | Values::Dictionary { .. } => {
                match self.read_text(i, |t| vocabulary.code_of_bytes(t).unwrap_or(INVALID_CODE)) {
                    TextCell::Absent => NULL_CODE,
                    TextCell::Value(c) => c,
                    TextCell::Outside => INVALID_CODE,
                }
            }
            Values::Any(v) => match cell(&v[i]) {
                None => NULL_CODE,
                Some(serde_json::Value::String(t)) => vocabulary.code_of_bytes(t.as_bytes()).unwrap_or(INVALID_CODE),
                Some(_) => INVALID_CODE,
            },
            _ if self.is_null(i) => NULL_CODE,
            _ => INVALID_CODE,
        }
    }

    /// Reads row `i` of a flag column: `0`, `1`, [`NULL_CODE`], or [`INVALID_CODE`].
    #[inline]
    pub fn read_flag(&self, i: usize) -> u8 {
        match *self {
            Values::Bytes(v) => match v[i] {
                b @ (0 | 1 | NULL_CODE) => b,
                _ => INVALID_CODE,
            },
            Values::Bools { bits, offset, validity, .. } => {
                if !valid(validity, i) {
                    return NULL_CODE;
                }
                let b = offset + i;
                (bits.get(b >> 3).copied().unwrap_or(0) >> (b & 7)) & 1
            }
            Values::Numbers(n) => match n.get(i) {
                None => NULL_CODE,
                Some(x) => match x.whole() {
                    Some(0) => 0,
                    Some(1) => 1,
                    _ => INVALID_CODE,
                },
            },
            Values::Any(v) => match cell(&v[i]) {
                None => NULL_CODE,
                Some(&serde_json::Value::Bool(b)) => u8::from(b),
                Some(_) => INVALID_CODE,
            },
            _ if self.is_null(i) => NULL_CODE,
            _ => INVALID_CODE,
        }
    }

    /// Reads row `i` of a small whole-number column (`min..=max` within `0..=253`): the number,
    /// [`NULL_CODE`], or [`INVALID_CODE`].
    #[inline]
    pub fn read_whole(&self, i: usize, min: u64, max: u64) -> u8 {
        let ok = |v: i128| {
            if v >= i128::from(min) && v <= i128::from(max) && v < 254 {
                v as u8
            } else {
                INVALID_CODE
            }
        };
        match *self {
            Values::Bytes(v) => match v[i] {
                NULL_CODE => NULL_CODE,
                b => ok(i128::from(b)),
            },
            Values::Numbers(n) => n.get(i).map_or(NULL_CODE, |x| x.whole().map_or(INVALID_CODE, ok)),
            Values::Any(v) => match cell(&v[i]) {
                None => NULL_CODE,
                Some(serde_json::Value::Number(x)) => {
                    let whole = x.as_u64().map(i128::from).or_else(|| {
                        x.as_f64().filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 1.0e9).map(|f| f as i128)
                    });
                    whole.map_or(INVALID_CODE, ok)
                }
                _ => INVALID_CODE,
            },
            _ if self.is_null(i) => NULL_CODE,
            _ => INVALID_CODE,
        }
    }

    /// Reads row `i` of a division-code column: `REGION_TAG + six digits`, [`NULL_REGION`], or
    /// [`INVALID_REGION`].
    #[inline]
    pub fn read_region(&self, i: usize) -> i64 {
        let tag = |c: Option<Code>| c.map_or(INVALID_REGION, |c| REGION_TAG + i64::from(c.six_digits()));
        match *self {
            Values::Regions(v) => match v[i] {
                NULL_REGION => NULL_REGION,
                n => tag(Code::checked_number(n)),
            },
            Values::Numbers(n) => match n.get(i) {
                None => NULL_REGION,
                Some(Number::Int(x)) => tag(Code::checked_number(x)),
                Some(Number::UInt(x)) => i64::try_from(x).map_or(INVALID_REGION, |x| tag(Code::checked_number(x))),
                Some(Number::Float(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => tag(Code::checked_number(f as i64)),
                Some(Number::Float(_)) => INVALID_REGION,
            },
            // A JSON cell: read as a case's code is (text, or a whole number), by the same reader.
            Values::Any(v) => match cell(&v[i]) {
                None => NULL_REGION,
                Some(j) => {
                    crate::json::code_text("", &Json::from_value(j)).map_or(INVALID_REGION, |t| tag(Code::checked(&t)))
                }
            },
            Values::Text(_) | Values::Dictionary { .. } => {
                match self.read_text(i, |t| std::str::from_utf8(t).map_or(INVALID_REGION, |t| tag(Code::checked(t)))) {
                    TextCell::Absent => NULL_REGION,
                    TextCell::Value(r) => r,
                    TextCell::Outside => INVALID_REGION,
                }
            }
            _ if self.is_null(i) => NULL_REGION,
            _ => INVALID_REGION,
        }
    }

    /// Reads row `i` of a date column: a day number, [`NULL_DAY`], [`INVALID_DAY`] (a text that
    /// is no date), or a day outside the supported years (refused as such).
    #[inline]
    pub fn read_day(&self, i: usize) -> DayNum {
        match *self {
            Values::Days(v) => v[i],
            Values::Ticks { data, per_day } => match data[i] {
                i64::MIN => NULL_DAY,
                t => ticks_to_day(t, per_day),
            },
            Values::Date32 { data, validity } => {
                if valid(validity, i) {
                    data[i].max(OUT_OF_RANGE_DAY)
                } else {
                    NULL_DAY
                }
            }
            Values::Timestamps { data, per_day, validity } => {
                if valid(validity, i) {
                    ticks_to_day(data[i], per_day)
                } else {
                    NULL_DAY
                }
            }
            Values::Text(_) | Values::Dictionary { .. } => {
                match self.read_text(i, |t| std::str::from_utf8(t).ok().and_then(parse_iso).unwrap_or(INVALID_DAY)) {
                    TextCell::Absent => NULL_DAY,
                    TextCell::Value(d) => d,
                    TextCell::Outside => INVALID_DAY,
                }
            }
            Values::Any(v) => match cell(&v[i]) {
                None => NULL_DAY,
                Some(serde_json::Value::String(t)) => parse_iso(t).unwrap_or(INVALID_DAY),
                Some(_) => INVALID_DAY,
            },
            _ if self.is_null(i) => NULL_DAY,
            _ => INVALID_DAY,
        }
    }

    /// Row `i`'s span of a list column ([`Span`] into the list's values; empty when null).
    #[inline]
    pub fn read_span(&self, i: usize) -> Span {
        match *self {
            Values::Lists { offsets, validity, .. } if valid(validity, i) => {
                let (a, b) = offsets.range(i);
                Span { start: a as u32, end: b.max(a) as u32 }
            }
            _ => Span::default(),
        }
    }

    /// The days of a list column's span (each as [`Values::read_day`] reads it).
    pub fn span_days(&self, span: Span) -> impl Iterator<Item = DayNum> + '_ {
        let values = match self {
            Values::Lists { values, .. } => Some(*values),
            _ => None,
        };
        (span.start as usize..span.end as usize).filter_map(move |k| values.map(|v| v.read_day(k)))
    }

    /// Whether row `i` is null.
    #[inline]
    pub fn is_null(&self, i: usize) -> bool {
        match *self {
            Values::Bytes(v) => v[i] == NULL_CODE,
            Values::Regions(v) => v[i] == NULL_REGION,
            Values::Days(v) => v[i] == NULL_DAY,
            Values::Ticks { data, .. } => data[i] == i64::MIN,
            Values::Date32 { validity, .. }
            | Values::Timestamps { validity, .. }
            | Values::Bools { validity, .. }
            | Values::Lists { validity, .. } => !valid(validity, i),
            Values::Numbers(n) => n.get(i).is_none(),
            // An empty text is an empty cell: what a CSV reader that keeps "" (pyarrow's) gives
            // for a cell with nothing in it, read as absent like a null.
            Values::Text(_) | Values::Dictionary { .. } => matches!(self.read_text(i, |_| ()), TextCell::Absent),
            Values::Minutes(v) => v[i] == crate::batch::NULL_TIME,
            Values::Any(v) => cell(&v[i]).is_none(),
            Values::Clock { ticks, .. } => ticks.get(i).is_none(),
        }
    }

    /// Reads row `i` of a time-of-day column: minutes after midnight,
    /// [`crate::batch::NULL_TIME`], or [`INVALID_TIME`].
    #[inline]
    pub fn read_time(&self, i: usize) -> u16 {
        use crate::time::{TimeOfDay, MINUTES_PER_DAY};
        match *self {
            Values::Minutes(v) => match v[i] {
                m if m < MINUTES_PER_DAY || m == crate::batch::NULL_TIME => m,
                _ => INVALID_TIME,
            },
            Values::Clock { ticks, per_minute } => {
                let Some(t) = ticks.get(i) else { return crate::batch::NULL_TIME };
                let Some(t) = t.whole().and_then(|t| i64::try_from(t).ok()) else { return INVALID_TIME };
                let per = per_minute.max(1);
                if t.rem_euclid(per) == 0 && (0..i64::from(MINUTES_PER_DAY)).contains(&(t / per)) {
                    (t / per) as u16
                } else {
                    INVALID_TIME
                }
            }
            Values::Text(_) | Values::Dictionary { .. } => {
                let minutes = |t: &[u8]| {
                    std::str::from_utf8(t).ok().and_then(TimeOfDay::parse).map_or(INVALID_TIME, TimeOfDay::minutes)
                };
                match self.read_text(i, minutes) {
                    TextCell::Absent => crate::batch::NULL_TIME,
                    TextCell::Value(m) => m,
                    TextCell::Outside => INVALID_TIME,
                }
            }
            Values::Any(v) => match cell(&v[i]) {
                None => crate::batch::NULL_TIME,
                Some(serde_json::Value::String(t)) => TimeOfDay::parse(t).map_or(INVALID_TIME, TimeOfDay::minutes),
                Some(_) => INVALID_TIME,
            },
            _ if self.is_null(i) => crate::batch::NULL_TIME,
            _ => INVALID_TIME,
        }
    }

    /// Row `i` read as a citizen identity number: the birth day it holds ([`NULL_DAY`] when
    /// absent, [`INVALID_DAY`] for a value that is no identity number — text that fails its
    /// checks, or a number, which a case refuses too). Only the birth day is kept: the number
    /// is personal data the rules need nothing else from (RULES.md §8).
    pub fn read_id_birth(&self, i: usize) -> DayNum {
        use crate::id_number::IdNumber;
        // The fast path for a well-formed number; anything else read (and refused) by `parse`.
        let birth_of_bytes = |t: &[u8]| {
            IdNumber::birth_day_of(t).unwrap_or_else(|| {
                std::str::from_utf8(t)
                    .ok()
                    .and_then(|t| IdNumber::parse(t).ok())
                    .map_or(INVALID_DAY, |id| id.birth_day())
            })
        };
        match *self {
            Values::Text(_) | Values::Dictionary { .. } => match self.read_text(i, birth_of_bytes) {
                TextCell::Absent => NULL_DAY,
                TextCell::Value(d) => d,
                TextCell::Outside => INVALID_DAY,
            },
            Values::Any(v) => match cell(&v[i]) {
                None => NULL_DAY,
                Some(serde_json::Value::String(t)) => birth_of_bytes(t.as_bytes()),
                Some(_) => INVALID_DAY,
            },
            _ if self.is_null(i) => NULL_DAY,
            _ => INVALID_DAY,
        }
    }

    /// Row `i` as the JSON value a per-case input would hold for it (`None` when absent): words
    /// and text as strings, flags as `true`/`false` (other numbers as numbers), dates as ISO
    /// strings, numbers as numbers, lists as arrays. A column of `kind`.
    pub(crate) fn json_at(&self, i: usize, kind: &Kind) -> Option<Json> {
        if self.is_null(i) {
            return None;
        }
        let text = |t: &[u8]| Json::Str(String::from_utf8_lossy(t).into_owned());
        Some(match (kind, *self) {
            (_, Values::Any(v)) => Json::from_value(&v[i]),
            (Kind::Word(v), Values::Bytes(b)) => match b[i] {
                c if usize::from(c) < v().len() => Json::Str(v().ids[usize::from(c)].to_owned()),
                c => Json::UInt(u64::from(c)),
            },
            (Kind::Flag, Values::Bytes(b)) => match b[i] {
                0 => Json::Bool(false),
                1 => Json::Bool(true),
                c => Json::UInt(u64::from(c)),
            },
            (Kind::Flag, Values::Bools { .. }) => Json::Bool(self.read_flag(i) == 1),
            (Kind::Flag, Values::Numbers(n)) => match n.get(i)?.whole() {
                Some(0) => Json::Bool(false),
                Some(1) => Json::Bool(true),
                _ => n.get(i)?.json(),
            },
            (_, Values::Bytes(b)) => Json::UInt(u64::from(b[i])),
            (_, Values::Regions(r)) => Number::Int(r[i]).json(),
            (_, Values::Numbers(n)) => n.get(i)?.json(),
            (_, Values::Text(_) | Values::Dictionary { .. }) => self.with_text(i, text)?,
            (_, Values::Bools { .. }) => Json::Bool(self.read_flag(i) == 1),
            (_, Values::Days(_) | Values::Ticks { .. } | Values::Date32 { .. } | Values::Timestamps { .. }) => {
                day_json(self.read_day(i))
            }
            (_, Values::Minutes(m)) => match crate::time::TimeOfDay::from_minutes(m[i]) {
                Some(t) => Json::Str(t.to_string()),
                None => Json::UInt(u64::from(m[i])),
            },
            (_, Values::Clock { ticks, per_minute }) => {
                let per = per_minute.max(1);
                let t = ticks.get(i)?.whole().and_then(|t| i64::try_from(t).ok()).unwrap_or(-1);
                match u16::try_from(t / per).ok().and_then(crate::time::TimeOfDay::from_minutes) {
                    Some(time) if t % per == 0 => Json::Str(time.to_string()),
                    // A time with seconds: shown with them, which no HH:MM reader takes.
                    _ if t >= 0 => {
                        let secs = t * 60 / per;
                        Json::Str(format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60))
                    }
                    _ => Json::Str(format!("{t} ticks after midnight")),
                }
            }
            (_, Values::Lists { values, .. }) => {
                let span = self.read_span(i);
                if span.start == span.end {
                    // No dates: as absent (a row without a permit holds an empty list).
                    return None;
                }
                Json::Arr(
                    (span.start as usize..span.end as usize)
                        .map(|k| {
                            // An item holds a value: an empty text there is shown as given.
                            values.json_at(k, &Kind::Date).unwrap_or_else(|| {
                                if values.holds_empty_text(k) {
                                    Json::Str(String::new())
                                } else {
                                    Json::Null
                                }
                            })
                        })
                        .collect(),
                )
            }
        })
    }
}

/// Fills `rows[k]` with row `start + k` of `col` read by `read` (or `null` when the column is
/// absent), with tight loops for the layouts callers hand over most (the generic path reads
/// value by value).
macro_rules! each_row {
    ($rows:ident, $set:ident, $start:ident, |$i:ident| $read:expr) => {
        for (k, r) in $rows.iter_mut().enumerate() {
            let $i = $start + k;
            $set(r, $read);
        }
    };
}

/// Words by (length, first byte, last byte) in 256 slots: one look-up and one comparison a
/// value instead of a scan of the vocabulary. Built per block (256 bytes); slots two words share
/// fall back to the scan.
struct WordTable<'v> {
    vocabulary: &'v Vocabulary,
    slots: [u8; 256],
}

/// A slot shared by two words: scan the vocabulary.
const SCAN: u8 = 253;

impl<'v> WordTable<'v> {
    fn new(vocabulary: &'v Vocabulary) -> Self {
        let mut slots = [INVALID_CODE; 256];
        for (code, id) in vocabulary.ids.iter().enumerate() {
            let slot = &mut slots[Self::slot(id.as_bytes())];
            *slot = if *slot == INVALID_CODE { code as u8 } else { SCAN };
        }
        WordTable { vocabulary, slots }
    }

    #[inline(always)]
    fn slot(b: &[u8]) -> usize {
        match (b.first(), b.last()) {
            (Some(&first), Some(&last)) => Self::slot_of(b.len(), first, last),
            _ => 0,
        }
    }

    /// The slot of a text of `len` bytes from `first` to `last`.
    #[inline(always)]
    fn slot_of(len: usize, first: u8, last: u8) -> usize {
        (len.wrapping_mul(37) ^ usize::from(first).wrapping_mul(11) ^ usize::from(last)) & 255
    }

    /// The code of the word spelled by `b`, [`NULL_CODE`] for no text (an empty cell), or
    /// [`INVALID_CODE`].
    #[inline(always)]
    fn code(&self, b: &[u8]) -> u8 {
        // The empty text is tested only once a look-up has missed: words cost nothing more.
        let miss = || if b.is_empty() { NULL_CODE } else { INVALID_CODE };
        match self.slots[Self::slot(b)] {
            INVALID_CODE => miss(),
            SCAN => self.vocabulary.code_of_bytes(b).unwrap_or_else(miss),
            c => {
                if self.vocabulary.ids[usize::from(c)].as_bytes() == b {
                    c
                } else {
                    miss()
                }
            }
        }
    }
}

/// The first words of a vocabulary as the Arrow string views that hold them inline (length in
/// the low 32 bits, the bytes after it, zeros to the end), for [`gather_words`]'s comparison of
/// whole views.
struct InlineViews {
    /// One view a word, [`NO_VIEW`] for a word longer than 12 bytes.
    views: [u128; INLINE_WORDS],
}

/// How many of a vocabulary's words get a view (every vocabulary of the rule sets has fewer;
/// words past it are read by their bytes).
const INLINE_WORDS: usize = 32;

/// No view: a length of `u32::MAX` bytes, which no inline view has.
const NO_VIEW: u128 = u128::MAX;

impl InlineViews {
    fn new(vocabulary: &Vocabulary) -> Self {
        let mut views = [NO_VIEW; INLINE_WORDS];
        for (view, id) in views.iter_mut().zip(vocabulary.ids) {
            if id.len() <= 12 {
                let mut bytes = [0u8; 16];
                bytes[..4].copy_from_slice(&(id.len() as u32).to_le_bytes());
                bytes[4..4 + id.len()].copy_from_slice(id.as_bytes());
                *view = u128::from_le_bytes(bytes);
            }
        }
        InlineViews { views }
    }

    /// The code of the word view `v` holds inline, if it is one of these words written with
    /// zero padding; `None` for anything else (the caller reads the bytes).
    #[inline(always)]
    fn code(&self, table: &WordTable<'_>, v: u128) -> Option<u8> {
        let len = (v & 0xFFFF_FFFF) as usize;
        if len == 0 || len > 12 {
            return None;
        }
        let bytes = v.to_le_bytes();
        let c = table.slots[WordTable::slot_of(len, bytes[4], bytes[3 + len])];
        self.views.get(usize::from(c)).filter(|&&w| w == v).map(|_| c)
    }
}

/// The first words of a vocabulary of up to 16 bytes as 128-bit numbers (their bytes, zeros to
/// the end), for [`gather_words`]'s comparison of a text in one piece: utf8 and `large_utf8`
/// text (pandas' `str`, pyarrow's CSV reader) is read 16 bytes at a time from its data, the bytes
/// past its end masked off.
struct ShortWords {
    /// One number a word.
    bits: [u128; INLINE_WORDS],
    /// Each word's length in bytes, 0 for a word longer than 16 (no text of 0 bytes is compared).
    lens: [u8; INLINE_WORDS],
}

/// The low `n` bytes of a 128-bit number, by `n` (a table: shifting a 128-bit number by a
/// variable amount takes several instructions).
const TEXT_MASKS: [u128; 17] = {
    let mut masks = [u128::MAX; 17];
    let mut n = 0;
    while n < 16 {
        masks[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

impl ShortWords {
    fn new(vocabulary: &Vocabulary) -> Self {
        let (mut bits, mut lens) = ([0u128; INLINE_WORDS], [0u8; INLINE_WORDS]);
        for ((b, l), id) in bits.iter_mut().zip(&mut lens).zip(vocabulary.ids) {
            if id.len() <= 16 {
                let mut bytes = [0u8; 16];
                bytes[..id.len()].copy_from_slice(id.as_bytes());
                *b = u128::from_le_bytes(bytes);
                *l = id.len() as u8;
            }
        }
        ShortWords { bits, lens }
    }

    /// The code of the word `data[start..end]` spells, if it is one of these words and 16 bytes
    /// can be read from `start`; `None` for anything else (the caller reads the bytes: a text
    /// near the end of the data, a longer one, a miss).
    #[inline(always)]
    fn code(&self, table: &WordTable<'_>, data: &[u8], start: usize, end: usize) -> Option<u8> {
        let len = end.checked_sub(start)?;
        if len == 0 || len > 16 {
            return None;
        }
        let chunk: [u8; 16] = data.get(start..start.checked_add(16)?)?.try_into().ok()?;
        // The bytes past the text masked off.
        let x = u128::from_le_bytes(chunk) & TEXT_MASKS[len];
        let c = table.slots[WordTable::slot_of(len, chunk[0], chunk[len - 1])];
        let k = usize::from(c);
        (k < INLINE_WORDS && usize::from(self.lens[k]) == len && self.bits[k] == x).then_some(c)
    }
}

/// Calls `f` with the bytes string view `v` holds: inline, or in `buffers` (`None` when it points
/// outside them). Arrow's view layout, little-endian: length in bytes 0..4; up to 12 bytes inline
/// in bytes 4..16; longer strings: buffer index in bytes 8..12, offset in 12..16. A short view's
/// bytes live in the view itself, hence the callback.
#[inline(always)]
fn view_with<R>(v: u128, buffers: &[&[u8]], f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    let len = (v & 0xFFFF_FFFF) as usize;
    if len <= 12 {
        Some(f(&v.to_le_bytes()[4..4 + len]))
    } else {
        let buffer = ((v >> 64) & 0xFFFF_FFFF) as usize;
        let offset = (v >> 96) as usize;
        buffers.get(buffer).and_then(|b| b.get(offset..offset.checked_add(len)?)).map(f)
    }
}

/// `code` when `bit` is 1, [`NULL_CODE`] when 0, without a branch.
#[inline(always)]
fn select_code(bit: u8, code: u8) -> u8 {
    let keep = bit.wrapping_neg();
    (code & keep) | (NULL_CODE & !keep)
}

/// Gathers a word column into rows: codes, [`NULL_CODE`] or [`INVALID_CODE`].
#[inline]
pub fn gather_words<R>(
    col: Option<Values<'_>>,
    start: usize,
    rows: &mut [R],
    vocabulary: &Vocabulary,
    set: impl Fn(&mut R, u8),
) {
    let n = vocabulary.len();
    match col {
        None => rows.iter_mut().for_each(|r| set(r, NULL_CODE)),
        Some(Values::Bytes(v)) => {
            let v = &v[start..start + rows.len()];
            rows.iter_mut()
                .zip(v)
                .for_each(|(r, &c)| set(r, if usize::from(c) < n || c == NULL_CODE { c } else { INVALID_CODE }));
        }
        Some(Values::Text(TextColumn { text: Text::Views { views, buffers }, validity })) => {
            // Arrow string views (polars' `String`): a word of up to 12 bytes is compared as the
            // whole 16-byte view it would be, one comparison in place of taking the bytes out and
            // comparing them (a `memcmp` call). Any other view — a longer text, padding that is
            // not zero, a miss — is read as its bytes, as before.
            let table = WordTable::new(vocabulary);
            let inline = InlineViews::new(vocabulary);
            with_bits(validity, start, rows, |rows, first, bits| {
                for ((r, &v), &b) in rows.iter_mut().zip(&views[first..first + bits.len()]).zip(bits) {
                    let c = inline
                        .code(&table, v)
                        .unwrap_or_else(|| view_with(v, buffers, |t| table.code(t)).unwrap_or(INVALID_CODE));
                    set(r, select_code(b, c));
                }
            });
        }
        Some(Values::Text(TextColumn { text: Text::Offsets { offsets, data }, validity })) => {
            // utf8 and large_utf8 (pandas' `str`): a word of up to 16 bytes compared in one piece
            // (see `ShortWords`), in place of a call comparing bytes; anything else by its bytes.
            let table = WordTable::new(vocabulary);
            let short = ShortWords::new(vocabulary);
            let code_of_bytes = |b: Option<&[u8]>| b.map_or(INVALID_CODE, |b| table.code(b));
            macro_rules! offsets {
                ($o:expr) => {
                    with_bits(validity, start, rows, |rows, first, bits| {
                        let o = &$o[first..=first + bits.len()];
                        for (k, (r, &b)) in rows.iter_mut().zip(bits).enumerate() {
                            let (s, e) = (o[k].max(0) as usize, o[k + 1].max(0) as usize);
                            let c = short.code(&table, data, s, e).unwrap_or_else(|| code_of_bytes(data.get(s..e)));
                            set(r, select_code(b, c));
                        }
                    })
                };
            }
            match offsets {
                Offsets::I32(o) => offsets!(o),
                Offsets::I64(o) => offsets!(o),
            }
        }
        Some(Values::Dictionary { keys, values }) if values.rows() <= 256 && keys.is_integer() => {
            // The dictionary's words mapped once per block; each row is then one look-up.
            let mut lut = [INVALID_CODE; 257];
            let table = WordTable::new(vocabulary);
            for (k, slot) in lut.iter_mut().enumerate().take(values.rows()) {
                // A null entry, like an empty one, is an absent value.
                *slot = if valid(values.validity, k) {
                    values.with(k, |t| table.code(t)).unwrap_or(INVALID_CODE)
                } else {
                    NULL_CODE
                };
            }
            let d = values.rows();
            let validity = keys.validity;
            macro_rules! keyed {
                ($k:expr) => {{
                    with_bits(validity, start, rows, |rows, first, bits| {
                        let k = &$k[first..first + rows.len()];
                        for ((r, &key), &b) in rows.iter_mut().zip(k).zip(bits) {
                            let code =
                                usize::try_from(key).ok().filter(|&key| key < d).map_or(INVALID_CODE, |key| lut[key]);
                            set(r, select_code(b, code));
                        }
                    })
                }};
            }
            // One-byte keys index a 256-entry table directly (no conversion, no range test):
            // entries past the dictionary are invalid, and so are those a negative `i8` key
            // lands on (128..256 as a byte; such a key reaches no dictionary entry).
            macro_rules! byte_keyed {
                ($k:expr, $reach:expr) => {{
                    let mut table = [INVALID_CODE; 256];
                    table[..d.min($reach)].copy_from_slice(&lut[..d.min($reach)]);
                    with_bits(validity, start, rows, |rows, first, bits| {
                        let k = &$k[first..first + rows.len()];
                        for ((r, &key), &b) in rows.iter_mut().zip(k).zip(bits) {
                            set(r, select_code(b, table[usize::from(key as u8)]));
                        }
                    })
                }};
            }
            match keys.values {
                Numbers::I8(k) => byte_keyed!(k, 128),
                Numbers::U8(k) => byte_keyed!(k, 256),
                Numbers::I16(k) => keyed!(k),
                Numbers::I32(k) => keyed!(k),
                Numbers::I64(k) => keyed!(k),
                Numbers::U16(k) => keyed!(k),
                Numbers::U32(k) => keyed!(k),
                Numbers::U64(k) => keyed!(k),
                Numbers::F32(_) | Numbers::F64(_) => {
                    each_row!(rows, set, start, |i| Values::Dictionary { keys, values }.read_word(i, vocabulary));
                }
            }
        }
        Some(c) => each_row!(rows, set, start, |i| c.read_word(i, vocabulary)),
    }
}

/// Gathers a flag column into rows: `0`, `1`, [`NULL_CODE`] or [`INVALID_CODE`].
#[inline]
pub fn gather_flags<R>(col: Option<Values<'_>>, start: usize, rows: &mut [R], set: impl Fn(&mut R, u8)) {
    match col {
        None => rows.iter_mut().for_each(|r| set(r, NULL_CODE)),
        Some(Values::Bytes(v)) => {
            let v = &v[start..start + rows.len()];
            rows.iter_mut().zip(v).for_each(|(r, &b)| set(r, if b <= 1 || b == NULL_CODE { b } else { INVALID_CODE }));
        }
        Some(Values::Bools { bits, offset, validity: None, .. }) => {
            // The values are a bitmap too: unpacked as validity is.
            with_bits(Some(Validity { bits, offset }), start, rows, |rows, _, bits| {
                rows.iter_mut().zip(bits).for_each(|(r, &b)| set(r, b));
            });
        }
        Some(c) => each_row!(rows, set, start, |i| c.read_flag(i)),
    }
}

/// Gathers a division-code column into rows: `REGION_TAG + six digits`, [`NULL_REGION`] or
/// [`INVALID_REGION`].
#[inline]
pub fn gather_regions<R>(col: Option<Values<'_>>, start: usize, rows: &mut [R], set: impl Fn(&mut R, i64)) {
    match col {
        None => rows.iter_mut().for_each(|r| set(r, NULL_REGION)),
        Some(Values::Numbers(NumberColumn { values: Numbers::I64(v), validity })) => {
            // Codes as 64-bit integers (numpy, pandas, Arrow): a tight loop.
            let tag = |c: Option<Code>| c.map_or(INVALID_REGION, |c| REGION_TAG + i64::from(c.six_digits()));
            // Six digits (nearly every code held) by one range test, with no call: `checked_number`
            // reads the rest (longer codes by their first six digits, and bad ones).
            let read =
                |x: i64| if (100_000..=999_999).contains(&x) { REGION_TAG + x } else { tag(Code::checked_number(x)) };
            with_bits(validity, start, rows, |rows, first, bits| {
                for ((r, &x), &b) in rows.iter_mut().zip(&v[first..first + bits.len()]).zip(bits) {
                    set(r, if b != 0 { read(x) } else { NULL_REGION });
                }
            });
        }
        Some(c) => each_row!(rows, set, start, |i| c.read_region(i)),
    }
}

/// `day` when `bit` is 1, [`NULL_DAY`] when 0, without a branch.
#[inline(always)]
fn select_day(bit: u8, day: DayNum) -> DayNum {
    let keep = -i32::from(bit);
    (day & keep) | (NULL_DAY & !keep)
}

/// Gathers a date column into rows: day numbers, [`NULL_DAY`], [`INVALID_DAY`] or a day outside
/// the supported years.
#[inline]
pub fn gather_days<R>(col: Option<Values<'_>>, start: usize, rows: &mut [R], set: impl Fn(&mut R, DayNum)) {
    let end = start + rows.len();
    match col {
        None => rows.iter_mut().for_each(|r| set(r, NULL_DAY)),
        Some(Values::Days(d)) => rows.iter_mut().zip(&d[start..end]).for_each(|(r, &v)| set(r, v)),
        Some(Values::Date32 { data, validity: None }) => {
            rows.iter_mut().zip(&data[start..end]).for_each(|(r, &v)| set(r, v.max(OUT_OF_RANGE_DAY)));
        }
        Some(Values::Date32 { data, validity: Some(v) }) => {
            with_bits(Some(v), start, rows, |rows, first, bits| {
                for ((r, &d), &b) in rows.iter_mut().zip(&data[first..first + bits.len()]).zip(bits) {
                    set(r, select_day(b, d.max(OUT_OF_RANGE_DAY)));
                }
            });
        }
        Some(Values::Ticks { data, per_day } | Values::Timestamps { data, per_day, .. }) => {
            let data = &data[start..end];
            let nat = matches!(col, Some(Values::Ticks { .. }));
            let validity = match col {
                Some(Values::Timestamps { validity, .. }) => validity,
                _ => None,
            };
            // numpy's and Arrow's units, with constant divisors (a multiply, not a division, per
            // value); the validity bitmap, when there is one, read in the same loop.
            macro_rules! unit {
                ($k:expr) => {
                    match validity {
                        None => rows.iter_mut().zip(data).for_each(|(r, &v)| {
                            set(r, if nat && v == i64::MIN { NULL_DAY } else { ticks_to_day(v, $k) })
                        }),
                        Some(valid) => with_bits(Some(valid), start, rows, |rows, first, bits| {
                            let data = &data[first - start..first - start + rows.len()];
                            for ((r, &v), &b) in rows.iter_mut().zip(data).zip(bits) {
                                set(r, select_day(b, ticks_to_day(v, $k)));
                            }
                        }),
                    }
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
        Some(c) => each_row!(rows, set, start, |i| c.read_day(i)),
    }
}

/// Gathers a small whole-number column (`min..=max`) into rows.
#[inline]
pub fn gather_wholes<R>(
    col: Option<Values<'_>>,
    start: usize,
    rows: &mut [R],
    min: u64,
    max: u64,
    set: impl Fn(&mut R, u8),
) {
    let end = start + rows.len();
    let ok = |v: i128| if v >= i128::from(min) && v <= i128::from(max) && v < 254 { v as u8 } else { INVALID_CODE };
    match col {
        None => rows.iter_mut().for_each(|r| set(r, NULL_CODE)),
        Some(Values::Bytes(v)) => {
            // Small numbers as bytes (numpy `uint8` with the null marker, the C and Rust batch
            // callers' layout): a tight loop, as `read_whole` reads them.
            // One store of a selected value per row, not a branch on it: the null marker and
            // the numbers are mixed at random in real columns, so a branch would mispredict.
            rows.iter_mut().zip(&v[start..end]).for_each(|(r, &b)| {
                let read = ok(i128::from(b));
                set(r, if b == NULL_CODE { NULL_CODE } else { read });
            });
        }
        Some(Values::Numbers(NumberColumn { values: Numbers::I64(v), validity })) => {
            // Nullable integers (pandas `Int64`, Arrow `int64`): a tight loop, `ok`'s test in
            // 64 bits as one unsigned comparison (`lo..=hi`: min..=max below 254; empty when
            // lo > hi, which no x passes).
            let (lo, hi) = (min.min(254) as i64, max.min(253) as i64);
            let span = hi.wrapping_sub(lo) as u64;
            let read = |x: i64| {
                if lo <= hi && (x.wrapping_sub(lo) as u64) <= span {
                    x as u8
                } else {
                    INVALID_CODE
                }
            };
            with_bits(validity, start, rows, |rows, first, bits| {
                for ((r, &x), &b) in rows.iter_mut().zip(&v[first..first + bits.len()]).zip(bits) {
                    set(r, if b != 0 { read(x) } else { NULL_CODE });
                }
            });
        }
        Some(c) => each_row!(rows, set, start, |i| c.read_whole(i, min, max)),
    }
}

/// Gathers a list column's spans into rows.
#[inline]
pub fn gather_spans<R>(col: Option<Values<'_>>, start: usize, rows: &mut [R], set: impl Fn(&mut R, Span)) {
    match col {
        None => rows.iter_mut().for_each(|r| set(r, Span::default())),
        Some(c) => each_row!(rows, set, start, |i| c.read_span(i)),
    }
}

/// Gathers a time-of-day column into rows.
#[inline]
pub fn gather_times<R>(col: Option<Values<'_>>, start: usize, rows: &mut [R], set: impl Fn(&mut R, u16)) {
    match col {
        None => rows.iter_mut().for_each(|r| set(r, crate::batch::NULL_TIME)),
        Some(c) => each_row!(rows, set, start, |i| c.read_time(i)),
    }
}

/// [`gather_days`] for a column of citizen identity numbers: each row's birth day (see
/// [`Values::read_id_birth`]).
pub fn gather_id_births<R>(col: Option<Values<'_>>, start: usize, rows: &mut [R], set: impl Fn(&mut R, DayNum)) {
    match col {
        None => rows.iter_mut().for_each(|r| set(r, NULL_DAY)),
        Some(c) => each_row!(rows, set, start, |i| c.read_id_birth(i)),
    }
}

/// Builds the JSON case of one batch row: `as_of`, the batch's `policy`, and the row's fields
/// placed by their dotted paths (`person.permit.issued_on` inside `person.permit`).
pub(crate) fn row_case(as_of: DayNum, policy: Json, fields: Vec<(&'static str, Json)>) -> Json {
    fn insert(obj: &mut Vec<(String, Json)>, path: &[&str], value: Json) {
        let Some((&first, rest)) = path.split_first() else { return };
        if rest.is_empty() {
            obj.push((first.to_owned(), value));
            return;
        }
        if !obj.iter().any(|(k, _)| k == first) {
            obj.push((first.to_owned(), Json::Obj(Vec::new())));
        }
        if let Some((_, Json::Obj(inner))) = obj.iter_mut().find(|(k, _)| k == first) {
            insert(inner, rest, value);
        }
    }
    let mut top = vec![("as_of".to_owned(), Json::Str(format_iso(as_of))), ("policy".to_owned(), policy)];
    top.push(("person".to_owned(), Json::Obj(Vec::new())));
    for (path, value) in fields {
        let parts: Vec<&str> = path.split('.').collect();
        insert(&mut top, &parts, value);
    }
    Json::Obj(top)
}

/// A day as the ISO text a per-case input would carry (a day beyond four-digit years as a text
/// no date reader takes).
fn day_json(d: DayNum) -> Json {
    if d == OUT_OF_RANGE_DAY {
        return Json::Str("beyond the supported dates".to_owned());
    }
    let (y, _, _) = to_ymd(d);
    if (0..=9999).contains(&y) {
        Json::Str(format_iso(d))
    } else {
        let (y, m, day) = to_ymd(d);
        Json::Str(format!("{y}-{m:02}-{day:02}"))
    }
}

impl Vocabulary {
    /// The code of the word spelled by `bytes`.
    #[inline]
    pub fn code_of_bytes(&self, bytes: &[u8]) -> Option<u8> {
        self.ids.iter().position(|id| id.as_bytes() == bytes).map(|i| i as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::from_ymd;

    #[test]
    fn validity_bits_are_read_least_significant_first() {
        let v = Validity { bits: &[0b0000_0101, 0b1], offset: 0 };
        assert!(v.is_valid(0) && !v.is_valid(1) && v.is_valid(2) && v.is_valid(8) && !v.is_valid(9));
        assert!(v.cut(2).is_valid(0) && !v.cut(3).is_valid(0));
        assert!(!v.is_valid(100), "beyond the bitmap: null");
    }

    #[test]
    fn bits_unpacked_eight_at_a_time_are_the_bits() {
        // A bitmap of mixed bytes; every offset in a byte, starts inside and across chunks, lengths
        // up to past the bitmap's end (bits beyond it read as 0, as `bit` reads them).
        let bytes: Vec<u8> = (0..90u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        for offset in 0..9 {
            let v = Validity { bits: &bytes, offset };
            for start in [0, 1, 7, 8, 13, 250, 256, 300] {
                for len in [0, 1, 7, 8, 9, 255, 256, 257, 600] {
                    let mut rows = vec![9u8; len];
                    with_bits(Some(v), start, &mut rows, |rows, _, bits| rows.copy_from_slice(bits));
                    let expected: Vec<u8> = (start..start + len).map(|i| v.bit(i)).collect();
                    assert_eq!(rows, expected, "offset {offset}, start {start}, {len} rows");
                }
            }
        }
        let mut rows = vec![9u8; 300];
        with_bits(None, 5, &mut rows, |rows, _, bits| rows.copy_from_slice(bits));
        assert!(rows.iter().all(|&b| b == 1), "no bitmap: every row holds a value");
        // The gathers that read bits this way agree with per-row reads on long, offset columns.
        let days: Vec<i32> = (0..700).map(|i| i * 37 - 9_000).collect();
        let ints: Vec<i64> = (0..700).map(|i| [210_102, 2, 0, 110_105][i % 4]).collect();
        let vocab = <crate::rules::liaoning_2013::Accommodation as crate::vocab::Word>::vocabulary();
        let words: Vec<&str> = (0..700).map(|i| ["hotel", "school", "nope", "", "residence"][i % 5]).collect();
        let text = words.concat();
        let mut offsets = vec![0i32];
        for w in &words {
            offsets.push(offsets[offsets.len() - 1] + w.len() as i32);
        }
        let views: Vec<u128> = words.iter().map(|w| view(w, 0, 0)).collect();
        for offset in [0, 3] {
            let validity = Some(Validity { bits: &bytes, offset });
            let date_col = Values::Date32 { data: &days, validity };
            let bool_col = Values::Bools { bits: &bytes, offset, validity: None, len: 700 };
            let int_col = Values::Numbers(NumberColumn { values: Numbers::I64(&ints), validity });
            let text_col = Values::Text(TextColumn {
                text: Text::Offsets { offsets: Offsets::I32(&offsets), data: text.as_bytes() },
                validity,
            });
            let view_col = Values::Text(TextColumn { text: Text::Views { views: &views, buffers: &[] }, validity });
            for start in [0, 3, 299] {
                let n = 700 - start;
                for (c, col) in [text_col, view_col].iter().enumerate() {
                    let mut got = vec![0u8; n];
                    gather_words(Some(*col), start, &mut got, vocab, |r, v| *r = v);
                    let expected: Vec<u8> = (start..700).map(|i| col.read_word(i, vocab)).collect();
                    assert_eq!(got, expected, "text column {c} from row {start}");
                }
                let mut got = vec![0i32; n];
                gather_days(Some(date_col), start, &mut got, |r, v| *r = v);
                assert_eq!(got, (start..700).map(|i| date_col.read_day(i)).collect::<Vec<_>>());
                let mut got = vec![0u8; n];
                gather_flags(Some(bool_col), start, &mut got, |r, v| *r = v);
                assert_eq!(got, (start..700).map(|i| bool_col.read_flag(i)).collect::<Vec<_>>());
                let mut got = vec![0u8; n];
                gather_wholes(Some(int_col), start, &mut got, 1, 3, |r, v| *r = v);
                assert_eq!(got, (start..700).map(|i| int_col.read_whole(i, 1, 3)).collect::<Vec<_>>());
                let mut got = vec![0i64; n];
                gather_regions(Some(int_col), start, &mut got, |r, v| *r = v);
                assert_eq!(got, (start..700).map(|i| int_col.read_region(i)).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn an_empty_text_is_an_absent_value() {
        // What pyarrow's CSV reader gives for an empty cell of a text column: "", not null.
        let data = b"floating2024-10-08";
        let offsets = [0i32, 0, 8, 18, 18];
        let t =
            Values::Text(TextColumn { text: Text::Offsets { offsets: Offsets::I32(&offsets), data }, validity: None });
        let vocab = <crate::rules::liaoning_2013::Category as crate::vocab::Word>::vocabulary();
        for i in [0, 3] {
            assert!(t.is_null(i), "row {i}");
            assert_eq!(t.read_word(i, vocab), NULL_CODE);
            assert_eq!(t.read_day(i), NULL_DAY);
            assert_eq!(t.read_region(i), NULL_REGION);
            assert_eq!(t.read_time(i), crate::batch::NULL_TIME);
            assert_eq!(t.read_flag(i), NULL_CODE);
            assert_eq!(t.read_whole(i, 1, 3), NULL_CODE);
            assert_eq!(t.json_at(i, &Kind::Date), None);
        }
        assert!(!t.is_null(1) && t.read_word(1, vocab) == 2 && t.read_day(2) == from_ymd(2024, 10, 8));
        let mut got = [9u8; 4];
        gather_words(Some(t), 0, &mut got, vocab, |r, v| *r = v);
        assert_eq!(got, [NULL_CODE, 2, INVALID_CODE, NULL_CODE]);
        // A dictionary whose entries include "" and a null: both absent, by key.
        let keys = [0i32, 1, 2, 1];
        let entries = b"floating";
        let entry_offsets = [0i32, 8, 8, 8];
        let nulls = [0b011u8];
        let values = TextColumn {
            text: Text::Offsets { offsets: Offsets::I32(&entry_offsets), data: entries },
            validity: Some(Validity { bits: &nulls, offset: 0 }),
        };
        let d = Values::Dictionary { keys: NumberColumn { values: Numbers::I32(&keys), validity: None }, values };
        let mut got = [9u8; 4];
        gather_words(Some(d), 0, &mut got, vocab, |r, v| *r = v);
        assert_eq!(got, [2, NULL_CODE, NULL_CODE, NULL_CODE]);
        assert_eq!((0..4).map(|i| d.read_word(i, vocab)).collect::<Vec<_>>(), got);
        assert_eq!((0..4).map(|i| d.is_null(i)).collect::<Vec<_>>(), [false, true, true, true]);
        // JSON cells (object columns) too.
        let cells = [serde_json::json!(""), serde_json::json!("floating")];
        let a = Values::Any(&cells);
        assert!(a.is_null(0) && !a.is_null(1));
        assert_eq!((a.read_word(0, vocab), a.read_day(0), a.read_region(0)), (NULL_CODE, NULL_DAY, NULL_REGION));
        assert_eq!(
            (a.read_flag(0), a.read_whole(0, 1, 3), a.read_time(0)),
            (NULL_CODE, NULL_CODE, crate::batch::NULL_TIME)
        );
    }

    #[test]
    fn text_words_and_dates_are_read() {
        let data = b"floatinglodging2024-10-08nope";
        let offsets = [0i32, 8, 15, 25, 29];
        let t =
            Values::Text(TextColumn { text: Text::Offsets { offsets: Offsets::I32(&offsets), data }, validity: None });
        let vocab = <crate::rules::liaoning_2013::Category as crate::vocab::Word>::vocabulary();
        assert_eq!(t.read_word(0, vocab), 2);
        assert_eq!(t.read_word(1, vocab), 1);
        assert_eq!(t.read_word(3, vocab), INVALID_CODE);
        assert_eq!(t.read_day(2), from_ymd(2024, 10, 8));
        assert_eq!(t.read_day(3), INVALID_DAY);
        assert_eq!(t.cut(1, 3).read_word(0, vocab), 1);
        assert_eq!(t.json_at(3, &Kind::Date), Some(Json::Str("nope".into())));
    }

    #[test]
    fn numbers_flags_and_regions() {
        let n = Values::Numbers(NumberColumn { values: Numbers::F64(&[1.0, 0.0, 2.0, f64::NAN, 0.5]), validity: None });
        assert_eq!((0..5).map(|i| n.read_flag(i)).collect::<Vec<_>>(), [1, 0, INVALID_CODE, NULL_CODE, INVALID_CODE]);
        assert_eq!(n.read_whole(0, 1, 3), 1);
        assert_eq!(n.read_whole(2, 1, 3), 2);
        assert_eq!(n.read_whole(4, 1, 3), INVALID_CODE);
        assert_eq!(n.json_at(0, &Kind::Flag), Some(Json::Bool(true)));
        assert_eq!(n.json_at(4, &Kind::Flag), Some(Json::Float(0.5)));
        assert_eq!(n.json_at(2, &Kind::Flag), Some(Json::UInt(2)));
        let r = Values::Regions(&[210_102, 21, NULL_REGION]);
        assert_eq!(r.read_region(0), REGION_TAG + 210_102);
        assert_eq!(r.read_region(1), INVALID_REGION);
        assert_eq!(r.read_region(2), NULL_REGION);
        let b =
            Values::Bools { bits: &[0b10], offset: 0, len: 3, validity: Some(Validity { bits: &[0b011], offset: 0 }) };
        assert_eq!([b.read_flag(0), b.read_flag(1), b.read_flag(2)], [0, 1, NULL_CODE]);
    }

    #[test]
    fn dictionaries_map_keys_to_words() {
        let data = b"hotelresidence";
        let offsets = [0i32, 5, 14];
        let values = TextColumn { text: Text::Offsets { offsets: Offsets::I32(&offsets), data }, validity: None };
        let keys =
            NumberColumn { values: Numbers::I8(&[1, 0, 1]), validity: Some(Validity { bits: &[0b011], offset: 0 }) };
        let d = Values::Dictionary { keys, values };
        let vocab = <crate::rules::liaoning_2013::Accommodation as crate::vocab::Word>::vocabulary();
        assert_eq!([d.read_word(0, vocab), d.read_word(1, vocab), d.read_word(2, vocab)], [0, 1, NULL_CODE]);
    }

    /// An Arrow string view of `s`: inline up to 12 bytes, else its prefix and where it lies.
    fn view(s: &str, buffer: u32, offset: u32) -> u128 {
        let b = s.as_bytes();
        let mut bytes = [0u8; 16];
        bytes[..4].copy_from_slice(&(b.len() as u32).to_le_bytes());
        if b.len() <= 12 {
            bytes[4..4 + b.len()].copy_from_slice(b);
        } else {
            bytes[4..8].copy_from_slice(&b[..4]);
            bytes[8..12].copy_from_slice(&buffer.to_le_bytes());
            bytes[12..16].copy_from_slice(&offset.to_le_bytes());
        }
        u128::from_le_bytes(bytes)
    }

    proptest::proptest! {
        /// Words in string views, gathered (whole views compared where they can be) as they are
        /// read row by row: every word of the vocabulary, texts sharing a word's look-up slot,
        /// padding that is not zero, empty texts, texts in buffers and past them, nulls.
        #[test]
        fn word_views_gather_as_they_read(
            picks in proptest::collection::vec((0usize..12, 0usize..8, proptest::bool::ANY), 1..300),
            start_at in 0usize..300,
        ) {
            let vocab = <crate::rules::liaoning_2013::Accommodation as crate::vocab::Word>::vocabulary();
            let buffer: &[u8] = b"relief_stationhotel_and_more";
            let views: Vec<u128> = picks
                .iter()
                .map(|&(kind, w, _)| {
                    let word = vocab.ids[w % vocab.len()];
                    match kind {
                        0..=4 => view(word, 0, 0),
                        // Same length, first and last byte as a word: its slot, not the word.
                        5 if word.len() > 2 => {
                            let mut b = word.as_bytes().to_vec();
                            b[1] ^= 0x20;
                            view(std::str::from_utf8(&b).unwrap_or("x"), 0, 0)
                        }
                        // A word with bytes that are not zero in its padding.
                        6 if word.len() < 12 => view(word, 0, 0) | (0xAB << 120),
                        7 => view("", 0, 0),
                        8 => view("relief_station", 0, 0),
                        9 => view("hotel_and_more", 0, 14),
                        10 => view("relief_station", 1, 0),
                        _ => view("hotel", 0, 0) | (1 << 127),
                    }
                })
                .collect();
            let bits: Vec<u8> = picks
                .chunks(8)
                .map(|c| c.iter().enumerate().fold(0u8, |m, (i, p)| m | (u8::from(!p.2) << i)))
                .collect();
            for validity in [None, Some(Validity { bits: &bits, offset: 0 })] {
                let col = Values::Text(TextColumn { text: Text::Views { views: &views, buffers: &[buffer] }, validity });
                let start = start_at % views.len();
                let mut rows = vec![0u8; views.len() - start];
                gather_words(Some(col), start, &mut rows, vocab, |r, v| *r = v);
                let expected: Vec<u8> = (start..views.len()).map(|i| col.read_word(i, vocab)).collect();
                proptest::prop_assert_eq!(rows, expected);
            }
        }
    }

    proptest::proptest! {
        /// Words in utf8 and large_utf8 text, gathered (16 bytes at a time where they can be)
        /// as they are read row by row: every word of the vocabulary, texts sharing a word's
        /// look-up slot, words with bytes after them, empty and long texts, offsets past the
        /// data or backwards, nulls, rows near the end of the data.
        #[test]
        fn word_texts_gather_as_they_read(
            picks in proptest::collection::vec((0usize..10, 0usize..8, proptest::bool::ANY), 1..300),
            start_at in 0usize..300,
            wide in proptest::bool::ANY,
        ) {
            let vocab = <crate::rules::liaoning_2013::Accommodation as crate::vocab::Word>::vocabulary();
            let (mut data, mut offsets) = (Vec::new(), vec![0i64]);
            for &(kind, w, _) in &picks {
                let word = vocab.ids[w % vocab.len()];
                let text: Vec<u8> = match kind {
                    0..=4 => word.into(),
                    5 if word.len() > 2 => {
                        let mut b = word.as_bytes().to_vec();
                        b[1] ^= 0x20;
                        b
                    }
                    6 => [word, "s"].concat().into(),
                    7 if w % 2 == 0 => Vec::new(),
                    7 => [word, "\0"].concat().into(),
                    8 => "a_text_longer_than_sixteen_bytes".into(),
                    _ => word.as_bytes()[..word.len() - 1].to_vec(),
                };
                data.extend_from_slice(&text);
                offsets.push(data.len() as i64);
            }
            // One row pointing past the data, one backwards.
            if picks.len() > 3 {
                offsets[1] = data.len() as i64 + 5;
                offsets[3] = 0;
            }
            let narrow: Vec<i32> = offsets.iter().map(|&o| o as i32).collect();
            let bits: Vec<u8> = picks
                .chunks(8)
                .map(|c| c.iter().enumerate().fold(0u8, |m, (i, p)| m | (u8::from(!p.2) << i)))
                .collect();
            let offsets = if wide { Offsets::I64(&offsets) } else { Offsets::I32(&narrow) };
            for validity in [None, Some(Validity { bits: &bits, offset: 0 })] {
                let col = Values::Text(TextColumn { text: Text::Offsets { offsets, data: &data }, validity });
                let start = start_at % picks.len();
                let mut rows = vec![0u8; picks.len() - start];
                gather_words(Some(col), start, &mut rows, vocab, |r, v| *r = v);
                let expected: Vec<u8> = (start..picks.len()).map(|i| col.read_word(i, vocab)).collect();
                proptest::prop_assert_eq!(rows, expected);
            }
        }
    }

    /// The one-piece comparison is what reads a word with other text after it (the common case:
    /// every word but the table's last), and leaves to the bytes what it cannot read so.
    #[test]
    fn short_words_are_compared_in_one_piece() {
        let vocab = <crate::rules::liaoning_2013::Accommodation as crate::vocab::Word>::vocabulary();
        let (table, short) = (WordTable::new(vocab), ShortWords::new(vocab));
        let hotel = vocab.code_of_bytes(b"hotel");
        let data = b"hotelresidencehotel\0hotexhotel";
        assert_eq!(short.code(&table, data, 0, 5), hotel, "a word with text after it");
        assert_eq!(short.code(&table, data, 14, 19), hotel);
        assert_eq!(short.code(&table, data, 5, 14), vocab.code_of_bytes(b"residence"));
        assert_eq!(short.code(&table, data, 14, 20), None, "\"hotel\\0\" is not \"hotel\"");
        assert_eq!(short.code(&table, data, 20, 25), None, "a look-alike");
        assert_eq!(short.code(&table, data, 25, 30), None, "too near the end of the data: read by its bytes");
        assert_eq!(short.code(&table, data, 5, 5), None, "empty");
        assert_eq!(short.code(&table, data, 9, 5), None, "backwards");
        // A text that is a word and NUL bytes masks to the word's bits: the length tells them
        // apart ("relative\0" shares "relative"'s slot).
        let vocab = <crate::rules::liaoning_2013::Declarant as crate::vocab::Word>::vocabulary();
        let (table, short) = (WordTable::new(vocab), ShortWords::new(vocab));
        let data = b"relative\0 and text after it";
        assert_eq!(WordTable::slot(b"relative\0"), WordTable::slot(b"relative"));
        assert_eq!(short.code(&table, data, 0, 9), None);
        assert_eq!(short.code(&table, data, 0, 8), vocab.code_of_bytes(b"relative"));
    }

    #[test]
    fn string_views_inline_and_in_buffers() {
        let buffer: &[u8] = b"xxrelief_station";
        let views = [view("hotel", 0, 0), view("relief_station", 0, 2), view("relief_station", 1, 0)];
        let t = Values::Text(TextColumn { text: Text::Views { views: &views, buffers: &[buffer] }, validity: None });
        let vocab = <crate::rules::liaoning_2013::Accommodation as crate::vocab::Word>::vocabulary();
        assert_eq!(t.read_word(0, vocab), 1);
        assert_eq!(t.read_word(1, vocab), 5);
        assert!(
            t.check(
                "accommodation",
                &Kind::Word(<crate::rules::liaoning_2013::Accommodation as crate::vocab::Word>::vocabulary)
            )
            .is_err(),
            "a view into a missing buffer is malformed"
        );
        assert!(t.cut(0, 2).check("accommodation", &Kind::Text).is_ok());
    }

    /// Layouts that do not hold their rows are refused by `check`, naming the column, before any
    /// row is read: bits or validity bitmaps shorter than the rows (read past their end they
    /// would panic, or be taken for nulls), keys outside the dictionary, ticks of no length.
    #[test]
    fn layouts_that_do_not_hold_their_rows_are_refused() {
        let flag = Kind::Flag;
        let bools = |bits: &'static [u8], offset, len, validity| Values::Bools { bits, offset, len, validity };
        let whole = Validity { bits: &[0xFF; 4], offset: 0 };
        let refused = |v: Values<'_>, kind: &Kind| v.check("c", kind).map_err(|e| e.message().to_owned()).err();
        assert_eq!(
            refused(bools(&[0xFF], 0, 20, Some(whole)), &flag).as_deref(),
            Some("its bits are fewer than its rows")
        );
        assert_eq!(refused(bools(&[0xFF], 0, 8, None), &flag), None);
        assert!(refused(bools(&[0xFF], 1, 8, None), &flag).is_some(), "bit offset 1 needs a ninth bit");
        assert!(refused(bools(&[0xFF; 3], 0, 20, None), &flag).is_none());
        let short = Validity { bits: &[0xFF], offset: 4 };
        assert_eq!(
            refused(bools(&[0xFF; 3], 0, 20, Some(short)), &flag).as_deref(),
            Some("its validity bitmap is shorter than its rows")
        );
        let days: &[i32] = &[1; 9];
        assert!(refused(
            Values::Date32 { data: days, validity: Some(Validity { bits: &[0xFF], offset: 0 }) },
            &Kind::Date
        )
        .is_some());
        assert!(refused(
            Values::Date32 { data: days, validity: Some(Validity { bits: &[0xFF; 2], offset: 7 }) },
            &Kind::Date
        )
        .is_none());
        let ticks: &[i64] = &[0, 1];
        for per_day in [0, -5] {
            let e = refused(Values::Timestamps { data: ticks, per_day, validity: None }, &Kind::Date).unwrap();
            assert_eq!(e, format!("has {per_day} ticks a day (at least 1)"));
            assert!(refused(Values::Ticks { data: ticks, per_day }, &Kind::Date).is_some());
        }
        let clock = NumberColumn { values: Numbers::I64(ticks), validity: None };
        assert!(refused(Values::Clock { ticks: clock, per_minute: 0 }, &Kind::Time).is_some());
        // Keys: a valid row's key must lie in the dictionary; a null row's key may be anything.
        let words = TextColumn {
            text: Text::Offsets { offsets: Offsets::I32(&[0, 5, 10]), data: b"hotelschool" },
            validity: None,
        };
        let word = Kind::Word(<crate::rules::liaoning_2013::Accommodation as crate::vocab::Word>::vocabulary);
        let dict = |keys: &'static [i8], validity| Values::Dictionary {
            keys: NumberColumn { values: Numbers::I8(keys), validity },
            values: words,
        };
        assert!(refused(dict(&[0, 1, 1, 0], None), &word).is_none());
        assert_eq!(refused(dict(&[0, 2, 1], None), &word).as_deref(), Some("a key points outside its dictionary"));
        assert!(refused(dict(&[0, -1, 1], None), &word).is_some());
        let second_null = Some(Validity { bits: &[0b101], offset: 0 });
        assert!(refused(dict(&[0, -1, 1], second_null), &word).is_none(), "a null row's key is not read");
        assert!(refused(dict(&[0, 1, 9], second_null), &word).is_some());
    }

    #[test]
    fn lists_of_dates() {
        let days = Values::Date32 { data: &[10, 20, 30], validity: None };
        let lists = Values::Lists { offsets: Offsets::I32(&[0, 2, 2, 3]), values: &days, validity: None };
        assert_eq!(lists.span_days(lists.read_span(0)).collect::<Vec<_>>(), [10, 20]);
        assert_eq!(lists.span_days(lists.read_span(1)).count(), 0);
        assert_eq!(lists.cut(2, 3).span_days(lists.cut(2, 3).read_span(0)).collect::<Vec<_>>(), [30]);
        assert!(lists.check("endorsed", &Kind::Dates).is_ok());
        assert!(Values::Bytes(&[1]).check("endorsed", &Kind::Dates).is_err());
    }

    /// Long columns (several chunks, validity at odd bit offsets) of one-byte dictionary keys and
    /// 64-bit whole numbers: the table and range fast paths agree with the per-row readers.
    #[test]
    fn long_byte_keys_and_wholes_agree_with_per_row_reads() {
        let vocab = <crate::rules::liaoning_2013::Accommodation as crate::vocab::Word>::vocabulary();
        let words = ["hotel", "school", "nope", "residence", "hospital"];
        let mut data = Vec::new();
        let mut offsets = vec![0i32];
        for w in words {
            data.extend_from_slice(w.as_bytes());
            offsets.push(data.len() as i32);
        }
        let dict = TextColumn { text: Text::Offsets { offsets: Offsets::I32(&offsets), data: &data }, validity: None };
        let n = 700;
        let mix = |i: usize| (i * 7919 + 13) % 263;
        let signed: Vec<i8> = (0..n).map(|i| (mix(i) as i64 - 131).clamp(-128, 127) as i8).map(|k| k % 7).collect();
        let bytes: Vec<u8> = (0..n).map(|i| (mix(i) % 9) as u8).collect();
        let ints: Vec<i64> = (0..n).map(|i| mix(i) as i64 - 5).chain([i64::MIN, i64::MAX, 253, 254, 255]).collect();
        let bits: Vec<u8> = (0..n / 8 + 2).map(|i| (i * 37 + 11) as u8).collect();
        for offset in [0, 3] {
            let validity = Some(Validity { bits: &bits, offset });
            let columns = [
                Values::Dictionary { keys: NumberColumn { values: Numbers::I8(&signed), validity }, values: dict },
                Values::Dictionary {
                    keys: NumberColumn { values: Numbers::I8(&signed), validity: None },
                    values: dict,
                },
                Values::Dictionary { keys: NumberColumn { values: Numbers::U8(&bytes), validity }, values: dict },
            ];
            for (c, col) in columns.iter().enumerate() {
                for start in [0, 1, 129, 300] {
                    let mut rows = vec![0u8; n - start];
                    gather_words(Some(*col), start, &mut rows, vocab, |r, v| *r = v);
                    let expected: Vec<u8> = (start..n).map(|i| col.read_word(i, vocab)).collect();
                    assert_eq!(rows, expected, "keys {c}, offset {offset}, from row {start}");
                }
            }
            let col = Values::Numbers(NumberColumn { values: Numbers::I64(&ints[..n]), validity });
            let tail = Values::Numbers(NumberColumn { values: Numbers::I64(&ints), validity: None });
            for (min, max) in [(1, 3), (0, 253), (0, 254), (0, u64::MAX), (200, 300), (254, 255), (3, 1), (0, 0)] {
                for (col, len) in [(col, n), (tail, ints.len())] {
                    for start in [0, 5, 257] {
                        let mut rows = vec![0u8; len - start];
                        gather_wholes(Some(col), start, &mut rows, min, max, |r, v| *r = v);
                        let expected: Vec<u8> = (start..len).map(|i| col.read_whole(i, min, max)).collect();
                        assert_eq!(rows, expected, "wholes in {min}..={max}, offset {offset}, from row {start}");
                    }
                }
            }
        }
    }

    /// The tight gather loops give exactly what the per-row readers give, on every layout they
    /// take (nulls, unknown words, malformed offsets and views, keys out of range, odd bit
    /// offsets), from any start row.
    #[test]
    fn gathers_agree_with_per_row_reads() {
        let vocab = <crate::rules::liaoning_2013::Accommodation as crate::vocab::Word>::vocabulary();
        let words = ["hotel", "", "relief_station", "Hotel", "residence", "hotelx", "school", "training"];
        let mut data = Vec::new();
        let mut offsets = vec![0i32];
        for w in words {
            data.extend_from_slice(w.as_bytes());
            offsets.push(data.len() as i32);
        }
        let mut bad = offsets.clone();
        bad[3] = 1000; // row 2 points past the data, row 3 is backwards
        let offsets64: Vec<i64> = offsets.iter().map(|&o| i64::from(o)).collect();
        let validity = Some(Validity { bits: &[0b1011_0111, 0xFF], offset: 1 });
        let long: &[u8] = b"relief_station";
        let views: Vec<u128> = words.iter().map(|w| view(w, 0, 0)).chain([view("relief_station", 3, 0)]).collect();
        let buffers: &[&[u8]] = &[long];
        let text = |text: Text<'static>, validity| TextColumn { text, validity };
        let texts: Vec<TextColumn> = vec![
            text(Text::Offsets { offsets: Offsets::I32(offsets.clone().leak()), data: data.clone().leak() }, None),
            text(Text::Offsets { offsets: Offsets::I32(offsets.clone().leak()), data: data.clone().leak() }, validity),
            text(Text::Offsets { offsets: Offsets::I32(bad.leak()), data: data.clone().leak() }, None),
            text(Text::Offsets { offsets: Offsets::I64(offsets64.leak()), data: data.clone().leak() }, validity),
            text(Text::Views { views: views[..8].to_vec().leak(), buffers: buffers.to_vec().leak() }, validity),
            text(Text::Views { views: views.clone().leak(), buffers: buffers.to_vec().leak() }, None),
        ];
        let mut columns: Vec<Values> = texts.iter().map(|&t| Values::Text(t)).collect();
        let signed_keys: &[i8] = &[0, 1, 2, -1, 7, 3, 2, 0];
        let wide_keys: &[u32] = &[0, 1, 2, 9, 7, 3, 2, 0];
        let byte_keys: &[u8] = &[6, 5, 4, 3, 2, 1, 0, 7];
        for t in &texts[..2] {
            columns.push(Values::Dictionary {
                keys: NumberColumn { values: Numbers::I8(signed_keys), validity: None },
                values: *t,
            });
            columns.push(Values::Dictionary {
                keys: NumberColumn { values: Numbers::U32(wide_keys), validity },
                values: *t,
            });
            columns.push(Values::Dictionary {
                keys: NumberColumn { values: Numbers::U8(byte_keys), validity },
                values: *t,
            });
        }
        let n = words.len();
        for (c, col) in columns.iter().enumerate() {
            for start in 0..n {
                let mut rows = vec![0u8; n - start];
                gather_words(Some(*col), start, &mut rows, vocab, |r, v| *r = v);
                let expected: Vec<u8> = (start..n).map(|i| col.read_word(i, vocab)).collect();
                assert_eq!(rows, expected, "column {c} from row {start}");
            }
        }
        let days: &[i32] = &[0, -1, i32::MIN, 20_000, i32::MIN + 1, 5, 6, 7];
        let ticks: &[i64] = &[0, -1, i64::MIN, 86_400_000_000 * 20_000, i64::MAX, -86_400_000_000 * 3 - 1, 6, 7];
        let ints: &[i64] = &[1, 2, 3, 0, 4, 254, -1, 210_102];
        let dates = [
            Values::Date32 { data: days, validity: None },
            Values::Date32 { data: days, validity },
            Values::Timestamps { data: ticks, per_day: 86_400_000_000, validity },
            Values::Timestamps { data: ticks, per_day: 86_400_000_000, validity: None },
            Values::Timestamps { data: ticks, per_day: 7, validity },
            Values::Ticks { data: ticks, per_day: 1 },
        ];
        let numbers = [
            Values::Numbers(NumberColumn { values: Numbers::I64(ints), validity: None }),
            Values::Numbers(NumberColumn { values: Numbers::I64(ints), validity }),
        ];
        for start in 0..n {
            for (c, col) in dates.iter().enumerate() {
                let mut rows = vec![0i32; n - start];
                gather_days(Some(*col), start, &mut rows, |r, v| *r = v);
                assert_eq!(rows, (start..n).map(|i| col.read_day(i)).collect::<Vec<_>>(), "dates {c} from row {start}");
            }
            for (c, col) in numbers.iter().enumerate() {
                let mut rows = vec![0u8; n - start];
                gather_wholes(Some(*col), start, &mut rows, 1, 3, |r, v| *r = v);
                assert_eq!(rows, (start..n).map(|i| col.read_whole(i, 1, 3)).collect::<Vec<_>>(), "wholes {c}");
                let mut rows = vec![0i64; n - start];
                gather_regions(Some(*col), start, &mut rows, |r, v| *r = v);
                assert_eq!(rows, (start..n).map(|i| col.read_region(i)).collect::<Vec<_>>(), "regions {c}");
            }
        }
        // Whole numbers as bytes: every byte, for ranges inside, at and beyond the markers.
        let bytes: Vec<u8> = (0..=255).collect();
        let col = Values::Bytes(&bytes);
        for (min, max) in [(1, 3), (0, 253), (0, 254), (0, u64::MAX), (200, 300), (254, 255), (3, 1)] {
            for start in [0, 1, 250] {
                let mut rows = vec![0u8; bytes.len() - start];
                gather_wholes(Some(col), start, &mut rows, min, max, |r, v| *r = v);
                let expected: Vec<u8> = (start..bytes.len()).map(|i| col.read_whole(i, min, max)).collect();
                assert_eq!(rows, expected, "bytes as wholes in {min}..={max} from row {start}");
            }
        }
    }
}
