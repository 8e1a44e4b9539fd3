//! Times of day to the minute (`HH:MM`), for periods counted in hours.
//!
//! A [`TimeOfDay`] is minutes after midnight, `00:00`–`23:59`. In JSON it is the text `"HH:MM"`
//! (two digits each, nothing else); in batch columns the minute count as `u16`, with
//! [`crate::batch::NULL_TIME`] for absent.
//!
//! ```
//! use juzhu::time::TimeOfDay;
//! let t = TimeOfDay::parse("21:15").unwrap();
//! assert_eq!(t.minutes(), 21 * 60 + 15);
//! assert_eq!(t.to_string(), "21:15");
//! assert!(TimeOfDay::parse("25:00").is_none());
//! assert!(TimeOfDay::parse("9:15").is_none());
//! ```

use std::fmt;

/// Minutes in a day.
pub const MINUTES_PER_DAY: u16 = 24 * 60;

/// A time of day, to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// Midnight, `00:00`.
    pub const MIDNIGHT: TimeOfDay = TimeOfDay(0);

    /// The time `minutes` after midnight; `None` from 1440 on.
    pub const fn from_minutes(minutes: u16) -> Option<TimeOfDay> {
        if minutes < MINUTES_PER_DAY {
            Some(TimeOfDay(minutes))
        } else {
            None
        }
    }

    /// The time `hour:minute`; `None` when either is out of range.
    pub const fn from_hm(hour: u8, minute: u8) -> Option<TimeOfDay> {
        if hour < 24 && minute < 60 {
            Some(TimeOfDay(hour as u16 * 60 + minute as u16))
        } else {
            None
        }
    }

    /// Minutes after midnight (0–1439).
    pub const fn minutes(self) -> u16 {
        self.0
    }

    /// The hour (0–23).
    pub const fn hour(self) -> u8 {
        (self.0 / 60) as u8
    }

    /// The minute of the hour (0–59).
    pub const fn minute(self) -> u8 {
        (self.0 % 60) as u8
    }

    /// Parses a strict `HH:MM` (two digits each, `00:00`–`23:59`); `None` for anything else.
    pub fn parse(s: &str) -> Option<TimeOfDay> {
        let b = s.as_bytes();
        if b.len() != 5 || b[2] != b':' {
            return None;
        }
        let two = |i: usize| -> Option<u8> {
            (b[i].is_ascii_digit() && b[i + 1].is_ascii_digit()).then(|| (b[i] - b'0') * 10 + (b[i + 1] - b'0'))
        };
        TimeOfDay::from_hm(two(0)?, two(3)?)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl serde::Serialize for TimeOfDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for TimeOfDay {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        TimeOfDay::parse(&s).ok_or_else(|| {
            <D::Error as serde::de::Error>::custom(format!("{} is not a time (HH:MM)", crate::privacy::quote(&s)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_minute_round_trips_and_nothing_else_parses() {
        for m in 0..MINUTES_PER_DAY {
            let t = TimeOfDay::from_minutes(m).unwrap();
            assert_eq!(TimeOfDay::parse(&t.to_string()), Some(t));
            assert_eq!(TimeOfDay::from_hm(t.hour(), t.minute()), Some(t));
        }
        assert_eq!(TimeOfDay::from_minutes(MINUTES_PER_DAY), None);
        for bad in [
            "24:00",
            "25:00",
            "23:60",
            "9:15",
            "09:5",
            "0915",
            "09:15 ",
            " 09:15",
            "0a:15",
            "-1:00",
            "",
            "09-15",
            "１２:００",
        ] {
            assert_eq!(TimeOfDay::parse(bad), None, "{bad:?}");
        }
        assert_eq!(TimeOfDay::parse("00:00"), Some(TimeOfDay::MIDNIGHT));
        assert_eq!(TimeOfDay::parse("23:59").map(TimeOfDay::minutes), Some(1439));
        assert_eq!(serde_json::to_string(&TimeOfDay::parse("07:05")).unwrap(), "\"07:05\"");
        assert!(serde_json::from_str::<TimeOfDay>("\"7:05\"").is_err());
    }
}
