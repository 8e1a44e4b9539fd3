//! The C JSON entry points (UTF-8 and GB18030) through their raw-pointer interface.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::ffi::c_char;

#[path = "ffi.rs"]
mod c;

fuzz_target!(|data: &[u8]| {
    for gb in [false, true] {
        let mut out: *mut c_char = std::ptr::null_mut();
        let mut len = 0usize;
        // SAFETY: `data` is a live buffer of `data.len()` bytes; out pointers are locals.
        let status = unsafe {
            if gb {
                c::juzhu_assess_json_gb18030(data.as_ptr().cast(), data.len(), &mut out, &mut len)
            } else {
                c::juzhu_assess_json(data.as_ptr().cast(), data.len(), &mut out, &mut len)
            }
        };
        match status {
            c::juzhu_status::Ok | c::juzhu_status::InvalidInput => {
                assert!(!out.is_null());
                // SAFETY: the library returned a NUL-terminated buffer of `len` bytes.
                let bytes = unsafe { std::slice::from_raw_parts(out.cast::<u8>(), len) };
                assert!(!bytes.contains(&0));
                // SAFETY: `out` came from the library and is freed once.
                unsafe { c::juzhu_string_free(out) };
            }
            c::juzhu_status::InvalidEncoding => assert!(out.is_null()),
            other => panic!("unexpected status {other:?}"),
        }
        // Refused for its encoding exactly when some byte is not valid, which is then found.
        let mut valid = usize::MAX;
        let encoding = if gb { c::JUZHU_ENCODING_GB18030 } else { c::JUZHU_ENCODING_UTF8 };
        // SAFETY: as above; `valid` is a local.
        let found = unsafe { c::juzhu_valid_up_to(encoding, data.as_ptr().cast(), data.len(), &mut valid) };
        assert_eq!(found, c::juzhu_status::Ok);
        assert_eq!(valid < data.len(), status == c::juzhu_status::InvalidEncoding, "valid up to {valid}");
    }
});
