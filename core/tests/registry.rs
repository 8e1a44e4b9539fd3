//! The registry (`core/src/rules/mod.rs`) is the only place that lists rule sets: no other source
//! names more than one rule set's variant of the registry's enums (`RuleSet`, `Case`,
//! `Findings`), and a rule set's folder names only its own. The C ABI's constant tables are the
//! generated exception (one `JUZHU_*` constant per rule set and vocabulary, each pinned by a test).

use std::collections::BTreeSet;
use std::path::PathBuf;

mod common;

/// Every rule set's variant name, read from the registry itself.
fn variants() -> Vec<String> {
    juzhu::RuleSet::ALL.iter().map(|r| format!("{r:?}")).collect()
}

/// The rule sets whose registry variant the code (comments dropped) names.
fn named(text: &str, variants: &[String]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        for v in variants {
            for prefix in ["RuleSet::", "Case::", "Findings::", "AnyFindings::"] {
                if code.contains(&format!("{prefix}{v}")) {
                    found.insert(v.clone());
                }
            }
        }
    }
    found
}

use juzhu::Word;

#[test]
fn rule_sets_are_listed_only_in_the_registry() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let variants = variants();
    assert!(variants.len() >= 2, "{variants:?}");
    // Generated tables: the C constants of rule sets and vocabularies.
    let tables = ["ffi/src/names.rs", "ffi/src/structs.rs"];
    let mut failures = Vec::new();
    let mut checked = 0;
    for dir in ["core/src", "ffi/src", "python/src", "cli/src"] {
        for (path, text) in common::rust_sources(&root.join(dir)) {
            checked += 1;
            let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            if rel == "core/src/rules/mod.rs" || tables.contains(&rel.as_str()) {
                continue;
            }
            let found = named(&text, &variants);
            // A rule set's own folder may name its own variant (to find its findings).
            let own = juzhu::RuleSet::ALL
                .iter()
                .find(|r| rel.starts_with(&format!("core/src/rules/{}/", r.id().replace('-', "_"))))
                .map(|r| format!("{r:?}"));
            let foreign: Vec<&String> = found.iter().filter(|v| Some(*v) != own.as_ref()).collect();
            if own.is_some() && !foreign.is_empty() {
                failures.push(format!("{rel} names another rule set: {foreign:?}"));
            } else if own.is_none() && found.len() > 1 {
                failures.push(format!("{rel} lists rule sets: {found:?}"));
            }
        }
    }
    assert!(checked > 40, "walked the sources ({checked} files)");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_check_itself_can_fail() {
    let variants = variants();
    let listing = "match rs { RuleSet::Liaoning2013 => a, RuleSet::China2016 => b }";
    assert_eq!(named(listing, &variants).len(), 2);
    assert!(named("// RuleSet::China2016 in a comment", &variants).is_empty());
}

#[test]
fn each_rule_set_has_a_folder_and_reads_only_its_fields() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    for rs in juzhu::RuleSet::ALL {
        let folder = root.join(rs.id().replace('-', "_"));
        assert!(folder.join("mod.rs").exists(), "{rs}: {}", folder.display());
        assert!(folder.join("record.rs").exists(), "{rs}: the record is declared in record.rs");
        let fields = rs.fields();
        assert!(!fields.is_empty(), "{rs}");
        let mut paths: Vec<&str> = fields.iter().map(|f| f.path).collect();
        paths.sort_unstable();
        let before = paths.len();
        paths.dedup();
        assert_eq!(paths.len(), before, "{rs}: a field declared twice");
    }
}

/// Every field a case may hold says what it means in both languages (what `juzhu fields` prints
/// under `--lang zh`): Chinese words in the Chinese line, none of them in the English one.
#[test]
fn every_field_is_described_in_english_and_chinese() {
    let han = |s: &str| s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    let all = juzhu::case::ENVELOPE.iter().chain(juzhu::RuleSet::ALL.iter().flat_map(|rs| rs.fields()));
    let mut n = 0;
    for f in all {
        assert!(han(f.doc_zh) >= 2, "{}: {:?}", f.path, f.doc_zh);
        assert!(!f.doc.is_empty() && han(f.doc) <= 4, "{}: {:?}", f.path, f.doc);
        assert!(!f.doc_zh.contains(". ") && !f.doc_zh.ends_with('.'), "{}: {:?}", f.path, f.doc_zh);
        n += 1;
    }
    assert!(n > 60, "{n} fields");
}

#[test]
fn every_batch_column_has_a_chinese_header_and_no_name_means_two_columns() {
    let han = |s: &str| !s.is_empty() && s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for rs in juzhu::RuleSet::ALL {
        let columns: Vec<&juzhu::record::Field> = rs.fields().iter().filter(|f| f.column.is_some()).collect();
        assert!(!columns.is_empty());
        let mut names = BTreeSet::new();
        for f in &columns {
            assert!(!f.headers_zh.is_empty(), "{}: {} has no Chinese header", rs.id(), f.path);
            for name in f.column.iter().chain(f.headers_zh) {
                assert!(names.insert(*name), "{}: {name} names two columns", rs.id());
                assert!(f.takes_column(name));
                // Exactly one column takes each name.
                assert_eq!(columns.iter().filter(|g| g.takes_column(name)).count(), 1, "{name}");
            }
            assert!(f.headers_zh.iter().all(|h| han(h)), "{}: {:?}", f.path, f.headers_zh);
        }
        // A header means the same in every rule set that has it.
        for other in juzhu::RuleSet::ALL {
            for f in other.fields().iter().filter(|f| f.column.is_some()) {
                for g in &columns {
                    if f.headers_zh.iter().any(|h| g.headers_zh.contains(h)) {
                        assert_eq!(f.path, g.path, "{:?} in {} and {}", f.headers_zh, rs.id(), other.id());
                    }
                }
            }
        }
    }
}

#[test]
fn a_table_may_name_its_columns_by_their_chinese_headers() {
    use juzhu::values::Values;
    use serde_json::{json, Value};
    let engine = juzhu::RuleSet::Liaoning2013.batch().unwrap();
    let cells = |v: Value| v.as_array().unwrap().clone();
    let (category, arrival, id) = (
        cells(json!(["floating", "floating"])),
        cells(json!(["2024-09-28", "2024-09-30"])),
        cells(json!(["210102201501010011", null])),
    );
    let as_of = juzhu::date::from_ymd(2024, 10, 2);
    let run = |names: [&str; 3]| {
        let named =
            [(names[0], Values::Any(&category)), (names[1], Values::Any(&arrival)), (names[2], Values::Any(&id))];
        engine.assess(2, &named, as_of, None, juzhu::Calendar::china(), 1)
    };
    let english = run(["category", "arrival_date", "id_number"]).unwrap();
    let chinese = run(["人口类别", "到达日期", "身份证号"]).unwrap();
    assert!(english.errors.is_empty() && chinese.errors.is_empty());
    assert_eq!(format!("{:?}", english.columns), format!("{:?}", chinese.columns));
    // A column named by its name and by a header is named twice.
    let e = run(["category", "人口类别", "id_number"]).unwrap_err();
    assert_eq!((e.field(), e.message()), ("\"人口类别\"", "names the same column as category, given before it"));
    // A row for explanation reads the headers alike.
    let row =
        [("人口类别", json!("floating")), ("到达日期", json!("2024-09-28")), ("身份证号", json!("210102201501010011"))];
    let case = juzhu::batch::case_of_row(None, None, "2024-10-02", &row).unwrap();
    let a = juzhu::assess(&case).unwrap().to_value();
    assert_eq!(a["permit"]["reaches_16_on"], "2031-01-02");
    let twice = [("arrival_date", json!(null)), ("到达日期", json!("2024-09-28"))];
    let e = juzhu::batch::case_of_row(None, None, "2024-10-02", &twice).unwrap_err();
    assert_eq!(e.field(), "\"到达日期\"");
}
