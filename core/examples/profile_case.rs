//! Assesses one case many times, for instruction counts (`valgrind --tool=callgrind`):
//! `cargo run --release -p juzhu --example profile_case -- [times] [china|l13]`
use std::hint::black_box;
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let which = std::env::args().nth(2).unwrap_or_default();
    let text = if which == "l13" {
        r#"{"as_of":"2024-10-02","person":{"category":"floating","birth_date":"1990-05-01","arrival_date":"2024-09-28","registered_on":"2024-09-30"}}"#
    } else {
        r#"{"as_of":"2024-08-15","policy":{"rule_set":"china-2016"},"person":{"hukou_region":"210203","residence_region":"210102","birth_date":"1988-04-02","residing_since":"2020-03-01","stable_employment":true,"permit":{"issued_on":"2021-08-01","endorsed_on":["2022-07-10","2023-07-12","2024-07-05"]}}}"#
    };
    let case = juzhu::Case::from_json(text).unwrap();
    for _ in 0..n {
        black_box(juzhu::assess(black_box(&case)).unwrap());
    }
}
