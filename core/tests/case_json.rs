//! `Case::to_value` writes the case the reader reads: every accepted case of the shared corpus
//! and of `examples/cases` comes back as the same case (and the same answer) from what it wrote,
//! and a case with every field set writes every field the rule set declares — a field added to
//! a rule set without its writer fails here.

mod common;

use common::corpus::{files_under, repo, shared_cases};
use juzhu::{Case, RuleSet, Word};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Reads `text`, writes it, reads that back: the same case, the same answer, the rule set named.
fn round_trip(name: &str, text: &str) -> bool {
    let Ok(case) = Case::from_json(text) else { return false };
    let written = case.to_value();
    assert_eq!(written["policy"]["rule_set"], case.rule_set().id(), "{name}");
    let back =
        Case::from_value(&written).unwrap_or_else(|e| panic!("{name}: what it wrote is refused: {e}\n{written}"));
    assert_eq!(back, case, "{name}: written as {written}");
    assert_eq!(Case::from_json(&case.to_json()).unwrap(), case, "{name}");
    // Read under another default rule set, the written case still names its own.
    for rs in RuleSet::ALL {
        assert_eq!(Case::from_value_in(&written, *rs).unwrap(), case, "{name} under {}", rs.id());
    }
    assert_eq!(juzhu::assess(&back).map(|a| a.to_value()), juzhu::assess(&case).map(|a| a.to_value()), "{name}");
    true
}

#[test]
fn every_accepted_case_comes_back_from_what_it_writes() {
    let mut read = 0;
    for (name, case) in shared_cases() {
        read += usize::from(round_trip(&name, &case["input"].to_string()));
    }
    for (path, text) in files_under(&repo().join("examples/cases"), "json") {
        let value: Value = serde_json::from_str(&text).unwrap();
        let input = value.get("input").unwrap_or(&value).to_string();
        read += usize::from(round_trip(&path.display().to_string(), &input));
    }
    assert!(read >= 40, "only {read} cases read");
}

/// Every path of `v` below `prefix`: objects by key, lists of objects by their items' keys (no
/// index, as fields are declared).
fn paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    let join = |k: &str| if prefix.is_empty() { k.to_owned() } else { format!("{prefix}.{k}") };
    match v {
        Value::Object(map) => {
            for (k, item) in map {
                let path = join(k);
                out.insert(path.clone());
                paths(item, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items.iter().filter(|i| i.is_object()) {
                paths(item, prefix, out);
            }
        }
        _ => {}
    }
}

/// The paths a rule set declares: the envelope's and its own.
fn declared(rs: RuleSet) -> BTreeSet<String> {
    juzhu::case::ENVELOPE.iter().chain(rs.fields()).map(|f| f.path.to_owned()).collect()
}

#[test]
fn a_case_with_every_field_set_writes_every_declared_field() {
    let policy = json!({"rule_set": "liaoning-2013", "day_counting": "working_days", "age": "on_birthday"});
    let person = json!({
        "as_of": "2024-10-02", "policy": policy,
        "person": {
            "category": "lodging", "overseas": false, "hukou_region": "210102", "residence_region": "210203",
            "living_at_hukou": true, "id_number": common::corpus::valid_id("21010219900307123"),
            "birth_date": "1990-03-07", "arrival_date": "2024-09-28", "planned_departure": "2025-09-28",
            "accommodation": "hotel", "studying": true, "wants_permit": true, "registered_on": "2024-09-29",
            "permit_applied_on": "2024-09-29",
            "permit": {"issued_on": "2024-09-30", "validity_years": 2, "extension_applied_on": "2024-10-01"},
            "changes": [{"changed_on": "2024-09-30", "reported_on": "2024-10-01"}],
            "correction_deadline": "2024-10-01",
            "household_events": [{"kind": "death", "on": "2024-09-20", "area": "rural", "reported_on": "2024-09-25",
                                   "reported_by": "relative", "burial_on": "2024-09-22"}],
            "overseas_kind": "taiwan", "arrival_time": "09:30", "area": "rural"
        }
    });
    let reporter = json!({
        "as_of": "2024-10-02",
        "reporter": {"kind": "landlord", "registered_on": "2024-09-20", "reported_on": "2024-09-30", "false_reports": 1,
                     "concealed": 2, "correction_deadline": "2024-10-01", "corrected_on": "2024-10-01"}
    });
    let china = json!({
        "as_of": "2024-10-02",
        "policy": {"rule_set": "china-2016", "day_counting": "calendar", "age": "on_birthday", "issuance_days": 20,
                   "city_urban_population": 3_000_000},
        "person": {
            "hukou_region": "110105", "residence_region": "210102", "other_city": true, "overseas": true,
            "id_number": common::corpus::valid_id("11010519900307123"), "birth_date": "1990-03-07",
            "residing_since": "2020-01-01", "stable_employment": true, "stable_housing": true,
            "continuous_study": true, "limited_mobility": true, "permit_applied_on": "2020-08-01",
            "permit": {"issued_on": "2020-08-20", "endorsed_on": ["2021-08-01", "2022-08-01"]},
            "conduct": ["false_documents"]
        }
    });
    // A permit issued before 2016 gives its validity (valid_until is refused on a later one).
    let legacy = json!({
        "as_of": "2016-02-01", "policy": {"rule_set": "china-2016"},
        "person": {"residing_since": "2014-01-01", "other_city": true,
                   "permit": {"issued_on": "2014-07-01", "valid_until": "2017-06-30"}}
    });
    for (rs, cases) in [(RuleSet::Liaoning2013, vec![person, reporter]), (RuleSet::China2016, vec![china, legacy])] {
        let mut written = BTreeSet::new();
        for case in cases {
            // Read from the value (a reader of values, not of text): the written paths are the
            // input's, whether or not the case would be assessed.
            let read = Case::from_value(&case).unwrap_or_else(|e| panic!("{}: {e}", rs.id()));
            let value = read.to_value();
            assert_eq!(Case::from_value(&value).unwrap(), read);
            paths(&value, "", &mut written);
        }
        // `person` is declared by its fields (`reporter` by itself too: a case may be one).
        let declared: BTreeSet<String> = declared(rs).into_iter().chain(["person".to_owned()]).collect();
        let unwritten: Vec<_> = declared.difference(&written).collect();
        let undeclared: Vec<_> = written.difference(&declared).collect();
        assert!(
            unwritten.is_empty() && undeclared.is_empty(),
            "{}: never written {unwritten:?}, not declared {undeclared:?}",
            rs.id()
        );
    }
}

/// What is written is the contract's form: ISO dates, words by id, regions as text, the identity
/// number whole (the case holds it so), defaults of the policy spelt out, absent values left out.
#[test]
fn the_written_case_is_the_contracts_form() {
    let id = common::corpus::valid_id("21010219900307123");
    let text = format!(
        r#"{{"as_of":"2024-10-02","person":{{"hukou_region":110105,"residence_region":"210102","id_number":"{id}",
            "arrival_date":"2024-09-28","planned_departure":null,"studying":false,"changes":[]}}}}"#
    );
    let case = Case::from_json(&text).unwrap();
    assert_eq!(
        case.to_value(),
        json!({
            "as_of": "2024-10-02",
            "policy": {"rule_set": "liaoning-2013", "day_counting": "civil_code", "age": "day_after_birthday"},
            "person": {"hukou_region": "110105", "residence_region": "210102", "id_number": id,
                       "arrival_date": "2024-09-28"}
        })
    );
    // The debug form still masks it.
    assert!(!format!("{case:?}").contains(&id));
}
