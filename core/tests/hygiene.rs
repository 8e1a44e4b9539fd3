//! Code hygiene the project promises: `unsafe` only in `ffi/` and `python/`, each block with a
//! `// SAFETY:` comment and each `unsafe fn` with a `# Safety` section; the core and the command
//! line (`cli/`) forbid it.

use std::path::PathBuf;

mod common;

use common::rust_sources as sources;

#[test]
fn the_core_forbids_unsafe() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    assert!(lib.contains("#![forbid(unsafe_code)]"));
    for (p, text) in sources(&root.join("src")) {
        let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
        assert!(!code.iter().any(|l| l.contains("unsafe ") || l.contains("unsafe{")), "{}", p.display());
    }
}

#[test]
fn the_command_line_forbids_unsafe() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../cli");
    let main = std::fs::read_to_string(root.join("src/main.rs")).unwrap();
    assert!(main.contains("#![forbid(unsafe_code)]"));
    for (p, text) in sources(&root.join("src")) {
        let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
        assert!(!code.iter().any(|l| l.contains("unsafe ") || l.contains("unsafe{")), "{}", p.display());
    }
}

#[test]
fn every_unsafe_block_says_why_it_is_sound() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut missing = Vec::new();
    let mut blocks = 0;
    for dir in ["ffi/src", "python/src"] {
        for (p, text) in sources(&root.join(dir)) {
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if code.contains("unsafe {") || code.contains("unsafe{") {
                    blocks += 1;
                    let window = &lines[i.saturating_sub(4)..=i];
                    if !window.iter().any(|l| l.contains("// SAFETY:")) {
                        missing.push(format!("{}:{}: unsafe block without // SAFETY:", p.display(), i + 1));
                    }
                }
                if code.contains("unsafe fn") || code.contains("unsafe extern \"C\" fn") {
                    let doc: Vec<&&str> = lines[..i]
                        .iter()
                        .rev()
                        .take_while(|l| l.trim_start().starts_with("///") || l.trim_start().starts_with("#["))
                        .collect();
                    if !doc.iter().any(|l| l.contains("# Safety")) {
                        missing.push(format!("{}:{}: unsafe fn without a # Safety section", p.display(), i + 1));
                    }
                }
            }
        }
    }
    assert!(blocks > 20, "the scan sees the FFI's unsafe blocks ({blocks})");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
