//! The C struct entry points with arbitrary field values: person, reporter, batch and explain.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "ffi.rs"]
mod c;

fn take<const N: usize>(data: &mut &[u8]) -> [u8; N] {
    let mut b = [0u8; N];
    let n = N.min(data.len());
    b[..n].copy_from_slice(&data[..n]);
    *data = &data[n..];
    b
}

/// A plausible-or-not date: half the time near 2024, else any integer.
fn date(data: &mut &[u8]) -> i32 {
    let raw = i32::from_le_bytes(take::<4>(data));
    if raw & 1 == 0 {
        let d = (raw >> 1).rem_euclid(4000);
        let (y, m, day) = (2012 + d / 372, 1 + (d / 31) % 12, 1 + d % 31);
        y * 10_000 + m * 100 + day
    } else {
        raw >> 1
    }
}

fn person(data: &mut &[u8]) -> c::juzhu_person {
    let b = take::<13>(data);
    c::juzhu_person {
        hukou_region: if b[8] & 1 == 1 { i64::from_le_bytes(take::<8>(data)) } else { 0 },
        residence_region: if b[8] & 2 == 2 { 210102 } else { 0 },
        birth_date: date(data),
        arrival_date: date(data),
        planned_departure: date(data),
        registered_on: date(data),
        permit_applied_on: date(data),
        permit_issued_on: date(data),
        permit_extension_applied_on: date(data),
        correction_deadline: date(data),
        category: b[0] % 6,
        overseas: b[1] % 3,
        living_at_hukou: b[2] % 3,
        accommodation: b[3] % 8,
        studying: b[4] % 3,
        wants_permit: b[5] % 3,
        permit_validity_years: b[6] % 5,
        reserved: u8::from(b[7] == 255),
        overseas_kind: b[9] % 5,
        area: b[10] % 4,
        // Half the time a real time of day (1–1440), else any value.
        arrival_time: if b[11] & 1 == 0 { 1 + (i16::from_le_bytes([b[11], b[12]]) >> 1).rem_euclid(1440) } else { i16::from_le_bytes([b[11], b[12]]) },
        reserved_tail: [0, 0, 0, u8::from(b[7] == 254)],
        id_number: id_number(b[12], data),
    }
}

/// An identity number field: mostly empty, else a valid number, one with a byte changed, or 24
/// arbitrary bytes (no NUL among them, now and then).
fn id_number(pick: u8, data: &mut &[u8]) -> [std::ffi::c_char; 24] {
    let mut out = [0u8; 24];
    match pick % 8 {
        0 => out[..18].copy_from_slice(b"11010519491231002X"),
        1 => {
            out[..18].copy_from_slice(b"11010519491231002X");
            let [at, to] = take::<2>(data);
            out[usize::from(at) % 18] = to;
        }
        2 => out = take::<24>(data),
        _ => {}
    }
    out.map(|b| b as std::ffi::c_char)
}

fuzz_target!(|input: &[u8]| {
    let mut data = input;
    let head = take::<4>(&mut data);
    let policy = c::juzhu_policy {
        calendar: std::ptr::null(),
        day_counting: head[0] % 5,
        age: head[1] % 4,
        rule_set: head[2] % 3,
        threads: head[3] % 3,
        // 0, JUZHU_FORM_ZH, JUZHU_FORM_EN, or 3 (refused at policy.lang).
        lang: head[0] >> 6,
        reserved: [0; 3],
    };
    let as_of = date(&mut data);
    let people: Vec<c::juzhu_person> = (0..3).map(|_| person(&mut data)).collect();
    let mut err = std::mem::MaybeUninit::<c::juzhu_error>::zeroed();
    // SAFETY: all pointers are to live locals of the right types and lengths.
    unsafe {
        let mut a = std::mem::MaybeUninit::<c::juzhu_assessment>::zeroed();
        let st = c::juzhu_assess_person(&policy, as_of, &people[0], a.as_mut_ptr(), err.as_mut_ptr());
        assert!(matches!(st, c::juzhu_status::Ok | c::juzhu_status::InvalidInput), "{st:?}");
        let mut outs = vec![std::mem::zeroed::<c::juzhu_assessment>(); people.len()];
        let mut errs: Vec<c::juzhu_error> = (0..people.len()).map(|_| std::mem::zeroed()).collect();
        let mut refused = 0usize;
        let st = c::juzhu_assess_batch(&policy, as_of, people.as_ptr(), people.len(), outs.as_mut_ptr(), errs.as_mut_ptr(), &mut refused, err.as_mut_ptr());
        assert!(matches!(st, c::juzhu_status::Ok | c::juzhu_status::InvalidInput), "{st:?}");
        if st == c::juzhu_status::Ok {
            assert_eq!(refused, outs.iter().filter(|o| o.status != 0).count());
        }
        let mut text: *mut std::ffi::c_char = std::ptr::null_mut();
        let mut len = 0usize;
        let st = c::juzhu_explain_person(&policy, as_of, &people[1], 1 + u32::from(head[0] & 1), &mut text, &mut len, err.as_mut_ptr());
        assert!(matches!(st, c::juzhu_status::Ok | c::juzhu_status::InvalidInput), "{st:?}");
        c::juzhu_string_free(text);
        let r = take::<11>(&mut data);
        let reporter = c::juzhu_reporter {
            registered_on: date(&mut data),
            reported_on: date(&mut data),
            correction_deadline: date(&mut data),
            corrected_on: date(&mut data),
            false_reports: u32::from_le_bytes([r[0], r[1], r[2], r[3]]),
            concealed: u32::from_le_bytes([r[4], r[5], r[6], r[7]]),
            kind: r[8] % 11,
            reserved: [0, 0, u8::from(r[9] == 255)],
        };
        let mut ra = std::mem::MaybeUninit::<c::juzhu_report_assessment>::zeroed();
        let st = c::juzhu_assess_reporter(&policy, as_of, &reporter, ra.as_mut_ptr(), err.as_mut_ptr());
        assert!(matches!(st, c::juzhu_status::Ok | c::juzhu_status::InvalidInput), "{st:?}");
    }
});
