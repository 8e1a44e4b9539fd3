//! Rule sets, chosen by id (`policy.rule_set`).
//!
//! Each rule set is a module that decides [`crate::outcome`]s from [`crate::facts`]. Only
//! `liaoning-2013` exists so far; an amended or national rule set is added beside it as a new
//! module and a new [`crate::RuleSet`] word, without touching this one.

pub mod liaoning_2013;

use crate::case::RuleSet;
use crate::date::DayNum;
use crate::error::CaseError;

/// Receives explanation steps as rules decide. The batch engine passes [`Silent`], for which
/// every step closure compiles away; per-case assessment records them.
pub trait Trace {
    /// Records the step `f` builds.
    fn step(&mut self, f: impl FnOnce() -> liaoning_2013::Step);
}

/// A trace that records nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct Silent;

impl Trace for Silent {
    #[inline(always)]
    fn step(&mut self, _f: impl FnOnce() -> liaoning_2013::Step) {}
}

impl Trace for Vec<liaoning_2013::Step> {
    #[inline]
    fn step(&mut self, f: impl FnOnce() -> liaoning_2013::Step) {
        self.push(f());
    }
}

/// Refuses an assessment day before the rule set was in force.
///
/// # Errors
/// `as_of` before the rule set was in force, naming `as_of`.
pub fn check_in_force(rule_set: RuleSet, as_of: DayNum) -> Result<(), CaseError> {
    match rule_set {
        RuleSet::Liaoning2013 => liaoning_2013::check_in_force(as_of),
    }
}
