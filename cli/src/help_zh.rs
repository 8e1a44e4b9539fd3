//! The help in Chinese: what `--help` prints when the arguments ask for `--lang zh`
//! (`juzhu assess --help --lang zh`). The English help is the doc comments of `crate::args`;
//! here every command and argument has its Chinese words, laid over the same grammar, so the
//! two cannot list different options (a test checks that every argument has its words here and
//! that nothing here names an argument that is gone).

use clap::{Arg, Command};
use juzhu::vocab::Word;
use juzhu::RuleSet;

/// The exit statuses, in Chinese.
const EXIT_STATUS: &str = "\
退出状态：
  0  已答复：每个案例均已评估（或已显示日历）
  1  输入被拒绝：某个案例不是有效输入，原因中写明字段
     （输出到标准错误；使用 --json/--jsonl 时以 {\"error\":{\"field\",\"message\",\"message_zh\"}}
     输出到标准输出，message_zh 为中文原因）
  2  用法或读写错误：未知选项或取值有误、FILE 无法读取、--calendar 文件不可用、结果无法写出";

/// The exit statuses of `juzhu table`, in Chinese.
const TABLE_EXIT_STATUS: &str = "\
退出状态：
  0  已答复：每一行均已评估
  1  输入被拒绝：某行被拒绝（其 error 列写明原因，其余各行照常答复），或整张表被拒绝
     （有不属于输入的列、某行的单元格数与表头不符），原因输出到标准错误
  2  用法或读写错误：未知选项或取值有误、FILE 无法读取、--calendar 文件不可用、结果无法写出";

/// Each command's Chinese words: its name (`""`: `juzhu` itself), its usage line, its short help
/// and its long help.
const COMMANDS: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "",
        "juzhu <子命令> [选项]",
        "按中国法律判断居住登记和居住证事项，每项答复注明所依据的条文",
        Some(
            "\
按两个规则集判断居住登记和居住证事项：liaoning-2013（《辽宁省实有人口服务管理办法》即辽宁省人民政府令第281号，\
按2013年公布的文本；默认）和 china-2016（国务院《居住证暂行条例》，2016-01-01施行）；每个案例以 \
policy.rule_set 或 --rule-set 选择。

读取 JSON 格式的案例，回答谁须登记、期限到哪一天、是否须办居住证或何时可以申领、何时须续期或签注、\
本人享有哪些权益、报告义务人负有哪些义务，每项答复注明所依据的条文。案例文件可以是单个案例，\
也可以是验收案例（{\"input\": {...}, \"expect\": ...}），此时评估其中的 input。

示例：
  juzhu assess examples/cases/floating-worker.json
  juzhu assess --as-of 今天 --set person.category=流动人口 --set person.arrival_date=2026-11-27
  juzhu assess --json case.json
  juzhu assess examples/cases/china-2016-holder.json
  producer | juzhu assess --jsonl -
  juzhu explain --lang zh case.json
  juzhu fields --rule-set china-2016 --lang zh
  juzhu case --as-of 今天 --set person.category=流动人口 --set person.arrival_date=2026-11-27 > case.json
  juzhu calendar 2024 --json",
        ),
    ),
    (
        "assess",
        "juzhu assess [选项] [FILE]",
        "评估案例，输出报告、JSON 答复，或按输入逐行输出答复",
        Some(
            "\
评估案例并输出答复。

不加 --json 或 --jsonl 时输出可读的报告（语言由 --lang 选择）。案例被拒绝时，在标准错误输出 \
`refused: 字段: MESSAGE` 和中文的 `输入有误：字段：原因`（--lang zh 时只输出中文一行，--lang en 时只输出英文一行）。",
        ),
    ),
    ("explain", "juzhu explain [选项] [FILE]", "输出案例评估的编号理由，每条注明所依据的条文", None),
    (
        "calendar",
        "juzhu calendar [选项] <YEAR>",
        "显示某年工作日放假的日子和周末调休上班的日子，及其来源",
        Some(
            "\
显示某年在工作日放假的日子（法定节假日）和在周末上班的日子（调休），及其所依据的国务院办公厅通知。\
没有官方数据的年份只按周末休息计算。",
        ),
    ),
    ("fields", "juzhu fields [选项]", "列出案例可以包含的每个字段及其取值（即 --set 可设置的路径）", None),
    (
        "case",
        "juzhu case [选项] [FILE]",
        "按读取结果输出案例，并像 assess 一样检查，以便保存、日后评估",
        Some(
            "\
以约定的 JSON 格式输出读取到的案例：FILE 中的案例（或仅由设置构成的案例）加上 --set 和 --as-of 的设置，\
写明规则集和每项评估设置，并像 assess 一样检查（案例被拒绝时输出拒绝原因，退出状态 1）。可保存下来日后评估，\
或与答复一并留存：juzhu case --as-of 今天 --set person.category=流动人口 ... > case.json

公民身份号码不予输出（RULES.md 第8节）：以其所含的出生日期（规则只用到这一项）作为 person.birth_date 输出\
（评估结论不变，只是理由中不再说明出生日期取自身份号码）。--calendar 日历文件不属于案例，日后评估时须再次指定。",
        ),
    ),
    (
        "table",
        "juzhu table [选项] --as-of <DATE> <FILE>",
        "评估一张 CSV 人员表，每人一行答复，输出为 CSV 表",
        Some(
            "\
评估一张 CSV 人员表，按读入顺序每人一行输出答复（CSV）：先是 --keep 指定的列，然后是批量评估的答复列\
（registration_deadline、permit_status 等），最后是 error（被拒绝的行写明 字段: 原因）。

第一行为列名，即该规则集的批量输入列（juzhu fields 列出，如 category、hukou_region、arrival_date、\
permit_issued_on）。单元格按 --set 接受该字段的形式书写：日期 2024-09-28，词语写其标识或中文名称，\
是非写 true/false（是/否），列表以逗号分隔；空单元格表示未填。每一行都像 Python 的 juzhu.assess_batch \
一样检查和评估；某行被拒绝时继续评估其余各行。不属于输入的列（姓名、档案号等）按列名拒绝，\
除非以 --keep 原样带到答复中。

示例：juzhu table --as-of 今天 --keep 姓名 people.csv > answers.csv
      juzhu table --as-of 今天 --rule-set china-2016 --set policy.city_urban_population=8000000 permits.csv",
        ),
    ),
    ("help", "juzhu help [子命令]", "显示本帮助，或给定子命令的帮助", None),
];

/// The case file and the options `assess`, `explain` and `case` share (`CaseOptions`).
const CASE_OPTIONS: &[(&str, &str, Option<&str>)] = &[
    ("file", "案例文件，或以 - 表示标准输入（以 --set 或 --as-of 给出案例时可省略）", None),
    (
        "set",
        "设置案例的一个字段，格式为 路径=值，如 person.arrival_date=2024-09-28（可重复）",
        Some(
            "\
设置案例的一个字段，格式为 路径=值，如 person.arrival_date=2024-09-28（可重复）。

在读取 FILE 中的案例之前修改该案例（assess --jsonl 时修改每一行的案例）；不给 FILE 时，案例仅由这些设置\
构成。路径也可写作人员字段的中文表头（到达日期=2024-09-28、身份证号=…）。值按字段接受的形式书写（juzhu fields 列出各字段）：日期写作 2024-09-28，词语写其标识或中文名称\
（floating、流动人口），是非写 true/false（是/否），数字照写，列表以逗号分隔；null 表示不设该字段；\
JSON（\"文字\"、[..]、{..}）按原样读取。同一路径设置两次时以后者为准。每个值都像案例文件中的值一样接受检查。\
在 GB18030（GBK）终端中输入时，加 --encoding gb18030 即按 GB18030 读取。",
        ),
    ),
    ("as_of", "评估日（as_of）：YYYY-MM-DD，或 today / 今天（北京时间当天，UTC+8）", None),
    (
        "rule_set",
        "未指定规则集的案例所用的规则集（policy.rule_set）",
        Some(
            "\
未指定规则集的案例所用的规则集（policy.rule_set）。

案例指定了不同的规则集时予以拒绝（字段 policy.rule_set）。",
        ),
    ),
    (
        "calendar",
        "计算日期时改用的日历文件（JSON），代替内置的内地日历",
        Some(
            "\
计算日期时改用的日历文件（JSON），代替内置的内地日历：

{\"base\": \"china\", \"years\": {\"2027\": {\"rest_days\": [\"2027-02-08\", ...], \"working_days\": \
[\"2027-02-06\", ...], \"source\": \"通知名称\"}}}。base 为 \"china\"（内置各年，默认）或 \"none\"\
（只按周末休息）。所列每一年整年取代基础日历中的该年：该年周六、周日休息（working_days 除外），\
rest_days 也休息（即 juzhu calendar YEAR --json 输出的 rest_days_on_weekdays 和 working_weekend_days）。",
        ),
    ),
    ("encoding", "输入和全部输出的编码：utf-8（默认）或 gb18030（GBK、GB2312 文本也是 GB18030）", None),
];

/// The other arguments' Chinese words: the command, the argument's id, short help, long help.
const ARGS: &[(&str, &str, &str, Option<&str>)] = &[
    ("assess", "json", "输出约定格式的 JSON（输入被拒绝时输出错误 JSON，退出状态 1）", None),
    (
        "assess",
        "jsonl",
        "每行读取一个案例、每行写出一个 JSON 答复，随到随答",
        Some(
            "\
每行读取一个案例、每行写出一个 JSON 答复，随到随答。

空行跳过；被拒绝的行以其错误 JSON 答复，其余各行照常评估。只要有一行被拒绝，退出状态即为 1。",
        ),
    ),
    ("assess", "lang", "报告的语言：zh（中文）、en（英文）、both（中英文，默认）", None),
    ("explain", "lang", "理由的语言：zh（中文）、en（英文）、both（中英文，默认）", None),
    ("case", "lang", "拒绝原因的语言：zh（中文）、en（英文）、both（中英文，默认）", None),
    ("calendar", "year", "年份，1900 至 2199", None),
    (
        "calendar",
        "json",
        "输出 JSON：{\"year\", \"official\", \"data\", \"sources\", \"rest_days_on_weekdays\", \"working_weekend_days\"}",
        None,
    ),
    ("calendar", "lang", "输出文字的语言：zh（中文）、en（英文）、both（中英文，默认）", None),
    ("calendar", "calendar", "改为显示的日历文件（JSON），代替内置的内地日历（格式见 juzhu assess --help --lang zh）", None),
    ("calendar", "encoding", "日历文件和全部输出的编码：utf-8（默认）或 gb18030", None),
    ("fields", "rule_set", "列出哪个规则集的字段（默认 liaoning-2013）", None),
    (
        "fields",
        "json",
        "输出 JSON：[{\"path\", \"kind\", \"words\", \"min\", \"max\", \"batch_column\", \"doc\", \"doc_zh\"}, ...]",
        None,
    ),
    ("fields", "lang", "说明的语言：zh（中文）、en（英文）、both（中英文，默认）", None),
    ("fields", "encoding", "全部输出的编码：utf-8（默认）或 gb18030", None),
    ("table", "file", "CSV 文件，或以 - 表示标准输入；第一行为列名", None),
    ("table", "as_of", "每一行的评估日（as_of）：YYYY-MM-DD，或 today / 今天（北京时间当天，UTC+8）", None),
    ("table", "rule_set", "评估各行所用的规则集（默认 liaoning-2013）", None),
    ("table", "keep", "不属于输入、原样带到答复中的列（如姓名、档案号；可重复）", None),
    (
        "table",
        "set",
        "对每一行适用的评估设置，格式为 policy.路径=值，如 policy.day_counting=calendar（可重复；人员字段由表中各行给出，此处只能设置 policy.*）",
        None,
    ),
    ("table", "lang", "答复的语言：en（标识符；错误列 error）、both（标识符；error 与 error_zh 两列，默认）、zh（供窗口人员阅读：中文表头、中文名称、是/否；错误列“错误”）", None),
    ("table", "calendar", "计算日期时改用的日历文件（JSON），代替内置的内地日历（格式见 juzhu assess --help --lang zh）", None),
    (
        "table",
        "encoding",
        "读入的表和输出的表的编码：utf-8（默认）或 gb18030（中文 Windows 上电子表格另存为 CSV 时的编码）",
        None,
    ),
];

/// The commands that take [`CASE_OPTIONS`].
const WITH_CASE_OPTIONS: &[&str] = &["assess", "explain", "case"];

/// clap's help layout with Chinese headings for `cmd` (its sections as it has them; the usage line
/// is each command's own, above).
fn template(cmd: &Command) -> String {
    let mut t = String::from("{before-help}{about-with-newline}\n用法：{usage}");
    if cmd.get_subcommands().next().is_some() {
        t.push_str("\n\n子命令：\n{subcommands}");
    }
    if cmd.get_positionals().next().is_some() {
        t.push_str("\n\n参数：\n{positionals}");
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set()) {
        t.push_str("\n\n选项：\n{options}");
    }
    t.push_str("{after-help}");
    t
}

/// The Chinese words of argument `id` of `command`: short help and long help.
fn words(command: &str, id: &str) -> Option<(&'static str, Option<&'static str>)> {
    let shared = WITH_CASE_OPTIONS.contains(&command).then(|| CASE_OPTIONS.iter().find(|(a, ..)| *a == id)).flatten();
    shared
        .map(|&(_, short, long)| (short, long))
        .or_else(|| ARGS.iter().find(|(c, a, ..)| *c == command && *a == id).map(|&(_, _, short, long)| (short, long)))
}

/// `cmd` (the whole command line's grammar, built) with its help in Chinese.
pub fn in_chinese(mut cmd: Command) -> Command {
    cmd.build();
    translate_tree("", cmd)
}

/// A command and the commands under it in Chinese (`help`'s list of the commands too).
fn translate_tree(name: &str, cmd: Command) -> Command {
    let cmd = translate(name, cmd);
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    names.into_iter().fold(cmd, |cmd, sub| cmd.mut_subcommand(sub.clone(), |c| translate_tree(&sub, c)))
}

/// One command in Chinese: its words, its arguments', the headings and the exit statuses.
fn translate(name: &str, mut cmd: Command) -> Command {
    if let Some(&(_, usage, about, long)) = COMMANDS.iter().find(|(c, ..)| *c == name) {
        cmd = cmd.override_usage(usage).about(about).long_about(long);
    }
    let layout = template(&cmd);
    let exit_status = if name == "table" { TABLE_EXIT_STATUS } else { EXIT_STATUS };
    cmd = cmd
        .help_template(layout)
        .subcommand_help_heading("子命令")
        .subcommand_value_name("子命令")
        .after_help(exit_status)
        .after_long_help(exit_status);
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id.as_str(), |arg| translate_arg(name, &id, arg));
    }
    cmd
}

/// One argument in Chinese: its words (the defaults and values are in them, so clap's English
/// `[default: …]` and `[possible values: …]` are hidden).
fn translate_arg(command: &str, id: &str, arg: Arg) -> Arg {
    let arg = arg.hide_default_value(true).hide_possible_values(true);
    match id {
        "help" => arg.help("显示帮助（--help 显示详细帮助）").long_help("显示详细帮助（-h 显示摘要）"),
        "version" => arg.help("显示版本"),
        // The rule sets, from the registry: their ids in the short help, their titles in the long.
        "rule_set" => {
            let (short, long) = words(command, id).unwrap_or_default();
            let ids: Vec<&str> = RuleSet::ALL.iter().map(|r| r.id()).collect();
            let titles: Vec<String> = RuleSet::ALL.iter().map(|r| format!("- {}：{}", r.id(), r.zh())).collect();
            arg.help(format!("{short}：{}", ids.join(" 或 "))).long_help(format!(
                "{}\n\n规则集：\n{}",
                long.unwrap_or(short),
                titles.join("\n")
            ))
        }
        _ => match words(command, id) {
            Some((short, long)) => arg.help(short).long_help(long),
            None => arg,
        },
    }
}

/// Whether an enum's values are all spelt out in the Chinese words of its argument (they are
/// hidden from clap's own list there).
#[cfg(test)]
fn lists_every_value<E: clap::ValueEnum>(text: &str) -> bool {
    E::value_variants().iter().filter_map(clap::ValueEnum::to_possible_value).all(|v| text.contains(v.get_name()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::{Cli, LangChoice};
    use crate::encoding::Encoding;
    use clap::CommandFactory;

    /// Every command and argument has its Chinese words, and every word here belongs to an
    /// argument that exists (an option added or renamed in `args` fails here until it has them).
    #[test]
    fn every_command_and_argument_has_chinese_words() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut used = Vec::new();
        let mut check = |name: &str, c: &Command| {
            assert!(COMMANDS.iter().any(|(n, ..)| *n == name), "command {name:?} has no Chinese words");
            for arg in c.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                let (short, long) = words(name, id).unwrap_or_else(|| panic!("{name} {id} has no Chinese words"));
                assert!(short.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)), "{name} {id}: {short}");
                assert_eq!(
                    long.is_some(),
                    arg.get_long_help().is_some(),
                    "{name} {id}: long help in one language only"
                );
                used.push((name.to_owned(), id.to_owned()));
            }
        };
        check("", &cmd);
        for sub in cmd.get_subcommands() {
            check(sub.get_name(), sub);
        }
        for (c, a, ..) in ARGS {
            assert!(used.iter().any(|(uc, ua)| uc == c && ua == a), "{c} {a} is no argument");
        }
        for (a, ..) in CASE_OPTIONS {
            for c in WITH_CASE_OPTIONS {
                assert!(used.iter().any(|(uc, ua)| uc == c && ua == a), "{c} {a} is no argument");
            }
        }
        // Values hidden from clap's list are spelt out in the words.
        for (c, a, short, _) in ARGS {
            match *a {
                "lang" => assert!(lists_every_value::<LangChoice>(short), "{c} {a}"),
                "encoding" => assert!(lists_every_value::<Encoding>(short), "{c} {a}"),
                _ => {}
            }
        }
        assert!(lists_every_value::<Encoding>(CASE_OPTIONS.iter().find(|o| o.0 == "encoding").unwrap().1));
    }

    /// The Chinese grammar parses as the English one does.
    #[test]
    fn the_chinese_grammar_is_the_same_grammar() {
        let cmd = in_chinese(Cli::command());
        cmd.clone().debug_assert();
        let args = ["juzhu", "assess", "--rule-set", "china-2016", "--lang", "zh", "--set", "as_of=2024-10-02"];
        let m = cmd.try_get_matches_from(args).unwrap();
        let cli = <Cli as clap::FromArgMatches>::from_arg_matches(&m).unwrap();
        let crate::args::Command::Assess(a) = cli.command else { panic!("assess") };
        assert_eq!(a.case.rule_set, Some(RuleSet::China2016));
        assert_eq!(a.lang, LangChoice::Zh);
    }
}
