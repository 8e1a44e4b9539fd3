//! The C structs of the struct entry points against the one declaration of the `liaoning-2013`
//! record (`core/src/rules/liaoning_2013/record.rs`): every batch input column is a member of
//! `juzhu_person` and every batch output column a member of `juzhu_assessment`, with the C type
//! its kind calls for and the declaration's meaning in its documentation (read from the
//! generated header, so the check covers what C callers see).

use juzhu_core::record::Kind;
use juzhu_core::RuleSet;

/// The members of `typedef struct name { … }` in the header: (type, name, doc).
fn members(header: &str, name: &str) -> Vec<(String, String, String)> {
    let start = header.find(&format!("typedef struct {name} {{")).unwrap_or_else(|| panic!("{name} in the header"));
    let body = &header[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find(&format!("}} {name};")).unwrap()];
    let mut out = Vec::new();
    let mut doc = String::new();
    for line in body.lines().map(str::trim) {
        if let Some(text) = line.strip_prefix('*').filter(|t| !t.starts_with('/')) {
            doc.push_str(text.trim());
            doc.push(' ');
        } else if line.ends_with(';') {
            let decl = line.trim_end_matches(';');
            let (ty, member) = decl.rsplit_once(' ').unwrap();
            let member = member.split('[').next().unwrap();
            out.push((ty.trim().to_owned(), member.to_owned(), std::mem::take(&mut doc)));
        }
    }
    out
}

fn header() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../include/juzhu.h")).unwrap()
}

/// The C type and a phrase its documentation must hold, per kind.
fn c_form(kind: &Kind) -> (&'static [&'static str], &'static str) {
    match kind {
        Kind::Date => (&["int32_t"], "YYYYMMDD"),
        Kind::Flag => (&["uint8_t", "int8_t"], ""),
        Kind::Word(_) => (&["uint8_t"], "JUZHU_"),
        Kind::Region => (&["int64_t"], "GB/T 2260"),
        Kind::Time => (&["int16_t"], "minutes after midnight"),
        Kind::Whole { .. } => (&["uint8_t", "uint32_t", "uint64_t"], ""),
        Kind::Words(_) => (&["uint16_t", "uint32_t", "uint64_t"], ""),
        Kind::Text => (&["char"], "NUL-terminated"),
        _ => (&[], ""),
    }
}

#[test]
fn juzhu_person_carries_every_declared_input_column() {
    let header = header();
    let person = members(&header, "juzhu_person");
    let engine = RuleSet::Liaoning2013.batch().expect("liaoning-2013 has a batch engine");
    let mut declared = Vec::new();
    for f in engine.inputs() {
        let column = f.column.unwrap();
        declared.push(column);
        let (ty, _, doc) = person
            .iter()
            .find(|(_, m, _)| m == column)
            .unwrap_or_else(|| panic!("juzhu_person lacks the declared column {column}"));
        let (types, phrase) = c_form(&f.kind);
        assert!(types.contains(&ty.as_str()), "{column}: {ty} for a {:?} column", f.kind);
        assert!(doc.contains(phrase), "{column}: the doc should say {phrase}: {doc}");
        assert!(doc.contains(f.doc), "{column}: the doc should carry the declaration's meaning \"{}\": {doc}", f.doc);
    }
    for (_, m, _) in &person {
        assert!(
            declared.contains(&m.as_str()) || m.starts_with("reserved"),
            "juzhu_person.{m} is not declared in the record"
        );
    }
}

#[test]
fn juzhu_assessment_carries_every_declared_output_column() {
    let header = header();
    let out = members(&header, "juzhu_assessment");
    let engine = RuleSet::Liaoning2013.batch().unwrap();
    let mut wrong = Vec::new();
    for c in engine.outputs() {
        let (ty, _, doc) = out
            .iter()
            .find(|(_, m, _)| m == c.name)
            .unwrap_or_else(|| panic!("juzhu_assessment lacks the declared output {}", c.name));
        let (types, phrase) = c_form(&c.kind);
        assert!(types.contains(&ty.as_str()), "{}: {ty} for a {:?} column", c.name, c.kind);
        assert!(doc.contains(phrase), "{}: the doc should say {phrase}: {doc}", c.name);
        if !doc.contains(c.doc) {
            wrong.push(format!("{}: the doc should carry the declaration's meaning \"{}\": {doc}", c.name, c.doc));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_parser_itself_reads_members_and_docs() {
    let h = "typedef struct juzhu_x {\n  /**\n   * `YYYYMMDD`: a day.\n   */\n  int32_t day;\n  uint8_t reserved[3];\n} juzhu_x;";
    let m = members(h, "juzhu_x");
    assert_eq!(m[0], ("int32_t".into(), "day".into(), "`YYYYMMDD`: a day. ".into()));
    assert_eq!(m[1].1, "reserved");
}
