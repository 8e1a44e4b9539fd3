//! JSON entry points: the contract of `spec/CASES.md`, in UTF-8 or GB18030.

use super::{guard, juzhu_calendar, juzhu_status, to_c_string};
use juzhu_core::Calendar;
use std::ffi::c_char;

/// Input and output are UTF-8.
pub const JUZHU_ENCODING_UTF8: u32 = 0;
/// Input and output are GB18030 (which includes GBK and GB2312).
pub const JUZHU_ENCODING_GB18030: u32 = 1;

/// Decodes `bytes` as the declared encoding; `None` when invalid.
fn decode(bytes: &[u8], encoding: u32) -> Option<std::borrow::Cow<'_, str>> {
    match encoding {
        JUZHU_ENCODING_UTF8 => std::str::from_utf8(bytes).ok().map(std::borrow::Cow::Borrowed),
        _ => encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes),
    }
}

fn encode(text: String, encoding: u32) -> Vec<u8> {
    match encoding {
        JUZHU_ENCODING_UTF8 => text.into_bytes(),
        _ => encoding_rs::GB18030.encode(&text).0.into_owned(),
    }
}

/// The shared body of the JSON entry points.
///
/// # Safety
/// As documented on [`juzhu_assess_json_ex`].
unsafe fn assess_json_impl(
    calendar: *const juzhu_calendar,
    encoding: u32,
    case_json: *const c_char,
    len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> juzhu_status {
    if case_json.is_null() || out.is_null() || out_len.is_null() {
        return juzhu_status::NullArgument;
    }
    if encoding > JUZHU_ENCODING_GB18030 || len > isize::MAX as usize {
        return juzhu_status::InvalidArgument;
    }
    // SAFETY: `case_json` is non-NULL and the caller guarantees it points to `len` readable bytes;
    // `len` fits in isize (checked above); bytes have no alignment requirement.
    let bytes = super::without_terminator(unsafe { std::slice::from_raw_parts(case_json.cast::<u8>(), len) });
    let Some(text) = decode(bytes, encoding) else {
        return juzhu_status::InvalidEncoding;
    };
    let cal: &Calendar = if calendar.is_null() {
        Calendar::china()
    } else {
        // SAFETY: a non-NULL calendar is a live handle from `juzhu_calendar_from_json` (contract);
        // handles are immutable, so a shared reference is sound even across threads.
        unsafe { &(*calendar).inner }
    };
    let (status, answer) = match juzhu_core::respond_json(text.as_bytes(), cal) {
        Ok(json) => (juzhu_status::Ok, json),
        Err(error_json) => (juzhu_status::InvalidInput, error_json),
    };
    let (ptr, n) = to_c_string(encode(answer, encoding));
    // SAFETY: `out` and `out_len` are non-NULL (checked) and point to writable storage (contract).
    unsafe {
        *out = ptr;
        *out_len = n;
    }
    status
}

/// Assesses a case given as UTF-8 JSON (`spec/CASES.md`), with the embedded mainland calendar.
///
/// `case_json` points to `len` bytes (a terminating NUL is not needed; one counted in `len`, as
/// `strlen(s) + 1` would, is ignored). On
/// `JUZHU_STATUS_OK`, `*out` receives the assessment JSON; on `JUZHU_STATUS_INVALID_INPUT`, the
/// error JSON `{"error":{"field":…,"message":…,"message_zh":…}}` (the reason in English and in
/// Chinese). Either way `*out` is NUL-terminated, `*out_len` excludes the NUL, and the caller
/// frees `*out` with `juzhu_string_free`. Invalid UTF-8 gives `JUZHU_STATUS_INVALID_ENCODING` and writes nothing. Thread-safe.
///
/// # Safety
/// `case_json` must point to `len` readable bytes; `out` and `out_len` to writable storage.
#[no_mangle]
pub unsafe extern "C" fn juzhu_assess_json(
    case_json: *const c_char,
    len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> juzhu_status {
    // SAFETY: forwarded contract.
    guard(|| unsafe { assess_json_impl(std::ptr::null(), JUZHU_ENCODING_UTF8, case_json, len, out, out_len) })
}

/// As `juzhu_assess_json`, for systems that run in GB18030 (GBK, GB2312): the case is read as
/// GB18030 and the answer (assessment or error JSON) is written in GB18030. Bytes that are not
/// valid GB18030 give `JUZHU_STATUS_INVALID_ENCODING` and nothing is written.
///
/// # Safety
/// As `juzhu_assess_json`.
#[no_mangle]
pub unsafe extern "C" fn juzhu_assess_json_gb18030(
    case_json: *const c_char,
    len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> juzhu_status {
    // SAFETY: forwarded contract.
    guard(|| unsafe { assess_json_impl(std::ptr::null(), JUZHU_ENCODING_GB18030, case_json, len, out, out_len) })
}

/// The general JSON entry point: `calendar` selects the rest days (NULL: the embedded mainland
/// calendar) and `encoding` is `JUZHU_ENCODING_UTF8` or `JUZHU_ENCODING_GB18030` for both input
/// and output. The policy (day counting, age convention, rule set) is read from the case's
/// `policy` object. Otherwise as `juzhu_assess_json`.
///
/// # Safety
/// As `juzhu_assess_json`; `calendar` must be NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn juzhu_assess_json_ex(
    calendar: *const juzhu_calendar,
    encoding: u32,
    case_json: *const c_char,
    len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> juzhu_status {
    // SAFETY: forwarded contract.
    guard(|| unsafe { assess_json_impl(calendar, encoding, case_json, len, out, out_len) })
}

/// Converts UTF-8 text to GB18030 (which includes GBK and GB2312), for systems that run in it:
/// any text the library gives in UTF-8 — a `juzhu_error`'s field or message, an explanation from
/// `juzhu_explain_person`, a `juzhu_name`. `text` points to `len` bytes (a terminating NUL is
/// neither needed nor counted). On `JUZHU_STATUS_OK`, `*out` receives the GB18030 text,
/// NUL-terminated, and `*out_len` its length without the NUL; the caller frees `*out` with
/// `juzhu_string_free`. A NUL byte inside the text cannot be carried by a NUL-terminated string
/// and is dropped (no text the library gives holds one). Text that is not UTF-8 gives
/// `JUZHU_STATUS_INVALID_ENCODING` and writes nothing. Thread-safe.
///
/// # Safety
/// `text` must point to `len` readable bytes; `out` and `out_len` to writable storage.
#[no_mangle]
pub unsafe extern "C" fn juzhu_to_gb18030(
    text: *const c_char,
    len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> juzhu_status {
    guard(|| {
        if text.is_null() || out.is_null() || out_len.is_null() {
            return juzhu_status::NullArgument;
        }
        if len > isize::MAX as usize {
            return juzhu_status::InvalidArgument;
        }
        // SAFETY: non-NULL, `len` readable bytes (contract), `len` fits in isize (checked).
        let bytes = unsafe { std::slice::from_raw_parts(text.cast::<u8>(), len) };
        let Ok(text) = std::str::from_utf8(bytes) else {
            return juzhu_status::InvalidEncoding;
        };
        let (ptr, n) = to_c_string(encode(text.to_owned(), JUZHU_ENCODING_GB18030));
        // SAFETY: non-NULL (checked) and writable (contract).
        unsafe {
            *out = ptr;
            *out_len = n;
        }
        juzhu_status::Ok
    })
}
