//! Reading the contract's JSON with a path for every error.
//!
//! The JSON is first parsed into [`Json`], a tree that keeps every key of an object in order
//! (so a duplicate key is seen, not silently dropped); readers then walk it field by field,
//! refusing unknown fields and naming the dotted path of whatever is wrong. The rule sets'
//! readers (`rules/<id>/input.rs`) are built from the pieces here.

use crate::date::to_naive;
use crate::error::{CaseError, Reason};
use crate::id_number::IdNumber;
use crate::privacy::{key as show_key, quote, quote_zh};
use crate::vocab::Word;
use chrono::NaiveDate;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A parsed JSON value whose objects keep duplicate keys.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Int(_) | Json::UInt(_) | Json::Float(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }

    /// What kind of value this is, in Chinese (as [`Json::kind`]).
    pub(crate) fn kind_zh(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true 或 false",
            Json::Int(_) | Json::UInt(_) | Json::Float(_) => "数字",
            Json::Str(_) => "字符串",
            Json::Arr(_) => "数组",
            Json::Obj(_) => "对象",
        }
    }

    /// `实为…`: what was found instead, in Chinese, for messages of the shape `应为字符串，实为数字`
    /// (a space before an ASCII word: `实为 null`, `实为 true 或 false`).
    pub(crate) fn found_zh(&self) -> String {
        let kind = self.kind_zh();
        let sep = if kind.starts_with(|c: char| c.is_ascii()) { " " } else { "" };
        ["实为", sep, kind].concat()
    }

    /// Converts a `serde_json::Value` (which cannot hold duplicate keys).
    pub(crate) fn from_value(v: &serde_json::Value) -> Json {
        use serde_json::Value as V;
        match v {
            V::Null => Json::Null,
            V::Bool(b) => Json::Bool(*b),
            V::Number(n) => {
                if let Some(u) = n.as_u64() {
                    Json::UInt(u)
                } else if let Some(i) = n.as_i64() {
                    Json::Int(i)
                } else {
                    Json::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            V::String(s) => Json::Str(s.clone()),
            V::Array(a) => Json::Arr(a.iter().map(Json::from_value).collect()),
            V::Object(o) => Json::Obj(o.iter().map(|(k, v)| (k.clone(), Json::from_value(v))).collect()),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
                Ok(Json::Bool(b))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Json, E> {
                Ok(if i >= 0 { Json::UInt(i as u64) } else { Json::Int(i) })
            }
            fn visit_u64<E>(self, u: u64) -> Result<Json, E> {
                Ok(Json::UInt(u))
            }
            fn visit_f64<E>(self, f: f64) -> Result<Json, E> {
                Ok(Json::Float(f))
            }
            fn visit_str<E>(self, s: &str) -> Result<Json, E> {
                Ok(Json::Str(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Json, E> {
                Ok(Json::Str(s))
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_none<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
                Json::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::Arr(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Json>()? {
                    entries.push((k, v));
                }
                Ok(Json::Obj(entries))
            }
        }
        d.deserialize_any(V)
    }
}

// The deepest nesting read is `crate::MAX_JSON_DEPTH`: it keeps the parser's recursion within a
// few kilobytes of stack (`serde_json`'s own limit, 128 levels, takes about 64 KB), so that hostile
// input cannot overflow the small stack of a caller's thread.
use crate::MAX_JSON_DEPTH as MAX_DEPTH;

/// The refusal of input nested deeper than [`MAX_DEPTH`] (`line`: where, when read from text).
pub(crate) fn too_deep(line: Option<usize>) -> CaseError {
    let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
    let at_zh = line.map(|l| format!("（第 {l} 行）")).unwrap_or_default();
    CaseError::new(
        "",
        format!("not valid input: arrays and objects nested more than {MAX_DEPTH} deep{at}"),
        format!("不是有效的输入：数组和对象嵌套超过 {MAX_DEPTH} 层{at_zh}"),
    )
}

/// Refuses input nested deeper than [`MAX_DEPTH`], before it is parsed. Counting the brackets
/// first (a vectorised pass) leaves almost every input without the exact scan.
fn check_depth(bytes: &[u8]) -> Result<(), CaseError> {
    if bytes.iter().filter(|&&b| b == b'[' || b == b'{').count() <= MAX_DEPTH {
        return Ok(());
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (at, &b) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    // Once, on the refusal path: not worth a byte-counting crate.
                    #[allow(clippy::naive_bytecount)]
                    let line = 1 + bytes[..at].iter().filter(|&&c| c == b'\n').count();
                    return Err(too_deep(Some(line)));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Parses JSON text into a [`Json`] tree; the error has an empty field.
pub(crate) fn parse(text: &str) -> Result<Json, CaseError> {
    // A leading byte-order mark is ignored (RFC 8259 §8.1 allows it; Windows editors write one),
    // as the command line's reader does, so every face reads the same files.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_depth(text.as_bytes())?;
    serde_json::from_str(text).map_err(|e| not_json(&e))
}

/// Parses JSON bytes (checked to be UTF-8 by `serde_json`).
pub(crate) fn parse_bytes(bytes: &[u8]) -> Result<Json, CaseError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    check_depth(bytes)?;
    serde_json::from_slice(bytes).map_err(|e| not_json(&e))
}

/// The refusal of text that is not JSON: `serde_json`'s words in English, and in Chinese what
/// went wrong where (its words are English only).
#[cold]
fn not_json(e: &serde_json::Error) -> CaseError {
    CaseError::new("", format!("not valid JSON: {e}"), format!("不是有效的 JSON：{}", syntax_zh(e)))
}

/// What a `serde_json` error says, in Chinese: the kind of fault and where it lies (`第 1 行第 5
/// 列语法错误（此处应为 `,` 或 `}`）`, `输入在第 3 行第 1 列意外结束`).
pub fn syntax_zh(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let at = match (e.line(), e.column()) {
        (0, _) => String::new(),
        // Before the line's first character (the end of input after a line break).
        (line, 0) => format!("第 {line} 行行首"),
        (line, column) => format!("第 {line} 行第 {column} 列"),
    };
    match e.classify() {
        Category::Eof if at.is_empty() => "输入意外结束".to_owned(),
        Category::Eof => format!("输入在{at}意外结束"),
        Category::Io => "读取输入失败".to_owned(),
        Category::Syntax | Category::Data => {
            // serde_json's words for the fault, before " at line L column C" (see its `ErrorCode`).
            let words = e.to_string();
            let detail = [
                ("expected `:`", "此处应为 `:`"),
                ("expected `,` or `]`", "此处应为 `,` 或 `]`"),
                ("expected `,` or `}`", "此处应为 `,` 或 `}`"),
                ("expected ident", "无法识别的词，应为 true、false 或 null"),
                ("expected value", "此处应为一个值"),
                ("expected `\"`", "此处应为 `\"`"),
                ("invalid escape", "无效的转义序列"),
                ("invalid number", "无效的数字"),
                ("number out of range", "数字超出范围"),
                ("invalid unicode code point", "无效的字符编码"),
                ("control character", "字符串中含有控制字符"),
                ("key must be a string", "对象的键必须是字符串"),
                ("lone leading surrogate", "无效的转义序列"),
                ("trailing comma", "多余的逗号"),
                ("trailing characters", "JSON 值之后还有多余的字符"),
                ("unexpected end of hex escape", "无效的转义序列"),
                ("recursion limit exceeded", "嵌套层数过多"),
            ]
            .iter()
            .find(|(en, _)| words.starts_with(en))
            .map(|(_, zh)| format!("（{zh}）"))
            .unwrap_or_default();
            let fault = if matches!(e.classify(), Category::Syntax) { "语法错误" } else { "的值无法读取" };
            if at.is_empty() {
                format!("{}{detail}", fault.trim_start_matches('的'))
            } else {
                format!("{at}{fault}{detail}")
            }
        }
    }
}

/// Sets the value at dotted `path` in `j` (an object): the first entry of that key is replaced, or
/// the key added at the end; objects missing on the way are made. An entry given twice in the
/// text keeps its second copy, so the reader still refuses it.
///
/// # Errors
/// A part of the path that is empty, or a value on the way that is not an object, naming the
/// path up to it.
pub(crate) fn set(j: &mut Json, path: &str, value: Json) -> Result<(), CaseError> {
    let mut at = j;
    let mut done = String::new();
    let mut parts = path.split('.').peekable();
    while let Some(key) = parts.next() {
        if key.is_empty() {
            return Err(CaseError::new(
                done,
                format!("{} is not a field path (a part between dots is empty)", quote(path)),
                format!("{} 不是有效的字段路径（点号之间为空）", quote_zh(path)),
            ));
        }
        let Json::Obj(entries) = at else {
            return Err(CaseError::new(
                done.clone(),
                format!("holds {}, not an object, so {} cannot be set in it", at.kind(), quote(path)),
                format!("{}，不是对象，无法在其中设置 {}", at.found_zh(), quote_zh(path)),
            ));
        };
        done = join(&done, key);
        let i = if let Some(i) = entries.iter().position(|(k, _)| k == key) {
            i
        } else {
            let fresh = if parts.peek().is_some() { Json::Obj(Vec::new()) } else { Json::Null };
            entries.push((key.to_owned(), fresh));
            entries.len() - 1
        };
        if parts.peek().is_none() {
            entries[i].1 = value;
            return Ok(());
        }
        at = &mut entries[i].1;
    }
    Ok(())
}

/// The known key `key` was likely meant as: the same but for case, `_` and `-` (`arrivalDate`,
/// `Person`), or the closest within two edits (`categry`) when the key is long enough for that
/// to mean something.
pub(crate) fn suggest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let fold = |s: &str| s.chars().filter(|c| !matches!(c, '_' | '-')).flat_map(char::to_lowercase).collect::<String>();
    let folded = fold(key);
    if let Some(k) = known.iter().find(|k| fold(k) == folded) {
        return Some(k);
    }
    if key.chars().count() < 4 {
        return None;
    }
    // Two slips at most: a word whose length is further off cannot be meant, and is not
    // measured. The distance is the optimal-string-alignment one (edits and swaps of neighbours),
    // which for two slips is the Damerau-Levenshtein distance without its per-call table.
    let len = folded.chars().count();
    known
        .iter()
        .filter(|k| k.chars().filter(|c| !matches!(c, '_' | '-')).count().abs_diff(len) <= 2)
        .map(|k| (strsim::osa_distance(&folded, &fold(k)), *k))
        .filter(|&(d, _)| d <= 2)
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// ` (did you mean arrival_date?)` and its Chinese, for an unknown `key` that looks like one of
/// `known` (see [`suggest`]); empty otherwise.
pub(crate) fn hint(key: &str, known: &[&str]) -> (String, String) {
    match suggest(key, known) {
        Some(s) => (format!(" (did you mean {s}?)"), format!("（是否应为 {s}？）")),
        None => (String::new(), String::new()),
    }
}

/// `prefix.key`, with the key shown safely.
pub(crate) fn join(prefix: &str, key: &str) -> String {
    let k = show_key(key);
    if prefix.is_empty() {
        k
    } else {
        format!("{prefix}.{k}")
    }
}

/// Says why a field unknown here is refused, when another rule set knows it: given the field's
/// dotted path, the reason (e.g. "is a field of rule set liaoning-2013, …"), else `None`.
pub(crate) type Foreign<'f> = &'f dyn Fn(&str) -> Option<Reason>;

/// No field is foreign.
pub(crate) fn no_foreign(_: &str) -> Option<Reason> {
    None
}

/// An object being read: its path and its entries.
pub(crate) struct Obj<'a> {
    path: String,
    entries: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    /// Checks that `j` is an object with only `known` keys, each at most once.
    pub(crate) fn new(path: &str, j: &'a Json, known: &[&str]) -> Result<Obj<'a>, CaseError> {
        Obj::in_case(path, j, known, &no_foreign)
    }

    /// As [`Obj::new`], for an object of a case: a key this rule set does not know but another
    /// does is refused with `foreign`'s message, or skipped when its value is `null` (a null
    /// value counts as absent).
    pub(crate) fn in_case(path: &str, j: &'a Json, known: &[&str], foreign: Foreign<'_>) -> Result<Obj<'a>, CaseError> {
        let Json::Obj(entries) = j else {
            return Err(CaseError::new(
                path,
                format!("expected an object, found {}", j.kind()),
                format!("应为对象，{}", j.found_zh()),
            ));
        };
        for (i, (k, v)) in entries.iter().enumerate() {
            if !known.contains(&k.as_str()) {
                let field = join(path, k);
                if let Some(why) = foreign(&field) {
                    if matches!(v, Json::Null) {
                        continue;
                    }
                    return Err(CaseError::at(field, why));
                }
                let (hint, hint_zh) = hint(k, known);
                return Err(CaseError::new(
                    field,
                    format!("is not a known field{hint}; the known fields here are {}", known.join(", ")),
                    format!("是未知字段{hint_zh}；此处可用的字段为 {}", known.join("、")),
                ));
            }
            if entries[..i].iter().any(|(earlier, _)| earlier == k) {
                return Err(CaseError::repeated(join(path, k)));
            }
        }
        Ok(Obj { path: path.to_owned(), entries })
    }

    /// The value of `key`, `None` when absent or `null`.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Json> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !matches!(v, Json::Null))
    }

    /// The path of `key` in this object.
    pub(crate) fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// Reads an optional value with `read`.
    pub(crate) fn opt<T>(
        &self,
        key: &str,
        read: impl FnOnce(&str, &Json) -> Result<T, CaseError>,
    ) -> Result<Option<T>, CaseError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => read(&self.path(key), v).map(Some),
        }
    }

    /// Reads a required value with `read`; when it is absent, the error says what it is: `what`
    /// in English, `what_zh` in Chinese (`is required (the permit's day of issue)`, `为必填项（居住证
    /// 签发日期）`).
    pub(crate) fn require<T>(
        &self,
        key: &str,
        what: &str,
        what_zh: &str,
        read: impl FnOnce(&str, &Json) -> Result<T, CaseError>,
    ) -> Result<T, CaseError> {
        match self.get(key) {
            None => {
                Err(CaseError::new(self.path(key), format!("is required ({what})"), format!("为必填项（{what_zh}）")))
            }
            Some(v) => read(&self.path(key), v),
        }
    }
}

/// A strict `YYYY-MM-DD` date.
pub(crate) fn date(path: &str, j: &Json) -> Result<NaiveDate, CaseError> {
    day(path, j).map(to_naive)
}

/// A strict `YYYY-MM-DD` date as a day number.
pub(crate) fn day(path: &str, j: &Json) -> Result<i32, CaseError> {
    match j {
        Json::Str(s) => crate::date::read_iso(path, s),
        other => {
            // A date written as the number 20240928 (a spreadsheet's habit) is named as text.
            let meant = match other {
                Json::UInt(n) => crate::date::meant_date(&n.to_string()),
                _ => None,
            };
            let (hint, hint_zh) = meant
                .map(|iso| (format!(" (did you mean \"{iso}\"?)"), format!("（是否应为 \"{iso}\"？）")))
                .unwrap_or_default();
            Err(CaseError::new(
                path,
                format!("expected a date string YYYY-MM-DD, found {}{hint}", other.kind()),
                format!("应为 YYYY-MM-DD 格式的日期字符串，{}{hint_zh}", other.found_zh()),
            ))
        }
    }
}

/// A strict `HH:MM` time of day.
pub(crate) fn time(path: &str, j: &Json) -> Result<crate::time::TimeOfDay, CaseError> {
    match j {
        Json::Str(s) => crate::time::TimeOfDay::parse(s).ok_or_else(|| {
            CaseError::new(
                path,
                format!("{} is not a time (HH:MM, 00:00–23:59)", quote(s)),
                format!("{} 不是有效的时刻（HH:MM，00:00 至 23:59）", quote_zh(s)),
            )
        }),
        other => Err(CaseError::new(
            path,
            format!("expected a time string HH:MM, found {}", other.kind()),
            format!("应为 HH:MM 格式的时刻字符串，{}", other.found_zh()),
        )),
    }
}

/// `true` or `false`.
pub(crate) fn boolean(path: &str, j: &Json) -> Result<bool, CaseError> {
    match j {
        Json::Bool(b) => Ok(*b),
        other => Err(CaseError::new(
            path,
            format!("expected true or false, found {}", other.kind()),
            format!("应为 true 或 false，{}", other.found_zh()),
        )),
    }
}

/// A whole number from 0 to `u32::MAX` (a number written with a zero fraction, like `3.0`,
/// is read as that whole number).
pub(crate) fn count(path: &str, j: &Json) -> Result<u32, CaseError> {
    let out_of_range = |shown: String| {
        CaseError::new(
            path,
            format!("{shown} is out of range (0 to {})", u32::MAX),
            format!("{shown} 超出范围（0 至 {}）", u32::MAX),
        )
    };
    let negative = |shown: String| {
        CaseError::new(
            path,
            format!("{shown} is negative; a count is 0 or more"),
            format!("{shown} 为负数；应为 0 或正整数"),
        )
    };
    match *j {
        Json::UInt(u) => u32::try_from(u).map_err(|_| out_of_range(u.to_string())),
        Json::Int(i) => Err(negative(i.to_string())),
        Json::Float(f) if f.fract() != 0.0 || !f.is_finite() => {
            Err(CaseError::new(path, format!("{f} is not a whole number"), format!("{f} 不是整数")))
        }
        Json::Float(f) if f < 0.0 => Err(negative(f.to_string())),
        // Beyond 2^53 the float read is not the number written (99999999999999999999 reads as
        // 1e20): it is not echoed as if it were.
        Json::Float(f) if f > 9.0e15 => Err(CaseError::new(
            path,
            format!("is a number far out of range (0 to {})", u32::MAX),
            format!("数值远超范围（0 至 {}）", u32::MAX),
        )),
        Json::Float(f) if f > f64::from(u32::MAX) => Err(out_of_range(f.to_string())),
        Json::Float(f) => Ok(f as u32),
        ref other => Err(CaseError::new(
            path,
            format!("expected a whole number, found {}", other.kind()),
            format!("应为整数，{}", other.found_zh()),
        )),
    }
}

/// One of the words of `W`.
pub(crate) fn word<W: Word>(path: &str, j: &Json) -> Result<W, CaseError> {
    match j {
        Json::Str(s) => {
            W::from_id(s).ok_or_else(|| CaseError::at(path, crate::vocab::UnknownWord::of::<W>(s).reason()))
        }
        other => Err(CaseError::new(
            path,
            format!("expected one of {}, found {}", W::expected(), other.kind()),
            format!("应为 {} 之一，{}", W::ALL.iter().map(|w| w.id()).collect::<Vec<_>>().join("、"), other.found_zh()),
        )),
    }
}

/// Free text (a division code may also be written as a JSON integer, or as a whole number with a
/// fraction of zero: `110105.0`, what a table with missing codes holds, read as in batch).
pub(crate) fn code_text(path: &str, j: &Json) -> Result<String, CaseError> {
    match j {
        Json::Str(s) => Ok(s.clone()),
        Json::UInt(u) => Ok(u.to_string()),
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // whole, 0 ≤ f < 2^53
        Json::Float(f) if f.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(f) => Ok((*f as u64).to_string()),
        other => Err(CaseError::new(
            path,
            format!("expected a division code string, found {}", other.kind()),
            format!("应为行政区划代码字符串，{}", other.found_zh()),
        )),
    }
}

/// A string.
pub(crate) fn text(path: &str, j: &Json) -> Result<String, CaseError> {
    match j {
        Json::Str(s) => Ok(s.clone()),
        other => Err(CaseError::new(
            path,
            format!("expected a string, found {}", other.kind()),
            format!("应为字符串，{}", other.found_zh()),
        )),
    }
}

pub(crate) fn id_number(path: &str, j: &Json) -> Result<IdNumber, CaseError> {
    match j {
        Json::Str(s) => IdNumber::parse(s).map_err(|e| CaseError::at(path, e.reason())),
        other => Err(CaseError::new(
            path,
            format!("expected an identity number string, found {}", other.kind()),
            format!("应为公民身份号码字符串，{}", other.found_zh()),
        )),
    }
}

pub(crate) fn array<'a>(path: &str, j: &'a Json) -> Result<&'a [Json], CaseError> {
    match j {
        Json::Arr(items) => Ok(items),
        other => Err(CaseError::new(
            path,
            format!("expected an array, found {}", other.kind()),
            format!("应为数组，{}", other.found_zh()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!("{}{}", "[".repeat(depth), "]".repeat(depth))
    }

    #[test]
    fn nesting_is_limited_before_parsing() {
        assert!(parse(&nested(MAX_DEPTH)).is_ok());
        let e = parse(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert_eq!(e.field(), "");
        assert!(e.message().contains("nested more than 32 deep"), "{}", e.message());
        assert!(parse_bytes(nested(MAX_DEPTH + 1).as_bytes()).is_err());
        // Brackets inside strings (escaped quotes included) are text, not nesting.
        let text = format!(r#"{{"a":"{}\"{}","b":[1]}}"#, "[".repeat(100), "{".repeat(100));
        assert!(parse(&text).is_ok(), "brackets in a string");
        // Siblings do not add up: many shallow arrays are fine.
        assert!(parse(&format!("[{}[]]", "[],".repeat(1000))).is_ok());
        // The line of the offending bracket is named.
        let e = parse(&format!("{{\n\"a\":\n{}", nested(40))).unwrap_err();
        assert!(e.message().ends_with("(line 3)"), "{}", e.message());
    }

    #[test]
    fn refusals_are_worded_in_chinese_too() {
        let zh = |r: Result<Json, CaseError>| r.unwrap_err().message_zh().to_owned();
        assert_eq!(zh(parse(&nested(MAX_DEPTH + 1))), "不是有效的输入：数组和对象嵌套超过 32 层（第 1 行）");
        assert_eq!(crate::too_deeply_nested().message_zh(), "不是有效的输入：数组和对象嵌套超过 32 层");
        // serde_json's words are English; the Chinese says what and where.
        let e = parse(r#"{"a": 1,}"#).unwrap_err();
        assert_eq!(e.message(), "not valid JSON: trailing comma at line 1 column 9");
        assert_eq!(e.message_zh(), "不是有效的 JSON：第 1 行第 9 列语法错误（多余的逗号）");
        assert_eq!(zh(parse("{\"a\":\n[1, 2")), "不是有效的 JSON：输入在第 2 行第 5 列意外结束");
        assert_eq!(zh(parse(r#"{"a" 1}"#)), "不是有效的 JSON：第 1 行第 6 列语法错误（此处应为 `:`）");
        assert_eq!(zh(parse("[1] x")), "不是有效的 JSON：第 1 行第 5 列语法错误（JSON 值之后还有多余的字符）");
        assert_eq!(zh(parse_bytes(b"\"\xff\"")), "不是有效的 JSON：第 1 行第 2 列语法错误（无效的字符编码）");
        assert_eq!(zh(parse("")), "不是有效的 JSON：输入在第 1 行行首意外结束");
        assert_eq!(zh(parse("{\"a\": 1,\n")), "不是有效的 JSON：输入在第 2 行行首意外结束");

        let case = parse(r#"{"a": "x", "b": 2, "b": 3, "t": "25:00", "n": -1, "f": 1.5, "d": "2024-02-30"}"#).unwrap();
        let obj = |known: &[&str]| {
            Obj::new("p", &case, known).err().map(|e| (e.field().to_owned(), e.message_zh().to_owned()))
        };
        assert_eq!(obj(&["a"]), Some(("p.b".into(), "是未知字段；此处可用的字段为 a".into())));
        assert_eq!(obj(&["a", "b", "t", "n", "f", "d"]), Some(("p.b".into(), "重复出现".into())));
        let Json::Obj(entries) = &case else { unreachable!() };
        let v = |k: &str| &entries.iter().find(|(key, _)| key == k).unwrap().1;
        let zh = |r: Result<(), CaseError>| r.unwrap_err().message_zh().to_owned();
        assert_eq!(zh(text("p", v("b")).map(drop)), "应为字符串，实为数字");
        assert_eq!(zh(array("p", v("a")).map(drop)), "应为数组，实为字符串");
        assert_eq!(zh(boolean("p", v("a")).map(drop)), "应为 true 或 false，实为字符串");
        assert_eq!(zh(day("p", v("b")).map(drop)), "应为 YYYY-MM-DD 格式的日期字符串，实为数字");
        assert_eq!(zh(day("p", v("d")).map(drop)), "2024-02-30 不是有效的日期");
        assert_eq!(zh(time("p", v("t")).map(drop)), "\"25:00\" 不是有效的时刻（HH:MM，00:00 至 23:59）");
        assert_eq!(zh(count("p", v("n")).map(drop)), "-1 为负数；应为 0 或正整数");
        assert_eq!(zh(count("p", v("f")).map(drop)), "1.5 不是整数");
        assert_eq!(zh(count("p", v("a")).map(drop)), "应为整数，实为字符串");
        assert_eq!(zh(count("p", &Json::UInt(1 << 40)).map(drop)), "1099511627776 超出范围（0 至 4294967295）");
        assert_eq!(zh(code_text("p", &Json::Bool(true)).map(drop)), "应为行政区划代码字符串，实为 true 或 false");
        assert_eq!(
            zh(id_number("p", v("a")).map(drop)),
            "长度为 1 位；公民身份号码应为 18 位（1999 年以前的旧号码为 15 位）"
        );
        assert_eq!(zh(id_number("p", v("b")).map(drop)), "应为公民身份号码字符串，实为数字");
        assert_eq!(zh(word::<crate::RuleSet>("p", v("b")).map(drop)), "应为 liaoning-2013、china-2016 之一，实为数字");
        let e = word::<crate::RuleSet>("p", v("a")).unwrap_err();
        assert_eq!(e.message_zh(), "\"x\" 不是 liaoning-2013、china-2016 之一");
        let top = parse(r#"{"a": 1}"#).unwrap();
        let top = Obj::new("", &top, &["a", "z"]).unwrap();
        let e = top.require("z", "the day of the event", "事件发生日期", date).unwrap_err();
        assert_eq!((e.message(), e.message_zh()), ("is required (the day of the event)", "为必填项（事件发生日期）"));
    }

    /// Hostile input cannot overflow a small thread stack (the C face's callers choose theirs).
    #[test]
    fn the_deepest_input_read_fits_a_small_stack() {
        let case = format!(
            r#"{{"as_of":"2024-10-02","person":{{"category":"floating","arrival_date":"2024-09-28","changes":{}}}}}"#,
            nested(MAX_DEPTH - 2)
        );
        let deeper = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
        let answer = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(move || (crate::assess_json(&case).map_err(|e| e.field().to_owned()), parse(&deeper).is_err()))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(answer, (Err("person.changes.0".to_owned()), true));
    }
}
