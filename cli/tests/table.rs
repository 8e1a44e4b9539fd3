//! `juzhu table`: every row is answered as `juzhu assess` answers the case its cells set (the
//! same answer in every column, or the same refusal), in both rule sets; the table's own shape
//! errors, `--keep`, GB18030 and a byte-order mark.

mod common;

use common::{run, Scratch};
use juzhu::record::Kind;
use juzhu::vocab::Word;
use juzhu::RuleSet;
use serde_json::Value;

/// Cells a clerk's sheet holds for the field of `column` (of `kind`): good ones, and wrong ones.
fn pool(column: &str, kind: &Kind) -> (Vec<String>, Vec<String>) {
    let own = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    match kind {
        Kind::Word(v) => {
            let v = v();
            let mut good = own(v.ids);
            good.push(v.zh[0].to_owned());
            (good, own(&["bogus", "Floating"]))
        }
        Kind::Date if column == "birth_date" => {
            (own(&["1990-05-01", "1975-12-31", "2010-02-28"]), own(&["2024-02-30"]))
        }
        Kind::Date => (
            own(&["2024-09-28", "2023-01-15", "2021-06-01", "2016-03-02", "2024-10-30"]),
            own(&["2024-02-30", "24-9-28"]),
        ),
        Kind::Dates => (own(&["2023-06-01", "2022-05-20,2023-05-18", "2023-05-18，2024-05-30"]), own(&["2023-13-01"])),
        Kind::Flag if column == "overseas" => (own(&["false", "否"]), own(&["maybe"])),
        Kind::Flag => (own(&["true", "false", "是", "否"]), own(&["maybe", "2"])),
        Kind::Region if column == "residence_region" => (own(&["210102", "210203"]), own(&["21", "110105"])),
        Kind::Region => (own(&["210102", "110105", "210203", "211382", "110105001001"]), own(&["21", "abc"])),
        Kind::Whole { .. } => (own(&["1", "2", "3"]), own(&["7", "2.5"])),
        Kind::Time => (own(&["09:30", "23:59"]), own(&["25:00"])),
        // Identity numbers: one holding a birth date of the pool's, one whose check character
        // is wrong.
        Kind::Text if column == "id_number" => {
            (own(&["210102199005011234", "110105201002284566"]), own(&["210102199005011230"]))
        }
        _ => (Vec::new(), Vec::new()),
    }
}

/// A JSON value at a dotted path (`-1`: a list's last item).
fn at<'a>(j: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(j, |j, k| match (k, j) {
        ("-1", Value::Array(items)) => items.last().unwrap_or(&Value::Null),
        (_, Value::Object(o)) => o.get(k).unwrap_or(&Value::Null),
        _ => &Value::Null,
    })
}

/// An answer's value as the table writes it.
fn shown(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let mut ids: Vec<String> = items.iter().map(shown).collect();
            ids.sort();
            ids.join(",")
        }
        other => other.to_string(),
    }
}

#[test]
fn every_row_is_answered_as_assess_answers_its_cells() {
    let dir = Scratch::new("table-agrees");
    for rs in RuleSet::ALL {
        let fields: Vec<&juzhu::record::Field> = rs.fields().iter().filter(|f| f.column.is_some()).collect();
        let outputs = rs.batch().unwrap().outputs();
        let pools: Vec<(Vec<String>, Vec<String>)> = fields.iter().map(|f| pool(f.column.unwrap(), &f.kind)).collect();
        let rows = 90;
        // Deterministic: a row in four has one wrong cell; a row in three holds a permit (all its
        // fields); the fields of people from outside the mainland and the like are set in a row
        // in nine; other optional cells are empty now and then; the arrival is always there.
        let n = fields.len();
        let cells: Vec<Vec<String>> = (0..rows)
            .map(|r: usize| {
                pools
                    .iter()
                    .enumerate()
                    .map(|(k, (good, bad))| {
                        let column = fields[k].column.unwrap();
                        let h = (r * 7919 + k * 104_729) % 997;
                        let rare = matches!(
                            column,
                            "overseas"
                                | "overseas_kind"
                                | "arrival_time"
                                | "area"
                                | "correction_deadline"
                                | "permit_valid_until"
                                | "id_number"
                        );
                        let required = matches!(column, "arrival_date" | "residing_since");
                        if r % 4 == 1 && k == r % n && !bad.is_empty() {
                            bad[h % bad.len()].clone()
                        } else if good.is_empty()
                            || (rare && !r.is_multiple_of(9))
                            || (column.starts_with("permit_") && column != "permit_applied_on" && !r.is_multiple_of(3))
                        {
                            String::new()
                        } else if required || column.starts_with("permit_") || h % 10 >= 4 {
                            good[h % good.len()].clone()
                        } else {
                            String::new()
                        }
                    })
                    .collect()
            })
            .collect();
        // Every other column named by its Chinese header, as a spreadsheet exported from a
        // Chinese system names it.
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(
            fields.iter().enumerate().map(|(k, f)| if k % 2 == 1 { f.headers_zh[0] } else { f.column.unwrap() }),
        )
        .unwrap();
        for row in &cells {
            w.write_record(row).unwrap();
        }
        let file = dir.0.join(format!("{}.csv", rs.id()));
        std::fs::write(&file, w.into_inner().unwrap()).unwrap();
        let r = run(
            &["table", "--as-of", "2024-10-02", "--rule-set", rs.id(), "--lang", "en", file.to_str().unwrap()],
            b"",
        );
        assert!(matches!(r.code, Some(0 | 1)), "{}", r.err());
        let mut answers = csv::Reader::from_reader(r.stdout.as_slice());
        let header: Vec<String> = answers.headers().unwrap().iter().map(str::to_owned).collect();
        let want: Vec<&str> = outputs.iter().map(|c| c.name).chain(["error"]).collect();
        assert_eq!(header, want, "{rs:?}: {}", r.err());
        let (mut refused, mut answered) = (0, 0);
        let mut why: Vec<String> = Vec::new();
        for (i, record) in answers.records().enumerate() {
            let record = record.unwrap();
            let mut args = vec!["assess", "--json", "--as-of", "2024-10-02", "--rule-set", rs.id()];
            let sets: Vec<String> = fields
                .iter()
                .zip(&cells[i])
                .filter(|(_, c)| !c.is_empty())
                .map(|(f, c)| format!("{}={c}", f.path))
                .collect();
            for s in &sets {
                args.extend(["--set", s.as_str()]);
            }
            let single: Value = serde_json::from_str(&run(&args, b"").out()).unwrap();
            let error = &record[header.len() - 1];
            if let Some(e) = single.get("error") {
                let said = format!("{}: {}", e["field"].as_str().unwrap(), e["message"].as_str().unwrap());
                assert_eq!(error, said, "{rs:?} row {i}: {sets:?}");
                assert!(
                    (0..header.len() - 1).all(|k| record[k].is_empty()),
                    "{rs:?} row {i}: a refused row answers nothing"
                );
                refused += 1;
                why.push(said);
            } else {
                assert_eq!(error, "", "{rs:?} row {i}: {sets:?}");
                for (k, c) in outputs.iter().enumerate() {
                    let mut got: Vec<&str> = record[k].split(',').collect();
                    got.sort_unstable();
                    let got = if matches!(c.kind, Kind::Words(_)) { got.join(",") } else { record[k].to_owned() };
                    assert_eq!(got, shown(at(&single, c.path)), "{rs:?} row {i} column {}: {sets:?}", c.name);
                }
                answered += 1;
            }
        }
        assert_eq!(refused + answered, rows, "{rs:?}: one answer row a row");
        why.sort();
        why.dedup();
        assert!(refused > 5 && answered > 5, "{rs:?}: {answered} answered, {refused} refused: {why:#?}");
        assert_eq!(r.code, Some(1), "a refused row makes the status 1");
    }
}

#[test]
fn kept_columns_chinese_words_gb18030_and_a_byte_order_mark() {
    let table = "档案号,姓名,category,hukou_region,arrival_date,accommodation\n\
                 A-1,张三,流动人口,110105,2024-09-28,\n\
                 A-2,\"李, 四\",,210102,2024-06-03,residence\n";
    let keep = ["--keep", "档案号", "--keep", "姓名"];
    let utf8 = run(&[&["table", "--as-of", "2024-10-02", "-"][..], &keep].concat(), table.as_bytes());
    assert_eq!(utf8.code, Some(0), "{}", utf8.err());
    let out = utf8.out();
    let mut lines = out.lines();
    assert!(lines.next().unwrap().starts_with("档案号,姓名,category,category_source,"), "{out}");
    assert!(lines.next().unwrap().starts_with("A-1,张三,floating,given,true,residence_registration,self,2024-10-08,"));
    assert!(lines.next().unwrap().starts_with("A-2,\"李, 四\",lodging,derived,"), "{out}");
    assert!(out.lines().next().unwrap().ends_with(",error,error_zh"));
    // A spreadsheet's UTF-8 with its byte-order mark reads the same, and its answer has one too
    // (how the spreadsheet knows it is UTF-8).
    let bom = run(
        &[&["table", "--as-of", "2024-10-02", "-"][..], &keep].concat(),
        &[b"\xEF\xBB\xBF", table.as_bytes()].concat(),
    );
    assert_eq!(bom.stdout, [b"\xEF\xBB\xBF", out.as_bytes()].concat());
    // GB18030 in (what Excel saves on Chinese Windows) and out.
    let (gb, _, _) = encoding_rs::GB18030.encode(table);
    let r = run(&[&["table", "--as-of", "2024-10-02", "--encoding", "gb18030", "-"][..], &keep].concat(), &gb);
    assert_eq!(r.code, Some(0));
    let (text, _, bad) = encoding_rs::GB18030.decode(&r.stdout);
    assert!(!bad && text == out, "{text}");
    // Without --keep, a column that is no input is refused by name, pointing at --keep.
    let r = run(&["table", "--as-of", "2024-10-02", "-"], table.as_bytes());
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    assert!(
        r.err().starts_with("refused: \"档案号\": is not an input column;") && r.err().contains("--keep 档案号"),
        "{}",
        r.err()
    );
}

#[test]
fn the_table_itself_is_refused_naming_what_is_wrong() {
    let cases: [(&[&str], &str, &str); 12] = [
        (
            &["--keep", "error"],
            "error,arrival_date\nx,2024-09-28\n",
            "error: is kept with --keep but is also a column of the answer",
        ),
        (
            &["--set", "person.category=floating"],
            "arrival_date\n2024-09-28\n",
            "person.category: is not a policy setting",
        ),
        (
            &["--rule-set", "china-2016", "--set", "policy.issuance_days=99"],
            "residing_since\n2022-05-01\n",
            "policy.issuance_days: 99 is not",
        ),
        (
            &["--set", "policy.rule_set=china-2016"],
            "category\nfloating\n",
            "category: is a column of rule set liaoning-2013",
        ),
        (&[], "category,arrival_date\nfloating,2024-09-28\nfloating\n", "line 3 has 1 cells, the header 2"),
        (&[], "", "the table is empty"),
        (&[], "category,category\nfloating,floating\n", "category: appears more than once"),
        (&[], "category,,arrival_date\nfloating,,2024-09-28\n", "column 2 of the header has no name"),
        (&["--keep", "name"], "category\nfloating\n", "name: is named by --keep but is no column of the table"),
        (
            &["--keep", "permit_status"],
            "permit_status,arrival_date\nx,2024-09-28\n",
            "permit_status: is kept with --keep but is also a column of the answer",
        ),
        (&["--rule-set", "china-2016"], "category\nfloating\n", "category: is a column of rule set liaoning-2013"),
        (&[], "category\nfloating\n", "as_of: 2024-02-30 is not a date"),
    ];
    for (extra, table, says) in cases {
        let as_of = if says.starts_with("as_of") { "2024-02-30" } else { "2024-10-02" };
        let mut args = vec!["table", "--as-of", as_of, "--lang", "en"];
        args.extend_from_slice(extra);
        args.push("-");
        let r = run(&args, table.as_bytes());
        assert_eq!(r.code, Some(1), "{extra:?} {table:?}: {}", r.err());
        assert!(r.stdout.is_empty(), "{extra:?}: no half answer");
        assert!(r.err().starts_with(&format!("refused: {says}")), "{extra:?} {table:?}: {}", r.err());
    }
    // A blank last line is no row; a header alone is a table of no rows.
    let r = run(&["table", "--as-of", "2024-10-02", "-"], b"category,arrival_date\nfloating,2024-09-28\n\n");
    assert_eq!((r.code, r.out().lines().count()), (Some(0), 2), "{}", r.err());
    let r = run(&["table", "--as-of", "2024-10-02", "-"], b"category,arrival_date\n");
    assert_eq!((r.code, r.out().lines().count()), (Some(0), 1), "{}", r.err());
    // Rows copied out of a spreadsheet (tabs), or saved with semicolons, read as with commas.
    let commas = run(&["table", "--as-of", "2024-10-02", "-"], b"category,arrival_date\nfloating,2024-09-28\n").out();
    for sep in ["\t", ";"] {
        let table = format!("category{sep}arrival_date\nfloating{sep}2024-09-28\n");
        let r = run(&["table", "--as-of", "2024-10-02", "-"], table.as_bytes());
        assert_eq!((r.code, r.out()), (Some(0), commas.clone()), "{sep:?}: {}", r.err());
    }
    // A policy setting applies to every row: days counted as calendar days, not to a working day.
    let table = b"category,arrival_date\nfloating,2024-09-28\n";
    let deadline = |extra: &[&str]| {
        let r = run(&[&["table", "--as-of", "2024-10-02"][..], extra, &["-"]].concat(), table);
        assert_eq!(r.code, Some(0), "{}", r.err());
        let out = r.out();
        let mut rows = csv::Reader::from_reader(out.as_bytes());
        let k = rows.headers().unwrap().iter().position(|h| h == "registration_deadline").unwrap();
        rows.records().next().unwrap().unwrap()[k].to_owned()
    };
    assert_eq!(deadline(&[]), "2024-10-08");
    assert_eq!(deadline(&["--set", "policy.day_counting=calendar"]), "2024-10-05");
    // In Chinese alone, the error column is 错误 (the rest in Chinese too: below).
    let r = run(
        &["table", "--as-of", "2024-10-02", "--lang", "zh", "-"],
        "category,arrival_date\n流动,2024-09-28\n".as_bytes(),
    );
    assert_eq!(r.code, Some(1));
    let out = r.out();
    assert!(
        out.lines().next().unwrap().ends_with(",错误") && out.contains("person.category：\"\"流动\"\" 不是"),
        "{out}"
    );
}

#[test]
fn a_long_table_is_answered_in_chunks_as_one() {
    // More rows than one chunk (50 000): one header, every row once and in order, the refused
    // rows where they were.
    let n = 50_003;
    let mut table = String::from("category,arrival_date,hukou_region\n");
    for i in 0..n {
        let category = if i % 10_000 == 9_999 { "bogus" } else { "floating" };
        table.push_str(&format!("{category},2024-09-{:02},110105\n", 1 + i % 28));
    }
    let r = run(&["table", "--as-of", "2024-10-02", "--lang", "en", "-"], table.as_bytes());
    assert_eq!(r.code, Some(1), "{}", r.err());
    let out = r.out();
    let mut answers = csv::Reader::from_reader(out.as_bytes());
    let header = answers.headers().unwrap().clone();
    let deadline = header.iter().position(|h| h == "registration_deadline").unwrap();
    let error = header.iter().position(|h| h == "error").unwrap();
    let rows: Vec<csv::StringRecord> = answers.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), n);
    let refused: Vec<usize> = rows.iter().enumerate().filter(|(_, r)| !r[error].is_empty()).map(|(i, _)| i).collect();
    assert_eq!(refused, [9_999, 19_999, 29_999, 39_999, 49_999]);
    // The rows after the first chunk: each answered as the row of the same arrival in it.
    assert_eq!(&rows[22][deadline], "2024-09-30", "arrived 2024-09-23");
    for i in 50_000..n {
        assert_eq!(&rows[i][deadline], &rows[i % 28][deadline], "row {i}");
    }
}

#[test]
fn the_example_table_reads_as_the_readme_says() {
    let file = common::repo().join("examples/tables/people.csv");
    let r = run(&["table", "--as-of", "2024-10-02", "--keep", "档案号", "--keep", "姓名", file.to_str().unwrap()], b"");
    assert_eq!(r.code, Some(1), "one row of the example is refused: {}", r.err());
    let out = r.out();
    let mut answers = csv::Reader::from_reader(out.as_bytes());
    let header = answers.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = answers.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!((&rows[0][col("姓名")], &rows[0][col("registration_deadline")]), ("张伟", "2024-10-08"));
    assert_eq!((&rows[1][col("category")], &rows[1][col("category_source")]), ("lodging", "derived"));
    assert_eq!(&rows[2][col("permit_exemption")], "student");
    assert!(rows[3][col("error")].ends_with("(did you mean floating?)"), "{:?}", &rows[3]);
}

/// `--lang zh` writes the same answers for a clerk to read: Chinese headers, each word by its
/// Chinese name, flags 是/否, word sets by Chinese names (interpretations by id).
#[test]
fn in_chinese_alone_the_answer_is_written_in_chinese_words() {
    let file = common::repo().join("examples/tables/people.csv");
    let file = file.to_str().unwrap();
    let table = |lang: &str| {
        let r =
            run(&["table", "--as-of", "2024-10-02", "--keep", "姓名", "--keep", "档案号", "--lang", lang, file], b"");
        assert_eq!(r.code, Some(1), "{}", r.err());
        let mut reader = csv::Reader::from_reader(r.stdout.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
        (header, rows)
    };
    let (en_header, en) = table("en");
    let (zh_header, zh) = table("zh");
    let outputs = RuleSet::Liaoning2013.batch().unwrap().outputs();
    let mut want_header = vec!["档案号".to_owned(), "姓名".to_owned()];
    want_header.extend(outputs.iter().map(|c| c.header_zh.to_owned()));
    want_header.push("错误".to_owned());
    assert_eq!(zh_header, want_header);
    assert_eq!(en_header.len(), zh_header.len());
    for (e, z) in en.iter().zip(&zh) {
        assert_eq!(e[..2], z[..2]);
        for (k, c) in outputs.iter().enumerate() {
            let (e, z) = (&e[k + 2], &z[k + 2]);
            let zh_of = |id: &str| {
                let v = c.kind.vocabulary().unwrap();
                v.zh[v.ids.iter().position(|i| *i == id).unwrap()]
            };
            let want = match &c.kind {
                _ if e.is_empty() => String::new(),
                Kind::Flag => if e == "true" { "是" } else { "否" }.to_owned(),
                Kind::Word(_) => zh_of(e).to_owned(),
                Kind::Words(_) if c.name == "interpretations" => e.replace(',', "、"),
                Kind::Words(_) => e.split(',').map(zh_of).collect::<Vec<_>>().join("；"),
                _ => e.clone(),
            };
            assert_eq!(z, &want, "{}", c.name);
        }
    }
    // A refused row's reason in Chinese.
    assert!(zh[3].last().unwrap().starts_with("person.category："), "{:?}", zh[3]);
}
