//! Art 9, 10 p1 and 11: who registers, for whom, and by when.
//!
//! - Art 9: a lodging person staying 1 month or more makes a lodging registration within 7 days
//!   of arrival.
//! - Art 10 p1: a floating person staying 1 month or more makes a residence registration within
//!   7 days of arrival.
//! - Art 11 p1: a person staying in a hotel, in hospital, boarding at a school or training
//!   institution, or at a relief station is registered by that institution (I5: lodging
//!   persons too); Art 11 p2: it reports periodically, no fixed deadline.
//! - The 1-month trigger comes first: "以上" includes the month itself (Civil Code Art 1259), so a
//!   planned departure on or after arrival + 1 month triggers; no planned departure is an
//!   open-ended stay.

use super::articles::{Article, Basis};
use super::duties::{judge_traced, seven_days, Duty};
use super::facts::PersonFacts;
use super::input::Category;
use super::interpretations::Interpretation;
use super::outcome::{DutyHolder, RegistrationKind, RegistrationOutcome, Status};
use super::{Acc, Ctx};
use crate::date::{add_months, format_iso as d, DayNum};
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::period::at_least_a_month_after;
use crate::vocab::Word;

const fn not_required(basis: Basis) -> RegistrationOutcome {
    RegistrationOutcome {
        required: false,
        kind: None,
        duty_holder: None,
        deadline: None,
        deadline_time: None,
        status: Status::NotRequired,
        basis,
    }
}

/// Decides the registration; also returns whether the 1-month trigger holds.
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(
    f: &PersonFacts,
    cx: &Ctx,
    acc: &mut Acc,
    t: &mut T,
) -> (RegistrationOutcome, bool) {
    let (kind, article, duty) = match f.category {
        Category::Permanent => {
            t.step(|| Step::Permanent);
            return (not_required(Basis::EMPTY.with(Article::Art24)), false);
        }
        Category::Overseas => {
            t.step(|| Step::Overseas);
            return (not_required(Basis::EMPTY.with(Article::Art25)), false);
        }
        Category::Lodging => (RegistrationKind::LodgingRegistration, Article::Art9, Duty::LodgingRegistration),
        Category::Floating => (RegistrationKind::ResidenceRegistration, Article::Art10P1, Duty::ResidenceRegistration),
    };
    // Facts validation guarantees an arrival date for lodging and floating persons.
    let arrival = f.arrival.unwrap_or(cx.as_of);
    let long = f.departure.is_none_or(|d| at_least_a_month_after(arrival, d));
    t.step(|| Step::Stay { article, arrival, departure: f.departure, threshold: add_months(arrival, 1), long });
    if !long {
        return (not_required(Basis::EMPTY.with(article)), false);
    }
    if let (Some(holder), Some(item)) =
        (DutyHolder::institution_for(f.accommodation), Article::art11_item(f.accommodation))
    {
        if f.category == Category::Lodging {
            acc.interp.insert(Interpretation::I5);
        }
        t.step(|| Step::ByInstitution { kind, holder, item, category: f.category });
        let outcome = RegistrationOutcome {
            required: true,
            kind: Some(kind),
            duty_holder: Some(holder),
            deadline: None,
            deadline_time: None,
            status: Status::Institution,
            basis: Basis::EMPTY.with(article).with(item),
        };
        return (outcome, true);
    }
    t.step(|| Step::SelfRegistration { kind, article });
    let deadline = seven_days(cx, arrival, duty, acc, t);
    let status = judge_traced(cx, duty, deadline, f.registered_on, t);
    let outcome = RegistrationOutcome {
        required: true,
        kind: Some(kind),
        duty_holder: Some(DutyHolder::SelfPerson),
        deadline: Some(deadline),
        deadline_time: None,
        status,
        basis: Basis::EMPTY.with(article),
    };
    (outcome, true)
}

/// The steps of the registration decision (Art 9, 10 p1, 11), each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// A permanent resident: nothing to register under these Measures.
    Permanent,
    /// From outside the mainland: other laws apply.
    Overseas,
    /// The 1-month trigger, under the article of the person's registration.
    Stay { article: Article, arrival: DayNum, departure: Option<DayNum>, threshold: DayNum, long: bool },
    /// An Art 11 institution registers the person.
    ByInstitution { kind: RegistrationKind, holder: DutyHolder, item: Article, category: Category },
    /// The person registers, under `article`.
    SelfRegistration { kind: RegistrationKind, article: Article },
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::Permanent => ExplanationLine::new(
                "art24",
                "常住人口居住在户籍地，本办法不要求其办理居住登记或居住证。".into(),
                {
                "A permanent resident lives at the place of hukou registration: these Measures ask no residence registration or permit of them.".into()
            },
            ),
            Step::Overseas => ExplanationLine::new(
                "art25",
                "境外来辽人员的服务管理依照有关法律、法规执行（第二十五条），本办法不作要求。未给出 overseas_kind（foreigner、hk_macao 或 taiwan）：其他法律规定的住宿登记或暂住登记未作评估，给出后按相应法律评估。".into(),
                {
                "People from outside the mainland are served and managed under other laws and regulations (Art 25): nothing under these Measures. overseas_kind (foreigner, hk_macao or taiwan) was not given: the registration other laws ask for is not assessed; give it to have it assessed.".into()
            },
            ),
            Step::Stay { article, arrival, departure, threshold, long } => ExplanationLine::new(
                article.id(),
                match (departure, long) {
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
                match (departure, long) {
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
            ),
            Step::ByInstitution { kind, holder, item, category } => ExplanationLine::new(
                item.id(),
                {
                let i5 = if category == Category::Lodging { "（I5：寄住人口同样适用）" } else { "" };
                format!("住在{}：由该单位办理{}，并定期报送公安派出所，不设固定期限{i5}。", holder.zh(), kind.zh())
            },
                {
                let i5 = if category == Category::Lodging { " (I5: this covers lodging persons too)" } else { "" };
                format!(
                    "Staying with {}: the institution makes the {} and reports it to the police station periodically, with no fixed deadline{i5}.",
                    holder.en(), kind.en()
                )
            },
            ),
            Step::SelfRegistration { kind, article } => ExplanationLine::new(
                article.id(),
                format!(
                "本人持居民身份证或者其他有效身份证明，到居住地公安派出所或受其委托的社区居民委员会申报{}。",
                kind.zh()
            ),
                format!(
                "The person makes the {} at the residence's police station or a community residents' committee it commissions, with a resident identity card or other valid identity document.",
                kind.en()
            ),
            ),
        }
    }
}
