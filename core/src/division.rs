//! Administrative division codes (GB/T 2260): six digits naming a province (the first two), a
//! city (the first four) and a county-level unit (all six); longer codes (down to villages)
//! begin with those six.
//!
//! A code is kept as its first six digits, a number from 0 to 999 999 ([`Code`]), whether it
//! came as text (`"210102"`, `"110105001001"`) or as a number; anything else is refused with the
//! field named.
//!
//! ```
//! use juzhu::division::Code;
//! let shenyang_heping = Code::parse("210102").unwrap();
//! assert_eq!(shenyang_heping.province(), 21);
//! assert_eq!(shenyang_heping.city(), Code::parse("210106").unwrap().city());
//! // Beijing is a municipality: all its districts are one city.
//! assert_eq!(Code::parse("110105").unwrap().city(), Code::parse("110108").unwrap().city());
//! // A county-level unit directly under its province (third and fourth digits 90) is its own city.
//! assert_ne!(Code::parse("429004").unwrap().city(), Code::parse("429005").unwrap().city());
//! assert!(Code::parse("2101").is_err());
//! // An identity number typed where a code belongs is refused, not read as its first six digits.
//! assert!(Code::parse("210102199003071233").is_err() && Code::parse("210102199003071234").is_ok());
//! ```

use crate::error::{CaseError, Reason};
use crate::privacy::{quote, quote_zh};

/// A division code, by its first six digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(u32);

/// The provinces whose code is a whole city: the four municipalities directly under the
/// central government (Beijing 11, Tianjin 12, Shanghai 31, Chongqing 50).
const MUNICIPALITIES: [u32; 4] = [11, 12, 31, 50];

/// Why a text or number is not a division code.
fn not_a_code(shown: &str) -> Reason {
    Reason::new(
        format!("{} is not a GB/T 2260 division code (6 or more digits)", quote(shown)),
        format!("{} 不是有效的 GB/T 2260 行政区划代码（应为至少 6 位数字）", quote_zh(shown)),
    )
}

/// Whether all-digit text is a citizen identity number (15 digits, or 18 with a real birth date
/// and the right check digit): a number clerks type into the wrong field, and never a division
/// code (those are 6, 9 or 12 digits), so refused rather than read by its first six digits.
fn is_identity_number(digits: &str) -> bool {
    matches!(digits.len(), 15 | 18) && crate::id_number::IdNumber::parse(digits).is_ok()
}

/// Why an identity number is not a division code (the number masked).
fn an_identity_number(shown: &str) -> Reason {
    Reason::new(
        format!("{} is a citizen identity number, not a GB/T 2260 division code", quote(shown)),
        format!("{} 是公民身份号码，不是 GB/T 2260 行政区划代码", quote_zh(shown)),
    )
}

impl Code {
    /// Reads a code written as 6 or more ASCII digits; `Err` is the reason (without the field).
    ///
    /// # Errors
    /// Text that is not 6 or more digits, or that is a citizen identity number.
    pub fn parse(text: &str) -> Result<Code, Reason> {
        Code::checked(text).ok_or_else(|| {
            if is_identity_number(text) {
                an_identity_number(text)
            } else {
                not_a_code(text)
            }
        })
    }

    /// [`Code::parse`] without the reason (what a batch column's reader needs: an unreadable value
    /// is reread, and refused, row by row).
    #[inline]
    pub(crate) fn checked(text: &str) -> Option<Code> {
        let b = text.as_bytes();
        if b.len() < 6 || !b.iter().all(u8::is_ascii_digit) || (b.len() >= 15 && is_identity_number(text)) {
            return None;
        }
        Some(Code(b[..6].iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0'))))
    }

    /// Reads a code given as a number (leading zeros cannot be written in a number, so it must
    /// have 6 or more digits); `Err` is the reason.
    ///
    /// # Errors
    /// A negative number or one of fewer than 6 digits.
    #[inline]
    pub fn from_number(n: i64) -> Result<Code, Reason> {
        Code::checked_number(n).ok_or_else(|| {
            let shown = n.to_string();
            if is_identity_number(&shown) {
                an_identity_number(&shown)
            } else {
                not_a_code(&shown)
            }
        })
    }

    /// [`Code::from_number`] without the reason.
    #[inline]
    pub(crate) fn checked_number(n: i64) -> Option<Code> {
        if n < 100_000 || (n >= 100_000_000_000_000 && is_identity_number(&n.to_string())) {
            return None;
        }
        let mut v = n;
        while v >= 1_000_000 {
            v /= 10;
        }
        Some(Code(v as u32))
    }

    /// [`Code::parse`] with the error naming `field`.
    ///
    /// # Errors
    /// As [`Code::parse`].
    pub fn read(field: &str, text: &str) -> Result<Code, CaseError> {
        Code::parse(text).map_err(|r| CaseError::at(field, r))
    }

    /// The code's first six digits as a number.
    pub const fn six_digits(self) -> u32 {
        self.0
    }

    /// A code from its first six digits (`None` above 999 999).
    pub const fn from_six_digits(v: u32) -> Option<Code> {
        if v <= 999_999 {
            Some(Code(v))
        } else {
            None
        }
    }

    /// The province: the first two digits.
    pub const fn province(self) -> u32 {
        self.0 / 10_000
    }

    /// The city the code lies in, as a code prefix: the first four digits, except the four
    /// municipalities (the first two: the whole municipality is one city) and county-level
    /// units directly under a province (third and fourth digits `90`: all six). The
    /// municipality rule is tried first.
    pub fn city(self) -> City {
        let province = self.province();
        if MUNICIPALITIES.contains(&province) {
            City { prefix: province, digits: 2 }
        } else if self.0 / 100 % 100 == 90 {
            City { prefix: self.0, digits: 6 }
        } else {
            City { prefix: self.0 / 100, digits: 4 }
        }
    }
}

/// A city, as the prefix of division codes that lie in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct City {
    /// The prefix's value.
    pub prefix: u32,
    /// How many leading digits the prefix has: 2, 4 or 6.
    pub digits: u8,
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:06}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_numbers_agree() {
        for (text, number) in [("210102", 210_102), ("110105001001", 110_105_001_001), ("500101", 500_101)] {
            assert_eq!(Code::parse(text), Code::from_number(number), "{text}");
        }
        assert_eq!(Code::parse("000021").unwrap().province(), 0, "leading zeros are kept in text");
        let e = Code::from_number(21).unwrap_err();
        assert_eq!(e.en(), "\"21\" is not a GB/T 2260 division code (6 or more digits)");
        assert_eq!(e.zh(), "\"21\" 不是有效的 GB/T 2260 行政区划代码（应为至少 6 位数字）");
        let e = Code::read("person.hukou_region", "2101").unwrap_err();
        assert_eq!(
            e.to_string_in(crate::Lang::Zh),
            "person.hukou_region：\"2101\" 不是有效的 GB/T 2260 行政区划代码（应为至少 6 位数字）"
        );
        assert!(Code::parse("21A102").is_err() && Code::parse("").is_err() && Code::parse("２１０１０２").is_err());
        assert!(Code::from_number(-210_102).is_err());
        assert_eq!(Code::parse("210102").unwrap().to_string(), "210102");
    }

    #[test]
    fn cities() {
        let city = |s: &str| Code::parse(s).unwrap().city();
        assert_eq!(city("210203"), city("210202"), "two districts of Dalian");
        assert_ne!(city("210203"), city("210102"), "Dalian and Shenyang");
        assert_eq!(city("310115"), city("310101"), "Shanghai is one city");
        assert_eq!(city("500101"), city("500240"), "so is Chongqing, counties included");
        assert_eq!(city("429004"), City { prefix: 429_004, digits: 6 }, "Xiantao, directly under Hubei");
        assert_eq!(city("119000"), City { prefix: 11, digits: 2 }, "the municipality rule comes first");
        assert_eq!(city("370102").digits, 4);
    }
}
