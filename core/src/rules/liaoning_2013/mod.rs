//! Rule set `liaoning-2013`: 《辽宁省实有人口服务管理办法》 (Liaoning Provincial People's
//! Government Decree No. 281), as promulgated on 2013-02-04, in force from 2013-04-01 (Art 26).
//!
//! One module per subject, each with its articles cited beside its rules:
//!
//! | module | articles |
//! |---|---|
//! | [`category`] | Art 24, 25 — population categories |
//! | [`registration`] | Art 9, 10 p1, 11 — who registers, for whom, by when |
//! | [`permit`] | Art 10–13 — the Residence Permit |
//! | [`entitlements`] | Art 17, 18, 19 — rights and services |
//! | [`consequences`] | Art 21 — individuals |
//! | [`reporters`] | Art 11 p2, 14, 22 — employers, agencies, landlords, institutions |
//! | [`duties`] | the 7-day windows and status words all duties share |
//! | [`interpretations`] | I1–I9, the choices made where the text is silent |
//! | [`steps`] | the explanation of each decision, in Chinese and English |

pub mod articles;
pub mod category;
pub mod consequences;
pub mod duties;
pub mod entitlements;
pub mod interpretations;
pub mod permit;
pub mod registration;
pub mod reporters;
pub mod steps;

pub use articles::{Article, Basis};
pub use entitlements::{Entitlement, Entitlements};
pub use interpretations::{Interpretation, Interpretations};
pub use steps::Step;

use crate::calendar::Calendar;
use crate::case::{AgeConvention, DayCounting, Policy};
use crate::date::{format_iso, from_ymd, DayNum};
use crate::error::CaseError;
use crate::facts::{ChangeFacts, PersonFacts, ReporterFacts};
use crate::outcome::{ChangeOutcome, PersonOutcome, ReporterOutcome};
use crate::rules::Trace;
use crate::vocab::words;
use duties::{judge_traced, seven_days, Duty};

/// The day the Measures entered into force (Art 26).
pub const IN_FORCE: DayNum = from_ymd(2013, 4, 1);

/// The day of the first amendment (Liaoning decree of 2016-11-19); from then the 2013 text is
/// no longer the text in force, which assessments say with the `amended_text` notice.
pub const AMENDED: DayNum = from_ymd(2016, 11, 19);

/// What the rules need besides the facts: the day, the policy and the calendar.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    /// The assessment day.
    pub as_of: DayNum,
    /// Day counting (I1).
    pub counting: DayCounting,
    /// Age convention.
    pub age: AgeConvention,
    /// Rest days.
    pub cal: &'a Calendar,
}

impl<'a> Ctx<'a> {
    /// A context for `as_of` under `policy` with `cal`.
    pub fn new(as_of: DayNum, policy: &Policy, cal: &'a Calendar) -> Self {
        Ctx { as_of, counting: policy.day_counting, age: policy.age, cal }
    }
}

/// What decisions accumulate on the side: interpretations used, calendar reliance.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Acc {
    pub interp: Interpretations,
    pub provisional: bool,
}

/// Refuses an assessment day before 2013-04-01.
///
/// # Errors
/// `as_of` before 2013-04-01, naming `as_of`.
pub fn check_in_force(as_of: DayNum) -> Result<(), CaseError> {
    if as_of < IN_FORCE {
        return Err(CaseError::new(
            "as_of",
            format!("{} is before the Measures entered into force ({})", format_iso(as_of), format_iso(IN_FORCE)),
        ));
    }
    Ok(())
}

words! {
    /// A notice attached to an assessment.
    pub enum Notice {
        /// The 2013 text has since been amended (2016-11-19, 2020-10-09).
        AmendedText = 0 => "amended_text",
            "本评估依据2013年公布的《辽宁省实有人口服务管理办法》原文；该办法已于2016年11月19日、2020年10月9日两次修改，2016年修改后居住证适用国务院《居住证暂行条例》（2016年1月1日施行）。",
            "This assessment applies the Liaoning Measures as promulgated in 2013. They were amended on 2016-11-19 and 2020-10-09; since the 2016 amendment, Residence Permits follow the State Council's Interim Regulations on Residence Permits (in force 2016-01-01).";
    }
}

/// The notices for an assessment dated `as_of`.
pub fn notices(as_of: DayNum) -> Notices {
    let mut n = Notices::default();
    if as_of >= AMENDED {
        n.0 |= 1 << Notice::AmendedText as u8;
    }
    n
}

/// A set of notices.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, Debug)]
pub struct Notices(u8);

impl Notices {
    /// The members.
    pub fn iter(self) -> impl Iterator<Item = Notice> {
        use crate::vocab::Word;
        Notice::ALL.iter().copied().filter(move |&n| self.0 & (1 << n as u8) != 0)
    }
    /// The set as bits (bit k = the notice with code k).
    pub fn bits(self) -> u8 {
        self.0
    }
    /// Whether there is none.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl serde::Serialize for Notices {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::vocab::Word;
        use serde::ser::{SerializeMap, SerializeSeq};
        struct One(Notice);
        impl serde::Serialize for One {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(3))?;
                m.serialize_entry("id", self.0.id())?;
                m.serialize_entry("en", self.0.en())?;
                m.serialize_entry("zh", self.0.zh())?;
                m.end()
            }
        }
        let mut seq = s.serialize_seq(None)?;
        for n in self.iter() {
            seq.serialize_element(&One(n))?;
        }
        seq.end()
    }
}

/// Decides everything about a person. `changes` are judged in order and handed to `on_change`.
#[inline]
pub fn assess_person<T: Trace>(
    f: &PersonFacts,
    changes: &[ChangeFacts],
    cx: &Ctx,
    t: &mut T,
    mut on_change: impl FnMut(ChangeOutcome),
) -> PersonOutcome {
    let mut acc = Acc::default();
    category::explain(f, t);
    let (registration, long_stay) = registration::decide(f, cx, &mut acc, t);
    let permit = permit::decide(f, long_stay, &registration, cx, &mut acc, t);
    for (i, c) in changes.iter().enumerate() {
        let duty = Duty::ChangeReport(u16::try_from(i).unwrap_or(u16::MAX));
        let deadline = seven_days(cx, c.changed_on, duty, &mut acc, t);
        let status = judge_traced(cx, duty, deadline, c.reported_on, t);
        on_change(ChangeOutcome { changed_on: c.changed_on, deadline, status });
    }
    let entitlements = entitlements::decide(f, &permit, cx, t);
    let consequence = consequences::decide(f, &registration, &permit, cx, &mut acc, t);
    PersonOutcome {
        category: f.category,
        category_source: f.category_source,
        registration,
        permit,
        entitlements,
        consequence,
        interpretations: acc.interp,
        calendar_provisional: acc.provisional,
    }
}

/// Decides everything about a reporter.
#[inline]
pub fn assess_reporter<T: Trace>(r: &ReporterFacts, cx: &Ctx, t: &mut T) -> ReporterOutcome {
    reporters::decide(r, cx, t)
}
