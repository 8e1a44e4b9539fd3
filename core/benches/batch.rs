//! Speed of the rules over whole populations, reported relative to baselines run in the same
//! process: the batch engine's rows per second, one typed `assess` per case (with explanations),
//! and the JSON path per case.
//!
//! `cargo bench -p juzhu --bench batch`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use juzhu::date::{from_ymd, DayNum};
use juzhu::rules::liaoning_2013::batch::{assess_persons_into, PersonBatch};
use juzhu::{Calendar, Policy};
use population::{population, Population};
use std::hint::black_box;

#[path = "common/population.rs"]
mod population;

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
