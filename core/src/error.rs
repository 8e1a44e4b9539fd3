//! The one error type: refused input, naming the field and the reason.

use std::fmt;

/// Input the library refuses: a case (or a calendar) that is not well-formed or not consistent.
///
/// `field` is the dotted path of the offending input (`person.arrival_date`,
/// `person.changes.1.changed_on`, `as_of`), empty for input that is not JSON at all; `message`
/// says what is wrong without repeating the field. The displayed form is `field: message`.
/// Neither part ever holds a whole identity number.
///
/// ```
/// let err = juzhu::Case::from_json(r#"{"as_of": "2024-02-30", "person": {"category": "permanent"}}"#)
///     .unwrap_err();
/// assert_eq!(err.field(), "as_of");
/// assert_eq!(err.to_string(), "as_of: 2024-02-30 is not a date");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CaseError {
    field: String,
    message: String,
}

impl CaseError {
    /// An error about `field`. Any run of digits that could be an identity number is masked in
    /// the field and the message (RULES.md §8), whoever wrote them: a value echoed back, a
    /// column named after one.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        CaseError {
            field: crate::privacy::mask_message(field.into()),
            message: crate::privacy::mask_message(message.into()),
        }
    }

    /// The dotted path of the offending input; empty when the input is not JSON at all.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What is wrong, without the field.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The error as the contract's JSON: `{"error": {"field": "...", "message": "..."}}`.
    pub fn to_json(&self) -> String {
        serde_json::json!({ "error": { "field": self.field, "message": self.message } }).to_string()
    }
}

impl fmt::Display for CaseError {
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
        f.debug_struct("CaseError").field("field", &self.field).field("message", &self.message).finish()
    }
}

impl std::error::Error for CaseError {}
