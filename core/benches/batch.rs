//! Speed of the rules over whole populations, reported relative to baselines run in the same
//! process: the batch engine's rows per second, one typed `assess` per case (with explanations),
//! and the JSON path per case.
//!
//! `cargo bench -p juzhu --bench batch`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use juzhu::date::{from_ymd, DayNum};
use juzhu::rules::liaoning_2013::batch::{assess_persons_into, PersonBatch, PersonColumns};
use juzhu::values::Values;
use juzhu::{Calendar, Policy};
use std::hint::black_box;

/// A deterministic synthetic population in columns (SplitMix64; no external randomness).
struct Population {
    n: usize,
    category: Vec<u8>,
    accommodation: Vec<u8>,
    studying: Vec<u8>,
    birth: Vec<i32>,
    arrival: Vec<i32>,
    departure: Vec<i32>,
    registered: Vec<i32>,
    applied: Vec<i32>,
    issued: Vec<i32>,
    years: Vec<u8>,
    correction: Vec<i32>,
}

fn population(n: usize) -> Population {
    let mut state = 0x2013_0401_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let null = juzhu::batch::NULL_DAY;
    let base = from_ymd(2019, 1, 1);
    let mut p = Population {
        n,
        category: Vec::with_capacity(n),
        accommodation: Vec::with_capacity(n),
        studying: Vec::with_capacity(n),
        birth: Vec::with_capacity(n),
        arrival: Vec::with_capacity(n),
        departure: Vec::with_capacity(n),
        registered: Vec::with_capacity(n),
        applied: Vec::with_capacity(n),
        issued: Vec::with_capacity(n),
        years: Vec::with_capacity(n),
        correction: Vec::with_capacity(n),
    };
    for _ in 0..n {
        let r = next();
        let arrival = base + (r % 2000) as DayNum;
        let birth = arrival - 365 * 5 - ((r >> 12) % (365 * 60)) as DayNum;
        p.category.push([0, 1, 2, 2, 2, 1, 2, 3][(r >> 20) as usize % 8]);
        p.accommodation.push(if (r >> 24) % 16 == 0 { 1 + ((r >> 28) % 5) as u8 } else { 0 });
        p.studying.push(u8::from((r >> 32) % 10 == 0));
        p.birth.push(birth);
        p.arrival.push(arrival);
        p.departure.push(if (r >> 36) % 4 == 0 { arrival + ((r >> 40) % 90) as DayNum } else { null });
        p.registered.push(if (r >> 44) % 3 != 0 { arrival + ((r >> 46) % 12) as DayNum } else { null });
        p.applied.push(if (r >> 50) % 2 == 0 { arrival + ((r >> 52) % 15) as DayNum } else { null });
        let issued = if (r >> 56) % 3 == 0 { arrival + 10 } else { null };
        p.issued.push(issued);
        p.years.push(if issued == null { 255 } else { 1 + ((r >> 58) % 3) as u8 });
        p.correction.push(if (r >> 60) % 4 == 0 { arrival + 30 } else { null });
    }
    p
}

impl Population {
    fn columns(&self) -> PersonColumns<'_> {
        PersonColumns {
            category: Some(Values::Bytes(&self.category)),
            accommodation: Some(Values::Bytes(&self.accommodation)),
            studying: Some(Values::Bytes(&self.studying)),
            birth_date: Some(Values::Days(&self.birth)),
            arrival_date: Some(Values::Days(&self.arrival)),
            planned_departure: Some(Values::Days(&self.departure)),
            registered_on: Some(Values::Days(&self.registered)),
            permit_applied_on: Some(Values::Days(&self.applied)),
            permit_issued_on: Some(Values::Days(&self.issued)),
            permit_validity_years: Some(Values::Bytes(&self.years)),
            correction_deadline: Some(Values::Days(&self.correction)),
            ..PersonColumns::new(self.n)
        }
    }
}

/// The same population as typed per-case inputs (the in-process baseline for the batch engine).
fn cases(pop: &Population, as_of: DayNum) -> Vec<juzhu::Case> {
    use juzhu::date::to_naive;
    use juzhu::vocab::Word;
    let null = juzhu::batch::NULL_DAY;
    let day = |d: i32| (d != null).then(|| to_naive(d));
    (0..pop.n)
        .map(|i| {
            let person = juzhu::Person {
                category: juzhu::Category::from_code(pop.category[i]),
                accommodation: juzhu::Accommodation::from_code(pop.accommodation[i]).unwrap_or_default(),
                studying: pop.studying[i] == 1,
                birth_date: day(pop.birth[i]),
                arrival_date: day(pop.arrival[i]),
                planned_departure: day(pop.departure[i]),
                registered_on: day(pop.registered[i]),
                permit_applied_on: day(pop.applied[i]),
                permit: day(pop.issued[i]).map(|issued_on| juzhu::HeldPermit {
                    issued_on,
                    validity_years: pop.years[i],
                    extension_applied_on: None,
                }),
                correction_deadline: day(pop.correction[i]),
                ..juzhu::Person::default()
            };
            juzhu::Case::person(to_naive(as_of), person)
        })
        .collect()
}

fn typical_case() -> juzhu::Case {
    juzhu::Case::from_json(
        r#"{"as_of":"2024-10-02","person":{"category":"floating","birth_date":"1990-05-01","arrival_date":"2024-09-28","registered_on":"2024-09-30"}}"#,
    )
    .unwrap()
}

/// A `china-2016` permit holder with three endorsements, built with the typed API.
fn china_holder() -> juzhu::Case {
    use juzhu::rules::china_2016::{Case, HeldPermit, Person};
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut person = Person::residing_since(day(2020, 3, 1));
    person.hukou_region = Some("210203".into());
    person.residence_region = Some("210102".into());
    person.other_city = None;
    person.birth_date = Some(day(1988, 4, 2));
    person.stable_employment = true;
    person.permit = Some(HeldPermit {
        endorsed_on: vec![day(2022, 7, 10), day(2023, 7, 12), day(2024, 7, 5)],
        ..HeldPermit::issued(day(2021, 8, 1))
    });
    let case = Case::new(day(2024, 8, 15), person);
    let a = juzhu::assess(&case.clone().into()).unwrap();
    assert_eq!(a.china_2016().unwrap().permit.endorsements.len(), 4, "three years done, the fourth upcoming");
    case.into()
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::china();
    let policy = Policy::default();
    let as_of = from_ymd(2024, 10, 2);

    let mut g = c.benchmark_group("population");
    {
        // Baseline in the same process: the typed per-case API over the same people.
        let pop = population(100_000);
        let all = cases(&pop, as_of);
        g.throughput(Throughput::Elements(all.len() as u64));
        g.bench_function("per_case_loop/100000", |b| {
            b.iter(|| {
                for case in &all {
                    let _ = black_box(juzhu::assess(case));
                }
            })
        });
    }
    for n in [1_000usize, 100_000, 1_000_000] {
        let pop = population(n);
        let cols = pop.columns();
        let mut out = PersonBatch::with_len(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("batch_rows", n), &n, |b, _| {
            b.iter(|| black_box(assess_persons_into(&cols, as_of, &policy, cal, &mut out.columns_mut()).unwrap()))
        });
    }
    g.finish();

    let case = typical_case();
    let json = r#"{"as_of":"2024-10-02","person":{"category":"floating","birth_date":"1990-05-01","arrival_date":"2024-09-28","registered_on":"2024-09-30"}}"#;
    let mut g = c.benchmark_group("per_case");
    g.throughput(Throughput::Elements(1));
    g.bench_function("assess_typed", |b| b.iter(|| black_box(juzhu::assess(black_box(&case)).unwrap())));
    g.bench_function("assess_json_in_and_out", |b| b.iter(|| black_box(juzhu::assess_json(black_box(json)).unwrap())));
    // china-2016: a permit holder with three endorsements (target: under 1 µs).
    let holder = china_holder();
    g.bench_function("assess_typed_china_2016_three_endorsements", |b| {
        b.iter(|| black_box(juzhu::assess(black_box(&holder)).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
