//! The explanation, word for word: one scenario per branch of the step renderer, in English and
//! Chinese, compared with the reviewed text in `golden/explanations.txt`.
//!
//! The explanation is what a clerk reads back to a person, so a change of wording or of the
//! provision a step cites must be a deliberate one. After reviewing a change, accept it with
//! `JUZHU_BLESS=1 cargo test -p juzhu --test explanations`.

mod common;

use common::*;
use juzhu::Word;
use serde_json::{json, Value};

fn reporter(as_of: &str, fields: Value) -> Value {
    json!({"as_of": as_of, "reporter": fields})
}

/// Every scenario: a name and a case. Each targets branches of the renderer; the comment says which.
fn scenarios() -> Vec<(&'static str, Value)> {
    vec![
        // Counting: the 7th day falls in the National Day holiday and moves (Civil Code Art 203).
        ("floating_pending_moved_by_holiday", floating("2024-10-02", "2024-09-28", json!({}))),
        // The 7th day is a working day; registration and permit done in time.
        (
            "floating_done_in_time",
            floating(
                "2024-06-20",
                "2024-06-12",
                json!({"registered_on": "2024-06-14", "permit_applied_on": "2024-06-14"}),
            ),
        ),
        // Done after the deadline.
        (
            "floating_late",
            floating(
                "2024-07-20",
                "2024-06-03",
                json!({"registered_on": "2024-06-20", "permit_applied_on": "2024-06-21"}),
            ),
        ),
        // Overdue, no correction limit yet: order to correct.
        ("floating_overdue_order", floating("2024-07-20", "2024-06-03", json!({}))),
        // Overdue past the correction limit: credit record.
        ("floating_overdue_credit", floating("2024-08-20", "2024-06-03", json!({"correction_deadline": "2024-08-01"}))),
        // Made only after the correction limit.
        (
            "floating_made_after_correction_limit",
            floating(
                "2024-08-20",
                "2024-06-03",
                json!({"correction_deadline": "2024-08-01", "registered_on": "2024-08-10", "permit_applied_on": "2024-08-10"}),
            ),
        ),
        // A date given after as_of has not happened yet on as_of.
        ("floating_done_date_in_future", floating("2024-06-05", "2024-06-03", json!({"registered_on": "2024-06-07"}))),
        // A date given on as_of has happened.
        ("floating_done_on_as_of", floating("2024-06-05", "2024-06-03", json!({"registered_on": "2024-06-05"}))),
        // Calendar counting (no move off a rest day).
        (
            "floating_calendar_counting",
            with_policy(floating("2024-10-02", "2024-09-28", json!({})), json!({"day_counting": "calendar"})),
        ),
        (
            "floating_calendar_counting_ends_on_a_working_day",
            with_policy(floating("2024-06-20", "2024-06-12", json!({})), json!({"day_counting": "calendar"})),
        ),
        // Working-day counting.
        (
            "floating_working_day_counting",
            with_policy(floating("2024-10-02", "2024-09-28", json!({})), json!({"day_counting": "working_days"})),
        ),
        // A year without official calendar data: provisional.
        ("floating_provisional_year", floating("2031-03-05", "2031-03-03", json!({}))),
        // The event precedes the Measures (I7).
        ("floating_before_in_force", floating("2013-04-03", "2013-03-20", json!({}))),
        // Category derived from division codes; a stay under a month.
        (
            "derived_short_stay",
            json!({"as_of": "2024-06-05", "person": {"hukou_region": "110105", "residence_region": "210102",
                "birth_date": "1990-05-01", "arrival_date": "2024-06-03", "planned_departure": "2024-06-20"}}),
        ),
        // A stay of a month or more with a planned departure.
        (
            "floating_planned_departure_long",
            floating("2024-06-05", "2024-06-03", json!({"planned_departure": "2024-09-01"})),
        ),
        // Birth date from the identity number.
        (
            "floating_birth_from_id",
            json!({"as_of": "2024-06-05", "person": {"category": "floating", "id_number": "11010519491231002X",
                "arrival_date": "2024-06-03"}}),
        ),
        // Lodging person registered: Art 17 certificates, no permit.
        ("lodging_registered", person("2024-06-20", "lodging", "2024-06-03", json!({"registered_on": "2024-06-04"}))),
        // Lodging person overdue: no certificates, Art 21 order.
        ("lodging_overdue", person("2024-07-20", "lodging", "2024-06-03", json!({}))),
        // Lodging person in a hotel (I5).
        ("lodging_in_hotel", person("2024-07-20", "lodging", "2024-06-03", json!({"accommodation": "hotel"}))),
        ("permanent", person("2024-06-05", "permanent", "2024-06-03", json!({}))),
        ("overseas", person("2024-06-05", "overseas", "2024-06-03", json!({}))),
        // Registered by an institution, wishing a permit (I4).
        (
            "floating_in_hospital_wants_permit",
            floating("2024-07-20", "2024-06-03", json!({"accommodation": "hospital", "wants_permit": true})),
        ),
        // Registered by a school, studying (I4).
        (
            "floating_in_school_studying",
            floating("2024-07-20", "2024-06-03", json!({"accommodation": "school", "studying": true})),
        ),
        // Registered by a relief station, neither.
        (
            "floating_in_relief_station",
            floating("2024-07-20", "2024-06-03", json!({"accommodation": "relief_station"})),
        ),
        // Student: exempt; voluntary application wished, made, or neither; overdue registration (I9).
        ("student", floating("2024-07-20", "2024-06-03", json!({"studying": true}))),
        ("student_wants_permit", floating("2024-06-05", "2024-06-03", json!({"studying": true, "wants_permit": true}))),
        (
            "student_applied",
            floating("2024-06-05", "2024-06-03", json!({"studying": true, "permit_applied_on": "2024-06-04"})),
        ),
        // Under 16; turning 16 during the stay; under 16 through a planned stay; no birth date.
        ("child_under_16", floating("2024-06-05", "2024-06-03", json!({"birth_date": "2010-01-15"}))),
        ("child_turned_16", floating("2024-06-20", "2024-03-01", json!({"birth_date": "2008-06-10"}))),
        (
            "child_under_16_through_stay",
            floating(
                "2024-06-05",
                "2024-06-03",
                json!({"birth_date": "2010-01-15", "planned_departure": "2025-06-01"}),
            ),
        ),
        ("no_birth_date", floating("2024-06-05", "2024-06-03", json!({"birth_date": null}))),
        // Permits: one year valid, extension pending; three years, extension done; late; missed; expired.
        (
            "permit_one_year_extension_pending",
            floating(
                "2024-06-05",
                "2023-09-01",
                json!({"registered_on": "2023-09-02",
                "permit": {"issued_on": "2023-09-10", "validity_years": 1}}),
            ),
        ),
        (
            "permit_three_years_extension_done",
            floating(
                "2026-08-20",
                "2023-09-01",
                json!({"registered_on": "2023-09-02",
                "permit": {"issued_on": "2023-09-10", "validity_years": 3, "extension_applied_on": "2026-07-01"}}),
            ),
        ),
        (
            "permit_extension_late",
            floating(
                "2024-09-05",
                "2023-09-01",
                json!({"registered_on": "2023-09-02",
                "permit": {"issued_on": "2023-09-10", "validity_years": 1, "extension_applied_on": "2024-09-01"}}),
            ),
        ),
        (
            "permit_extension_missed_expired",
            floating(
                "2024-10-05",
                "2023-09-01",
                json!({"registered_on": "2023-09-02",
                "permit": {"issued_on": "2023-09-10", "validity_years": 1}}),
            ),
        ),
        // A permit from before the Measures; a permit issued after as_of.
        (
            "permit_from_before",
            floating(
                "2013-05-05",
                "2012-09-01",
                json!({"registered_on": "2012-09-02",
                "permit": {"issued_on": "2012-09-10", "validity_years": 2}}),
            ),
        ),
        (
            "permit_not_yet_issued",
            floating(
                "2024-06-05",
                "2024-06-01",
                json!({"registered_on": "2024-06-02",
                "permit_applied_on": "2024-06-02", "permit": {"issued_on": "2024-06-20", "validity_years": 1}}),
            ),
        ),
        // Change reports: one in time, one overdue.
        (
            "changes",
            floating(
                "2024-08-20",
                "2024-06-03",
                json!({"registered_on": "2024-06-04", "permit_applied_on": "2024-06-04",
                "changes": [{"changed_on": "2024-07-01", "reported_on": "2024-07-03"}, {"changed_on": "2024-08-01"}]}),
            ),
        ),
        // Reporters: a 7-day reporter pending, done, and reports periodically.
        ("employer_pending", reporter("2024-09-03", json!({"kind": "employer", "registered_on": "2024-09-02"}))),
        (
            "job_agency_done",
            reporter(
                "2024-09-20",
                json!({"kind": "job_agency", "registered_on": "2024-09-02", "reported_on": "2024-09-05"}),
            ),
        ),
        ("hotel_periodic", reporter("2024-09-20", json!({"kind": "hotel", "registered_on": "2024-09-02"}))),
        // Penalties: concealment only, under an order; false reports only, fined; both, corrected in time.
        (
            "landlord_concealed_order",
            reporter(
                "2024-09-20",
                json!({"kind": "landlord", "registered_on": "2024-09-02",
                "reported_on": "2024-09-05", "concealed": 2}),
            ),
        ),
        (
            "housing_agency_false_fined",
            reporter(
                "2024-12-01",
                json!({"kind": "housing_agency", "registered_on": "2024-09-02",
                "reported_on": "2024-09-05", "false_reports": 1, "correction_deadline": "2024-11-01"}),
            ),
        ),
        (
            "employer_both_corrected",
            reporter(
                "2024-12-01",
                json!({"kind": "employer", "registered_on": "2024-09-02", "reported_on": "2024-09-05",
                "false_reports": 1, "concealed": 1, "correction_deadline": "2024-11-01", "corrected_on": "2024-10-20"}),
            ),
        ),
        // Late reporting alone, not corrected: credit record but no fine (I8); and with concealment, fined.
        (
            "employer_late_only_credit",
            reporter(
                "2024-12-01",
                json!({"kind": "employer", "registered_on": "2024-09-02",
                "correction_deadline": "2024-11-01"}),
            ),
        ),
        (
            "employer_late_and_concealed_fined",
            reporter(
                "2024-12-01",
                json!({"kind": "employer", "registered_on": "2024-09-02",
                "concealed": 3, "correction_deadline": "2024-11-01"}),
            ),
        ),
        // Correction limits with nothing to enforce (RULES.md §11): no Art 21 duty; a duty done on
        // time; a permit-exempt student (I9); a reporter with nothing false, concealed or late.
        (
            "limit_no_duty_permanent",
            person("2024-06-05", "permanent", "2024-06-03", json!({"correction_deadline": "2024-06-04"})),
        ),
        (
            "limit_duty_done_on_time",
            person(
                "2024-07-20",
                "lodging",
                "2024-06-03",
                json!({"registered_on": "2024-06-11", "correction_deadline": "2024-06-07"}),
            ),
        ),
        (
            "limit_exempt_student",
            floating("2024-10-01", "2024-09-01", json!({"studying": true, "correction_deadline": "2024-09-20"})),
        ),
        (
            "limit_reporter_nothing_to_correct",
            reporter(
                "2024-10-20",
                json!({"kind": "employer", "registered_on": "2024-09-02", "reported_on": "2024-09-05",
                "correction_deadline": "2024-10-01"}),
            ),
        ),
        (
            "limit_hotel_nothing_to_correct",
            reporter(
                "2024-10-20",
                json!({"kind": "hotel", "registered_on": "2024-09-28", "correction_deadline": "2024-09-30"}),
            ),
        ),
        // Household events (Art 8, HR): every kind and every way a deadline is set.
        (
            "household_birth_month_end",
            household("2024-02-20", "permanent", json!([{"kind": "birth", "on": "2024-01-31"}])),
        ),
        (
            "household_birth_moved_by_holiday_done",
            household(
                "2024-10-20",
                "lodging",
                json!([{"kind": "birth", "on": "2024-09-01", "reported_on": "2024-10-08", "reported_by": "relative"}]),
            ),
        ),
        (
            "household_birth_before_in_force",
            household("2013-06-01", "permanent", json!([{"kind": "birth", "on": "2013-03-20"}])),
        ),
        (
            "household_death_burial_overdue",
            household(
                "2024-03-11",
                "permanent",
                json!([{"kind": "death", "on": "2024-03-05", "area": "urban", "burial_on": "2024-03-09"}]),
            ),
        ),
        (
            "household_death_town_no_burial_day",
            household("2024-03-11", "permanent", json!([{"kind": "death", "on": "2024-03-05", "area": "urban"}])),
        ),
        (
            "household_death_village_late",
            household(
                "2024-07-01",
                "permanent",
                json!([{"kind": "death", "on": "2024-05-10", "area": "rural", "burial_on": "2024-05-12",
                    "reported_on": "2024-06-20", "reported_by": "neighbour"}]),
            ),
        ),
        (
            "household_move_out_in_advance",
            household(
                "2024-06-20",
                "permanent",
                json!([{"kind": "move_out", "on": "2024-06-08", "reported_on": "2024-06-03", "reported_by": "self"}]),
            ),
        ),
        (
            "household_move_in_town_holiday",
            household("2024-10-05", "permanent", json!([{"kind": "move_in", "on": "2024-09-29", "area": "urban"}])),
        ),
        (
            "household_move_in_village_calendar_counting",
            with_policy(
                household("2024-10-05", "permanent", json!([{"kind": "move_in", "on": "2024-09-29", "area": "rural"}])),
                json!({"day_counting": "calendar"}),
            ),
        ),
        (
            "household_move_in_working_days",
            with_policy(
                household("2024-10-05", "permanent", json!([{"kind": "move_in", "on": "2024-09-29", "area": "urban"}])),
                json!({"day_counting": "working_days"}),
            ),
        ),
        (
            "household_conscription_late",
            household(
                "2024-10-01",
                "permanent",
                json!([{"kind": "conscription", "on": "2024-09-15", "reported_on": "2024-09-16", "reported_by": "householder"}]),
            ),
        ),
        (
            "household_changes",
            household(
                "2024-06-20",
                "permanent",
                json!([{"kind": "change", "on": "2024-06-01", "reported_on": "2024-06-02", "reported_by": "self"},
                    {"kind": "change", "on": "2024-06-10", "reported_on": "2024-06-25"}]),
            ),
        ),
        (
            "household_provisional_year",
            household("2031-03-20", "permanent", json!([{"kind": "birth", "on": "2031-03-03"}])),
        ),
        // People from outside the mainland (Art 25 and the laws it hands them to).
        (
            "overseas_foreigner_hotel",
            overseas(
                "2024-06-20",
                json!({"overseas_kind": "foreigner", "arrival_date": "2024-06-07", "accommodation": "hotel"}),
            ),
        ),
        (
            "overseas_foreigner_registered_on_deadline_day",
            overseas(
                "2024-06-20",
                json!({"overseas_kind": "foreigner", "arrival_date": "2024-06-07", "arrival_time": "21:15", "registered_on": "2024-06-08"}),
            ),
        ),
        (
            "overseas_foreigner_in_hospital_overdue",
            overseas(
                "2024-06-20",
                json!({"overseas_kind": "foreigner", "arrival_date": "2024-06-11", "accommodation": "hospital"}),
            ),
        ),
        (
            "overseas_foreigner_pending_on_deadline_day",
            overseas(
                "2024-06-12",
                json!({"overseas_kind": "foreigner", "arrival_date": "2024-06-11", "arrival_time": "08:30"}),
            ),
        ),
        (
            "overseas_taiwan_village_late",
            overseas(
                "2025-10-10",
                json!({"overseas_kind": "taiwan", "arrival_date": "2025-09-28", "arrival_time": "14:00", "area": "rural",
                    "registered_on": "2025-10-02"}),
            ),
        ),
        (
            "overseas_taiwan_town_overdue",
            overseas("2024-06-20", json!({"overseas_kind": "taiwan", "arrival_date": "2024-06-11"})),
        ),
        (
            "overseas_hk_macao_overdue_no_penalty",
            overseas("2024-06-20", json!({"overseas_kind": "hk_macao", "arrival_date": "2024-06-11", "area": "rural"})),
        ),
        (
            "overseas_hk_macao_hotel",
            overseas(
                "2024-06-20",
                json!({"overseas_kind": "hk_macao", "arrival_date": "2024-06-11", "accommodation": "hotel"}),
            ),
        ),
        (
            "overseas_with_correction_limit",
            overseas(
                "2024-06-20",
                json!({"overseas_kind": "hk_macao", "arrival_date": "2024-06-11", "registered_on": "2024-06-11", "correction_deadline": "2024-06-15"}),
            ),
        ),
    ]
}

fn household(as_of: &str, category: &str, events: Value) -> Value {
    json!({"as_of": as_of, "person": {"category": category, "birth_date": "1980-03-15", "arrival_date": "2020-01-01",
        "registered_on": "2020-01-02", "household_events": events}})
}

fn overseas(as_of: &str, fields: Value) -> Value {
    let mut p = json!({"category": "overseas", "birth_date": "1985-02-02"});
    merge(&mut p, fields);
    json!({"as_of": as_of, "person": p})
}

#[test]
fn explanations_read_as_reviewed() {
    check_golden("explanations.txt", &render_explanations(scenarios()));
}

#[test]
fn every_step_is_in_both_languages_and_cites_a_provision() {
    for (name, case) in scenarios() {
        let a = assess_value(&case);
        let articles = juzhu::rules::liaoning_2013::Article::vocabulary();
        for line in a["explanation"].as_array().unwrap() {
            let basis = line["basis"].as_str().unwrap();
            // A provision of the article table, or one of Decree 281's articles cited whole (art18).
            let known = articles.code_of(basis).is_some() || basis.starts_with("art");
            assert!(known, "{name}: {basis} is not a provision of the rule set");
            // English may quote a Chinese term; it is not written in Chinese.
            let han = |s: &str| s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
            assert!(han(line["en"].as_str().unwrap()) <= 4, "{name}: {}", line["en"]);
            assert!(han(line["zh"].as_str().unwrap()) > 1, "{name}: {}", line["zh"]);
        }
    }
}

fn assess_value(case: &Value) -> Value {
    common::assess(case.clone())
}

/// A period is counted under the law in force when it began (RULES.md §6): the General
/// Principles of the Civil Law Art 154 before 2021-01-01, the Civil Code from then on — in the
/// registration step, a household event's step and `china-2016`'s issuance step, both languages.
#[rstest::rstest]
#[case::registration_2020(floating("2021-01-20", "2020-12-31", json!({})), "General Principles of the Civil Law Art 154", "《民法通则》第一百五十四条")]
#[case::registration_2021(floating("2021-01-20", "2021-01-01", json!({})), "Civil Code Arts 201, 203", "《民法典》第二百零一条、第二百零三条")]
#[case::registration_rolled_2019(floating("2019-10-20", "2019-09-28", json!({})), "General Principles of the Civil Law Art 154", "《民法通则》第一百五十四条")]
#[case::birth_rolled_2020(household("2020-11-20", "permanent", json!([{"kind": "birth", "on": "2020-09-01"}])), "H1; General Principles of the Civil Law Art 154", "H1，《民法通则》第一百五十四条")]
#[case::birth_rolled_2024(household("2024-11-20", "permanent", json!([{"kind": "birth", "on": "2024-09-05"}])), "H1; Civil Code Art 203", "H1，《民法典》第二百零三条")]
#[case::issuance_2020(json!({"as_of": "2020-10-20", "policy": {"rule_set": "china-2016"}, "person": {"other_city": true,
    "residing_since": "2019-01-01", "stable_employment": true, "permit_applied_on": "2020-09-20"}}),
    "R1, General Principles of the Civil Law Art 154", "R1，《民法通则》第一百五十四条")]
fn periods_cite_the_law_in_force_when_they_began(#[case] case: Value, #[case] en: &str, #[case] zh: &str) {
    let a = assess_value(&case);
    let lines = a["explanation"].as_array().unwrap();
    let has = |lang: &str, what: &str| lines.iter().any(|l| l[lang].as_str().unwrap().contains(what));
    assert!(has("en", en) && has("zh", zh), "{en} / {zh} in {lines:#?}");
    let other = if en.contains("Civil Code Art") { "General Principles" } else { "Civil Code Art" };
    assert!(!has("en", other), "only the law in force is cited: {lines:#?}");
}
