//! The `liaoning-2013` section of an assessment, in the shape of `spec/CASES.md`: typed fields
//! (dates as `NaiveDate`, enums as words), serialised by serde into the contract's JSON and read
//! back from it.

use super::household::{Declarant, EventKind, EventOutcome, Fallback};
use super::outcome::{
    Authority, CategorySource, ChangeOutcome, Consequence, DutyHolder, Exemption, PenaltyStage, PermitStatus,
    PersonOutcome, RegistrationKind, ReporterOutcome, Status,
};
use super::{Article, Basis, Category, Entitlements, Notices, Step};
use crate::assessment::{Assessment, Report as Out};
use crate::date::{to_naive, DayNum};
use crate::explain::Explanation;
use crate::rules::{Findings as AnyFindings, RuleSet};
use crate::time::TimeOfDay;
use crate::vocab::Word;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

fn day(d: Option<DayNum>) -> Option<NaiveDate> {
    d.map(to_naive)
}

/// The registration decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Registration {
    /// Whether a registration is required.
    pub required: bool,
    /// Which registration.
    pub kind: Option<RegistrationKind>,
    /// Who makes it.
    pub duty_holder: Option<DutyHolder>,
    /// When it is due; `None` where none is fixed.
    pub deadline: Option<NaiveDate>,
    /// Its state on the assessment day.
    pub status: Status,
    /// The hour a limit in hours ends on the deadline day (people from outside the mainland
    /// whose arrival time is given, RULES.md §13); `None` otherwise.
    pub deadline_time: Option<TimeOfDay>,
    /// The provisions relied on.
    pub basis: Basis,
}

/// The Residence Permit decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Permit {
    /// Required, optional, not issued, or not applicable.
    pub status: PermitStatus,
    /// Why it is optional.
    pub exemption: Option<Exemption>,
    /// The day the person reaches 16 full years, where the under-16 exemption applies or applied (I3).
    pub reaches_16_on: Option<NaiveDate>,
    /// When a required application is due.
    pub deadline: Option<NaiveDate>,
    /// The application's state.
    pub application_status: Status,
    /// Last day of validity of the permit held.
    pub expires_on: Option<NaiveDate>,
    /// Whether the permit held is valid on the assessment day.
    pub valid: Option<bool>,
    /// Latest day to apply for an extension (expiry − 30 days, I6).
    pub extension_deadline: Option<NaiveDate>,
    /// The extension's state.
    pub extension_status: Option<Status>,
    /// Always 0 (Art 13 p4).
    pub fee_yuan: u32,
    /// The provisions relied on.
    pub basis: Basis,
}

/// A change of registered content and its report (Art 13 p1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChangeReport {
    /// The day of the change.
    pub changed_on: NaiveDate,
    /// When the report is due.
    pub deadline: NaiveDate,
    /// The report's state.
    pub status: Status,
    /// `["art13.p1"]`.
    pub basis: Basis,
}

/// A household-registration event and its declaration (Art 8; RULES.md §12).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HouseholdEventReport {
    /// What happened.
    pub kind: EventKind,
    /// The day it happened.
    pub on: NaiveDate,
    /// Who may declare it (Art 8), in the article's order.
    pub declarants: Vec<Declarant>,
    /// When the declaration is due; `None` where none is fixed (a change; a death in a town
    /// with no burial day given).
    pub deadline: Option<NaiveDate>,
    /// `pending`, `done`, `late`, `overdue` or `no_deadline`.
    pub status: Status,
    /// The Art 8 item and the article of the Hukou Registration Regulations.
    pub basis: Basis,
    /// What the station may do instead: for a death not declared by its deadline,
    /// `cancellation_on_committee_certificate`; else `None`.
    pub fallback: Option<Fallback>,
}

/// Everything decided about a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PersonAssessment {
    /// The category, as given or derived.
    pub category: Category,
    /// Whether the category was given or derived (a field this project adds).
    pub category_source: CategorySource,
    /// Registration.
    pub registration: Registration,
    /// Residence Permit.
    pub permit: Permit,
    /// One entry per change given.
    pub changes: Vec<ChangeReport>,
    /// Rights held on the assessment day, in catalogue order.
    pub entitlements: Entitlements,
    /// What the person risks: Art 21, or for a person from outside the mainland the penalty of
    /// the law Art 25 hands them to.
    pub consequence: Consequence,
    /// One entry per household event given (Art 8), in input order.
    pub household_events: Vec<HouseholdEventReport>,
    /// Lowest fine, yuan (0 where none).
    pub fine_min_yuan: u32,
    /// Highest fine, yuan (0 where none).
    pub fine_max_yuan: u32,
}

/// A reporter's reporting duty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// When the report is due; `None` for periodic reporters.
    pub deadline: Option<NaiveDate>,
    /// The report's state.
    pub status: Status,
    /// The provisions relied on.
    pub basis: Basis,
}

/// A reporter's standing on the Art 22 ladder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Penalty {
    /// The stage.
    pub stage: PenaltyStage,
    /// Lowest fine, yuan.
    pub fine_min_yuan: u64,
    /// Highest fine, yuan.
    pub fine_max_yuan: u64,
    /// Who fines; `None` when the fine range is 0.
    pub authority: Option<Authority>,
    /// The provisions relied on.
    pub basis: Basis,
}

/// Everything decided about a reporter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReporterAssessment {
    /// The reporting duty.
    pub report: Report,
    /// The penalty.
    pub penalty: Penalty,
}

/// What `liaoning-2013` found: about a person or about a reporter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Findings {
    /// About a person.
    Person(PersonAssessment),
    /// About a reporter.
    Reporter(ReporterAssessment),
}

impl Assessment {
    /// What `liaoning-2013` found, if the assessment applied it.
    pub fn liaoning_2013(&self) -> Option<&Findings> {
        #[allow(unreachable_patterns)] // one arm per rule set
        match &self.findings {
            AnyFindings::Liaoning2013(f) => Some(f),
            _ => None,
        }
    }

    /// The person part of a `liaoning-2013` assessment about a person.
    pub fn person(&self) -> Option<&PersonAssessment> {
        match self.liaoning_2013() {
            Some(Findings::Person(p)) => Some(p),
            _ => None,
        }
    }

    /// The reporter part of a `liaoning-2013` assessment about a reporter.
    pub fn reporter(&self) -> Option<&ReporterAssessment> {
        match self.liaoning_2013() {
            Some(Findings::Reporter(r)) => Some(r),
            _ => None,
        }
    }
}

/// The assessment of a person's outcome.
pub(crate) fn person_assessment(
    as_of: DayNum,
    o: &PersonOutcome,
    changes: &[ChangeOutcome],
    events: &[EventOutcome],
    notices: Notices,
    steps: Vec<Step>,
) -> Assessment {
    let r = &o.registration;
    let p = &o.permit;
    let person = PersonAssessment {
        category: o.category,
        category_source: o.category_source,
        registration: Registration {
            required: r.required,
            kind: r.kind,
            duty_holder: r.duty_holder,
            deadline: day(r.deadline),
            status: r.status,
            deadline_time: r.deadline_time,
            basis: r.basis,
        },
        permit: Permit {
            status: p.status,
            exemption: p.exemption,
            reaches_16_on: day(p.reaches_16_on),
            deadline: day(p.deadline),
            application_status: p.application_status,
            expires_on: day(p.expires_on),
            valid: p.valid,
            extension_deadline: day(p.extension_deadline),
            extension_status: p.extension_status,
            fee_yuan: super::permit::FEE_YUAN,
            basis: p.basis,
        },
        changes: changes
            .iter()
            .map(|c| ChangeReport {
                changed_on: to_naive(c.changed_on),
                deadline: to_naive(c.deadline),
                status: c.status,
                basis: Basis::EMPTY.with(Article::Art13P1),
            })
            .collect(),
        entitlements: o.entitlements,
        consequence: o.consequence,
        household_events: events
            .iter()
            .map(|e| HouseholdEventReport {
                kind: e.kind,
                on: to_naive(e.on),
                declarants: e.kind.declarants().to_vec(),
                deadline: day(e.deadline),
                status: e.status,
                basis: e.basis,
                fallback: e.fallback,
            })
            .collect(),
        fine_min_yuan: o.fine_min_yuan,
        fine_max_yuan: o.fine_max_yuan,
    };
    Assessment::new(
        RuleSet::Liaoning2013,
        to_naive(as_of),
        AnyFindings::Liaoning2013(Findings::Person(person)),
        o.interpretations.erase(),
        o.calendar_provisional,
        notices.erase(),
        Explanation::new(steps),
    )
}

/// The assessment of a reporter's outcome.
pub(crate) fn reporter_assessment(
    as_of: DayNum,
    o: &ReporterOutcome,
    notices: Notices,
    steps: Vec<Step>,
) -> Assessment {
    let reporter = ReporterAssessment {
        report: Report { deadline: day(o.deadline), status: o.status, basis: o.basis },
        penalty: Penalty {
            stage: o.stage,
            fine_min_yuan: o.fine_min_yuan,
            fine_max_yuan: o.fine_max_yuan,
            authority: o.authority,
            basis: o.penalty_basis,
        },
    };
    Assessment::new(
        RuleSet::Liaoning2013,
        to_naive(as_of),
        AnyFindings::Liaoning2013(Findings::Reporter(reporter)),
        o.interpretations.erase(),
        o.calendar_provisional,
        notices.erase(),
        Explanation::new(steps),
    )
}

/// Reads the findings back from an assessment's JSON object.
pub(crate) fn findings_from_json(v: &serde_json::Value) -> Result<Findings, String> {
    if v.get("report").is_some() {
        ReporterAssessment::deserialize(v).map(Findings::Reporter).map_err(|e| e.to_string())
    } else {
        PersonAssessment::deserialize(v).map(Findings::Person).map_err(|e| e.to_string())
    }
}

/// The findings in the readable report.
pub(crate) fn report(findings: &Findings, out: &mut Out) {
    match findings {
        Findings::Person(p) => {
            out.line(format!(
                "{}: {} ({})",
                out.both("类别", "Category"),
                out.word(p.category),
                out.word(p.category_source)
            ));
            let r = &p.registration;
            out.line(format!("{}:", out.both("登记", "Registration")));
            out.line(format!("  {}: {}", out.both("种类", "kind"), out.opt(r.kind)));
            out.line(format!("  {}: {}", out.both("义务人", "made by"), out.opt(r.duty_holder)));
            out.line(format!(
                "  {}: {}{}",
                out.both("期限", "deadline"),
                Out::date(r.deadline),
                r.deadline_time.map(|t| format!(" {t}")).unwrap_or_default()
            ));
            out.line(format!(
                "  {}: {}  [{}]",
                out.both("状态", "status"),
                out.word(r.status),
                r.basis.ids().join(", ")
            ));
            let pm = &p.permit;
            out.line(format!("{}:", out.both("居住证", "Residence Permit")));
            out.line(format!(
                "  {}: {}{}",
                out.both("要求", "status"),
                out.word(pm.status),
                pm.exemption.map(|e| format!(" ({})", out.word(e))).unwrap_or_default()
            ));
            if let Some(r16) = pm.reaches_16_on {
                out.line(format!("  {}: {r16}", out.both("满16周岁之日", "reaches 16 on")));
            }
            out.line(format!("  {}: {}", out.both("申领期限", "apply by"), Out::date(pm.deadline)));
            out.line(format!("  {}: {}", out.both("申领状态", "application"), out.word(pm.application_status)));
            if pm.expires_on.is_some() {
                out.line(format!(
                    "  {}: {} ({})",
                    out.both("有效期至", "valid through"),
                    Out::date(pm.expires_on),
                    if pm.valid == Some(true) { out.both("有效", "valid") } else { out.both("已过期", "expired") }
                ));
                out.line(format!(
                    "  {}: {}",
                    out.both("延期申请期限", "extend by"),
                    out.dated(Some(Out::date(pm.extension_deadline)), &out.opt(pm.extension_status))
                ));
            }
            out.line(format!(
                "  {}: {} {}  [{}]",
                out.both("费用", "fee"),
                pm.fee_yuan,
                out.yuan(),
                pm.basis.ids().join(", ")
            ));
            for (i, c) in p.changes.iter().enumerate() {
                let (n, status) = (i + 1, out.word(c.status));
                out.line(if out.is_zh() {
                    format!("变更 {n}: {}变更, 期限{}, {status}", c.changed_on, c.deadline)
                } else {
                    format!("{} {n}: {} → {} {status}", out.both("变更", "Change"), c.changed_on, c.deadline)
                });
            }
            if p.entitlements.is_empty() && out.is_zh() {
                out.line("权益: 无");
            } else {
                out.line(format!(
                    "{} ({}{}):",
                    out.both("权益", "Entitlements"),
                    p.entitlements.len(),
                    if out.is_zh() { "项" } else { "" }
                ));
            }
            for e in p.entitlements.iter() {
                out.line(format!("  - {} [{}]", out.word(e), e.article().id()));
            }
            for (i, e) in p.household_events.iter().enumerate() {
                let fallback = e.fallback.map(|f| format!(" ({})", out.word(f))).unwrap_or_default();
                let (n, kind, status, ids) = (i + 1, out.word(e.kind), out.word(e.status), e.basis.ids().join(", "));
                out.line(if out.is_zh() {
                    let deadline = e.deadline.map(|d| format!("期限{d}, ")).unwrap_or_default();
                    format!("户口事件 {n}: {kind}, {}发生, {deadline}{status}{fallback}  [{ids}]", e.on)
                } else {
                    format!(
                        "{} {n}: {kind} {} → {} {status}{fallback}  [{ids}]",
                        out.both("户口事件", "Household event"),
                        e.on,
                        Out::date(e.deadline)
                    )
                });
            }
            let label = if p.category == Category::Overseas {
                out.both("后果", "Consequence")
            } else {
                out.both("后果（第二十一条）", "Consequence (Art 21)")
            };
            out.line(format!("{label}: {}", out.word(p.consequence)));
            if p.fine_max_yuan > 0 {
                out.line(if out.is_zh() {
                    format!("  罚款: {}", fine_zh(u64::from(p.fine_min_yuan), u64::from(p.fine_max_yuan)))
                } else {
                    format!("  {}: {}–{} {}", out.both("罚款", "fine"), p.fine_min_yuan, p.fine_max_yuan, out.yuan())
                });
            }
        }
        Findings::Reporter(r) => {
            out.line(format!(
                "{}: {}  [{}]",
                out.both("报送期限", "Report due"),
                out.dated(r.report.deadline, &out.word(r.report.status)),
                r.report.basis.ids().join(", ")
            ));
            let pen = &r.penalty;
            // 处理, not 处罚: an order to correct is no administrative penalty; a fine is.
            out.line(format!("{}: {}", out.both("处理", "Penalty"), out.word(pen.stage)));
            if pen.fine_max_yuan > 0 {
                out.line(if out.is_zh() {
                    let by = pen.authority.map(|a| format!(" (由{}决定)", a.zh())).unwrap_or_default();
                    format!("  罚款: {}{by}", fine_zh(pen.fine_min_yuan, pen.fine_max_yuan))
                } else {
                    format!(
                        "  {}: {}–{} {}, {}",
                        out.both("罚款", "fine"),
                        pen.fine_min_yuan,
                        pen.fine_max_yuan,
                        out.yuan(),
                        out.opt(pen.authority)
                    )
                });
            }
        }
    }
}

/// A fine's range as Chinese writes it: `2000元以下` from nothing, else `200至500元`.
fn fine_zh(min: u64, max: u64) -> String {
    if min == 0 {
        format!("{max}元以下")
    } else {
        format!("{min}至{max}元")
    }
}
