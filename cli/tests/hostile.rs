//! The hostile-input catalogue (`tests/hostile/catalogue.json`, documented in docs/HOSTILE.md)
//! through the command line: every input is answered (exit 0) or refused naming the expected
//! field (exit 1, the error JSON on stdout), never a panic, and never shows a whole identity
//! number. The inputs are built and judged as `core/tests/hostile.rs` does for the Rust API.

mod common;

use common::corpus::{catalogue, check, input};

#[test]
fn every_hostile_input_through_the_cli() {
    let mut failures = Vec::new();
    for entry in catalogue() {
        let bytes = input(&entry);
        let out = common::run(&["assess", "--json", "-"], &bytes);
        let text = out.out().trim().to_owned();
        if out.err().contains("panicked") {
            failures.push(format!("cli {}: panicked", entry["id"]));
        }
        let answer = match out.code {
            Some(0) => Ok(text),
            Some(1) => Err(text),
            other => {
                failures.push(format!("cli {}: exit status {other:?}", entry["id"]));
                continue;
            }
        };
        failures.extend(check("cli", &entry, answer));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
