//! Art 11 p2, 14 and 22: what employers, agencies, landlords and institutions owe and risk.
//!
//! - Art 14: employers, job agencies, housing agencies and landlords register the person's basic
//!   information (Art 4 fields) and report it to the police station within 7 days of registering.
//! - Art 11 p2: hotels, hospitals, schools, training institutions and relief stations report
//!   periodically — no fixed deadline.
//! - Art 22: false reports, concealment or late reporting → order to correct by a time limit;
//!   not corrected by then → the county public security organ fines 200–500 yuan for each person
//!   falsely reported or concealed, and a credit-record entry. Late reporting alone: the entry,
//!   no fine (I8).
//! - The correction limit must follow a violation that could exist (RULES.md §11,
//!   [`super::limits`]).

use super::articles::{Article, Basis};
use super::duties::{judge_traced, seven_days, Duty};
use super::facts::ReporterFacts;
use super::input::ReporterKind;
use super::interpretations::Interpretation;
use super::limits;
use super::outcome::{Authority, PenaltyStage, ReporterOutcome, Status};
use super::{Acc, Ctx};
use crate::date::{format_iso as d, DayNum};
use crate::error::CaseError;
use crate::explain::{a_or_an, Explain, ExplanationLine, Trace};
use crate::vocab::Word;

/// Lowest fine per person falsely reported or concealed, yuan (Art 22).
pub const FINE_MIN_PER_PERSON: u64 = 200;
/// Highest fine per person falsely reported or concealed, yuan (Art 22).
pub const FINE_MAX_PER_PERSON: u64 = 500;

/// Decides the reporting duty and the penalty stage, after checking the correction limit
/// (RULES.md §11, [`super::limits`]).
///
/// # Errors
/// `reporter.correction_deadline` set before a violation could exist.
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(
    r: &ReporterFacts,
    cx: &Ctx,
    t: &mut T,
) -> Result<ReporterOutcome, CaseError> {
    let mut acc = Acc::default();
    let periodic = r.kind.reports_periodically();
    let article = if periodic { Article::Art11P2 } else { Article::Art14 };
    t.step(|| Step::ReporterDuty { kind: r.kind, article });
    // Facts validation guarantees a registration day for the Art 14 kinds.
    let (deadline, status) = match r.registered_on.filter(|_| !periodic) {
        None => (None, Status::Periodic),
        Some(registered) => {
            let duty = Duty::Report(r.kind);
            let due = seven_days(cx, registered, duty, &mut acc, t);
            (Some(due), judge_traced(cx, duty, due, r.reported_on, t))
        }
    };
    let basis = Basis::EMPTY.with(article);
    let late = matches!(status, Status::Late | Status::Overdue);
    if late {
        acc.interp.insert(Interpretation::I8);
    }
    limits::check_reporter(
        r.correction_deadline,
        r.registered_on,
        deadline,
        u64::from(r.false_reports) + u64::from(r.concealed) > 0,
    )?;
    // A registration dated after the assessment day has not happened yet (RULES.md section
    // 10), so nothing about it can have been reported falsely or concealed by then.
    let (false_reports, concealed) =
        if r.registered_on.is_some_and(|d| d > cx.as_of) { (0, 0) } else { (r.false_reports, r.concealed) };
    let persons = u64::from(false_reports) + u64::from(concealed);
    let corrected = r.corrected_on.filter(|&d| d <= cx.as_of);
    let no_grounds = persons == 0 && !late;
    let corrected_in_time = corrected.is_some_and(|c| r.correction_deadline.is_none_or(|limit| c <= limit));
    let stage = if no_grounds || corrected_in_time {
        PenaltyStage::None
    } else if r.correction_deadline.is_some_and(|limit| cx.as_of > limit) {
        PenaltyStage::FineAndCreditRecord
    } else {
        PenaltyStage::OrderToCorrect
    };
    let fined = stage == PenaltyStage::FineAndCreditRecord && persons > 0;
    let (fine_min_yuan, fine_max_yuan) =
        if fined { (FINE_MIN_PER_PERSON * persons, FINE_MAX_PER_PERSON * persons) } else { (0, 0) };
    t.step(|| Step::Penalty {
        stage,
        false_reports,
        concealed,
        late,
        correction: r.correction_deadline,
        corrected,
        fine: (fine_min_yuan, fine_max_yuan),
    });
    if no_grounds {
        limits::nothing_to_correct(r.correction_deadline, t);
    }
    Ok(ReporterOutcome {
        deadline,
        status,
        basis,
        stage,
        fine_min_yuan,
        fine_max_yuan,
        authority: fined.then_some(Authority::CountyPublicSecurity),
        penalty_basis: if stage == PenaltyStage::None { Basis::EMPTY } else { Basis::EMPTY.with(Article::Art22) },
        interpretations: acc.interp,
        calendar_provisional: acc.provisional,
    })
}

/// "A" or "An".
fn capital(article: &str) -> &'static str {
    if article == "an" {
        "An"
    } else {
        "A"
    }
}

/// The steps of the reporting duty and the Art 22 ladder, each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// A reporter's duty, under `article` (Art 14, or Art 11 p2 for periodic reporters).
    ReporterDuty { kind: ReporterKind, article: Article },
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

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::ReporterDuty { kind, article } if kind.reports_periodically() => ExplanationLine::new(
                article.id(),
                {
                format!("{}负责登记其住宿、住院、寄宿或受助人员，并定期报送公安派出所，不设固定期限。", kind.zh())
            },
                format!(
                "{} {} registers its residents and reports to the police station periodically: no fixed deadline.",
                capital(a_or_an(kind.en())),
                kind.en()
            ),
            ),
            Step::ReporterDuty { kind, article } => ExplanationLine::new(
                article.id(),
                format!(
                "{}应登记相关人员的实有人口基础信息（姓名、性别、民族、出生日期、户籍地址、现居住地址、公民身份号码、照片），并自登记之日起7日内报送公安派出所。",
                kind.zh()
            ),
                format!(
                "{} {} registers the person's basic information (name, sex, ethnicity, birth date, hukou and current address, identity number, photo) and reports it to the police station within 7 days.",
                capital(a_or_an(kind.en())),
                kind.en()
            ),
            ),
            Step::Penalty { false_reports: 0, concealed: 0, late: false, .. } => ExplanationLine::new(
                "art22",
                "无谎报、瞒报或未按时报送：不予处罚。".into(),
                "No false report, concealment or late report: no penalty.".into(),
            ),
            Step::Penalty { stage, false_reports, concealed, late, correction, corrected, fine } => ExplanationLine::new(
                "art22",
                {
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
                        "事由：{g}；改正期限（{}）届满仍未改正：由县公安机关按谎报、瞒报人数每人200至500元罚款（共{}至{}元），并作为不良信用行为记入企业或者个人信用档案{}。",
                        correction.map(d).unwrap_or_default(), fine.0, fine.1,
                        if late { "（未按时报送本身不罚款，I8）" } else { "" }
                    ),
                    PenaltyStage::FineAndCreditRecord => format!(
                        "事由：{g}；改正期限（{}）届满仍未改正：仅未按时报送的记入信用档案，不罚款（I8）。",
                        correction.map(d).unwrap_or_default()
                    ),
                }
            },
                {
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
            },
            ),
        }
    }
}
