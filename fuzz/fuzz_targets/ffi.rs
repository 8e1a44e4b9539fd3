//! The C ABI's own sources, compiled into the fuzz targets (the `ffi` crate builds only a cdylib
//! and a staticlib, which a Rust fuzz target cannot link as a crate).
#[path = "../../ffi/src/lib.rs"]
#[allow(dead_code, unused_imports)]
pub mod ffi;
#[allow(unused_imports)]
pub use ffi::*;
