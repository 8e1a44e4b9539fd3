//! `juzhu assess`, `juzhu explain` and `juzhu case`.

use crate::args::{AssessArgs, CaseArgs, CaseOptions, ExplainArgs, LangChoice};
use crate::case::{self, Reading, Refused};
use crate::encoding::Encoding;
use crate::io::{self, Lines, Out};
use crate::{Fatal, Status};
use juzhu::vocab::Word;
use juzhu::{Assessment, Calendar, Case, Lang, RuleSet};
use std::path::Path;

/// `juzhu assess`: the report, the JSON answer, or JSON lines.
pub fn assess(args: &AssessArgs) -> Result<Status, Fatal> {
    let reading = reading(&args.case)?;
    let loaded = load_calendar(&args.case)?;
    let cal = loaded.as_ref().unwrap_or_else(|| Calendar::china());
    if args.jsonl {
        let file = args.case.file.as_deref().ok_or_else(|| {
            Fatal::new(
                "--jsonl reads its cases from FILE (- for standard input); --set and --as-of apply to each",
                "--jsonl 从文件（- 为标准输入）逐行读取案例；--set 和 --as-of 作用于每一行",
            )
        })?;
        return jsonl(file, &args.case, &reading, cal);
    }
    let mut out = Out::stdout(args.case.encoding);
    match assess_file(args.case.file.as_deref(), &args.case, &reading, cal)? {
        Ok(a) if args.json => out.line(&a.to_json_pretty())?,
        Ok(a) => out.write(&a.report(args.lang.lang()))?,
        Err(refused) if args.json => {
            out.line(&refused.to_json())?;
            return Ok(Status::Refused);
        }
        Err(refused) => return Ok(self::refused(&args.case, &refused, args.lang)),
    };
    Ok(Status::Answered)
}

/// `juzhu explain`: the numbered reasons with their basis.
pub fn explain(args: &ExplainArgs) -> Result<Status, Fatal> {
    let reading = reading(&args.case)?;
    let loaded = load_calendar(&args.case)?;
    let cal = loaded.as_ref().unwrap_or_else(|| Calendar::china());
    match assess_file(args.case.file.as_deref(), &args.case, &reading, cal)? {
        Ok(a) => {
            Out::stdout(args.case.encoding).write(&reasons(&a, args.lang))?;
            Ok(Status::Answered)
        }
        Err(refused) => Ok(self::refused(&args.case, &refused, args.lang)),
    }
}

/// `juzhu case`: the case as read (the settings made, the rule set and policy spelt out), checked
/// as `assess` checks it, as the contract's JSON to keep and assess later.
pub fn case(args: &CaseArgs) -> Result<Status, Fatal> {
    let reading = reading(&args.case)?;
    let loaded = load_calendar(&args.case)?;
    let cal = loaded.as_ref().unwrap_or_else(|| Calendar::china());
    let checked = read_file(args.case.file.as_deref(), &args.case, &reading)?
        .and_then(|c| juzhu::assess_with(&c, cal).map(|_| c).map_err(Refused::from));
    match checked {
        Ok(c) => {
            let text = serde_json::to_string_pretty(&printable(c.to_value())).unwrap_or_default();
            Out::stdout(args.case.encoding).line(&text)?;
            Ok(Status::Answered)
        }
        Err(refused) => Ok(self::refused(&args.case, &refused, args.lang)),
    }
}

/// A case's JSON as the command prints it: no printed form shows a whole identity number (RULES.md
/// §8), so `person.id_number` gives way to the birth date it holds — all the rules read of it —
/// as `person.birth_date` (the case was assessed: a birth date given agrees with it).
fn printable(mut case: serde_json::Value) -> serde_json::Value {
    if let Some(person) = case.get_mut("person").and_then(serde_json::Value::as_object_mut) {
        let id = person.remove("id_number");
        let birth =
            id.as_ref().and_then(serde_json::Value::as_str).and_then(|t| juzhu::id_number::IdNumber::parse(t).ok());
        if let Some(id) = birth {
            person.entry("birth_date").or_insert_with(|| id.birth_date().format("%Y-%m-%d").to_string().into());
        }
    }
    case
}

/// The reasons, numbered, each with its basis; with both languages the English follows the
/// Chinese on an indented line.
fn reasons(a: &Assessment, lang: LangChoice) -> String {
    match lang.lang() {
        Some(lang) => a.explanation.text(lang),
        None => a.explanation.text_both(),
    }
}

/// Reports refused input in the readable modes on stderr, in the language of `--lang`:
/// `refused: field: message` and/or `输入有误：field：消息`.
fn refused(opts: &CaseOptions, refused: &Refused, lang: LangChoice) -> Status {
    let refused = case::terminal_advice(refused);
    io::to_stderr(opts.encoding, &refused.lines(lang.lang(), "refused: ", "输入有误："));
    Status::Refused
}

/// How cases are read: `--rule-set`, and the settings of `--set` and `--as-of` (`today` is the
/// date in China, UTC+8, when the command runs).
fn reading(opts: &CaseOptions) -> Result<Reading, Fatal> {
    let typed = typed_settings(&opts.set, opts.encoding)?;
    // The rule set a setting's field is looked up in: the flag's, or one a setting names.
    let named = typed.iter().rev().find(|(p, _)| *p == "policy.rule_set").and_then(|(_, v)| RuleSet::from_id(v.trim()));
    let rule_set = opts.rule_set.or(named);
    let mut settings: Vec<(String, serde_json::Value)> =
        typed.iter().map(|(path, raw)| ((*path).to_owned(), crate::settings::value_for(path, raw, rule_set))).collect();
    if let Some(day) = &opts.as_of {
        if settings.iter().any(|(p, _)| p == "as_of") {
            return Err(Fatal::new(
                "--as-of and --set as_of=... both give the assessment day: give one",
                "--as-of 与 --set as_of=… 都给出了评估日：只能给一个",
            ));
        }
        settings.push(("as_of".to_owned(), serde_json::Value::String(day_typed(day))));
    }
    Ok(Reading { rule_set: opts.rule_set, settings })
}

/// The `--set PATH=VALUE` settings with each value as text, decoded in the encoding of the
/// terminal it was typed in (`--encoding`); a value that does not decode is a usage error naming
/// its path. A path may be a person field's Chinese column header (`到达日期`, `身份证号`: the
/// headers a table may name its columns by), which stands for the field's path
/// (`person.arrival_date`); any other path that is not ASCII is a usage error.
pub fn typed_settings(set: &[(Vec<u8>, Vec<u8>)], encoding: Encoding) -> Result<Vec<(&str, String)>, Fatal> {
    set.iter()
        .map(|(path, bytes)| {
            let path = setting_path(path, encoding)?;
            match encoding.decode(bytes) {
                Ok(text) => Ok((path, text.into_owned())),
                Err(_) => Err(match encoding {
                    Encoding::Utf8 => Fatal::new(
                        format!("--set {path}=...: the value is not UTF-8 (typed in a GB18030 terminal? add --encoding gb18030)"),
                        format!("--set {path}=…：值不是 UTF-8 编码（在 GB18030 终端中输入时请加 --encoding gb18030）"),
                    ),
                    Encoding::Gb18030 => Fatal::new(
                        format!("--set {path}=...: the value is not valid GB18030"),
                        format!("--set {path}=…：值不是有效的 GB18030 编码"),
                    ),
                }),
            }
        })
        .collect()
}

/// The field path a `--set` PATH names: itself when ASCII, else the path of the person field
/// whose Chinese column header it is (the same field in every rule set that has the header).
fn setting_path(path: &[u8], encoding: Encoding) -> Result<&str, Fatal> {
    if let Some(ascii) = std::str::from_utf8(path).ok().filter(|p| p.is_ascii()) {
        return Ok(ascii);
    }
    let typed = encoding.decode(path).map(|t| t.trim().to_owned()).unwrap_or_default();
    RuleSet::ALL
        .iter()
        .flat_map(|rs| rs.fields())
        .find(|f| f.headers_zh.contains(&typed.as_str()))
        .map(|f| f.path)
        .ok_or_else(|| {
            // Quoted as a key is (an identity number typed there masked, RULES.md §8).
            let shown = if typed.is_empty() { "the PATH before =".to_owned() } else { juzhu::privacy::key(&typed) };
            Fatal::new(
                format!(
                    "--set: {shown} is neither a field path (person.arrival_date) nor a Chinese column header \
                     (到达日期; juzhu fields lists them)"
                ),
                format!("--set：{shown} 既不是字段路径（person.arrival_date），也不是中文表头（到达日期；juzhu fields 列出全部）"),
            )
        })
}

/// A day typed for `--as-of`: `today` as a clerk may type it (`Today`, 今天, 今日) is today's date
/// in China; anything else is taken as typed (and read as a date by the library).
pub fn day_typed(day: &str) -> String {
    let today = day.eq_ignore_ascii_case("today") || day == "今天" || day == "今日";
    if today {
        today_in_china()
    } else {
        day.to_owned()
    }
}

/// Today's date in China (UTC+8, no daylight saving), `YYYY-MM-DD`: the day a clerk means by
/// "today", whatever the machine's time zone.
pub fn today_in_china() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    let day = (secs.saturating_add(8 * 3600)).div_euclid(86_400);
    juzhu::date::format_iso(i32::try_from(day).unwrap_or(i32::MAX))
}

/// Reads, decodes and assesses a whole file (none: the settings alone make the case): `Err` for a
/// file that cannot be read, `Ok(Err)` for input that is refused.
fn assess_file(
    path: Option<&Path>,
    opts: &CaseOptions,
    reading: &Reading,
    cal: &Calendar,
) -> Result<Result<Assessment, Refused>, Fatal> {
    Ok(read_file(path, opts, reading)?.and_then(|c| juzhu::assess_with(&c, cal).map_err(Refused::from)))
}

/// Reads and decodes a whole file's case (none: the settings alone make the case): `Err` for a
/// file that cannot be read, `Ok(Err)` for input that is refused.
fn read_file(path: Option<&Path>, opts: &CaseOptions, reading: &Reading) -> Result<Result<Case, Refused>, Fatal> {
    let Some(path) = path else {
        return Ok(case::read_case("{}", reading));
    };
    let bytes = io::read_all(path)?;
    Ok(opts.encoding.decode(&bytes).and_then(|text| case::read_case(&text, reading)))
}

/// One case per line in, one JSON answer per line out, each written and flushed before the
/// next line is read. Blank lines are skipped; a reader that goes away ends the run quietly.
fn jsonl(path: &Path, opts: &CaseOptions, reading: &Reading, cal: &Calendar) -> Result<Status, Fatal> {
    let mut lines = Lines::open(path)?;
    let mut out = Out::stdout(opts.encoding);
    let mut status = Status::Answered;
    let mut number = 0;
    while let Some(line) = lines.next_line()? {
        number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let answer = match opts.encoding.decode(line).and_then(|text| case::assess_text(&text, reading, cal)) {
            Ok(a) => a.to_json(),
            Err(refused) => {
                status = Status::Refused;
                refused.on_line(number).to_json()
            }
        };
        if !out.line(&answer)? {
            break;
        }
    }
    Ok(status)
}

/// The `--calendar` file, if one is given (decoded like the input); what is wrong with it is
/// said in both languages, printed as `--lang` asks.
pub fn load_calendar(opts: &CaseOptions) -> Result<Option<Calendar>, Fatal> {
    opts.calendar.as_deref().map(|path| read_calendar(path, opts.encoding)).transpose()
}

/// Reads a calendar file; a file that cannot be read or used is a usage error, its reason in
/// `lang` (English unless Chinese alone is asked for).
pub fn read_calendar(path: &Path, encoding: crate::encoding::Encoding) -> Result<Calendar, Fatal> {
    let bytes = io::read_all(path)?;
    let fail = |e: Refused| {
        Fatal::new(
            format!("calendar {}: {}", path.display(), e.text_in(Lang::En)),
            format!("日历文件 {}：{}", path.display(), e.text_in(Lang::Zh)),
        )
    };
    let text = encoding.decode(&bytes).map_err(fail)?;
    Calendar::from_json_bytes(text.as_bytes()).map_err(|e| fail(e.into()))
}
