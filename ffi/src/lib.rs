//! The C ABI of juzhu (`libjuzhu.so`, `libjuzhu.a`, header `include/juzhu.h`).
//!
//! This crate only translates: C types in, the `juzhu` core's rules, C types out. The API
//! conventions every function follows are written in the header's preamble (`cbindgen.toml`)
//! and repeated here:
//!
//! - Every function returns a [`juzhu_status`] (or a value documented as its own sentinel) and
//!   never unwinds into C: a panic inside is caught and reported as `JUZHU_STATUS_PANIC`.
//! - Every pointer argument is checked: NULL where not allowed gives `JUZHU_STATUS_NULL_ARGUMENT`.
//! - Output parameters are written only when the function succeeds (`JUZHU_STATUS_OK`), or, for
//!   the JSON entry points, when the input is refused (`JUZHU_STATUS_INVALID_INPUT`, with the
//!   error JSON). Otherwise they are left untouched.
//! - Strings the library returns through `char **` are owned by the caller and released with
//!   `juzhu_string_free`; `const char *` results are static and must not be freed. Handles
//!   (`juzhu_calendar`) are released with their `_free` function; every `_free` accepts NULL.
//! - Every function is reentrant and thread-safe: there is no global mutable state. Handles are
//!   immutable once made and may be shared between threads.
//! - Dates are `int32_t` in `YYYYMMDD` form, `0` for absent. Enumerated values are the
//!   `JUZHU_*` integer constants, with `0` meaning absent (or the default).

#![allow(non_camel_case_types)]
#![deny(missing_docs)]

mod calendar;
mod json;
mod names;
mod structs;

pub use calendar::*;
pub use json::*;
pub use names::*;
pub use structs::*;

use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Version of the C ABI and library, major part.
pub const JUZHU_VERSION_MAJOR: u32 = 0;
/// Version, minor part.
pub const JUZHU_VERSION_MINOR: u32 = 2;
/// Version, patch part.
pub const JUZHU_VERSION_PATCH: u32 = 0;

/// What a call did. Values are stable: they will not change meaning in later versions.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum juzhu_status {
    /// Success.
    Ok = 0,
    /// The input was read and refused: it is not well-formed or not consistent. Details: the
    /// error JSON (JSON entry points) or the `juzhu_error` (struct entry points).
    InvalidInput = 1,
    /// The input bytes are not valid in the declared encoding (UTF-8 or GB18030).
    InvalidEncoding = 2,
    /// A pointer argument that must not be NULL was NULL.
    NullArgument = 3,
    /// An argument is out of its documented range (an unknown encoding or language constant, a
    /// length greater than `PTRDIFF_MAX`; a length longer than its buffer cannot be detected:
    /// reading past the buffer is undefined behaviour). Values inside structs are input: they give
    /// `JUZHU_STATUS_INVALID_INPUT` with the field named.
    InvalidArgument = 4,
    /// The library hit an internal error and caught it; nothing was written, except by
    /// `juzhu_assess_batch`, whose rows may be partly written: treat them all as unwritten.
    /// Please report it.
    Panic = 5,
}

/// Runs `f`, turning a panic into `JUZHU_STATUS_PANIC`.
pub(crate) fn guard(f: impl FnOnce() -> juzhu_status) -> juzhu_status {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(juzhu_status::Panic)
}

/// Runs `f`, turning a panic into `fallback`.
pub(crate) fn guard_or<T>(fallback: T, f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(fallback)
}

/// An input buffer without the one NUL byte that ends it, if it ends with one: a length given as
/// `strlen(s) + 1` or `sizeof buf` (a common C slip) counts the terminator, which is not text.
pub(crate) fn without_terminator(bytes: &[u8]) -> &[u8] {
    bytes.strip_suffix(&[0]).unwrap_or(bytes)
}

/// Hands a Rust string to C as an owned, NUL-terminated buffer; returns it and its length
/// (without the NUL). Interior NUL bytes cannot occur in the library's output (JSON escapes
/// them); should one appear, it is dropped rather than truncating the text.
pub(crate) fn to_c_string(bytes: Vec<u8>) -> (*mut c_char, usize) {
    let s = CString::new(bytes).unwrap_or_else(|e| {
        let mut v = e.into_vec();
        v.retain(|&b| b != 0);
        CString::new(v).unwrap_or_default()
    });
    let len = s.as_bytes().len();
    (s.into_raw(), len)
}

/// The library's version, `"MAJOR.MINOR.PATCH"`, equal to `JUZHU_VERSION_*`. Static; do not free.
#[no_mangle]
pub extern "C" fn juzhu_version() -> *const c_char {
    static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");
    VERSION.as_ptr().cast()
}

/// Every status value's description, English and Chinese (NUL-terminated: handed to C as they
/// are); one row a `juzhu_status` value.
const STATUS_MESSAGES: [(&str, &str); 6] = [
    ("ok\0", "成功\0"),
    (
        "invalid input: the case was read and refused (see the error JSON or juzhu_error)\0",
        "输入有误：案例已读取但未被接受（见错误 JSON 或 juzhu_error）\0",
    ),
    ("invalid encoding: the bytes are not valid in the declared encoding\0", "编码无效：字节不符合所声明的编码\0"),
    ("null argument: a required pointer was NULL\0", "空参数：必需的指针为 NULL\0"),
    ("invalid argument: an argument is outside its documented range\0", "参数无效：参数超出文档所述范围\0"),
    (
        "internal error caught (panic); treat every output as unwritten\0",
        "已捕获内部错误（panic）；所有输出均视为未写入\0",
    ),
];

/// A short English description of a status value; `"unknown status"` for a value not in
/// `juzhu_status`. Static; do not free. Takes an `int32_t` so that any integer is safe to pass.
#[no_mangle]
pub extern "C" fn juzhu_status_message(status: i32) -> *const c_char {
    juzhu_status_message_in(status, JUZHU_FORM_EN)
}

/// A status value's description in `lang`: Chinese for `JUZHU_FORM_ZH`, English for any other
/// value (`"unknown status"` / `"未知状态"` for a value not in `juzhu_status`). Static; do not
/// free. Any integers are safe to pass.
#[no_mangle]
pub extern "C" fn juzhu_status_message_in(status: i32, lang: u32) -> *const c_char {
    let (en, zh) = usize::try_from(status)
        .ok()
        .and_then(|i| STATUS_MESSAGES.get(i))
        .copied()
        .unwrap_or(("unknown status\0", "未知状态\0"));
    let s = if lang == JUZHU_FORM_ZH { zh } else { en };
    s.as_ptr().cast()
}

/// Releases a string returned by this library through a `char **` output. NULL is accepted and
/// ignored. Passing any other pointer, or the same one twice, is undefined behaviour. Such a
/// string is read-only: copy it before changing it (`strtok` on it, or writing a NUL into it,
/// makes its release undefined).
///
/// # Safety
/// `s` must be NULL or a pointer this library returned and has not been freed.
#[no_mangle]
pub unsafe extern "C" fn juzhu_string_free(s: *mut c_char) {
    guard_or((), || {
        if !s.is_null() {
            // SAFETY: the caller passes a pointer made by `CString::into_raw` in `to_c_string`
            // and not freed before (documented contract).
            drop(unsafe { CString::from_raw(s) });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn version_macros_match_the_crate() {
        let v = format!("{JUZHU_VERSION_MAJOR}.{JUZHU_VERSION_MINOR}.{JUZHU_VERSION_PATCH}");
        assert_eq!(v, env!("CARGO_PKG_VERSION"));
        // SAFETY: juzhu_version returns a static NUL-terminated string.
        assert_eq!(unsafe { CStr::from_ptr(juzhu_version()) }.to_str().unwrap(), v);
        assert_eq!(v, juzhu_core::VERSION);
    }

    #[test]
    fn status_messages() {
        for s in [-1, 0, 1, 2, 3, 4, 5, 99] {
            // SAFETY: static NUL-terminated strings.
            let m = unsafe { CStr::from_ptr(juzhu_status_message(s)) }.to_str().unwrap();
            assert!(!m.is_empty());
            // SAFETY: as above.
            let zh = unsafe { CStr::from_ptr(juzhu_status_message_in(s, JUZHU_FORM_ZH)) }.to_str().unwrap();
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{s}: {zh}");
            // SAFETY: as above.
            let other = unsafe { CStr::from_ptr(juzhu_status_message_in(s, 77)) }.to_str().unwrap();
            assert_eq!(other, m);
        }
    }
}
