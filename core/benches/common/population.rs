//! The synthetic population the batch benchmark and the profiling example share: the same
//! people, so a profile explains the benchmark's figures.

use juzhu::date::{from_ymd, DayNum};
use juzhu::rules::liaoning_2013::batch::PersonColumns;
use juzhu::values::Values;

/// A deterministic synthetic population in columns (SplitMix64; no external randomness).
pub struct Population {
    pub n: usize,
    pub category: Vec<u8>,
    pub accommodation: Vec<u8>,
    pub studying: Vec<u8>,
    pub birth: Vec<i32>,
    pub arrival: Vec<i32>,
    pub departure: Vec<i32>,
    pub registered: Vec<i32>,
    pub applied: Vec<i32>,
    pub issued: Vec<i32>,
    pub years: Vec<u8>,
    pub correction: Vec<i32>,
}

pub fn population(n: usize) -> Population {
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
    pub fn columns(&self) -> PersonColumns<'_> {
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
