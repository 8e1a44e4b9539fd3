//! The JSON case reader and the assessment: any bytes are answered or refused with a field-named
//! error in the contract's JSON, never a panic; identity numbers are never echoed whole.
#![no_main]
use libfuzzer_sys::fuzz_target;
use juzhu_core as juzhu;

fuzz_target!(|data: &[u8]| {
    let answer = juzhu::respond_json(data, juzhu::Calendar::china());
    let text = match &answer {
        Ok(t) | Err(t) => t,
    };
    let v: serde_json::Value = serde_json::from_str(text).expect("the answer is JSON");
    match answer {
        Ok(_) => assert!(v.get("rule_set").is_some() && v.get("explanation").is_some()),
        Err(_) => assert!(v["error"]["field"].is_string() && v["error"]["message"].is_string()),
    }
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(case) = juzhu::Case::from_json(s) {
            // The typed path agrees with the JSON path, and Debug never shows an identity number.
            let typed = juzhu::assess(&case).map(|a| a.to_json()).map_err(|e| e.to_json());
            assert_eq!(typed.is_ok(), juzhu::respond_json(data, juzhu::Calendar::china()).is_ok());
            if let juzhu::Case::Liaoning2013(c) = &case {
                if let juzhu::Subject::Person(p) = &c.subject {
                    if let Some(id) = &p.id_number {
                        assert!(!format!("{case:?}").contains(id.expose()));
                    }
                }
            }
        }
    }
});
