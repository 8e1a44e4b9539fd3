//! Assessing whole populations: the columns every rule set's batch engine reads and writes.
//!
//! Input columns are read in place, as the caller holds them ([`crate::values::Values`]: numpy
//! arrays with sentinels, Arrow arrays with validity bitmaps — words as text, dictionaries or
//! codes, dates as day numbers, ticks or ISO text); [`NULL_DAY`], [`NULL_CODE`], [`NULL_REGION`]
//! and [`NULL_TIME`] mark absent values in rows, and a missing column means "absent" for every
//! row. Each rule set declares its columns once (`rules/<id>/record.rs`, see
//! [`crate::record`]) and runs every row through exactly the validation and rules of a per-case
//! assessment. The engines: [`crate::rules::liaoning_2013::batch`] and
//! [`crate::rules::china_2016::batch`].

use crate::calendar::Calendar;
use crate::case::Policy;
use crate::date::DayNum;
use crate::division::Code;
use crate::error::CaseError;
use crate::json::Json;
use crate::values::{INVALID_REGION, REGION_TAG};
use crate::vocab::Word;
use std::sync::Mutex;

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

/// Reads a row's division code: absent, a code already read from the caller's values (see
/// [`REGION_TAG`]), or a number given directly (checked here).
///
/// # Errors
/// A number that is no division code, or a value that was unreadable, naming `field`.
#[inline(always)]
pub fn row_region(field: &str, v: i64) -> Result<Option<Code>, CaseError> {
    // Inlined into the rules' loop (two a row), with everything but the common cases in a cold
    // function: called, it cost 32 instructions a row, most of them moving the result.
    match v {
        NULL_REGION => Ok(None),
        v if (REGION_TAG..=REGION_TAG + 999_999).contains(&v) => Ok(Code::from_six_digits((v - REGION_TAG) as u32)),
        // Six digits given as a number (the C struct's rows): a code as it stands.
        100_000..=999_999 => Ok(Code::from_six_digits(v as u32)),
        v => given_region(field, v),
    }
}

/// A division code given as a number of other than six digits, or one that was unreadable (the
/// uncommon cases of [`row_region`]).
#[cold]
#[inline(never)]
fn given_region(field: &str, v: i64) -> Result<Option<Code>, CaseError> {
    match v {
        INVALID_REGION => Err(unreadable_region(field)),
        v => Code::from_number(v).map(Some).map_err(|r| CaseError::at(field, r)),
    }
}

#[cold]
#[inline(never)]
fn unreadable_region(field: &str) -> CaseError {
    CaseError::new(
        field,
        "is not a GB/T 2260 division code (6 or more digits)",
        "不是有效的 GB/T 2260 行政区划代码（应为至少 6 位数字）",
    )
}

/// An output column of a batch, owned (see [`crate::record::Column`] for what it holds).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Owned {
    /// Word codes ([`crate::vocab::Word::code`]) or flags (`0`/`1`); [`NULL_CODE`] is null.
    Codes(Vec<u8>),
    /// Day numbers since 1970-01-01; [`NULL_DAY`] is null.
    Days(Vec<DayNum>),
    /// Word sets of up to 16 words: bit `k` is the word of code `k`.
    Bits16(Vec<u16>),
    /// Word sets of up to 32 words.
    Bits32(Vec<u32>),
    /// Word sets of up to 64 words.
    Bits64(Vec<u64>),
    /// Whole numbers; `u32::MAX` is null.
    Wholes(Vec<u32>),
    /// Times of day, minutes after midnight; [`NULL_TIME`] is null.
    Times(Vec<u16>),
}

/// A batch's answer, as the bindings take it: every output column in table order, and the
/// refused rows (index, error) in row order. A refused row is null in every column (word-set
/// columns hold no bits).
#[derive(Clone, Debug)]
pub struct Output {
    /// The columns, each with its table entry.
    pub columns: Vec<(&'static crate::record::Column, Owned)>,
    /// Refused rows.
    pub errors: Vec<(usize, CaseError)>,
}

/// Reads a batch's `policy` object with the reader of cases, the rule set named in it (if any)
/// checked against the engine's.
pub(crate) fn batch_policy(
    rule_set: crate::rules::RuleSet,
    policy: Option<&serde_json::Value>,
) -> Result<Option<Json>, CaseError> {
    let Some(p) = policy.filter(|p| !p.is_null()) else { return Ok(None) };
    let j = Json::from_value(p);
    if let Json::Obj(entries) = &j {
        // A null rule set counts as absent, as in a case.
        if let Some((_, v)) = entries.iter().find(|(k, v)| k == "rule_set" && !matches!(v, Json::Null)) {
            let named: crate::rules::RuleSet = crate::json::word("policy.rule_set", v)?;
            if named != rule_set {
                return Err(CaseError::new(
                    "policy.rule_set",
                    format!("names {}, but the batch runs under {}", named.id(), rule_set.id()),
                    format!("指定的是 {}，但本批次按 {} 评估", named.id(), rule_set.id()),
                ));
            }
        }
    }
    Ok(Some(j))
}

/// The rule set a batch runs under: `named` (a caller's `rule_set=` argument, refused at
/// `rule_set` if unknown), or the `policy` object's `rule_set` (read as a case's, at
/// `policy.rule_set`; null counts as absent), or the default. Both given must agree.
///
/// # Errors
/// An unknown rule set, a `policy.rule_set` that is not a rule set's id, or the two disagreeing.
///
/// ```
/// use juzhu::batch::rule_set_of;
/// use juzhu::RuleSet;
/// let policy = serde_json::json!({"rule_set": "china-2016"});
/// assert_eq!(rule_set_of(None, Some(&policy)).unwrap(), RuleSet::China2016);
/// assert_eq!(rule_set_of(None, None).unwrap(), RuleSet::default());
/// let e = rule_set_of(Some("liaoning-2013"), Some(&policy)).unwrap_err();
/// assert_eq!(e.field(), "policy.rule_set");
/// ```
pub fn rule_set_of(
    named: Option<&str>,
    policy: Option<&serde_json::Value>,
) -> Result<crate::rules::RuleSet, CaseError> {
    use crate::rules::RuleSet;
    let named = named
        .map(|id| {
            RuleSet::from_id(id)
                .ok_or_else(|| CaseError::at("rule_set", crate::vocab::UnknownWord::of::<RuleSet>(id).reason()))
        })
        .transpose()?;
    let in_policy = match policy.and_then(|p| p.get("rule_set")).filter(|v| !v.is_null()) {
        Some(v) => Some(crate::json::word::<RuleSet>("policy.rule_set", &Json::from_value(v))?),
        None => None,
    };
    match (named, in_policy) {
        (Some(a), Some(b)) if a != b => Err(CaseError::new(
            "policy.rule_set",
            format!("names {}, but the call asks for rule_set {}", b.id(), a.id()),
            format!("指定的是 {}，但调用时要求的 rule_set 为 {}", b.id(), a.id()),
        )),
        (a, b) => Ok(a.or(b).unwrap_or_default()),
    }
}

/// The case one batch row stands for: `row` holds the row's cells by batch column name (those of
/// `RuleSet::fields`, as a table handed to a batch names them), each as the JSON value it holds
/// (null or the empty text: absent); the rule set is chosen as a batch chooses it ([`rule_set_of`]) and `as_of`
/// is ISO text. Assessed, the case gives the row's batch answer with its explanation: what an
/// analyst asks of a row the batch answered. Flags held as the numbers 0 and 1 are read as a
/// batch reads a numeric flag column.
///
/// ```
/// use serde_json::json;
/// let row = [("category", json!("floating")), ("arrival_date", json!("2024-09-28")),
///            ("permit_validity_years", json!(null)), ("studying", json!(0))];
/// let case = juzhu::batch::case_of_row(None, None, "2024-10-02", &row).unwrap();
/// assert_eq!(juzhu::assess(&case).unwrap().to_value()["registration"]["deadline"], "2024-10-08");
/// let e = juzhu::batch::case_of_row(None, None, "2024-10-02", &[("categry", json!("floating"))]).unwrap_err();
/// assert!(e.message().starts_with("is not an input column (did you mean category?)"));
/// ```
///
/// # Errors
/// An unknown, foreign or repeated column (in a batch's words), a rule set or `as_of` that is
/// refused, or the case refused as its JSON would be.
pub fn case_of_row(
    rule_set: Option<&str>,
    policy: Option<&serde_json::Value>,
    as_of: &str,
    row: &[(&str, serde_json::Value)],
) -> Result<crate::Case, CaseError> {
    let rs = rule_set_of(rule_set, policy)?;
    let as_of = crate::date::read_iso("as_of", as_of)?;
    let columns: Vec<&crate::record::Field> = rs.fields().iter().filter(|f| f.column.is_some()).collect();
    let mut fields: Vec<(&'static str, Json)> = Vec::with_capacity(row.len());
    let mut seen: Vec<(&'static str, &str)> = Vec::with_capacity(row.len());
    for (name, value) in row {
        let Some(field) = columns.iter().find(|f| f.takes_column(name)) else {
            let known: Vec<&str> = columns.iter().filter_map(|f| f.column).collect();
            return Err(crate::record::unknown_column(name, &known, foreign_column(rs, name)));
        };
        // A column named twice, or by its name and a Chinese header.
        if let Some((_, first)) = seen.iter().find(|(path, _)| *path == field.path) {
            return Err(CaseError::repeated_column(name, first));
        }
        seen.push((field.path, name));
        let value = match (&field.kind, value) {
            // A null cell is an absent field, as in a batch (a null permit column does not make
            // a permit).
            (_, serde_json::Value::Null) => continue,
            // So is an empty text: an empty cell, as pyarrow's CSV reader keeps it.
            (_, serde_json::Value::String(t)) if t.is_empty() => continue,
            // An empty list of dates is none given, as in a batch (no permit is made of it).
            (crate::record::Kind::Dates, serde_json::Value::Array(items)) if items.is_empty() => continue,
            (crate::record::Kind::Flag, serde_json::Value::Number(n)) if n.as_f64() == Some(0.0) => Json::Bool(false),
            (crate::record::Kind::Flag, serde_json::Value::Number(n)) if n.as_f64() == Some(1.0) => Json::Bool(true),
            (_, v) => Json::from_value(v),
        };
        fields.push((field.path, value));
    }
    let mut policy = match policy.map(Json::from_value) {
        Some(Json::Obj(entries)) => entries,
        Some(other) => {
            return Err(CaseError::new(
                "policy",
                format!("expected an object, found {}", other.kind()),
                format!("应为对象，{}", other.found_zh()),
            ))
        }
        None => Vec::new(),
    };
    policy.retain(|(k, _)| k != "rule_set");
    policy.insert(0, ("rule_set".to_owned(), Json::Str(rs.id().to_owned())));
    crate::case::read(&crate::values::row_case(as_of, Json::Obj(policy), fields), rs)
}

/// Why a batch column `name` is refused by the engine of `rule_set`, if it is another rule
/// set's column.
pub(crate) fn foreign_column(rule_set: crate::rules::RuleSet, name: &str) -> Option<crate::Reason> {
    crate::rules::RuleSet::ALL
        .iter()
        .copied()
        .filter(|&rs| rs != rule_set)
        .find(|rs| rs.fields().iter().any(|f| f.takes_column(name)))
        .map(|owner| {
            crate::Reason::new(
                format!("is a column of rule set {}, not of {} (the batch's rule set)", owner.id(), rule_set.id()),
                format!("是规则集 {} 的列，不属于本批次的规则集 {}", owner.id(), rule_set.id()),
            )
        })
}

/// Where a row's dates lie in a list column's values: `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// First value.
    pub start: u32,
    /// One past the last value.
    pub end: u32,
}

/// The refusal of a batch row whose values could not all be read: the row's values are put into
/// the JSON case they stand for (`fields` by path, beside `as_of` and the batch's `policy`) and
/// that case is read and assessed, so the row is refused for the reason, and in the words, a
/// JSON case with the same values gets. `None` if that case is accepted after all (the caller
/// keeps its own error).
#[cold]
#[inline(never)]
pub(crate) fn refusal_of(
    as_of: DayNum,
    policy: Json,
    fields: Vec<(&'static str, Json)>,
    cal: &Calendar,
) -> Option<CaseError> {
    let case = crate::values::row_case(as_of, policy, fields);
    match crate::case::read(&case, crate::RuleSet::default()) {
        Err(e) => Some(e),
        Ok(c) => crate::rules::assess(&c, cal).err(),
    }
}

/// The shared policy settings as the JSON a case carries, with the rule set named.
pub(crate) fn policy_json(rule_set: crate::rules::RuleSet, policy: Policy) -> Vec<(String, Json)> {
    vec![
        ("rule_set".to_owned(), Json::Str(rule_set.id().to_owned())),
        ("day_counting".to_owned(), Json::Str(policy.day_counting.id().to_owned())),
        ("age".to_owned(), Json::Str(policy.age.id().to_owned())),
    ]
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
    let failed = || Err(CaseError::new("", "a worker thread failed", "工作线程异常终止"));
    let results = on_threads(parts, |(first, len, part)| work(first, len, part));
    let mut errors = Vec::new();
    for r in results {
        errors.extend(r.unwrap_or_else(failed)?);
    }
    Ok(errors)
}

/// Runs `work` on every part, each on a scoped thread of its own, and gives the results in the
/// parts' order (`None` for a part whose worker panicked). A part whose thread cannot be started
/// (a process or container at its thread limit) runs on the calling thread instead, so the
/// answer is the same and nothing panics or prints. The batch engines and the C batch use it.
pub fn on_threads<P: Send, R: Send>(parts: Vec<P>, work: impl Fn(P) -> R + Sync) -> Vec<Option<R>> {
    // Each part waits in a slot: its worker takes it, or the calling thread when no worker started.
    let slots: Vec<Mutex<Option<P>>> = parts.into_iter().map(|p| Mutex::new(Some(p))).collect();
    let run = |slot: &Mutex<Option<P>>| slot.lock().map_or(None, |mut s| s.take()).map(&work);
    let run = &run;
    std::thread::scope(|s| {
        let handles: Vec<_> =
            slots.iter().map(|slot| std::thread::Builder::new().spawn_scoped(s, move || run(slot))).collect();
        handles
            .into_iter()
            .zip(&slots)
            .map(|(h, slot)| match h {
                Ok(h) => h.join().ok().flatten(),
                Err(_) => run(slot),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_threads_answers_in_the_parts_order_and_marks_a_panicking_part() {
        let out = on_threads((0..8).collect(), |k: u32| k * k);
        assert_eq!(out, (0..8).map(|k| Some(k * k)).collect::<Vec<_>>());
        let out = on_threads(vec![1, 0, 2], |k: u32| {
            assert!(k != 0, "a worker that fails");
            k
        });
        assert_eq!(out, [Some(1), None, Some(2)]);
    }
    use crate::values::Values;
    use crate::RuleSet;

    /// The refusal of a malformed batch, in Chinese.
    fn refused(
        rule_set: RuleSet,
        len: usize,
        columns: &[(&str, Values<'_>)],
        policy: Option<&serde_json::Value>,
    ) -> String {
        let engine = rule_set.batch().unwrap();
        let as_of = crate::date::from_ymd(2024, 10, 2);
        match engine.assess(len, columns, as_of, policy, Calendar::china(), 1) {
            Ok(_) => panic!("accepted"),
            Err(e) => e.to_string_in(crate::Lang::Zh),
        }
    }

    #[test]
    fn malformed_batches_are_refused_in_chinese_too() {
        let days = [crate::date::from_ymd(2024, 9, 28); 2];
        let col = Values::Days(&days);
        let l = RuleSet::from_id("liaoning-2013").unwrap();
        let e = refused(l, 2, &[("nope", col)], None);
        assert!(e.starts_with("nope：是未知的输入列；可用的列为 category、overseas、"), "{e}");
        assert_eq!(
            refused(l, 2, &[("residing_since", col)], None),
            "residing_since：是规则集 china-2016 的列，不属于本批次的规则集 liaoning-2013"
        );
        assert_eq!(refused(l, 2, &[("arrival_date", col), ("arrival_date", col)], None), "arrival_date：重复出现");
        assert_eq!(refused(l, 3, &[("arrival_date", col)], None), "arrival_date：有 2 行，应为 3 行");
        let flags = [1u8, 0];
        assert_eq!(
            refused(RuleSet::from_id("china-2016").unwrap(), 2, &[("permit_endorsed_on", Values::Bytes(&flags))], None),
            "permit_endorsed_on：包含的是字节值，不能读作日期列表列（每行应为一组日期）"
        );
        let policy = serde_json::json!({"rule_set": "china-2016"});
        assert_eq!(
            refused(l, 2, &[("arrival_date", col)], Some(&policy)),
            "policy.rule_set：指定的是 china-2016，但本批次按 liaoning-2013 评估"
        );
        let e = rule_set_of(Some("liaoning-2013"), Some(&policy)).unwrap_err();
        assert_eq!(e.message_zh(), "指定的是 china-2016，但调用时要求的 rule_set 为 liaoning-2013");
        let e = rule_set_of(Some("hebei"), None).unwrap_err();
        assert_eq!(e.to_string_in(crate::Lang::Zh), "rule_set：\"hebei\" 不是 liaoning-2013、china-2016 之一");
        assert_eq!(
            row_region("hukou_region", 21).unwrap_err().message_zh(),
            "\"21\" 不是有效的 GB/T 2260 行政区划代码（应为至少 6 位数字）"
        );
        assert_eq!(
            row_region("hukou_region", crate::values::INVALID_REGION).unwrap_err().message_zh(),
            "不是有效的 GB/T 2260 行政区划代码（应为至少 6 位数字）"
        );
    }

    /// Every way a row holds a division code, the inlined common cases and the cold rest alike,
    /// read as `Code::from_number` reads the number.
    #[rstest::rstest]
    #[case::absent(NULL_REGION, Ok(None))]
    #[case::read_from_text(crate::values::REGION_TAG + 210_102, Ok(Some(210_102)))]
    #[case::read_leading_zeros(crate::values::REGION_TAG + 21, Ok(Some(21)))]
    #[case::six_digits(210_102, Ok(Some(210_102)))]
    #[case::lowest_six(100_000, Ok(Some(100_000)))]
    #[case::highest_six(999_999, Ok(Some(999_999)))]
    #[case::twelve_digits(210_102_001_001, Ok(Some(210_102)))]
    #[case::seven_digits(1_000_000, Ok(Some(100_000)))]
    #[case::five_digits(99_999, Err("\"99999\" is not a GB/T 2260 division code (6 or more digits)"))]
    #[case::negative(-210_102, Err("\"-210102\" is not a GB/T 2260 division code (6 or more digits)"))]
    #[case::unreadable(crate::values::INVALID_REGION, Err("is not a GB/T 2260 division code (6 or more digits)"))]
    fn a_rows_division_code_is_read_in_every_form(#[case] v: i64, #[case] want: Result<Option<u32>, &str>) {
        let got = row_region("person.hukou_region", v).map(|c| c.map(Code::six_digits));
        match want {
            Ok(code) => assert_eq!(got, Ok(code)),
            Err(message) => {
                let e = got.clone().unwrap_err();
                assert_eq!((e.field(), e.message()), ("person.hukou_region", message));
            }
        }
        if let Ok(code) = got {
            // A number outside the tagged range means what the per-case reading makes of it.
            if v >= 0 {
                assert_eq!(code, Code::from_number(v).ok().map(Code::six_digits));
            }
        }
    }

    #[test]
    fn an_identity_number_given_as_a_division_code_is_refused_masked() {
        let e = row_region("person.hukou_region", 210_102_199_001_011_018).unwrap_err();
        assert!(!e.message().contains("210102199001011018"), "{}", e.message());
        assert!(e.message().contains("210102********1018"), "{}", e.message());
    }
}
