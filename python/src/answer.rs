//! What every answer object (`Registration`, `Permit`, `Endorsement`, …) shares: equality by
//! value, a short `repr`, and pickling through the assessment it came from.

use crate::assessment::Assessment;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// Where an answer object sits in its assessment: the assessment and the path of attribute names
/// and list positions that lead to it (`("permit", "endorsements", 2)`). An answer object pickles
/// as this pair (the assessment travels as its contract JSON) and [`part`] walks the path back, so
/// the object read back is the one the assessment gives, whatever it holds.
pub(crate) struct Origin(Py<PyTuple>);

impl Origin {
    /// The answer object reached from `assessment` along `path` (a tuple of names and positions).
    pub(crate) fn new<'py, P>(assessment: &Bound<'py, Assessment>, path: P) -> PyResult<Origin>
    where
        P: IntoPyObject<'py, Target = PyTuple, Output = Bound<'py, PyTuple>>,
        PyErr: From<P::Error>,
    {
        let py = assessment.py();
        let path = path.into_pyobject(py)?.into_any();
        Ok(Origin(PyTuple::new(py, [assessment.as_any(), &path])?.unbind()))
    }

    /// `__reduce__`'s answer: `_juzhu._part` and its arguments.
    pub(crate) fn reduce<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let part = py.import("juzhu._juzhu")?.getattr("_part")?;
        Ok((part, self.0.bind(py).clone()))
    }
}

/// The answer object at `path` in `assessment` (how answer objects unpickle): each item of the
/// path is an attribute name or a list position.
#[pyfunction]
#[pyo3(name = "_part")]
pub(crate) fn part<'py>(
    assessment: &Bound<'py, Assessment>,
    path: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut at = assessment.clone().into_any();
    for step in path.iter() {
        at = if let Ok(name) = step.cast::<pyo3::types::PyString>() { at.getattr(name)? } else { at.get_item(step)? };
    }
    Ok(at)
}

/// The methods every answer class has: `__eq__` (same class, same values), `__repr__` (the
/// expression given, over `s`, the object) and `__reduce__` (through its [`Origin`], which the
/// class holds in a field named `origin`).
macro_rules! answer_methods {
    ($ty:ident, |$s:ident| $repr:expr) => {
        #[pyo3::pymethods]
        impl $ty {
            /// Equal to another answer object of its class holding the same values.
            fn __eq__(slf: &pyo3::Bound<'_, Self>, other: &pyo3::Bound<'_, pyo3::PyAny>) -> pyo3::PyResult<bool> {
                crate::convert::same_properties(slf.as_any(), other)
            }

            fn __repr__(&self) -> String {
                let $s = self;
                $repr
            }

            /// Pickling: the assessment it came from and where it sits there.
            fn __reduce__<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<(pyo3::Bound<'py, pyo3::PyAny>, pyo3::Bound<'py, pyo3::types::PyTuple>)> {
                self.origin.reduce(py)
            }
        }
    };
}
