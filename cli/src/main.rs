//! # `juzhu` — the command line of the juzhu library
//!
//! Assesses residence-registration cases (the JSON of `spec/CASES.md`) under either rule set
//! (`liaoning-2013`, `china-2016`) and prints the answer: a readable bilingual report, the contract's JSON, one JSON answer per
//! input line, or just the reasons; and shows a year's official rest days.
//!
//! ```text
//! juzhu assess examples/cases/floating-worker.json          # the report, Chinese and English
//! juzhu assess --json case.json                              # the contract's JSON
//! producer | juzhu assess --jsonl -                          # one case per line, answered as it arrives
//! juzhu assess --encoding gb18030 legacy-case.json           # GB18030 in and out
//! juzhu assess --as-of today --set person.category=floating --set person.arrival_date=2026-11-27
//!                                                            # a case typed at the terminal
//! juzhu explain --lang zh case.json                          # the numbered reasons
//! juzhu fields --rule-set china-2016                         # every field a case may hold
//! juzhu case --as-of today --set person.category=floating --set person.arrival_date=2026-11-27
//!                                                            # the case as read, to keep
//! juzhu calendar 2024 --json                                 # rest days and make-up working days
//! juzhu table --as-of today people.csv > answers.csv        # a CSV table, one answer row a person
//! ```
//!
//! Exit status: 0 answered, 1 input refused, 2 usage or I/O error ([`Status`]). The command is
//! built only on the core crate's public API; it logs nothing and never prints a whole identity
//! number (the core masks them in every message, the command echoes no raw input, and `juzhu case`
//! prints an identity number's birth date in its place).

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![warn(clippy::pedantic)]

mod args;
mod calendar;
mod case;
mod encoding;
mod fields;
mod help_zh;
mod io;
mod run;
mod settings;
mod table;

use args::Command;
use std::process::ExitCode;

/// How a run of the command ended; the number is the process's exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Every case was answered (or the calendar shown, or help printed).
    Answered = 0,
    /// At least one case was refused as input (the reason was printed).
    Refused = 1,
    /// A usage error (unknown option, bad value, missing argument) or an I/O error (unreadable
    /// file, unusable `--calendar` file, output that cannot be written).
    Usage = 2,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        ExitCode::from(s as u8)
    }
}

/// A usage or I/O error found after parsing the arguments: printed as `juzhu: <message>` on
/// standard error (and `juzhu：<原因>` in Chinese, as `--lang` asks), exit status 2.
#[derive(Debug)]
pub struct Fatal {
    /// The message in English.
    pub en: String,
    /// The message in Chinese.
    pub zh: String,
}

impl Fatal {
    /// A message in English and Chinese.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Fatal {
        Fatal { en: en.into(), zh: zh.into() }
    }

    /// The lines printed for `lang` (`None`: both, English first).
    pub(crate) fn lines(&self, lang: Option<juzhu::Lang>) -> String {
        match lang {
            Some(juzhu::Lang::Zh) => format!("juzhu：{}\n", self.zh),
            Some(_) => format!("juzhu: {}\n", self.en),
            None => format!("juzhu: {}\njuzhu：{}\n", self.en, self.zh),
        }
    }
}

fn main() -> ExitCode {
    let parsed = args::parse(&std::env::args_os().collect::<Vec<_>>());
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return args::report_parse_error(&e).into(),
    };
    let (encoding, lang) = match &cli.command {
        Command::Assess(a) => (a.case.encoding, a.lang.lang()),
        Command::Explain(a) => (a.case.encoding, a.lang.lang()),
        Command::Calendar(a) => (a.encoding, a.lang.lang()),
        Command::Fields(a) => (a.encoding, a.lang.lang()),
        Command::Case(a) => (a.case.encoding, a.lang.lang()),
        Command::Table(a) => (a.encoding, a.lang.lang()),
    };
    let result = match &cli.command {
        Command::Assess(a) => run::assess(a),
        Command::Explain(a) => run::explain(a),
        Command::Calendar(a) => calendar::show(a),
        Command::Fields(a) => fields::show(a),
        Command::Case(a) => run::case(a),
        Command::Table(a) => table::run(a),
    };
    match result {
        Ok(status) => status.into(),
        Err(fatal) => {
            io::to_stderr(encoding, &fatal.lines(lang));
            Status::Usage.into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use args::Cli;
    use clap::Parser;
    use encoding::Encoding;

    #[test]
    fn the_exit_statuses_are_stable() {
        assert_eq!(Status::Answered as u8, 0);
        assert_eq!(Status::Refused as u8, 1);
        assert_eq!(Status::Usage as u8, 2);
    }

    #[test]
    fn the_arguments_are_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn utf8_is_the_default_encoding() {
        let cli = Cli::try_parse_from(["juzhu", "assess", "-"]).unwrap();
        let Command::Assess(a) = cli.command else { panic!("assess") };
        assert_eq!(a.case.encoding, Encoding::Utf8);
    }
}
