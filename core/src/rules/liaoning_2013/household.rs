//! Art 8: household registration of Liaoning hukou persons (RULES.md §12).
//!
//! Art 8 says who declares each household-registration event at the police station of the
//! hukou; the periods are those of the national 《中华人民共和国户口登记条例》 (1958, cited `hr…`),
//! which Art 8 applies without restating them (H1):
//!
//! | event | declarants (Art 8) | period (HR) | basis |
//! |---|---|---|---|
//! | birth | householder, relative, carer | one month from the birth | art8.i1, hr7 |
//! | death | householder, relative, carer, neighbour | town: before the burial (H2); village: one month | art8.i2, hr8 |
//! | move out | the person, householder | before moving (H3) | art8.i3, hr10 |
//! | move in | the person, householder | town: 3 days; village: 10 days | art8.i3, hr13 |
//! | enlisting | the person, householder | before enlisting (H3) | art8.i4, hr11 |
//! | change | householder, the person | none fixed | art8.i5, hr17 |
//!
//! Periods of days and months are counted as every period is (RULES.md §6, I1; a month under
//! working-day counting ends by month arithmetic and moves like a Civil-Code one), and start no
//! earlier than 2013-04-01 (I7). A deadline set by an act — the burial day, the day of moving or
//! enlisting — is not moved over rest days. An unreported death whose deadline has passed lets
//! the station cancel the hukou on a committee certificate (Art 8 i2). HR Art 20 refers
//! failures to the public-security penalty law; the library decides no penalty.

use super::articles::{Article, Basis};
use super::duties::{judge, judged_words, rest_en, rest_zh};
use super::input::{Area, Category};
use super::interpretations::Interpretation;
use super::outcome::Status;
use super::{Acc, Ctx, IN_FORCE};
use crate::calendar::RestReason;
use crate::date::{add_months, check_range, format_iso as d, show, DayNum};
use crate::error::CaseError;
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::period::{deadline, period_end, CountingLaw, DayCounting};
use crate::vocab::{words, Word};

words! {
    /// A household-registration event (Art 8).
    pub enum EventKind {
        /// A birth (出生登记, Art 8 i1).
        Birth = 0 => "birth", "出生登记", "birth";
        /// A death (死亡登记, Art 8 i2).
        Death = 1 => "death", "死亡登记", "death";
        /// Moving the hukou out (迁出登记, Art 8 i3).
        MoveOut = 2 => "move_out", "迁出登记", "moving out";
        /// Moving the hukou in (迁入登记, Art 8 i3).
        MoveIn = 3 => "move_in", "迁入登记", "moving in";
        /// Enlisting for military service (应征服兵役, Art 8 i4).
        Conscription = 4 => "conscription", "应征入伍", "enlisting";
        /// A change or correction of registered content (变更、更正登记, Art 8 i5).
        Change = 5 => "change", "变更、更正登记", "change or correction";
    }
}

words! {
    /// Who may declare a household event (Art 8).
    pub enum Declarant {
        /// The householder (户主).
        Householder = 0 => "householder", "户主", "the householder";
        /// A relative (亲属).
        Relative = 1 => "relative", "亲属", "a relative";
        /// A carer or guardian (抚养人).
        Carer = 2 => "carer", "抚养人", "a carer";
        /// A neighbour (邻居).
        Neighbour = 3 => "neighbour", "邻居", "a neighbour";
        /// The person concerned (本人).
        SelfPerson = 4 => "self", "本人", "the person";
    }
}

words! {
    /// What the police station may do when a declaration is not made.
    pub enum Fallback {
        /// Art 8 i2: cancel the hukou on a residents' or villagers' committee certificate, after checking.
        CancellationOnCommitteeCertificate = 0 => "cancellation_on_committee_certificate",
            "派出所依居民委员会、村民委员会出具的证明，经调查核实后注销户口",
            "the station may cancel the hukou on a residents' or villagers' committee certificate, after checking";
    }
}

impl EventKind {
    /// Who may declare it (Art 8), in the order the article names them.
    pub fn declarants(self) -> &'static [Declarant] {
        use Declarant as D;
        match self {
            EventKind::Birth => &[D::Householder, D::Relative, D::Carer],
            EventKind::Death => &[D::Householder, D::Relative, D::Carer, D::Neighbour],
            EventKind::MoveOut | EventKind::MoveIn | EventKind::Conscription => &[D::SelfPerson, D::Householder],
            EventKind::Change => &[D::Householder, D::SelfPerson],
        }
    }

    /// The item of Art 8 that names the declarants.
    pub fn art8_item(self) -> Article {
        match self {
            EventKind::Birth => Article::Art8I1,
            EventKind::Death => Article::Art8I2,
            EventKind::MoveOut | EventKind::MoveIn => Article::Art8I3,
            EventKind::Conscription => Article::Art8I4,
            EventKind::Change => Article::Art8I5,
        }
    }

    /// The article of the Hukou Registration Regulations that sets the period.
    pub fn hr_article(self) -> Article {
        match self {
            EventKind::Birth => Article::Hr7,
            EventKind::Death => Article::Hr8,
            EventKind::MoveOut => Article::Hr10,
            EventKind::MoveIn => Article::Hr13,
            EventKind::Conscription => Article::Hr11,
            EventKind::Change => Article::Hr17,
        }
    }

    /// Whether the event can only be declared once it has happened (a declaration dated before
    /// it is refused); moving out and enlisting are declared in advance.
    pub fn declared_after(self) -> bool {
        matches!(self, EventKind::Birth | EventKind::Death | EventKind::MoveIn)
    }

    /// Whether the period depends on town or village, so `area` is required.
    pub fn needs_area(self) -> bool {
        matches!(self, EventKind::Death | EventKind::MoveIn)
    }
}

/// The period HR sets for an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// A number of months from the event (birth; a death in a village).
    Months(u8),
    /// A number of days from the event (moving in).
    Days(u8),
    /// Before the burial (a death in a town): by the burial day (H2).
    BeforeBurial,
    /// Before the event (moving out, enlisting): by its day (H3).
    BeforeTheDay,
    /// None fixed (a change).
    NotFixed,
}

impl Period {
    /// The period for an event of `kind` in `area` (a town when not given).
    pub fn of(kind: EventKind, area: Option<Area>) -> Period {
        let rural = area == Some(Area::Rural);
        match kind {
            EventKind::Birth => Period::Months(1),
            EventKind::Death if rural => Period::Months(1),
            EventKind::Death => Period::BeforeBurial,
            EventKind::MoveOut | EventKind::Conscription => Period::BeforeTheDay,
            EventKind::MoveIn if rural => Period::Days(10),
            EventKind::MoveIn => Period::Days(3),
            EventKind::Change => Period::NotFixed,
        }
    }
}

/// One household event, validated, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventFacts {
    /// What happened.
    pub kind: EventKind,
    /// The day it happened.
    pub on: DayNum,
    /// Town or village.
    pub area: Option<Area>,
    /// Day declared.
    pub reported_on: Option<DayNum>,
    /// Who declared it.
    pub reported_by: Option<Declarant>,
    /// Day of the burial (deaths).
    pub burial_on: Option<DayNum>,
}

impl EventFacts {
    /// Checks event `index` on its own: dates in range, the area where the period needs it, no
    /// declaration before an event that must happen first, a declarant the kind allows, and a
    /// burial day only for a death and not before it.
    ///
    /// # Errors
    /// The first refused field, `person.household_events.N.…`.
    pub fn check(&self, index: usize) -> Result<(), CaseError> {
        let field = |name: &str| format!("person.household_events.{index}.{name}");
        check_range(&field("on"), Some(self.on))?;
        if self.kind.needs_area() && self.area.is_none() {
            return Err(CaseError::new(
                field("area"),
                format!("is required for {} (urban or rural: the period differs)", self.kind.en_article()),
                format!("申报{}时为必填项（城市、农村的申报期限不同）", self.kind.zh()),
            ));
        }
        check_range(&field("reported_on"), self.reported_on)?;
        if let Some(r) = self.reported_on.filter(|&r| r < self.on && self.kind.declared_after()) {
            let (r, on) = (show(r), show(self.on));
            return Err(CaseError::new(
                field("reported_on"),
                format!("{r} is before the {} on {on}: it cannot be declared before it happens", self.kind.en()),
                format!("{r} 早于{}之日 {on}：事件发生前不能申报", self.kind.zh_event()),
            ));
        }
        if let Some(who) = self.reported_by.filter(|w| !self.kind.declarants().contains(w)) {
            let allowed: Vec<&str> = self.kind.declarants().iter().map(|w| w.id()).collect();
            return Err(CaseError::new(
                field("reported_by"),
                format!("{} does not declare {} (Art 8: {})", who.id(), self.kind.en_article(), allowed.join(", ")),
                format!(
                    "{}不是{}的申报人（第八条：由{}申报，可填 {}）",
                    who.zh(),
                    self.kind.zh(),
                    declarants_zh(self.kind),
                    allowed.join("、")
                ),
            ));
        }
        if let Some(b) = self.burial_on {
            if self.kind != EventKind::Death {
                return Err(CaseError::new(
                    field("burial_on"),
                    format!("applies to a death only, not to {}", self.kind.en_article()),
                    format!("仅适用于死亡登记，不适用于{}", self.kind.zh()),
                ));
            }
            check_range(&field("burial_on"), Some(b))?;
            if b < self.on {
                let (b, on) = (show(b), show(self.on));
                return Err(CaseError::new(
                    field("burial_on"),
                    format!("{b} is before the death on {on}"),
                    format!("{b} 早于死亡之日 {on}"),
                ));
            }
        }
        Ok(())
    }
}

impl EventKind {
    /// The event with an article, for messages: "a birth", "a move-in".
    fn en_article(self) -> &'static str {
        match self {
            EventKind::Birth => "a birth",
            EventKind::Death => "a death",
            EventKind::MoveOut => "a move-out",
            EventKind::MoveIn => "a move-in",
            EventKind::Conscription => "an enlistment",
            EventKind::Change => "a change",
        }
    }

    /// The event itself in Chinese, for messages (the counterpart of `en_article`): "出生",
    /// "迁入".
    fn zh_event(self) -> &'static str {
        match self {
            EventKind::Birth => "出生",
            EventKind::Death => "死亡",
            EventKind::MoveOut => "迁出",
            EventKind::MoveIn => "迁入",
            EventKind::Conscription => "应征入伍",
            EventKind::Change => "变更、更正",
        }
    }
}

/// Refuses household events for a person whose hukou is not in Liaoning, or whose category is
/// not one Art 8 concerns.
///
/// # Errors
/// `person.household_events` when the list is not empty and the person is not permanent or
/// lodging.
pub fn check_category(category: Category, events: usize) -> Result<(), CaseError> {
    if events > 0 && !matches!(category, Category::Permanent | Category::Lodging) {
        return Err(CaseError::new(
            "person.household_events",
            format!(
                "household registration (Art 8) concerns Liaoning hukou persons (permanent or lodging); this person is {}",
                category.id()
            ),
            format!("第八条户口登记只适用于本省户籍人口（常住人口、寄住人口）；该人员属{}", category.zh()),
        ));
    }
    Ok(())
}

/// What is decided about one household event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventOutcome {
    /// What happened.
    pub kind: EventKind,
    /// The day it happened.
    pub on: DayNum,
    /// When the declaration is due; `None` where none is fixed.
    pub deadline: Option<DayNum>,
    /// The declaration's state: `pending`, `done`, `late`, `overdue` or `no_deadline`.
    pub status: Status,
    /// The Art 8 item and the HR article.
    pub basis: Basis,
    /// What the station may do instead (an unreported death past its deadline).
    pub fallback: Option<Fallback>,
}

/// How an event's deadline was set, for the explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Due {
    /// Counted as a period from `start` (I1): `nominal` by arithmetic, `due` after moving off rest
    /// days; `rest` names the rest day worth naming.
    Counted {
        period: Period,
        start: DayNum,
        nominal: DayNum,
        due: DayNum,
        counting: DayCounting,
        rest: Option<RestReason>,
        provisional: bool,
    },
    /// Set by an act: the burial day (H2) or the event's own day (H3), not moved.
    Act { period: Period, day: DayNum },
    /// A death in a town with no burial day given: no deadline can be set.
    NoBurialDay,
    /// No period fixed (a change).
    NotFixed,
}

/// Decides every household event, in order, handing each outcome to `on_event`.
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(
    events: &[EventFacts],
    cx: &Ctx,
    acc: &mut Acc,
    t: &mut T,
    mut on_event: impl FnMut(EventOutcome),
) {
    let mut failed = false;
    for (i, e) in events.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let area = if e.kind.needs_area() { e.area } else { None };
        t.step(|| Step::Declarants { index, kind: e.kind, on: e.on, area });
        let due = due(e, area, cx, acc);
        let deadline = match due {
            Due::Counted { due, .. } => Some(due),
            Due::Act { day, .. } => Some(day),
            Due::NoBurialDay | Due::NotFixed => None,
        };
        if deadline.is_some() {
            acc.interp.insert(Interpretation::H1);
        }
        if due != Due::NotFixed {
            // A change's judged step says itself that no period is fixed.
            t.step(|| Step::Period { index, kind: e.kind, on: e.on, due });
        }
        let status = match deadline {
            Some(dl) => judge(dl, e.reported_on, cx.as_of),
            None if e.reported_on.is_some_and(|r| r <= cx.as_of) => Status::Done,
            None => Status::NoDeadline,
        };
        t.step(|| Step::Judged {
            index,
            kind: e.kind,
            on: e.on,
            status,
            reported_on: e.reported_on,
            reported_by: e.reported_by,
            deadline,
            as_of: cx.as_of,
        });
        let fallback = (e.kind == EventKind::Death && status == Status::Overdue)
            .then_some(Fallback::CancellationOnCommitteeCertificate);
        if fallback.is_some() {
            t.step(|| Step::Fallback { index });
        }
        failed |= matches!(status, Status::Late | Status::Overdue);
        on_event(EventOutcome {
            kind: e.kind,
            on: e.on,
            deadline,
            status,
            basis: Basis::EMPTY.with(e.kind.art8_item()).with(e.kind.hr_article()),
            fallback,
        });
    }
    if failed {
        t.step(|| Step::NoPenaltyDecided);
    }
}

/// The deadline of one event, and how it was set.
#[inline]
fn due(e: &EventFacts, area: Option<Area>, cx: &Ctx, acc: &mut Acc) -> Due {
    let period = Period::of(e.kind, area);
    // A period that would start before the Measures starts on 2013-04-01 (I7).
    let start = |acc: &mut Acc| {
        if e.on < IN_FORCE {
            acc.interp.insert(Interpretation::I7);
            IN_FORCE
        } else {
            e.on
        }
    };
    match period {
        Period::Months(n) => {
            let start = start(acc);
            let nominal = add_months(start, i32::from(n));
            let (due, provisional) = period_end(cx.cal, nominal, cx.counting);
            acc.interp.insert(Interpretation::I1);
            acc.provisional |= provisional;
            let rest =
                if due != nominal || cx.counting == DayCounting::Calendar { cx.cal.rest_reason(nominal) } else { None };
            Due::Counted { period, start, nominal, due, counting: cx.counting, rest, provisional }
        }
        Period::Days(n) => {
            let start = start(acc);
            let dl = deadline(cx.cal, start, u32::from(n), cx.counting);
            acc.interp.insert(Interpretation::I1);
            acc.provisional |= dl.provisional;
            let rest = if cx.counting == DayCounting::WorkingDays { None } else { cx.cal.rest_reason(dl.nominal) };
            Due::Counted {
                period,
                start,
                nominal: dl.nominal,
                due: dl.due,
                counting: cx.counting,
                rest,
                provisional: dl.provisional,
            }
        }
        Period::BeforeBurial => match e.burial_on {
            Some(day) => {
                acc.interp.insert(Interpretation::H2);
                Due::Act { period, day }
            }
            None => Due::NoBurialDay,
        },
        Period::BeforeTheDay => {
            acc.interp.insert(Interpretation::H3);
            Due::Act { period, day: e.on }
        }
        Period::NotFixed => Due::NotFixed,
    }
}

fn declarants_zh(kind: EventKind) -> String {
    let names: Vec<&str> = kind.declarants().iter().map(|w| w.zh()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}或{last}", rest.join("、")),
        _ => names.concat(),
    }
}

fn declarants_en(kind: EventKind) -> String {
    let names: Vec<&str> = kind.declarants().iter().map(|w| w.en()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// "第3项户口事件（出生登记，2024-01-31）" / "Household event 3 (birth, 2024-01-31)".
fn name_zh(index: u32, kind: EventKind, on: DayNum) -> String {
    format!("第{}项户口事件（{}，{}）", u64::from(index) + 1, kind.zh(), d(on))
}

fn name_en(index: u32, kind: EventKind, on: DayNum) -> String {
    format!("Household event {} ({}, {})", u64::from(index) + 1, kind.en(), d(on))
}

/// The steps of household registration (Art 8 and HR), each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// Who declares the event, where (Art 8).
    Declarants { index: u32, kind: EventKind, on: DayNum, area: Option<Area> },
    /// The period and the deadline (HR; H1–H3, I1, I7).
    Period { index: u32, kind: EventKind, on: DayNum, due: Due },
    /// The declaration's state.
    Judged {
        index: u32,
        kind: EventKind,
        on: DayNum,
        status: Status,
        reported_on: Option<DayNum>,
        reported_by: Option<Declarant>,
        deadline: Option<DayNum>,
        as_of: DayNum,
    },
    /// An unreported death past its deadline: the station may cancel the hukou (Art 8 i2).
    Fallback { index: u32 },
    /// HR Art 20: failures go to the public-security penalty law; no penalty decided here.
    NoPenaltyDecided,
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::Declarants { index, kind, on, area } => ExplanationLine::new(
                kind.art8_item().id(),
                format!(
                    "{}{}：由{}到户籍所在地公安派出所申报（第八条）。",
                    name_zh(index, kind, on),
                    area.map(|a| format!("，发生在{}", a.zh())).unwrap_or_default(),
                    declarants_zh(kind)
                ),
                format!(
                    "{}{}: declared at the police station of the hukou by {} (Art 8).",
                    name_en(index, kind, on),
                    match area {
                        Some(Area::Urban) => ", in a town",
                        Some(Area::Rural) => ", in a village",
                        None => "",
                    },
                    declarants_en(kind)
                ),
            ),
            Step::Period { index, kind, on, due } => {
                let (zh, en) = period_words(kind, on, due);
                ExplanationLine::new(
                    kind.hr_article().id(),
                    format!("{}：{zh}", name_zh(index, kind, on)),
                    format!("{}: {en}", name_en(index, kind, on)),
                )
            }
            Step::Judged { index, kind, on, status, reported_on, reported_by, deadline, as_of } => {
                let by_zh = reported_by.map(|w| format!("申报人：{}。", w.zh())).unwrap_or_default();
                let by_en = reported_by.map(|w| format!(" Declared by {}.", w.en())).unwrap_or_default();
                let (none_zh, none_en) = if kind == EventKind::Change {
                    ("变更、更正登记未规定期限，由派出所核实后办理", "a change or correction has no fixed period; the station checks it before recording it")
                } else {
                    ("期限无法确定", "no deadline could be set")
                };
                let (zh, en) = match deadline {
                    Some(dl) => judged_words(status, reported_on, dl, as_of),
                    None if status == Status::Done => (
                        format!("已于{}申报；{none_zh}。", d(reported_on.unwrap_or(as_of))),
                        format!("declared on {}; {none_en}.", d(reported_on.unwrap_or(as_of))),
                    ),
                    None => {
                        let future = reported_on.filter(|&r| r > as_of);
                        (
                            format!(
                                "截至{}尚未申报；{none_zh}。{}",
                                d(as_of),
                                future.map(|r| format!("所给日期{}晚于{}，在该日尚未发生。", d(r), d(as_of))).unwrap_or_default()
                            ),
                            format!(
                                "not declared as of {}; {none_en}.{}",
                                d(as_of),
                                future
                                    .map(|r| format!(" The date given, {}, lies after {}: on that day it has not happened yet.", d(r), d(as_of)))
                                    .unwrap_or_default()
                            ),
                        )
                    }
                };
                ExplanationLine::new(
                    kind.hr_article().id(),
                    format!("{}：{zh}{by_zh}", name_zh(index, kind, on)),
                    format!("{}: {en}{by_en}", name_en(index, kind, on)),
                )
            }
            Step::Fallback { index } => ExplanationLine::new(
                "art8.i2",
                format!(
                    "第{}项户口事件：死亡未按期申报的，户籍所在地派出所可依居民委员会、村民委员会出具的证明，经调查核实后注销户口（第八条第二项）。",
                    u64::from(index) + 1
                ),
                format!(
                    "Household event {}: the death was not declared in time, so the police station of the hukou may cancel the hukou on a residents' or villagers' committee certificate, after checking (Art 8 i2).",
                    u64::from(index) + 1
                ),
            ),
            Step::NoPenaltyDecided => ExplanationLine::new(
                "hr20",
                "未按期申报户口登记的，依《户口登记条例》第二十条按治安管理处罚的有关规定处理；本评估不判定处罚。".into(),
                "The Hukou Registration Regulations (Art 20) refer a failure to declare to the public-security penalty law; this library decides no penalty.".into(),
            ),
        }
    }
}

/// The words of an event's period and deadline.
fn period_words(kind: EventKind, on: DayNum, due: Due) -> (String, String) {
    match due {
        Due::Counted { period, start, nominal, due, counting, rest, provisional } => {
            let (len_zh, len_en) = match period {
                Period::Months(n) => (format!("{n}个月"), if n == 1 { "one month".to_owned() } else { format!("{n} months") }),
                Period::Days(n) => (format!("{n}日"), format!("{n} days")),
                _ => (String::new(), String::new()),
            };
            let from_zh = if start == on { String::new() } else { format!("（事件早于本办法施行，自{}起算，I7）", d(start)) };
            let from_en = if start == on { String::new() } else { format!(" (the event precedes the Measures, so the period runs from {}, I7)", d(start)) };
            let mut zh = match counting {
                DayCounting::WorkingDays if matches!(period, Period::Days(_)) => {
                    format!("应自{}起{len_zh}内申报{from_zh}：按工作日计算，第{}个工作日为{}（H1）。", d(start), len_zh.trim_end_matches('日'), d(due))
                }
                DayCounting::Calendar => format!(
                    "应自{}起{len_zh}内申报{from_zh}：截止{}{}，按自然日计算不因休息日顺延（H1）。",
                    d(start),
                    d(due),
                    rest.map(|r| format!("，系{}", rest_zh(Some(r)))).unwrap_or_default()
                ),
                _ if due != nominal => format!(
                    "应自{}起{len_zh}内申报{from_zh}：期间末日{}系{}，顺延至其后第一个工作日{}（H1，{}）。",
                    d(start),
                    d(nominal),
                    rest_zh(rest),
                    d(due),
                    CountingLaw::for_start(start).cite_zh(false)
                ),
                _ => format!("应自{}起{len_zh}内申报{from_zh}：截止{}（H1）。", d(start), d(due)),
            };
            let mut en = match counting {
                DayCounting::WorkingDays if matches!(period, Period::Days(_)) => format!(
                    "to be declared within {len_en} of {}{from_en}: counting working days, the last is {} (H1).",
                    d(start),
                    d(due)
                ),
                DayCounting::Calendar => format!(
                    "to be declared within {len_en} of {}{from_en}: by {}{}; calendar counting does not move it off a rest day (H1).",
                    d(start),
                    d(due),
                    rest.map(|r| format!(", {}", rest_en(Some(r)))).unwrap_or_default()
                ),
                _ if due != nominal => format!(
                    "to be declared within {len_en} of {}{from_en}: the period ends on {}, {}, so on the next working day, {} (H1; {}).",
                    d(start),
                    d(nominal),
                    rest_en(rest),
                    d(due),
                    CountingLaw::for_start(start).cite_en(false)
                ),
                _ => format!("to be declared within {len_en} of {}{from_en}: by {} (H1).", d(start), d(due)),
            };
            if provisional {
                zh.push_str("该年度无官方节假日数据，仅按周末计休息日（暂定）。");
                en.push_str(" The calendar has no official data for that year, so only weekends were treated as rest days (provisional).");
            }
            (zh, en)
        }
        Due::Act { period: Period::BeforeBurial, day } => (
            format!("城市死亡应在安葬前申报：最迟于安葬当日{}（H2、H1），不因休息日顺延。", d(day)),
            format!(
                "a death in a town is declared before the burial: on the burial day, {}, at the latest (H2, H1), not moved for rest days.",
                d(day)
            ),
        ),
        Due::Act { day, .. } => {
            let (zh, en) = if kind == EventKind::Conscription { ("入伍前", "before enlisting") } else { ("迁出前", "before moving out") };
            (
                format!("应在{zh}申报：最迟于当日{}（H3、H1），不因休息日顺延。", d(day)),
                format!("to be declared {en}: on that day, {}, at the latest (H3, H1), not moved for rest days.", d(day)),
            )
        }
        Due::NoBurialDay => (
            "城市死亡应在安葬前申报；未给出安葬日期，无法确定期限。".into(),
            "a death in a town is declared before the burial; no burial day was given, so no deadline can be set.".into(),
        ),
        Due::NotFixed => (
            "变更、更正登记未规定期限，由派出所核实后办理。".into(),
            "a change or correction has no fixed period; the station checks it before recording it.".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::from_ymd;

    fn event(kind: EventKind) -> EventFacts {
        EventFacts {
            kind,
            on: from_ymd(2024, 1, 5),
            area: Some(Area::Urban),
            reported_on: None,
            reported_by: None,
            burial_on: None,
        }
    }

    #[test]
    fn event_refusals_are_worded_in_chinese_too() {
        let e = EventFacts { area: None, ..event(EventKind::Death) }.check(2).unwrap_err();
        assert_eq!(e.field(), "person.household_events.2.area");
        assert_eq!(e.message(), "is required for a death (urban or rural: the period differs)");
        assert_eq!(e.message_zh(), "申报死亡登记时为必填项（城市、农村的申报期限不同）");

        let e = EventFacts { reported_on: Some(from_ymd(2024, 1, 1)), ..event(EventKind::Birth) }.check(0).unwrap_err();
        assert_eq!(
            e.message(),
            "2024-01-01 is before the birth on 2024-01-05: it cannot be declared before it happens"
        );
        assert_eq!(e.message_zh(), "2024-01-01 早于出生之日 2024-01-05：事件发生前不能申报");

        let e = EventFacts { reported_by: Some(Declarant::Neighbour), ..event(EventKind::Birth) }.check(0).unwrap_err();
        assert_eq!(e.message(), "neighbour does not declare a birth (Art 8: householder, relative, carer)");
        assert_eq!(
            e.message_zh(),
            "邻居不是出生登记的申报人（第八条：由户主、亲属或抚养人申报，可填 householder、relative、carer）"
        );

        let e = EventFacts { burial_on: Some(from_ymd(2024, 1, 6)), ..event(EventKind::MoveIn) }.check(0).unwrap_err();
        assert_eq!(e.message_zh(), "仅适用于死亡登记，不适用于迁入登记");
        let e = EventFacts { burial_on: Some(from_ymd(2024, 1, 4)), ..event(EventKind::Death) }.check(0).unwrap_err();
        assert_eq!(e.message_zh(), "2024-01-04 早于死亡之日 2024-01-05");
    }
}
