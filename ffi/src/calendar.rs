//! Calendar handles: caller-supplied rest days and working days.

use super::json::{JUZHU_ENCODING_GB18030, JUZHU_ENCODING_UTF8};
use super::structs::{date_from_yyyymmdd, juzhu_error, write_error};
use super::{guard, guard_or, juzhu_status};
use juzhu_core::Calendar;
use std::ffi::c_char;

/// An immutable calendar (opaque). Made by `juzhu_calendar_from_json`, released by
/// `juzhu_calendar_free`; may be shared between threads.
pub struct juzhu_calendar {
    pub(crate) inner: Calendar,
}

/// Loads a calendar from JSON (UTF-8 or GB18030, per `encoding`):
/// `{"base": "china"|"none", "years": {"2027": {"rest_days": [...], "working_days": [...],
/// "source": "..."}}}`. A listed year replaces that year of the base whole: its rest days are
/// its weekends (less its `working_days`) and its `rest_days`, and none of the base's holidays
/// for that year remain, so list the year's official holidays too when adding a local one
/// (`juzhu calendar YEAR --json` prints them); years not listed stay the base's. `base` left out
/// is `"china"` (`{}` is the embedded calendar). A listed year is *known* however few days it
/// lists — `{"years": {"2027": {}}}` says 2027 has no holidays at all, and deadlines in it are no
/// longer marked provisional — so list a year only with its notice's days. On
/// `JUZHU_STATUS_OK`, `*out`
/// receives a new handle (free it with `juzhu_calendar_free`). On `JUZHU_STATUS_INVALID_INPUT`,
/// `*error` (if not NULL) names the field and the reason, in English (no policy is read before the
/// calendar; `juzhu_calendar_from_json`'s errors are few: see the format above), and `*out` is
/// untouched.
///
/// # Safety
/// `json` must point to `len` readable bytes; `out` to writable storage; `error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn juzhu_calendar_from_json(
    json: *const c_char,
    len: usize,
    encoding: u32,
    out: *mut *mut juzhu_calendar,
    error: *mut juzhu_error,
) -> juzhu_status {
    guard(|| {
        if json.is_null() || out.is_null() {
            return juzhu_status::NullArgument;
        }
        if len > isize::MAX as usize || encoding > JUZHU_ENCODING_GB18030 {
            return juzhu_status::InvalidArgument;
        }
        // SAFETY: non-NULL, `len` readable bytes (contract), len checked against isize::MAX.
        let bytes = super::without_terminator(unsafe { std::slice::from_raw_parts(json.cast::<u8>(), len) });
        let text = if encoding == JUZHU_ENCODING_UTF8 {
            match std::str::from_utf8(bytes) {
                Ok(t) => std::borrow::Cow::Borrowed(t),
                Err(_) => return juzhu_status::InvalidEncoding,
            }
        } else {
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(t) => t,
                None => return juzhu_status::InvalidEncoding,
            }
        };
        match Calendar::from_json(&text) {
            Ok(inner) => {
                let handle = Box::into_raw(Box::new(juzhu_calendar { inner }));
                // SAFETY: `out` is non-NULL and writable (contract).
                unsafe { *out = handle };
                juzhu_status::Ok
            }
            Err(e) => {
                // SAFETY: `error` is NULL or writable (contract).
                unsafe { write_error(error, &e, juzhu_core::Lang::En) };
                juzhu_status::InvalidInput
            }
        }
    })
}

/// Releases a calendar. NULL is accepted and ignored. The handle must not be in use by another
/// thread at the time, and must not be used afterwards.
///
/// # Safety
/// `cal` must be NULL or a live handle from `juzhu_calendar_from_json`, freed at most once.
#[no_mangle]
pub unsafe extern "C" fn juzhu_calendar_free(cal: *mut juzhu_calendar) {
    guard_or((), || {
        if !cal.is_null() {
            // SAFETY: made by Box::into_raw in juzhu_calendar_from_json and not freed before (contract).
            drop(unsafe { Box::from_raw(cal) });
        }
    });
}

/// Whether `date` (`YYYYMMDD`) is a rest day in `cal` (NULL: the embedded mainland calendar):
/// 1 rest day, 0 working day, -1 not a date of the years the library reads (1900–2199).
///
/// # Safety
/// `cal` must be NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn juzhu_calendar_is_rest_day(cal: *const juzhu_calendar, date: i32) -> i32 {
    guard_or(-1, || {
        let Some(day) = date_from_yyyymmdd(date).filter(|&d| juzhu_core::date::in_input_range(d)) else {
            return -1;
        };
        let c: &Calendar = if cal.is_null() {
            Calendar::china()
        } else {
            // SAFETY: live, immutable handle (contract).
            unsafe { &(*cal).inner }
        };
        i32::from(c.is_rest(day))
    })
}

/// Whether `cal` (NULL: the embedded calendar) has official data for `year`: 1 yes, 0 no (rest
/// days that year are weekends only and deadlines falling in it are marked provisional).
///
/// # Safety
/// `cal` must be NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn juzhu_calendar_has_year(cal: *const juzhu_calendar, year: i32) -> i32 {
    guard_or(0, || {
        let c: &Calendar = if cal.is_null() {
            Calendar::china()
        } else {
            // SAFETY: live, immutable handle (contract).
            unsafe { &(*cal).inner }
        };
        i32::from(c.is_known_year(year))
    })
}
