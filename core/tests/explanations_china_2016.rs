//! The `china-2016` explanation, word for word: one scenario per branch of each step's words, in
//! English and Chinese, compared with the reviewed text in `golden/explanations-china-2016.txt`.
//! After reviewing a change, accept it with
//! `JUZHU_BLESS=1 cargo test -p juzhu --test explanations_china_2016`.

mod common;

use serde_json::{json, Value};

fn case(as_of: &str, person: Value, policy: Value) -> Value {
    let mut p = json!({"hukou_region": "210203", "residence_region": "210102", "birth_date": "1990-05-01",
        "residing_since": "2023-01-10", "stable_employment": true});
    common::merge(&mut p, person);
    let mut pol = json!({"rule_set": "china-2016"});
    common::merge(&mut pol, policy);
    json!({"as_of": as_of, "policy": pol, "person": p})
}

fn scenarios() -> Vec<(&'static str, Value)> {
    let none = json!({});
    vec![
        // Another city from codes; eligible; voluntary; documents for employment.
        ("eligible_from_codes", case("2024-09-01", json!({}), none.clone())),
        // The caller says other_city; not yet half a year; documents for study.
        (
            "not_yet_eligible_told_other_city",
            case(
                "2024-05-01",
                json!({"hukou_region": null, "residence_region": null, "other_city": true,
                "residing_since": "2024-01-10", "stable_employment": false, "continuous_study": true}),
                none.clone(),
            ),
        ),
        // The caller says same city.
        ("same_city_told", case("2024-09-01", json!({"other_city": false}), none.clone())),
        // Same city from the codes.
        ("same_city_from_codes", case("2024-09-01", json!({"residence_region": "210202"}), none.clone())),
        // No condition.
        ("no_condition", case("2024-09-01", json!({"stable_employment": false}), none.clone())),
        // A child: through a guardian.
        ("child_through_guardian", case("2024-09-01", json!({"birth_date": "2012-06-15"}), none.clone())),
        // Limited mobility.
        (
            "limited_mobility",
            case("2024-09-01", json!({"birth_date": "1940-01-01", "limited_mobility": true}), none.clone()),
        ),
        // Applied: Civil Code moves off the National Day holiday; pending.
        ("issuance_moved_pending", case("2024-10-02", json!({"permit_applied_on": "2024-09-20"}), none.clone())),
        // Applied: a working day; issued on time.
        (
            "issuance_done",
            case(
                "2024-07-01",
                json!({"permit_applied_on": "2024-06-03", "permit": {"issued_on": "2024-06-17"}}),
                none.clone(),
            ),
        ),
        // Issued late.
        (
            "issuance_late",
            case(
                "2024-07-01",
                json!({"permit_applied_on": "2024-06-03", "permit": {"issued_on": "2024-06-20"}}),
                none.clone(),
            ),
        ),
        // Overdue.
        ("issuance_overdue", case("2024-07-01", json!({"permit_applied_on": "2024-06-03"}), none.clone())),
        // Calendar counting ending on a rest day; extended to 20 days.
        (
            "issuance_calendar_extended",
            case(
                "2024-07-01",
                json!({"permit_applied_on": "2024-06-03"}),
                json!({"day_counting": "calendar", "issuance_days": 20}),
            ),
        ),
        // Working days.
        (
            "issuance_working_days",
            case("2024-10-02", json!({"permit_applied_on": "2024-09-20"}), json!({"day_counting": "working_days"})),
        ),
        // Provisional year.
        ("issuance_provisional", case("2031-03-05", json!({"permit_applied_on": "2031-03-03"}), none.clone())),
        // Applied while not yet eligible.
        (
            "application_not_eligible",
            case(
                "2024-09-01",
                json!({"residing_since": "2024-01-10", "permit_applied_on": "2024-05-01"}),
                none.clone(),
            ),
        ),
        // Applied before the regulation.
        (
            "application_under_local_rules",
            case(
                "2016-05-01",
                json!({"residing_since": "2015-01-10", "permit_applied_on": "2015-12-20"}),
                none.clone(),
            ),
        ),
        // Held: year 1 done, year 2 upcoming; settlement in a large city.
        (
            "held_done_upcoming_large_city",
            case(
                "2025-08-15",
                json!({"permit": {"issued_on": "2024-08-01", "endorsed_on": ["2025-07-10"]}}),
                json!({"city_urban_population": 3_000_000}),
            ),
        ),
        // Held: late, re-anchored, new window open; an early endorsement counted for nothing.
        (
            "held_late_reanchored_open",
            case(
                "2025-06-01",
                json!({"permit": {"issued_on": "2023-05-10", "endorsed_on": ["2024-03-01", "2024-06-20"]}}),
                none.clone(),
            ),
        ),
        // Held: missed, suspended; the closing day moved off the National Day holiday.
        ("held_missed_moved_window", case("2024-10-20", json!({"permit": {"issued_on": "2023-10-08"}}), none.clone())),
        // A permit issued after the assessment day.
        ("permit_not_yet_issued", case("2024-09-01", json!({"permit": {"issued_on": "2024-09-02"}}), none.clone())),
        // An old local permit, valid; and expired.
        (
            "legacy_permit_valid",
            case(
                "2016-05-01",
                json!({"residing_since": "2013-05-01", "permit": {"issued_on": "2014-07-01", "valid_until": "2017-06-30"}}),
                none.clone(),
            ),
        ),
        (
            "legacy_permit_expired",
            case(
                "2017-08-01",
                json!({"residing_since": "2013-05-01", "permit": {"issued_on": "2014-07-01", "valid_until": "2017-06-30"}}),
                none.clone(),
            ),
        ),
        // Settlement tiers: small, medium, megacity; penalties of Art 18 and Art 19.
        ("small_city", case("2024-09-01", json!({}), json!({"city_urban_population": 300_000}))),
        ("medium_city", case("2024-09-01", json!({}), json!({"city_urban_population": 800_000}))),
        ("megacity", case("2024-09-01", json!({}), json!({"city_urban_population": 20_000_000}))),
        ("penalties", case("2024-09-01", json!({"conduct": ["forged_permit", "false_documents"]}), none.clone())),
        // Birth date from the identity number.
        (
            "birth_from_id_number",
            case("2024-09-01", json!({"birth_date": null, "id_number": "110105201206150025"}), none.clone()),
        ),
        // Endorsed the day after the window closed: late, but no day of suspension.
        (
            "held_late_by_one_day",
            case(
                "2025-08-10",
                json!({"permit": {"issued_on": "2024-08-01", "endorsed_on": ["2025-08-01"]}}),
                none.clone(),
            ),
        ),
        // A permit held before the half year is reached (the assessment day is before it too).
        (
            "held_before_half_year",
            case(
                "2024-04-01",
                json!({"residing_since": "2024-01-10", "permit": {"issued_on": "2024-03-01"}}),
                none.clone(),
            ),
        ),
        // An application made too early, under a city's 30-day issuance.
        (
            "application_not_eligible_30_days",
            case(
                "2024-10-02",
                json!({"residing_since": "2024-01-10", "permit_applied_on": "2024-07-01"}),
                json!({"issuance_days": 30}),
            ),
        ),
        // Working days: English ordinals beyond the 20th (22nd, not 22th).
        (
            "issuance_22_working_days",
            case(
                "2024-10-02",
                json!({"permit_applied_on": "2024-09-20"}),
                json!({"day_counting": "working_days", "issuance_days": 22}),
            ),
        ),
    ]
}

#[test]
fn explanations_read_as_reviewed() {
    common::check_golden("explanations-china-2016.txt", &common::render_explanations(scenarios()));
}

#[test]
fn every_step_is_in_both_languages_and_cites_a_provision_of_the_regulation() {
    let vocabulary = juzhu::RuleSet::China2016.vocabularies();
    let articles = vocabulary.iter().find(|(n, _)| *n == "article").unwrap().1;
    for (name, case) in scenarios() {
        let a = common::assess(case);
        for line in a["explanation"].as_array().unwrap() {
            let basis = line["basis"].as_str().unwrap();
            assert!(articles.code_of(basis).is_some(), "{name}: {basis} is not an article of the regulation");
            let han = |s: &str| s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
            assert!(han(line["en"].as_str().unwrap()) <= 4, "{name}: {}", line["en"]);
            assert!(han(line["zh"].as_str().unwrap()) > 1, "{name}: {}", line["zh"]);
        }
    }
}
