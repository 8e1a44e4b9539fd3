//! Rule set `china-2016`: 《居住证暂行条例》, the State Council's Interim Regulations on Residence
//! Permits (Decree No. 663), promulgated 2015-11-26, in force from 2016-01-01 (Art 23). Since
//! then Residence Permits follow it in every province, Liaoning included.
//!
//! One module per subject, each with its articles cited beside its rules and the words of each
//! explanation step beside the rule that takes it:
//!
//! | module | articles |
//! |---|---|
//! | [`input`], [`record`] | the case: person and policy fields, declared once |
//! | [`facts`] | validation beyond the shared checks |
//! | [`eligibility`] | Art 2, 9 — who may apply, how, and when the permit is issued |
//! | [`endorsement`] | Art 10, 23 — the yearly endorsement, suspension, years of residence |
//! | [`entitlements`] | Art 12, 13 — rights, services and conveniences |
//! | [`settlement`] | Art 15, 16 — the settlement frame by city size |
//! | [`penalties`] | Art 18, 19 — conduct and penalties |
//! | [`articles`], [`interpretations`] | the provisions cited; R1–R9 |
//! | [`outcome`], [`output`] | what is decided: compact outcomes, and the assessment's section |
//! | [`batch`] | the columnar engine for whole populations |
//!
//! Fees (Art 21): first issue and endorsement are free; exchange or replacement pays the card
//! fee, whose amount the regulation leaves to the State Council's finance and pricing
//! departments. Every assessment carries the notice `local_measures`: cities' implementing
//! measures (Art 22) are not encoded.

pub mod articles;
pub mod batch;
pub mod eligibility;
pub mod endorsement;
pub mod entitlements;
pub mod facts;
pub mod input;
pub mod interpretations;
pub mod outcome;
pub mod output;
pub mod penalties;
pub mod record;
pub mod settlement;

pub use articles::{Article, Basis};
pub use entitlements::{Entitlement, Entitlements};
pub use input::{Case, HeldPermit, Person, Settings};
pub use interpretations::{Interpretation, Interpretations};
pub use output::{Endorsement, Findings, PenaltyReport, Permit, Settlement};

use crate::assessment::Assessment;
use crate::calendar::Calendar;
use crate::case::Policy;
use crate::date::{check_range, from_naive, from_ymd, DayNum};
use crate::error::CaseError;
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::json::{Foreign, Obj};
use crate::period::{AgeConvention, DayCounting};
use crate::record::{BatchRules, Field};
use crate::rules::{RuleSet, RuleSetDef};
use crate::vocab::{words, Vocabulary, Word, WordSet};
use chrono::NaiveDate;
use facts::PersonFacts;
use outcome::{EndorsementOutcome, Outcome, PermitOutcome, PermitStatus};

/// The day the regulation entered into force (Art 23).
pub const IN_FORCE: DayNum = from_ymd(2016, 1, 1);

/// The fee for a first issue, yuan (Art 21: free).
pub const FIRST_ISSUE_FEE_YUAN: u32 = 0;
/// The fee for an endorsement, yuan (Art 21: free).
pub const ENDORSEMENT_FEE_YUAN: u32 = 0;

/// What the rules need besides the facts.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    /// The assessment day.
    pub as_of: DayNum,
    /// Day counting (R1, R5).
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

/// What decisions accumulate on the side.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Acc {
    pub interp: Interpretations,
    pub provisional: bool,
}

/// Checks an assessment day: inside the supported years, and on or after 2016-01-01.
///
/// # Errors
/// `as_of` outside 1900–2199 or before the regulation entered into force, naming `as_of`.
pub fn check_as_of(as_of: DayNum) -> Result<(), CaseError> {
    check_range("as_of", Some(as_of))?;
    crate::rules::check_in_force(RuleSet::China2016, as_of, "the Regulations")
}

words! {
    /// A notice attached to a `china-2016` assessment.
    pub enum Notice {
        /// Cities' implementing measures are not encoded.
        LocalMeasures = 0 => "local_measures",
            "设区的市级以上地方人民政府根据本条例制定实施办法（第二十二条），可延长偏远地区的制证发证时限、规定落户条件和服务范围；本评估未纳入各地实施办法。",
            "Cities set implementing measures under the regulation (Art 22) — a longer issuance time for remote areas, the settlement conditions, the scope of services — which this assessment does not encode.";
    }
}

/// A set of notices.
pub type Notices = WordSet<Notice>;

/// The notices of every assessment under this rule set.
pub fn notices() -> Notices {
    Notices::EMPTY.with(Notice::LocalMeasures)
}

/// One step of an explanation: a step of one of the decision modules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// Eligibility and the application (Art 2, 9).
    Eligibility(eligibility::Step),
    /// The permit held and its endorsements (Art 10, 23).
    Endorsement(endorsement::Step),
    /// Fees (Art 21).
    Fees,
    /// Rights, services and conveniences (Art 12, 13).
    Entitlements(entitlements::Step),
    /// The settlement frame (Art 15, 16).
    Settlement(settlement::Step),
    /// Penalties (Art 18, 19).
    Penalty(penalties::Step),
}

macro_rules! step_from {
    ($($var:ident($module:ident)),*) => {
        $(impl From<$module::Step> for Step {
            #[inline(always)]
            fn from(s: $module::Step) -> Step {
                Step::$var(s)
            }
        })*
    };
}

step_from!(
    Eligibility(eligibility),
    Endorsement(endorsement),
    Entitlements(entitlements),
    Settlement(settlement),
    Penalty(penalties)
);

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match self {
            Step::Eligibility(s) => s.words(),
            Step::Endorsement(s) => s.words(),
            Step::Entitlements(s) => s.words(),
            Step::Settlement(s) => s.words(),
            Step::Penalty(s) => s.words(),
            Step::Fees => ExplanationLine::new(
                "rp21",
                "首次申领居住证免收证件工本费，办理签注不收费；换领、补领（损坏难以辨认或丢失，第十一条）缴纳证件工本费，标准由国务院财政、价格主管部门制定。".into(),
                "A first permit is issued without the card fee and endorsement is free; an exchange or replacement (damaged beyond recognition or lost, Art 11) pays the card fee set by the State Council's finance and pricing departments.".into(),
            ),
        }
    }
}

/// Decides everything about a person. `endorsed` are the endorsement days as given; each year's
/// endorsement entry goes to `on_entry`.
#[inline]
pub fn assess_person<T: Trace<Step>>(
    f: &PersonFacts,
    endorsed: &[DayNum],
    cx: &Ctx,
    t: &mut T,
    on_entry: impl FnMut(EndorsementOutcome),
) -> Outcome {
    let mut acc = Acc::default();
    let held = f.permit.is_some_and(|p| endorsement::held(&p, cx.as_of));
    let e = eligibility::decide(f, held, f.permit.map(|p| p.issued), cx, &mut acc, t);
    let mut permit = PermitOutcome {
        status: e.status,
        eligible_from: e.eligible_from,
        conditions_met: f.conditions,
        may_apply_through: e.may_apply_through,
        issue_deadline: e.issue_deadline,
        issue_status: e.issue_status,
        function: None,
        suspended_since: None,
        residence_years: None,
        residence_counted_from: None,
        next_endorsement: None,
        basis: e.basis,
    };
    match f.permit {
        Some(p) if held => {
            let s = endorsement::decide(&p, endorsed, cx, &mut acc, t, on_entry);
            permit.function = Some(s.function);
            permit.suspended_since = s.suspended_since;
            permit.residence_years = Some(s.residence_years);
            permit.residence_counted_from = Some(s.counted_from);
            permit.next_endorsement = s.last;
            permit.basis = permit.basis.union(s.basis);
        }
        Some(p) if p.issued > cx.as_of => t.step(|| endorsement::Step::NotYetIssued { issued: p.issued }),
        Some(p) => t.step(|| endorsement::Step::LegacyExpired { valid_until: p.valid_until.unwrap_or(p.issued) }),
        None => {}
    }
    permit.basis = permit.basis.with(Article::Rp21);
    t.step(|| Step::Fees);
    let entitlements = entitlements::decide(&permit, t);
    let settlement = settlement::decide(f.city_urban_population, &mut acc, t);
    let penalties = penalties::decide(f.conduct, t);
    debug_assert!(permit.status != PermitStatus::Held || permit.function.is_some());
    Outcome {
        permit,
        entitlements,
        settlement,
        penalties,
        interpretations: acc.interp,
        calendar_provisional: acc.provisional,
    }
}

/// Assesses a person already reduced to validated facts, with explanations. `as_of` must have
/// passed [`check_as_of`].
pub fn assess_person_facts(
    as_of: DayNum,
    f: &PersonFacts,
    endorsed: &[DayNum],
    policy: &Policy,
    cal: &Calendar,
) -> Assessment {
    let cx = Ctx::new(as_of, policy, cal);
    let mut steps = Vec::with_capacity(16);
    let mut entries = Vec::new();
    let o = assess_person(f, endorsed, &cx, &mut steps, |e| entries.push(e));
    output::assessment(as_of, &o, &entries, notices(), steps)
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
        let as_of = from_naive(case.as_of);
        check_as_of(as_of)?;
        let mut endorsed = Vec::new();
        let f = PersonFacts::from_person(&case.person, &case.settings, as_of, &mut endorsed)?;
        Ok(assess_person_facts(as_of, &f, &endorsed, &case.policy, cal))
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
            ApplyThrough, Condition, EndorsementStatus, FrameCondition, Function, IssueStatus, PointsSystem,
            ReplacementFee, Tier,
        };
        use penalties::{Authority, Measure, Offence};
        vec![
            ("permit_status", PermitStatus::vocabulary()),
            ("condition", Condition::vocabulary()),
            ("apply_through", ApplyThrough::vocabulary()),
            ("issue_status", IssueStatus::vocabulary()),
            ("endorsement_status", EndorsementStatus::vocabulary()),
            ("function", Function::vocabulary()),
            ("replacement_fee", ReplacementFee::vocabulary()),
            ("entitlement", Entitlement::vocabulary()),
            ("tier", Tier::vocabulary()),
            ("frame_condition", FrameCondition::vocabulary()),
            ("points_system", PointsSystem::vocabulary()),
            ("offence", Offence::vocabulary()),
            ("measure", Measure::vocabulary()),
            ("authority", Authority::vocabulary()),
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
