//! Art 2 and 9: who may apply for a Residence Permit, how, and when it must be issued.
//!
//! - Art 2: a citizen living in a city other than the hukou's (R3) for half a year or more
//!   (R2: `residing_since` + 6 months, the day itself counting) who has lawful stable
//!   employment, lawful stable housing or continuous study may apply. Applying is voluntary
//!   (R9).
//! - Art 9 p1–p2: the documents, keyed to the conditions met.
//! - Art 9 p3: under-16s and people of limited mobility may apply through a guardian or close
//!   relative — a way of applying, not an exemption.
//! - Art 9 p6: an accepted application's permit is issued within 15 days (a city may extend it
//!   to at most 30), counted as the Civil Code counts (R1). An application is judged on its own
//!   day (R8); one made on a day the person was not eligible starts no deadline.

use super::articles::{Article, Basis};
use super::facts::{CityBasis, PersonFacts};
use super::interpretations::Interpretation;
use super::outcome::{ApplyThrough, Condition, Conditions, IssueStatus, PermitStatus};
use super::{Acc, Ctx, IN_FORCE};
use crate::calendar::RestReason;
use crate::date::{add_months, format_iso as d, DayNum};
use crate::division::Code;
use crate::explain::{ordinal, Explain, ExplanationLine, Trace};
use crate::period::{deadline, reaches_full_years, CountingLaw, DayCounting, Deadline};
use crate::vocab::Word;
use std::fmt::Write as _;

/// Months of residence Art 2 asks for (居住半年).
pub const HALF_YEAR_MONTHS: i32 = 6;

/// Where a person without a permit stands on `day`.
#[inline]
pub fn status_on(f: &PersonFacts, eligible_from: Option<DayNum>, day: DayNum) -> PermitStatus {
    match eligible_from {
        _ if !f.other_city => PermitStatus::NotApplicable,
        None => PermitStatus::NotEligible,
        Some(from) if day < from => PermitStatus::NotYetEligible,
        Some(_) => PermitStatus::Eligible,
    }
}

/// What the eligibility part decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Eligibility {
    pub status: PermitStatus,
    pub eligible_from: Option<DayNum>,
    pub may_apply_through: Option<ApplyThrough>,
    pub issue_deadline: Option<DayNum>,
    pub issue_status: Option<IssueStatus>,
    pub basis: Basis,
}

/// Decides eligibility and the application; `held` says whether a permit is held on the
/// assessment day (then the status is `held` and the rest describes the application, if any).
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(
    f: &PersonFacts,
    held: bool,
    issued: Option<DayNum>,
    cx: &Ctx,
    acc: &mut Acc,
    t: &mut T,
) -> Eligibility {
    if f.birth_from_id {
        t.step(|| Step::BirthFromId);
    }
    match f.city {
        CityBasis::Given => t.step(|| Step::CityGiven { other: f.other_city }),
        CityBasis::Codes { hukou, residence } => {
            acc.interp.insert(Interpretation::R3);
            t.step(|| Step::CityFromCodes { hukou, residence, other: f.other_city });
        }
    }
    t.step(|| Step::Conditions { met: f.conditions });
    let mut basis = Basis::EMPTY.with(Article::Rp2);
    let eligible_from =
        (f.other_city && !f.conditions.is_empty()).then(|| add_months(f.residing_since, HALF_YEAR_MONTHS));
    // An application dated after the assessment day has not happened yet.
    let applied = f.applied.filter(|&a| a <= cx.as_of);
    let judged_on = applied.unwrap_or(cx.as_of);
    if applied.is_some() {
        acc.interp.insert(Interpretation::R8);
    }
    let status = if held { PermitStatus::Held } else { status_on(f, eligible_from, judged_on) };
    // R2 shapes `eligible_from` wherever it is given, a holder's included.
    if eligible_from.is_some() {
        acc.interp.insert(Interpretation::R2);
    }
    if let (true, Some(from)) = (held, eligible_from) {
        t.step(|| Step::HalfYearOfHolder { since: f.residing_since, from, reached: from <= cx.as_of });
    }
    if !held {
        t.step(|| Step::Standing {
            status,
            since: f.residing_since,
            eligible_from,
            day: judged_on,
            on_application: applied.is_some(),
        });
    }
    if f.other_city && !held && applied.is_none() {
        acc.interp.insert(Interpretation::R9);
        t.step(|| Step::Voluntary);
    }
    let under_16 = f.birth.map(|b| reaches_full_years(b, 16, cx.age)).filter(|&r| judged_on < r);
    let may_apply_through = (under_16.is_some() || f.limited_mobility).then_some(ApplyThrough::GuardianOrCloseRelative);
    if may_apply_through.is_some() {
        basis = basis.with(Article::Rp9P3);
        t.step(|| Step::ThroughGuardian { reaches_16: under_16, limited_mobility: f.limited_mobility });
    }
    if !held && matches!(status, PermitStatus::Eligible | PermitStatus::NotYetEligible) && applied.is_none() {
        t.step(|| Step::Documents { met: f.conditions });
    }
    let (issue_deadline, issue_status) = match applied {
        None => (None, None),
        Some(a) if a < IN_FORCE => {
            t.step(|| Step::ApplicationUnderLocalRules { applied: a });
            (None, None)
        }
        Some(a) => {
            // On the application day itself the permit was not held yet: judge the applicant.
            let on_day = status_on(f, eligible_from, a);
            if on_day == PermitStatus::Eligible {
                basis = basis.with(Article::Rp9P6);
                let dl = deadline(cx.cal, a, u32::from(f.issuance_days), cx.counting);
                acc.interp.insert(Interpretation::R1);
                acc.provisional |= dl.provisional;
                t.step(|| Step::Issuance {
                    deadline: dl,
                    days: f.issuance_days,
                    counting: cx.counting,
                    // The rest day worth naming, if the last day is one (none under working days).
                    rest: if cx.counting == DayCounting::WorkingDays { None } else { cx.cal.rest_reason(dl.nominal) },
                });
                let issued = issued.filter(|&i| i <= cx.as_of);
                let status = match issued {
                    Some(i) if i <= dl.due => IssueStatus::Done,
                    Some(_) => IssueStatus::Late,
                    None if cx.as_of <= dl.due => IssueStatus::Pending,
                    None => IssueStatus::Overdue,
                };
                t.step(|| Step::Issued { status, issued, deadline: dl.due, as_of: cx.as_of });
                (Some(dl.due), Some(status))
            } else {
                t.step(|| Step::ApplicationNotEligible { applied: a, status: on_day, days: f.issuance_days });
                (None, Some(IssueStatus::NotEligible))
            }
        }
    };
    Eligibility { status, eligible_from, may_apply_through, issue_deadline, issue_status, basis }
}

/// The steps of the eligibility and application decisions, each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// The birth date came from the identity number.
    BirthFromId,
    /// The caller said whether the residence is in another city.
    CityGiven { other: bool },
    /// Another city or not, from the division codes (R3).
    CityFromCodes { hukou: Code, residence: Code, other: bool },
    /// The Art 2 conditions that hold.
    Conditions { met: Conditions },
    /// Where a person without a permit stands on the judging day (R2, R8).
    Standing { status: PermitStatus, since: DayNum, eligible_from: Option<DayNum>, day: DayNum, on_application: bool },
    /// A holder's half year of residence, reached on `from` (R2) — by the assessment day, or not yet.
    HalfYearOfHolder { since: DayNum, from: DayNum, reached: bool },
    /// Applying is voluntary (R9).
    Voluntary,
    /// A guardian or close relative may apply (Art 9 p3).
    ThroughGuardian { reaches_16: Option<DayNum>, limited_mobility: bool },
    /// The documents to bring (Art 9 p1–p2).
    Documents { met: Conditions },
    /// An application before the regulation: local rules, no deadline here.
    ApplicationUnderLocalRules { applied: DayNum },
    /// An application made on a day the person was not eligible.
    ApplicationNotEligible { applied: DayNum, status: PermitStatus, days: u8 },
    /// The issuance deadline counted (R1).
    Issuance { deadline: Deadline, days: u8, counting: DayCounting, rest: Option<RestReason> },
    /// The issuance judged against its deadline.
    Issued { status: IssueStatus, issued: Option<DayNum>, deadline: DayNum, as_of: DayNum },
}

fn city(c: Code) -> String {
    let city = c.city();
    let digits = usize::from(city.digits);
    format!("{:0width$}", city.prefix, width = digits)
}

fn rest_zh(r: Option<RestReason>) -> String {
    match r {
        Some(RestReason::Holiday(f)) => format!("法定休假日（{}假期）", f.zh()),
        Some(RestReason::Listed) => "所提供日历中的休息日".into(),
        Some(RestReason::Weekend) | None => "周末".into(),
    }
}

fn rest_en(r: Option<RestReason>) -> String {
    match r {
        Some(RestReason::Holiday(f)) => format!("a statutory holiday ({})", f.en()),
        Some(RestReason::Listed) => "a rest day in the supplied calendar".into(),
        Some(RestReason::Weekend) | None => "a weekend day".into(),
    }
}

fn documents(met: Conditions) -> (String, String) {
    let mut zh = vec![
        "居民身份证",
        "本人相片",
        "居住地住址证明（房屋租赁合同、房屋产权证明、购房合同或出租人、用人单位、就读学校出具的住宿证明）",
    ];
    let mut en = vec![
        "the resident identity card",
        "a photo",
        "proof of address (a lease, property certificate, purchase contract, or a lodging certificate from the landlord, employer or school)",
    ];
    if met.contains(Condition::StableEmployment) {
        zh.push("就业证明（营业执照、劳动合同或用人单位出具的劳动关系证明等）");
        en.push("proof of employment (business licence, labour contract or the employer's certificate)");
    }
    if met.contains(Condition::ContinuousStudy) {
        zh.push("就读证明（学生证或就读学校出具的证明）");
        en.push("proof of study (student card or the school's certificate)");
    }
    (zh.join("、"), en.join(", "))
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::BirthFromId => ExplanationLine::new(
                "rp4",
                "出生日期取自公民身份号码（GB 11643）。".into(),
                "The birth date was taken from the identity number (GB 11643).".into(),
            ),
            Step::CityGiven { other: true } => ExplanationLine::new(
                "rp2",
                "据输入，居住地与常住户口所在地不在同一城市：属到其他城市居住。".into(),
                "The caller says the residence is in another city than the hukou.".into(),
            ),
            Step::CityGiven { other: false } => ExplanationLine::new(
                "rp2",
                "据输入，居住地与常住户口所在地在同一城市：不属于到其他城市居住，本条例不适用。".into(),
                "The caller says the residence is in the same city as the hukou: not another city, so the regulation does not apply.".into(),
            ),
            Step::CityFromCodes { hukou, residence, other } => ExplanationLine::new(
                "rp2",
                format!(
                    "户籍地区划代码{hukou}（城市{}），居住地{residence}（城市{}）：{}（R3）。",
                    city(hukou),
                    city(residence),
                    if other { "不同城市，属到其他城市居住" } else { "同一城市，本条例不适用" }
                ),
                format!(
                    "Hukou division code {hukou} (city {}), residence {residence} (city {}): {} (R3).",
                    city(hukou),
                    city(residence),
                    if other { "different cities, so another city" } else { "the same city, so the regulation does not apply" }
                ),
            ),
            Step::Conditions { met } if met.is_empty() => ExplanationLine::new(
                "rp2",
                "不具备合法稳定就业、合法稳定住所、连续就读三项条件中的任何一项。".into(),
                "None of the three conditions holds: lawful stable employment, lawful stable housing, continuous study.".into(),
            ),
            Step::Conditions { met } => ExplanationLine::new(
                "rp2",
                format!(
                    "具备{}（三项条件具备其一即可）。",
                    met.iter().map(Condition::zh).collect::<Vec<_>>().join("、")
                ),
                format!(
                    "Condition met: {} (one of the three suffices).",
                    met.iter().map(Condition::en).collect::<Vec<_>>().join(", ")
                ),
            ),
            Step::Standing { status, since, eligible_from, day, on_application } => {
                let (on_zh, on_en) = if on_application {
                    (format!("按申领之日{}判断（R8）", d(day)), format!("judged on the day of application, {} (R8)", d(day)))
                } else {
                    (format!("按评估日{}判断", d(day)), format!("judged on the assessment day, {}", d(day)))
                };
                let from = eligible_from.map(d).unwrap_or_default();
                match status {
                    PermitStatus::NotApplicable => ExplanationLine::new(
                        "rp2",
                        "未到其他城市居住：不适用居住证暂行条例。".into(),
                        "Not living in another city: the Interim Regulations on Residence Permits do not apply.".into(),
                    ),
                    PermitStatus::NotEligible => ExplanationLine::new(
                        "rp2",
                        format!("{on_zh}：虽在其他城市居住，但不具备申领条件，不能申领居住证。"),
                        format!("{}: in another city but with no condition met, the person cannot apply.", capitalise(&on_en)),
                    ),
                    PermitStatus::NotYetEligible => ExplanationLine::new(
                        "rp2",
                        format!("自{}起居住，满半年之日为{from}（R2）；{on_zh}尚不满半年，暂不能申领。", d(since)),
                        format!("Living there since {}, half a year is reached on {from} (R2); {on_en}, it is not reached yet, so the person cannot apply yet.", d(since)),
                    ),
                    _ => ExplanationLine::new(
                        "rp2",
                        format!("自{}起居住，满半年之日为{from}（R2，当日即为满半年）；{on_zh}已居住半年以上并具备条件，可以申领居住证。", d(since)),
                        format!("Living there since {}, half a year is reached on {from} (R2: that day counts); {on_en}, the person has lived there half a year or more with a condition met and may apply.", d(since)),
                    ),
                }
            }
            Step::HalfYearOfHolder { since, from, reached } => {
                let (zh, en) = if reached { ("", "was reached on") } else { ("，评估日尚未届至", "will be reached on") };
                let after = if reached { "" } else { ", after the assessment day" };
                ExplanationLine::new(
                    "rp2",
                    format!("自{}起居住，满半年之日为{}（R2，当日即为满半年）{zh}；已持有居住证。", d(since), d(from)),
                    format!(
                        "Living there since {}, half a year {en} {} (R2: that day counts){after}; a permit is held.",
                        d(since),
                        d(from)
                    ),
                )
            }
            Step::Voluntary => ExplanationLine::new(
                "rp2",
                "居住证依本人意愿申领（“可以申领”）：未申领不产生任何法律后果（R9）。".into(),
                "Applying is the person's choice (\"可以申领\"): not applying has no consequence (R9).".into(),
            ),
            Step::ThroughGuardian { reaches_16, limited_mobility } => {
                let (zh, en) = match (reaches_16, limited_mobility) {
                    (Some(r), _) => (
                        format!("申领时未满16周岁（{}满16周岁）", d(r)),
                        format!("under 16 full years when applying (reaches 16 on {})", d(r)),
                    ),
                    (None, _) => ("行动不便".to_owned(), "of limited mobility".to_owned()),
                };
                ExplanationLine::new(
                    "rp9.p3",
                    format!("本人{zh}：可以由监护人、近亲属代为申领，代办时应提供委托人、代办人的合法有效身份证件。这是申领方式，并非免办。"),
                    format!("The person is {en}: a guardian or close relative may apply on their behalf, with both parties' valid identity documents. This is a way of applying, not an exemption."),
                )
            }
            Step::Documents { met } => {
                let (zh, en) = documents(met);
                ExplanationLine::new(
                    "rp9.p1",
                    format!("申领时向居住地公安派出所或受公安机关委托的社区服务机构提交：{zh}。"),
                    format!("To apply, bring to the residence's police station or a commissioned community service centre: {en}."),
                )
            }
            Step::ApplicationUnderLocalRules { applied } => ExplanationLine::new(
                "rp23",
                format!("申领日期{}早于本条例施行（2016年1月1日），按当地原有规定办理，本评估不计算发证期限。", d(applied)),
                format!("The application of {} predates the regulation (in force 2016-01-01): it was handled under local rules, and no issuance deadline is computed here.", d(applied)),
            ),
            Step::ApplicationNotEligible { applied, status, days } => ExplanationLine::new(
                "rp9.p6",
                format!("于{}申领，但当日{}：不符合办理条件，不产生{days}日发证期限。", d(applied), status.zh()),
                format!("Applied on {}, but on that day the person was {}: no {days}-day issuance deadline runs.", d(applied), status.en()),
            ),
            Step::Issuance { deadline: dl, days, counting, rest } => {
                let mut line = match counting {
                    DayCounting::CivilCode if dl.due != dl.nominal => ExplanationLine::new(
                        "rp9.p6",
                        format!("自受理之日{}起算（当日不计入），第{days}日{}系{}，顺延至其后第一个工作日{}，为发证期限（R1，{}）。", d(dl.start), d(dl.nominal), rest_zh(rest), d(dl.due), CountingLaw::for_start(dl.start).cite_zh(true)),
                        format!("Day {days} after acceptance on {} is {}, {}; the permit is due on the next working day, {} (R1, {}).", d(dl.start), d(dl.nominal), rest_en(rest), d(dl.due), CountingLaw::for_start(dl.start).cite_en(true)),
                    ),
                    DayCounting::CivilCode => ExplanationLine::new(
                        "rp9.p6",
                        format!("自受理之日{}起算{days}日（当日不计入），发证期限{}为工作日（R1）。", d(dl.start), d(dl.due)),
                        format!("{days} days from acceptance on {} (that day not counted) end on {}, a working day: the permit is due by then (R1).", d(dl.start), d(dl.due)),
                    ),
                    DayCounting::Calendar => ExplanationLine::new(
                        "rp9.p6",
                        format!("自受理之日{}起按自然日计算{days}日，发证期限{}{}，不因休息日顺延（R1）。", d(dl.start), d(dl.due), rest.map(|r| format!("，系{}", rest_zh(Some(r)))).unwrap_or_default()),
                        format!("{days} calendar days from acceptance on {} end on {}{}; calendar counting does not move it off a rest day (R1).", d(dl.start), d(dl.due), rest.map(|r| format!(", {}", rest_en(Some(r)))).unwrap_or_default()),
                    ),
                    DayCounting::WorkingDays => ExplanationLine::new(
                        "rp9.p6",
                        format!("受理之日{}后第{days}个工作日为{}，为发证期限（R1，按工作日计算）。", d(dl.start), d(dl.due)),
                        format!("The {} working day after acceptance on {} is {}: the permit is due by then (R1, working-day counting).", ordinal(u32::from(days)), d(dl.start), d(dl.due)),
                    ),
                };
                if days > 15 {
                    let _ = write!(line.zh, "（实施办法将期限延长为{days}日。）");
                    let _ = write!(line.en, " (The city's measures extend the period to {days} days.)");
                }
                if dl.provisional {
                    line.zh.push_str("该年度无官方节假日数据，仅按周末计休息日（暂定）。");
                    line.en.push_str(" The calendar has no official data for that year, so only weekends were treated as rest days (provisional).");
                }
                line
            }
            Step::Issued { status, issued, deadline, as_of } => {
                let i = issued.map(d).unwrap_or_default();
                match status {
                    IssueStatus::Done => ExplanationLine::new("rp9.p6", format!("居住证已于{i}发放，未超过期限{}。", d(deadline)), format!("The permit was issued on {i}, by the deadline {}.", d(deadline))),
                    IssueStatus::Late => ExplanationLine::new("rp9.p6", format!("居住证于{i}发放，已超过期限{}。", d(deadline)), format!("The permit was issued on {i}, after the deadline {}: late.", d(deadline))),
                    IssueStatus::Pending => ExplanationLine::new("rp9.p6", format!("截至{}尚未发放，期限{}尚未届满。", d(as_of), d(deadline)), format!("Not issued as of {}; due by {}: pending.", d(as_of), d(deadline))),
                    _ => ExplanationLine::new("rp9.p6", format!("截至{}尚未发放，期限{}已过。", d(as_of), d(deadline)), format!("Not issued as of {}, and the deadline {} has passed: overdue.", d(as_of), d(deadline))),
                }
            }
        }
    }
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
