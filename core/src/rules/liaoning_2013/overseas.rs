//! Art 25: people from outside the mainland, under the laws it hands them to (RULES.md §13).
//!
//! Art 25 leaves the service and management of people from outside the mainland (境外来辽人员)
//! to other laws and regulations. When the caller says who the person is (`overseas_kind`),
//! the registration those laws require is decided here; without it the assessment says only
//! that these Measures ask nothing (Art 25), as before.
//!
//! | who | staying | registration | made by | within | basis |
//! |---|---|---|---|---|---|
//! | foreign national | hotel | accommodation (住宿登记) | the hotel | none fixed here | eel39.p1 |
//! | foreign national | elsewhere | accommodation | the person or the host | 24 hours | eel39.p2 |
//! | Hong Kong / Macao resident | hotel | temporary residence (暂住登记) | the hotel | none fixed | hkm17 |
//! | Hong Kong / Macao resident | elsewhere | temporary residence | the person or the host | 24 hours; 72 in a village | hkm17 |
//! | Taiwan resident | hotel | temporary residence | the hotel | none fixed | tw16 |
//! | Taiwan resident | elsewhere | temporary residence | the person or the host | 24 hours; 72 in a village | tw16 |
//!
//! The hours end on a date — 24 hours on the day after moving in, 72 on the third day (O1) —
//! never moved over rest days (O2); a registration on that day is on time, since registrations
//! carry a date only (O3). Not registered in time: a foreign national risks a warning and
//! possibly a fine of up to 2,000 yuan (eel76.p1.i6), a Taiwan resident a warning or a fine of
//! 100 to 500 yuan (tw34), whether or not the registration was made later (O4); the 1986 Hong
//! Kong and Macao measures set no penalty for it.
//!
//! A foreign national who moved in before the Exit and Entry Administration Law entered into
//! force (2013-07-01) is refused: the earlier law on foreigners is not encoded.

use super::articles::{Article, Basis};
use super::duties::{judge, judged_words, rest_en, rest_zh};
use super::facts::PersonFacts;
use super::input::{Accommodation, Area, Category};
use super::interpretations::Interpretation;
use super::outcome::{Consequence, DutyHolder, RegistrationKind, RegistrationOutcome, Status};
use super::{Acc, Ctx, IN_FORCE};
use crate::calendar::RestReason;
use crate::date::{format_iso as d, from_ymd, show, DayNum};
use crate::error::CaseError;
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::time::TimeOfDay;
use crate::vocab::{words, Word};

words! {
    /// Who a person from outside the mainland is (RULES.md §13).
    pub enum OverseasKind {
        /// A foreign national (外国人).
        Foreigner = 0 => "foreigner", "外国人", "foreign national";
        /// A resident of Hong Kong or Macao (港澳居民).
        HkMacao = 1 => "hk_macao", "香港、澳门居民", "Hong Kong or Macao resident";
        /// A resident of Taiwan (台湾居民).
        Taiwan = 2 => "taiwan", "台湾居民", "Taiwan resident";
    }
}

/// The day the Exit and Entry Administration Law entered into force.
pub const EEL_IN_FORCE: DayNum = from_ymd(2013, 7, 1);

/// A penalty for not registering in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Penalty {
    /// What the person risks.
    pub consequence: Consequence,
    /// Lowest fine, yuan.
    pub fine_min_yuan: u32,
    /// Highest fine, yuan.
    pub fine_max_yuan: u32,
    /// The provision.
    pub article: Article,
}

impl OverseasKind {
    /// The registration the person's law requires.
    pub fn registration_kind(self) -> RegistrationKind {
        match self {
            OverseasKind::Foreigner => RegistrationKind::AccommodationRegistration,
            OverseasKind::HkMacao | OverseasKind::Taiwan => RegistrationKind::TemporaryResidenceRegistration,
        }
    }

    /// The provision of the registration: in a hotel, or elsewhere.
    pub fn article(self, hotel: bool) -> Article {
        match (self, hotel) {
            (OverseasKind::Foreigner, true) => Article::Eel39P1,
            (OverseasKind::Foreigner, false) => Article::Eel39P2,
            (OverseasKind::HkMacao, _) => Article::Hkm17,
            (OverseasKind::Taiwan, _) => Article::Tw16,
        }
    }

    /// The hours a registration outside a hotel must be made in.
    pub fn hours(self, area: Area) -> u8 {
        match (self, area) {
            (OverseasKind::Foreigner, _) | (_, Area::Urban) => 24,
            (_, Area::Rural) => 72,
        }
    }

    /// The penalty for not registering in time, if the law sets one.
    pub fn penalty(self) -> Option<Penalty> {
        match self {
            OverseasKind::Foreigner => Some(Penalty {
                consequence: Consequence::WarningAndOptionalFine,
                fine_min_yuan: 0,
                fine_max_yuan: 2000,
                article: Article::Eel76P1I6,
            }),
            OverseasKind::Taiwan => Some(Penalty {
                consequence: Consequence::WarningOrFine,
                fine_min_yuan: 100,
                fine_max_yuan: 500,
                article: Article::Tw34,
            }),
            OverseasKind::HkMacao => None,
        }
    }

    fn law_zh(self) -> &'static str {
        match self {
            OverseasKind::Foreigner => "《中华人民共和国出境入境管理法》",
            OverseasKind::HkMacao => "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》",
            OverseasKind::Taiwan => "《中国公民往来台湾地区管理办法》",
        }
    }

    fn law_en(self) -> &'static str {
        match self {
            OverseasKind::Foreigner => "the Exit and Entry Administration Law",
            OverseasKind::HkMacao => "the 1986 measures on travel to and from Hong Kong and Macao",
            OverseasKind::Taiwan => "the measures on travel to and from Taiwan",
        }
    }
}

/// Whether a person's overseas fields are consistent (the fast path of the facts check): they
/// are given only for an overseas person, and with `overseas_kind` comes an arrival date, for a
/// foreign national one on or after 2013-07-01.
#[inline]
pub(crate) fn facts_ok(f: &PersonFacts) -> bool {
    if f.category != Category::Overseas {
        return f.overseas_kind.is_none() && f.arrival_time.is_none() && f.area.is_none();
    }
    match (f.overseas_kind, f.arrival) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(k), Some(a)) => k != OverseasKind::Foreigner || a >= EEL_IN_FORCE,
    }
}

/// The first reason a person's overseas fields are refused (the slow path).
///
/// # Errors
/// `person.overseas_kind`, `person.arrival_time` or `person.area` on a person who is not from
/// outside the mainland; `person.arrival_date` missing with `overseas_kind`, or before 2013-07-01
/// for a foreign national.
#[cold]
pub(crate) fn check(f: &PersonFacts) -> Result<(), CaseError> {
    if f.category != Category::Overseas {
        let given = [
            ("person.overseas_kind", f.overseas_kind.is_some()),
            ("person.arrival_time", f.arrival_time.is_some()),
            ("person.area", f.area.is_some()),
        ];
        if let Some((field, _)) = given.iter().find(|(_, g)| *g) {
            return Err(CaseError::new(
                *field,
                format!(
                    "applies to a person from outside the mainland (category overseas) only; this person is {}",
                    f.category.id()
                ),
                format!("仅适用于境外来辽人员（category 为 overseas）；该人员属{}", f.category.zh()),
            ));
        }
        return Ok(());
    }
    match (f.overseas_kind, f.arrival) {
        (Some(_), None) => Err(CaseError::new(
            "person.arrival_date",
            "is required with overseas_kind (the hours run from moving in)",
            "填写 overseas_kind 时为必填项（登记时限自入住时起算）",
        )),
        (Some(OverseasKind::Foreigner), Some(a)) if a < EEL_IN_FORCE => {
            let a = show(a);
            Err(CaseError::new(
                "person.arrival_date",
                format!(
                    "{a} is before the Exit and Entry Administration Law entered into force (2013-07-01); the earlier law on foreign nationals is not encoded"
                ),
                format!(
                    "{a} 早于《中华人民共和国出境入境管理法》施行之日（2013-07-01）；本评估未纳入此前有关外国人的法律规定"
                ),
            ))
        }
        _ => Ok(()),
    }
}

/// Decides the registration of a person from outside the mainland whose kind is known.
#[inline]
pub(crate) fn register<T: Trace<super::Step>>(
    f: &PersonFacts,
    kind: OverseasKind,
    cx: &Ctx,
    acc: &mut Acc,
    t: &mut T,
) -> RegistrationOutcome {
    let reg_kind = kind.registration_kind();
    t.step(|| Step::OtherLaw { kind });
    if f.accommodation == Accommodation::Hotel {
        let article = kind.article(true);
        t.step(|| Step::ByHotel { kind, reg_kind, article });
        return RegistrationOutcome {
            required: true,
            kind: Some(reg_kind),
            duty_holder: Some(DutyHolder::Hotel),
            deadline: None,
            deadline_time: None,
            status: Status::Institution,
            basis: Basis::EMPTY.with(article),
        };
    }
    let article = kind.article(false);
    let area = f.area.unwrap_or(Area::Urban);
    let hours = kind.hours(area);
    t.step(|| Step::SelfOrHost { kind, reg_kind, article, accommodation: f.accommodation, area, hours });
    // Facts validation guarantees an arrival date with `overseas_kind`.
    let arrival = f.arrival.unwrap_or(cx.as_of);
    // A period that would start before the Measures starts on their first day (RULES.md
    // section 10, I7): the hours run from 2013-04-01 (a foreigner's arrival before the Exit and
    // Entry Administration Law is refused, so this is a Hong Kong, Macao or Taiwan resident).
    let arrival = if arrival < IN_FORCE {
        acc.interp.insert(Interpretation::I7);
        t.step(|| Step::StartsInForce { arrival });
        IN_FORCE
    } else {
        arrival
    };
    let deadline = arrival + i32::from(hours / 24);
    acc.interp.insert(Interpretation::O1);
    let rest = cx.cal.rest_reason(deadline);
    if rest.is_some() {
        acc.interp.insert(Interpretation::O2);
    }
    // Whether that day is a rest day (O2) was looked up: outside the embedded years the answer
    // is weekends only, and the assessment says so (RULES.md section 6).
    acc.provisional |= !cx.cal.is_known(deadline);
    t.step(|| Step::Hours { article, hours, arrival, time: f.arrival_time, deadline, rest });
    let status = judge(deadline, f.registered_on, cx.as_of);
    let on_the_day = status == Status::Done && f.registered_on == Some(deadline);
    if on_the_day {
        acc.interp.insert(Interpretation::O3);
    }
    t.step(|| Step::Judged {
        article,
        status,
        registered: f.registered_on,
        deadline,
        time: f.arrival_time,
        as_of: cx.as_of,
    });
    RegistrationOutcome {
        required: true,
        kind: Some(reg_kind),
        duty_holder: Some(DutyHolder::SelfOrHost),
        deadline: Some(deadline),
        deadline_time: f.arrival_time,
        status,
        basis: Basis::EMPTY.with(article),
    }
}

/// What a person from outside the mainland risks for a registration not made in time: the
/// consequence and the fine range.
#[inline]
pub(crate) fn consequence<T: Trace<super::Step>>(
    kind: OverseasKind,
    reg: &RegistrationOutcome,
    acc: &mut Acc,
    t: &mut T,
) -> (Consequence, u32, u32) {
    let failed = matches!(reg.status, Status::Late | Status::Overdue);
    if reg.duty_holder != Some(DutyHolder::SelfOrHost) || !failed {
        return (Consequence::None, 0, 0);
    }
    let late = reg.status == Status::Late;
    let Some(p) = kind.penalty() else {
        t.step(|| Step::NoPenalty { kind, article: kind.article(false) });
        return (Consequence::None, 0, 0);
    };
    if late {
        acc.interp.insert(Interpretation::O4);
    }
    t.step(|| Step::Penalty { kind, penalty: p, late });
    (p.consequence, p.fine_min_yuan, p.fine_max_yuan)
}

/// A day and, if known, the hour: "2024-06-08 21:15".
fn at(day: DayNum, time: Option<TimeOfDay>) -> String {
    match time {
        Some(t) => format!("{} {t}", d(day)),
        None => d(day),
    }
}

fn place_zh(a: Accommodation) -> &'static str {
    match a {
        Accommodation::Residence => "住所",
        other => other.zh(),
    }
}

fn place_en(a: Accommodation) -> &'static str {
    match a {
        Accommodation::Residence => "at a home",
        Accommodation::Hotel => "at a hotel",
        Accommodation::Hospital => "in hospital",
        Accommodation::School => "boarding at a school",
        Accommodation::Training => "boarding at a training institution",
        Accommodation::ReliefStation => "at a relief station",
    }
}

fn area_en(a: Area) -> &'static str {
    match a {
        Area::Urban => "in a town",
        Area::Rural => "in a village",
    }
}

/// The steps of a registration under Art 25's other laws, each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// Art 25 hands the person to the law for their kind.
    OtherLaw { kind: OverseasKind },
    /// A hotel registers its guest.
    ByHotel { kind: OverseasKind, reg_kind: RegistrationKind, article: Article },
    /// Staying elsewhere: the person or the host registers within `hours`.
    SelfOrHost {
        kind: OverseasKind,
        reg_kind: RegistrationKind,
        article: Article,
        accommodation: Accommodation,
        area: Area,
        hours: u8,
    },
    /// Moved in before the Measures: the hours run from 2013-04-01 (I7).
    StartsInForce { arrival: DayNum },
    /// When the hours end (O1; O2 when that day is a rest day).
    Hours {
        article: Article,
        hours: u8,
        arrival: DayNum,
        time: Option<TimeOfDay>,
        deadline: DayNum,
        rest: Option<RestReason>,
    },
    /// The registration's state (O3 for one made on the deadline day).
    Judged {
        article: Article,
        status: Status,
        registered: Option<DayNum>,
        deadline: DayNum,
        time: Option<TimeOfDay>,
        as_of: DayNum,
    },
    /// The penalty for not registering in time (O4 when registered late).
    Penalty { kind: OverseasKind, penalty: Penalty, late: bool },
    /// The law sets no penalty for it.
    NoPenalty { kind: OverseasKind, article: Article },
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::OtherLaw { kind } => ExplanationLine::new(
                "art25",
                format!(
                    "境外来辽人员的服务管理依照有关法律、法规执行（第二十五条）：本人系{}，适用{}的登记规定。",
                    kind.zh(),
                    kind.law_zh()
                ),
                format!(
                    "People from outside the mainland are served and managed under other laws (Art 25): as a {}, the person registers under {}.",
                    kind.en(),
                    kind.law_en()
                ),
            ),
            Step::ByHotel { kind, reg_kind, article } => ExplanationLine::new(
                article.id(),
                format!("{}住宿旅馆：由旅馆按旅馆住宿登记的规定为其办理{}，此处未另定期限。", kind.zh(), reg_kind.zh()),
                format!(
                    "A {} staying in a hotel: the hotel makes the {} under the rules on hotel guests, with no deadline set here.",
                    kind.en(),
                    reg_kind.en()
                ),
            ),
            Step::SelfOrHost { kind, reg_kind, article, accommodation, area, hours } => ExplanationLine::new(
                article.id(),
                format!(
                    "{}在旅馆以外（{}，{}）住宿：由本人或留宿人自入住起{hours}小时内向当地公安机关办理{}。",
                    kind.zh(),
                    place_zh(accommodation),
                    area.zh(),
                    reg_kind.zh()
                ),
                format!(
                    "A {} staying outside a hotel ({}, {}): the person or whoever hosts them makes the {} with the local police within {hours} hours of moving in.",
                    kind.en(),
                    place_en(accommodation),
                    area_en(area),
                    reg_kind.en()
                ),
            ),
            Step::StartsInForce { arrival } => ExplanationLine::new(
                "art26",
                format!("入住日（{}）早于本办法施行，登记时限自2013年4月1日起算（I7）。", d(arrival)),
                format!("Moved in ({}) before the Measures took effect: the hours run from 2013-04-01 (I7).", d(arrival)),
            ),
            Step::Hours { article, hours, arrival, time, deadline, rest } => ExplanationLine::new(
                article.id(),
                {
                    let end = match time {
                        Some(t) => format!("于{} {t}届满", d(deadline)),
                        None => format!("于{}届满", d(deadline)),
                    };
                    let rest = rest
                        .map(|r| format!("该日系{}，按小时计算的期限不顺延（O2）。", rest_zh(Some(r))))
                        .unwrap_or_default();
                    format!("自{}入住起{hours}小时，{end}，截止日期为{}（O1）。{rest}", at(arrival, time), d(deadline))
                },
                {
                    let end = at(deadline, time);
                    let rest = rest
                        .map(|r| format!(" That day is {}: hours are not moved over rest days (O2).", rest_en(Some(r))))
                        .unwrap_or_default();
                    format!(
                        "{hours} hours from moving in on {} end on {end}: the deadline is {} (O1).{rest}",
                        at(arrival, time),
                        d(deadline)
                    )
                },
            ),
            Step::Judged { article, status, registered, deadline, time, as_of } => {
                let (mut zh, mut en) = judged_words(status, registered, deadline, as_of);
                if status == Status::Done && registered == Some(deadline) {
                    zh.push_str("登记只记日期，截止日当天登记视为按期（O3）。");
                    en.push_str(" Registrations carry a date only, so one made on the deadline day is on time (O3).");
                } else if status == Status::Pending && as_of == deadline && time.is_some() {
                    zh.push_str("登记只记日期：截止日当天未登记的，在该日结束前仍属期限内。");
                    en.push_str(" Registrations carry a date only: on the deadline day the person is still within time until the day ends.");
                }
                ExplanationLine::new(article.id(), format!("登记：{zh}"), format!("The registration: {en}"))
            }
            Step::Penalty { kind, penalty, late } => ExplanationLine::new(
                penalty.article.id(),
                {
                    let what = match penalty.consequence {
                        Consequence::WarningAndOptionalFine => {
                            format!("给予警告，可以并处{}元以下罚款", penalty.fine_max_yuan)
                        }
                        _ => format!("给予警告或者{}元以上{}元以下罚款", penalty.fine_min_yuan, penalty.fine_max_yuan),
                    };
                    let o4 = if late { "；虽已补办登记，仍适用（O4）" } else { "" };
                    format!("{}未按规定办理登记：依{}{what}{o4}。", kind.zh(), kind.law_zh())
                },
                {
                    let what = match penalty.consequence {
                        Consequence::WarningAndOptionalFine => {
                            format!("a warning, and a fine of up to {} yuan may be added", penalty.fine_max_yuan)
                        }
                        _ => format!("a warning, or a fine of {} to {} yuan", penalty.fine_min_yuan, penalty.fine_max_yuan),
                    };
                    let o4 = if late { ", even though the registration was made later (O4)" } else { "" };
                    format!("The {} did not register in time: under {}, {what}{o4}.", kind.en(), kind.law_en())
                },
            ),
            Step::NoPenalty { kind, article } => ExplanationLine::new(
                article.id(),
                format!("{}未按期办理暂住登记：{}未规定处罚，不产生后果。", kind.zh(), kind.law_zh()),
                format!(
                    "The {} did not register in time, but {} set no penalty for it: no consequence.",
                    kind.en(),
                    kind.law_en()
                ),
            ),
        }
    }
}
