//! The output envelope: an assessment, in the shape of `spec/CASES.md`.
//!
//! Every assessment has the same frame — the rule set, the day, the interpretations applied,
//! whether the calendar was provisional, the notices and the explanation — around what its rule
//! set found ([`Findings`]). Serialising an [`Assessment`] with serde gives the contract's JSON;
//! [`Assessment::from_json`] reads it back.

use crate::error::{CaseError, Reason};
use crate::explain::{Explanation, Lang};
use crate::rules::{Findings, RuleSet};
use crate::vocab::{IdSet, Word};
use chrono::NaiveDate;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::Serialize;

/// The notices attached to an assessment, serialised as `{"id", "en", "zh"}` objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notices(pub IdSet);

impl Notices {
    /// The notices' ids.
    pub fn ids(&self) -> Vec<&'static str> {
        self.0.ids()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The notices: id and wording.
    pub fn iter(&self) -> impl Iterator<Item = crate::vocab::Named> + '_ {
        self.0.iter()
    }
}

impl Serialize for Notices {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for n in self.0.iter() {
            seq.serialize_element(&NoticeLine(n))?;
        }
        seq.end()
    }
}

struct NoticeLine(crate::vocab::Named);

impl Serialize for NoticeLine {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("id", self.0.id)?;
        m.serialize_entry("en", self.0.en)?;
        m.serialize_entry("zh", self.0.zh)?;
        m.end()
    }
}

/// An assessment: what the rules say about one case on one day, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Assessment {
    /// The rule set applied.
    pub rule_set: RuleSet,
    /// The day the assessment speaks for.
    pub as_of: NaiveDate,
    /// What the rule set found.
    #[serde(flatten)]
    pub findings: Findings,
    /// Interpretations (the rule set's named choices where the text is silent) that shaped this
    /// assessment.
    pub interpretations: IdSet,
    /// Whether a deadline relied on a year without official calendar data.
    pub calendar_provisional: bool,
    /// Notices (`amended_text`, `local_measures`).
    pub notices: Notices,
    /// Ordered reasons.
    pub explanation: Explanation,
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(not_an_assessment)`
fn not_an_assessment(what: Reason) -> CaseError {
    CaseError::new("", format!("not an assessment: {}", what.en()), format!("不是有效的评估结果：{}", what.zh()))
}

/// `key: why` of a part that does not fit, `why` in English (often `serde`'s words) and in
/// Chinese.
fn misfit(key: &str, why: impl std::fmt::Display, why_zh: &str) -> Reason {
    Reason::new(format!("{key}: {why}"), format!("{key}：{why_zh}"))
}

/// What a `serde` error about a part of an assessment says, in Chinese (its words are English):
/// the missing field or unknown value it names, else that the part does not fit.
fn serde_zh(words: &str) -> String {
    let named =
        |prefix: &str| words.strip_prefix(prefix).and_then(|rest| rest.split('`').next()).map(crate::privacy::quote_zh);
    if let Some(f) = named("missing field `") {
        format!("缺少字段 {f}")
    } else if let Some(v) = named("unknown variant `") {
        format!("{v} 不是可用的取值")
    } else if let Some(f) = named("unknown field `") {
        format!("{f} 是未知字段")
    } else if words.starts_with("invalid type") {
        "类型不符".to_owned()
    } else if let Some((value, list)) = words.split_once(" is not one of ") {
        // A word the rule set's reader does not know (`vocab::UnknownWord`'s words, quoted and
        // masked there), then serde's position.
        let list = list.split(" at line ").next().unwrap_or(list);
        format!("{value} 不是 {} 之一", list.replace(", ", "、"))
    } else if let Some((value, _)) = words.split_once(" is not a time") {
        format!("{value} 不是有效的时刻（HH:MM）")
    } else {
        "内容不符合格式".to_owned()
    }
}

impl Assessment {
    /// An assessment of `findings`.
    pub(crate) fn new(
        rule_set: RuleSet,
        as_of: NaiveDate,
        findings: Findings,
        interpretations: IdSet,
        calendar_provisional: bool,
        notices: IdSet,
        explanation: Explanation,
    ) -> Assessment {
        Assessment {
            rule_set,
            as_of,
            findings,
            interpretations,
            calendar_provisional,
            notices: Notices(notices),
            explanation,
        }
    }

    /// The contract's JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|e| CaseError::new("", e.to_string(), "评估结果无法写成 JSON").to_json())
    }

    /// The contract's JSON, indented.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| self.to_json())
    }

    /// The contract's JSON as a `serde_json::Value`. Writing an assessment cannot fail (its parts
    /// are text, numbers, lists and objects keyed by text); `Null` stands in only should that
    /// ever change.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Reads an assessment back from the contract's JSON (as [`Assessment::to_json`] writes it).
    /// The explanation comes back as words.
    ///
    /// # Errors
    /// Text that is not an assessment: a [`CaseError`] (an `std::error::Error`) with an empty
    /// field, saying what does not fit (`not an assessment: as_of: missing`).
    pub fn from_json(json: &str) -> Result<Assessment, CaseError> {
        let v: serde_json::Value = serde_json::from_str(json)
            .map_err(|e| not_an_assessment(Reason::new(e.to_string(), crate::json::syntax_zh(&e))))?;
        Assessment::from_value(&v)
    }

    /// Reads an assessment back from its JSON value (also what its `serde::Deserialize` does, so
    /// that a client reads one inside its own types):
    ///
    /// ```
    /// let case = juzhu::Case::from_json(
    ///     r#"{"as_of": "2024-10-02", "person": {"category": "floating", "arrival_date": "2024-09-28"}}"#,
    /// ).unwrap();
    /// let sent = juzhu::assess(&case).unwrap();
    /// #[derive(serde::Deserialize)]
    /// struct Reply { assessment: juzhu::Assessment }
    /// let reply: Reply = serde_json::from_str(&format!(r#"{{"assessment": {}}}"#, sent.to_json())).unwrap();
    /// assert_eq!(reply.assessment.to_json(), juzhu::Assessment::from_json(&sent.to_json()).unwrap().to_json());
    /// assert!(serde_json::from_str::<Reply>(r#"{"assessment": {"as_of": 1}}"#).is_err());
    /// ```
    ///
    /// # Errors
    /// A value that is not an assessment, as [`Assessment::from_json`].
    pub fn from_value(v: &serde_json::Value) -> Result<Assessment, CaseError> {
        Assessment::read_value(v).map_err(not_an_assessment)
    }

    fn read_value(v: &serde_json::Value) -> Result<Assessment, Reason> {
        let field = |k: &str| v.get(k).ok_or_else(|| misfit(k, "missing", "缺失"));
        let serde = |k: &'static str| move |e: serde_json::Error| misfit(k, &e, &serde_zh(&e.to_string()));
        let rule_set = field("rule_set")?;
        let rule_set: RuleSet = serde_json::from_value(rule_set.clone()).map_err(|e| {
            // An unknown id is refused in the words of its reader, which speaks Chinese too.
            match rule_set.as_str().map(str::parse::<RuleSet>) {
                Some(Err(unknown)) => misfit("rule_set", &e, unknown.zh()),
                _ => serde("rule_set")(e),
            }
        })?;
        let as_of: NaiveDate = serde_json::from_value(field("as_of")?.clone()).map_err(serde("as_of"))?;
        let ids = |k: &str| -> Result<Vec<&str>, Reason> {
            field(k)?
                .as_array()
                .ok_or_else(|| misfit(k, "expected a list", "应为数组"))?
                .iter()
                .map(|x| {
                    x.as_str()
                        .or_else(|| x.get("id").and_then(|i| i.as_str()))
                        .ok_or_else(|| misfit(k, "expected ids", "各项应为编号"))
                })
                .collect()
        };
        // A set of ids of the rule set's `vocabulary`; an unknown one is named as what it is not.
        let id_set = |k: &str, vocabulary, what: &str, what_zh: &str| {
            IdSet::from_ids(ids(k)?, vocabulary).map_err(|id| {
                misfit(
                    k,
                    format_args!("{} is not {what} of {rule_set}", crate::privacy::quote(&id)),
                    &format!("{} 不是规则集 {rule_set} 的{what_zh}", crate::privacy::quote_zh(&id)),
                )
            })
        };
        let interpretations = id_set("interpretations", rule_set.interpretations(), "an interpretation", "解释编号")?;
        let notices = id_set("notices", rule_set.notices(), "a notice", "提示编号")?;
        let calendar_provisional = field("calendar_provisional")?
            .as_bool()
            .ok_or_else(|| misfit("calendar_provisional", "expected true or false", "应为 true 或 false"))?;
        let explanation = serde_json::from_value(field("explanation")?.clone()).map_err(serde("explanation"))?;
        // The rule set's reader words its refusal in English (serde's words).
        let findings =
            crate::rules::findings_from_json(rule_set, v).map_err(|e| Reason::new(e.clone(), serde_zh(&e)))?;
        Ok(Assessment::new(rule_set, as_of, findings, interpretations, calendar_provisional, notices, explanation))
    }

    /// A readable report: what was decided, then the reasons article by article, in Chinese
    /// (`Some(Lang::Zh)`), English (`Some(Lang::En)`) or both (`None`).
    pub fn report(&self, lang: Option<Lang>) -> String {
        let mut out = Report { lang, text: String::new() };
        out.line(format!("juzhu · {} · {} {}", self.rule_set.id(), out.both("评估日", "as of"), self.as_of));
        // Notices first: what they say (the text applied is no longer the law in force, local
        // measures are not encoded) bears on every answer below, so it is read before them.
        for n in self.notices.iter() {
            let head = out.both("提示", "Notice");
            out.line(format!("{head}: {}", if lang == Some(Lang::En) { n.en } else { n.zh }));
            if lang.is_none() {
                out.line(format!("        {}", n.en));
            }
        }
        self.findings.report(&mut out);
        let ids = self.interpretations.ids();
        let interp = out.both("解释", "Interpretations");
        out.line(format!("{interp}: {}", if ids.is_empty() { "—".into() } else { ids.join(", ") }));
        if self.calendar_provisional {
            let note = out.both(
                "注意：期限涉及无官方节假日数据的年份（暂定）。",
                "Note: a deadline falls in a year without official holiday data (provisional).",
            );
            out.line(note);
        }
        let why = out.both("理由", "Why");
        out.line(format!("{why}:"));
        for (i, l) in self.explanation.lines().iter().enumerate() {
            if let Some(lang) = lang {
                out.line(format!("  {}. [{}] {}", i + 1, l.basis, l.text(lang)));
            } else {
                out.line(format!("  {}. [{}] {}", i + 1, l.basis, l.zh));
                out.line(format!("     {}", l.en));
            }
        }
        out.text
    }
}

/// A Chinese report line with the ASCII punctuation of its labels made full-width: `: ` and a
/// final `:` → `：`, `; ` → `；`, `, ` → `，` (`、` between two ids), ` (…)` → `（…）` (each `)`
/// as its own `(` was written); a `[…]` list of provision ids (ASCII inside) is kept as it is.
fn chinese_punctuation(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 8);
    let mut rest = t;
    // For each `(` still open: whether it was written full-width.
    let mut open: Vec<bool> = Vec::new();
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        let next = rest.chars().next();
        let spaced = next == Some(' ');
        match c {
            '[' => match rest.find(']') {
                Some(end) if rest[..end].is_ascii() => {
                    out.push('[');
                    out.push_str(&rest[..=end]);
                    rest = &rest[end + 1..];
                }
                _ => out.push(c),
            },
            ':' if spaced || next.is_none() => {
                out.push('：');
                rest = rest.strip_prefix(' ').unwrap_or(rest);
            }
            ';' if spaced => {
                out.push('；');
                rest = &rest[1..];
            }
            ',' if spaced => {
                // Between two ids (`I1, I2`) a list mark; elsewhere a comma.
                let ids = out.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && rest[1..].starts_with(|c: char| c.is_ascii_alphanumeric());
                out.push(if ids { '、' } else { '，' });
                rest = &rest[1..];
            }
            ' ' if next == Some('(') => {
                out.push('（');
                rest = &rest[1..];
                open.push(true);
            }
            '(' => {
                out.push('(');
                open.push(false);
            }
            ')' => out.push(if open.pop() == Some(true) { '）' } else { ')' }),
            _ => out.push(c),
        }
    }
    out
}

/// A report being written, in one language or both.
pub struct Report {
    lang: Option<Lang>,
    text: String,
}

impl Report {
    /// Adds a line. A Chinese report is punctuated as Chinese is: the labels' ASCII colons,
    /// semicolons, commas and brackets become full-width (not inside the `[basis]` lists of
    /// provision ids), and dates read `2024年10月8日`.
    pub fn line(&mut self, t: impl AsRef<str>) {
        let t = t.as_ref();
        if self.is_zh() {
            let zh = chinese_punctuation(t);
            self.text.push_str(&crate::date::chinese_dates(&zh));
        } else {
            self.text.push_str(t);
        }
        self.text.push('\n');
    }

    /// Whether the report is in Chinese alone: its lines then take Chinese ranges (`600至1500元`)
    /// and separators instead of the English ones (`600–1500`, ` — `, ` → `).
    pub fn is_zh(&self) -> bool {
        self.lang == Some(Lang::Zh)
    }

    /// A label in the report's language(s).
    pub fn both(&self, zh: &str, en: &str) -> String {
        match self.lang {
            Some(Lang::Zh) => zh.to_owned(),
            Some(Lang::En) => en.to_owned(),
            None => format!("{zh} {en}"),
        }
    }

    /// The currency unit in the report's language(s): 元, yuan, or 元/yuan.
    pub fn yuan(&self) -> &'static str {
        match self.lang {
            Some(Lang::Zh) => "元",
            Some(Lang::En) => "yuan",
            None => "元/yuan",
        }
    }

    /// A word's label in the report's language(s).
    pub fn word<W: Word>(&self, w: W) -> String {
        match self.lang {
            Some(Lang::Zh) => w.zh().to_owned(),
            Some(Lang::En) => w.en().to_owned(),
            None => format!("{} / {}", w.zh(), w.en()),
        }
    }

    /// An optional word's label, `—` when absent.
    pub fn opt<W: Word>(&self, w: Option<W>) -> String {
        w.map_or_else(|| "—".to_owned(), |w| self.word(w))
    }

    /// `date — status` (Chinese: `date（status）`), or the status alone when there is no date.
    pub fn dated(&self, date: Option<impl std::fmt::Display>, status: &str) -> String {
        date.map_or_else(
            || status.to_owned(),
            |d| if self.is_zh() { format!("{d}（{status}）") } else { format!("{d} — {status}") },
        )
    }

    /// An optional date, `—` when absent.
    pub fn date(d: Option<NaiveDate>) -> String {
        d.map_or_else(|| "—".to_owned(), |d| d.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for Assessment {
    /// As [`Assessment::from_value`]: the contract's JSON, the explanation as words.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
        Assessment::from_value(&value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> (String, String) {
        let e = Assessment::from_json(text).unwrap_err();
        (e.message().to_owned(), e.message_zh().to_owned())
    }

    #[test]
    fn a_chinese_report_line_is_punctuated_as_chinese() {
        for (line, want) in [
            ("类别: 流动人口 (推定)", "类别：流动人口（推定）"),
            ("登记:", "登记："),
            ("  费用: 0 元  [art10.p1, art13.p2]", "  费用：0 元  [art10.p1, art13.p2]"),
            ("解释: I1, I2", "解释：I1、I2"),
            ("罚款: 600至1500元, 县公安机关", "罚款：600至1500元，县公安机关"),
            ("领证 0 元; 签注 0 元", "领证 0 元；签注 0 元"),
            ("期限: 2024-06-08 21:15", "期限：2024-06-08 21:15"),
            ("a (b(c) d)", "a（b(c) d）"),
            ("第十条(一) (见上)", "第十条(一)（见上）"),
            ("[未完 (x)", "[未完（x）"),
        ] {
            assert_eq!(chinese_punctuation(line), want, "{line}");
        }
    }

    #[test]
    fn what_is_not_an_assessment_is_said_in_chinese_too() {
        assert_eq!(
            refused("{}"),
            ("not an assessment: rule_set: missing".into(), "不是有效的评估结果：rule_set：缺失".into())
        );
        assert_eq!(refused("{").1, "不是有效的评估结果：输入在第 1 行第 1 列意外结束");
        let case = crate::Case::from_json(
            r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28"}}"#,
        )
        .unwrap();
        let mut v = crate::assess(&case).unwrap().to_value();
        assert!(Assessment::from_value(&v).is_ok());
        v["interpretations"] = serde_json::json!(["I99"]);
        let (en, zh) = refused(&v.to_string());
        assert_eq!(en, r#"not an assessment: interpretations: "I99" is not an interpretation of liaoning-2013"#);
        assert_eq!(zh, r#"不是有效的评估结果：interpretations："I99" 不是规则集 liaoning-2013 的解释编号"#);
        v["interpretations"] = serde_json::json!("I1");
        assert_eq!(refused(&v.to_string()).1, "不是有效的评估结果：interpretations：应为数组");
        v["interpretations"] = serde_json::json!([]);
        v["calendar_provisional"] = serde_json::json!(1);
        assert_eq!(refused(&v.to_string()).1, "不是有效的评估结果：calendar_provisional：应为 true 或 false");
        v["calendar_provisional"] = serde_json::json!(false);
        v["rule_set"] = serde_json::json!("hebei");
        assert_eq!(
            refused(&v.to_string()),
            (
                r#"not an assessment: rule_set: "hebei" is not one of liaoning-2013, china-2016"#.into(),
                r#"不是有效的评估结果：rule_set："hebei" 不是 liaoning-2013、china-2016 之一"#.into()
            )
        );
        v["rule_set"] = serde_json::json!(7);
        assert_eq!(refused(&v.to_string()).1, "不是有效的评估结果：rule_set：类型不符");
        v["rule_set"] = serde_json::json!("liaoning-2013");
        v.as_object_mut().unwrap().remove("registration");
        assert_eq!(refused(&v.to_string()).1, "不是有效的评估结果：缺少字段 \"registration\"");
        let mut v = crate::assess(&case).unwrap().to_value();
        v["registration"]["status"] = serde_json::json!("x");
        let (en, zh) = refused(&v.to_string());
        assert!(en.contains(r#""x" is not one of"#), "{en}");
        assert!(
            zh.starts_with(r#"不是有效的评估结果："x" 不是 "#) && zh.ends_with(" 之一") && !zh.contains(", "),
            "{zh}"
        );
    }
}
