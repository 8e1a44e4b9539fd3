//! The rules of RULES-china-2016.md, section by section, as tables — the Interim Regulations on
//! Residence Permits (rule set `china-2016`).

mod common;

use common::*;
use rstest::rstest;
use serde_json::{json, Value};

/// A `china-2016` case as of `as_of` about a worker from Dalian living in Shenyang since
/// `since`, with `extra` person fields merged in.
fn case(as_of: &str, since: &str, extra: Value) -> Value {
    let mut p = json!({"hukou_region": "210203", "residence_region": "210102", "birth_date": "1990-05-01",
        "residing_since": since, "stable_employment": true});
    merge(&mut p, extra);
    json!({"as_of": as_of, "policy": {"rule_set": "china-2016"}, "person": p})
}

/// The same with policy settings merged in.
fn with(case: Value, policy: Value) -> Value {
    let mut c = case;
    merge(&mut c["policy"], policy);
    c
}

fn held(as_of: &str, issued: &str, endorsed: &[&str]) -> Value {
    case(as_of, "2020-01-01", json!({"permit": {"issued_on": issued, "endorsed_on": endorsed}}))
}

// ------------------------------------------------------------ §1: another city (R3)

#[rstest]
#[case::two_districts_of_dalian(json!("210203"), json!("210202"), false)]
#[case::dalian_and_shenyang(json!("210203"), json!("210102"), true)]
#[case::beijing_districts(json!("110105"), json!("110108"), false)]
#[case::shanghai_and_beijing(json!("310115"), json!("110105"), true)]
#[case::chongqing_county_and_district(json!("500240"), json!("500101"), false)]
#[case::two_hubei_county_units_under_the_province(json!("429004"), json!("429005"), true)]
#[case::county_unit_and_its_neighbour_city(json!("429004"), json!("420100"), true)]
#[case::long_codes(json!("210203001001"), json!("210202002"), false)]
#[case::numbers(json!(210203), json!(210102), true)]
fn another_city_is_judged_by_division_codes(#[case] hukou: Value, #[case] residence: Value, #[case] other: bool) {
    let a = assess(case("2024-09-01", "2024-01-10", json!({"hukou_region": hukou, "residence_region": residence})));
    let want = if other { "eligible" } else { "not_applicable" };
    assert_eq!(a["permit"]["status"], want);
    assert!(has_interp(&a, "R3"));
    assert_eq!(a["permit"]["eligible_from"], if other { json!("2024-07-10") } else { Value::Null });
}

#[rstest]
#[case::told_other(true, "eligible")]
#[case::told_same(false, "not_applicable")]
fn the_caller_may_say_other_city(#[case] other: bool, #[case] status: &str) {
    // The codes say "same city"; other_city wins, and R3 is not named.
    let a = assess(case("2024-09-01", "2024-01-10", json!({"residence_region": "210202", "other_city": other})));
    assert_eq!(a["permit"]["status"], status);
    assert!(!has_interp(&a, "R3"));
}

#[rstest]
#[case::no_codes(json!({"hukou_region": null, "residence_region": null}), "person.other_city")]
#[case::one_code(json!({"residence_region": null}), "person.other_city")]
#[case::short_code(json!({"hukou_region": "2102"}), "person.hukou_region")]
#[case::overseas(json!({"overseas": true}), "person.overseas")]
#[case::liaoning_field(json!({"arrival_date": "2024-01-10"}), "person.arrival_date")]
#[case::liaoning_permit_field(json!({"permit": {"issued_on": "2024-08-01", "validity_years": 1}}), "person.permit.validity_years")]
#[case::residing_since_missing(json!({"residing_since": null}), "person.residing_since")]
#[case::residing_since_after_as_of(json!({"residing_since": "2024-09-02"}), "person.residing_since")]
#[case::birth_after_as_of(json!({"birth_date": "2024-09-02"}), "person.birth_date")]
#[case::issued_before_residence(json!({"permit": {"issued_on": "2023-12-31"}}), "person.permit.issued_on")]
#[case::applied_after_issue(json!({"permit_applied_on": "2024-08-02", "permit": {"issued_on": "2024-08-01"}}), "person.permit_applied_on")]
#[case::endorsed_before_issue(json!({"permit": {"issued_on": "2024-08-01", "endorsed_on": ["2024-08-05", "2024-07-31"]}}), "person.permit.endorsed_on.1")]
#[case::new_permit_with_validity(json!({"permit": {"issued_on": "2024-08-01", "valid_until": "2027-07-31"}}), "person.permit.valid_until")]
#[case::conduct_twice(json!({"conduct": ["forged_permit", "forged_permit"]}), "person.conduct.1")]
#[case::conduct_unknown(json!({"conduct": ["jaywalking"]}), "person.conduct.0")]
#[case::year_out_of_range(json!({"birth_date": "1899-12-31"}), "person.birth_date")]
fn refusals_name_the_field(#[case] extra: Value, #[case] field: &str) {
    assert_eq!(refuse(case("2024-09-01", "2024-01-10", extra)).field(), field);
}

#[test]
fn a_field_of_the_other_rule_set_names_that_rule_set_both_ways() {
    let e = refuse(case("2024-09-01", "2024-01-10", json!({"category": "floating"})));
    assert_eq!(e.field(), "person.category");
    assert!(e.message().contains("liaoning-2013"), "{e}");
    let e = refuse(json!({"as_of": "2024-09-01", "person": {"category": "floating", "arrival_date": "2024-08-01",
        "residing_since": "2024-01-10"}}));
    assert_eq!(e.field(), "person.residing_since");
    assert!(e.message().contains("china-2016"), "{e}");
    let e = refuse(json!({"as_of": "2024-09-01", "policy": {"issuance_days": 20},
        "person": {"category": "floating", "arrival_date": "2024-08-01"}}));
    assert_eq!(e.field(), "policy.issuance_days");
    assert!(e.message().contains("china-2016"), "{e}");
    // A null value of another rule set's field counts as absent.
    let a = assess(case("2024-09-01", "2024-01-10", json!({"category": null, "arrival_date": null})));
    assert_eq!(a["permit"]["status"], "eligible");
    // Reporter cases do not exist here.
    let e = refuse(json!({"as_of": "2024-09-01", "policy": {"rule_set": "china-2016"},
        "reporter": {"kind": "employer", "registered_on": "2024-08-01"}}));
    assert_eq!(e.field(), "reporter");
}

#[test]
fn before_the_regulation_as_of_is_refused() {
    let e = refuse(case("2015-12-31", "2015-01-10", json!({})));
    assert_eq!(e.to_string(), "as_of: 2015-12-31 is before the Regulations entered into force (2016-01-01)");
    assess(case("2016-01-01", "2015-01-10", json!({})));
}

// --------------------------------------------------------- §2: eligibility (Art 2, 9)

#[rstest]
#[case::exactly_half_a_year("2024-01-10", "2024-07-10", "eligible", "2024-07-10")]
#[case::one_day_short("2024-01-10", "2024-07-09", "not_yet_eligible", "2024-07-10")]
#[case::month_end_clamps("2023-08-31", "2024-02-29", "eligible", "2024-02-29")]
#[case::month_end_common_year("2024-08-31", "2025-02-28", "eligible", "2025-02-28")]
#[case::month_end_day_before("2024-08-31", "2025-02-27", "not_yet_eligible", "2025-02-28")]
#[case::leap_day_start("2024-02-29", "2024-08-29", "eligible", "2024-08-29")]
fn half_a_year_by_month_arithmetic_r2(
    #[case] since: &str,
    #[case] as_of: &str,
    #[case] status: &str,
    #[case] from: &str,
) {
    let a = assess(case(as_of, since, json!({})));
    assert_eq!(a["permit"]["status"], status);
    assert_eq!(a["permit"]["eligible_from"], from);
    assert!(has_interp(&a, "R2") && has_interp(&a, "R9"));
}

#[rstest]
#[case::employment(json!({"stable_employment": true}), json!(["stable_employment"]))]
#[case::housing(json!({"stable_employment": false, "stable_housing": true}), json!(["stable_housing"]))]
#[case::study(json!({"stable_employment": false, "continuous_study": true}), json!(["continuous_study"]))]
#[case::all_three_in_article_order(json!({"continuous_study": true, "stable_housing": true}), json!(["stable_employment", "stable_housing", "continuous_study"]))]
#[case::none(json!({"stable_employment": false}), json!([]))]
fn any_one_condition_suffices(#[case] extra: Value, #[case] met: Value) {
    let a = assess(case("2024-09-01", "2024-01-10", extra));
    assert_eq!(a["permit"]["conditions_met"], met);
    let none = met.as_array().unwrap().is_empty();
    assert_eq!(a["permit"]["status"], if none { "not_eligible" } else { "eligible" });
    assert_eq!(a["permit"]["eligible_from"].is_null(), none);
}

#[rstest]
#[case::under_16("2012-06-15", false, Some("guardian_or_close_relative"))]
#[case::sixteenth_birthday_still_under("2008-09-01", false, Some("guardian_or_close_relative"))]
#[case::day_after_sixteenth_birthday("2008-08-31", false, None)]
#[case::adult_of_limited_mobility("1950-01-01", true, Some("guardian_or_close_relative"))]
#[case::adult("1990-05-01", false, None)]
fn a_guardian_or_close_relative_may_apply(#[case] birth: &str, #[case] limited: bool, #[case] through: Option<&str>) {
    let a = assess(case("2024-09-01", "2024-01-10", json!({"birth_date": birth, "limited_mobility": limited})));
    assert_eq!(a["permit"]["may_apply_through"], json!(through));
    assert_eq!(a["permit"]["status"], "eligible", "a way of applying, not an exemption");
}

#[test]
fn the_age_policy_moves_the_sixteenth_birthday() {
    let p = json!({"birth_date": "2008-09-01"});
    let a = assess(with(case("2024-09-01", "2024-01-10", p), json!({"age": "on_birthday"})));
    assert_eq!(a["permit"]["may_apply_through"], Value::Null);
}

// ---------------------------------------------------------- §2: issuance (Art 9 p6, R1)

#[rstest]
#[case::national_day_civil_code("civil_code", 15, "2024-09-20", "2024-10-08")]
#[case::national_day_calendar("calendar", 15, "2024-09-20", "2024-10-05")]
#[case::national_day_working_days("working_days", 15, "2024-09-20", "2024-10-16")]
#[case::ordinary_fortnight("civil_code", 15, "2024-06-03", "2024-06-18")]
#[case::extended_to_thirty("civil_code", 30, "2024-06-03", "2024-07-03")]
#[case::extended_ending_on_a_sunday("civil_code", 20, "2024-06-03", "2024-06-24")]
fn the_permit_is_due_within_fifteen_days(
    #[case] counting: &str,
    #[case] days: u32,
    #[case] applied: &str,
    #[case] due: &str,
) {
    let c = with(
        case("2024-11-01", "2023-01-10", json!({"permit_applied_on": applied})),
        json!({"day_counting": counting, "issuance_days": days}),
    );
    let a = assess(c);
    assert_eq!(a["permit"]["issue_deadline"], due, "{counting} {days}");
    assert_eq!(a["permit"]["issue_status"], "overdue");
    assert!(has_interp(&a, "R1") && has_interp(&a, "R8"));
    assert!(!has_interp(&a, "R9"), "an application was made");
}

#[rstest]
#[case::issued_on_the_deadline("2024-06-18", "done")]
#[case::issued_early("2024-06-10", "done")]
#[case::issued_late("2024-06-19", "late")]
fn issuance_is_judged_by_the_issue_date(#[case] issued: &str, #[case] status: &str) {
    let a = assess(case(
        "2024-07-01",
        "2023-01-10",
        json!({"permit_applied_on": "2024-06-03",
        "permit": {"issued_on": issued}}),
    ));
    assert_eq!(a["permit"]["status"], "held");
    assert_eq!(a["permit"]["issue_deadline"], "2024-06-18");
    assert_eq!(a["permit"]["issue_status"], status);
}

#[rstest]
#[case::pending("2024-06-18", "pending")]
#[case::overdue("2024-06-19", "overdue")]
#[case::issued_after_as_of_has_not_happened("2024-06-18", "pending")]
fn without_an_issued_permit(#[case] as_of: &str, #[case] status: &str) {
    let a = assess(case(
        as_of,
        "2023-01-10",
        json!({"permit_applied_on": "2024-06-03",
        "permit": {"issued_on": "2024-06-25"}}),
    ));
    assert_eq!(a["permit"]["status"], "eligible");
    assert_eq!(a["permit"]["issue_status"], status);
}

#[rstest]
#[case::not_yet_eligible_on_the_day("2024-05-01", "not_eligible")]
#[case::before_the_regulation("2015-12-20", "null")]
fn applications_not_judged_eligible(#[case] applied: &str, #[case] status: &str) {
    let a = assess(case(
        "2024-09-01",
        "2015-01-10",
        json!({"residing_since": if applied < "2016" { "2015-01-10" } else { "2024-01-10" },
        "permit_applied_on": applied}),
    ));
    assert_eq!(a["permit"]["issue_deadline"], Value::Null);
    assert_eq!(a["permit"]["issue_status"], if status == "null" { Value::Null } else { json!(status) });
    if status == "not_eligible" {
        // Judged on the application day (R8), not on as_of when the person is eligible.
        assert_eq!(a["permit"]["status"], "not_yet_eligible");
    }
}

#[test]
fn an_application_dated_after_as_of_has_not_happened() {
    let a = assess(case("2024-09-01", "2024-01-10", json!({"permit_applied_on": "2024-09-02"})));
    assert_eq!(a["permit"]["issue_deadline"], Value::Null);
    assert_eq!(a["permit"]["issue_status"], Value::Null);
    assert!(has_interp(&a, "R9") && !has_interp(&a, "R8"));
}

#[rstest]
#[case::fourteen(json!(14))]
#[case::thirty_one(json!(31))]
#[case::text(json!("15"))]
#[case::fraction(json!(15.5))]
#[case::negative(json!(-15))]
fn issuance_days_outside_fifteen_to_thirty_are_refused(#[case] days: Value) {
    let e = refuse(with(case("2024-09-01", "2024-01-10", json!({})), json!({"issuance_days": days})));
    assert_eq!(e.field(), "policy.issuance_days");
}

#[test]
fn null_issuance_days_is_fifteen() {
    let c = with(
        case("2024-07-01", "2024-01-10", json!({"permit_applied_on": "2024-06-03"})),
        json!({"issuance_days": null}),
    );
    let mut c2 = c.clone();
    c2["person"]["residing_since"] = json!("2023-01-10");
    assert_eq!(assess(c2)["permit"]["issue_deadline"], "2024-06-18");
}

// --------------------------------------------------------- §3: endorsement (Art 10)

#[rstest]
// Issued 2024-08-01: year 1 window 2025-07-01 .. 2025-07-31.
#[case::upcoming("2025-06-30", &[], "upcoming", "active")]
#[case::opens_on_the_day("2025-07-01", &[], "open", "active")]
#[case::open_on_the_closing_day("2025-07-31", &[], "open", "active")]
#[case::missed_the_day_after("2025-08-01", &[], "missed", "suspended")]
#[case::endorsed_on_the_opening_day("2025-08-15", &["2025-07-01"], "done", "active")]
#[case::endorsed_on_the_closing_day("2025-08-15", &["2025-07-31"], "done", "active")]
#[case::endorsed_before_the_window_counts_for_nothing("2025-08-15", &["2025-06-30"], "missed", "suspended")]
#[case::endorsement_after_as_of_has_not_happened("2025-08-15", &["2025-08-20"], "missed", "suspended")]
fn year_one(#[case] as_of: &str, #[case] endorsed: &[&str], #[case] status: &str, #[case] function: &str) {
    let a = assess(held(as_of, "2024-08-01", endorsed));
    let e = a["permit"]["endorsements"].as_array().unwrap();
    assert_eq!(e[0]["window_opens"], "2025-07-01");
    assert_eq!(e[0]["window_closes"], "2025-07-31");
    assert_eq!(e[0]["status"], status);
    assert_eq!(a["permit"]["function"], function);
    assert_eq!(a["permit"]["suspended_since"], if function == "suspended" { json!("2025-08-01") } else { Value::Null });
    assert_eq!(a["entitlements"].as_array().unwrap().len(), if function == "active" { 16 } else { 0 });
    if status == "done" {
        assert_eq!(e.len(), 2, "year 2 follows");
        assert_eq!(e[1]["status"], "upcoming");
    } else {
        assert_eq!(e.len(), 1, "nothing beyond an open, upcoming or missed year");
    }
    if endorsed.first().is_some_and(|d| *d == "2025-06-30") {
        assert!(has_interp(&a, "R6"));
    }
}

#[rstest]
// The anniversary 2024-10-08 (issued 2023-10-08): the window closes the day before, 10-07, the
// last day of the National Day holiday, and moves to 10-08 — the anniversary itself.
#[case::civil_code_moves_onto_the_anniversary("civil_code", "2024-09-08", "2024-10-08")]
#[case::working_days_moves_too("working_days", "2024-09-08", "2024-10-08")]
#[case::calendar_stays("calendar", "2024-09-08", "2024-10-07")]
fn a_window_closing_on_a_rest_day(#[case] counting: &str, #[case] opens: &str, #[case] closes: &str) {
    let a = assess(with(held("2024-09-20", "2023-10-08", &[]), json!({"day_counting": counting})));
    let e = &a["permit"]["endorsements"][0];
    assert_eq!(e["window_opens"], opens, "the opening day never moves");
    assert_eq!(e["window_closes"], closes);
    // Endorsed on the moved closing day: on time.
    let a = assess(with(held("2024-10-09", "2023-10-08", &["2024-10-08"]), json!({"day_counting": counting})));
    let want = if counting == "calendar" { "late" } else { "done" };
    assert_eq!(a["permit"]["endorsements"][0]["status"], want);
}

#[rstest]
#[case::leap_day_issue("2024-02-29", "2025-02-28", "2025-01-28", "2025-02-27")]
#[case::month_end_31st("2024-05-31", "2025-05-31", "2025-04-30", "2025-05-30")]
#[case::march_31st("2024-03-31", "2025-03-31", "2025-02-28", "2025-03-31")]
fn anniversaries_and_windows_by_month_arithmetic(
    #[case] issued: &str,
    #[case] anniversary: &str,
    #[case] opens: &str,
    #[case] closes: &str,
) {
    let a = assess(with(held("2024-12-01", issued, &[]), json!({"day_counting": "civil_code"})));
    let e = &a["permit"]["endorsements"][0];
    assert_eq!(e["anniversary"], anniversary);
    assert_eq!(e["window_opens"], opens);
    assert_eq!(e["window_closes"], closes, "2025-03-30 is a Sunday: moves to Monday 31st");
}

#[test]
fn a_late_endorsement_suspends_restores_and_re_anchors() {
    let a = assess(held("2025-06-01", "2023-05-10", &["2024-06-20"]));
    let e = a["permit"]["endorsements"].as_array().unwrap();
    assert_eq!((e[0]["year"].clone(), e[0]["status"].clone()), (json!(1), json!("late")));
    assert_eq!((e[1]["year"].clone(), e[1]["anniversary"].clone()), (json!(1), json!("2025-06-20")));
    assert_eq!(a["permit"]["residence_counted_from"], "2024-06-20");
    assert_eq!(a["permit"]["function"], "active");
    let text = a["explanation"].to_string();
    assert!(text.contains("2024-05-10") && text.contains("2024-06-19"), "the whole suspension is named");
}

#[test]
fn several_years_on_time_then_a_miss() {
    let a = assess(held("2028-04-01", "2024-03-01", &["2025-02-10", "2026-02-03", "2026-02-20"]));
    let e = a["permit"]["endorsements"].as_array().unwrap();
    let statuses: Vec<&str> = e.iter().map(|x| x["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["done", "done", "missed"]);
    assert!(has_interp(&a, "R6"), "the second 2026 date counted for no year");
    assert_eq!(a["permit"]["residence_years"], 4, "the count from the old anchor goes on while suspended");
    // Year 3 closes on Sun 2027-02-28 (2027 has no official data: weekends rest), moved to 03-01.
    assert_eq!(a["permit"]["endorsements"][2]["window_closes"], "2027-03-01");
    assert_eq!(a["permit"]["suspended_since"], "2027-03-02");
    assert_eq!(a["calendar_provisional"], true);
}

#[test]
fn repeated_dates_count_once() {
    let a = assess(held("2025-08-15", "2024-08-01", &["2025-07-10", "2025-07-10"]));
    assert_eq!(a["permit"]["endorsements"][0]["status"], "done");
    assert!(!has_interp(&a, "R6"));
}

#[rstest]
#[case::anniversary_day_not_over("2025-08-01", 0)]
#[case::day_after("2025-08-02", 1)]
#[case::years_later_while_suspended("2030-08-02", 6)]
fn residence_years_count_full_years(#[case] as_of: &str, #[case] years: u64) {
    let a = assess(held(as_of, "2024-08-01", &["2025-07-10"]));
    assert_eq!(a["permit"]["residence_years"], years, "{as_of}");
}

#[test]
fn a_permit_issued_after_as_of_is_not_held() {
    let a = assess(case("2024-09-01", "2023-01-01", json!({"permit": {"issued_on": "2024-09-02"}})));
    assert_eq!(a["permit"]["status"], "eligible");
    assert_eq!(a["permit"]["function"], Value::Null);
    assert_eq!(a["permit"]["endorsements"], json!([]));
}

// ----------------------------------------------------------------- Art 23: old permits

#[rstest]
#[case::valid("2017-06-30", "held", Some("active"))]
#[case::expired("2017-07-01", "eligible", None)]
fn a_local_permit_stays_valid_within_its_validity(
    #[case] as_of: &str,
    #[case] status: &str,
    #[case] function: Option<&str>,
) {
    let a =
        assess(case(as_of, "2013-05-01", json!({"permit": {"issued_on": "2014-07-01", "valid_until": "2017-06-30"}})));
    assert_eq!(a["permit"]["status"], status);
    assert_eq!(a["permit"]["function"], json!(function));
    assert_eq!(a["permit"]["endorsements"], json!([]));
    if function.is_some() {
        assert_eq!(a["permit"]["residence_counted_from"], "2014-07-01");
        assert_eq!(a["permit"]["basis"].as_array().unwrap().iter().filter(|b| *b == "rp23").count(), 1);
    }
}

#[rstest]
#[case::missing(json!({"issued_on": "2014-07-01"}))]
#[case::before_issue(json!({"issued_on": "2014-07-01", "valid_until": "2014-06-30"}))]
fn a_local_permit_needs_a_coherent_validity(#[case] permit: Value) {
    let e = refuse(case("2016-05-01", "2013-05-01", json!({"permit": permit})));
    assert_eq!(e.field(), "person.permit.valid_until");
}

// ---------------------------------------------------------------- §5: settlement (Art 16)

#[rstest]
#[case::one(1, "small", json!(["stable_housing"]), Value::Null, "no", "rp16.i1")]
#[case::half_a_million(500_000, "small", json!(["stable_housing"]), Value::Null, "no", "rp16.i1")]
#[case::just_over(500_001, "medium", json!(["stable_employment", "stable_housing", "urban_social_insurance"]), json!(3), "no", "rp16.i2")]
#[case::a_million(1_000_000, "medium", json!(["stable_employment", "stable_housing", "urban_social_insurance"]), json!(3), "no", "rp16.i2")]
#[case::just_over_a_million(1_000_001, "large", json!(["stable_employment_years", "stable_housing", "urban_social_insurance"]), json!(5), "no", "rp16.i3")]
#[case::three_million(3_000_000, "large", json!(["stable_employment_years", "stable_housing", "urban_social_insurance"]), json!(5), "optional", "rp16.i3")]
#[case::five_million(5_000_000, "megacity", json!(["points"]), Value::Null, "required", "rp16.i4")]
fn settlement_tiers_r7(
    #[case] population: u64,
    #[case] tier: &str,
    #[case] frame: Value,
    #[case] cap: Value,
    #[case] points: &str,
    #[case] item: &str,
) {
    let a = assess(with(case("2024-09-01", "2024-01-10", json!({})), json!({"city_urban_population": population})));
    let s = &a["settlement"];
    assert_eq!(s["tier"], tier);
    assert_eq!(s["frame"], frame);
    assert_eq!(s["insurance_years_cap"], cap);
    assert_eq!(s["points_system"], points);
    assert_eq!(s["basis"], json!(["rp15", item]));
    assert!(has_interp(&a, "R7"));
}

#[rstest]
#[case::zero(json!(0))]
#[case::negative(json!(-1))]
#[case::text(json!("3000000"))]
#[case::fraction(json!(1.5))]
#[case::too_large(json!(1e20))]
fn a_population_must_be_a_positive_whole_number(#[case] population: Value) {
    let huge = population.as_f64().is_some_and(|f| f >= 1e19);
    let e = refuse(with(case("2024-09-01", "2024-01-10", json!({})), json!({"city_urban_population": population})));
    assert_eq!(e.field(), "policy.city_urban_population");
    // A whole number too large for any city is called that, not "not a whole number".
    assert_eq!(e.message().contains("too large"), huge, "{e}");
}

// ---------------------------------------------------------------- §6: penalties (Art 18, 19)

#[rstest]
#[case::false_documents("false_documents", 0, 200, "rp18.i1", 4)]
#[case::rent_lend_transfer("rent_lend_transfer", 0, 200, "rp18.i2", 4)]
#[case::withholding("withholding_permit", 0, 200, "rp18.i3", 4)]
#[case::using_others("using_others_permit", 200, 1000, "rp19.p1.i1", 3)]
#[case::forged("forged_permit", 200, 1000, "rp19.p1.i2", 3)]
fn each_offence_and_its_penalty(
    #[case] offence: &str,
    #[case] min: u64,
    #[case] max: u64,
    #[case] basis: &str,
    #[case] measures: usize,
) {
    let plain = assess(case("2024-09-01", "2024-01-10", json!({})));
    let a = assess(case("2024-09-01", "2024-01-10", json!({"conduct": [offence]})));
    let p = &a["penalties"][0];
    assert_eq!(p["offence"], offence);
    assert_eq!((p["fine_min_yuan"].as_u64(), p["fine_max_yuan"].as_u64()), (Some(min), Some(max)));
    assert_eq!(p["basis"], json!([basis]));
    assert_eq!(p["authority"], "public_security");
    assert_eq!(p["measures"].as_array().unwrap().len(), measures);
    // Penalties change nothing else.
    assert_eq!(a["permit"], plain["permit"]);
    assert_eq!(a["entitlements"], plain["entitlements"]);
}

// ----------------------------------------------------------------- notices and fees

#[test]
fn every_assessment_carries_local_measures_and_the_fees() {
    for c in [case("2024-09-01", "2024-01-10", json!({})), held("2025-08-15", "2024-08-01", &["2025-07-10"])] {
        let a = assess(c);
        assert_eq!(a["notices"][0]["id"], "local_measures");
        assert_eq!(a["notices"].as_array().unwrap().len(), 1);
        assert_eq!(
            (a["permit"]["fee_yuan"].clone(), a["permit"]["endorsement_fee_yuan"].clone()),
            (json!(0), json!(0))
        );
        assert_eq!(a["permit"]["replacement_fee"], "card_fee");
        assert!(a.get("category").is_none() && a.get("registration").is_none() && a.get("consequence").is_none());
    }
}

#[test]
fn a_far_window_in_a_year_without_data_is_provisional() {
    let a = assess(held("2026-12-01", "2026-06-01", &[]));
    assert_eq!(a["permit"]["endorsements"][0]["status"], "upcoming");
    assert_eq!(a["calendar_provisional"], true, "the 2027 window's closing day needed 2027's rest days");
    let a = assess(with(held("2026-12-01", "2026-06-01", &[]), json!({"day_counting": "calendar"})));
    assert_eq!(a["calendar_provisional"], false, "never under calendar counting");
}

#[test]
fn an_assessment_reads_back_from_its_json() {
    for c in [
        held("2025-06-01", "2023-05-10", &["2024-06-20"]),
        with(
            case("2024-09-01", "2024-01-10", json!({"conduct": ["forged_permit"]})),
            json!({"city_urban_population": 3_000_000}),
        ),
    ] {
        let a = juzhu::assess(&juzhu::Case::from_value(&c).unwrap()).unwrap();
        let back = juzhu::Assessment::from_json(&a.to_json()).unwrap();
        assert_eq!(back, a);
        assert_eq!(back.to_json(), a.to_json());
    }
}

// ------------------------------------------------------------------ the batch engine

#[test]
fn the_batch_engine_agrees_with_per_case_assessment() {
    use juzhu::batch::{NULL_CODE, NULL_DAY};
    use juzhu::date::{format_iso, from_ymd};
    use juzhu::rules::china_2016::batch::{assess_persons_into_threaded, PersonBatch, PersonColumns};
    use juzhu::rules::china_2016::Settings;
    use juzhu::values::{Offsets, Values};
    use juzhu::{Calendar, Policy, Word};
    // A population through every branch: codes and flags, half a year, applications, permits
    // old and new, endorsements on time, late, early and missing, bad rows.
    let n = 4000usize;
    let mut rnd = 0x2016_0101_u64;
    let mut next = move || {
        rnd ^= rnd << 13;
        rnd ^= rnd >> 7;
        rnd ^= rnd << 17;
        rnd
    };
    let codes = [210_203_i64, 210_102, 110_105, 110_108, 429_004, 500_101, 12, i64::MIN];
    let (mut hukou, mut residence, mut other, mut since, mut employment, mut housing) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let (mut birth, mut applied, mut issued, mut valid, mut offsets, mut values) =
        (vec![], vec![], vec![], vec![], vec![0i32], vec![]);
    for _ in 0..n {
        let r = next();
        hukou.push(codes[(r % 8) as usize]);
        residence.push(codes[((r >> 3) % 8) as usize]);
        other.push([0, 1, NULL_CODE, NULL_CODE][((r >> 6) % 4) as usize]);
        let s = from_ymd(2014, 1, 1) + ((r >> 8) % 3000) as i32;
        since.push(s);
        employment.push(((r >> 20) % 2) as u8);
        housing.push(((r >> 21) % 3 == 0) as u8);
        birth.push(if (r >> 22) % 5 == 0 { NULL_DAY } else { s - 1000 - ((r >> 24) % 12_000) as i32 });
        applied.push(if (r >> 36) % 3 == 0 { s + 150 + ((r >> 38) % 80) as i32 } else { NULL_DAY });
        let held = (r >> 40) % 2 == 0;
        let iss = if held { s + 190 + ((r >> 42) % 60) as i32 } else { NULL_DAY };
        issued.push(iss);
        valid.push(if held && iss < from_ymd(2016, 1, 1) { iss + 1000 } else { NULL_DAY });
        if held {
            for k in 0..((r >> 48) % 4) as i32 {
                values.push(iss + 340 + 365 * k + ((r >> (50 + k)) % 70) as i32);
            }
        }
        offsets.push(values.len() as i32);
    }
    let day_values = Values::Days(&values);
    let cols = PersonColumns {
        hukou_region: Some(Values::Regions(&hukou)),
        residence_region: Some(Values::Regions(&residence)),
        other_city: Some(Values::Bytes(&other)),
        birth_date: Some(Values::Days(&birth)),
        residing_since: Some(Values::Days(&since)),
        stable_employment: Some(Values::Bytes(&employment)),
        stable_housing: Some(Values::Bytes(&housing)),
        permit_applied_on: Some(Values::Days(&applied)),
        permit_issued_on: Some(Values::Days(&issued)),
        permit_valid_until: Some(Values::Days(&valid)),
        permit_endorsed_on: Some(Values::Lists {
            offsets: Offsets::I32(&offsets),
            values: &day_values,
            validity: None,
        }),
        ..PersonColumns::new(n)
    };
    let as_of = from_ymd(2024, 6, 1);
    let mut out = PersonBatch::with_len(n);
    let errors = assess_persons_into_threaded(
        &cols,
        as_of,
        &Policy::default(),
        &Settings::default(),
        Calendar::china(),
        &mut out.columns_mut(),
        3,
    )
    .unwrap();
    let day = |d: i32| if d == NULL_DAY { Value::Null } else { json!(format_iso(d)) };
    let (mut assessed, mut refused) = (0, 0);
    for i in 0..n {
        let mut p = json!({"residing_since": format_iso(since[i]), "birth_date": day(birth[i]),
            "stable_employment": employment[i] == 1, "stable_housing": housing[i] == 1,
            "permit_applied_on": day(applied[i])});
        if hukou[i] != i64::MIN {
            p["hukou_region"] = json!(hukou[i]);
        }
        if residence[i] != i64::MIN {
            p["residence_region"] = json!(residence[i]);
        }
        if other[i] != NULL_CODE {
            p["other_city"] = json!(other[i] == 1);
        }
        if issued[i] != NULL_DAY {
            let dates: Vec<String> =
                values[offsets[i] as usize..offsets[i + 1] as usize].iter().map(|&d| format_iso(d)).collect();
            p["permit"] =
                json!({"issued_on": format_iso(issued[i]), "endorsed_on": dates, "valid_until": day(valid[i])});
        }
        let case = json!({"as_of": format_iso(as_of), "policy": {"rule_set": "china-2016"}, "person": p});
        let single = juzhu::Case::from_value(&case).and_then(|c| juzhu::assess(&c));
        match (errors.iter().find(|(k, _)| *k == i), single) {
            (Some((_, e)), Err(s)) => {
                assert_eq!((e.field(), e.message()), (s.field(), s.message()), "row {i}");
                refused += 1;
            }
            (None, Ok(a)) => {
                let f = a.china_2016().unwrap();
                let p = &f.permit;
                assert_eq!(out.permit_status[i], p.status.code(), "row {i}");
                assert_eq!(
                    out.permit_eligible_from[i],
                    p.eligible_from.map_or(NULL_DAY, juzhu::date::from_naive),
                    "row {i}"
                );
                assert_eq!(out.permit_issue_status[i], p.issue_status.map_or(NULL_CODE, |s| s.code()), "row {i}");
                assert_eq!(out.permit_function[i], p.function.map_or(NULL_CODE, |s| s.code()), "row {i}");
                assert_eq!(out.permit_residence_years[i], p.residence_years.unwrap_or(u32::MAX), "row {i}");
                let last = p.endorsements.last();
                assert_eq!(out.endorsement_status[i], last.map_or(NULL_CODE, |e| e.status.code()), "row {i}");
                assert_eq!(
                    out.endorsement_window_closes[i],
                    last.map_or(NULL_DAY, |e| juzhu::date::from_naive(e.window_closes)),
                    "row {i}"
                );
                assert_eq!(u64::from(out.entitlements[i]), f.entitlements.bits(), "row {i}");
                assert_eq!(out.interpretations[i], a.interpretations.bits() as u16, "row {i}");
                assessed += 1;
            }
            (b, s) => panic!("row {i}: batch {b:?} vs case {:?}", s.map(|_| ())),
        }
    }
    assert!(assessed > n / 3 && refused > 10, "{assessed} assessed, {refused} refused");
}

#[rstest]
#[case::holder(json!({"permit": {"issued_on": "2024-08-01"}}), "held", true)]
#[case::holder_without_a_condition(json!({"stable_employment": false, "permit": {"issued_on": "2024-08-01"}}), "held", false)]
#[case::eligible(json!({}), "eligible", true)]
fn r2_is_named_wherever_eligible_from_is_given(#[case] extra: Value, #[case] status: &str, #[case] r2: bool) {
    let a = assess(case("2025-08-15", "2023-08-01", extra));
    assert_eq!(a["permit"]["status"], status);
    assert_eq!(!a["permit"]["eligible_from"].is_null(), r2);
    assert_eq!(has_interp(&a, "R2"), r2);
    // ... and the explanation says why.
    let says_r2 = a["explanation"].to_string().contains("(R2");
    assert_eq!(says_r2, r2);
}

/// A typed case is checked as its JSON is: an offence listed twice in a case built in code is
/// refused at the same field, in the same words, not quietly counted once.
#[test]
fn a_typed_case_listing_an_offence_twice_is_refused_as_its_json_is() {
    use juzhu::rules::china_2016::penalties::Offence;
    let text = case("2024-10-02", "2022-05-01", json!({})).to_string();
    let juzhu::Case::China2016(mut typed) = juzhu::Case::from_json(&text).unwrap() else { panic!("china-2016") };
    typed.person.conduct = vec![Offence::FalseDocuments, Offence::FalseDocuments];
    let e = juzhu::assess(&juzhu::Case::China2016(typed)).unwrap_err();
    let twice = case("2024-10-02", "2022-05-01", json!({"conduct": ["false_documents", "false_documents"]}));
    let from_json = juzhu::Case::from_json(&twice.to_string()).unwrap_err();
    assert_eq!(e, from_json);
    assert_eq!(e.field(), "person.conduct.1");
}

/// Cases are equal and hash alike when their inputs are (a service caches answers by case).
#[test]
fn equal_cases_hash_alike() {
    use std::collections::HashSet;
    let text = case("2024-10-02", "2022-05-01", json!({})).to_string();
    let other = case("2024-10-02", "2022-05-02", json!({})).to_string();
    let read = |t: &str| juzhu::Case::from_json(t).unwrap();
    let set: HashSet<juzhu::Case> = [read(&text), read(&text), read(&other)].into_iter().collect();
    assert_eq!(set.len(), 2);
    let liaoning = r#"{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28"}}"#;
    assert!(set.contains(&read(&text)) && !set.contains(&read(liaoning)));
}
