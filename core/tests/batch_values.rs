//! The batch engines given columns as callers hold them (Arrow text, dictionaries, numbers with
//! NaN, booleans with validity, lists of dates), hostile values included, agree row by row with
//! per-case assessment of the same values as JSON: the same answer in every output column, or
//! the same refusal (field and message).

use juzhu::batch::{Output, Owned, NULL_CODE, NULL_DAY, NULL_TIME};
use juzhu::date::{format_iso, from_ymd};
use juzhu::record::{Column, Kind};
use juzhu::values::{Number, NumberColumn, Numbers, Offsets, Text, TextColumn, Validity, Values};
use juzhu::{Calendar, RuleSet, Word};
use serde_json::{json, Map, Value};

mod common;
use common::corpus::valid_id;

/// One cell of a generated frame.
#[derive(Clone, Debug)]
enum Cell {
    Str(String),
    Num(f64),
    Bool(bool),
    Dates(Vec<Option<String>>),
}

/// A column of cells as Arrow-like storage the test owns.
enum Store {
    Text { offsets: Vec<i32>, data: Vec<u8>, valid: Vec<u8> },
    Dict { keys: Vec<i32>, valid: Vec<u8>, offsets: Vec<i32>, data: Vec<u8> },
    Floats(Vec<f64>),
    Bools { bits: Vec<u8>, valid: Vec<u8>, len: usize },
    Lists { offsets: Vec<i32>, valid: Vec<u8>, items: Box<Store> },
}

fn bitmap(present: &[bool]) -> Vec<u8> {
    let mut v = vec![0u8; present.len().div_ceil(8) + 1];
    for (i, &p) in present.iter().enumerate() {
        if p {
            v[i / 8] |= 1 << (i % 8);
        }
    }
    v
}

fn text_store(cells: &[Option<String>]) -> Store {
    let (mut offsets, mut data) = (vec![0i32], Vec::new());
    for c in cells {
        data.extend_from_slice(c.as_deref().unwrap_or("").as_bytes());
        offsets.push(data.len() as i32);
    }
    Store::Text { offsets, data, valid: bitmap(&cells.iter().map(Option::is_some).collect::<Vec<_>>()) }
}

fn dict_store(cells: &[Option<String>]) -> Store {
    let mut words: Vec<String> = Vec::new();
    let keys = cells
        .iter()
        .map(|c| match c {
            None => 0,
            Some(s) => match words.iter().position(|w| w == s) {
                Some(k) => k as i32,
                None => {
                    words.push(s.clone());
                    (words.len() - 1) as i32
                }
            },
        })
        .collect();
    let Store::Text { offsets, data, .. } = text_store(&words.into_iter().map(Some).collect::<Vec<_>>()) else {
        unreachable!()
    };
    Store::Dict { keys, valid: bitmap(&cells.iter().map(Option::is_some).collect::<Vec<_>>()), offsets, data }
}

impl Store {
    fn of(cells: &[Option<Cell>], dictionary: bool) -> Store {
        match cells.iter().flatten().next() {
            Some(Cell::Num(_)) => {
                Store::Floats(cells.iter().map(|c| if let Some(Cell::Num(x)) = c { *x } else { f64::NAN }).collect())
            }
            Some(Cell::Bool(_)) => Store::Bools {
                bits: bitmap(&cells.iter().map(|c| matches!(c, Some(Cell::Bool(true)))).collect::<Vec<_>>()),
                valid: bitmap(&cells.iter().map(Option::is_some).collect::<Vec<_>>()),
                len: cells.len(),
            },
            Some(Cell::Dates(_)) => {
                let (mut offsets, mut items) = (vec![0i32], Vec::new());
                for c in cells {
                    if let Some(Cell::Dates(d)) = c {
                        items.extend(d.iter().cloned());
                    }
                    offsets.push(items.len() as i32);
                }
                Store::Lists {
                    offsets,
                    valid: bitmap(&cells.iter().map(Option::is_some).collect::<Vec<_>>()),
                    items: Box::new(text_store(&items)),
                }
            }
            _ => {
                let texts: Vec<Option<String>> =
                    cells.iter().map(|c| if let Some(Cell::Str(s)) = c { Some(s.clone()) } else { None }).collect();
                if dictionary {
                    dict_store(&texts)
                } else {
                    text_store(&texts)
                }
            }
        }
    }

    fn values<'a>(&'a self, inner: &'a mut Option<Values<'a>>) -> Values<'a> {
        let text = |offsets: &'a [i32], data: &'a [u8], valid: Option<&'a [u8]>| TextColumn {
            text: Text::Offsets { offsets: Offsets::I32(offsets), data },
            validity: valid.map(|bits| Validity { bits, offset: 0 }),
        };
        match self {
            Store::Text { offsets, data, valid } => Values::Text(text(offsets, data, Some(valid))),
            Store::Dict { keys, valid, offsets, data } => Values::Dictionary {
                keys: NumberColumn { values: Numbers::I32(keys), validity: Some(Validity { bits: valid, offset: 0 }) },
                values: text(offsets, data, None),
            },
            Store::Floats(v) => Values::Numbers(NumberColumn { values: Numbers::F64(v), validity: None }),
            Store::Bools { bits, valid, len } => {
                Values::Bools { bits, offset: 0, len: *len, validity: Some(Validity { bits: valid, offset: 0 }) }
            }
            Store::Lists { offsets, valid, items } => {
                let Store::Text { offsets: o, data, valid: v } = &**items else { unreachable!() };
                *inner = Some(Values::Text(text(o, data, Some(v))));
                Values::Lists {
                    offsets: Offsets::I32(offsets),
                    values: inner.as_ref().unwrap(),
                    validity: Some(Validity { bits: valid, offset: 0 }),
                }
            }
        }
    }
}

/// A small xorshift generator (the test is deterministic).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<T: Clone>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize].clone()
    }
}

fn date_text(rng: &mut Rng, around: i32) -> String {
    match rng.below(200) {
        0 => "2024-02-30".to_owned(),
        1 => "1850-06-01".to_owned(),
        2 => "2250-01-01".to_owned(),
        3 => "24-1-1".to_owned(),
        4 => String::new(),
        _ => format_iso(around + rng.below(1600) as i32 - 800),
    }
}

/// A generated value for a column of `kind` (hostile one time in a dozen or so), or none.
fn cell(rng: &mut Rng, kind: &Kind, name: &str) -> Option<Cell> {
    let base = from_ymd(2022, 6, 1);
    // Mostly coherent people (so that many rows are assessed), with every hostile value now
    // and then.
    let rare =
        matches!(name, "overseas_kind" | "arrival_time" | "area" | "overseas" | "correction_deadline" | "id_number");
    if rng.below(if rare { 12 } else { 5 }) != 1 && rare || rng.below(5) == 0 && name != "residing_since" {
        return None;
    }
    if name == "overseas" {
        return Some(Cell::Bool(rng.below(3) == 0));
    }
    if name == "birth_date" && rng.below(50) != 0 {
        return Some(Cell::Str(format_iso(base - 9000 - rng.below(12_000) as i32)));
    }
    Some(match kind {
        Kind::Date => Cell::Str(date_text(rng, base)),
        Kind::Dates => Cell::Dates(
            (0..rng.below(4))
                .map(|_| if rng.below(30) == 0 { None } else { Some(date_text(rng, base + 300)) })
                .collect(),
        ),
        Kind::Flag => match rng.below(150) {
            0 => Cell::Num(2.0),
            1 => Cell::Num(0.5),
            2..=14 => Cell::Num(rng.below(2) as f64),
            _ => Cell::Bool(rng.below(2) == 1),
        },
        Kind::Region if rng.below(30) == 0 => Cell::Str(rng.pick(&["000021", "21", "abc", "-210102"]).to_owned()),
        Kind::Region => Cell::Str(
            rng.pick(&["210102", "210203", "110105", "210102001001", "429004", "500101", "370102", "211382"])
                .to_owned(),
        ),
        Kind::Whole { .. } if rng.below(40) == 0 => Cell::Num(rng.pick(&[0.0, 7.0, 2.5, -1.0])),
        Kind::Whole { .. } => Cell::Num(rng.pick(&[1.0, 2.0, 3.0])),
        Kind::Time if rng.below(20) == 0 => Cell::Str(rng.pick(&["24:00", "9:15", "noon", "08:30:00"]).to_owned()),
        Kind::Time => Cell::Str(rng.pick(&["08:30", "23:59", "00:00", "12:05"]).to_owned()),
        Kind::Word(v) => {
            let v = v();
            if rng.below(80) == 0 {
                Cell::Str(format!("{}x", rng.pick(v.ids)))
            } else if name == "category" && rng.below(3) == 0 {
                return None;
            } else {
                Cell::Str(rng.pick(v.ids).to_owned())
            }
        }
        // An identity number: valid (its birth date often not the row's birth_date: refused),
        // or with a wrong check character, a bad date, the wrong length, as a number.
        Kind::Text if name == "id_number" => {
            let born = from_ymd(1950, 1, 1) + rng.below(26_000) as i32;
            let body = format!("210102{}{:03}", format_iso(born).replace('-', ""), rng.below(1000));
            let id = valid_id(&body);
            match rng.below(40) {
                0 => Cell::Str(format!("{}{}", &id[..17], if id.ends_with('0') { '1' } else { '0' })),
                1 => Cell::Str(valid_id("21010219990230123")),
                2 => Cell::Str(id[..17].to_owned()),
                3 => Cell::Num(id[..17].parse::<f64>().unwrap()),
                4 => Cell::Str(format!("{}{}", &body[..6], &body[8..15])),
                5 => Cell::Str(id.to_lowercase()),
                6 => Cell::Str(format!(" {id} ")),
                _ => Cell::Str(id),
            }
        }
        other => panic!("no generator for {other:?}"),
    })
}

/// The JSON a per-case input holds for a cell (a flag given as 0 or 1 is `false` or `true`).
fn cell_json(c: &Cell, kind: &Kind) -> Value {
    match c {
        Cell::Num(x) if matches!(kind, Kind::Flag) && (*x == 0.0 || *x == 1.0) => json!(*x == 1.0),
        Cell::Str(s) => json!(s),
        Cell::Num(x) if x.fract() == 0.0 => json!(*x as i64),
        Cell::Num(x) => json!(x),
        Cell::Bool(b) => json!(b),
        Cell::Dates(d) => Value::Array(d.iter().map(|x| x.as_ref().map_or(Value::Null, |s| json!(s))).collect()),
    }
}

fn put(obj: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            obj.insert(path.to_owned(), v);
        }
        Some((head, rest)) => {
            let inner = obj.entry(head).or_insert_with(|| json!({}));
            put(inner.as_object_mut().unwrap(), rest, v);
        }
    }
}

/// The output column's row `i` as the assessment JSON shows the field.
fn shown(col: &Column, values: &Owned, i: usize) -> Value {
    let word = |code: u8| {
        if code == NULL_CODE {
            Value::Null
        } else {
            json!(col.kind.vocabulary().unwrap().ids[usize::from(code)])
        }
    };
    let bits = |b: u64| {
        let v = col.kind.vocabulary().unwrap();
        Value::Array((0..v.len()).filter(|k| b >> k & 1 == 1).map(|k| json!(v.ids[k])).collect())
    };
    match (values, &col.kind) {
        (Owned::Codes(v), Kind::Word(_)) => word(v[i]),
        (Owned::Codes(v), _) => match v[i] {
            NULL_CODE => Value::Null,
            b => json!(b == 1),
        },
        (Owned::Days(v), _) => match v[i] {
            NULL_DAY => Value::Null,
            d => json!(format_iso(d)),
        },
        (Owned::Bits16(v), _) if col.name == "interpretations" => normal(&bits(u64::from(v[i]))),
        (Owned::Bits16(v), _) => bits(u64::from(v[i])),
        (Owned::Bits32(v), _) => bits(u64::from(v[i])),
        (Owned::Bits64(v), _) => bits(v[i]),
        (Owned::Wholes(v), _) => match v[i] {
            u32::MAX => Value::Null,
            n => json!(n),
        },
        (Owned::Times(v), _) => match v[i] {
            NULL_TIME => Value::Null,
            m => json!(format!("{:02}:{:02}", m / 60, m % 60)),
        },
        (other, _) => panic!("unexpected column storage {other:?}"),
    }
}

/// The value at a column's path (`-1`: an array's last item).
fn at<'v>(v: &'v Value, path: &str) -> &'v Value {
    path.split('.').fold(v, |v, k| match (k, v) {
        ("-1", Value::Array(items)) => items.last().unwrap_or(&Value::Null),
        _ => v.get(k).unwrap_or(&Value::Null),
    })
}

/// The findings as the batch sees them: sets without order (interpretations are a set).
fn normal(v: &Value) -> Value {
    match v {
        Value::Array(items) => {
            let mut items: Vec<String> = items.iter().map(|s| s.as_str().unwrap_or_default().to_owned()).collect();
            items.sort();
            json!(items)
        }
        other => other.clone(),
    }
}

fn run(rule_set: RuleSet, as_of: i32, n: usize, seed: u64, dictionary: bool) -> (usize, usize) {
    run_with(rule_set, as_of, n, seed, dictionary, false)
}

/// `mixed`: every column but the lists given as JSON values a row (`Values::Any`), as a column
/// of several kinds arrives.
fn run_with(rule_set: RuleSet, as_of: i32, n: usize, seed: u64, dictionary: bool, mixed: bool) -> (usize, usize) {
    let engine = rule_set.batch().unwrap();
    let mut rng = Rng(seed);
    let inputs = engine.inputs();
    let cells: Vec<Vec<Option<Cell>>> = inputs
        .iter()
        .map(|f| {
            let name = f.column.unwrap();
            let mut col: Vec<Option<Cell>> = (0..n).map(|_| cell(&mut rng, &f.kind, name)).collect();
            // Most rows keep one cell kind per column, as a frame does; a flag column is either
            // numbers or booleans.
            if matches!(f.kind, Kind::Flag) {
                let numeric = name.len() % 2 == 0;
                for c in col.iter_mut() {
                    if let Some(Cell::Bool(b)) = c {
                        if numeric {
                            *c = Some(Cell::Num(f64::from(u8::from(*b))));
                        }
                    } else if let Some(Cell::Num(x)) = c {
                        if !numeric {
                            *c = if *x == 0.0 || *x == 1.0 { Some(Cell::Bool(*x == 1.0)) } else { None };
                        }
                    }
                }
            }
            // A frame's text column holds no numbers: an identity number given as a number
            // reaches the engine only in a column of several kinds (`mixed`).
            if name == "id_number" && !mixed {
                col.iter_mut().filter(|c| matches!(c, Some(Cell::Num(_)))).for_each(|c| *c = None);
            }
            col
        })
        .collect();
    let stores: Vec<Store> = cells.iter().map(|c| Store::of(c, dictionary)).collect();
    let anys: Vec<Vec<Value>> = inputs
        .iter()
        .zip(&cells)
        .map(|(f, col)| col.iter().map(|c| c.as_ref().map_or(Value::Null, |c| cell_json(c, &f.kind))).collect())
        .collect();
    let mut inners: Vec<Option<Values>> = (0..stores.len()).map(|_| None).collect();
    let named: Vec<(&str, Values)> = inputs
        .iter()
        .zip(&stores)
        .zip(inners.iter_mut())
        .zip(&anys)
        .map(|(((f, s), inner), any)| {
            let v = if mixed && !matches!(f.kind, Kind::Dates) { Values::Any(any) } else { s.values(inner) };
            (f.column.unwrap(), v)
        })
        .collect();
    let policy = json!({"day_counting": "civil_code"});
    let out: Output = engine.assess(n, &named, as_of, Some(&policy), Calendar::china(), 2).unwrap();
    let (mut accepted, mut refused) = (0, 0);
    for i in 0..n {
        let mut person = Map::new();
        for (f, col) in inputs.iter().zip(&cells) {
            if let Some(c) = &col[i] {
                let v = cell_json(c, &f.kind);
                // An empty list, like an empty text (an empty cell), holds no value.
                if v.as_array().is_some_and(Vec::is_empty) || v.as_str() == Some("") {
                    continue;
                }
                put(&mut person, f.path.strip_prefix("person.").unwrap(), v);
            }
        }
        let case = json!({"as_of": format_iso(as_of), "policy": {"rule_set": rule_set.id(), "day_counting": "civil_code"}, "person": person});
        let single = juzhu::Case::from_value(&case).and_then(|c| juzhu::assess(&c));
        // The row's own cells, by column name, as `case_of_row` takes them (what an analyst
        // asks to have explained): the same case, so the same answer or the same refusal.
        let row: Vec<(&str, Value)> =
            inputs.iter().zip(&anys).map(|(f, col)| (f.column.unwrap(), col[i].clone())).collect();
        let of_row = juzhu::batch::case_of_row(Some(rule_set.id()), Some(&policy), &format_iso(as_of), &row)
            .and_then(|c| juzhu::assess(&c));
        match (&of_row, &single) {
            (Ok(a), Ok(b)) => assert_eq!(a.to_json(), b.to_json(), "row {i}: {case}"),
            (Err(a), Err(b)) => assert_eq!((a.field(), a.message()), (b.field(), b.message()), "row {i}: {case}"),
            _ => panic!(
                "row {i}: case_of_row {:?}, per case {:?}: {case}",
                of_row.as_ref().map(|_| ()),
                single.as_ref().map(|_| ())
            ),
        }
        let batch_error = out.errors.iter().find(|(k, _)| *k == i).map(|(_, e)| e);
        match (batch_error, single) {
            (Some(b), Err(s)) => {
                assert_eq!((b.field(), b.message()), (s.field(), s.message()), "row {i}: {case}");
                refused += 1;
            }
            (None, Ok(a)) => {
                let j = serde_json::to_value(&a).unwrap();
                for (col, values) in &out.columns {
                    let expected = at(&j, col.path);
                    let expected = if col.name == "interpretations" { normal(expected) } else { expected.clone() };
                    assert_eq!(shown(col, values, i), expected, "row {i} column {}: {case}", col.name);
                }
                accepted += 1;
            }
            (b, s) => panic!("row {i}: batch {b:?}, per case {:?}: {case}", s.map(|_| ())),
        }
    }
    (accepted, refused)
}

#[test]
fn liaoning_text_columns_agree_with_per_case() {
    let (accepted, refused) = run(RuleSet::Liaoning2013, from_ymd(2024, 6, 1), 6000, 0x2013_0401, false);
    assert!(accepted > 200 && refused > 2000, "accepted {accepted}, refused {refused}");
}

#[test]
fn liaoning_dictionary_columns_agree_with_per_case() {
    let (accepted, refused) = run(RuleSet::Liaoning2013, from_ymd(2025, 2, 3), 6000, 0x281, true);
    assert!(accepted > 200 && refused > 2000, "accepted {accepted}, refused {refused}");
}

#[test]
fn china_text_columns_agree_with_per_case() {
    let (accepted, refused) = run(RuleSet::China2016, from_ymd(2024, 6, 1), 6000, 0x2016_0101, false);
    assert!(accepted > 200 && refused > 2000, "accepted {accepted}, refused {refused}");
}

#[test]
fn china_dictionary_columns_agree_with_per_case() {
    let (accepted, refused) = run(RuleSet::China2016, from_ymd(2023, 12, 30), 6000, 0x663, true);
    assert!(accepted > 200 && refused > 2000, "accepted {accepted}, refused {refused}");
}

#[test]
fn columns_of_several_kinds_read_as_json_values() {
    for (rule_set, seed) in [(RuleSet::Liaoning2013, 0x7), (RuleSet::China2016, 0x8)] {
        let (accepted, refused) = run_with(rule_set, from_ymd(2024, 3, 1), 3000, seed, false, true);
        assert!(accepted > 100 && refused > 1000, "{rule_set}: accepted {accepted}, refused {refused}");
    }
}

#[test]
fn whole_floats_and_nan_read_as_numbers_and_nulls() {
    let n = NumberColumn { values: Numbers::F64(&[2.0, f64::NAN]), validity: None };
    assert_eq!(n.get(0), Some(Number::Float(2.0)));
    assert_eq!(n.get(1), None);
}

/// A column whose bits do not hold its rows is refused as a whole, naming it, on one thread or
/// several — never a panic, never rows read as nulls (a Rust service hands the engine its
/// clients' Arrow buffers).
#[test]
fn a_column_short_of_bits_is_refused_not_read() {
    for (rs, column) in [(RuleSet::China2016, "other_city"), (RuleSet::Liaoning2013, "studying")] {
        for (rows, threads) in [(20usize, 1), (10_000, 4)] {
            let bits = vec![0xFFu8; 1];
            let validity = vec![0xFFu8; rows.div_ceil(8)];
            let values = Values::Bools {
                bits: &bits,
                offset: 0,
                len: rows,
                validity: Some(Validity { bits: &validity, offset: 0 }),
            };
            let engine = rs.batch().unwrap();
            let day = from_ymd(2024, 10, 2);
            let e = engine.assess(rows, &[(column, values)], day, None, Calendar::china(), threads).unwrap_err();
            assert_eq!((e.field(), e.message()), (column, "its bits are fewer than its rows"), "{rs:?} {threads}");
        }
    }
}
