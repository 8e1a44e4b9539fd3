//! The output: an assessment, in the shape of `spec/CASES.md`.
//!
//! Serialising an [`Assessment`] with serde gives the contract's JSON exactly; the Rust fields
//! are typed (dates as `NaiveDate`, enums as [`crate::vocab::Word`]s). The explanation is kept
//! as decision steps and rendered into sentences only when asked for (or serialised).

use crate::case::{Category, RuleSet};
use crate::date::{to_naive, DayNum};
use crate::outcome::{
    Authority, CategorySource, ChangeOutcome, Consequence, DutyHolder, Exemption, PenaltyStage, PermitStatus,
    PersonOutcome, RegistrationKind, ReporterOutcome, Status,
};
use crate::rules::liaoning_2013::{Article, Basis, Entitlements, Interpretations, Notices, Step};
use crate::vocab::Word;
use chrono::NaiveDate;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::Serialize;

fn day(d: Option<DayNum>) -> Option<NaiveDate> {
    d.map(to_naive)
}

/// The registration decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// The provisions relied on.
    pub basis: Basis,
}

/// The Residence Permit decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

/// Everything decided about a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// Art 21 consequence.
    pub consequence: Consequence,
}

/// A reporter's reporting duty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// When the report is due; `None` for periodic reporters.
    pub deadline: Option<NaiveDate>,
    /// The report's state.
    pub status: Status,
    /// The provisions relied on.
    pub basis: Basis,
}

/// A reporter's standing on the Art 22 ladder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReporterAssessment {
    /// The reporting duty.
    pub report: Report,
    /// The penalty.
    pub penalty: Penalty,
}

/// The person or reporter part of an assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SubjectAssessment {
    /// About a person.
    Person(PersonAssessment),
    /// About a reporter.
    Reporter(ReporterAssessment),
}

/// The ordered reasons for an assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Explanation(Vec<Step>);

/// One rendered explanation step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExplanationLine {
    /// The provision (`art10.p1`).
    pub basis: &'static str,
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

/// A language for rendered text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// 中文.
    Zh,
    /// English.
    En,
}

impl Explanation {
    /// The decision steps.
    pub fn steps(&self) -> &[Step] {
        &self.0
    }

    /// The steps rendered.
    pub fn lines(&self) -> Vec<ExplanationLine> {
        self.0.iter().map(|s| ExplanationLine { basis: s.basis(), en: s.en(), zh: s.zh() }).collect()
    }

    /// The steps rendered in one language, numbered, one per line.
    pub fn text(&self, lang: Lang) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for (i, s) in self.0.iter().enumerate() {
            let t = if lang == Lang::Zh { s.zh() } else { s.en() };
            let _ = writeln!(out, "{}. [{}] {t}", i + 1, s.basis());
        }
        out
    }
}

impl Serialize for Explanation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for step in &self.0 {
            seq.serialize_element(&Line(step))?;
        }
        seq.end()
    }
}

struct Line<'a>(&'a Step);

impl Serialize for Line<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("basis", self.0.basis())?;
        m.serialize_entry("en", &self.0.en())?;
        m.serialize_entry("zh", &self.0.zh())?;
        m.end()
    }
}

/// An assessment: what the rules say about one case on one day, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// The rule set applied.
    pub rule_set: RuleSet,
    /// The day the assessment speaks for.
    pub as_of: NaiveDate,
    /// The person or reporter part.
    #[serde(flatten)]
    pub subject: SubjectAssessment,
    /// Interpretations (RULES.md §9) that shaped this assessment.
    pub interpretations: Interpretations,
    /// Whether a deadline relied on a year without official calendar data.
    pub calendar_provisional: bool,
    /// Notices (`amended_text`).
    pub notices: Notices,
    /// Ordered reasons.
    pub explanation: Explanation,
}

impl Assessment {
    /// The person part, if the case is about a person.
    pub fn person(&self) -> Option<&PersonAssessment> {
        match &self.subject {
            SubjectAssessment::Person(p) => Some(p),
            SubjectAssessment::Reporter(_) => None,
        }
    }

    /// The reporter part, if the case is about a reporter.
    pub fn reporter(&self) -> Option<&ReporterAssessment> {
        match &self.subject {
            SubjectAssessment::Reporter(r) => Some(r),
            SubjectAssessment::Person(_) => None,
        }
    }

    /// The contract's JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":{{\"field\":\"\",\"message\":\"{e}\"}}}}"))
    }

    /// The contract's JSON, indented.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| self.to_json())
    }

    /// The contract's JSON as a `serde_json::Value`.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    pub(crate) fn for_person(
        rule_set: RuleSet,
        as_of: DayNum,
        o: &PersonOutcome,
        changes: &[ChangeOutcome],
        notices: Notices,
        steps: Vec<Step>,
    ) -> Assessment {
        let r = &o.registration;
        let p = &o.permit;
        Assessment {
            rule_set,
            as_of: to_naive(as_of),
            subject: SubjectAssessment::Person(PersonAssessment {
                category: o.category,
                category_source: o.category_source,
                registration: Registration {
                    required: r.required,
                    kind: r.kind,
                    duty_holder: r.duty_holder,
                    deadline: day(r.deadline),
                    status: r.status,
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
                    fee_yuan: 0,
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
            }),
            interpretations: o.interpretations,
            calendar_provisional: o.calendar_provisional,
            notices,
            explanation: Explanation(steps),
        }
    }

    pub(crate) fn for_reporter(
        rule_set: RuleSet,
        as_of: DayNum,
        o: &ReporterOutcome,
        notices: Notices,
        steps: Vec<Step>,
    ) -> Assessment {
        Assessment {
            rule_set,
            as_of: to_naive(as_of),
            subject: SubjectAssessment::Reporter(ReporterAssessment {
                report: Report { deadline: day(o.deadline), status: o.status, basis: o.basis },
                penalty: Penalty {
                    stage: o.stage,
                    fine_min_yuan: o.fine_min_yuan,
                    fine_max_yuan: o.fine_max_yuan,
                    authority: o.authority,
                    basis: o.penalty_basis,
                },
            }),
            interpretations: o.interpretations,
            calendar_provisional: o.calendar_provisional,
            notices,
            explanation: Explanation(steps),
        }
    }
}

// ------------------------------------------------------------------------ the readable report

fn label<W: Word>(w: W, lang: Option<Lang>) -> String {
    match lang {
        Some(Lang::Zh) => w.zh().to_owned(),
        Some(Lang::En) => w.en().to_owned(),
        None => format!("{} / {}", w.zh(), w.en()),
    }
}

fn opt<W: Word>(w: Option<W>, lang: Option<Lang>) -> String {
    w.map_or_else(|| "—".to_owned(), |w| label(w, lang))
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

fn both(zh: &str, en: &str, lang: Option<Lang>) -> String {
    match lang {
        Some(Lang::Zh) => zh.to_owned(),
        Some(Lang::En) => en.to_owned(),
        None => format!("{zh} {en}"),
    }
}

impl Assessment {
    /// A readable report: the decisions, then the reasons article by article, in Chinese
    /// (`Some(Lang::Zh)`), English (`Some(Lang::En)`) or both (`None`).
    pub fn report(&self, lang: Option<Lang>) -> String {
        let a = self;
        let mut s = String::new();
        let mut line = |t: String| {
            s.push_str(&t);
            s.push('\n');
        };
        line(format!("juzhu · {} · {} {}", a.rule_set.id(), both("评估日", "as of", lang), a.as_of));
        match &a.subject {
            SubjectAssessment::Person(p) => {
                line(format!(
                    "{}: {} ({})",
                    both("类别", "Category", lang),
                    label(p.category, lang),
                    p.category_source
                ));
                let r = &p.registration;
                line(format!("{}:", both("登记", "Registration", lang)));
                line(format!("  {}: {}", both("种类", "kind", lang), opt(r.kind, lang)));
                line(format!("  {}: {}", both("义务人", "made by", lang), opt(r.duty_holder, lang)));
                line(format!("  {}: {}", both("期限", "deadline", lang), date(r.deadline)));
                line(format!(
                    "  {}: {}  [{}]",
                    both("状态", "status", lang),
                    label(r.status, lang),
                    r.basis.ids().join(", ")
                ));
                let pm = &p.permit;
                line(format!("{}:", both("居住证", "Residence Permit", lang)));
                line(format!(
                    "  {}: {}{}",
                    both("要求", "status", lang),
                    label(pm.status, lang),
                    pm.exemption.map(|e| format!(" ({})", label(e, lang))).unwrap_or_default()
                ));
                if let Some(r16) = pm.reaches_16_on {
                    line(format!("  {}: {r16}", both("满16周岁之日", "reaches 16 on", lang)));
                }
                line(format!("  {}: {}", both("申领期限", "apply by", lang), date(pm.deadline)));
                line(format!("  {}: {}", both("申领状态", "application", lang), label(pm.application_status, lang)));
                if pm.expires_on.is_some() {
                    line(format!(
                        "  {}: {} ({})",
                        both("有效期至", "valid through", lang),
                        date(pm.expires_on),
                        if pm.valid == Some(true) {
                            both("有效", "valid", lang)
                        } else {
                            both("已过期", "expired", lang)
                        }
                    ));
                    line(format!(
                        "  {}: {} — {}",
                        both("延期申请最迟", "extend by", lang),
                        date(pm.extension_deadline),
                        opt(pm.extension_status, lang)
                    ));
                }
                line(format!(
                    "  {}: {} 元/yuan  [{}]",
                    both("费用", "fee", lang),
                    pm.fee_yuan,
                    pm.basis.ids().join(", ")
                ));
                for (i, c) in p.changes.iter().enumerate() {
                    line(format!(
                        "{} {}: {} → {} {}",
                        both("变更", "Change", lang),
                        i + 1,
                        c.changed_on,
                        c.deadline,
                        label(c.status, lang)
                    ));
                }
                line(format!("{} ({}):", both("权益", "Entitlements", lang), p.entitlements.len()));
                for e in p.entitlements.iter() {
                    line(format!("  - {} [{}]", label(e, lang), e.article().id()));
                }
                line(format!(
                    "{}: {}",
                    both("后果（第二十一条）", "Consequence (Art 21)", lang),
                    label(p.consequence, lang)
                ));
            }
            SubjectAssessment::Reporter(r) => {
                line(format!(
                    "{}: {} — {}  [{}]",
                    both("报送期限", "Report due", lang),
                    date(r.report.deadline),
                    label(r.report.status, lang),
                    r.report.basis.ids().join(", ")
                ));
                let pen = &r.penalty;
                line(format!("{}: {}", both("处罚", "Penalty", lang), label(pen.stage, lang)));
                if pen.fine_max_yuan > 0 {
                    line(format!(
                        "  {}: {}–{} 元/yuan, {}",
                        both("罚款", "fine", lang),
                        pen.fine_min_yuan,
                        pen.fine_max_yuan,
                        opt(pen.authority, lang)
                    ));
                }
            }
        }
        let ids: Vec<&str> = a.interpretations.iter().map(Word::id).collect();
        line(format!(
            "{}: {}",
            both("解释", "Interpretations", lang),
            if ids.is_empty() { "—".into() } else { ids.join(", ") }
        ));
        if a.calendar_provisional {
            line(both(
                "注意：期限涉及无官方节假日数据的年份（暂定）。",
                "Note: a deadline falls in a year without official holiday data (provisional).",
                lang,
            ));
        }
        for n in a.notices.iter() {
            line(format!(
                "{}: {}",
                both("提示", "Notice", lang),
                match lang {
                    Some(Lang::En) => n.en(),
                    _ => n.zh(),
                }
            ));
            if lang.is_none() {
                line(format!("        {}", n.en()));
            }
        }
        line(format!("{}:", both("理由", "Why", lang)));
        for (i, step) in a.explanation.steps().iter().enumerate() {
            match lang {
                Some(Lang::Zh) => line(format!("  {}. [{}] {}", i + 1, step.basis(), step.zh())),
                Some(Lang::En) => line(format!("  {}. [{}] {}", i + 1, step.basis(), step.en())),
                None => {
                    line(format!("  {}. [{}] {}", i + 1, step.basis(), step.zh()));
                    line(format!("     {}", step.en()));
                }
            }
        }
        s
    }
}
