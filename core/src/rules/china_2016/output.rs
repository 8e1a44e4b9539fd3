//! The `china-2016` section of an assessment (RULES-china-2016.md §8): typed fields, serialised
//! by serde into the contract's JSON and read back from it.

use super::articles::Basis;
use super::entitlements::Entitlements;
use super::outcome::{
    ApplyThrough, Conditions, EndorsementOutcome, EndorsementStatus, FrameCondition, Function, IssueStatus, Outcome,
    PermitStatus, PointsSystem, ReplacementFee, Tier,
};
use super::penalties::{Authority, Measure, Offence};
use super::settlement;
use super::{Notices, Step};
use crate::assessment::{Assessment, Report as Out};
use crate::date::{to_naive, DayNum};
use crate::explain::Explanation;
use crate::rules::{Findings as AnyFindings, RuleSet};
use crate::vocab::Word;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

fn day(d: Option<DayNum>) -> Option<NaiveDate> {
    d.map(to_naive)
}

/// One year's endorsement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Endorsement {
    /// The year, from 1 again after a late endorsement re-anchors the count.
    pub year: u32,
    /// The anniversary.
    pub anniversary: NaiveDate,
    /// The window's first day.
    pub window_opens: NaiveDate,
    /// The window's last day.
    pub window_closes: NaiveDate,
    /// The endorsement that counted, if any.
    pub endorsed_on: Option<NaiveDate>,
    /// `done`, `late`, `missed`, `open` or `upcoming`.
    pub status: EndorsementStatus,
}

impl From<&EndorsementOutcome> for Endorsement {
    fn from(e: &EndorsementOutcome) -> Endorsement {
        Endorsement {
            year: e.year,
            anniversary: to_naive(e.anniversary),
            window_opens: to_naive(e.window_opens),
            window_closes: to_naive(e.window_closes),
            endorsed_on: day(e.endorsed_on),
            status: e.status,
        }
    }
}

/// The Residence Permit decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Permit {
    /// `not_applicable`, `not_eligible`, `not_yet_eligible`, `eligible` or `held`.
    pub status: PermitStatus,
    /// `residing_since` + 6 months, for a person in another city with a condition.
    pub eligible_from: Option<NaiveDate>,
    /// The Art 2 conditions that hold.
    pub conditions_met: Conditions,
    /// `guardian_or_close_relative` for an under-16 or a person of limited mobility.
    pub may_apply_through: Option<ApplyThrough>,
    /// When an eligible application's permit is due.
    pub issue_deadline: Option<NaiveDate>,
    /// The issuance's state.
    pub issue_status: Option<IssueStatus>,
    /// One entry per year of the held permit's schedule, up to the first open, upcoming or
    /// missed one.
    pub endorsements: Vec<Endorsement>,
    /// `active` or `suspended` while a permit is held.
    pub function: Option<Function>,
    /// First day of the suspension in force.
    pub suspended_since: Option<NaiveDate>,
    /// Full years of residence from the anchor in force.
    pub residence_years: Option<u32>,
    /// The anchor in force.
    pub residence_counted_from: Option<NaiveDate>,
    /// First issue: free (Art 21).
    pub fee_yuan: u32,
    /// Endorsement: free (Art 21).
    pub endorsement_fee_yuan: u32,
    /// Exchange or replacement: the card fee (Art 21; the amount is not in the regulation).
    pub replacement_fee: ReplacementFee,
    /// The provisions relied on.
    pub basis: Basis,
}

/// The settlement frame (Art 15, 16).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Settlement {
    /// `small`, `medium`, `large` or `megacity` (R7).
    pub tier: Tier,
    /// The conditions the frame names, in its order.
    pub frame: Vec<FrameCondition>,
    /// The most years of urban social insurance the city may ask for.
    pub insurance_years_cap: Option<u32>,
    /// `no`, `optional` or `required`.
    pub points_system: PointsSystem,
    /// `["rp15", "rp16.iN"]`.
    pub basis: Basis,
}

/// One offence and its penalty (Art 18, 19).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PenaltyReport {
    /// The offence.
    pub offence: Offence,
    /// The measures, in the article's order.
    pub measures: Vec<Measure>,
    /// Lowest fine, yuan.
    pub fine_min_yuan: u64,
    /// Highest fine, yuan.
    pub fine_max_yuan: u64,
    /// `public_security`.
    pub authority: Authority,
    /// The offence's item.
    pub basis: Basis,
}

/// What `china-2016` found about a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Findings {
    /// The permit.
    pub permit: Permit,
    /// Rights, services and conveniences held on the assessment day, in catalogue order.
    pub entitlements: Entitlements,
    /// The settlement frame, when the city's urban population is given.
    pub settlement: Option<Settlement>,
    /// One entry per offence listed, in the table's order.
    pub penalties: Vec<PenaltyReport>,
}

impl Assessment {
    /// What `china-2016` found, if the assessment applied it.
    pub fn china_2016(&self) -> Option<&Findings> {
        #[allow(unreachable_patterns)] // one arm per rule set
        match &self.findings {
            AnyFindings::China2016(f) => Some(f),
            _ => None,
        }
    }
}

/// The assessment of an outcome.
pub(crate) fn assessment(
    as_of: DayNum,
    o: &Outcome,
    endorsements: &[EndorsementOutcome],
    notices: Notices,
    steps: Vec<Step>,
) -> Assessment {
    let p = &o.permit;
    let findings = Findings {
        permit: Permit {
            status: p.status,
            eligible_from: day(p.eligible_from),
            conditions_met: p.conditions_met,
            may_apply_through: p.may_apply_through,
            issue_deadline: day(p.issue_deadline),
            issue_status: p.issue_status,
            endorsements: endorsements.iter().map(Endorsement::from).collect(),
            function: p.function,
            suspended_since: day(p.suspended_since),
            residence_years: p.residence_years,
            residence_counted_from: day(p.residence_counted_from),
            fee_yuan: super::FIRST_ISSUE_FEE_YUAN,
            endorsement_fee_yuan: super::ENDORSEMENT_FEE_YUAN,
            replacement_fee: ReplacementFee::CardFee,
            basis: p.basis,
        },
        entitlements: o.entitlements,
        settlement: o.settlement.map(|s| Settlement {
            tier: s.tier,
            frame: settlement::frame(s.tier).to_vec(),
            insurance_years_cap: settlement::insurance_years_cap(s.tier),
            points_system: settlement::points_system(s.tier, s.population),
            basis: settlement::basis(s.tier),
        }),
        penalties: o
            .penalties
            .iter()
            .map(|offence| {
                let pen = offence.penalty();
                PenaltyReport {
                    offence,
                    measures: pen.measures.to_vec(),
                    fine_min_yuan: pen.fine_min_yuan,
                    fine_max_yuan: pen.fine_max_yuan,
                    authority: Authority::PublicSecurity,
                    basis: offence.basis(),
                }
            })
            .collect(),
    };
    Assessment::new(
        RuleSet::China2016,
        to_naive(as_of),
        AnyFindings::China2016(findings),
        o.interpretations.erase(),
        o.calendar_provisional,
        notices.erase(),
        Explanation::new(steps),
    )
}

/// Reads the findings back from an assessment's JSON object.
pub(crate) fn findings_from_json(v: &serde_json::Value) -> Result<Findings, String> {
    Findings::deserialize(v).map_err(|e| e.to_string())
}

/// The findings in the readable report.
pub(crate) fn report(f: &Findings, out: &mut Out) {
    let p = &f.permit;
    let head = out.both("居住证", "Residence Permit");
    out.line(format!("{head}: {}", out.word(p.status)));
    if let Some(from) = p.eligible_from {
        out.line(format!("  {}: {from}", out.both("居住满半年之日", "half a year on")));
    }
    let conditions: Vec<String> = p.conditions_met.iter().map(|c| out.word(c)).collect();
    out.line(format!(
        "  {}: {}",
        out.both("条件", "conditions"),
        if conditions.is_empty() { "—".into() } else { conditions.join("; ") }
    ));
    if let Some(t) = p.may_apply_through {
        out.line(format!("  {}: {}", out.both("代为申领", "may apply through"), out.word(t)));
    }
    if p.issue_status.is_some() {
        out.line(format!(
            "  {}: {}",
            out.both("发证期限", "issue by"),
            out.dated(p.issue_deadline, &out.opt(p.issue_status))
        ));
    }
    let zh = out.is_zh();
    // After a late endorsement the years count from 1 again (Art 10 p3): the Chinese names such a
    // year 重新起算后第N年.
    let mut restarted = false;
    for e in &p.endorsements {
        let year_zh = format!("{}第{}年", if restarted { "重新起算后" } else { "" }, e.year);
        let on = e.endorsed_on.map(|x| format!(" ({x})")).unwrap_or_default();
        out.line(if zh {
            format!(
                "  {year_zh} (满{}年之日{}): 签注期{}至{}, {}{on}",
                e.year,
                e.anniversary,
                e.window_opens,
                e.window_closes,
                out.word(e.status)
            )
        } else {
            format!(
                "  {} ({} {}): {} {} – {} — {}{on}",
                out.both(&year_zh, &format!("endorsement year {}", e.year)),
                out.both(&format!("满{}年之日", e.year), "anniversary"),
                e.anniversary,
                out.both("签注期", "window"),
                e.window_opens,
                e.window_closes,
                out.word(e.status)
            )
        });
        restarted |= e.status == EndorsementStatus::Late;
    }
    if let Some(func) = p.function {
        out.line(format!(
            "  {}: {}{}",
            out.both("使用功能", "function"),
            out.word(func),
            p.suspended_since
                .map(|s| if zh { format!(" (自{s}起)") } else { format!(" ({} {s})", out.both("自", "since")) })
                .unwrap_or_default()
        ));
    }
    if let (Some(y), Some(from)) = (p.residence_years, p.residence_counted_from) {
        out.line(if zh {
            let years = if y == 0 { "不满1年".to_owned() } else { format!("{y}年") };
            format!("  居住年限: {years} (自{from}起连续计算)")
        } else {
            format!(
                "  {}: {y} ({} {from})",
                out.both("居住年限", "years of residence"),
                out.both("起算日", "counted from")
            )
        });
    }
    let replacement = if zh {
        format!("换领、补领: 缴纳{}", out.word(p.replacement_fee))
    } else {
        format!("{} {}", out.both("换领、补领", "renewal or replacement"), out.word(p.replacement_fee))
    };
    out.line(format!(
        "  {}: {} {} {}; {} {} {}; {replacement}  [{}]",
        out.both("费用", "fees"),
        out.both("首次申领", "first card"),
        p.fee_yuan,
        out.yuan(),
        out.both("签注", "endorsement"),
        p.endorsement_fee_yuan,
        out.yuan(),
        p.basis.ids().join(", ")
    ));
    if f.entitlements.is_empty() && zh {
        out.line("权益: 无");
    } else {
        out.line(format!(
            "{} ({}{}):",
            out.both("权益", "Entitlements"),
            f.entitlements.len(),
            if zh { "项" } else { "" }
        ));
    }
    for e in f.entitlements.iter() {
        out.line(format!("  - {} [{}]", out.word(e), e.article().id()));
    }
    if let Some(s) = &f.settlement {
        let frame: Vec<String> = s.frame.iter().map(|c| out.word(*c)).collect();
        out.line(format!(
            "{}: {}{}{}  [{}]",
            out.both("落户", "Settlement"),
            out.word(s.tier),
            if zh { ", " } else { " — " },
            frame.join(if zh { "、" } else { "; " }),
            s.basis.ids().join(", ")
        ));
    }
    for pen in &f.penalties {
        let (offence, ids) = (out.word(pen.offence), pen.basis.ids().join(", "));
        out.line(if zh {
            let fine = if pen.fine_min_yuan == 0 {
                format!("{}元以下", pen.fine_max_yuan)
            } else {
                format!("{}至{}元", pen.fine_min_yuan, pen.fine_max_yuan)
            };
            format!("处罚: {offence}, 罚款{fine}  [{ids}]")
        } else {
            let fine = if pen.fine_min_yuan == 0 {
                format!("≤ {}", pen.fine_max_yuan)
            } else {
                format!("{}–{}", pen.fine_min_yuan, pen.fine_max_yuan)
            };
            format!("{}: {offence} — {fine} {}  [{ids}]", out.both("处罚", "Penalty"), out.yuan())
        });
    }
}
