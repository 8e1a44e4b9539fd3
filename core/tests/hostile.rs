//! The hostile-input catalogue (`tests/hostile/catalogue.json`, documented in docs/HOSTILE.md)
//! through the Rust API: every input is answered or refused naming the expected field, never a
//! panic, and never shows a whole identity number. (The command line's run is in
//! `cli/tests/hostile.rs`.)

mod common;

use common::corpus::{catalogue, check, input};

#[test]
fn every_hostile_input_through_the_rust_api() {
    let mut failures = Vec::new();
    for entry in catalogue() {
        let bytes = input(&entry);
        let answer = std::panic::catch_unwind(|| juzhu::respond_json(&bytes, juzhu::Calendar::china()))
            .unwrap_or_else(|_| Err("{\"panic\": true}".into()));
        failures.extend(check("rust", &entry, answer));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
