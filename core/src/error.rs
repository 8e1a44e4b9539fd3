//! The one error type: refused input, naming the field and the reason in English and Chinese.

use crate::explain::Lang;
use std::fmt;

/// Input the library refuses: a case (or a calendar) that is not well-formed or not consistent.
///
/// `field` is the dotted path of the offending input (`person.arrival_date`,
/// `person.changes.1.changed_on`, `as_of`), empty for input that is not JSON at all; the reason
/// is held in English ([`message`](Self::message)) and Chinese
/// ([`message_zh`](Self::message_zh)), neither repeating the field. The displayed form is
/// `field: message` (English; [`to_string_in`](Self::to_string_in) for either language).
/// No part ever holds a whole identity number.
///
/// ```
/// use juzhu::Lang;
/// let err = juzhu::Case::from_json(r#"{"as_of": "2024-02-30", "person": {"category": "permanent"}}"#)
///     .unwrap_err();
/// assert_eq!(err.field(), "as_of");
/// assert_eq!(err.to_string(), "as_of: 2024-02-30 is not a date");
/// assert_eq!(err.to_string_in(Lang::Zh), "as_of：2024-02-30 不是有效的日期");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CaseError {
    field: String,
    message: String,
    message_zh: String,
}

/// What is wrong, in English and Chinese, before it is tied to a field: what helpers that
/// check a value without knowing its place return (a division code, an identity number).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reason {
    en: String,
    zh: String,
}

impl Reason {
    /// A reason in English (`en`) and Chinese (`zh`).
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Reason { en: en.into(), zh: zh.into() }
    }

    /// The English words.
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The Chinese words.
    pub fn zh(&self) -> &str {
        &self.zh
    }
}

impl fmt::Display for Reason {
    /// The English words.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Reason {}

impl CaseError {
    /// An error about `field`, its reason in English (`en`) and Chinese (`zh`). Any run of
    /// digits that could be an identity number is masked in every part (RULES.md §8), whoever
    /// wrote them: a value echoed back, a column named after one.
    pub fn new(field: impl Into<String>, en: impl Into<String>, zh: impl Into<String>) -> Self {
        CaseError {
            field: crate::privacy::mask_message(field.into()),
            message: crate::privacy::mask_message(en.into()),
            message_zh: crate::privacy::mask_message(zh.into()),
        }
    }

    /// `field` given twice (a JSON key, a batch column, a calendar entry).
    pub(crate) fn repeated(field: impl Into<String>) -> Self {
        CaseError::new(field, "appears more than once", "重复出现")
    }

    /// A table column named twice: by `first` and again by `field` (its name and a Chinese
    /// header, or the same name twice).
    pub(crate) fn repeated_column(field: &str, first: &str) -> Self {
        if field == first {
            return CaseError::repeated(crate::privacy::key(field));
        }
        let first = crate::privacy::key(first);
        CaseError::new(
            crate::privacy::key(field),
            format!("names the same column as {first}, given before it"),
            format!("与前面的 {first} 是同一列"),
        )
    }

    /// An error about `field` for a [`Reason`] found without it.
    pub fn at(field: impl Into<String>, reason: Reason) -> Self {
        CaseError::new(field, reason.en, reason.zh)
    }

    /// The dotted path of the offending input; empty when the input is not JSON at all.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What is wrong, in English, without the field.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What is wrong, in Chinese, without the field.
    pub fn message_zh(&self) -> &str {
        &self.message_zh
    }

    /// What is wrong in `lang`, without the field.
    pub fn message_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.message,
            Lang::Zh => &self.message_zh,
        }
    }

    /// `field: message` in English or `field：消息` in Chinese (the message alone when there is
    /// no field).
    pub fn to_string_in(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::En => ": ",
            Lang::Zh => "：",
        };
        if self.field.is_empty() {
            self.message_in(lang).to_owned()
        } else {
            [self.field.as_str(), sep, self.message_in(lang)].concat()
        }
    }

    /// The error as the contract's JSON: `{"error": {"field": "...", "message": "...",
    /// "message_zh": "..."}}` (`message_zh` added to the contract's two fields).
    pub fn to_json(&self) -> String {
        serde_json::json!({ "error": { "field": self.field, "message": self.message, "message_zh": self.message_zh } })
            .to_string()
    }
}

impl fmt::Display for CaseError {
    /// `field: message`, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.message)
        } else {
            // Three plain writes, no format string: batch answers word many refusals this way.
            f.write_str(&self.field)?;
            f.write_str(": ")?;
            f.write_str(&self.message)
        }
    }
}

impl fmt::Debug for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaseError")
            .field("field", &self.field)
            .field("message", &self.message)
            .field("message_zh", &self.message_zh)
            .finish()
    }
}

impl std::error::Error for CaseError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_are_kept_and_shown() {
        let e = CaseError::new("person.birth_date", "is required", "为必填项");
        assert_eq!(e.message_in(Lang::En), "is required");
        assert_eq!(e.message_in(Lang::Zh), "为必填项");
        assert_eq!(e.to_string(), "person.birth_date: is required");
        assert_eq!(e.to_string_in(Lang::Zh), "person.birth_date：为必填项");
        let v: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
        assert_eq!(v["error"]["message_zh"], "为必填项");
        let bare = CaseError::at("", Reason::new("not valid JSON", "不是有效的 JSON"));
        assert_eq!(bare.to_string_in(Lang::Zh), "不是有效的 JSON");
    }

    #[test]
    fn identity_numbers_are_masked_in_the_chinese_words_too() {
        let e = CaseError::new("x", "a", "证件号 11010519491231002X 有误");
        assert!(!e.message_zh().contains("11010519491231002X"), "{}", e.message_zh());
    }
}
