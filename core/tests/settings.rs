//! `Case::from_json_with`: settings made in a case's JSON before it is read (the command line's
//! `--set`), read with the same checks as the text.

use juzhu::{Case, RuleSet};
use rstest::rstest;
use serde_json::{json, Value};

const CASE: &str = r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28"}}"#;

fn with(text: &str, settings: &[(&str, Value)]) -> Result<Value, juzhu::CaseError> {
    let case = Case::from_json_with(text, RuleSet::default(), settings)?;
    juzhu::assess(&case).map(|a| a.to_value())
}

#[test]
fn a_case_built_from_settings_alone_is_the_case_written_out() {
    let built = with(
        "{}",
        &[
            ("as_of", json!("2024-10-02")),
            ("person.category", json!("floating")),
            ("person.arrival_date", json!("2024-09-28")),
        ],
    )
    .unwrap();
    assert_eq!(built, with(CASE, &[]).unwrap());
}

#[test]
fn a_setting_replaces_the_value_in_place() {
    let a = with(CASE, &[("person.arrival_date", json!("2024-06-03"))]).unwrap();
    assert_eq!(a["registration"]["deadline"], "2024-06-11");
    // The last setting of a path wins, as a later one overrides a file.
    let a = with(CASE, &[("as_of", json!("2024-10-09")), ("as_of", json!("2024-10-03"))]).unwrap();
    assert_eq!(a["as_of"], "2024-10-03");
    // Objects are made on the way; null is absent.
    let a = with(CASE, &[("person.permit.issued_on", json!("2024-09-30")), ("person.permit.validity_years", json!(1))])
        .unwrap();
    assert_eq!(a["permit"]["expires_on"], "2025-09-30");
    let a = with(CASE, &[("person.arrival_date", Value::Null)]);
    assert_eq!(a.unwrap_err().field(), "person.arrival_date");
}

#[rstest]
#[case::bad_date("person.arrival_date", json!("2024-09-31"), "person.arrival_date")]
#[case::unknown_field("person.arival_date", json!("2024-09-28"), "person.arival_date")]
#[case::empty_part("person..arrival_date", json!("2024-09-28"), "person")]
#[case::empty_path("", json!(1), "")]
#[case::through_a_value("person.category.kind", json!("x"), "person.category")]
#[case::wrong_kind("person.studying", json!("yes"), "person.studying")]
fn a_bad_setting_is_refused_naming_its_path(#[case] path: &str, #[case] value: Value, #[case] field: &str) {
    let e = with(CASE, &[(path, value)]).unwrap_err();
    assert_eq!(e.field(), field, "{e}");
    assert!(!e.message_zh().is_empty());
}

#[test]
fn a_key_the_text_gives_twice_is_still_refused() {
    let twice =
        r#"{"as_of":"2024-10-02","as_of":"2024-10-03","person":{"category":"floating","arrival_date":"2024-09-28"}}"#;
    let e = with(twice, &[("as_of", json!("2024-10-04"))]).unwrap_err();
    assert_eq!((e.field(), e.message()), ("as_of", "appears more than once"));
}

#[test]
fn a_setting_never_shows_a_whole_identity_number() {
    let id = "11010519491231002X";
    let e = with(CASE, &[(&format!("person.{id}.x"), json!(1))]).unwrap_err();
    assert!(!e.to_string().contains(id) && !e.message_zh().contains(id), "{e}");
}
