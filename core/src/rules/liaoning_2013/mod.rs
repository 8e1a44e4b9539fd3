//! Rule set `liaoning-2013`: 《辽宁省实有人口服务管理办法》 (Liaoning Provincial People's
//! Government Decree No. 281), as promulgated on 2013-02-04, in force from 2013-04-01 (Art 26).
//!
//! One module per subject, each with its articles cited beside its rules and the words of each
//! explanation step beside the rule that takes it:
//!
//! | module | articles |
//! |---|---|
//! | [`input`], [`record`] | the case: person and reporter fields (CASES.md), declared once |
//! | [`facts`] | validation beyond the shared checks: Art 2 (within Liaoning) |
//! | [`category`] | Art 24, 25 — population categories |
//! | [`registration`] | Art 9, 10 p1, 11 — who registers, for whom, by when |
//! | [`permit`] | Art 10–13 — the Residence Permit |
//! | [`entitlements`] | Art 17, 18, 19 — rights and services |
//! | [`consequences`] | Art 21 — individuals |
//! | [`reporters`] | Art 11 p2, 14, 22 — employers, agencies, landlords, institutions |
//! | [`limits`] | Art 21, 22 — a correction limit must follow the duty it enforces (RULES.md §11) |
//! | [`household`] | Art 8 — household registration of Liaoning hukou persons, with the 1958 Hukou Registration Regulations' periods (§12) |
//! | [`overseas`] | Art 25 — people from outside the mainland, under the Exit and Entry Administration Law and the Hong Kong / Macao and Taiwan measures (§13) |
//! | [`duties`] | the 7-day windows and status words all duties share |
//! | [`articles`] | the provisions cited (Decree 281's and the other laws'), with their labels |
//! | [`interpretations`] | I1–I9, H1–H3, O1–O4: the choices made where the text is silent |
//! | [`outcome`], [`output`] | what is decided: compact outcomes, and the assessment's section |
//! | [`batch`] | the columnar engine for whole populations |

pub mod articles;
pub mod batch;
pub mod category;
pub mod consequences;
pub mod duties;
pub mod entitlements;
pub mod facts;
pub mod household;
pub mod input;
pub mod interpretations;
pub mod limits;
pub mod outcome;
pub mod output;
pub mod overseas;
pub mod permit;
pub mod record;
pub mod registration;
pub mod reporters;

pub use articles::{Article, Basis};
pub use entitlements::{Entitlement, Entitlements};
pub use household::{Declarant, EventKind, Fallback};
pub use input::{
    Accommodation, Area, Case, Category, Change, HeldPermit, HouseholdEvent, Person, Reporter, ReporterKind, Subject,
};
pub use interpretations::{Interpretation, Interpretations};
pub use output::{
    ChangeReport, Findings, HouseholdEventReport, Penalty, Permit, PersonAssessment, Registration, Report,
    ReporterAssessment,
};
pub use overseas::OverseasKind;

use crate::assessment::Assessment;
use crate::calendar::Calendar;
use crate::case::Policy;
use crate::date::{check_range, from_ymd, DayNum};
use crate::error::CaseError;
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::json::{Foreign, Obj};
use crate::period::{AgeConvention, DayCounting};
use crate::record::{BatchRules, Field};
use crate::rules::{RuleSet, RuleSetDef};
use crate::vocab::{words, Vocabulary, Word, WordSet};
use chrono::NaiveDate;
use duties::{judge_traced, seven_days, Duty};
use facts::{CaseFacts, ChangeFacts, PersonFacts, ReporterFacts};
use household::{EventFacts, EventOutcome};
use outcome::{ChangeOutcome, PersonOutcome, ReporterOutcome};

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

/// Checks an assessment day: inside the supported years, and on or after 2013-04-01.
///
/// # Errors
/// `as_of` outside 1900–2199 or before the Measures entered into force, naming `as_of`.
pub fn check_as_of(as_of: DayNum) -> Result<(), CaseError> {
    check_range("as_of", Some(as_of))?;
    crate::rules::check_in_force(RuleSet::Liaoning2013, as_of, "the Measures")
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

/// A set of notices.
pub type Notices = WordSet<Notice>;

/// The notices for an assessment dated `as_of`.
pub fn notices(as_of: DayNum) -> Notices {
    let mut n = Notices::EMPTY;
    if as_of >= AMENDED {
        n.insert(Notice::AmendedText);
    }
    n
}

/// One step of an explanation: a step of one of the decision modules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// The category (Art 24).
    Category(category::Step),
    /// The registration (Art 9, 10, 11).
    Registration(registration::Step),
    /// A duty's period and state.
    Duty(duties::Step),
    /// The permit (Art 10–13).
    Permit(permit::Step),
    /// Rights and services (Art 17–19).
    Entitlements(entitlements::Step),
    /// Art 21.
    Consequence(consequences::Step),
    /// A reporter's duty and the Art 22 ladder.
    Reporter(reporters::Step),
    /// A correction limit with nothing to enforce (Art 21, 22).
    Limit(limits::Step),
    /// Household registration (Art 8).
    Household(household::Step),
    /// A person from outside the mainland, under the other laws (Art 25).
    Overseas(overseas::Step),
}

macro_rules! step_from {
    ($($var:ident($module:ident)),*) => {
        $(impl From<$module::Step> for Step {
            #[inline(always)]
            fn from(s: $module::Step) -> Step {
                Step::$var(s)
            }
        })*
        impl Explain for Step {
            fn words(&self) -> ExplanationLine {
                match self { $( Step::$var(s) => s.words(), )* }
            }
        }
    };
}

step_from!(
    Category(category),
    Registration(registration),
    Duty(duties),
    Permit(permit),
    Entitlements(entitlements),
    Consequence(consequences),
    Reporter(reporters),
    Limit(limits),
    Household(household),
    Overseas(overseas)
);

/// Decides everything about a person but their household events (per case only: see
/// [`assess_person_facts`]). `changes` are judged in order and handed to `on_change`.
///
/// # Errors
/// A correction limit set before the duty it would enforce (RULES.md §11), naming
/// `person.correction_deadline`: the one refusal that needs the rules' deadlines.
#[inline]
pub fn assess_person<T: Trace<Step>>(
    f: &PersonFacts,
    changes: &[ChangeFacts],
    cx: &Ctx,
    t: &mut T,
    mut on_change: impl FnMut(ChangeOutcome),
) -> Result<PersonOutcome, CaseError> {
    let mut acc = Acc::default();
    category::explain(f, t);
    // Facts validation allows `overseas_kind` for overseas persons only.
    let (registration, long_stay) = match f.overseas_kind {
        Some(kind) => (overseas::register(f, kind, cx, &mut acc, t), false),
        None => registration::decide(f, cx, &mut acc, t),
    };
    let permit = permit::decide(f, long_stay, &registration, cx, &mut acc, t);
    for (i, c) in changes.iter().enumerate() {
        let duty = Duty::ChangeReport(u16::try_from(i).unwrap_or(u16::MAX));
        let deadline = seven_days(cx, c.changed_on, duty, &mut acc, t);
        let status = judge_traced(cx, duty, deadline, c.reported_on, t);
        on_change(ChangeOutcome { changed_on: c.changed_on, deadline, status });
    }
    let entitlements = entitlements::decide(f, &permit, cx, t);
    let (consequence, fine_min_yuan, fine_max_yuan) = match f.overseas_kind {
        Some(kind) => {
            limits::no_duty(f.correction_deadline, t);
            overseas::consequence(kind, &registration, &mut acc, t)
        }
        None => (consequences::decide(f, &registration, &permit, cx, &mut acc, t)?, 0, 0),
    };
    Ok(PersonOutcome {
        category: f.category,
        category_source: f.category_source,
        registration,
        permit,
        entitlements,
        consequence,
        fine_min_yuan,
        fine_max_yuan,
        interpretations: acc.interp,
        calendar_provisional: acc.provisional,
    })
}

/// Decides a person's household events (Art 8; RULES.md §12), in order, handing each outcome to
/// `on_event`; returns the interpretations used and whether a deadline relied on a year
/// without official calendar data. Events are per case only (the batch engine has no column
/// for them).
#[inline]
pub fn assess_household<T: Trace<Step>>(
    events: &[EventFacts],
    cx: &Ctx,
    t: &mut T,
    on_event: impl FnMut(EventOutcome),
) -> (Interpretations, bool) {
    let mut acc = Acc::default();
    household::decide(events, cx, &mut acc, t, on_event);
    (acc.interp, acc.provisional)
}

/// Decides everything about a reporter.
///
/// # Errors
/// A correction limit set before a violation could exist (RULES.md §11), naming
/// `reporter.correction_deadline`.
#[inline]
pub fn assess_reporter<T: Trace<Step>>(r: &ReporterFacts, cx: &Ctx, t: &mut T) -> Result<ReporterOutcome, CaseError> {
    reporters::decide(r, cx, t)
}

/// Assesses a reporter already reduced to validated facts, with explanations. `as_of` must have
/// passed [`check_as_of`].
///
/// # Errors
/// A correction limit set before a violation could exist (`reporter.correction_deadline`).
pub fn assess_reporter_facts(
    as_of: DayNum,
    reporter: &ReporterFacts,
    policy: &Policy,
    cal: &Calendar,
) -> Result<Assessment, CaseError> {
    let cx = Ctx::new(as_of, policy, cal);
    let mut steps = Vec::with_capacity(8);
    let o = assess_reporter(reporter, &cx, &mut steps)?;
    Ok(output::reporter_assessment(as_of, &o, notices(as_of), steps))
}

/// Assesses a person already reduced to validated facts (as the bindings' struct and batch entry
/// points do), with explanations: everything [`assess_person`] decides, then the household
/// events. `as_of` must have passed [`check_as_of`].
///
/// # Errors
/// A correction limit set before the duty it would enforce (`person.correction_deadline`).
pub fn assess_person_facts(
    as_of: DayNum,
    person: &PersonFacts,
    changes: &[ChangeFacts],
    events: &[EventFacts],
    policy: &Policy,
    cal: &Calendar,
) -> Result<Assessment, CaseError> {
    let cx = Ctx::new(as_of, policy, cal);
    let mut steps = Vec::with_capacity(16 + 3 * events.len());
    let mut judged = Vec::with_capacity(changes.len());
    let mut o = assess_person(person, changes, &cx, &mut steps, |c| judged.push(c))?;
    let mut household = Vec::with_capacity(events.len());
    let (interp, provisional) = assess_household(events, &cx, &mut steps, |e| household.push(e));
    o.interpretations = o.interpretations | interp;
    o.calendar_provisional |= provisional;
    Ok(output::person_assessment(as_of, &o, &judged, &household, notices(as_of), steps))
}

/// The rule set, for the registry.
pub struct Definition;

impl RuleSetDef for Definition {
    type Case = Case;
    type Findings = Findings;
    const IN_FORCE: DayNum = IN_FORCE;
    const FIELDS: &'static [Field] = record::FIELDS;

    fn read_case(top: &Obj, as_of: NaiveDate, foreign: Foreign<'_>) -> Result<Case, CaseError> {
        input::read_case(top, as_of, foreign)
    }

    fn assess(case: &Case, cal: &Calendar) -> Result<Assessment, CaseError> {
        let (as_of, facts) = facts::case_facts(case)?;
        match facts {
            CaseFacts::Person(f, changes, events) => {
                assess_person_facts(as_of, &f, &changes, &events, &case.policy, cal)
            }
            CaseFacts::Reporter(r) => assess_reporter_facts(as_of, &r, &case.policy, cal),
        }
    }

    fn as_of(case: &Case) -> NaiveDate {
        case.as_of
    }

    fn case_value(case: &Case) -> serde_json::Value {
        input::case_value(case)
    }

    fn findings_from_json(value: &serde_json::Value) -> Result<Findings, String> {
        output::findings_from_json(value)
    }

    fn interpretations() -> &'static Vocabulary {
        Interpretation::vocabulary()
    }

    fn notices() -> &'static Vocabulary {
        Notice::vocabulary()
    }

    fn vocabularies() -> Vec<(&'static str, &'static Vocabulary)> {
        use outcome::{
            Authority, CategorySource, Consequence, DutyHolder, Exemption, PenaltyStage, PermitStatus,
            RegistrationKind, Status,
        };
        vec![
            ("category", Category::vocabulary()),
            ("accommodation", Accommodation::vocabulary()),
            ("overseas_kind", OverseasKind::vocabulary()),
            ("area", Area::vocabulary()),
            ("event_kind", EventKind::vocabulary()),
            ("declarant", Declarant::vocabulary()),
            ("fallback", Fallback::vocabulary()),
            ("reporter_kind", ReporterKind::vocabulary()),
            ("category_source", CategorySource::vocabulary()),
            ("status", Status::vocabulary()),
            ("registration_kind", RegistrationKind::vocabulary()),
            ("duty_holder", DutyHolder::vocabulary()),
            ("permit_status", PermitStatus::vocabulary()),
            ("exemption", Exemption::vocabulary()),
            ("consequence", Consequence::vocabulary()),
            ("penalty_stage", PenaltyStage::vocabulary()),
            ("authority", Authority::vocabulary()),
            ("entitlement", Entitlement::vocabulary()),
            ("interpretation", Interpretation::vocabulary()),
            ("article", Article::vocabulary()),
            ("notice", Notice::vocabulary()),
        ]
    }

    fn batch() -> Option<&'static dyn BatchRules> {
        Some(&batch::Engine)
    }

    fn report(findings: &Findings, out: &mut crate::assessment::Report) {
        output::report(findings, out);
    }

    fn entitlements() -> Vec<(crate::vocab::Named, &'static str)> {
        Entitlement::ALL
            .iter()
            .map(|&e| (crate::vocab::Named { id: e.id(), zh: e.zh(), en: e.en() }, e.article().id()))
            .collect()
    }
}
