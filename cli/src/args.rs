//! The command line's grammar (clap derive): commands, options, help texts, and how a parse
//! error is reported.

// The doc comments of arguments are their help text, printed as written: no Markdown backticks.
#![allow(clippy::doc_markdown, clippy::doc_link_with_quotes)]

use crate::encoding::Encoding;
use crate::Status;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand, ValueEnum};
use juzhu::vocab::Word;
use juzhu::{Lang, RuleSet};
use std::path::PathBuf;

/// The exit statuses, shown under every `--help`.
const EXIT_STATUS: &str = "\
Exit status:
  0  answered: every case assessed (or the calendar shown)
  1  input refused: a case is not valid input; the reason names the field
     (on stderr, or as {\"error\":{\"field\",\"message\",\"message_zh\"}} on stdout with
     --json/--jsonl; message_zh is the reason in Chinese)
  2  usage or I/O error: unknown option or bad value, unreadable FILE,
     unusable --calendar file, output that cannot be written

中文帮助：在 --help 后加 --lang zh（juzhu assess --help --lang zh）";

/// `juzhu` — the Liaoning residence-registration rules on the command line.
#[derive(Debug, Parser)]
#[command(
    name = "juzhu",
    version = juzhu::VERSION,
    propagate_version = true,
    // `juzhu` alone is a usage error with a short message, not the whole help.
    arg_required_else_help = false,
    about = "Residence registration and Residence Permits under Chinese law, each answer citing its article",
    long_about = "\
Residence registration and Residence Permits under two rule sets: liaoning-2013 (Liaoning \
Decree 281 as promulgated in 2013, the default) and china-2016 (the State Council's Interim \
Regulations on Residence Permits, in force 2016-01-01), chosen per case by policy.rule_set or \
--rule-set.

Reads cases in the JSON of spec/CASES.md and answers who must register, by when, whether a \
permit is required or when it may be had, when it must be extended or endorsed, what rights the \
person holds and what a reporter owes, each answer citing its article. A case file may hold a bare case or an acceptance case ({\"input\": {...}, \
\"expect\": ...}), whose input is assessed.

Examples:
  juzhu assess examples/cases/floating-worker.json
  juzhu assess --as-of today --set person.category=floating --set person.arrival_date=2026-11-27
  juzhu assess --json case.json
  juzhu assess examples/cases/china-2016-holder.json
  producer | juzhu assess --jsonl -
  juzhu explain --lang zh case.json
  juzhu fields --rule-set china-2016
  juzhu case --as-of today --set person.category=floating --set person.arrival_date=2026-11-27 > case.json
  juzhu calendar 2024 --json
  juzhu table --as-of today people.csv > answers.csv",
    after_help = EXIT_STATUS
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Assess a case and print the report, the JSON answer, or one answer per input line
    #[command(
        long_about = "\
Assess a case and print the answer.

Without --json or --jsonl the readable report is printed (--lang picks its language). A refused \
case prints `refused: FIELD: MESSAGE` on stderr, then the Chinese `输入有误：FIELD：原因` (only the \
Chinese line with --lang zh, only the English with --lang en).",
        after_help = EXIT_STATUS,
        display_name = "juzhu"
    )]
    Assess(AssessArgs),
    /// Print the numbered reasons of a case's assessment, each with the article it rests on
    #[command(after_help = EXIT_STATUS, display_name = "juzhu")]
    Explain(ExplainArgs),
    /// Show a year's rest days on weekdays and working weekend days, with their sources
    #[command(
        long_about = "\
Show a year's rest days on weekdays (public holidays) and working weekend days (make-up days), \
with the State Council notices they come from. Years without official data rest on weekends only.",
        after_help = EXIT_STATUS,
        display_name = "juzhu"
    )]
    Calendar(CalendarArgs),
    /// List every field a case may hold, with what it takes (the paths --set sets)
    #[command(after_help = EXIT_STATUS, display_name = "juzhu")]
    Fields(FieldsArgs),
    /// Print a case as it is read, checked as assess checks it, to keep and assess later
    #[command(
        long_about = "\
Print a case as it is read, as the contract's JSON: FILE's case (or the settings alone) with the \
--set and --as-of settings made, the rule set and every policy setting spelt out, checked as \
assess checks it (a refused case prints the refusal, exit status 1). Save it to assess it later, \
or to keep beside its answer: juzhu case --as-of today --set person.category=floating ... > case.json

A citizen identity number is not printed (RULES.md section 8): the birth date it holds, the one \
thing the rules take from it, is printed as person.birth_date in its place (the answer is the same; \
its reasons no longer say where the date came from). A --calendar file is not part of the case: \
give it again when assessing.",
        after_help = EXIT_STATUS,
        display_name = "juzhu"
    )]
    Case(CaseArgs),
    /// Assess a CSV table of people, one answer row each, as a CSV table
    #[command(
        long_about = "\
Assess a CSV table of people and print the answers as a CSV table, one row each, in the order \
read: the --keep columns, then the batch's answer columns (registration_deadline, \
permit_status, ...), then error (field: message) on a refused row.

The header names the columns: the batch columns of the rule set (juzhu fields lists them, \
e.g. category, hukou_region, arrival_date, permit_issued_on). Each cell is written as --set \
takes its field: a date 2024-09-28, a word as its id or Chinese name, a flag true/false \
(是/否), a list separated by commas; an empty cell is absent. Every row is checked and answered \
as Python's juzhu.assess_batch answers it; a refused row carries on to the next. A column that \
is no input (a name, a file number) is refused by name unless --keep carries it to the answer \
as it is.

Example: juzhu table --as-of today --keep 姓名 people.csv > answers.csv
         juzhu table --as-of today --rule-set china-2016 --set policy.city_urban_population=8000000 permits.csv",
        after_help = TABLE_EXIT_STATUS,
        display_name = "juzhu"
    )]
    Table(TableArgs),
}

/// The exit statuses of `juzhu table`.
const TABLE_EXIT_STATUS: &str = "\
Exit status:
  0  answered: every row assessed
  1  input refused: a row refused (its error column says why; the others are answered), or the
     table itself (a column that is no input, rows of another width), said on stderr
  2  usage or I/O error: unknown option or bad value, unreadable FILE, unusable --calendar file,
     output that cannot be written

中文帮助：在 --help 后加 --lang zh（juzhu table --help --lang zh）";

/// `juzhu table`.
#[derive(Debug, Args)]
pub struct TableArgs {
    /// The CSV file, or - for standard input; its first line names the columns
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The assessment day (as_of) of every row: YYYY-MM-DD, or today (今天; the date in China, UTC+8)
    #[arg(long, value_name = "DATE")]
    pub as_of: String,
    /// The rule set the rows are assessed under (default liaoning-2013)
    #[arg(long, value_name = "ID", value_parser = rule_set_parser())]
    pub rule_set: Option<RuleSet>,
    /// A column that is no input, carried to the answer as it is (a name, a file number; repeatable)
    #[arg(long, value_name = "COLUMN")]
    pub keep: Vec<String>,
    /// A policy setting for every row, policy.PATH=VALUE: policy.day_counting=calendar (repeatable;
    /// the rows give the person, so only policy.* is set here)
    #[arg(long = "set", value_name = "policy.PATH=VALUE",
          value_parser = clap::builder::OsStringValueParser::new().try_map(parse_setting))]
    pub set: Vec<(Vec<u8>, Vec<u8>)>,
    /// The language of the answer: en (ids; the error column error), both (ids; error and
    /// error_zh), or zh (for a clerk: Chinese headers, words by their Chinese names, 是/否; the
    /// error column 错误)
    #[arg(long, value_enum, value_name = "LANG", default_value_t = LangChoice::Both)]
    pub lang: LangChoice,
    /// A calendar file (JSON) to count days with instead of the embedded mainland calendar (the
    /// format: see `juzhu assess --help`)
    #[arg(long, value_name = "FILE")]
    pub calendar: Option<PathBuf>,
    /// The encoding of the table read and of the table printed: utf-8 (the default) or gb18030
    /// (what a spreadsheet saves as CSV on Chinese Windows)
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,
}

/// `juzhu case`.
#[derive(Debug, Args)]
pub struct CaseArgs {
    /// The language of a refusal
    #[arg(long, value_enum, value_name = "LANG", default_value_t = LangChoice::Both)]
    pub lang: LangChoice,
    /// Settings shared with `assess`.
    #[command(flatten)]
    pub case: CaseOptions,
}

/// `juzhu fields`.
#[derive(Debug, Args)]
pub struct FieldsArgs {
    /// The rule set whose fields to list (default liaoning-2013)
    #[arg(long, value_name = "ID", value_parser = rule_set_parser())]
    pub rule_set: Option<RuleSet>,
    /// Print JSON: [{"path", "kind", "words", "min", "max", "batch_column", "doc", "doc_zh"}, ...]
    #[arg(long)]
    pub json: bool,
    /// The language of the descriptions
    #[arg(long, value_enum, value_name = "LANG", default_value_t = LangChoice::Both)]
    pub lang: LangChoice,
    /// The encoding of everything printed
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,
}

/// `juzhu assess`.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Print the contract's JSON (refused input: the error JSON, exit status 1)
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Read one case per line and write one JSON answer per line, each as its line arrives
    ///
    /// Blank lines are skipped; a refused line is answered with its error JSON and the rest
    /// carry on. The exit status is 1 if any line was refused.
    #[arg(long)]
    pub jsonl: bool,
    /// The report's language
    #[arg(long, value_enum, value_name = "LANG", default_value_t = LangChoice::Both)]
    pub lang: LangChoice,
    /// Settings shared with `explain`.
    #[command(flatten)]
    pub case: CaseOptions,
}

/// `juzhu explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The reasons' language
    #[arg(long, value_enum, value_name = "LANG", default_value_t = LangChoice::Both)]
    pub lang: LangChoice,
    /// Settings shared with `assess`.
    #[command(flatten)]
    pub case: CaseOptions,
}

/// The case and the options for reading and assessing it (`assess`, `explain`, `case`).
#[derive(Debug, Args)]
pub struct CaseOptions {
    /// The case file, or - for standard input (may be left out when --set or --as-of give the case)
    #[arg(value_name = "FILE", required_unless_present_any = ["set", "as_of"])]
    pub file: Option<PathBuf>,
    /// Set a field of the case, PATH=VALUE: person.arrival_date=2024-09-28 (repeatable)
    ///
    /// Made in the case FILE holds (with assess --jsonl, in every line's case) before it is read;
    /// without FILE the case is built from the settings alone. PATH may also be a person field's
    /// Chinese column header (到达日期=2024-09-28, 身份证号=...). VALUE is written as the field
    /// takes it (juzhu fields lists them): a date 2024-09-28, a word as its id or Chinese name
    /// (floating, 流动人口), a flag true/false (是/否), a number, a list as values separated by
    /// commas; null leaves the field out; JSON ("text", [..], {..}) is taken as written. Of two
    /// settings of one path the later wins. Every value is checked as a case file's would be.
    /// Typed in a GB18030 (GBK) terminal, VALUE is read as GB18030 under --encoding gb18030.
    #[arg(long = "set", value_name = "PATH=VALUE",
          value_parser = clap::builder::OsStringValueParser::new().try_map(parse_setting))]
    pub set: Vec<(Vec<u8>, Vec<u8>)>,
    /// The assessment day (as_of): YYYY-MM-DD, or today (今天; the date in China, UTC+8)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// The rule set for cases that name none (policy.rule_set)
    ///
    /// A case that names a different rule set is refused (field policy.rule_set).
    #[arg(long, value_name = "ID", value_parser = rule_set_parser())]
    pub rule_set: Option<RuleSet>,
    /// A calendar file (JSON) to count days with instead of the embedded mainland calendar
    ///
    /// {"base": "china", "years": {"2027": {"rest_days": ["2027-02-08", ...], "working_days":
    /// ["2027-02-06", ...], "source": "the notice"}}}. base: "china" (the embedded years, the
    /// default) or "none" (weekends only). Each year listed replaces that year of the base: its
    /// Saturdays and Sundays rest, except working_days, and so do rest_days (what `juzhu calendar
    /// YEAR --json` prints as rest_days_on_weekdays and working_weekend_days).
    #[arg(long, value_name = "FILE")]
    pub calendar: Option<PathBuf>,
    /// The encoding of the input and of everything printed
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,
}

/// `juzhu calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The year, 1900 to 2199
    #[arg(value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2199))]
    pub year: i32,
    /// Print JSON: {"year", "official", "data", "sources", "rest_days_on_weekdays", "working_weekend_days"}
    #[arg(long)]
    pub json: bool,
    /// The language of the text printed
    #[arg(long, value_enum, value_name = "LANG", default_value_t = LangChoice::Both)]
    pub lang: LangChoice,
    /// A calendar file (JSON) to show instead of the embedded mainland calendar (the format: see
    /// `juzhu assess --help`)
    #[arg(long, value_name = "FILE")]
    pub calendar: Option<PathBuf>,
    /// The encoding of the calendar file and of everything printed
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,
}

/// Parses the command line (`args` with the program's name first). The help is in Chinese
/// when the arguments ask for `--lang zh` (`crate::help_zh`), and is given where `--lang` is no
/// option too (`juzhu --lang zh --help`, `juzhu help assess --lang zh`).
pub fn parse(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    fn with(grammar: &mut clap::Command, args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
        let matches = grammar.try_get_matches_from_mut(args)?;
        Cli::from_arg_matches(&matches).map_err(|e| e.format(grammar))
    }
    let mut grammar = Cli::command();
    if asked_in(args.iter().skip(1).cloned()).0 == Some(Lang::Zh) {
        grammar = crate::help_zh::in_chinese(grammar);
    }
    match with(&mut grammar, args) {
        Err(e) if matches!(e.kind(), ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand) => {
            let asks_help =
                args.iter().skip(1).any(|a| a == "--help" || a == "-h") || args.get(1).is_some_and(|a| a == "help");
            // The same arguments without --lang and --encoding (both already read by `asked_in`):
            // help if that is what they ask, else the error.
            let mut rest = Vec::with_capacity(args.len());
            let mut it = args.iter();
            while let Some(a) = it.next() {
                let text = a.to_string_lossy();
                if a == "--lang" || a == "--encoding" {
                    it.next();
                } else if !text.starts_with("--lang=") && !text.starts_with("--encoding=") {
                    rest.push(a.clone());
                }
            }
            match with(&mut grammar, &rest) {
                Err(help) if asks_help && help.kind() == ErrorKind::DisplayHelp => Err(help),
                _ => Err(e),
            }
        }
        parsed => parsed,
    }
}

/// Reads `--set PATH=VALUE`: the path up to the first `=` and the value's bytes as typed,
/// decoded by `--encoding` when the case is read (a GB18030 terminal passes GB18030 bytes; `=` is
/// never part of a GB18030 character) and made JSON by the field's kind (`crate::settings`).
fn parse_setting(arg: std::ffi::OsString) -> Result<(Vec<u8>, Vec<u8>), String> {
    let bytes = arg.into_encoded_bytes();
    let example = "e.g. person.arrival_date=2024-09-28";
    let eq = bytes.iter().position(|&b| b == b'=').ok_or_else(|| format!("expected PATH=VALUE, {example}"))?;
    let path = bytes[..eq].trim_ascii();
    if path.is_empty() {
        return Err(format!("the PATH before = is empty ({example})"));
    }
    // A path is ASCII, or a Chinese column header (人口类别, 到达日期) in the terminal's encoding,
    // decoded and looked up once --encoding is known (`run::typed_settings`).
    Ok((path.to_vec(), bytes[eq + 1..].to_vec()))
}

/// The language of rendered text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// 中文
    Zh,
    /// English
    En,
    /// Chinese and English
    Both,
}

impl LangChoice {
    /// The core's language; `None` for both.
    pub fn lang(self) -> Option<Lang> {
        match self {
            LangChoice::Zh => Some(Lang::Zh),
            LangChoice::En => Some(Lang::En),
            LangChoice::Both => None,
        }
    }

    /// The languages to write, in order: English first when both.
    pub fn langs(self) -> &'static [Lang] {
        match self {
            LangChoice::Zh => &[Lang::Zh],
            LangChoice::En => &[Lang::En],
            LangChoice::Both => &[Lang::En, Lang::Zh],
        }
    }
}

/// Accepts exactly the ids of the core's rule sets, each described by its English name.
fn rule_set_parser() -> impl TypedValueParser<Value = RuleSet> {
    let values = RuleSet::ALL.iter().map(|r| PossibleValue::new(r.id()).help(r.en()));
    PossibleValuesParser::new(values)
        .try_map(|id| RuleSet::from_id(&id).ok_or_else(|| format!("{id} is not a rule set")))
}

/// Prints a parse outcome: help and version on stdout (status 0), anything else as a short
/// `juzhu: …` message on stderr, with clap's hints but without the usage text (status 2).
pub fn report_parse_error(e: &clap::Error) -> Status {
    let (lang, encoding) = asked_in(std::env::args_os().skip(1));
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // In the encoding asked for (the Chinese help on a GB18030 terminal). A closed pipe
        // (`juzhu --help | head -1`) is not an error; output that cannot be written otherwise (a
        // full disk) is.
        return match crate::io::Out::stdout(encoding).write(&e.render().to_string()) {
            Err(fatal) => {
                crate::io::to_stderr(encoding, &fatal.lines(lang));
                Status::Usage
            }
            Ok(_) => Status::Answered,
        };
    }
    let en = short_error(&e.render().to_string());
    let zh = format!("juzhu：{}\n", zh_error(e));
    // Both languages (the default): the English, with its pointer to --help, then the Chinese line.
    let text = match lang {
        Some(Lang::Zh) => zh + "更多信息请运行 juzhu --help --lang zh\n",
        Some(_) => en,
        None => en + &zh,
    };
    crate::io::to_stderr(encoding, &text);
    Status::Usage
}

/// The `--lang` and `--encoding` the arguments ask for, read from the raw arguments (they could
/// not be parsed as a whole): `None` for both languages, as when `--lang` is not given or not
/// readable.
pub fn asked_in(args: impl Iterator<Item = std::ffi::OsString>) -> (Option<Lang>, Encoding) {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let value = |name: &str| {
        let flag = format!("--{name}");
        let with_eq = format!("--{name}=");
        args.iter().enumerate().rev().find_map(|(i, a)| {
            if *a == flag {
                args.get(i + 1).cloned()
            } else {
                a.strip_prefix(&with_eq).map(str::to_owned)
            }
        })
    };
    let lang = match value("lang").as_deref() {
        Some("zh") => Some(Lang::Zh),
        Some("en") => Some(Lang::En),
        _ => None,
    };
    let encoding = match value("encoding").as_deref() {
        Some("gb18030") => Encoding::Gb18030,
        _ => Encoding::Utf8,
    };
    (lang, encoding)
}

/// A parse error in Chinese, from what clap knows of it (the argument, the value, the valid
/// values, the suggestion).
fn zh_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue};
    let get = |kind: ContextKind| -> Option<String> {
        e.get(kind).and_then(|v| match v {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(list) => Some(list.join("、")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(list) => Some(list.iter().map(ToString::to_string).collect::<Vec<_>>().join("、")),
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let suggestion = get(ContextKind::SuggestedArg)
        .or_else(|| get(ContextKind::SuggestedSubcommand))
        .map(|s| format!("（是否应为 {s}？）"))
        .unwrap_or_default();
    match e.kind() {
        ErrorKind::UnknownArgument => format!("无法识别的参数 {arg}{suggestion}"),
        ErrorKind::InvalidSubcommand => {
            let sub = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("无法识别的子命令 {sub}{suggestion}；子命令有 assess、explain、calendar、fields、case、table")
        }
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            let valid = get(ContextKind::ValidValue).map(|v| format!("；可用的取值为 {v}")).unwrap_or_default();
            if value.is_empty() {
                format!("{arg} 缺少取值{valid}")
            } else {
                format!("{value} 不是 {arg} 的有效取值{valid}{suggestion}")
            }
        }
        ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            if arg.contains("YEAR") {
                format!("年份 {value} 无效：应为 1900 至 2199 之间的整数（如 juzhu calendar 2025）")
            } else if arg.contains("--set") {
                let full_width = if value.contains('＝') { "（等号须为半角 =）" } else { "" };
                format!("--set 的取值 {value} 无效：应为 字段路径=值，如 person.arrival_date=2024-09-28{full_width}")
            } else {
                format!("{arg} 的取值 {value} 无效（见 juzhu --help）")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            format!("缺少必需的参数 {arg}（不给案例文件时，请用 --set 或 --as-of 给出案例）")
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少子命令：assess、explain、calendar、fields 或 case".to_owned()
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg).unwrap_or_default();
            format!("{arg} 不能与 {prior} 同时使用")
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::NoEquals => {
            format!("参数 {arg} 的取值个数不对")
        }
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本（GB18030 终端中请加 --encoding gb18030）".to_owned(),
        _ => "命令行参数有误".to_owned(),
    }
}

/// Clap's rendered error without its usage lines, prefixed `juzhu:` instead of `error:`.
fn short_error(rendered: &str) -> String {
    let mut out = String::new();
    let mut in_usage = false;
    for line in rendered.lines() {
        if line.starts_with("Usage:") {
            in_usage = true;
            continue;
        }
        if line.trim().is_empty() {
            in_usage = false;
            continue;
        }
        if in_usage {
            continue;
        }
        let line = line.strip_prefix("error: ").map_or_else(|| line.to_owned(), |rest| format!("juzhu: {rest}"));
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parse_error_loses_its_usage_lines() {
        let e = Cli::try_parse_from(["juzhu", "assess", "--jsn", "x"]).unwrap_err();
        let short = short_error(&e.render().to_string());
        assert!(short.starts_with("juzhu: unexpected argument '--jsn'"), "{short}");
        assert!(!short.contains("Usage:"), "{short}");
        assert!(short.contains("--json"), "the suggestion stays: {short}");
    }

    /// Parse errors are worded in Chinese from what clap knows of them, and the language and
    /// encoding asked for are found in arguments that could not be parsed.
    #[test]
    fn parse_errors_in_chinese() {
        let zh = |args: &[&str]| zh_error(&Cli::try_parse_from(args).unwrap_err());
        assert_eq!(zh(&["juzhu", "assess", "--jsn", "x"]), "无法识别的参数 --jsn（是否应为 --json？）");
        assert!(zh(&["juzhu", "assess", "--lang", "中文", "x"]).contains("可用的取值为 zh、en、both"));
        assert!(zh(&["juzhu", "calendar", "2300"]).starts_with("年份 2300 无效"));
        assert!(zh(&["juzhu", "assess", "--set", "person.category＝floating", "x"]).ends_with("（等号须为半角 =）"));
        assert_eq!(zh(&["juzhu", "assess", "--jsonl", "--json", "x"]), "--jsonl 不能与 --json 同时使用");
        assert!(zh(&["juzhu", "frob"]).starts_with("无法识别的子命令 frob"));
        let asked = |args: &[&str]| asked_in(args.iter().map(std::ffi::OsString::from));
        assert_eq!(asked(&["assess", "--lang", "zh", "--jsn"]), (Some(Lang::Zh), Encoding::Utf8));
        assert_eq!(asked(&["assess", "--lang=en", "--encoding=gb18030"]), (Some(Lang::En), Encoding::Gb18030));
        assert_eq!(asked(&["assess", "--lang", "中文"]), (None, Encoding::Utf8));
        assert_eq!(asked(&["assess"]), (None, Encoding::Utf8));
    }

    #[test]
    fn a_setting_is_a_path_and_the_value_as_typed() {
        let parse = |arg: &str| parse_setting(arg.into());
        assert_eq!(parse("person.notes=a=b"), Ok((b"person.notes".to_vec(), b"a=b".to_vec())));
        assert_eq!(parse(" as_of =2024-10-02"), Ok((b"as_of".to_vec(), b"2024-10-02".to_vec())));
        assert!(parse("person.arrival_date").is_err());
        assert!(parse(" =1").is_err());
        // A path that is not ASCII is kept as typed: a Chinese column header, read once the
        // encoding is known (run::typed_settings), or a usage error then.
        assert_eq!(parse("到达日期=2024-09-28"), Ok(("到达日期".as_bytes().to_vec(), b"2024-09-28".to_vec())));
        // FILE may be left out only when the settings give the case.
        assert!(Cli::try_parse_from(["juzhu", "assess"]).is_err());
        for args in [&["juzhu", "assess", "--set", "as_of=2024-10-02"][..], &["juzhu", "explain", "--as-of", "today"]] {
            assert!(Cli::try_parse_from(args).is_ok(), "{args:?}");
        }
    }

    #[test]
    fn every_rule_set_is_accepted_and_nothing_else() {
        for r in RuleSet::ALL {
            let cli = Cli::try_parse_from(["juzhu", "assess", "--rule-set", r.id(), "-"]).unwrap();
            let Command::Assess(a) = cli.command else { panic!("assess") };
            assert_eq!(a.case.rule_set, Some(*r));
        }
        let e = Cli::try_parse_from(["juzhu", "assess", "--rule-set", "liaoning-2031", "-"]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidValue);
    }
}
