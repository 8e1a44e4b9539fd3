//! The rules of RULES.md, article by article, as tables.

mod common;

use common::*;
use rstest::rstest;
use serde_json::{json, Value};

// ---------------------------------------------------------------- Art 24: categories (§1)

#[rstest]
#[case::hukou_beijing(json!({"hukou_region": "110105", "residence_region": "210102"}), "floating")]
#[case::hukou_shenyang_at_home(json!({"hukou_region": "210102", "living_at_hukou": true}), "permanent")]
#[case::hukou_dalian_elsewhere(json!({"hukou_region": "210202", "residence_region": "210102"}), "lodging")]
#[case::overseas_wins(json!({"overseas": true, "hukou_region": "210102"}), "overseas")]
#[case::long_code(json!({"hukou_region": "110105001001"}), "floating")]
#[case::numeric_code(json!({"hukou_region": 210202}), "lodging")]
fn category_is_derived_from_division_codes(#[case] fields: Value, #[case] expected: &str) {
    let mut p = json!({"birth_date": "1990-05-01", "arrival_date": "2024-05-01"});
    merge(&mut p, fields);
    let a = assess(json!({"as_of": "2024-06-01", "person": p}));
    assert_eq!(a["category"], expected);
    assert_eq!(a["category_source"], "derived");
    assert_eq!(a["explanation"][0]["basis"], "art24");
}

#[rstest]
#[case::residence_outside(json!({"category": "floating", "residence_region": "110105"}), "person.residence_region")]
#[case::no_category_no_hukou(json!({"residence_region": "210102"}), "person.category")]
#[case::short_code(json!({"hukou_region": "2101"}), "person.hukou_region")]
#[case::letters(json!({"hukou_region": "21A102"}), "person.hukou_region")]
fn category_derivation_refusals(#[case] fields: Value, #[case] field: &str) {
    let mut p = json!({"arrival_date": "2024-05-01"});
    merge(&mut p, fields);
    assert_eq!(refuse(json!({"as_of": "2024-06-01", "person": p})).field(), field);
}

#[test]
fn given_category_wins_over_codes() {
    let a = assess(floating("2024-06-01", "2024-05-01", json!({"hukou_region": "210102", "living_at_hukou": true})));
    assert_eq!(a["category"], "floating");
    assert_eq!(a["category_source"], "given");
}

// ------------------------------------------------- Art 9, 10 p1: the 1-month trigger (§2)

#[rstest]
#[case::open_ended("2024-01-31", None, true)]
#[case::leap_month_end_short("2024-01-31", Some("2024-02-28"), false)]
#[case::leap_month_end_exact("2024-01-31", Some("2024-02-29"), true)]
#[case::common_month_end_exact("2023-01-31", Some("2023-02-28"), true)]
#[case::one_day_short("2024-05-15", Some("2024-06-14"), false)]
#[case::exactly_a_month("2024-05-15", Some("2024-06-15"), true)]
#[case::same_day("2024-05-15", Some("2024-05-15"), false)]
fn one_month_or_more_triggers(#[case] arrival: &str, #[case] departure: Option<&str>, #[case] required: bool) {
    for category in ["floating", "lodging"] {
        let a = assess(person("2024-06-20", category, arrival, json!({"planned_departure": departure})));
        assert_eq!(a["registration"]["required"], required, "{category} {arrival} {departure:?}");
        let status = if required { "overdue" } else { "not_required" };
        assert_eq!(a["registration"]["status"], status);
    }
}

#[rstest]
#[case::floating("floating", "residence_registration", "art10.p1")]
#[case::lodging("lodging", "lodging_registration", "art9")]
fn registration_kind_follows_category(#[case] category: &str, #[case] kind: &str, #[case] basis: &str) {
    let a = assess(person("2024-06-05", category, "2024-06-03", json!({})));
    assert_eq!(a["registration"]["kind"], kind);
    assert_eq!(a["registration"]["duty_holder"], "self");
    assert_eq!(a["registration"]["basis"], json!([basis]));
}

#[rstest]
#[case::permanent("permanent", "art24")]
#[case::overseas("overseas", "art25")]
fn not_concerned(#[case] category: &str, #[case] basis: &str) {
    let a = assess(person("2024-06-05", category, "2024-06-03", json!({})));
    assert_eq!(a["registration"]["required"], false);
    assert_eq!(a["registration"]["basis"], json!([basis]));
    assert_eq!(a["permit"]["status"], "not_applicable");
    assert_eq!(a["entitlements"], json!([]));
}

// ---------------------------------------------------- Art 11: institutions register (§2)

#[rstest]
#[case::hotel("hotel", "hotel", "art11.p1.i1")]
#[case::hospital("hospital", "hospital", "art11.p1.i2")]
#[case::school("school", "school", "art11.p1.i3")]
#[case::training("training", "training_institution", "art11.p1.i3")]
#[case::relief("relief_station", "relief_station", "art11.p1.i4")]
fn institutions_register_their_residents(#[case] accommodation: &str, #[case] holder: &str, #[case] item: &str) {
    for (category, kind, i5) in
        [("floating", "residence_registration", false), ("lodging", "lodging_registration", true)]
    {
        let a = assess(person("2024-06-20", category, "2024-06-01", json!({"accommodation": accommodation})));
        let r = &a["registration"];
        assert_eq!(r["required"], true);
        assert_eq!(r["kind"], kind, "kind follows the category");
        assert_eq!(r["duty_holder"], holder);
        assert_eq!(r["deadline"], Value::Null);
        assert_eq!(r["status"], "institution");
        assert!(r["basis"].as_array().unwrap().contains(&json!(item)));
        assert_eq!(has_interp(&a, "I5"), i5);
        assert_eq!(a["consequence"], "none");
    }
}

#[test]
fn a_short_hotel_stay_has_nothing_to_register() {
    let a = assess(floating(
        "2024-06-05",
        "2024-06-01",
        json!({"accommodation": "hotel", "planned_departure": "2024-06-14"}),
    ));
    assert_eq!(a["registration"]["status"], "not_required");
    assert_eq!(a["permit"]["status"], "not_applicable");
}

// ------------------------------------------------ Day counting (§6, I1) and I7 (§7)

#[rstest]
// Saturday arrival, day 7 in the National Day holiday.
#[case::national_day("2024-09-28", "civil_code", "2024-10-08")]
#[case::national_day_calendar("2024-09-28", "calendar", "2024-10-05")]
// Working days after 28 Sep 2024: 29 (make-up Sunday), 30, 8, 9, 10, 11, 12 (make-up Saturday).
#[case::national_day_working("2024-09-28", "working_days", "2024-10-12")]
// Day 7 is a Saturday; Sunday rests; Monday 10 June is the Dragon Boat holiday.
#[case::weekend_then_holiday("2024-06-01", "civil_code", "2024-06-11")]
// Day 7 inside the Spring Festival; the first working day is Sunday 18 Feb (make-up day).
#[case::spring_festival_makeup_sunday("2024-02-05", "civil_code", "2024-02-18")]
// Day 7 is an ordinary Wednesday.
#[case::ordinary_weekday("2024-03-06", "civil_code", "2024-03-13")]
// Day 7 is a Sunday.
#[case::sunday("2024-03-03", "civil_code", "2024-03-11")]
fn seven_days_counted_per_policy(#[case] arrival: &str, #[case] counting: &str, #[case] due: &str) {
    let a = assess(with_policy(floating("2024-02-01", arrival, json!({})), json!({"day_counting": counting})));
    assert_eq!(a["registration"]["deadline"], due);
    assert_eq!(a["permit"]["deadline"], due, "I2: same deadline");
    assert!(has_interp(&a, "I1") && has_interp(&a, "I2"));
    assert_eq!(a["calendar_provisional"], false);
}

#[rstest]
#[case::beyond_embedded_years("2027-03-01", "civil_code", "2027-03-08", true)]
#[case::far_future_weekend("2030-03-02", "civil_code", "2030-03-11", true)]
#[case::calendar_counting_needs_no_calendar("2030-03-02", "calendar", "2030-03-09", false)]
#[case::working_days_provisional("2030-03-04", "working_days", "2030-03-13", true)]
#[case::before_embedded_years_is_impossible("2026-12-20", "civil_code", "2026-12-28", false)]
fn provisional_calendar_is_flagged(
    #[case] arrival: &str,
    #[case] counting: &str,
    #[case] due: &str,
    #[case] provisional: bool,
) {
    let a = assess(with_policy(floating("2026-11-24", arrival, json!({})), json!({"day_counting": counting})));
    assert_eq!(a["registration"]["deadline"], due);
    assert_eq!(a["calendar_provisional"], provisional);
}

#[test]
fn arrival_before_the_measures_counts_from_entry_into_force() {
    // 7 days from 2013-04-01 end Monday 8 Apr (Sunday 7 Apr was a make-up working day anyway).
    let a = assess(floating("2013-04-05", "2013-03-20", json!({})));
    assert_eq!(a["registration"]["deadline"], "2013-04-08");
    assert_eq!(a["registration"]["status"], "pending");
    assert!(has_interp(&a, "I7"));
    let a = assess(floating("2013-04-05", "2013-04-01", json!({})));
    assert!(!has_interp(&a, "I7"));
}

// ------------------------------------------------ Status words and time travel (§10)

#[rstest]
#[case::done_early("2024-06-20", Some("2024-06-04"), "done")]
#[case::done_on_deadline("2024-06-20", Some("2024-06-11"), "done")]
#[case::late("2024-06-20", Some("2024-06-12"), "late")]
#[case::pending("2024-06-11", None, "pending")]
#[case::overdue("2024-06-12", None, "overdue")]
#[case::future_registration_not_yet("2024-06-05", Some("2024-06-10"), "pending")]
#[case::future_registration_overdue("2024-06-12", Some("2024-06-13"), "overdue")]
fn registration_status(#[case] as_of: &str, #[case] registered: Option<&str>, #[case] status: &str) {
    // Arrival Mon 3 Jun 2024: day 7 is Mon 10 Jun, Dragon Boat holiday: due 11 Jun.
    let a = assess(person(as_of, "lodging", "2024-06-03", json!({"registered_on": registered})));
    assert_eq!(a["registration"]["deadline"], "2024-06-11");
    assert_eq!(a["registration"]["status"], status);
}

#[test]
fn a_planned_arrival_is_pending() {
    let a = assess(floating("2024-06-01", "2024-07-01", json!({})));
    assert_eq!(a["registration"]["deadline"], "2024-07-08");
    assert_eq!(a["registration"]["status"], "pending");
}

// ---------------------------------------------- Art 10 p2 and I3: exemptions (§3)

#[rstest]
// Born 10 Oct 2008: 16 full years on 11 Oct 2024 (day after the birthday), or 10 Oct (on it).
#[case::still_under_16("2024-10-10", "day_after_birthday", "optional", Some("under_16"), "2024-10-11", None)]
#[case::turned_16("2024-10-20", "day_after_birthday", "required", None, "2024-10-11", Some("2024-10-18"))]
#[case::on_birthday_convention("2024-10-10", "on_birthday", "required", None, "2024-10-10", Some("2024-10-17"))]
fn under_16_exemption_ends_on_reaching_16(
    #[case] as_of: &str,
    #[case] age: &str,
    #[case] status: &str,
    #[case] exemption: Option<&str>,
    #[case] reaches: &str,
    #[case] deadline: Option<&str>,
) {
    let case = floating(as_of, "2024-09-01", json!({"birth_date": "2008-10-10", "registered_on": "2024-09-02"}));
    let a = assess(with_policy(case, json!({"age": age})));
    let p = &a["permit"];
    assert_eq!(p["status"], status);
    assert_eq!(p["exemption"], json!(exemption));
    assert_eq!(p["reaches_16_on"], reaches);
    assert_eq!(p["deadline"], json!(deadline));
    assert!(has_interp(&a, "I3"));
}

#[test]
fn leap_day_birthdays() {
    // Born 29 Feb 2008: reaches 16 full years on 1 Mar 2024.
    let a = assess(floating("2024-02-20", "2024-01-10", json!({"birth_date": "2008-02-29"})));
    assert_eq!(a["permit"]["reaches_16_on"], "2024-03-01");
    let a = assess(floating("2024-03-05", "2024-01-10", json!({"birth_date": "2008-02-29"})));
    assert_eq!(a["permit"]["status"], "required");
    assert_eq!(a["permit"]["deadline"], "2024-03-08");
    // Born 29 Feb 2012: the 16th anniversary in 2028 is 29 Feb (leap); but for age 16 in a
    // common year, born 29 Feb 2009 does not exist — use 2010-02-28 as control.
    let a = assess(floating("2025-01-01", "2024-12-01", json!({"birth_date": "2012-02-29"})));
    assert_eq!(a["permit"]["reaches_16_on"], "2028-03-01");
    let a = assess(with_policy(
        floating("2025-01-01", "2024-12-01", json!({"birth_date": "2012-02-29"})),
        json!({"age": "on_birthday"}),
    ));
    assert_eq!(a["permit"]["reaches_16_on"], "2028-02-29");
}

#[rstest]
// Born 2008-06-10: 16 full years on 2024-06-11. Leaving that very day, the person never lives
// here as a 16-year-old; leaving a day later, the exemption ends during the stay (I3).
#[case::leaves_on_reaching_16("2024-06-11", "optional", "not_required")]
#[case::leaves_the_day_after("2024-06-12", "required", "overdue")]
fn reaching_16_on_the_departure_day(#[case] departure: &str, #[case] status: &str, #[case] application: &str) {
    let a = assess(floating(
        "2024-06-30",
        "2024-03-01",
        json!({"birth_date": "2008-06-10", "planned_departure": departure}),
    ));
    assert_eq!(a["permit"]["reaches_16_on"], "2024-06-11");
    assert_eq!(a["permit"]["status"], status);
    assert_eq!(a["permit"]["application_status"], application);
}

#[test]
fn leaving_before_16_keeps_the_exemption() {
    let a = assess(floating(
        "2024-10-20",
        "2024-09-01",
        json!({"birth_date": "2008-10-10", "planned_departure": "2024-10-05"}),
    ));
    assert_eq!(a["permit"]["status"], "optional");
    assert_eq!(a["permit"]["exemption"], "under_16");
    assert_eq!(a["permit"]["reaches_16_on"], "2024-10-11");
}

#[rstest]
#[case::adult_student("1999-01-01", false)]
#[case::child_student("2012-01-01", true)]
fn students_are_exempt_as_students(#[case] birth: &str, #[case] under_16: bool) {
    let a = assess(floating("2024-09-05", "2024-09-01", json!({"birth_date": birth, "studying": true})));
    // I3 decides a student under 16: exempt as a student, with no end date at 16.
    assert_eq!(has_interp(&a, "I3"), under_16);
    assert_eq!(a["permit"]["status"], "optional");
    assert_eq!(a["permit"]["exemption"], "student");
    assert_eq!(a["permit"]["reaches_16_on"], Value::Null);
    assert_eq!(a["permit"]["deadline"], Value::Null);
    assert_eq!(a["permit"]["application_status"], "not_required");
}

#[rstest]
#[case::applied(json!({"permit_applied_on": "2024-09-03"}), "done")]
#[case::applied_in_future(json!({"permit_applied_on": "2024-09-30"}), "not_required")]
#[case::held(json!({"permit": {"issued_on": "2024-09-04", "validity_years": 1}}), "done")]
#[case::only_wanting(json!({"wants_permit": true}), "not_required")]
fn voluntary_applications(#[case] extra: Value, #[case] status: &str) {
    let mut fields = json!({"studying": true});
    merge(&mut fields, extra);
    let a = assess(floating("2024-09-05", "2024-09-01", fields));
    assert_eq!(a["permit"]["status"], "optional");
    assert_eq!(a["permit"]["application_status"], status);
}

#[rstest]
#[case::student_boarder(json!({"accommodation": "school", "studying": true}))]
#[case::child_in_hospital(json!({"accommodation": "hospital", "birth_date": "2015-01-01"}))]
#[case::wants_one_at_hotel(json!({"accommodation": "hotel", "wants_permit": true}))]
fn art11_residents_get_no_permit(#[case] extra: Value) {
    let a = assess(floating("2024-09-05", "2024-09-01", extra));
    let p = &a["permit"];
    assert_eq!(p["status"], "not_issued");
    assert_eq!(p["exemption"], Value::Null);
    assert_eq!(p["reaches_16_on"], Value::Null);
    assert_eq!(p["application_status"], "not_required");
    assert!(has_interp(&a, "I4"));
}

#[rstest]
#[case::lodging("lodging", "2024-06-01", None)]
#[case::short_stay("floating", "2024-06-01", Some("2024-06-20"))]
fn permit_not_applicable(#[case] category: &str, #[case] arrival: &str, #[case] departure: Option<&str>) {
    let a = assess(person("2024-06-05", category, arrival, json!({"planned_departure": departure})));
    assert_eq!(a["permit"]["status"], "not_applicable");
    assert_eq!(a["permit"]["deadline"], Value::Null);
    assert_eq!(a["permit"]["fee_yuan"], 0);
}

#[rstest]
#[case::applied_on_time(json!({"permit_applied_on": "2024-03-12"}), "done")]
#[case::applied_late(json!({"permit_applied_on": "2024-03-20"}), "late")]
#[case::held_without_date(json!({"permit": {"issued_on": "2024-03-25", "validity_years": 1}}), "done")]
#[case::not_applied(json!({}), "overdue")]
fn required_application_status(#[case] extra: Value, #[case] status: &str) {
    let a = assess(floating("2024-04-01", "2024-03-06", extra));
    assert_eq!(a["permit"]["deadline"], "2024-03-13");
    assert_eq!(a["permit"]["application_status"], status);
}

// ------------------------------------------ Art 13 p2: validity and extension (I6)

#[rstest]
#[case::one_year("2023-03-20", 1, "2024-03-20", "2024-02-19")]
#[case::two_years("2023-03-20", 2, "2025-03-20", "2025-02-18")]
#[case::three_years("2023-03-20", 3, "2026-03-20", "2026-02-18")]
#[case::leap_day_issue("2024-02-29", 1, "2025-02-28", "2025-01-29")]
#[case::leap_day_issue_four("2024-02-29", 3, "2027-02-28", "2027-01-29")]
fn expiry_and_extension_deadline(
    #[case] issued: &str,
    #[case] years: u8,
    #[case] expires: &str,
    #[case] extend_by: &str,
) {
    let a =
        assess(floating("2024-03-01", "2023-03-01", json!({"permit": {"issued_on": issued, "validity_years": years}})));
    assert_eq!(a["permit"]["expires_on"], expires);
    assert_eq!(a["permit"]["extension_deadline"], extend_by);
    assert!(has_interp(&a, "I6"));
}

#[rstest]
// 2-year permit issued 2023-03-20: expires 2025-03-20; extension due by 2025-02-18 (a working
// Tuesday, never rolled anyway).
#[case::valid_pending("2024-06-20", None, true, "pending")]
#[case::valid_done("2025-02-10", Some("2025-02-01"), true, "done")]
#[case::valid_late("2025-03-01", Some("2025-02-25"), true, "late")]
#[case::valid_missed("2025-03-01", None, true, "missed")]
#[case::last_valid_day("2025-03-20", None, true, "missed")]
#[case::expired("2025-03-21", None, false, "missed")]
#[case::future_extension_not_yet("2025-02-10", Some("2025-02-15"), true, "pending")]
fn validity_and_extension_status(
    #[case] as_of: &str,
    #[case] applied: Option<&str>,
    #[case] valid: bool,
    #[case] status: &str,
) {
    let a = assess(floating(
        as_of,
        "2023-03-01",
        json!({"permit": {"issued_on": "2023-03-20", "validity_years": 2, "extension_applied_on": applied}}),
    ));
    assert_eq!(a["permit"]["valid"], valid);
    assert_eq!(a["permit"]["extension_status"], status);
    assert_eq!(a["entitlements"].as_array().unwrap().len(), if valid { 18 } else { 7 });
}

#[test]
fn a_permit_issued_after_as_of_is_not_held_yet() {
    let a = assess(floating(
        "2024-03-05",
        "2024-03-01",
        json!({"permit": {"issued_on": "2024-03-10", "validity_years": 1}}),
    ));
    assert_eq!(a["permit"]["expires_on"], Value::Null);
    assert_eq!(a["permit"]["valid"], Value::Null);
    assert_eq!(a["permit"]["application_status"], "pending");
    assert_eq!(a["entitlements"].as_array().unwrap().len(), 7);
}

#[test]
fn a_permit_issued_on_as_of_is_held() {
    let a = assess(floating(
        "2024-03-10",
        "2024-03-01",
        json!({"permit": {"issued_on": "2024-03-10", "validity_years": 1}}),
    ));
    assert_eq!(a["permit"]["expires_on"], "2025-03-10");
    assert_eq!(a["permit"]["valid"], true);
    assert_eq!(a["permit"]["application_status"], "done");
    assert_eq!(a["entitlements"].as_array().unwrap().len(), 18);
}

#[rstest]
#[case::before_the_measures("2013-03-31", true)]
#[case::on_entry_into_force("2013-04-01", false)]
fn old_permits_cite_the_transition(#[case] issued: &str, #[case] transition: bool) {
    let a = assess(floating("2013-05-01", "2012-06-01", json!({"permit": {"issued_on": issued, "validity_years": 2}})));
    assert_eq!(a["permit"]["expires_on"], issued.replacen("2013", "2015", 1));
    let basis = a["permit"]["basis"].as_array().unwrap();
    assert_eq!(basis.contains(&json!("art13.p5")), transition, "{basis:?}");
}

// ------------------------------------------------------------- Art 13 p1: changes

#[rstest]
#[case::reported("2024-08-20", Some("2024-08-05"), "2024-08-08", "done")]
#[case::unreported("2024-08-20", None, "2024-08-08", "overdue")]
#[case::reported_late("2024-08-20", Some("2024-08-09"), "2024-08-08", "late")]
#[case::not_yet_due("2024-08-03", None, "2024-08-08", "pending")]
fn changes_are_reported_within_7_days(
    #[case] as_of: &str,
    #[case] reported: Option<&str>,
    #[case] due: &str,
    #[case] status: &str,
) {
    let a = assess(floating(
        as_of,
        "2024-01-01",
        json!({"changes": [{"changed_on": "2024-08-01", "reported_on": reported}]}),
    ));
    assert_eq!(a["changes"][0]["deadline"], due);
    assert_eq!(a["changes"][0]["status"], status);
    assert_eq!(a["changes"][0]["basis"], json!(["art13.p1"]));
}

#[test]
fn change_errors_name_the_item() {
    let e = refuse(floating(
        "2024-08-20",
        "2024-01-01",
        json!({"changes": [{"changed_on": "2024-08-01"}, {"changed_on": "2024-13-01"}]}),
    ));
    assert_eq!(e.field(), "person.changes.1.changed_on");
}

// --------------------------------------------------------- Art 17–19: entitlements

#[rstest]
#[case::lodging_registered("lodging", json!({"registered_on": "2024-06-05"}), 3, "residence_certificate")]
#[case::lodging_not_registered("lodging", json!({}), 0, "")]
#[case::floating_no_permit("floating", json!({}), 7, "family_planning_education")]
#[case::floating_valid_permit("floating", json!({"permit": {"issued_on": "2024-06-05", "validity_years": 1}}), 18, "social_insurance")]
#[case::short_stay_floating("floating", json!({"planned_departure": "2024-06-10"}), 7, "family_planning_education")]
fn entitlements_on_the_day(#[case] category: &str, #[case] extra: Value, #[case] n: usize, #[case] first: &str) {
    let a = assess(person("2024-06-20", category, "2024-06-03", extra));
    let e = a["entitlements"].as_array().unwrap();
    assert_eq!(e.len(), n);
    if n > 0 {
        assert_eq!(e[0], first);
    }
}

// ----------------------------------------------------------------- Art 21 (§5, I9)

#[rstest]
// Lodging arrival 2024-06-03, due 2024-06-11.
#[case::on_time("2024-07-01", Some("2024-06-05"), None, "none")]
#[case::overdue("2024-07-01", None, None, "order_to_correct")]
#[case::limit_not_passed("2024-07-01", None, Some("2024-07-10"), "order_to_correct")]
#[case::limit_passed("2024-07-11", None, Some("2024-07-10"), "credit_record")]
#[case::limit_is_inclusive("2024-07-10", None, Some("2024-07-10"), "order_to_correct")]
#[case::corrected_in_time("2024-07-20", Some("2024-07-05"), Some("2024-07-10"), "none")]
#[case::corrected_too_late("2024-07-20", Some("2024-07-15"), Some("2024-07-10"), "credit_record")]
#[case::late_without_limit("2024-07-20", Some("2024-07-15"), None, "none")]
#[case::done_on_the_deadline("2024-07-01", Some("2024-06-11"), None, "none")]
#[case::as_of_on_the_deadline("2024-06-11", None, None, "none")]
#[case::as_of_the_day_after("2024-06-12", None, None, "order_to_correct")]
#[case::corrected_on_the_limit_day("2024-07-20", Some("2024-07-10"), Some("2024-07-10"), "none")]
// A limit set before the deadline cannot make a registration on the last day late.
#[case::done_on_the_deadline_limit_before("2024-07-01", Some("2024-06-11"), Some("2024-06-07"), "none")]
#[case::corrected_the_day_after("2024-07-20", Some("2024-07-11"), Some("2024-07-10"), "credit_record")]
fn art21_ladder_for_lodging_registration(
    #[case] as_of: &str,
    #[case] registered: Option<&str>,
    #[case] limit: Option<&str>,
    #[case] c: &str,
) {
    let a = assess(person(
        as_of,
        "lodging",
        "2024-06-03",
        json!({"registered_on": registered, "correction_deadline": limit}),
    ));
    assert_eq!(a["consequence"], c);
}

#[rstest]
#[case::permit_overdue(json!({}), "order_to_correct")]
#[case::registered_but_no_permit(json!({"registered_on": "2024-03-07"}), "order_to_correct")]
#[case::permit_applied(json!({"permit_applied_on": "2024-03-07"}), "none")]
#[case::held_permit_issued_after_limit(json!({"permit": {"issued_on": "2024-03-25", "validity_years": 1}, "correction_deadline": "2024-03-20"}), "credit_record")]
fn art21_ladder_for_required_permits(#[case] extra: Value, #[case] c: &str) {
    let a = assess(floating("2024-04-01", "2024-03-06", extra));
    assert_eq!(a["consequence"], c);
}

#[test]
fn exempt_floating_person_who_does_not_register_faces_nothing() {
    let a =
        assess(floating("2024-10-01", "2024-09-01", json!({"studying": true, "correction_deadline": "2024-09-20"})));
    assert_eq!(a["registration"]["status"], "overdue");
    assert_eq!(a["consequence"], "none");
    assert!(has_interp(&a, "I9"));
}

// ---------------------------------------------------- Art 11 p2, 14, 22 (§5, I8)

fn reporter(as_of: &str, fields: Value) -> Value {
    let mut r = json!({"kind": "employer", "registered_on": "2024-09-02"});
    merge(&mut r, fields);
    assess(json!({"as_of": as_of, "reporter": r}))
}

#[rstest]
#[case::pending("2024-09-05", json!({}), "pending", "none", 0, 0)]
#[case::done("2024-09-20", json!({"reported_on": "2024-09-09"}), "done", "none", 0, 0)]
#[case::late_alone("2024-09-20", json!({"reported_on": "2024-09-10"}), "late", "order_to_correct", 0, 0)]
#[case::overdue("2024-09-20", json!({}), "overdue", "order_to_correct", 0, 0)]
#[case::late_not_corrected("2024-10-20", json!({"correction_deadline": "2024-10-01"}), "overdue", "fine_and_credit_record", 0, 0)]
#[case::false_reports_fined("2024-10-20", json!({"reported_on": "2024-09-03", "false_reports": 2, "concealed": 1, "correction_deadline": "2024-10-01"}), "done", "fine_and_credit_record", 600, 1500)]
#[case::corrected_in_time("2024-10-20", json!({"reported_on": "2024-09-03", "concealed": 2, "correction_deadline": "2024-10-01", "corrected_on": "2024-09-30"}), "done", "none", 0, 0)]
#[case::corrected_without_limit("2024-10-20", json!({"reported_on": "2024-09-03", "concealed": 2, "corrected_on": "2024-09-30"}), "done", "none", 0, 0)]
#[case::corrected_after_limit("2024-10-20", json!({"reported_on": "2024-09-03", "concealed": 2, "correction_deadline": "2024-10-01", "corrected_on": "2024-10-02"}), "done", "fine_and_credit_record", 400, 1000)]
#[case::as_of_on_the_limit_day("2024-10-01", json!({"reported_on": "2024-09-03", "concealed": 2, "correction_deadline": "2024-10-01"}), "done", "order_to_correct", 0, 0)]
#[case::as_of_the_day_after_the_limit("2024-10-02", json!({"reported_on": "2024-09-03", "concealed": 2, "correction_deadline": "2024-10-01"}), "done", "fine_and_credit_record", 400, 1000)]
#[case::corrected_on_the_limit_day("2024-10-20", json!({"reported_on": "2024-09-03", "concealed": 2, "correction_deadline": "2024-10-01", "corrected_on": "2024-10-01"}), "done", "none", 0, 0)]
#[case::correction_in_future("2024-09-25", json!({"reported_on": "2024-09-03", "concealed": 2, "correction_deadline": "2024-10-01", "corrected_on": "2024-09-30"}), "done", "order_to_correct", 0, 0)]
fn art22_ladder(
    #[case] as_of: &str,
    #[case] fields: Value,
    #[case] status: &str,
    #[case] stage: &str,
    #[case] min: u64,
    #[case] max: u64,
) {
    let a = reporter(as_of, fields);
    assert_eq!(a["report"]["deadline"], "2024-09-09");
    assert_eq!(a["report"]["status"], status);
    assert_eq!(a["report"]["basis"], json!(["art14"]));
    assert_eq!(a["penalty"]["stage"], stage);
    assert_eq!(a["penalty"]["fine_min_yuan"], min);
    assert_eq!(a["penalty"]["fine_max_yuan"], max);
    assert_eq!(a["penalty"]["authority"], if max > 0 { json!("county_public_security") } else { Value::Null });
    assert_eq!(a["penalty"]["basis"], if stage == "none" { json!([]) } else { json!(["art22"]) });
    assert_eq!(has_interp(&a, "I8"), status == "late" || status == "overdue");
}

#[test]
fn a_registration_after_as_of_has_nothing_false_or_concealed_yet() {
    // Registered on 2 September, assessed on 1 September: the registration, and anything
    // reported about it, has not happened yet (RULES.md section 10).
    let a = reporter("2024-09-01", json!({"concealed": 1, "false_reports": 2}));
    assert_eq!(a["report"]["status"], "pending");
    assert_eq!(a["penalty"]["stage"], "none");
    assert_eq!(a["penalty"]["basis"], json!([]));
    let b = reporter("2024-09-02", json!({"concealed": 1}));
    assert_eq!(b["penalty"]["stage"], "order_to_correct");
}

#[test]
fn a_byte_order_mark_is_ignored_and_numbers_are_masked_like_text() {
    let text = r#"{"as_of":"2024-10-02","person":{"category":"permanent"}}"#;
    assert!(juzhu::Case::from_json(&format!("\u{feff}{text}")).is_ok());
    assert!(juzhu::Case::from_json_bytes(&[b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()).is_ok());
    // An identity number typed into a number field is never echoed whole (RULES.md §8).
    let case = r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28",
        "permit":{"issued_on":"2024-09-30","validity_years":210102199005011007}}}"#;
    let e = juzhu::Case::from_json(case).and_then(|c| juzhu::assess(&c)).unwrap_err();
    assert_eq!(e.field(), "person.permit.validity_years");
    assert_eq!(e.message(), "210102********1007 is not one of 1, 2, 3");
}

#[test]
fn reporter_errors_use_the_right_article() {
    let refusal = |kind: &str| {
        let text = format!(r#"{{"as_of":"2024-10-02","reporter":{{"kind":"{kind}"}}}}"#);
        juzhu::assess(&juzhu::Case::from_json(&text).unwrap()).unwrap_err().to_string()
    };
    assert_eq!(
        refusal("employer"),
        "reporter.registered_on: is required for an employer (the 7 days of Art 14 run from it)"
    );
    assert!(refusal("landlord").contains("for a landlord"));
}

#[rstest]
#[case::hotel("hotel")]
#[case::hospital("hospital")]
#[case::school("school")]
#[case::training("training_institution")]
#[case::relief("relief_station")]
fn institutions_report_periodically(#[case] kind: &str) {
    let a = assess(
        json!({"as_of": "2024-10-20", "reporter": {"kind": kind, "concealed": 1, "correction_deadline": "2024-10-01"}}),
    );
    assert_eq!(a["report"]["deadline"], Value::Null);
    assert_eq!(a["report"]["status"], "periodic");
    assert_eq!(a["report"]["basis"], json!(["art11.p2"]));
    assert_eq!(a["penalty"]["stage"], "fine_and_credit_record");
    assert_eq!(a["penalty"]["fine_min_yuan"], 200);
}

#[rstest]
#[case::employer("employer")]
#[case::job_agency("job_agency")]
#[case::housing_agency("housing_agency")]
#[case::landlord("landlord")]
fn art14_reporters_need_a_registration_date(#[case] kind: &str) {
    let e = refuse(json!({"as_of": "2024-10-20", "reporter": {"kind": kind}}));
    assert_eq!(e.field(), "reporter.registered_on");
}

// --------------------------------------------------------- §7: in force, amendments

#[rstest]
#[case::before_amendment("2016-11-18", 0)]
#[case::amendment_day("2016-11-19", 1)]
#[case::in_force_day("2013-04-01", 0)]
fn amended_text_notice(#[case] as_of: &str, #[case] n: usize) {
    let a = assess(person(as_of, "permanent", "2013-04-01", json!({})));
    let notices = a["notices"].as_array().unwrap();
    assert_eq!(notices.len(), n);
    if n == 1 {
        assert_eq!(notices[0]["id"], "amended_text");
        assert!(notices[0]["zh"].as_str().unwrap().contains("2016"));
        assert!(notices[0]["en"].as_str().unwrap().contains("2016-11-19"));
    }
}

// ------------------------------------------------------ Refusals naming the field (§10)

#[rstest]
#[case::before_in_force(json!({"as_of": "2013-03-31", "person": {"category": "permanent"}}), "as_of", "before the Measures entered into force (2013-04-01)")]
#[case::year_out_of_range(json!({"as_of": "2300-01-01", "person": {"category": "permanent"}}), "as_of", "outside the supported years 1900–2199")]
#[case::departure_before_arrival(floating("2024-06-01", "2024-05-01", json!({"planned_departure": "2024-04-30"})), "person.planned_departure", "before the arrival date")]
#[case::born_after_arrival(floating("2024-06-01", "2024-05-01", json!({"birth_date": "2024-05-02"})), "person.birth_date", "after the arrival date")]
#[case::born_after_as_of(person("2024-06-01", "permanent", "2024-05-01", json!({"arrival_date": null, "birth_date": "2024-06-02"})), "person.birth_date", "after as_of")]
#[case::ancient_birth(floating("2024-06-01", "2024-05-01", json!({"birth_date": "1899-12-31"})), "person.birth_date", "outside the supported years")]
#[case::arrival_missing(floating("2024-06-01", "2024-05-01", json!({"arrival_date": null})), "person.arrival_date", "required for a floating person")]
#[case::validity(floating("2024-06-01", "2024-05-01", json!({"permit": {"issued_on": "2024-05-01", "validity_years": 4}})), "person.permit.validity_years", "4 is not one of 1, 2, 3")]
#[case::unknown_policy(with_policy(floating("2024-06-01", "2024-05-01", json!({})), json!({"rule_set": "beijing-2020"})), "policy.rule_set", "is not one of liaoning-2013")]
#[case::bad_counting(with_policy(floating("2024-06-01", "2024-05-01", json!({})), json!({"day_counting": "lunar"})), "policy.day_counting", "is not one of")]
#[case::wrong_type(floating("2024-06-01", "2024-05-01", json!({"studying": "yes"})), "person.studying", "expected true or false")]
#[case::count_wrong_type(json!({"as_of": "2024-06-01", "reporter": {"kind": "hotel", "concealed": "3"}}), "reporter.concealed", "expected a whole number")]
#[case::camel_case_typo(floating("2024-06-01", "2024-05-01", json!({"arrivalDate": "2024-05-01"})), "person.arrivalDate", "is not a known field")]
#[case::capitalised_policy_key(with_policy(floating("2024-06-01", "2024-05-01", json!({})), json!({"dayCounting": "calendar"})), "policy.dayCounting", "is not a known field")]
#[case::capitalised_top_key(json!({"as_of": "2024-06-01", "Person": {"category": "permanent"}}), "Person", "is not a known field")]
#[case::camel_case_suggested(floating("2024-06-01", "2024-05-01", json!({"arrivalDate": "2024-05-01"})), "person.arrivalDate", "(did you mean arrival_date?)")]
#[case::typo_suggested(json!({"as_of": "2024-06-01", "person": {"categry": "permanent"}}), "person.categry", "(did you mean category?)")]
#[case::capital_suggested(json!({"as_of": "2024-06-01", "Person": {"category": "permanent"}}), "Person", "(did you mean person?)")]
fn refusals_name_the_field(#[case] case: Value, #[case] field: &str, #[case] says: &str) {
    let e = refuse(case);
    assert_eq!(e.field(), field, "{e}");
    assert!(e.message().contains(says), "{e}");
    assert!(!e.message().starts_with(field), "the message does not repeat the field: {e}");
}

#[test]
fn a_division_code_written_as_a_whole_number_reads_as_its_digits() {
    let case =
        |code: Value| json!({"as_of": "2024-06-05", "person": {"hukou_region": code, "arrival_date": "2024-06-03"}});
    let text = assess(case(json!("110105")));
    assert_eq!(text["category"], "floating");
    assert_eq!(assess(case(json!(110_105))), text);
    assert_eq!(assess(case(json!(110_105.0))), text);
    assert_eq!(refuse(case(json!(110_105.5))).field(), "person.hukou_region");
    assert_eq!(refuse(case(json!(-110_105.0))).field(), "person.hukou_region");
}

#[test]
fn an_arrival_after_as_of_is_accepted() {
    let a = assess(floating("2024-06-01", "2024-06-10", json!({})));
    assert_eq!(a["registration"]["status"], "pending");
}

// --------------------------------------------------------- identity numbers (§8)

#[test]
fn id_number_supplies_the_birth_date_and_never_shows() {
    // 2008-10-10 birth, region 110105; check character computed: see id_number tests.
    let id = valid_id("110105", "20081010", "123");
    let a = assess(floating("2024-10-10", "2024-09-01", json!({"birth_date": null, "id_number": id})));
    assert_eq!(a["permit"]["reaches_16_on"], "2024-10-11");
    assert!(!a.to_string().contains(&id));
    let e = refuse(floating("2024-10-10", "2024-09-01", json!({"birth_date": "2008-10-11", "id_number": id})));
    assert_eq!(e.field(), "person.id_number");
    assert!(!e.to_string().contains(&id));
    let mut bad = id.clone();
    bad.replace_range(17..18, if &id[17..] == "0" { "1" } else { "0" });
    let e = refuse(floating("2024-10-10", "2024-09-01", json!({"id_number": bad})));
    assert_eq!(e.field(), "person.id_number");
    assert!(!e.to_string().contains(&bad), "{e}");
    assert!(e.to_string().contains("110105********"), "{e}");
}

fn valid_id(region: &str, birth: &str, seq: &str) -> String {
    let body = format!("{region}{birth}{seq}");
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.bytes().zip(weights).map(|(b, w)| u32::from(b - b'0') * w).sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{body}{check}")
}

// --------------------------------------------------------------- explanations

#[test]
fn explanations_carry_basis_and_both_languages() {
    let a = assess(floating("2024-10-02", "2024-09-28", json!({})));
    let steps = a["explanation"].as_array().unwrap();
    assert!(steps.len() >= 5);
    for s in steps {
        assert!(s["basis"].as_str().unwrap().starts_with("art"));
        assert!(!s["en"].as_str().unwrap().is_empty());
        assert!(!s["zh"].as_str().unwrap().is_empty());
    }
    let rolled =
        steps.iter().find(|s| s["en"].as_str().unwrap().contains("next working day")).expect("a rollover step");
    assert!(rolled["en"].as_str().unwrap().contains("2024-10-05"));
    assert!(rolled["en"].as_str().unwrap().contains("National Day"));
    assert!(rolled["zh"].as_str().unwrap().contains("国庆节"));
}

// -------------------------------------- §11: a correction limit must follow its duty (Art 21, 22)

/// A person case with a correction limit; `None` when refused, naming `person.correction_deadline`.
fn with_limit(case: Value) -> Option<Value> {
    let text = case.to_string();
    match juzhu::Case::from_json(&text).and_then(|c| juzhu::assess(&c)) {
        Ok(a) => Some(a.to_value()),
        Err(e) => {
            assert_eq!(e.field(), "person.correction_deadline", "{e}");
            None
        }
    }
}

// Lodging and floating arrivals on 2024-06-03: both duties are due 2024-06-11 (Dragon Boat Festival on 06-10).
#[rstest]
#[case::lodging_limit_on_deadline("lodging", json!({"correction_deadline": "2024-06-11"}), "2024-07-20", None)]
#[case::lodging_limit_before_deadline("lodging", json!({"correction_deadline": "2024-06-04"}), "2024-07-20", None)]
#[case::lodging_limit_the_day_after("lodging", json!({"correction_deadline": "2024-06-12"}), "2024-07-20", Some("credit_record"))]
#[case::lodging_done_late_limit_on_deadline("lodging", json!({"registered_on": "2024-06-20", "correction_deadline": "2024-06-11"}), "2024-07-20", None)]
#[case::lodging_done_on_time_any_limit("lodging", json!({"registered_on": "2024-06-11", "correction_deadline": "2024-06-04"}), "2024-07-20", Some("none"))]
#[case::lodging_pending_limit_before("lodging", json!({"correction_deadline": "2024-06-05"}), "2024-06-06", None)]
#[case::lodging_pending_limit_after("lodging", json!({"correction_deadline": "2024-06-30"}), "2024-06-06", Some("none"))]
#[case::lodging_done_in_future_limit_before("lodging", json!({"registered_on": "2024-06-10", "correction_deadline": "2024-06-05"}), "2024-06-06", None)]
#[case::lodging_in_hotel_no_duty("lodging", json!({"accommodation": "hotel", "correction_deadline": "2024-06-04"}), "2024-07-20", Some("none"))]
#[case::lodging_short_stay_no_duty("lodging", json!({"planned_departure": "2024-06-20", "correction_deadline": "2024-06-04"}), "2024-07-20", Some("none"))]
#[case::floating_permit_limit_on_deadline("floating", json!({"correction_deadline": "2024-06-11"}), "2024-07-20", None)]
#[case::floating_permit_limit_after("floating", json!({"correction_deadline": "2024-06-12"}), "2024-07-20", Some("credit_record"))]
#[case::floating_held_permit_counts("floating", json!({"permit": {"issued_on": "2024-06-05", "validity_years": 1}, "correction_deadline": "2024-06-04"}), "2024-07-20", Some("none"))]
#[case::floating_student_no_duty("floating", json!({"studying": true, "correction_deadline": "2024-06-04"}), "2024-07-20", Some("none"))]
#[case::floating_under_16_no_duty("floating", json!({"birth_date": "2010-01-15", "correction_deadline": "2024-06-04"}), "2024-07-20", Some("none"))]
#[case::permanent_no_duty("permanent", json!({"correction_deadline": "2020-01-01"}), "2024-07-20", Some("none"))]
#[case::overseas_no_duty("overseas", json!({"correction_deadline": "2020-01-01"}), "2024-07-20", Some("none"))]
fn person_limits_follow_the_art21_duty(
    #[case] category: &str,
    #[case] extra: Value,
    #[case] as_of: &str,
    #[case] consequence: Option<&str>,
) {
    let got = with_limit(person(as_of, category, "2024-06-03", extra));
    assert_eq!(got.as_ref().map(|a| a["consequence"].as_str().unwrap()), consequence);
    if let (Some(a), Some("none")) = (&got, consequence) {
        let says = a["explanation"].as_array().unwrap().iter().any(|l| {
            l["en"].as_str().unwrap().contains("nothing to enforce")
                || l["en"].as_str().unwrap().contains("nothing owed")
        });
        assert!(says, "the explanation says the limit enforces nothing");
    }
}

#[test]
fn a_limit_after_a_16th_birthday_deadline_follows_the_permit_not_the_registration() {
    // Reaches 16 on 2024-10-11; the permit is due 2024-10-18.
    let case = |limit: &str| {
        floating(
            "2024-10-25",
            "2024-09-02",
            json!({"birth_date": "2008-10-10", "registered_on": "2024-09-03", "correction_deadline": limit}),
        )
    };
    assert_eq!(with_limit(case("2024-10-18")), None);
    assert_eq!(with_limit(case("2024-10-19")).unwrap()["consequence"], "credit_record");
    // Before the birthday the under-16 exemption holds: no Art 21 duty, any limit is accepted.
    let before = floating(
        "2024-10-05",
        "2024-09-02",
        json!({"birth_date": "2008-10-10", "registered_on": "2024-09-03", "correction_deadline": "2024-09-20"}),
    );
    assert_eq!(with_limit(before).unwrap()["consequence"], "none");
}

#[rstest]
#[case::employer_on_report_deadline(json!({"kind": "employer", "registered_on": "2024-09-02", "correction_deadline": "2024-09-09"}), true)]
#[case::employer_day_after(json!({"kind": "employer", "registered_on": "2024-09-02", "correction_deadline": "2024-09-10"}), false)]
#[case::employer_reported_on_time_limit_before(json!({"kind": "employer", "registered_on": "2024-09-02", "reported_on": "2024-09-03", "correction_deadline": "2024-09-05"}), true)]
#[case::concealment_limit_before_report_deadline(json!({"kind": "landlord", "registered_on": "2024-09-02", "concealed": 1, "correction_deadline": "2024-09-05"}), false)]
#[case::concealment_limit_on_registration_day(json!({"kind": "landlord", "registered_on": "2024-09-02", "concealed": 1, "correction_deadline": "2024-09-02"}), true)]
#[case::false_report_limit_before_registration(json!({"kind": "job_agency", "registered_on": "2024-09-02", "false_reports": 1, "correction_deadline": "2024-08-01"}), true)]
#[case::periodic_without_registration_day(json!({"kind": "hotel", "concealed": 1, "correction_deadline": "2020-01-01"}), false)]
#[case::periodic_on_registration_day(json!({"kind": "school", "registered_on": "2024-09-02", "correction_deadline": "2024-09-02"}), true)]
#[case::periodic_after_registration_day(json!({"kind": "hospital", "registered_on": "2024-09-02", "correction_deadline": "2024-09-03"}), false)]
fn reporter_limits_follow_a_possible_violation(#[case] reporter: Value, #[case] refused: bool) {
    let case = json!({"as_of": "2024-10-20", "reporter": reporter});
    let text = case.to_string();
    match juzhu::Case::from_json(&text).and_then(|c| juzhu::assess(&c)) {
        Ok(_) => assert!(!refused, "expected a refusal: {text}"),
        Err(e) => {
            assert!(refused, "{e}");
            assert_eq!(e.field(), "reporter.correction_deadline");
        }
    }
}

// ------------------------------------------------ §12: household registration (Art 8, HR)

fn household(as_of: &str, category: &str, event: Value) -> Value {
    json!({"as_of": as_of, "person": {"category": category, "birth_date": "1980-03-15", "arrival_date": "2020-01-01",
        "registered_on": "2020-01-02", "household_events": [event]}})
}

#[rstest]
#[case::birth_month_end(json!({"kind": "birth", "on": "2024-01-31"}), "2024-02-20", &["householder", "relative", "carer"], Some("2024-02-29"), "pending", &["art8.i1", "hr7"], &["H1", "I1"])]
#[case::birth_common_year(json!({"kind": "birth", "on": "2023-01-31", "reported_on": "2023-02-28"}), "2023-03-20", &["householder", "relative", "carer"], Some("2023-02-28"), "done", &["art8.i1", "hr7"], &["H1", "I1"])]
#[case::birth_moved_by_holiday(json!({"kind": "birth", "on": "2024-09-01"}), "2024-10-08", &["householder", "relative", "carer"], Some("2024-10-08"), "pending", &["art8.i1", "hr7"], &["H1", "I1"])]
#[case::birth_before_in_force(json!({"kind": "birth", "on": "2013-03-20"}), "2013-06-01", &["householder", "relative", "carer"], Some("2013-05-02"), "overdue", &["art8.i1", "hr7"], &["H1", "I1", "I7"])]
#[case::death_town_burial_saturday(json!({"kind": "death", "on": "2024-03-05", "area": "urban", "burial_on": "2024-03-09", "reported_on": "2024-03-09"}), "2024-03-11", &["householder", "relative", "carer", "neighbour"], Some("2024-03-09"), "done", &["art8.i2", "hr8"], &["H1", "H2"])]
#[case::death_town_no_burial_day(json!({"kind": "death", "on": "2024-03-05", "area": "urban"}), "2024-03-11", &["householder", "relative", "carer", "neighbour"], None, "no_deadline", &["art8.i2", "hr8"], &[])]
#[case::death_town_no_burial_day_reported(json!({"kind": "death", "on": "2024-03-05", "area": "urban", "reported_on": "2024-03-06"}), "2024-03-11", &["householder", "relative", "carer", "neighbour"], None, "done", &["art8.i2", "hr8"], &[])]
#[case::death_village_month(json!({"kind": "death", "on": "2024-09-01", "area": "rural", "burial_on": "2024-09-03"}), "2024-09-20", &["householder", "relative", "carer", "neighbour"], Some("2024-10-08"), "pending", &["art8.i2", "hr8"], &["H1", "I1"])]
#[case::move_out_saturday_not_moved(json!({"kind": "move_out", "on": "2024-06-08", "reported_on": "2024-06-03"}), "2024-06-20", &["self", "householder"], Some("2024-06-08"), "done", &["art8.i3", "hr10"], &["H1", "H3"])]
#[case::move_out_after_moving(json!({"kind": "move_out", "on": "2024-06-08"}), "2024-06-10", &["self", "householder"], Some("2024-06-08"), "overdue", &["art8.i3", "hr10"], &["H1", "H3"])]
#[case::move_in_town_holiday(json!({"kind": "move_in", "on": "2024-09-29", "area": "urban"}), "2024-10-05", &["self", "householder"], Some("2024-10-08"), "pending", &["art8.i3", "hr13"], &["H1", "I1"])]
#[case::move_in_village_ten_days(json!({"kind": "move_in", "on": "2024-09-29", "area": "rural"}), "2024-10-05", &["self", "householder"], Some("2024-10-09"), "pending", &["art8.i3", "hr13"], &["H1", "I1"])]
#[case::conscription_sunday_late(json!({"kind": "conscription", "on": "2024-09-15", "reported_on": "2024-09-16"}), "2024-10-01", &["self", "householder"], Some("2024-09-15"), "late", &["art8.i4", "hr11"], &["H1", "H3"])]
#[case::conscription_in_advance(json!({"kind": "conscription", "on": "2024-09-15", "reported_on": "2024-09-01"}), "2024-10-01", &["self", "householder"], Some("2024-09-15"), "done", &["art8.i4", "hr11"], &["H1", "H3"])]
#[case::change_open(json!({"kind": "change", "on": "2024-06-01"}), "2024-06-20", &["householder", "self"], None, "no_deadline", &["art8.i5", "hr17"], &[])]
#[case::change_reported(json!({"kind": "change", "on": "2024-06-01", "reported_on": "2024-06-03", "reported_by": "householder"}), "2024-06-20", &["householder", "self"], None, "done", &["art8.i5", "hr17"], &[])]
#[case::event_after_as_of(json!({"kind": "birth", "on": "2024-07-01"}), "2024-06-20", &["householder", "relative", "carer"], Some("2024-08-01"), "pending", &["art8.i1", "hr7"], &["H1", "I1"])]
fn household_events_per_kind(
    #[case] event: Value,
    #[case] as_of: &str,
    #[case] declarants: &[&str],
    #[case] deadline: Option<&str>,
    #[case] status: &str,
    #[case] basis: &[&str],
    #[case] interpretations: &[&str],
) {
    for category in ["permanent", "lodging"] {
        let a = assess(household(as_of, category, event.clone()));
        let e = &a["household_events"][0];
        assert_eq!(e["kind"], event["kind"]);
        assert_eq!(e["on"], event["on"]);
        assert_eq!(e["declarants"], json!(declarants));
        assert_eq!(e["deadline"], json!(deadline), "{category}");
        assert_eq!(e["status"], status);
        assert_eq!(e["basis"], json!(basis));
        let fallback = event["kind"] == "death" && status == "overdue";
        assert_eq!(e["fallback"], if fallback { json!("cancellation_on_committee_certificate") } else { Value::Null });
        for i in interpretations {
            assert!(has_interp(&a, i), "{i}");
        }
        for h in ["H1", "H2", "H3"] {
            assert_eq!(has_interp(&a, h), interpretations.contains(&h), "{h}");
        }
        // Household events change nothing else.
        assert_eq!(a["consequence"], "none");
        assert_eq!(a["fine_max_yuan"], 0);
    }
}

#[rstest]
#[case::civil_code("civil_code", "2024-10-08", "2024-10-08")]
#[case::calendar("calendar", "2024-10-02", "2024-10-01")]
#[case::working_days("working_days", "2024-10-09", "2024-10-08")]
fn household_periods_follow_the_day_counting_policy(
    #[case] counting: &str,
    #[case] move_in: &str,
    #[case] birth: &str,
) {
    let a = assess(with_policy(
        json!({"as_of": "2024-09-30", "person": {"category": "permanent", "household_events": [
            {"kind": "move_in", "on": "2024-09-29", "area": "urban"},
            {"kind": "birth", "on": "2024-09-01"},
            {"kind": "move_out", "on": "2024-10-05"}
        ]}}),
        json!({"day_counting": counting}),
    ));
    assert_eq!(a["household_events"][0]["deadline"], move_in);
    // A month under working-day counting ends by month arithmetic and moves like a Civil-Code one.
    assert_eq!(a["household_events"][1]["deadline"], birth);
    // The day of moving out is never moved, whatever the counting.
    assert_eq!(a["household_events"][2]["deadline"], "2024-10-05");
}

#[test]
fn an_unreported_death_past_its_deadline_can_be_cancelled_on_a_committee_certificate() {
    let death = |as_of: &str, reported: Option<&str>| {
        let a = assess(household(
            as_of,
            "permanent",
            json!({"kind": "death", "on": "2024-05-10", "area": "rural", "reported_on": reported}),
        ));
        a["household_events"][0].clone()
    };
    assert_eq!(death("2024-06-11", None)["fallback"], Value::Null, "on the deadline day: pending");
    assert_eq!(death("2024-06-12", None)["fallback"], "cancellation_on_committee_certificate");
    assert_eq!(death("2024-06-12", Some("2024-06-12"))["fallback"], Value::Null, "declared late: no fallback");
}

#[rstest]
#[case::floating("floating", true)]
#[case::overseas("overseas", true)]
#[case::permanent("permanent", false)]
#[case::lodging("lodging", false)]
fn household_events_are_for_liaoning_hukou_persons(#[case] category: &str, #[case] refused: bool) {
    let case = person(
        "2024-06-20",
        category,
        "2024-06-03",
        json!({"household_events": [{"kind": "change", "on": "2024-06-01"}]}),
    );
    if refused {
        assert_eq!(refuse(case).field(), "person.household_events");
    } else {
        assert_eq!(assess(case)["household_events"][0]["status"], "no_deadline");
    }
    // An empty list is accepted for anyone.
    let empty = assess(person("2024-06-20", category, "2024-06-03", json!({"household_events": []})));
    assert_eq!(empty["household_events"], json!([]));
}

#[rstest]
#[case::no_kind(json!({"on": "2024-06-01"}), "person.household_events.0.kind")]
#[case::unknown_kind(json!({"kind": "adoption", "on": "2024-06-01"}), "person.household_events.0.kind")]
#[case::no_day(json!({"kind": "birth"}), "person.household_events.0.on")]
#[case::day_not_a_date(json!({"kind": "birth", "on": "2024-02-30"}), "person.household_events.0.on")]
#[case::day_out_of_range(json!({"kind": "birth", "on": "1899-12-31"}), "person.household_events.0.on")]
#[case::death_without_area(json!({"kind": "death", "on": "2024-06-01"}), "person.household_events.0.area")]
#[case::unknown_area(json!({"kind": "move_in", "on": "2024-06-01", "area": "suburb"}), "person.household_events.0.area")]
#[case::birth_declared_before(json!({"kind": "birth", "on": "2024-06-01", "reported_on": "2024-05-31"}), "person.household_events.0.reported_on")]
#[case::move_in_declared_before(json!({"kind": "move_in", "on": "2024-06-01", "area": "urban", "reported_on": "2024-05-31"}), "person.household_events.0.reported_on")]
#[case::declarant_not_named(json!({"kind": "change", "on": "2024-06-01", "reported_by": "relative"}), "person.household_events.0.reported_by")]
#[case::declarant_unknown(json!({"kind": "birth", "on": "2024-06-01", "reported_by": "mayor"}), "person.household_events.0.reported_by")]
#[case::burial_on_a_move(json!({"kind": "move_out", "on": "2024-06-01", "burial_on": "2024-06-02"}), "person.household_events.0.burial_on")]
#[case::burial_before_death(json!({"kind": "death", "on": "2024-06-01", "area": "rural", "burial_on": "2024-05-31"}), "person.household_events.0.burial_on")]
#[case::unknown_field(json!({"kind": "birth", "on": "2024-06-01", "witness": "x"}), "person.household_events.0.witness")]
fn household_event_refusals(#[case] event: Value, #[case] field: &str) {
    let case = json!({"as_of": "2024-06-20", "person": {"category": "permanent",
        "household_events": [{"kind": "change", "on": "2024-06-01"}, event]}});
    let e = refuse(case);
    assert_eq!(e.field(), field.replace(".0.", ".1."), "{e}");
}

#[test]
fn accepted_household_inputs_that_look_odd() {
    // Moving out and enlisting are declared in advance; a rural burial day is accepted and unused;
    // an area on a birth is ignored.
    let a = assess(json!({"as_of": "2024-06-20", "person": {"category": "permanent", "household_events": [
        {"kind": "move_out", "on": "2024-06-10", "reported_on": "2024-06-01"},
        {"kind": "death", "on": "2024-06-01", "area": "rural", "burial_on": "2024-06-02"},
        {"kind": "birth", "on": "2024-06-01", "area": "rural"}
    ]}}));
    assert_eq!(a["household_events"][0]["status"], "done");
    assert_eq!(a["household_events"][1]["deadline"], "2024-07-01");
    assert_eq!(a["household_events"][2]["deadline"], "2024-07-01");
}

#[test]
fn a_hundred_thousand_household_events_are_answered_in_order() {
    let events: Vec<Value> = (0..100_000)
        .map(|i| json!({"kind": "change", "on": "2024-01-01", "reported_on": if i % 2 == 0 { json!("2024-01-02") } else { Value::Null }}))
        .collect();
    let a = assess(json!({"as_of": "2024-10-02", "person": {"category": "permanent", "household_events": events}}));
    let out = a["household_events"].as_array().unwrap();
    assert_eq!(out.len(), 100_000);
    assert_eq!(out[99_998]["status"], "done");
    assert_eq!(out[99_999]["status"], "no_deadline");
}

// ------------------------------- §13: people from outside the mainland (Art 25 and other laws)

fn overseas(as_of: &str, fields: Value) -> Value {
    let mut p = json!({"category": "overseas", "birth_date": "1985-02-02"});
    merge(&mut p, fields);
    json!({"as_of": as_of, "person": p})
}

// Moving in on Tue 2024-06-11 at 09:30; assessed on 2024-06-12 (nothing registered yet).
#[rstest]
#[case::foreigner_hotel_town("foreigner", "hotel", "urban", "accommodation_registration", "hotel", None, "eel39.p1")]
#[case::foreigner_hotel_village("foreigner", "hotel", "rural", "accommodation_registration", "hotel", None, "eel39.p1")]
#[case::foreigner_home_town(
    "foreigner",
    "residence",
    "urban",
    "accommodation_registration",
    "self_or_host",
    Some("2024-06-12"),
    "eel39.p2"
)]
#[case::foreigner_home_village(
    "foreigner",
    "residence",
    "rural",
    "accommodation_registration",
    "self_or_host",
    Some("2024-06-12"),
    "eel39.p2"
)]
#[case::foreigner_hospital_town(
    "foreigner",
    "hospital",
    "urban",
    "accommodation_registration",
    "self_or_host",
    Some("2024-06-12"),
    "eel39.p2"
)]
#[case::hk_macao_hotel_town("hk_macao", "hotel", "urban", "temporary_residence_registration", "hotel", None, "hkm17")]
#[case::hk_macao_hotel_village(
    "hk_macao",
    "hotel",
    "rural",
    "temporary_residence_registration",
    "hotel",
    None,
    "hkm17"
)]
#[case::hk_macao_home_town(
    "hk_macao",
    "residence",
    "urban",
    "temporary_residence_registration",
    "self_or_host",
    Some("2024-06-12"),
    "hkm17"
)]
#[case::hk_macao_home_village(
    "hk_macao",
    "residence",
    "rural",
    "temporary_residence_registration",
    "self_or_host",
    Some("2024-06-14"),
    "hkm17"
)]
#[case::hk_macao_school_village(
    "hk_macao",
    "school",
    "rural",
    "temporary_residence_registration",
    "self_or_host",
    Some("2024-06-14"),
    "hkm17"
)]
#[case::taiwan_hotel_town("taiwan", "hotel", "urban", "temporary_residence_registration", "hotel", None, "tw16")]
#[case::taiwan_hotel_village("taiwan", "hotel", "rural", "temporary_residence_registration", "hotel", None, "tw16")]
#[case::taiwan_home_town(
    "taiwan",
    "residence",
    "urban",
    "temporary_residence_registration",
    "self_or_host",
    Some("2024-06-12"),
    "tw16"
)]
#[case::taiwan_home_village(
    "taiwan",
    "residence",
    "rural",
    "temporary_residence_registration",
    "self_or_host",
    Some("2024-06-14"),
    "tw16"
)]
#[case::taiwan_relief_station_town(
    "taiwan",
    "relief_station",
    "urban",
    "temporary_residence_registration",
    "self_or_host",
    Some("2024-06-12"),
    "tw16"
)]
fn overseas_registration_by_kind_place_and_area(
    #[case] kind: &str,
    #[case] accommodation: &str,
    #[case] area: &str,
    #[case] registration: &str,
    #[case] holder: &str,
    #[case] deadline: Option<&str>,
    #[case] basis: &str,
) {
    let a = assess(overseas(
        "2024-06-12",
        json!({"overseas_kind": kind, "arrival_date": "2024-06-11", "arrival_time": "09:30", "accommodation": accommodation, "area": area}),
    ));
    let r = &a["registration"];
    assert_eq!(r["required"], true);
    assert_eq!(r["kind"], registration);
    assert_eq!(r["duty_holder"], holder);
    assert_eq!(r["deadline"], json!(deadline));
    assert_eq!(r["deadline_time"], if deadline.is_some() { json!("09:30") } else { Value::Null });
    assert_eq!(r["status"], if deadline.is_some() { "pending" } else { "institution" });
    assert_eq!(r["basis"], json!([basis]));
    assert_eq!(has_interp(&a, "O1"), deadline.is_some());
    assert_eq!(a["permit"]["status"], "not_applicable");
    assert_eq!(a["entitlements"], json!([]));
    assert_eq!(a["consequence"], "none");
    assert_eq!((a["fine_min_yuan"].as_u64(), a["fine_max_yuan"].as_u64()), (Some(0), Some(0)));
}

// Moving in at a home on Tue 2024-06-11: 24 hours end on Wed 06-12.
#[rstest]
#[case::foreigner_on_time("foreigner", Some("2024-06-12"), "done", "none", 0, 0, false)]
#[case::foreigner_late("foreigner", Some("2024-06-13"), "late", "warning_and_optional_fine", 0, 2000, true)]
#[case::foreigner_overdue("foreigner", None, "overdue", "warning_and_optional_fine", 0, 2000, false)]
#[case::taiwan_late("taiwan", Some("2024-06-13"), "late", "warning_or_fine", 100, 500, true)]
#[case::taiwan_overdue("taiwan", None, "overdue", "warning_or_fine", 100, 500, false)]
#[case::hk_macao_late("hk_macao", Some("2024-06-13"), "late", "none", 0, 0, false)]
#[case::hk_macao_overdue("hk_macao", None, "overdue", "none", 0, 0, false)]
#[case::registered_after_as_of("taiwan", Some("2024-06-25"), "overdue", "warning_or_fine", 100, 500, false)]
fn overseas_penalties(
    #[case] kind: &str,
    #[case] registered: Option<&str>,
    #[case] status: &str,
    #[case] consequence: &str,
    #[case] min: u64,
    #[case] max: u64,
    #[case] o4: bool,
) {
    let a = assess(overseas(
        "2024-06-20",
        json!({"overseas_kind": kind, "arrival_date": "2024-06-11", "registered_on": registered}),
    ));
    assert_eq!(a["registration"]["status"], status);
    assert_eq!(a["consequence"], consequence);
    assert_eq!(a["fine_min_yuan"], min);
    assert_eq!(a["fine_max_yuan"], max);
    assert_eq!(has_interp(&a, "O4"), o4);
    assert_eq!(
        a["registration"]["basis"].as_array().unwrap().len(),
        1,
        "the penalty's article is in the explanation only"
    );
    let cites = |id: &str| a["explanation"].as_array().unwrap().iter().any(|l| l["basis"] == id);
    assert_eq!(cites("eel76.p1.i6"), consequence == "warning_and_optional_fine");
    assert_eq!(cites("tw34"), consequence == "warning_or_fine");
}

#[rstest]
#[case::registered_on_the_deadline_day(Some("2024-06-08"), "2024-06-20", "done", &["O1", "O2", "O3"])]
#[case::registered_on_moving_in(Some("2024-06-07"), "2024-06-20", "done", &["O1", "O2"])]
#[case::unregistered_on_the_deadline_day(None, "2024-06-08", "pending", &["O1", "O2"])]
#[case::unregistered_the_day_after(None, "2024-06-09", "overdue", &["O1", "O2"])]
fn overseas_hours_end_on_a_date_never_moved(
    #[case] registered: Option<&str>,
    #[case] as_of: &str,
    #[case] status: &str,
    #[case] interpretations: &[&str],
) {
    // Fri 2024-06-07 21:15 + 24 hours = Sat 2024-06-08 21:15: a rest day, not moved (O2).
    let a = assess(overseas(
        as_of,
        json!({"overseas_kind": "foreigner", "arrival_date": "2024-06-07", "arrival_time": "21:15", "registered_on": registered}),
    ));
    assert_eq!(a["registration"]["deadline"], "2024-06-08");
    assert_eq!(a["registration"]["deadline_time"], "21:15");
    assert_eq!(a["registration"]["status"], status);
    let got: Vec<&str> = a["interpretations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .filter(|i| i.starts_with('O'))
        .collect();
    assert_eq!(got, interpretations);
}

#[test]
fn overseas_hours_before_the_measures_run_from_entry_into_force() {
    // A Hong Kong resident moving in on 30 March 2013: the period starts on 2013-04-01 (I7, as
    // every period that would start before the Measures), so 24 hours end on 2 April.
    let a = assess(overseas("2013-04-05", json!({"overseas_kind": "hk_macao", "arrival_date": "2013-03-30"})));
    assert_eq!(a["registration"]["deadline"], "2013-04-02");
    assert!(has_interp(&a, "I7") && has_interp(&a, "O1"));
    let b = assess(overseas("2013-04-05", json!({"overseas_kind": "taiwan", "arrival_date": "2013-04-01"})));
    assert_eq!(b["registration"]["deadline"], "2013-04-02");
    assert!(!has_interp(&b, "I7"));
}

#[rstest]
#[case::rest_day_beyond_the_embedded_years("2030-06-07", "2030-06-08", true)]
#[case::working_day_beyond_the_embedded_years("2027-09-30", "2027-10-01", true)]
#[case::embedded_year("2024-06-07", "2024-06-08", false)]
fn overseas_hours_flag_a_rest_day_look_up_beyond_the_calendar(
    #[case] arrival: &str,
    #[case] due: &str,
    #[case] provisional: bool,
) {
    // Whether the deadline day is a rest day (O2) is a calendar look-up: outside the embedded
    // years it is weekends only, and the answer says so (RULES.md section 6).
    let a = assess(overseas(arrival, json!({"overseas_kind": "taiwan", "arrival_date": arrival})));
    assert_eq!(a["registration"]["deadline"], due);
    assert_eq!(a["calendar_provisional"], provisional);
}

#[rstest]
#[case::kind_on_floating(json!({"category": "floating", "arrival_date": "2024-06-01", "overseas_kind": "foreigner"}), "person.overseas_kind")]
#[case::time_on_lodging(json!({"category": "lodging", "arrival_date": "2024-06-01", "arrival_time": "10:00"}), "person.arrival_time")]
#[case::area_on_permanent(json!({"category": "permanent", "area": "rural"}), "person.area")]
#[case::kind_without_arrival(json!({"category": "overseas", "overseas_kind": "taiwan"}), "person.arrival_date")]
#[case::foreigner_before_eel(json!({"category": "overseas", "overseas_kind": "foreigner", "arrival_date": "2013-06-30"}), "person.arrival_date")]
#[case::bad_time(json!({"category": "overseas", "overseas_kind": "taiwan", "arrival_date": "2024-06-01", "arrival_time": "25:00"}), "person.arrival_time")]
#[case::unknown_kind(json!({"category": "overseas", "overseas_kind": "martian", "arrival_date": "2024-06-01"}), "person.overseas_kind")]
#[case::derived_floating_with_kind(json!({"hukou_region": "110105", "arrival_date": "2024-06-01", "overseas_kind": "hk_macao"}), "person.overseas_kind")]
fn overseas_refusals(#[case] p: Value, #[case] field: &str) {
    assert_eq!(refuse(json!({"as_of": "2024-06-20", "person": p})).field(), field);
}

#[test]
fn overseas_inputs_that_change_nothing_or_are_accepted() {
    // Without overseas_kind, arrival_time and area are accepted and unused.
    let plain =
        assess(overseas("2024-06-20", json!({"arrival_date": "2024-06-11", "arrival_time": "10:00", "area": "rural"})));
    assert_eq!(plain["registration"]["required"], false);
    assert_eq!(plain["registration"]["basis"], json!(["art25"]));
    assert_eq!(plain["registration"]["deadline_time"], Value::Null);
    // Derived from overseas: true; null values count as absent; a Hong Kong resident who arrived
    // before 2013-07-01 is not refused (only the foreigners' law changed then).
    let derived = assess(json!({"as_of": "2024-06-20", "person": {"overseas": true, "overseas_kind": "hk_macao",
        "arrival_date": "2024-06-11", "area": null, "arrival_time": null}}));
    assert_eq!(derived["category"], "overseas");
    assert_eq!(derived["registration"]["deadline"], "2024-06-12");
    assert_eq!(derived["registration"]["deadline_time"], Value::Null);
    let early = assess(overseas("2013-07-05", json!({"overseas_kind": "taiwan", "arrival_date": "2013-06-30"})));
    assert_eq!(early["registration"]["deadline"], "2013-07-01");
    // A planned departure does not matter: the hours run for any stay.
    let short = assess(overseas(
        "2024-06-20",
        json!({"overseas_kind": "foreigner", "arrival_date": "2024-06-11", "planned_departure": "2024-06-12"}),
    ));
    assert_eq!(short["registration"]["status"], "overdue");
    // Moving in after as_of: the deadline is pending.
    let planned = assess(overseas("2024-06-01", json!({"overseas_kind": "foreigner", "arrival_date": "2024-06-11"})));
    assert_eq!(planned["registration"]["status"], "pending");
}

/// An assessment read back from JSON that is not one says what does not fit, as an error type
/// (`?` into any `Box<dyn Error>`).
#[test]
fn reading_back_what_is_no_assessment_is_an_error() {
    fn read(text: &str) -> Result<juzhu::Assessment, Box<dyn std::error::Error + Send + Sync>> {
        Ok(juzhu::Assessment::from_json(text)?)
    }
    let e = read("{}").unwrap_err().to_string();
    assert!(e.contains("not an assessment: rule_set: missing"), "{e}");
    let e = juzhu::Assessment::from_json("[1").unwrap_err();
    assert_eq!(e.field(), "");
    assert!(e.message().starts_with("not an assessment: "), "{}", e.message());
}
