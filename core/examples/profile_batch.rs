//! Runs the batch engine over the benchmark's population (`benches/common/population.rs`) for a
//! profiler, and prints rows per second.
//!
//! `cargo run --release -p juzhu --example profile_batch -- [rows] [rounds]`
//!
//! Instructions and mispredicted branches per row, which unlike time do not vary with the load
//! of the machine (the figures BENCHMARKS.md compares):
//!
//! ```text
//! valgrind --tool=callgrind --branch-sim=yes \
//!     --toggle-collect='juzhu::rules::liaoning_2013::batch::run' \
//!     target/release/examples/profile_batch 200000 1
//! ```
use juzhu::date::from_ymd;
use juzhu::rules::liaoning_2013::batch::{assess_persons_into, PersonBatch};
use juzhu::{Calendar, Policy};
use std::hint::black_box;

#[path = "../benches/common/population.rs"]
mod population;

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let n = args.first().copied().unwrap_or(1_000_000);
    let rounds = args.get(1).copied().unwrap_or(10);
    let pop = population::population(n);
    let cols = pop.columns();
    let mut out = PersonBatch::with_len(n);
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        let errs = assess_persons_into(
            &cols,
            from_ymd(2024, 10, 2),
            &Policy::default(),
            Calendar::china(),
            &mut out.columns_mut(),
        )
        .expect("a well-formed batch");
        black_box(errs);
    }
    let s = t.elapsed().as_secs_f64();
    println!("{:.1} M rows/s", (n * rounds) as f64 / s / 1e6);
}
