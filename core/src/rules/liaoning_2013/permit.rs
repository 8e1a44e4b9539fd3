//! Art 10–13: the Residence Permit 《居住证》.
//!
//! - Art 10 p1: a floating person staying 1 month or more applies with the registration — by the
//!   same 7-day deadline (I2).
//! - Art 10 p2: students and persons not yet 16 full years old are exempt but may apply. The
//!   under-16 exemption ends on the day the person reaches 16 full years; the permit is then due
//!   7 days from that day (I3). A student is exempt as a student, with no end date.
//! - Art 11: a person an institution registers gets no permit, even on request (I4); this beats
//!   the student exemption.
//! - Art 12: documents (identity document; lease or other proof of residence) — explained.
//! - Art 13 p2: validity of 1, 2 or 3 years: valid through issue + N years; extension due no
//!   later than expiry − 30 days (I6, never rolled). Art 13 p4: always free. Art 13 p5: permits
//!   held before 2013-04-01 may be exchanged free of charge.

use super::articles::{Article, Basis};
use super::duties::{judge, judge_traced, seven_days, Duty};
use super::facts::PersonFacts;
use super::input::Category;
use super::interpretations::Interpretation;
use super::outcome::{DutyHolder, Exemption, PermitOutcome, PermitStatus, RegistrationOutcome, Status};
use super::{Acc, Ctx, IN_FORCE};
use crate::date::{format_iso as d, DayNum};
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::period::{under_16_until, years_end};
use crate::vocab::Word;

/// The fee for applying, changing, extending or replacing a permit, yuan (Art 13 p4: free).
pub const FEE_YUAN: u32 = 0;

/// Days before expiry by which an extension must be applied for (Art 13 p2).
pub const EXTENSION_DAYS_BEFORE_EXPIRY: i32 = 30;

/// Why the permit does not concern a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotApplicable {
    /// Category other than floating.
    Category(Category),
    /// A floating person staying less than a month.
    ShortStay,
}

const NONE: PermitOutcome = PermitOutcome {
    status: PermitStatus::NotApplicable,
    exemption: None,
    reaches_16_on: None,
    deadline: None,
    application_status: Status::NotRequired,
    expires_on: None,
    valid: None,
    extension_deadline: None,
    extension_status: None,
    basis: Basis::EMPTY,
};

/// Decides the permit's status, deadline and application status, then the permit held.
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(
    f: &PersonFacts,
    long_stay: bool,
    reg: &RegistrationOutcome,
    cx: &Ctx,
    acc: &mut Acc,
    t: &mut T,
) -> PermitOutcome {
    let mut o = NONE;
    // The day a person under 16 on arrival reaches 16 (I3), looked up by the branches that need it.
    let under_16 = || f.birth.zip(f.arrival).and_then(|(b, a)| under_16_until(b, a, cx.age));
    if f.category != Category::Floating || !long_stay {
        let (reason, article) = match f.category {
            Category::Floating => (NotApplicable::ShortStay, Article::Art10P1),
            Category::Permanent => (NotApplicable::Category(f.category), Article::Art24),
            Category::Overseas => (NotApplicable::Category(f.category), Article::Art25),
            Category::Lodging => (NotApplicable::Category(f.category), Article::Art10P1),
        };
        o.basis = Basis::EMPTY.with(article);
        t.step(|| Step::PermitNotApplicable { reason, article });
    } else if let (Some(holder), Some(item)) =
        (DutyHolder::institution_for(f.accommodation), Article::art11_item(f.accommodation))
    {
        acc.interp.insert(Interpretation::I4);
        o.status = PermitStatus::NotIssued;
        o.basis = Basis::EMPTY.with(item);
        t.step(|| Step::PermitNotIssued { holder, item, wanted: f.wants_permit, studying: f.studying });
    } else if f.studying {
        // A student under 16 is exempt as a student, with no end date at 16 (I3).
        if under_16().is_some() {
            acc.interp.insert(Interpretation::I3);
        }
        o.status = PermitStatus::Optional;
        o.exemption = Some(Exemption::Student);
        o.basis = Basis::EMPTY.with(Article::Art10P2);
        t.step(|| Step::ExemptStudent);
        o.application_status = voluntary(f, cx, t);
    } else if let Some(reaches) = under_16() {
        // Under 16 on arrival: the exemption applies now or applied earlier in this stay (I3).
        acc.interp.insert(Interpretation::I3);
        o.reaches_16_on = Some(reaches);
        let ends_during_stay = f.departure.is_none_or(|d| reaches < d);
        if cx.as_of >= reaches && ends_during_stay {
            acc.interp.insert(Interpretation::I2);
            o.status = PermitStatus::Required;
            o.basis = Basis::EMPTY.with(Article::Art10P1).with(Article::Art10P2);
            t.step(|| Step::Under16Ended { reaches });
            let due = seven_days(cx, reaches, Duty::PermitApplication, acc, t);
            o.deadline = Some(due);
            o.application_status = required(f, due, cx, t);
        } else {
            o.status = PermitStatus::Optional;
            o.exemption = Some(Exemption::Under16);
            o.basis = Basis::EMPTY.with(Article::Art10P2);
            if ends_during_stay {
                t.step(|| Step::ExemptUnder16 { reaches });
            } else {
                t.step(|| Step::Under16ThroughStay { reaches, departure: f.departure.unwrap_or(reaches) });
            }
            o.application_status = voluntary(f, cx, t);
        }
    } else {
        if f.birth.is_none() {
            t.step(|| Step::NoBirthDate);
        }
        acc.interp.insert(Interpretation::I2);
        o.status = PermitStatus::Required;
        o.basis = Basis::EMPTY.with(Article::Art10P1);
        t.step(|| Step::PermitRequired);
        // A self-registering floating person always has a registration deadline here.
        let due = reg.deadline.unwrap_or(cx.as_of);
        o.deadline = Some(due);
        o.application_status = required(f, due, cx, t);
    }
    held(f, cx, acc, &mut o, t);
    if matches!(o.status, PermitStatus::Required | PermitStatus::Optional) || o.expires_on.is_some() {
        t.step(|| Step::Fee);
    }
    o
}

/// Status of a required application: judged by `permit_applied_on`; with no such date, a permit
/// held on the assessment day counts as done.
#[inline]
fn required<T: Trace<super::Step>>(f: &PersonFacts, due: i32, cx: &Ctx, t: &mut T) -> Status {
    let applied = f.permit_applied_on.filter(|&d| d <= cx.as_of);
    if applied.is_none() {
        if let Some(p) = f.permit.filter(|p| p.issued <= cx.as_of) {
            t.step(|| Step::HeldCountsAsApplied { issued: p.issued });
            return Status::Done;
        }
    }
    judge_traced(cx, Duty::PermitApplication, due, applied, t)
}

/// Status of a voluntary application: done once applied for or held, else not required.
#[inline]
fn voluntary<T: Trace<super::Step>>(f: &PersonFacts, cx: &Ctx, t: &mut T) -> Status {
    let applied = f.permit_applied_on.is_some_and(|d| d <= cx.as_of);
    let held = f.permit.is_some_and(|p| p.issued <= cx.as_of);
    let status = if applied || held { Status::Done } else { Status::NotRequired };
    t.step(|| Step::Voluntary { wanted: f.wants_permit, status });
    status
}

/// The permit held: expiry, validity, extension (Art 13 p2, I6; Art 13 p5 for old permits).
#[inline]
fn held<T: Trace<super::Step>>(f: &PersonFacts, cx: &Ctx, acc: &mut Acc, o: &mut PermitOutcome, t: &mut T) {
    let Some(p) = f.permit else { return };
    if p.issued > cx.as_of {
        t.step(|| Step::PermitNotYetIssued { issued: p.issued });
        return;
    }
    if p.issued < IN_FORCE {
        t.step(|| Step::PermitFromBefore { issued: p.issued });
        o.basis = o.basis.with(Article::Art13P5);
    }
    let expires = years_end(p.issued, i32::from(p.years));
    let valid = cx.as_of <= expires;
    let ext_deadline = expires - EXTENSION_DAYS_BEFORE_EXPIRY;
    let applied = p.extension_applied.filter(|&d| d <= cx.as_of);
    let ext_status = match (applied, judge(ext_deadline, applied, cx.as_of)) {
        (None, Status::Overdue) => Status::Missed,
        (_, s) => s,
    };
    acc.interp.insert(Interpretation::I6);
    o.expires_on = Some(expires);
    o.valid = Some(valid);
    o.extension_deadline = Some(ext_deadline);
    o.extension_status = Some(ext_status);
    o.basis = o.basis.with(Article::Art13P2);
    t.step(|| Step::PermitHeld { issued: p.issued, years: p.years, expires, valid });
    t.step(|| Step::Extension { deadline: ext_deadline, status: ext_status, applied });
}

/// The steps of the permit decision (Art 10–13), each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// The permit does not concern the person, under `article`.
    PermitNotApplicable { reason: NotApplicable, article: Article },
    /// An Art 11 resident gets no permit (I4).
    PermitNotIssued { holder: DutyHolder, item: Article, wanted: bool, studying: bool },
    /// The permit is required (I2).
    PermitRequired,
    /// No birth date: the under-16 exemption could not be considered.
    NoBirthDate,
    /// Exempt as a student.
    ExemptStudent,
    /// Exempt as under 16, until `reaches`.
    ExemptUnder16 { reaches: DayNum },
    /// The under-16 exemption ended on `reaches` (I3).
    Under16Ended { reaches: DayNum },
    /// The stay ends before the person turns 16.
    Under16ThroughStay { reaches: DayNum, departure: DayNum },
    /// A voluntary application's state.
    Voluntary { wanted: bool, status: Status },
    /// A held permit counts as applied for.
    HeldCountsAsApplied { issued: DayNum },
    /// The permit held: expiry and validity.
    PermitHeld { issued: DayNum, years: u8, expires: DayNum, valid: bool },
    /// A permit from before the Measures (Art 13 p5).
    PermitFromBefore { issued: DayNum },
    /// The permit's issue date lies after the assessment day.
    PermitNotYetIssued { issued: DayNum },
    /// The extension deadline (I6).
    Extension { deadline: DayNum, status: Status, applied: Option<DayNum> },
    /// No fee.
    Fee,
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::PermitNotApplicable { reason: NotApplicable::ShortStay, article } => ExplanationLine::new(
                article.id(),
                "无需办理居住证：居住不满1个月。".into(),
                {
                "No Residence Permit: the stay is under one month.".into()
            },
            ),
            Step::PermitNotApplicable { reason: NotApplicable::Category(c), article } => ExplanationLine::new(
                article.id(),
                match c {
                Category::Lodging => "无需办理居住证：居住证针对流动人口（户籍不在辽宁），寄住人口依第九条办理寄住登记。".into(),
                Category::Overseas => "本办法下不办理居住证：适用其他法律（第二十五条）。".into(),
                _ => "无需办理居住证：常住人口居住在户籍地。".into(),
            },
                match c {
                Category::Lodging => "No Residence Permit: the permit concerns floating persons (hukou outside Liaoning); a lodging person registers under Art 9.".into(),
                Category::Overseas => "No Residence Permit under these Measures: other laws apply (Art 25).".into(),
                _ => "No Residence Permit: a permanent resident lives at the hukou.".into(),
            },
            ),
            Step::PermitNotIssued { holder, item, wanted, studying } => ExplanationLine::new(
                item.id(),
                {
                let extra = if wanted {
                    "本人虽愿申领，但第十一条的特别规定优先于第十条第二款的自愿申领（I4）。"
                } else if studying {
                    "第十一条先于第十条第二款的就学免办适用（I4）。"
                } else {
                    ""
                };
                if extra.is_empty() {
                    format!("由{}登记：只办理居住登记，不申领居住证（I4）。", holder.zh())
                } else {
                    format!("由{}登记：只办理居住登记，不申领居住证。{extra}", holder.zh())
                }
            },
                {
                let extra = if wanted {
                    " The person wishes to apply, but Art 11's specific rule prevails over the voluntary application of Art 10 p2 (I4)."
                } else if studying {
                    " Art 11 applies before the student exemption of Art 10 p2 (I4)."
                } else {
                    " (I4)"
                };
                format!("Registered by {}: registration only, no Residence Permit.{extra}", holder.en())
            },
            ),
            Step::PermitRequired => ExplanationLine::new(
                "art10.p1",
                "拟居住1个月以上的流动人口应在办理居住登记的同时、于同一7日期限内申领居住证（I2），并提供合法有效的身份证件、房屋租赁协议或者有关居住证明等材料（第十二条）。".into(),
                "A floating person staying a month or more applies for the Residence Permit together with the registration, within the same 7 days (I2), with a valid identity document and a lease or other proof of residence (Art 12).".into(),
            ),
            Step::NoBirthDate => ExplanationLine::new(
                "art10.p2",
                "未提供出生日期，无法判断是否未满16周岁，按已满16周岁处理。".into(),
                "No birth date was given, so the under-16 exemption could not be considered; the person is treated as 16 or older.".into(),
            ),
            Step::ExemptStudent => ExplanationLine::new(
                "art10.p2",
                "就学：不需办理居住证，本人自愿申请的除外（第十条第二款；在学者不论年龄均按就学免办）。".into(),
                "Studying: exempt from the Residence Permit, but may apply voluntarily (Art 10 p2; a student is exempt as a student, whatever the age).".into(),
            ),
            Step::ExemptUnder16 { reaches } => ExplanationLine::new(
                "art10.p2",
                format!("未满16周岁：在满16周岁之日{}之前免办居住证（I3），可自愿申请。", d(reaches)),
                format!(
                "Not yet 16 full years old: exempt from the Residence Permit until {}, the day 16 full years are reached (I3); may apply voluntarily.",
                d(reaches)
            ),
            ),
            Step::Under16Ended { reaches } => ExplanationLine::new(
                "art10.p2",
                format!(
                "到达时未满16周岁，已于{}满16周岁；免办自该日终止，应自该日起7日内申领居住证（I3）。",
                d(reaches)
            ),
                format!(
                "Under 16 on arrival, the person reached 16 full years on {}; the exemption ended that day and the permit is due within 7 days of it (I3).",
                d(reaches)
            ),
            ),
            Step::Under16ThroughStay { reaches, departure } => ExplanationLine::new(
                "art10.p2",
                format!(
                "整个居住期间均未满16周岁：拟离开日期{}不晚于满16周岁之日{}，免办持续至离开。",
                d(departure), d(reaches)
            ),
                format!(
                "Under 16 for the whole stay: the planned departure {} is no later than {}, the day 16 full years are reached, so the exemption lasts through the stay.",
                d(departure), d(reaches)
            ),
            ),
            Step::Voluntary { wanted, status } => ExplanationLine::new(
                "art10.p2",
                match (status, wanted) {
                (Status::Done, _) => "已自愿申领或已持有居住证。".into(),
                (_, true) => "本人愿意申领：自愿申领不设期限。".into(),
                _ => "无需申领。".into(),
            },
                match (status, wanted) {
                (Status::Done, _) => "A voluntary application has been made or a permit is held.".into(),
                (_, true) => "The person wishes to apply: a voluntary application has no deadline.".into(),
                _ => "No application is required.".into(),
            },
            ),
            Step::HeldCountsAsApplied { issued } => ExplanationLine::new(
                "art10.p1",
                format!("持有{}签发的居住证，视为已申领。", d(issued)),
                format!(
                "A permit issued on {} is held, so the application counts as done.",
                d(issued)
            ),
            ),
            Step::PermitHeld { issued, years, expires, valid } => ExplanationLine::new(
                "art13.p2",
                format!(
                "居住证于{}签发，有效期{}年，至{}；评估日{}。",
                d(issued), years, d(expires), if valid { "有效" } else { "已过期" }
            ),
                format!(
                "Permit issued {} for {} year{}: valid through {}; {} on the assessment day.",
                d(issued), years, if years == 1 { "" } else { "s" }, d(expires), if valid { "valid" } else { "expired" }
            ),
            ),
            Step::PermitFromBefore { issued } => ExplanationLine::new(
                "art13.p5",
                format!(
                "该居住证（{}）系本办法施行前办理，可免费换领，居住期限连续计算。",
                d(issued)
            ),
                format!(
                "The permit ({}) predates the Measures: it may be exchanged free of charge, the residence period counting continuously.",
                d(issued)
            ),
            ),
            Step::PermitNotYetIssued { issued } => ExplanationLine::new(
                "art13.p2",
                format!("居住证签发日期{}晚于评估日：评估日尚未持证。", d(issued)),
                format!(
                "The permit's issue date {} lies after the assessment day: on that day no permit is held.",
                d(issued)
            ),
            ),
            Step::Extension { deadline, status, applied } => ExplanationLine::new(
                "art13.p2",
                {
                let st = match (status, applied) {
                    (Status::Done, Some(a)) => format!("已于{}按期申请", d(a)),
                    (Status::Late, Some(a)) => format!("于{}申请，已逾期", d(a)),
                    (Status::Pending, _) => "尚未申请，期限未届满".into(),
                    _ => "未在期限内申请".into(),
                };
                format!("需延期的，应在有效期满30日前到居住地公安派出所申请：最迟{}（I6，不因休息日顺延）；{st}。", d(deadline))
            },
                {
                let st = match (status, applied) {
                    (Status::Done, Some(a)) => format!("applied for on {}, in time", d(a)),
                    (Status::Late, Some(a)) => format!("applied for on {}, late", d(a)),
                    (Status::Pending, _) => "not yet applied for: pending".into(),
                    _ => "not applied for by then: missed".into(),
                };
                format!(
                    "An extension must be applied for at the residence's police station no later than 30 days before expiry: by {} (I6, not moved for rest days); {st}.",
                    d(deadline)
                )
            },
            ),
            Step::Fee => ExplanationLine::new(
                "art13.p4",
                "居住证申领、变更登记、延期、补领、换领均免费：0元。".into(),
                "Applying, changing, extending and replacing the permit are free: 0 yuan.".into(),
            ),
        }
    }
}
