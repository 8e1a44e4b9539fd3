//! Explanations: the ordered reasons for an assessment, each resting on a provision, in Chinese
//! and English.
//!
//! Rules record *steps* — small plain values, one per decision — through a [`Trace`]; the words
//! are made only when someone reads them. Each rule set defines its step types next to the rules
//! that emit them and says, per step, which provision it rests on and what it means
//! ([`Explain::words`]). An [`Explanation`] holds the steps of any rule set.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize};
use std::any::Any;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// A language for rendered text: `zh` or `en` as text (`"en".parse()`, `Display`) and in serde.
///
/// ```
/// use juzhu::Lang;
/// assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
/// assert_eq!(Lang::Zh.to_string(), "zh");
/// assert!("fr".parse::<Lang>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// 中文.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language's code: `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = crate::vocab::UnknownWord;
    /// `zh` or `en`.
    fn from_str(s: &str) -> Result<Lang, Self::Err> {
        match s {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(crate::vocab::UnknownWord::unknown(s, "zh, en")),
        }
    }
}

/// What one step says: the provision it rests on and its sentence in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplanationLine {
    /// The provision (`art10.p1`, `rp9.p6`).
    pub basis: Cow<'static, str>,
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

impl ExplanationLine {
    /// A line resting on `basis`; the Chinese sentence first, as the law is written. Dates in
    /// it are written as Chinese prose writes them (`2024年10月8日`, [`chinese_dates`]).
    ///
    /// [`chinese_dates`]: crate::date::chinese_dates
    pub fn new(basis: &'static str, zh: String, en: String) -> ExplanationLine {
        let zh = match crate::date::chinese_dates(&zh) {
            Cow::Borrowed(_) => zh,
            Cow::Owned(z) => z,
        };
        ExplanationLine { basis: Cow::Borrowed(basis), en, zh }
    }

    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// The English indefinite article for `word` ("an employer", "a landlord"): by its first letter.
pub(crate) fn a_or_an(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

/// `n` as an English ordinal: "1st", "2nd", "3rd", "11th", "21st", "22nd", "23rd", "111th".
pub(crate) fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A decision step that can say why, in words.
pub trait Explain: fmt::Debug + Send + Sync + 'static {
    /// The provision this step rests on and its sentence in Chinese and English.
    fn words(&self) -> ExplanationLine;
}

impl Explain for ExplanationLine {
    fn words(&self) -> ExplanationLine {
        self.clone()
    }
}

/// Receives explanation steps as rules decide. The batch engine passes [`Silent`], for which
/// every step closure compiles away; per-case assessment records them in a `Vec`.
pub trait Trace<S> {
    /// Records the step `f` builds (a rule set's step, or one of its modules' steps that
    /// converts into it).
    fn step<X: Into<S>>(&mut self, f: impl FnOnce() -> X);
}

/// A trace that records nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct Silent;

impl<S> Trace<S> for Silent {
    #[inline(always)]
    fn step<X: Into<S>>(&mut self, _f: impl FnOnce() -> X) {}
}

impl<S> Trace<S> for Vec<S> {
    #[inline]
    fn step<X: Into<S>>(&mut self, f: impl FnOnce() -> X) {
        self.push(f().into());
    }
}

/// Steps of some type, behind the explanation.
trait Steps: fmt::Debug + Send + Sync + Any {
    fn len(&self) -> usize;
    fn line(&self, i: usize) -> ExplanationLine;
    fn as_any(&self) -> &dyn Any;
}

impl<S: Explain> Steps for Vec<S> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn line(&self, i: usize) -> ExplanationLine {
        self[i].words()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The ordered reasons for an assessment.
///
/// It holds the rule set's own steps (cheap to keep, rendered on demand) or, for an assessment
/// read back from JSON, the rendered lines. Two explanations are equal when they say the same.
#[derive(Clone)]
pub struct Explanation(Arc<dyn Steps>);

impl Default for Explanation {
    fn default() -> Self {
        Explanation::from_lines(Vec::new())
    }
}

impl Explanation {
    /// An explanation of `steps`, in order.
    pub fn new<S: Explain>(steps: Vec<S>) -> Explanation {
        Explanation(Arc::new(steps))
    }

    /// An explanation already in words.
    pub fn from_lines(lines: Vec<ExplanationLine>) -> Explanation {
        Explanation(Arc::new(lines))
    }

    /// The steps, when they are of type `S` (a rule set's step type).
    pub fn steps<S: Explain>(&self) -> Option<&[S]> {
        self.0.as_any().downcast_ref::<Vec<S>>().map(Vec::as_slice)
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no step.
    pub fn is_empty(&self) -> bool {
        self.0.len() == 0
    }

    /// The steps in words.
    pub fn lines(&self) -> Vec<ExplanationLine> {
        (0..self.0.len()).map(|i| self.0.line(i)).collect()
    }

    /// The steps in one language, numbered, one per line: `1. [art24] …`.
    pub fn text(&self, lang: Lang) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for (i, l) in self.lines().iter().enumerate() {
            let _ = writeln!(out, "{}. [{}] {}", i + 1, l.basis, l.text(lang));
        }
        out
    }

    /// The steps in both languages, numbered: each in Chinese, with its English on the next line
    /// indented under it (what `juzhu explain` prints by default).
    pub fn text_both(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for (i, l) in self.lines().iter().enumerate() {
            let number = format!("{}. ", i + 1);
            let _ = writeln!(out, "{number}[{}] {}", l.basis, l.zh);
            let _ = writeln!(out, "{:width$}{}", "", l.en, width = number.len());
        }
        out
    }
}

impl fmt::Debug for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialEq for Explanation {
    fn eq(&self, other: &Self) -> bool {
        self.lines() == other.lines()
    }
}
impl Eq for Explanation {}

impl Serialize for Explanation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for l in self.lines() {
            seq.serialize_element(&Line(&l))?;
        }
        seq.end()
    }
}

/// A line in the contract's key order: basis, en, zh.
struct Line<'a>(&'a ExplanationLine);

impl Serialize for Line<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("basis", &self.0.basis)?;
        m.serialize_entry("en", &self.0.en)?;
        m.serialize_entry("zh", &self.0.zh)?;
        m.end()
    }
}

impl<'de> Deserialize<'de> for Explanation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Explanation::from_lines(Vec::<ExplanationLine>::deserialize(d)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    struct Said(u8);
    impl Explain for Said {
        fn words(&self) -> ExplanationLine {
            ExplanationLine::new("art1", format!("第{}步", self.0), format!("step {}", self.0))
        }
    }

    #[test]
    fn steps_render_on_demand_and_compare_by_words() {
        let e = Explanation::new(vec![Said(1), Said(2)]);
        assert_eq!(e.text(Lang::En), "1. [art1] step 1\n2. [art1] step 2\n");
        assert_eq!(e.text(Lang::Zh), "1. [art1] 第1步\n2. [art1] 第2步\n");
        assert_eq!(e.text_both(), "1. [art1] 第1步\n   step 1\n2. [art1] 第2步\n   step 2\n");
        assert_eq!(e.steps::<Said>(), Some(&[Said(1), Said(2)][..]));
        assert_eq!(e.steps::<ExplanationLine>(), None);
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"[{"basis":"art1","en":"step 1","zh":"第1步"},{"basis":"art1","en":"step 2","zh":"第2步"}]"#
        );
        let back: Explanation = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);
        assert_ne!(Explanation::new(vec![Said(1)]), e);
    }

    #[rstest::rstest]
    #[case(1, "1st")]
    #[case(2, "2nd")]
    #[case(3, "3rd")]
    #[case(4, "4th")]
    #[case(11, "11th")]
    #[case(12, "12th")]
    #[case(13, "13th")]
    #[case(15, "15th")]
    #[case(21, "21st")]
    #[case(22, "22nd")]
    #[case(23, "23rd")]
    #[case(30, "30th")]
    #[case(111, "111th")]
    #[case(112, "112th")]
    #[case(101, "101st")]
    fn ordinals(#[case] n: u32, #[case] said: &str) {
        assert_eq!(ordinal(n), said);
    }
}
