//! The `china-2016` section of an assessment, as typed Python objects.

use crate::answer::Origin;
use crate::assessment::Assessment;
use crate::convert::{py_date, py_opt_date};
use juzhu::rules::china_2016 as c16;
use juzhu::vocab::Word;
use pyo3::prelude::*;

fn opt<W: Word>(w: Option<W>) -> Option<&'static str> {
    w.map(Word::id)
}

/// One year's endorsement (Art 10).
#[pyclass(frozen, module = "juzhu")]
pub struct Endorsement {
    /// The year, from 1 again after a late endorsement re-anchors the count.
    #[pyo3(get)]
    year: u32,
    /// The anniversary.
    #[pyo3(get)]
    anniversary: Py<PyAny>,
    /// The window's first day.
    #[pyo3(get)]
    window_opens: Py<PyAny>,
    /// The window's last day.
    #[pyo3(get)]
    window_closes: Py<PyAny>,
    /// The endorsement that counted, if any.
    #[pyo3(get)]
    endorsed_on: Py<PyAny>,
    /// `done`, `late`, `missed`, `open` or `upcoming`.
    #[pyo3(get)]
    status: &'static str,
    /// Where it sits in its assessment (pickling).
    origin: crate::answer::Origin,
}

answer_methods!(Endorsement, |s| format!("Endorsement(year={}, status='{}')", s.year, s.status));

/// The Residence Permit under the Interim Regulations (`china-2016`).
#[pyclass(frozen, module = "juzhu")]
pub struct ResidencePermit {
    /// `not_applicable`, `not_eligible`, `not_yet_eligible`, `eligible` or `held`.
    #[pyo3(get)]
    status: &'static str,
    /// The day half a year of residence is reached.
    #[pyo3(get)]
    eligible_from: Py<PyAny>,
    /// The Art 2 conditions that hold.
    #[pyo3(get)]
    conditions_met: Vec<&'static str>,
    /// `guardian_or_close_relative` or `None`.
    #[pyo3(get)]
    may_apply_through: Option<&'static str>,
    /// When an eligible application's permit is due.
    #[pyo3(get)]
    issue_deadline: Py<PyAny>,
    /// `pending`, `done`, `late`, `overdue`, `not_eligible` or `None`.
    #[pyo3(get)]
    issue_status: Option<&'static str>,
    /// The endorsement schedule of a held permit.
    #[pyo3(get)]
    endorsements: Vec<Py<Endorsement>>,
    /// `active`, `suspended` or `None`.
    #[pyo3(get)]
    function: Option<&'static str>,
    /// First day of the suspension in force.
    #[pyo3(get)]
    suspended_since: Py<PyAny>,
    /// Full years of residence from the anchor in force.
    #[pyo3(get)]
    residence_years: Option<u32>,
    /// The anchor in force.
    #[pyo3(get)]
    residence_counted_from: Py<PyAny>,
    /// 0: a first permit is free.
    #[pyo3(get)]
    fee_yuan: u32,
    /// 0: endorsement is free.
    #[pyo3(get)]
    endorsement_fee_yuan: u32,
    /// `card_fee`.
    #[pyo3(get)]
    replacement_fee: &'static str,
    /// Article ids.
    #[pyo3(get)]
    basis: Vec<&'static str>,
    /// Where it sits in its assessment (pickling).
    origin: crate::answer::Origin,
}

answer_methods!(ResidencePermit, |s| format!(
    "ResidencePermit(status='{}', function={})",
    s.status,
    s.function.map_or_else(|| "None".to_owned(), |f| format!("'{f}'"))
));

/// The settlement frame of Art 16.
#[pyclass(frozen, module = "juzhu")]
pub struct Settlement {
    /// `small`, `medium`, `large` or `megacity`.
    #[pyo3(get)]
    tier: &'static str,
    /// The conditions the frame names.
    #[pyo3(get)]
    frame: Vec<&'static str>,
    /// The most years of urban social insurance the city may ask for.
    #[pyo3(get)]
    insurance_years_cap: Option<u32>,
    /// `no`, `optional` or `required`.
    #[pyo3(get)]
    points_system: &'static str,
    /// Article ids.
    #[pyo3(get)]
    basis: Vec<&'static str>,
    /// Where it sits in its assessment (pickling).
    origin: crate::answer::Origin,
}

answer_methods!(Settlement, |s| format!("Settlement(tier='{}')", s.tier));

/// An offence and its penalty (Art 18, 19).
#[pyclass(frozen, module = "juzhu")]
pub struct PenaltyReport {
    /// The offence.
    #[pyo3(get)]
    offence: &'static str,
    /// The measures, in the article's order.
    #[pyo3(get)]
    measures: Vec<&'static str>,
    /// Lowest fine, yuan.
    #[pyo3(get)]
    fine_min_yuan: u64,
    /// Highest fine, yuan.
    #[pyo3(get)]
    fine_max_yuan: u64,
    /// `public_security`.
    #[pyo3(get)]
    authority: &'static str,
    /// Article ids.
    #[pyo3(get)]
    basis: Vec<&'static str>,
    /// Where it sits in its assessment (pickling).
    origin: crate::answer::Origin,
}

answer_methods!(PenaltyReport, |s| format!("PenaltyReport(offence='{}')", s.offence));

/// The permit section as a Python object.
pub(crate) fn permit(slf: &Bound<'_, Assessment>, f: &c16::Findings) -> PyResult<ResidencePermit> {
    let py = slf.py();
    let p = &f.permit;
    let endorsements = p
        .endorsements
        .iter()
        .enumerate()
        .map(|(i, e)| {
            Py::new(
                py,
                Endorsement {
                    year: e.year,
                    anniversary: py_date(py, e.anniversary)?.unbind(),
                    window_opens: py_date(py, e.window_opens)?.unbind(),
                    window_closes: py_date(py, e.window_closes)?.unbind(),
                    endorsed_on: py_opt_date(py, e.endorsed_on)?.unbind(),
                    status: e.status.id(),
                    origin: Origin::new(slf, ("permit", "endorsements", i))?,
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(ResidencePermit {
        status: p.status.id(),
        eligible_from: py_opt_date(py, p.eligible_from)?.unbind(),
        conditions_met: p.conditions_met.ids(),
        may_apply_through: opt(p.may_apply_through),
        issue_deadline: py_opt_date(py, p.issue_deadline)?.unbind(),
        issue_status: opt(p.issue_status),
        endorsements,
        function: opt(p.function),
        suspended_since: py_opt_date(py, p.suspended_since)?.unbind(),
        residence_years: p.residence_years,
        residence_counted_from: py_opt_date(py, p.residence_counted_from)?.unbind(),
        fee_yuan: p.fee_yuan,
        endorsement_fee_yuan: p.endorsement_fee_yuan,
        replacement_fee: p.replacement_fee.id(),
        basis: p.basis.ids(),
        origin: Origin::new(slf, ("permit",))?,
    })
}

/// The settlement frame, if given.
pub(crate) fn settlement(slf: &Bound<'_, Assessment>, f: &c16::Findings) -> PyResult<Option<Settlement>> {
    let Some(s) = f.settlement.as_ref() else {
        return Ok(None);
    };
    Ok(Some(Settlement {
        tier: s.tier.id(),
        frame: s.frame.iter().map(|c| c.id()).collect(),
        insurance_years_cap: s.insurance_years_cap,
        points_system: s.points_system.id(),
        basis: s.basis.ids(),
        origin: Origin::new(slf, ("settlement",))?,
    }))
}

/// The penalties.
pub(crate) fn penalties(slf: &Bound<'_, Assessment>, f: &c16::Findings) -> PyResult<Vec<PenaltyReport>> {
    f.penalties
        .iter()
        .enumerate()
        .map(|(i, p)| {
            Ok(PenaltyReport {
                offence: p.offence.id(),
                measures: p.measures.iter().map(|m| m.id()).collect(),
                fine_min_yuan: p.fine_min_yuan,
                fine_max_yuan: p.fine_max_yuan,
                authority: p.authority.id(),
                basis: p.basis.ids(),
                origin: Origin::new(slf, ("penalties", i))?,
            })
        })
        .collect()
}
