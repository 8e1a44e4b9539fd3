//! The `china-2016` batch engine: whole populations, columns in, columns out (declared in
//! [`super::record`]).

use crate::record::{BatchRules, Column, Field};

pub use super::record::{PersonBatch, PersonColumns, PersonColumnsMut, PersonRow, OUTPUTS};

/// The engine, as the bindings see it.
pub(crate) struct Engine;

impl BatchRules for Engine {
    fn inputs(&self) -> Vec<&'static Field> {
        super::record::FIELDS.iter().filter(|f| f.column.is_some()).collect()
    }
    fn outputs(&self) -> &'static [Column] {
        OUTPUTS
    }
}
