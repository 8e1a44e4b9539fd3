//! Runs the batch engine over a generated population for a profiler (`perf record`).
//! `cargo run --release -p juzhu --example profile_batch -- [rows] [rounds]`
use juzhu::batch::NULL_DAY;
use juzhu::date::from_ymd;
use juzhu::rules::liaoning_2013::batch::{assess_persons_into, PersonBatch, PersonColumns};
use juzhu::values::Values;
use juzhu::{Calendar, Policy};

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let n = args.first().copied().unwrap_or(1_000_000);
    let rounds = args.get(1).copied().unwrap_or(10);
    let mut seed = 7u64;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let base = from_ymd(2019, 1, 1);
    let (mut cat, mut birth, mut arrival, mut reg, mut issued, mut years) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..n {
        let r = rnd();
        let a = base + (r % 2000) as i32;
        cat.push([0u8, 1, 2, 2, 2, 1, 2, 3][(r >> 20) as usize % 8]);
        arrival.push(a);
        birth.push(a - 3000 - ((r >> 12) % 20000) as i32);
        reg.push(if r >> 40 & 1 == 0 { a + 3 } else { NULL_DAY });
        let i = if r >> 41 & 1 == 0 { a + 10 } else { NULL_DAY };
        issued.push(i);
        years.push(if i == NULL_DAY { 255 } else { 2 });
    }
    let cols = PersonColumns {
        category: Some(Values::Bytes(&cat)),
        birth_date: Some(Values::Days(&birth)),
        arrival_date: Some(Values::Days(&arrival)),
        registered_on: Some(Values::Days(&reg)),
        permit_issued_on: Some(Values::Days(&issued)),
        permit_validity_years: Some(Values::Bytes(&years)),
        ..PersonColumns::new(n)
    };
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
        .unwrap();
        assert!(errs.is_empty());
    }
    let s = t.elapsed().as_secs_f64();
    println!("{:.1} M rows/s", (n * rounds) as f64 / s / 1e6);
}
