//! Explanation steps: each decision the rules take, as data, rendered on demand into a
//! sentence in Chinese and in English with the provision it rests on.
//!
//! Steps are plain values (no strings), so recording them costs little; the batch engine does
//! not record them at all.

use super::articles::Article;
use super::duties::Duty;
use super::entitlements::PermitStanding;
use super::permit::NotApplicable;
use crate::calendar::RestReason;
use crate::case::{Category, DayCounting, ReporterKind};
use crate::date::{format_iso, DayNum};
use crate::facts::Derivation;
use crate::outcome::{Consequence, DutyHolder, PenaltyStage, RegistrationKind, Status};
use crate::period::Deadline;
use crate::vocab::Word;

/// One step of an explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// The caller gave the category.
    CategoryGiven(Category),
    /// The category was derived.
    CategoryDerived(Category, Derivation),
    /// The birth date came from the identity number.
    BirthFromId,
    /// A permanent resident: nothing to register under these Measures.
    Permanent,
    /// From outside the mainland: other laws apply.
    Overseas,
    /// The 1-month trigger.
    Stay { category: Category, arrival: DayNum, departure: Option<DayNum>, threshold: DayNum, long: bool },
    /// An Art 11 institution registers the person.
    ByInstitution { kind: RegistrationKind, holder: DutyHolder, item: Article, category: Category },
    /// The person registers.
    SelfRegistration { kind: RegistrationKind },
    /// The event lies before the Measures; the period starts on 2013-04-01 (I7).
    StartsInForce { duty: Duty, event: DayNum },
    /// A deadline was counted (I1); `rest` names the rest day a Civil-Code period moved off or
    /// a calendar-day period ends on.
    Counted { duty: Duty, deadline: Deadline, counting: DayCounting, rest: Option<RestReason> },
    /// A duty was judged against its deadline.
    Judged { duty: Duty, status: Status, done: Option<DayNum>, deadline: DayNum, as_of: DayNum },
    /// The permit does not concern the person.
    PermitNotApplicable(NotApplicable),
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
    /// Art 18 rights.
    Art18(PermitStanding),
    /// Art 19 services.
    Art19,
    /// Art 17 certificates.
    Art17 { registered: Option<DayNum> },
    /// Art 21 ladder for a duty.
    Art21 { duty: Duty, consequence: Consequence, correction: Option<DayNum>, done: Option<DayNum> },
    /// I9.
    ExemptNotRegistered,
    /// A reporter's duty.
    ReporterDuty { kind: ReporterKind },
    /// The Art 22 ladder.
    Penalty {
        stage: PenaltyStage,
        false_reports: u32,
        concealed: u32,
        late: bool,
        correction: Option<DayNum>,
        corrected: Option<DayNum>,
        fine: (u64, u64),
    },
}

fn d(x: DayNum) -> String {
    format_iso(x)
}

impl Duty {
    /// The provision that imposes the duty.
    pub fn article(self) -> Article {
        match self {
            Duty::LodgingRegistration => Article::Art9,
            Duty::ResidenceRegistration | Duty::PermitApplication => Article::Art10P1,
            Duty::ChangeReport(_) => Article::Art13P1,
            Duty::Report(_) => Article::Art14,
        }
    }

    fn en(self) -> String {
        match self {
            Duty::LodgingRegistration => "Lodging registration".into(),
            Duty::ResidenceRegistration => "Residence registration".into(),
            Duty::PermitApplication => "Residence Permit application".into(),
            Duty::ChangeReport(i) => format!("Report of change {}", u32::from(i) + 1),
            Duty::Report(k) => format!("The {}'s report to the police station", k.en()),
        }
    }

    fn zh(self) -> String {
        match self {
            Duty::LodgingRegistration => "寄住登记".into(),
            Duty::ResidenceRegistration => "流动人口居住登记".into(),
            Duty::PermitApplication => "申领《居住证》".into(),
            Duty::ChangeReport(i) => format!("第{}项变更登记", u32::from(i) + 1),
            Duty::Report(k) => format!("{}向公安派出所报送信息", k.zh()),
        }
    }
}

fn rest_en(r: Option<RestReason>) -> String {
    match r {
        Some(RestReason::Holiday(f)) => format!("a statutory holiday ({})", f.en()),
        Some(RestReason::Listed) => "a rest day in the supplied calendar".into(),
        Some(RestReason::Weekend) | None => "a weekend day".into(),
    }
}

fn rest_zh(r: Option<RestReason>) -> String {
    match r {
        Some(RestReason::Holiday(f)) => format!("法定节假日（{}）", f.zh()),
        Some(RestReason::Listed) => "所提供日历中的休息日".into(),
        Some(RestReason::Weekend) | None => "周末".into(),
    }
}

fn person_article(c: Category) -> Article {
    if c == Category::Lodging {
        Article::Art9
    } else {
        Article::Art10P1
    }
}

impl Step {
    /// The provision this step rests on (`art10.p1`, or `art18` for a whole article).
    pub fn basis(&self) -> &'static str {
        match *self {
            Step::CategoryGiven(_) | Step::CategoryDerived(..) | Step::Permanent => "art24",
            Step::BirthFromId => "art4",
            Step::Overseas => "art25",
            Step::Stay { category, .. } => person_article(category).id(),
            Step::SelfRegistration { kind } => match kind {
                RegistrationKind::LodgingRegistration => "art9",
                RegistrationKind::ResidenceRegistration => "art10.p1",
            },
            Step::ByInstitution { item, .. } | Step::PermitNotIssued { item, .. } => item.id(),
            Step::StartsInForce { .. } => "art26",
            Step::Counted { duty, .. } | Step::Judged { duty, .. } => duty.article().id(),
            Step::Art21 { .. } | Step::ExemptNotRegistered => "art21",
            Step::PermitNotApplicable(NotApplicable::Category(Category::Permanent)) => "art24",
            Step::PermitNotApplicable(NotApplicable::Category(Category::Overseas)) => "art25",
            Step::PermitNotApplicable(_) => "art10.p1",
            Step::PermitRequired | Step::HeldCountsAsApplied { .. } => "art10.p1",
            Step::NoBirthDate
            | Step::ExemptStudent
            | Step::ExemptUnder16 { .. }
            | Step::Under16Ended { .. }
            | Step::Under16ThroughStay { .. }
            | Step::Voluntary { .. } => "art10.p2",
            Step::PermitHeld { .. } | Step::PermitNotYetIssued { .. } | Step::Extension { .. } => "art13.p2",
            Step::PermitFromBefore { .. } => "art13.p5",
            Step::Fee => "art13.p4",
            Step::Art18(_) => "art18",
            Step::Art19 => "art19",
            Step::Art17 { .. } => "art17",
            Step::ReporterDuty { kind } if kind.reports_periodically() => "art11.p2",
            Step::ReporterDuty { .. } => "art14",
            Step::Penalty { .. } => "art22",
        }
    }

    /// The step in English.
    pub fn en(&self) -> String {
        match *self {
            Step::CategoryGiven(c) => format!("Category given by the caller: {} ({}).", c.en(), c.id()),
            Step::CategoryDerived(c, how) => {
                let why = match how {
                    Derivation::Overseas => "the person comes from outside the mainland",
                    Derivation::HukouOutside => "the hukou division code lies outside Liaoning (not 21…)",
                    Derivation::AtHukou => "the hukou is in Liaoning and the person lives at it",
                    Derivation::AwayFromHukou => "the hukou is in Liaoning but the person lives away from it",
                };
                format!("Category derived: {why}, so the person is a {} ({}).", c.en(), c.id())
            }
            Step::BirthFromId => "The birth date was taken from the identity number (GB 11643).".into(),
            Step::Permanent => {
                "A permanent resident lives at the place of hukou registration: these Measures ask no residence registration or permit of them.".into()
            }
            Step::Overseas => {
                "People from outside the mainland are served and managed under other laws and regulations (Art 25): nothing under these Measures.".into()
            }
            Step::Stay { arrival, departure, threshold, long, .. } => match (departure, long) {
                (None, _) => format!(
                    "Arrived {}, no planned departure: an open-ended stay counts as one month or more.",
                    d(arrival)
                ),
                (Some(dep), true) => format!(
                    "Arrived {}, planned departure {}: on or after {} (one month later), so a stay of one month or more (\"以上\" includes the month).",
                    d(arrival), d(dep), d(threshold)
                ),
                (Some(dep), false) => format!(
                    "Arrived {}, planned departure {}: before {} (one month later), so the stay is under one month and nothing needs registering.",
                    d(arrival), d(dep), d(threshold)
                ),
            },
            Step::ByInstitution { kind, holder, category, .. } => {
                let i5 = if category == Category::Lodging { " (I5: this covers lodging persons too)" } else { "" };
                format!(
                    "Staying with {}: the institution makes the {} and reports it to the police station periodically, with no fixed deadline{i5}.",
                    holder.en(), kind.en()
                )
            }
            Step::SelfRegistration { kind } => format!(
                "The person makes the {} at the residence's police station or a community residents' committee it commissions, with a resident identity card or other valid identity document.",
                kind.en()
            ),
            Step::StartsInForce { duty, event } => format!(
                "{}: the event ({}) precedes the Measures, so the period runs from 2013-04-01 (I7).",
                duty.en(), d(event)
            ),
            Step::Counted { duty, deadline: dl, counting, rest } => {
                let mut s = match counting {
                    DayCounting::CivilCode if dl.due != dl.nominal => format!(
                        "{}: day 7 after {} is {}, {}; the period ends on the next working day, {} (Civil Code Art 203).",
                        duty.en(), d(dl.start), d(dl.nominal), rest_en(rest), d(dl.due)
                    ),
                    DayCounting::CivilCode => format!(
                        "{}: 7 days from {} (that day not counted) end on {}, a working day (Civil Code Arts 201, 203).",
                        duty.en(), d(dl.start), d(dl.due)
                    ),
                    DayCounting::Calendar => format!(
                        "{}: 7 calendar days from {} end on {}{}; calendar counting does not move a deadline off a rest day.",
                        duty.en(), d(dl.start), d(dl.due),
                        rest.map(|r| format!(", {}", rest_en(Some(r)))).unwrap_or_default()
                    ),
                    DayCounting::WorkingDays => format!(
                        "{}: the 7th working day after {} is {} (working-day counting).",
                        duty.en(), d(dl.start), d(dl.due)
                    ),
                };
                if dl.provisional {
                    s.push_str(" The calendar has no official data for that year, so only weekends were treated as rest days (provisional).");
                }
                s
            }
            Step::Judged { duty, status, done, deadline, as_of } => {
                let future = match done {
                    Some(x) if x > as_of => format!(" The date given, {}, lies after {}: on that day it has not happened yet.", d(x), d(as_of)),
                    _ => String::new(),
                };
                let body = match status {
                    Status::Done => format!("done on {}, by the deadline {}.", d(done.unwrap_or(deadline)), d(deadline)),
                    Status::Late => format!("done on {}, after the deadline {}: late.", d(done.unwrap_or(deadline)), d(deadline)),
                    Status::Pending => format!("not done as of {}; due by {}: pending.", d(as_of), d(deadline)),
                    _ => format!("not done as of {}, and the deadline {} has passed: overdue.", d(as_of), d(deadline)),
                };
                format!("{}: {body}{future}", duty.en())
            }
            Step::PermitNotApplicable(NotApplicable::ShortStay) => {
                "No Residence Permit: the stay is under one month.".into()
            }
            Step::PermitNotApplicable(NotApplicable::Category(c)) => match c {
                Category::Lodging => "No Residence Permit: the permit concerns floating persons (hukou outside Liaoning); a lodging person registers under Art 9.".into(),
                Category::Overseas => "No Residence Permit under these Measures: other laws apply (Art 25).".into(),
                _ => "No Residence Permit: a permanent resident lives at the hukou.".into(),
            },
            Step::PermitNotIssued { holder, wanted, studying, .. } => {
                let extra = if wanted {
                    " The person wishes to apply, but Art 11's specific rule prevails over the voluntary application of Art 10 p2 (I4)."
                } else if studying {
                    " Art 11 applies before the student exemption of Art 10 p2 (I4)."
                } else {
                    " (I4)"
                };
                format!("Registered by {}: registration only, no Residence Permit.{extra}", holder.en())
            }
            Step::PermitRequired => "A floating person staying a month or more applies for the Residence Permit together with the registration, within the same 7 days (I2), with a valid identity document and a lease or other proof of residence (Art 12).".into(),
            Step::NoBirthDate => "No birth date was given, so the under-16 exemption could not be considered; the person is treated as 16 or older.".into(),
            Step::ExemptStudent => "Studying: exempt from the Residence Permit, but may apply voluntarily (Art 10 p2; a student is exempt as a student, whatever the age).".into(),
            Step::ExemptUnder16 { reaches } => format!(
                "Not yet 16 full years old: exempt from the Residence Permit until {}, the day 16 full years are reached (I3); may apply voluntarily.",
                d(reaches)
            ),
            Step::Under16Ended { reaches } => format!(
                "Under 16 on arrival, the person reached 16 full years on {}; the exemption ended that day and the permit is due within 7 days of it (I3).",
                d(reaches)
            ),
            Step::Under16ThroughStay { reaches, departure } => format!(
                "Under 16 for the whole stay: the planned departure {} comes before {}, the day 16 full years are reached, so the exemption lasts through the stay.",
                d(departure), d(reaches)
            ),
            Step::Voluntary { wanted, status } => match (status, wanted) {
                (Status::Done, _) => "A voluntary application has been made or a permit is held.".into(),
                (_, true) => "The person wishes to apply: a voluntary application has no deadline.".into(),
                _ => "No application is required.".into(),
            },
            Step::HeldCountsAsApplied { issued } => format!(
                "A permit issued on {} is held, so the application counts as done.",
                d(issued)
            ),
            Step::PermitHeld { issued, years, expires, valid } => format!(
                "Permit issued {} for {} year{}: valid through {}; {} on the assessment day.",
                d(issued), years, if years == 1 { "" } else { "s" }, d(expires), if valid { "valid" } else { "expired" }
            ),
            Step::PermitFromBefore { issued } => format!(
                "The permit ({}) predates the Measures: it may be exchanged free of charge, the residence period counting continuously.",
                d(issued)
            ),
            Step::PermitNotYetIssued { issued } => format!(
                "The permit's issue date {} lies after the assessment day: on that day no permit is held.",
                d(issued)
            ),
            Step::Extension { deadline, status, applied } => {
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
            }
            Step::Fee => "Applying, changing, extending and replacing the permit are free: 0 yuan.".into(),
            Step::Art18(standing) => match standing {
                PermitStanding::Valid(e) => format!("Holding a permit valid through {}: the same rights as permanent residents in the eleven matters of Art 18.", d(e)),
                PermitStanding::Expired(e) => format!("The permit expired on {}: the Art 18 rights need a valid permit.", d(e)),
                PermitStanding::NotHeld => "No permit held on the assessment day: the Art 18 rights need one.".into(),
            },
            Step::Art19 => "Every floating person has equal health public services under Art 19 (no permit needed).".into(),
            Step::Art17 { registered: Some(r) } => format!(
                "Lodging registration made on {}: may ask the police station for residence, survival and criminal-record certificates.",
                d(r)
            ),
            Step::Art17 { registered: None } => "No lodging registration made yet: the Art 17 certificates need one.".into(),
            Step::Art21 { duty, consequence, correction, done } => match consequence {
                Consequence::OrderToCorrect => format!(
                    "{} is overdue: the police station orders it made by a time limit{}.",
                    duty.en(),
                    correction.map(|c| format!(" (set: {})", d(c))).unwrap_or_default()
                ),
                Consequence::CreditRecord => format!(
                    "{} was not made by the correction limit {}{}: entered in the personal credit record (no fine for individuals).",
                    duty.en(),
                    correction.map(d).unwrap_or_default(),
                    done.map(|x| format!(" (made only on {})", d(x))).unwrap_or_default()
                ),
                Consequence::None => format!("{}: nothing owed under Art 21.", duty.en()),
            },
            Step::ExemptNotRegistered => "The registration is overdue, but Art 21 names only the permit application for floating persons, and this person is exempt: no consequence (I9).".into(),
            Step::ReporterDuty { kind } if kind.reports_periodically() => format!(
                "A {} registers its residents and reports to the police station periodically: no fixed deadline.",
                kind.en()
            ),
            Step::ReporterDuty { kind } => format!(
                "A {} registers the person's basic information (name, sex, ethnicity, birth date, hukou and current address, identity number, photo) and reports it to the police station within 7 days.",
                kind.en()
            ),
            Step::Penalty { stage, false_reports, concealed, late, correction, corrected, fine } => {
                let mut grounds = Vec::new();
                if false_reports > 0 {
                    grounds.push(format!("{false_reports} falsely reported"));
                }
                if concealed > 0 {
                    grounds.push(format!("{concealed} concealed"));
                }
                if late {
                    grounds.push("late reporting".into());
                }
                if grounds.is_empty() {
                    return "No false report, concealment or late report: no penalty.".into();
                }
                let g = grounds.join(", ");
                match stage {
                    PenaltyStage::None => format!(
                        "Grounds: {g}; corrected on {}{}: no penalty.",
                        corrected.map(d).unwrap_or_default(),
                        correction.map(|c| format!(", within the limit {}", d(c))).unwrap_or_default()
                    ),
                    PenaltyStage::OrderToCorrect => format!(
                        "Grounds: {g}: the police station orders correction by a time limit{}.",
                        correction.map(|c| format!(" (set: {})", d(c))).unwrap_or_default()
                    ),
                    PenaltyStage::FineAndCreditRecord if fine.1 > 0 => format!(
                        "Grounds: {g}; not corrected by {}: the county public security organ fines 200–500 yuan per person falsely reported or concealed ({}–{} yuan), and the failure enters the credit record{}.",
                        correction.map(d).unwrap_or_default(), fine.0, fine.1,
                        if late { " (late reporting itself adds no fine, I8)" } else { "" }
                    ),
                    PenaltyStage::FineAndCreditRecord => format!(
                        "Grounds: {g}; not corrected by {}: late reporting alone earns a credit-record entry but no fine (I8).",
                        correction.map(d).unwrap_or_default()
                    ),
                }
            }
        }
    }

    /// The step in Chinese.
    pub fn zh(&self) -> String {
        match *self {
            Step::CategoryGiven(c) => format!("类别由调用方给出：{}（{}）。", c.zh(), c.id()),
            Step::CategoryDerived(c, how) => {
                let why = match how {
                    Derivation::Overseas => "系境外来辽人员",
                    Derivation::HukouOutside => "户籍地区划代码不在辽宁（非21开头）",
                    Derivation::AtHukou => "户籍在辽宁且居住在户籍地",
                    Derivation::AwayFromHukou => "户籍在辽宁但离开户籍地居住",
                };
                format!("类别推定：{why}，属{}（{}）。", c.zh(), c.id())
            }
            Step::BirthFromId => "出生日期取自公民身份号码（GB 11643）。".into(),
            Step::Permanent => "常住人口居住在户籍地，本办法不要求其办理居住登记或居住证。".into(),
            Step::Overseas => "境外来辽人员的服务管理依照有关法律、法规执行（第二十五条），本办法不作要求。".into(),
            Step::Stay { arrival, departure, threshold, long, .. } => match (departure, long) {
                (None, _) => format!("{}到达，未定离开日期：不定期居住视为拟居住1个月以上。", d(arrival)),
                (Some(dep), true) => format!(
                    "{}到达，拟于{}离开：不早于满1个月之日{}，属拟居住1个月以上（“以上”含本数）。",
                    d(arrival), d(dep), d(threshold)
                ),
                (Some(dep), false) => format!(
                    "{}到达，拟于{}离开：早于满1个月之日{}，居住不满1个月，无需登记。",
                    d(arrival), d(dep), d(threshold)
                ),
            },
            Step::ByInstitution { kind, holder, category, .. } => {
                let i5 = if category == Category::Lodging { "（I5：寄住人口同样适用）" } else { "" };
                format!("住在{}：由该单位办理{}，并定期报送公安派出所，不设固定期限{i5}。", holder.zh(), kind.zh())
            }
            Step::SelfRegistration { kind } => format!(
                "本人持居民身份证或者其他有效身份证明，到居住地公安派出所或受其委托的社区居民委员会申报{}。",
                kind.zh()
            ),
            Step::StartsInForce { duty, event } => format!(
                "{}：起算事件（{}）早于本办法施行，期间自2013年4月1日起算（I7）。",
                duty.zh(), d(event)
            ),
            Step::Counted { duty, deadline: dl, counting, rest } => {
                let mut s = match counting {
                    DayCounting::CivilCode if dl.due != dl.nominal => format!(
                        "{}：自{}起第7日为{}，系{}，期间顺延至其后第一个工作日{}（民法典第二百零三条）。",
                        duty.zh(), d(dl.start), d(dl.nominal), rest_zh(rest), d(dl.due)
                    ),
                    DayCounting::CivilCode => format!(
                        "{}：自{}起算7日（当日不计入），末日{}为工作日（民法典第二百零一条、第二百零三条）。",
                        duty.zh(), d(dl.start), d(dl.due)
                    ),
                    DayCounting::Calendar => format!(
                        "{}：自{}起按自然日计算7日，截止{}{}，不因休息日顺延。",
                        duty.zh(), d(dl.start), d(dl.due),
                        rest.map(|r| format!("，系{}", rest_zh(Some(r)))).unwrap_or_default()
                    ),
                    DayCounting::WorkingDays => format!("{}：{}后第7个工作日为{}（按工作日计算）。", duty.zh(), d(dl.start), d(dl.due)),
                };
                if dl.provisional {
                    s.push_str("该年度无官方节假日数据，仅按周末计休息日（暂定）。");
                }
                s
            }
            Step::Judged { duty, status, done, deadline, as_of } => {
                let future = match done {
                    Some(x) if x > as_of => format!("所给日期{}晚于{}，在该日尚未发生。", d(x), d(as_of)),
                    _ => String::new(),
                };
                let body = match status {
                    Status::Done => format!("已于{}办理，未超过期限{}。", d(done.unwrap_or(deadline)), d(deadline)),
                    Status::Late => format!("于{}办理，已超过期限{}，属逾期办理。", d(done.unwrap_or(deadline)), d(deadline)),
                    Status::Pending => format!("截至{}尚未办理，期限为{}，尚未届满。", d(as_of), d(deadline)),
                    _ => format!("截至{}尚未办理，期限{}已过，属逾期未办。", d(as_of), d(deadline)),
                };
                format!("{}：{body}{future}", duty.zh())
            }
            Step::PermitNotApplicable(NotApplicable::ShortStay) => "无需办理居住证：居住不满1个月。".into(),
            Step::PermitNotApplicable(NotApplicable::Category(c)) => match c {
                Category::Lodging => "无需办理居住证：居住证针对流动人口（户籍不在辽宁），寄住人口依第九条办理寄住登记。".into(),
                Category::Overseas => "本办法下不办理居住证：适用其他法律（第二十五条）。".into(),
                _ => "无需办理居住证：常住人口居住在户籍地。".into(),
            },
            Step::PermitNotIssued { holder, wanted, studying, .. } => {
                let extra = if wanted {
                    "本人虽愿申领，但第十一条的特别规定优先于第十条第二款的自愿申领（I4）。"
                } else if studying {
                    "第十一条先于第十条第二款的就学免办适用（I4）。"
                } else {
                    "（I4）"
                };
                format!("由{}登记：只办理居住登记，不申领居住证。{extra}", holder.zh())
            }
            Step::PermitRequired => "拟居住1个月以上的流动人口应在办理居住登记的同时、于同一7日期限内申领居住证（I2），并提供合法有效的身份证件及房屋租赁协议等居住证明（第十二条）。".into(),
            Step::NoBirthDate => "未提供出生日期，无法判断是否未满16周岁，按已满16周岁处理。".into(),
            Step::ExemptStudent => "就学：不需办理居住证，本人自愿申请的除外（第十条第二款；在学者不论年龄均按就学免办）。".into(),
            Step::ExemptUnder16 { reaches } => format!("未满16周岁：在满16周岁之日{}之前免办居住证（I3），可自愿申请。", d(reaches)),
            Step::Under16Ended { reaches } => format!(
                "到达时未满16周岁，已于{}满16周岁；免办自该日终止，应自该日起7日内申领居住证（I3）。",
                d(reaches)
            ),
            Step::Under16ThroughStay { reaches, departure } => format!(
                "整个居住期间均未满16周岁：拟离开日期{}早于满16周岁之日{}，免办持续至离开。",
                d(departure), d(reaches)
            ),
            Step::Voluntary { wanted, status } => match (status, wanted) {
                (Status::Done, _) => "已自愿申领或已持有居住证。".into(),
                (_, true) => "本人愿意申领：自愿申领不设期限。".into(),
                _ => "无需申领。".into(),
            },
            Step::HeldCountsAsApplied { issued } => format!("持有{}签发的居住证，视为已申领。", d(issued)),
            Step::PermitHeld { issued, years, expires, valid } => format!(
                "居住证于{}签发，有效期{}年，至{}；评估日{}。",
                d(issued), years, d(expires), if valid { "有效" } else { "已过期" }
            ),
            Step::PermitFromBefore { issued } => format!(
                "该居住证（{}）系本办法施行前办理，可免费换领，居住期限连续计算。",
                d(issued)
            ),
            Step::PermitNotYetIssued { issued } => format!("居住证签发日期{}晚于评估日：评估日尚未持证。", d(issued)),
            Step::Extension { deadline, status, applied } => {
                let st = match (status, applied) {
                    (Status::Done, Some(a)) => format!("已于{}按期申请", d(a)),
                    (Status::Late, Some(a)) => format!("于{}申请，已逾期", d(a)),
                    (Status::Pending, _) => "尚未申请，期限未届满".into(),
                    _ => "未在期限内申请".into(),
                };
                format!("需延期的，应在有效期满30日前到居住地公安派出所申请：最迟{}（I6，不因休息日顺延）；{st}。", d(deadline))
            }
            Step::Fee => "居住证申领、变更登记、延期、补领、换领均免费：0元。".into(),
            Step::Art18(standing) => match standing {
                PermitStanding::Valid(e) => format!("持有效期至{}的居住证：在第十八条所列十一个方面享有与常住人口同等的权益。", d(e)),
                PermitStanding::Expired(e) => format!("居住证已于{}期满：第十八条权益以持有效居住证为条件。", d(e)),
                PermitStanding::NotHeld => "评估日未持居住证：第十八条权益以持证为条件。".into(),
            },
            Step::Art19 => "流动人口均享有第十九条所列同等健康公共服务（不以持证为条件）。".into(),
            Step::Art17 { registered: Some(r) } => format!("已于{}申报寄住登记：可向公安派出所申请开具居住证明、生存证明、有无犯罪记录证明。", d(r)),
            Step::Art17 { registered: None } => "尚未申报寄住登记：第十七条的证明以登记为前提。".into(),
            Step::Art21 { duty, consequence, correction, done } => match consequence {
                Consequence::OrderToCorrect => format!(
                    "{}逾期未办：由公安派出所责令改正，限期补办{}。",
                    duty.zh(),
                    correction.map(|c| format!("（限期至{}）", d(c))).unwrap_or_default()
                ),
                Consequence::CreditRecord => format!(
                    "{}未在改正期限{}前补办{}：作为个人不良信用行为记入个人信用档案（个人不罚款）。",
                    duty.zh(),
                    correction.map(d).unwrap_or_default(),
                    done.map(|x| format!("（至{}才办理）", d(x))).unwrap_or_default()
                ),
                Consequence::None => format!("{}：不涉及第二十一条责任。", duty.zh()),
            },
            Step::ExemptNotRegistered => "居住登记已逾期，但第二十一条对流动人口只规定不申领居住证的责任，而本人免办居住证：不产生后果（I9）。".into(),
            Step::ReporterDuty { kind } if kind.reports_periodically() => {
                format!("{}负责登记其住宿、住院、寄宿或受助人员，并定期报送公安派出所，不设固定期限。", kind.zh())
            }
            Step::ReporterDuty { kind } => format!(
                "{}应登记相关人员的实有人口基础信息（姓名、性别、民族、出生日期、户籍地址、现居住地址、公民身份号码、照片），并自登记之日起7日内报送公安派出所。",
                kind.zh()
            ),
            Step::Penalty { stage, false_reports, concealed, late, correction, corrected, fine } => {
                let mut grounds = Vec::new();
                if false_reports > 0 {
                    grounds.push(format!("谎报{false_reports}人"));
                }
                if concealed > 0 {
                    grounds.push(format!("瞒报{concealed}人"));
                }
                if late {
                    grounds.push("未按时报送".into());
                }
                if grounds.is_empty() {
                    return "无谎报、瞒报或迟报：不予处罚。".into();
                }
                let g = grounds.join("、");
                match stage {
                    PenaltyStage::None => format!(
                        "事由：{g}；已于{}改正{}：不予处罚。",
                        corrected.map(d).unwrap_or_default(),
                        correction.map(|c| format!("，未超过改正期限{}", d(c))).unwrap_or_default()
                    ),
                    PenaltyStage::OrderToCorrect => format!(
                        "事由：{g}：由公安派出所责令限期改正{}。",
                        correction.map(|c| format!("（限期至{}）", d(c))).unwrap_or_default()
                    ),
                    PenaltyStage::FineAndCreditRecord if fine.1 > 0 => format!(
                        "事由：{g}；逾期（{}）未改正：由县公安机关按谎报、瞒报人数每人200至500元罚款（共{}至{}元），并记入信用档案{}。",
                        correction.map(d).unwrap_or_default(), fine.0, fine.1,
                        if late { "（迟报本身不罚款，I8）" } else { "" }
                    ),
                    PenaltyStage::FineAndCreditRecord => format!(
                        "事由：{g}；逾期（{}）未改正：仅迟报的记入信用档案，不罚款（I8）。",
                        correction.map(d).unwrap_or_default()
                    ),
                }
            }
        }
    }
}
