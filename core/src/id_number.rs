//! Citizen identity numbers (公民身份号码, GB 11643-1999).
//!
//! An identity number has 18 characters: a 6-digit administrative division code, the birth date
//! as `YYYYMMDD`, a 3-digit sequence (odd last digit for men, even for women) and a check
//! character computed over the first 17 digits with ISO 7064 MOD 11-2 (`X` stands for 10).
//! Numbers issued before 1999 had 15 digits (a 2-digit year in the 1900s and no check
//! character); [`IdNumber::parse`] upgrades them.
//!
//! An `IdNumber` never shows itself whole: `Debug`, `Display` and serde's `Serialize` give the
//! masked form (`210102********123X`), so that a service's logs, traces or error reports built
//! with serde cannot leak it; only [`IdNumber::expose`] gives the full text, for callers that
//! must store it (serialize `id.expose()` explicitly where the whole number is meant).
//! `Deserialize` reads and checks a number as [`IdNumber::parse`] does.
//!
//! ```
//! use juzhu::id_number::{IdNumber, Sex};
//! let id = IdNumber::parse("11010519491231002X").unwrap();
//! assert_eq!(id.birth_date().to_string(), "1949-12-31");
//! assert_eq!(id.sex(), Sex::Female);
//! assert_eq!(id.to_string(), "110105********002X");
//! ```

use crate::date::{days_in_month, from_ymd, to_naive};
use crate::vocab::words;
use chrono::NaiveDate;
use std::fmt;

words! {
    /// Sex as encoded in the sequence digit of an identity number.
    pub enum Sex {
        /// Odd sequence digit.
        Male = 0 => "male", "男", "male";
        /// Even sequence digit.
        Female = 1 => "female", "女", "female";
    }
}

/// Why a text is not a valid identity number. Messages never repeat the number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdNumberError {
    /// Neither 18 nor 15 characters.
    #[error("has {0} characters; an identity number has 18 (or 15 for the pre-1999 form)")]
    Length(usize),
    /// A character that is not a digit (or `X` in the last place of an 18-character number).
    #[error("character {0} is not a digit")]
    Character(usize),
    /// The birth-date part names no real day.
    #[error("the birth date it holds is not a date")]
    BirthDate,
    /// The check character does not match the first 17 digits.
    #[error("the check character does not match (should be {expected}): {masked}")]
    Check {
        /// The check character the first 17 digits call for.
        expected: char,
        /// The number as given, masked.
        masked: String,
    },
}

impl IdNumberError {
    /// What is wrong, in Chinese (the English words are its `Display`); never the number whole.
    pub fn zh(&self) -> String {
        match self {
            IdNumberError::Length(n) => format!("长度为 {n} 位；公民身份号码应为 18 位（1999 年以前的旧号码为 15 位）"),
            IdNumberError::Character(i) => format!("第 {i} 位不是数字"),
            IdNumberError::BirthDate => "其中的出生日期不是有效的日期".to_owned(),
            IdNumberError::Check { expected, masked } => format!("校验码不符（应为 {expected}）：{masked}"),
        }
    }

    /// What is wrong in English and Chinese, to tie to a field
    /// ([`CaseError::at`](crate::CaseError::at)).
    pub fn reason(&self) -> crate::Reason {
        crate::Reason::new(self.to_string(), self.zh())
    }
}

/// A validated 18-character citizen identity number.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdNumber {
    text: [u8; 18],
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// The ISO 7064 MOD 11-2 check character for 17 digits.
fn check_char(digits: &[u8]) -> u8 {
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(&d, w)| u32::from(d - b'0') * w).sum();
    CHECK_CHARS[(sum % 11) as usize]
}

impl IdNumber {
    /// Validates an 18-character number (check character `x` is accepted as `X`), or upgrades
    /// a 15-digit one (year `YY` read as `19YY`, check character computed).
    ///
    /// # Errors
    /// A wrong length, a non-digit, an impossible birth date or a wrong check character.
    pub fn parse(s: &str) -> Result<IdNumber, IdNumberError> {
        let b = s.trim().as_bytes();
        // A character outside ASCII (full-width digits, say) is refused where it stands, before
        // the length, which counts characters and would otherwise look right.
        if let Some(i) = s.trim().chars().position(|c| !c.is_ascii()) {
            return Err(IdNumberError::Character(i + 1));
        }
        let mut text = [0u8; 18];
        match b.len() {
            18 => {
                for (i, &c) in b.iter().enumerate() {
                    let ok = c.is_ascii_digit() || (i == 17 && (c == b'X' || c == b'x'));
                    if !ok {
                        return Err(IdNumberError::Character(i + 1));
                    }
                    text[i] = c.to_ascii_uppercase();
                }
                IdNumber { text }.birth_parts().ok_or(IdNumberError::BirthDate)?;
                let expected = check_char(&text[..17]);
                if text[17] != expected {
                    return Err(IdNumberError::Check {
                        expected: char::from(expected),
                        masked: crate::privacy::mask_id(s.trim()),
                    });
                }
            }
            15 => {
                if let Some(i) = b.iter().position(|c| !c.is_ascii_digit()) {
                    return Err(IdNumberError::Character(i + 1));
                }
                text[..6].copy_from_slice(&b[..6]);
                text[6..8].copy_from_slice(b"19");
                text[8..17].copy_from_slice(&b[6..15]);
                text[17] = check_char(&text[..17]);
            }
            _ => return Err(IdNumberError::Length(s.trim().chars().count())),
        }
        let id = IdNumber { text };
        id.birth_parts().ok_or(IdNumberError::BirthDate)?;
        Ok(id)
    }

    /// The birth day a well-formed 18-character number (digits, a final `X` or `x`, a real
    /// birth date, the right check character) holds, without building the number: the batch
    /// readers' fast path, a third of [`IdNumber::parse`] then [`IdNumber::birth_date`] for a
    /// table of numbers (`None`: anything else, for `parse` to read and word).
    pub(crate) fn birth_day_of(b: &[u8]) -> Option<crate::date::DayNum> {
        let b: &[u8; 18] = b.try_into().ok()?;
        let last_ok = b[17].is_ascii_digit() || b[17] == b'X' || b[17] == b'x';
        if !(last_ok && b[..17].iter().all(u8::is_ascii_digit)) || b[17].to_ascii_uppercase() != check_char(&b[..17]) {
            return None;
        }
        let id = IdNumber { text: *b };
        id.birth_parts().map(|_| id.birth_day())
    }

    fn birth_parts(&self) -> Option<(i32, u32, u32)> {
        let num = |r: std::ops::Range<usize>| self.text[r].iter().fold(0u32, |a, &c| a * 10 + u32::from(c - b'0'));
        let (y, m, d) = (num(6..10) as i32, num(10..12), num(12..14));
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
    }

    /// The birth date the number encodes.
    pub fn birth_date(&self) -> NaiveDate {
        to_naive(self.birth_day())
    }

    /// [`IdNumber::birth_date`] as a day number, the form the rules count in.
    pub fn birth_day(&self) -> crate::date::DayNum {
        let (y, m, d) = self.birth_parts().unwrap_or((1970, 1, 1));
        from_ymd(y, m, d)
    }

    /// The sex the number encodes.
    pub fn sex(&self) -> Sex {
        if (self.text[16] - b'0') % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// The 6-digit administrative division code where the number was first issued.
    pub fn region_code(&self) -> &str {
        std::str::from_utf8(&self.text[..6]).unwrap_or("")
    }

    /// The masked form for display: `210102********123X`.
    pub fn masked(&self) -> String {
        crate::privacy::mask_id(self.expose())
    }

    /// The whole number. Personal data: never log or print it (Art 7 p2).
    pub fn expose(&self) -> &str {
        std::str::from_utf8(&self.text).unwrap_or("")
    }
}

impl fmt::Display for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdNumber({})", self.masked())
    }
}

impl std::str::FromStr for IdNumber {
    type Err = IdNumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IdNumber::parse(s)
    }
}

/// The masked form, as `Display` (personal data stays out of whatever serde writes: logs, traces,
/// queued error reports). Serialize [`IdNumber::expose`] where the whole number must be stored.
impl serde::Serialize for IdNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.masked())
    }
}

/// Reads and checks a number as [`IdNumber::parse`] does (15 digits upgraded to 18); a refused
/// one is described with its masked form.
impl<'de> serde::Deserialize<'de> for IdNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        IdNumber::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The birth day a case's identity number holds (`person.id_number`, of whichever rule set),
/// checked: it must be the `given` birth date, when one is given, and lie within the supported
/// years. `None` without a number.
///
/// # Errors
/// A birth day that differs from `given`, or lies outside the supported years.
pub(crate) fn checked_birth(
    id: Option<&IdNumber>,
    given: Option<crate::date::DayNum>,
) -> Result<Option<crate::date::DayNum>, crate::error::CaseError> {
    checked_birth_day(id.map(IdNumber::birth_day), given)
}

/// A batch row's birth day and whether it came from the identity number: the row's `birth_date`
/// (`given`), else the birth day its identity number holds (`id`, [`crate::batch::NULL_DAY`]
/// without one), checked as [`checked_birth`] checks a case's. Both rule sets' batch rows read
/// it where their cases call `checked_birth`.
///
/// # Errors
/// As [`checked_birth_day`].
// Always inlined: it stands in both batch loops' hot path, where the test on `id` belongs.
#[inline(always)]
pub(crate) fn row_birth(
    given: Option<crate::date::DayNum>,
    id: crate::date::DayNum,
) -> Result<(Option<crate::date::DayNum>, bool), crate::error::CaseError> {
    // Most tables hold no identity numbers: one predictable test, no call.
    let from_id = match id {
        crate::batch::NULL_DAY => None,
        d => checked_birth_day(Some(d), given)?,
    };
    Ok((given.or(from_id), given.is_none() && from_id.is_some()))
}

/// [`checked_birth`] for the birth day an identity number holds, as a batch row keeps it (the
/// number itself is not kept): the same checks, the same words.
///
/// # Errors
/// A birth day that differs from `given`, or lies outside the supported years.
// Out of line: the batch loops call it only for rows holding a number, and inlined it pushes
// the rules' own checks out of line (+6% instructions a row on tables without numbers).
#[inline(never)]
pub(crate) fn checked_birth_day(
    birth: Option<crate::date::DayNum>,
    given: Option<crate::date::DayNum>,
) -> Result<Option<crate::date::DayNum>, crate::error::CaseError> {
    use crate::date::{show, MAX_INPUT_YEAR, MIN_INPUT_YEAR};
    use crate::error::CaseError;
    if let (Some(from_id), Some(given)) = (birth, given) {
        if from_id != given {
            let (from_id, given) = (show(from_id), show(given));
            return Err(CaseError::new(
                "person.id_number",
                format!("holds the birth date {from_id}, but birth_date is {given}"),
                format!("所含出生日期为 {from_id}，与 birth_date（{given}）不一致"),
            ));
        }
    }
    crate::date::check_range("person.id_number", birth).map_err(|_| {
        CaseError::new(
            "person.id_number",
            format!("holds a birth date outside the supported years {MIN_INPUT_YEAR}–{MAX_INPUT_YEAR}"),
            format!("所含出生日期超出支持的年份范围（{MIN_INPUT_YEAR} 至 {MAX_INPUT_YEAR} 年）"),
        )
    })?;
    Ok(birth)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The batch readers' fast path reads exactly what `parse` reads, or leaves it to it:
        /// over numbers made valid, one character off, and noise.
        #[test]
        fn the_fast_birth_day_agrees_with_parse(
            body in "[0-9]{6}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}",
            noise in "[0-9Xx ]{16,19}",
            last in "[0-9Xx]",
        ) {
            let valid = format!("{body}{}", char::from(check_char(body.as_bytes())));
            let lower = valid.to_lowercase();
            let off = format!("{body}{last}");
            for text in [valid.as_str(), lower.as_str(), off.as_str(), noise.as_str()] {
                let slow = IdNumber::parse(text).ok().filter(|_| text.len() == 18).map(|id| id.birth_day());
                let fast = IdNumber::birth_day_of(text.as_bytes());
                // Without spaces around it, the same; with them, left to `parse` (which trims).
                let expected = if text == text.trim() { slow } else { None };
                proptest::prop_assert_eq!(fast, expected, "{}", text);
            }
        }
    }

    #[test]
    fn serde_never_writes_the_whole_number() {
        let id = IdNumber::parse("11010519491231002X").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"110105********002X\"");
        let back: IdNumber = serde_json::from_str("\"110105491231002\"").unwrap();
        assert_eq!(back.expose(), "11010519491231002X");
        let e = serde_json::from_str::<IdNumber>("\"110105194912310021\"").unwrap_err().to_string();
        assert!(!e.contains("110105194912310021") && e.contains("110105********0021"), "{e}");
        assert!(serde_json::from_str::<IdNumber>("\"110105********002X\"").is_err(), "a masked number is no number");
    }

    #[test]
    fn validates_and_upgrades() {
        let id = IdNumber::parse("11010519491231002x").unwrap();
        assert_eq!(id.expose(), "11010519491231002X");
        assert_eq!(id.region_code(), "110105");
        let old = IdNumber::parse("110105491231002").unwrap();
        assert_eq!(old.expose(), "11010519491231002X");
        assert_eq!(
            IdNumber::parse("110105194912310021").unwrap_err(),
            IdNumberError::Check { expected: 'X', masked: "110105********0021".into() }
        );
        assert_eq!(IdNumber::parse("1101051949123").unwrap_err(), IdNumberError::Length(13));
        assert_eq!(IdNumber::parse("11010519491231X02X").unwrap_err(), IdNumberError::Character(15));
        // Full-width digits: refused at the first one, not as a wrong length of 18.
        assert_eq!(IdNumber::parse("１１0105194912310０2X").unwrap_err(), IdNumberError::Character(1));
        assert_eq!(IdNumber::parse("110105１9491231002X").unwrap_err(), IdNumberError::Character(7));
        assert_eq!(IdNumber::parse("110105194902300029").unwrap_err(), IdNumberError::BirthDate);
        let zh = |s: &str| IdNumber::parse(s).unwrap_err().zh();
        assert_eq!(zh("1101051949123"), "长度为 13 位；公民身份号码应为 18 位（1999 年以前的旧号码为 15 位）");
        assert_eq!(zh("11010519491231X02X"), "第 15 位不是数字");
        assert_eq!(zh("110105194902300029"), "其中的出生日期不是有效的日期");
        assert_eq!(zh("110105194912310021"), "校验码不符（应为 X）：110105********0021");
        let r = IdNumber::parse("110105194912310021").unwrap_err().reason();
        assert_eq!(r.en(), "the check character does not match (should be X): 110105********0021");
        assert_eq!(format!("{id:?}"), "IdNumber(110105********002X)");
    }

    #[test]
    fn sex_from_sequence_digit() {
        // 21010219900307123? — build a valid male and female number by computing the check.
        for (seq, sex) in [("123", Sex::Male), ("124", Sex::Female)] {
            let body = format!("21010219900307{seq}");
            let check = char::from(check_char(body.as_bytes()));
            let id = IdNumber::parse(&format!("{body}{check}")).unwrap();
            assert_eq!(id.sex(), sex);
            assert_eq!(id.birth_date(), NaiveDate::from_ymd_opt(1990, 3, 7).unwrap());
        }
    }
}
