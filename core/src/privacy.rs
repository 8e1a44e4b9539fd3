//! Keeping personal data out of messages (RULES.md §8; Art 7 p2, Art 23 i3).
//!
//! Errors quote what the caller sent so the caller can find it, but a quoted value could be an
//! identity number pasted into the wrong field. [`quote`] therefore masks any run of 15 or more
//! identity-number characters the way [`mask_id`] masks a real number, and shortens long text.

/// Masks an identity number for display: the 6-digit region code and the last 4 characters
/// stay, the rest become `*` (`210102********123X`).
pub fn mask_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 10 {
        return "*".repeat(chars.len());
    }
    let n = chars.len();
    chars.iter().enumerate().map(|(i, &c)| if i < 6 || i >= n - 4 { c } else { '*' }).collect()
}

/// Longest run of quoted input shown in a message.
const QUOTE_LIMIT: usize = 40;

/// Renders untrusted input for an error message: escaped, shortened to 40 characters, and with
/// any run of 15 or more digits (or digits ending in `X`) masked as an identity number would be.
pub fn quote(s: &str) -> String {
    let masked = mask_runs(s);
    let count = masked.chars().count();
    let shown: String = if count > QUOTE_LIMIT {
        let head: String = masked.chars().take(QUOTE_LIMIT).collect();
        format!("{}… ({count} characters)", head.escape_debug())
    } else {
        masked.escape_debug().to_string()
    };
    format!("\"{shown}\"")
}

/// Renders a JSON key for a field path: plain when it is a short identifier, quoted otherwise.
pub fn key(s: &str) -> String {
    let plain = !s.is_empty()
        && s.len() <= QUOTE_LIMIT
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !has_id_like_run(s);
    if plain {
        s.to_owned()
    } else {
        quote(s)
    }
}

/// Finds identity-number-like runs: 15 or more digits, optionally ending in `X`/`x`.
/// Returns `(start, end)` char indices.
fn id_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i < chars.len() && (chars[i] == 'X' || chars[i] == 'x') {
                i += 1;
            }
            if i - start >= 15 {
                runs.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    runs
}

/// `message` with every identity-number-like run masked (what [`crate::CaseError`] applies to
/// every message, so that no refusal shows a whole identity number, whatever quoted it: a number
/// echoed back is masked like text). A byte scan first: most messages have no run of 14 digits.
pub(crate) fn mask_message(message: String) -> String {
    let mut run = 0usize;
    let long = message.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run >= 14
    });
    if long {
        mask_runs(&message)
    } else {
        message
    }
}

fn has_id_like_run(s: &str) -> bool {
    !id_runs(&s.chars().collect::<Vec<_>>()).is_empty()
}

/// Masks each identity-number-like run.
fn mask_runs(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (start, end) in id_runs(&chars) {
        out.extend(&chars[last..start]);
        out.push_str(&mask_id(&chars[start..end].iter().collect::<String>()));
        last = end;
    }
    out.extend(&chars[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_identity_numbers() {
        assert_eq!(mask_id("21010219900101123X"), "210102********123X");
        assert_eq!(mask_id("210102900101123"), "210102*****1123");
        assert_eq!(quote("x21010219900101123Xy"), "\"x210102********123Xy\"");
        assert_eq!(quote("2024-02-30"), "\"2024-02-30\"");
        assert!(quote(&"a".repeat(100)).contains("(100 characters)"));
        assert_eq!(key("arrival_date"), "arrival_date");
        assert_eq!(key("21010219900101123X"), "\"210102********123X\"");
        assert_eq!(key("Weird Key"), "\"Weird Key\"");
    }

    #[test]
    fn messages_never_show_a_whole_identity_number() {
        let m = |s: &str| mask_message(s.to_owned());
        assert_eq!(m("210102199005011007 is not one of 1, 2, 3"), "210102********1007 is not one of 1, 2, 3");
        assert_eq!(m("-21010219900501100X is negative"), "-210102********100X is negative");
        assert_eq!(m("2024-10-02 is after as_of 2024-10-01"), "2024-10-02 is after as_of 2024-10-01");
        assert_eq!(m("4294967295 is out of range"), "4294967295 is out of range");
        assert_eq!(m("12345678901234 is fine"), "12345678901234 is fine");
        let e = crate::CaseError::new("11010519491231002X", "has 1 rows, expected 2");
        assert_eq!(e.field(), "110105********002X");
        assert_eq!(crate::CaseError::new("person.changes.1.changed_on", "x").field(), "person.changes.1.changed_on");
    }
}
