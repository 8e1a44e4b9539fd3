//! The command's own hygiene: everything it prints goes through `cli/src/io.rs`, which encodes
//! it (`--encoding`) and treats a closed pipe as the end of the output. `print!` and friends
//! would bypass the encoding and panic on a closed pipe, so they appear nowhere in `cli/src`.

mod common;

#[test]
fn nothing_prints_around_the_output_module() {
    let forbidden = ["println!", "print!(", "eprintln!", "eprint!(", "dbg!(", "std::io::stdout()", "std::io::stderr()"];
    let src = common::repo().join("cli/src");
    let mut found = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&src).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&p).unwrap();
        let is_io = p.file_name().is_some_and(|n| n == "io.rs");
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim_start().starts_with("//")) {
            for f in forbidden.iter().filter(|f| line.contains(*f)) {
                // The output module owns stdout and stderr.
                if !(is_io && f.starts_with("std::io::std")) {
                    found.push(format!("{}:{}: {f}", p.display(), i + 1));
                }
            }
        }
    }
    assert!(files >= 5, "the scan sees the sources ({files})");
    assert!(found.is_empty(), "output outside cli/src/io.rs:\n{}", found.join("\n"));
}
