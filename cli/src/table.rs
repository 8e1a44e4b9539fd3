//! `juzhu table`: a CSV table of people in, a CSV of answers out, one row each, through the
//! library's batch engine — the one Python's `assess_batch` runs — so a row is read, checked and
//! refused exactly as there: its columns are the rule set's batch columns (`juzhu fields` names
//! them), and each cell is written as `--set` takes the field (a word as its id or Chinese name,
//! a flag as true/false or 是/否, a list separated by commas; an empty cell is absent). Columns that
//! are no input (a name, a file number) are carried to the answer when named with `--keep`.
//! The command only translates text to cells and answers to text; every rule and every refusal is
//! the library's.

use crate::args::{LangChoice, TableArgs};
use crate::case::Refused;
use crate::io::{self, Out};
use crate::{Fatal, Status};
use juzhu::batch::{Output, Owned, NULL_CODE, NULL_DAY, NULL_TIME};
use juzhu::record::{Column, Kind};
use juzhu::values::{Offsets, Values};
use juzhu::vocab::Word;
use juzhu::{Calendar, CaseError, Lang};
use serde_json::Value;

/// Rows read, assessed and written at a time: a table takes its text and one chunk's cells and
/// answers in memory, however long it is.
const CHUNK: usize = 50_000;

/// `juzhu table`.
pub fn run(args: &TableArgs) -> Result<Status, Fatal> {
    let cal = args.calendar.as_deref().map(|p| crate::run::read_calendar(p, args.encoding)).transpose()?;
    let cal = cal.as_ref().unwrap_or_else(|| Calendar::china());
    let typed = crate::run::typed_settings(&args.set, args.encoding)?;
    let bytes = io::read_all(&args.file)?;
    // A UTF-8 sheet saved with a byte-order mark (as Excel and WPS save "CSV UTF-8") gets its
    // answer with one: that is how a spreadsheet knows the file is UTF-8 and not the local code page.
    let bom = args.encoding == crate::encoding::Encoding::Utf8 && bytes.starts_with(b"\xEF\xBB\xBF");
    let answered = match args.encoding.decode(&bytes) {
        Ok(text) => answer(&text, args, &typed, cal, bom, &mut Out::stdout(args.encoding))?,
        Err(refused) => Err(refused),
    };
    answered.or_else(|refused| {
        io::to_stderr(args.encoding, &refused.lines(args.lang.lang(), "refused: ", "输入有误："));
        Ok(Status::Refused)
    })
}

/// Answers the table in `text` onto `out`, chunk by chunk, with the status (refused if any row
/// was); or refuses the table as a whole before anything is written (a column no rule set takes,
/// rows of another width, a bad `--as-of` or policy). `Err` is output that cannot be written.
fn answer(
    text: &str,
    args: &TableArgs,
    typed: &[(&str, String)],
    cal: &Calendar,
    bom: bool,
    out: &mut Out,
) -> Result<Result<Status, Refused>, Fatal> {
    let table = match Table::read(text, args, typed) {
        Ok(t) => t,
        Err(refused) => return Ok(Err(refused)),
    };
    // Every record parsed in `Table::read` (which refuses the table at the first that does not),
    // so none is dropped by `Result::ok` here.
    let mut reader = reader(text);
    let mut records = reader.records().skip(1).filter_map(Result::ok).filter(|r| !is_blank(r, table.header.len()));
    let mut status = Status::Answered;
    let mut first = true;
    loop {
        let rows: Vec<Vec<String>> =
            records.by_ref().take(CHUNK).map(|r| r.iter().map(str::to_owned).collect()).collect();
        if rows.is_empty() && !first {
            break;
        }
        // The columns and the policy are checked on the first chunk (even of no rows), before
        // anything is written.
        let answered = match table.assess(&rows, cal) {
            Ok(a) => a,
            Err(refused) => return Ok(Err(refused)),
        };
        if !answered.errors.is_empty() {
            status = Status::Refused;
        }
        let text = match table.write(&rows, &answered, args.lang, first) {
            Ok(t) if first && bom => format!("\u{FEFF}{t}"),
            Ok(t) => t,
            Err(refused) => return Ok(Err(refused)),
        };
        if !out.write(&text)? || rows.len() < CHUNK {
            break;
        }
        first = false;
    }
    Ok(Ok(status))
}

/// A table read and checked as a whole: its rule set, engine, day and policy, its header and the
/// columns kept.
struct Table {
    rule_set: juzhu::RuleSet,
    engine: &'static dyn juzhu::record::BatchRules,
    as_of: juzhu::date::DayNum,
    policy: Option<Value>,
    header: Vec<String>,
    kept: Vec<usize>,
}

impl Table {
    /// Reads the settings and the header, and checks every row's width (the rows are read again,
    /// a chunk at a time, to be assessed).
    /// `typed`: the `--set` settings, decoded.
    fn read(text: &str, args: &TableArgs, typed: &[(&str, String)]) -> Result<Table, Refused> {
        let policy = policy(typed, args.rule_set)?;
        let rule_set = juzhu::batch::rule_set_of(args.rule_set.map(Word::id), policy.as_ref())?;
        let engine = rule_set.batch().ok_or_else(|| {
            Refused::from(CaseError::new(
                "rule_set",
                format!("{} has no batch engine", rule_set.id()),
                format!("{} 没有批量评估引擎", rule_set.id()),
            ))
        })?;
        let as_of = juzhu::date::read_iso("as_of", &crate::run::day_typed(&args.as_of))?;
        let header = read_shape(text)?;
        check_kept(&args.keep, &header, engine.outputs())?;
        let kept = header.iter().enumerate().filter(|(_, h)| args.keep.contains(h)).map(|(k, _)| k).collect();
        Ok(Table { rule_set, engine, as_of, policy, header, kept })
    }

    /// Assesses `rows` with the batch engine: each input cell as the JSON `--set` makes of it for
    /// its field; a column that is no field of the rule set goes as text, refused by name.
    fn assess(&self, rows: &[Vec<String>], cal: &Calendar) -> Result<Output, Refused> {
        let rule_set = self.rule_set;
        let inputs: Vec<Input<'_>> = self
            .header
            .iter()
            .enumerate()
            .filter(|(k, _)| !self.kept.contains(k))
            .map(|(k, name)| {
                let field = rule_set.fields().iter().find(|f| f.takes_column(name));
                let cells: Vec<Value> = rows
                    .iter()
                    .map(|row| match field {
                        Some(f) => crate::settings::value_for(f.path, &row[k], Some(rule_set)),
                        None => Value::String(row[k].clone()),
                    })
                    .collect();
                let list = field.filter(|f| matches!(f.kind, Kind::Dates)).map(|_| list_of(&cells));
                Input { name, known: field.is_some(), cells, list }
            })
            .collect();
        let list_items: Vec<Option<Values<'_>>> =
            inputs.iter().map(|c| c.list.as_ref().map(|(_, items)| Values::Any(items))).collect();
        let named: Vec<(&str, Values<'_>)> = inputs
            .iter()
            .zip(&list_items)
            .map(|(c, items)| {
                let values = match (&c.list, items) {
                    (Some((offsets, _)), Some(items)) => {
                        Values::Lists { offsets: Offsets::I64(offsets), values: items, validity: None }
                    }
                    _ => Values::Any(&c.cells),
                };
                (c.name, values)
            })
            .collect();
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        // The first column that is no field of the rule set: the one the engine refuses first.
        let unknown = inputs.iter().find(|c| !c.known).map(|c| c.name);
        self.engine
            .assess(rows.len(), &named, self.as_of, self.policy.as_ref(), cal, threads)
            .map_err(|e| with_keep_hint(e, unknown))
    }
}

/// The policy object of `--set policy.PATH=VALUE` (none without settings), each value read as
/// `--set` reads it for its field, checked by the engine as a case's policy is; a path outside
/// `policy.` is refused (the rows give the person).
fn policy(typed: &[(&str, String)], rule_set: Option<juzhu::RuleSet>) -> Result<Option<Value>, Refused> {
    if typed.is_empty() {
        return Ok(None);
    }
    let mut policy = serde_json::Map::new();
    for &(path, ref raw) in typed {
        let Some(key) = path.strip_prefix("policy.").filter(|k| !k.is_empty() && !k.contains('.')) else {
            return Err(CaseError::new(
                path,
                "is not a policy setting: with juzhu table, --set sets policy.* only (the rows give the person)",
                "不是评估设置：juzhu table 的 --set 只能设置 policy.*（人员字段由表中各行给出）",
            )
            .into());
        };
        policy.insert(key.to_owned(), crate::settings::value_for(path, raw, rule_set));
    }
    Ok(Some(Value::Object(policy)))
}

/// An input column of the table: its name, whether the rule set has such a field, its cells as
/// JSON, and (a list column) its items a row as offsets and items.
struct Input<'t> {
    name: &'t str,
    known: bool,
    cells: Vec<Value>,
    list: Option<(Vec<i64>, Vec<Value>)>,
}

/// A list column's cells as Arrow holds a list: offsets into the items of every row.
fn list_of(cells: &[Value]) -> (Vec<i64>, Vec<Value>) {
    let mut offsets = vec![0i64];
    let mut items = Vec::new();
    for cell in cells {
        match cell {
            Value::Array(list) => items.extend(list.iter().cloned()),
            Value::Null => {}
            // Explicit JSON that is no list: its one item, refused as the item it is.
            other => items.push(other.clone()),
        }
        offsets.push(i64::try_from(items.len()).unwrap_or(i64::MAX));
    }
    (offsets, items)
}

/// Every `--keep` column is a column of the table, and none is named as an answer column (by its
/// name or its Chinese header, or `error`, `error_zh`, `错误`).
fn check_kept(keep: &[String], header: &[String], outputs: &[Column]) -> Result<(), Refused> {
    for name in keep {
        if !header.contains(name) {
            return Err(CaseError::new(
                name.as_str(),
                "is named by --keep but is no column of the table",
                "由 --keep 指定，但表中没有这一列",
            )
            .into());
        }
        if outputs.iter().any(|c| c.name == name || c.header_zh == name)
            || ["error", "error_zh", "错误"].contains(&name.as_str())
        {
            return Err(CaseError::new(
                name.as_str(),
                "is kept with --keep but is also a column of the answer: rename it",
                "以 --keep 保留，但答复中也有同名的列：请改名",
            )
            .into());
        }
    }
    Ok(())
}

impl Table {
    /// `rows`' answer as CSV (the header line first when `header`): the kept columns of each
    /// row, its answer, and its error in `lang` (both: `error` and `error_zh`).
    fn write(&self, rows: &[Vec<String>], out: &Output, lang: LangChoice, header: bool) -> Result<String, Refused> {
        let langs = lang.langs();
        let mut errors: Vec<Option<&CaseError>> = vec![None; rows.len()];
        for (i, e) in &out.errors {
            if let Some(slot) = errors.get_mut(*i) {
                *slot = Some(e);
            }
        }
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        let failed = |e: csv::Error| Refused::input(format!("the answer could not be written: {e}"), "无法写出答复");
        // In Chinese alone (`--lang zh`), for a clerk to read: Chinese headers and words, 是/否.
        // Otherwise the ids `assess_batch` gives, which programs read.
        let zh = langs == [Lang::Zh];
        if header {
            let mut columns: Vec<&str> = self.kept.iter().map(|&k| self.header[k].as_str()).collect();
            columns.extend(out.columns.iter().map(|(c, _)| if zh { c.header_zh } else { c.name }));
            columns.extend(langs.iter().map(|l| match (l, zh) {
                (_, true) => "错误",
                (Lang::Zh, false) => "error_zh",
                _ => "error",
            }));
            w.write_record(&columns).map_err(failed)?;
        }
        let mut record: Vec<String> = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            record.clear();
            record.extend(self.kept.iter().map(|&k| row[k].clone()));
            record.extend(out.columns.iter().map(|(c, values)| cell(c, values, i, zh)));
            record.extend(langs.iter().map(|&l| errors[i].map_or_else(String::new, |e| e.to_string_in(l))));
            w.write_record(&record).map_err(failed)?;
        }
        let bytes = w.into_inner().map_err(|e| failed(e.into_error().into()))?;
        // Written from `&str` cells only: UTF-8.
        Ok(String::from_utf8(bytes).unwrap_or_default())
    }
}

/// The header (trimmed) of CSV `text`, once every row is found as wide as it; rows of another
/// width, or a header naming a column twice or none, are refused.
fn read_shape(text: &str) -> Result<Vec<String>, Refused> {
    let mut reader = reader(text);
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(|c| c.trim().to_owned()).collect(),
        Some(Err(e)) => return Err(shape(&e)),
        None => {
            return Err(Refused::input(
                "the table is empty: a header naming its columns comes first",
                "表格为空：第一行应为列名",
            ))
        }
    };
    if let Some(k) = header.iter().position(String::is_empty) {
        return Err(Refused::input(
            format!("column {} of the header has no name", k + 1),
            format!("表头第 {} 列没有列名", k + 1),
        ));
    }
    for (k, name) in header.iter().enumerate() {
        if header[..k].contains(name) {
            return Err(CaseError::new(name.as_str(), "appears more than once", "重复出现").into());
        }
    }
    for record in records {
        let record = record.map_err(|e| shape(&e))?;
        if record.len() != header.len() && !is_blank(&record, header.len()) {
            let line = record.position().map_or(0, csv::Position::line);
            return Err(Refused::input(
                format!("line {line} has {} cells, the header {}", record.len(), header.len()),
                format!("第 {line} 行有 {} 个单元格，表头有 {} 列", record.len(), header.len()),
            ));
        }
    }
    Ok(header)
}

/// A CSV reader of `text`, its rows of any width (checked by [`read_shape`]), separated by commas —
/// or by tabs (rows copied out of a spreadsheet) or semicolons when the header line holds no comma
/// but one of those.
fn reader(text: &str) -> csv::Reader<&[u8]> {
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains(',') {
        b','
    } else if first.contains('\t') {
        b'\t'
    } else if first.contains(';') {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes())
}

/// Whether a record is a blank line (a spreadsheet's last) of a table `width` columns wide: no row.
fn is_blank(r: &csv::StringRecord, width: usize) -> bool {
    r.len() == 1 && r[0].trim().is_empty() && width > 1
}

/// A CSV reading error (the text is already decoded, so it is the table's shape).
fn shape(e: &csv::Error) -> Refused {
    let line = e.position().map_or(0, csv::Position::line);
    Refused::input(format!("line {line} is not a CSV row: {e}"), format!("第 {line} 行不是有效的 CSV 行"))
}

/// The engine's refusal of a table, with `--keep` pointed out when it refuses `unknown`, a column
/// that is no input of any rule set.
fn with_keep_hint(e: CaseError, unknown: Option<&str>) -> Refused {
    match unknown {
        Some(name) if e.message().starts_with("is not an input column") => CaseError::new(
            e.field(),
            format!("{} (a column to carry to the answer as it is: --keep {name})", e.message()),
            format!("{}（如需原样带到答复中：--keep {name}）", e.message_zh()),
        )
        .into(),
        _ => e.into(),
    }
}

/// Row `i` of an answer column as text: a word's id, a flag `true`/`false`, a date `YYYY-MM-DD`, a
/// time `HH:MM`, a number, a set of words their ids separated by commas; empty when null. In
/// Chinese (`zh`): a word's Chinese name, a flag `是`/`否`, a set of words their Chinese names
/// separated by `；` (interpretations keep their ids, `、`-separated: they are references).
fn cell(c: &Column, values: &Owned, i: usize, zh: bool) -> String {
    let names = |v: &'static juzhu::vocab::Vocabulary| if zh && c.name != "interpretations" { v.zh } else { v.ids };
    let words = |bits: u64| match c.kind.vocabulary() {
        Some(v) => {
            names(v).iter().enumerate().filter(|(k, _)| bits >> k & 1 == 1).map(|(_, id)| *id).collect::<Vec<_>>().join(
                match (zh, c.name) {
                    (false, _) => ",",
                    (true, "interpretations") => "、",
                    (true, _) => "；",
                },
            )
        }
        None => String::new(),
    };
    match values {
        Owned::Codes(v) => match (v[i], &c.kind) {
            (NULL_CODE, _) => String::new(),
            (b, Kind::Flag) if zh => if b == 1 { "是" } else { "否" }.to_owned(),
            (b, Kind::Flag) => (b == 1).to_string(),
            (code, kind) => kind
                .vocabulary()
                .and_then(|v| names(v).get(usize::from(code)))
                .map_or_else(String::new, |id| (*id).to_owned()),
        },
        Owned::Days(v) if v[i] == NULL_DAY => String::new(),
        Owned::Days(v) => juzhu::date::format_iso(v[i]),
        Owned::Bits16(v) => words(u64::from(v[i])),
        Owned::Bits32(v) => words(u64::from(v[i])),
        Owned::Bits64(v) => words(v[i]),
        Owned::Wholes(v) if v[i] == u32::MAX => String::new(),
        Owned::Wholes(v) => v[i].to_string(),
        Owned::Times(v) if v[i] == NULL_TIME => String::new(),
        Owned::Times(v) => juzhu::time::TimeOfDay::from_minutes(v[i]).map_or_else(String::new, |t| t.to_string()),
        _ => String::new(),
    }
}
