//! Rule sets, and the registry: the one place that lists them.
//!
//! A rule set is one law (or one version of one), chosen by id with `policy.rule_set`. Each lives
//! in its own folder — `rules/<id>/` — with its input record, its facts and their validation
//! beyond the shared checks, its articles, vocabularies, interpretations and notices, its
//! decisions with each explanation step's basis and words beside the rule that emits it, its
//! output section and its batch engine. Everything a face (the JSON reader, [`crate::assess`],
//! the C ABI, the Python module, the command line) needs from a rule set it asks through
//! the registry here, so no face names a rule set.
//!
//! | id | law | module |
//! |---|---|---|
//! | `liaoning-2013` | Liaoning Decree 281 (2013) as promulgated | [`liaoning_2013`] |
//! | `china-2016` | State Council Decree 663: Interim Regulations on Residence Permits | [`china_2016`] |
//!
//! ## Adding a rule set
//!
//! 1. Make `rules/<id>/` with a `mod.rs` whose `Definition` implements `RuleSetDef` (in this
//!    module; crate-internal): its
//!    `Case` (typed input, read from JSON by `read_case`, refusing every field it does not know),
//!    its `Findings` (typed output), `assess`, the fields it reads (`FIELDS`, for refusing them
//!    in other rule sets' cases), its vocabularies and its batch engine (or none).
//! 2. Add one line to the `registry!` call below.
//! 3. Regenerate the generated tables: `make header` (the C constants of new vocabularies, if
//!    any are exported) and the Python stubs' vocabulary names; the tests say which disagree.
//!
//! Nothing else changes by hand: the shared layers (dates, calendar, periods, division codes,
//! identity numbers, errors, privacy, the case envelope, explanations, batch columns) know no
//! article.

pub mod china_2016;
pub mod liaoning_2013;

use crate::assessment::Assessment;
use crate::calendar::Calendar;
use crate::date::DayNum;
use crate::error::CaseError;
use crate::json::{Foreign, Obj};
use crate::record::{BatchRules, Field};
use crate::vocab::{words, Named, Vocabulary, Word};
use chrono::NaiveDate;

/// What a rule set provides. Implemented by each rule set's `Definition`; the registry calls
/// nothing else.
pub(crate) trait RuleSetDef {
    /// The rule set's case: its typed input.
    type Case: Clone + std::fmt::Debug + PartialEq;
    /// What the rule set finds about a case: its typed output section.
    type Findings: Clone + std::fmt::Debug + PartialEq + serde::Serialize;
    /// The first day an assessment may speak for.
    const IN_FORCE: DayNum;
    /// The input fields this rule set reads, by path (`person.arrival_date`,
    /// `policy.issuance_days`, `reporter` for a whole subject), beyond the shared envelope.
    const FIELDS: &'static [Field];
    /// Reads the case from the top-level object (`as_of` already read); `foreign` says why a
    /// field of another rule set is refused.
    ///
    /// # Errors
    /// The first refused field.
    fn read_case(top: &Obj, as_of: NaiveDate, foreign: Foreign<'_>) -> Result<Self::Case, CaseError>;
    /// Assesses a case.
    ///
    /// # Errors
    /// The case's first refused field (consistency checks beyond the JSON's shape).
    fn assess(case: &Self::Case, cal: &Calendar) -> Result<Assessment, CaseError>;
    /// The day a case speaks for.
    fn as_of(case: &Self::Case) -> NaiveDate;
    /// The case as the contract's JSON, read back by `read_case` as the same case.
    fn case_value(case: &Self::Case) -> serde_json::Value;
    /// The rule set's findings read back from an assessment's JSON object.
    ///
    /// # Errors
    /// A message saying what does not fit.
    fn findings_from_json(value: &serde_json::Value) -> Result<Self::Findings, String>;
    /// The interpretations' vocabulary.
    fn interpretations() -> &'static Vocabulary;
    /// The notices' vocabulary.
    fn notices() -> &'static Vocabulary;
    /// Every vocabulary of the rule set's input and output, by name (`status`, `permit_status`,
    /// `article`, …), for the bindings.
    fn vocabularies() -> Vec<(&'static str, &'static Vocabulary)>;
    /// The batch engine, if the rule set has one.
    fn batch() -> Option<&'static dyn BatchRules>;
    /// Writes the findings into the readable report.
    fn report(findings: &Self::Findings, out: &mut crate::assessment::Report);
    /// The rights and services an assessment may list, in catalogue order, each with the
    /// provision that grants it.
    fn entitlements() -> Vec<(Named, &'static str)>;
}

macro_rules! registry {
    ($( $(#[$meta:meta])* $var:ident = $code:literal => $module:ident, $id:literal, $zh:literal, $en:literal; )+) => {
        words! {
            /// A rule set: which law the assessment applies (RULES.md §7; RULES-china-2016.md).
            pub enum RuleSet {
                $( $(#[$meta])* $var = $code => $id, $zh, $en; )+
            }
        }

        /// A case under one rule set (equal and hashable: answers can be cached by case).
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Case {
            $( $(#[$meta])* $var($module::Case), )+
        }

        /// What one rule set found about a case.
        #[derive(Clone, Debug, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum Findings {
            $( $(#[$meta])* $var($module::Findings), )+
        }

        impl Findings {
            /// Writes the findings into the readable report.
            pub(crate) fn report(&self, out: &mut crate::assessment::Report) {
                match self { $( Findings::$var(f) => <$module::Definition as RuleSetDef>::report(f, out), )+ }
            }
        }

        impl Case {
            /// The rule set the case follows.
            pub fn rule_set(&self) -> RuleSet {
                match self { $( Case::$var(_) => RuleSet::$var, )+ }
            }

            /// The day the case speaks for.
            pub fn as_of(&self) -> NaiveDate {
                match self { $( Case::$var(c) => <$module::Definition as RuleSetDef>::as_of(c), )+ }
            }
        }

        $(
            impl From<$module::Case> for Case {
                fn from(c: $module::Case) -> Case {
                    Case::$var(c)
                }
            }
        )+

        impl RuleSet {
            /// The first day an assessment under this rule set may speak for.
            pub fn in_force(self) -> NaiveDate {
                crate::date::to_naive(self.in_force_day())
            }

            pub(crate) fn in_force_day(self) -> DayNum {
                match self { $( RuleSet::$var => <$module::Definition as RuleSetDef>::IN_FORCE, )+ }
            }

            /// The input fields this rule set reads, beyond the shared envelope.
            pub fn fields(self) -> &'static [Field] {
                match self { $( RuleSet::$var => <$module::Definition as RuleSetDef>::FIELDS, )+ }
            }

            /// The vocabulary of this rule set's interpretations.
            pub fn interpretations(self) -> &'static Vocabulary {
                match self { $( RuleSet::$var => <$module::Definition as RuleSetDef>::interpretations(), )+ }
            }

            /// The vocabulary of this rule set's notices.
            pub fn notices(self) -> &'static Vocabulary {
                match self { $( RuleSet::$var => <$module::Definition as RuleSetDef>::notices(), )+ }
            }

            /// Every vocabulary of this rule set, by name.
            pub fn vocabularies(self) -> Vec<(&'static str, &'static Vocabulary)> {
                match self { $( RuleSet::$var => <$module::Definition as RuleSetDef>::vocabularies(), )+ }
            }

            /// The rights and services this rule set's assessments may list, in catalogue order,
            /// each with the provision that grants it.
            pub fn entitlements(self) -> Vec<(Named, &'static str)> {
                match self { $( RuleSet::$var => <$module::Definition as RuleSetDef>::entitlements(), )+ }
            }

            /// This rule set's batch engine, if it has one.
            pub fn batch(self) -> Option<&'static dyn BatchRules> {
                match self { $( RuleSet::$var => <$module::Definition as RuleSetDef>::batch(), )+ }
            }
        }

        /// Reads a case of `rule_set` from the top-level object.
        pub(crate) fn read_case(
            rule_set: RuleSet,
            top: &Obj,
            as_of: NaiveDate,
            foreign: Foreign<'_>,
        ) -> Result<Case, CaseError> {
            match rule_set {
                $( RuleSet::$var => <$module::Definition as RuleSetDef>::read_case(top, as_of, foreign).map(Case::$var), )+
            }
        }

        /// A case as the contract's JSON, written by its rule set.
        pub(crate) fn case_value(case: &Case) -> serde_json::Value {
            match case { $( Case::$var(c) => <$module::Definition as RuleSetDef>::case_value(c), )+ }
        }

        /// Assesses a case under its rule set.
        pub(crate) fn assess(case: &Case, cal: &Calendar) -> Result<Assessment, CaseError> {
            match case { $( Case::$var(c) => <$module::Definition as RuleSetDef>::assess(c, cal), )+ }
        }

        /// A rule set's findings read back from an assessment's JSON object.
        pub(crate) fn findings_from_json(rule_set: RuleSet, value: &serde_json::Value) -> Result<Findings, String> {
            match rule_set {
                $( RuleSet::$var => <$module::Definition as RuleSetDef>::findings_from_json(value).map(Findings::$var), )+
            }
        }
    };
}

registry! {
    /// Liaoning Decree 281 (2013) as promulgated (the default).
    Liaoning2013 = 0 => liaoning_2013, "liaoning-2013", "《辽宁省实有人口服务管理办法》（2013年辽宁省人民政府令第281号）", "Liaoning Measures on the Actual Population (Decree 281, 2013)";
    /// The State Council's Interim Regulations on Residence Permits (Decree 663, in force 2016-01-01).
    China2016 = 1 => china_2016, "china-2016", "《居住证暂行条例》（国务院令第663号，2016年施行）", "Interim Regulations on Residence Permits (State Council Decree 663, 2016)";
}

#[allow(clippy::derivable_impls)]
impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::Liaoning2013
    }
}

/// The rule set that reads the field at `path` (`person.category`), if any does.
pub(crate) fn owner_of(path: &str) -> Option<RuleSet> {
    RuleSet::ALL.iter().copied().find(|rs| rs.fields().iter().any(|f| f.path == path))
}

/// Refuses an assessment day before the rule set was in force.
///
/// # Errors
/// `as_of` before the rule set was in force, naming `as_of`.
pub(crate) fn check_in_force(rule_set: RuleSet, as_of: DayNum, what: &str) -> Result<(), CaseError> {
    let first = rule_set.in_force_day();
    if as_of < first {
        let (as_of, first) = (crate::date::format_iso(as_of), crate::date::format_iso(first));
        // The statute's title, 《…》, without the decree's number that follows it in the label.
        let zh = rule_set.zh();
        let title = zh.find('》').map_or(zh, |end| &zh[..end + '》'.len_utf8()]);
        return Err(CaseError::new(
            "as_of",
            format!("{as_of} is before {what} entered into force ({first})"),
            format!("{as_of} 早于{title}的施行日期（{first}）"),
        ));
    }
    Ok(())
}
