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

/// How many leading bytes of `bytes` are valid in `encoding` (all of them when the text is).
fn valid_prefix(bytes: &[u8], encoding: u32) -> usize {
    if encoding == JUZHU_ENCODING_UTF8 {
        return std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
    }
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(0));
    match decoder.decode_to_string_without_replacement(bytes, &mut out, true) {
        // A malformed sequence of `bad` bytes, and `after` bytes read past it, end what was read.
        (encoding_rs::DecoderResult::Malformed(bad, after), read) => {
            read.saturating_sub(usize::from(bad) + usize::from(after))
        }
        (encoding_rs::DecoderResult::InputEmpty, _) => bytes.len(),
        // The buffer holds any text's decoding; were it short, none of the text is vouched for.
        (encoding_rs::DecoderResult::OutputFull, _) => 0,
    }
}

/// Where text stops being valid in `encoding` (`JUZHU_ENCODING_UTF8` or
/// `JUZHU_ENCODING_GB18030`): `*valid_up_to` receives the number of leading bytes of `text`
/// (`len` bytes; a terminating NUL is not needed) that are valid, `len` when all
/// are. For the case that a JSON entry point refused with `JUZHU_STATUS_INVALID_ENCODING`, this
/// finds the offending byte, at offset `*valid_up_to` (a GBK file handed to `juzhu_assess_json`
/// fails at its first Chinese character). Returns `JUZHU_STATUS_OK` whatever the text holds;
/// NULL arguments and impossible lengths are refused as elsewhere. Thread-safe.
///
/// # Safety
/// `text` must point to `len` readable bytes; `valid_up_to` to writable storage.
#[no_mangle]
pub unsafe extern "C" fn juzhu_valid_up_to(
    encoding: u32,
    text: *const c_char,
    len: usize,
    valid_up_to: *mut usize,
) -> juzhu_status {
    guard(|| {
        if text.is_null() || valid_up_to.is_null() {
            return juzhu_status::NullArgument;
        }
        if encoding > JUZHU_ENCODING_GB18030 || len > isize::MAX as usize {
            return juzhu_status::InvalidArgument;
        }
        // SAFETY: non-NULL, `len` readable bytes (contract), `len` fits in isize (checked).
        let bytes = unsafe { std::slice::from_raw_parts(text.cast::<u8>(), len) };
        let n = valid_prefix(bytes, encoding);
        // SAFETY: non-NULL (checked) and writable (contract).
        unsafe { *valid_up_to = n };
        juzhu_status::Ok
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    const FLOATING_GB: &[u8] = b"\xc1\xf7\xb6\xaf\xc8\xcb\xbf\xda"; // 流动人口 in GBK

    #[test]
    fn where_text_stops_being_valid() {
        let utf8 = "{\"category\": \"流动人口\"}".as_bytes();
        assert_eq!(valid_prefix(utf8, JUZHU_ENCODING_UTF8), utf8.len());
        // A GBK file handed to the UTF-8 entry point: its first Chinese byte.
        let gbk = [b"{\"category\": \"".as_slice(), FLOATING_GB, b"\"}"].concat();
        assert_eq!(valid_prefix(&gbk, JUZHU_ENCODING_UTF8), 14);
        assert_eq!(valid_prefix(&gbk, JUZHU_ENCODING_GB18030), gbk.len());
        // A four-byte GB18030 sequence (U+20AC's neighbours are two bytes; U+0080 is four).
        let four = encoding_rs::GB18030.encode("\u{80}x").0.into_owned();
        assert_eq!(four.len(), 5);
        assert_eq!(valid_prefix(&four, JUZHU_ENCODING_GB18030), 5);
        // A bad byte after two good characters; a lead byte cut off at the end.
        assert_eq!(valid_prefix(&[FLOATING_GB, b"\xff"].concat(), JUZHU_ENCODING_GB18030), 8);
        assert_eq!(valid_prefix(&[b"ab".as_slice(), b"\xc1"].concat(), JUZHU_ENCODING_GB18030), 2);
        assert_eq!(valid_prefix(&[b"ab".as_slice(), b"\xe6\xb5"].concat(), JUZHU_ENCODING_UTF8), 2);
        assert_eq!(valid_prefix(b"", JUZHU_ENCODING_GB18030), 0);
    }

    proptest::proptest! {
        /// The valid prefix is what decoding accepts: all of a text that decodes, and of one that
        /// does not, the longest prefix that decodes.
        #[test]
        fn the_valid_prefix_is_what_decoding_accepts(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                proptest::num::u8::ANY,
                proptest::sample::select(FLOATING_GB.to_vec()),
                proptest::sample::select(b"{}\":ab ".to_vec()),
            ], 0..40),
            gb in proptest::bool::ANY,
        ) {
            let encoding = if gb { JUZHU_ENCODING_GB18030 } else { JUZHU_ENCODING_UTF8 };
            let n = valid_prefix(&bytes, encoding);
            proptest::prop_assert!(n <= bytes.len());
            proptest::prop_assert!(decode(&bytes[..n], encoding).is_some());
            proptest::prop_assert_eq!(n == bytes.len(), decode(&bytes, encoding).is_some());
            // And no longer prefix decodes: the text goes wrong at byte `n`, not later.
            for m in n + 1..=bytes.len() {
                proptest::prop_assert!(decode(&bytes[..m], encoding).is_none(), "{} decodes", m);
            }
        }
    }
}
