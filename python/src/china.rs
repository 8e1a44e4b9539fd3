//! The `china-2016` section of an assessment, as typed Python objects.

use crate::convert::{py_date, py_opt_date};
use juzhu::rules::china_2016 as c16;
use juzhu::vocab::Word;
use pyo3::prelude::*;

fn opt<W: Word>(w: Option<W>) -> Option<&'static str> {
    w.map(Word::id)
}

/// One year's endorsement (Art 10).
#[pyclass(frozen, module = "juzhu", get_all)]
pub struct Endorsement {
    /// The year, from 1 again after a late endorsement re-anchors the count.
    year: u32,
    /// The anniversary.
    anniversary: Py<PyAny>,
    /// The window's first day.
    window_opens: Py<PyAny>,
    /// The window's last day.
    window_closes: Py<PyAny>,
    /// The endorsement that counted, if any.
    endorsed_on: Py<PyAny>,
    /// `done`, `late`, `missed`, `open` or `upcoming`.
    status: &'static str,
}

#[pymethods]
impl Endorsement {
    /// Equal to another answer object of its class holding the same values.
    fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::convert::same_properties(slf.as_any(), other)
    }

    fn __repr__(&self) -> String {
        format!("Endorsement(year={}, status='{}')", self.year, self.status)
    }
}

/// The Residence Permit under the Interim Regulations (`china-2016`).
#[pyclass(frozen, module = "juzhu", get_all)]
pub struct ResidencePermit {
    /// `not_applicable`, `not_eligible`, `not_yet_eligible`, `eligible` or `held`.
    status: &'static str,
    /// The day half a year of residence is reached.
    eligible_from: Py<PyAny>,
    /// The Art 2 conditions that hold.
    conditions_met: Vec<&'static str>,
    /// `guardian_or_close_relative` or `None`.
    may_apply_through: Option<&'static str>,
    /// When an eligible application's permit is due.
    issue_deadline: Py<PyAny>,
    /// `pending`, `done`, `late`, `overdue`, `not_eligible` or `None`.
    issue_status: Option<&'static str>,
    /// The endorsement schedule of a held permit.
    endorsements: Vec<Py<Endorsement>>,
    /// `active`, `suspended` or `None`.
    function: Option<&'static str>,
    /// First day of the suspension in force.
    suspended_since: Py<PyAny>,
    /// Full years of residence from the anchor in force.
    residence_years: Option<u32>,
    /// The anchor in force.
    residence_counted_from: Py<PyAny>,
    /// 0: a first permit is free.
    fee_yuan: u32,
    /// 0: endorsement is free.
    endorsement_fee_yuan: u32,
    /// `card_fee`.
    replacement_fee: &'static str,
    /// Article ids.
    basis: Vec<&'static str>,
}

#[pymethods]
impl ResidencePermit {
    /// Equal to another answer object of its class holding the same values.
    fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::convert::same_properties(slf.as_any(), other)
    }

    fn __repr__(&self) -> String {
        format!(
            "ResidencePermit(status='{}', function={})",
            self.status,
            self.function.map_or_else(|| "None".to_owned(), |f| format!("'{f}'"))
        )
    }
}

/// The settlement frame of Art 16.
#[pyclass(frozen, module = "juzhu", get_all)]
pub struct Settlement {
    /// `small`, `medium`, `large` or `megacity`.
    tier: &'static str,
    /// The conditions the frame names.
    frame: Vec<&'static str>,
    /// The most years of urban social insurance the city may ask for.
    insurance_years_cap: Option<u32>,
    /// `no`, `optional` or `required`.
    points_system: &'static str,
    /// Article ids.
    basis: Vec<&'static str>,
}

#[pymethods]
impl Settlement {
    /// Equal to another answer object of its class holding the same values.
    fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::convert::same_properties(slf.as_any(), other)
    }

    fn __repr__(&self) -> String {
        format!("Settlement(tier='{}')", self.tier)
    }
}

/// An offence and its penalty (Art 18, 19).
#[pyclass(frozen, module = "juzhu", get_all)]
pub struct PenaltyReport {
    /// The offence.
    offence: &'static str,
    /// The measures, in the article's order.
    measures: Vec<&'static str>,
    /// Lowest fine, yuan.
    fine_min_yuan: u64,
    /// Highest fine, yuan.
    fine_max_yuan: u64,
    /// `public_security`.
    authority: &'static str,
    /// Article ids.
    basis: Vec<&'static str>,
}

#[pymethods]
impl PenaltyReport {
    /// Equal to another answer object of its class holding the same values.
    fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::convert::same_properties(slf.as_any(), other)
    }

    fn __repr__(&self) -> String {
        format!("PenaltyReport(offence='{}')", self.offence)
    }
}

/// The permit section as a Python object.
pub(crate) fn permit(py: Python<'_>, f: &c16::Findings) -> PyResult<ResidencePermit> {
    let p = &f.permit;
    let endorsements = p
        .endorsements
        .iter()
        .map(|e| {
            Py::new(
                py,
                Endorsement {
                    year: e.year,
                    anniversary: py_date(py, e.anniversary)?.unbind(),
                    window_opens: py_date(py, e.window_opens)?.unbind(),
                    window_closes: py_date(py, e.window_closes)?.unbind(),
                    endorsed_on: py_opt_date(py, e.endorsed_on)?.unbind(),
                    status: e.status.id(),
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
    })
}

/// The settlement frame, if given.
pub(crate) fn settlement(f: &c16::Findings) -> Option<Settlement> {
    f.settlement.as_ref().map(|s| Settlement {
        tier: s.tier.id(),
        frame: s.frame.iter().map(|c| c.id()).collect(),
        insurance_years_cap: s.insurance_years_cap,
        points_system: s.points_system.id(),
        basis: s.basis.ids(),
    })
}

/// The penalties.
pub(crate) fn penalties(f: &c16::Findings) -> Vec<PenaltyReport> {
    f.penalties
        .iter()
        .map(|p| PenaltyReport {
            offence: p.offence.id(),
            measures: p.measures.iter().map(|m| m.id()).collect(),
            fine_min_yuan: p.fine_min_yuan,
            fine_max_yuan: p.fine_max_yuan,
            authority: p.authority.id(),
            basis: p.basis.ids(),
        })
        .collect()
}
