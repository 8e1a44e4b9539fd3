//! Art 24 (and 25): the four population categories.
//!
//! The category is given by the caller or derived from the division codes when the facts are
//! read ([`crate::facts::PersonFacts::from_person`]); here it is explained.

use super::Step;
use crate::facts::PersonFacts;
use crate::outcome::CategorySource;
use crate::rules::Trace;

/// Explains where the category came from (art24).
#[inline]
pub(crate) fn explain<T: Trace>(f: &PersonFacts, t: &mut T) {
    match (f.category_source, f.derivation) {
        (CategorySource::Derived, Some(d)) => t.step(|| Step::CategoryDerived(f.category, d)),
        _ => t.step(|| Step::CategoryGiven(f.category)),
    }
    if f.birth_from_id {
        t.step(|| Step::BirthFromId);
    }
}
