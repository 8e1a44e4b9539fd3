//! Helpers shared by the command line's tests: they run the built binary
//! (`CARGO_BIN_EXE_juzhu`), never `cargo`.
#![allow(dead_code)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Subfolders of `shared/cases` whose capabilities are not built on this branch yet, skipped by
/// the shared-case test. Each folder's cases pass once its feature lands: empty this list then
/// (the integrator of the `china-2016` rule set and of RULES.md §11–13 does).
pub const PENDING_FOLDERS: &[&str] = &[];

/// The binary under test.
pub fn juzhu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_juzhu"))
}

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// An example case file.
pub fn example(name: &str) -> String {
    repo().join("examples/cases").join(name).to_string_lossy().into_owned()
}

/// What a run gave back, as bytes.
pub struct Run {
    /// The exit status (`None` if killed by a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: Vec<u8>,
    /// Standard error.
    pub stderr: Vec<u8>,
}

impl Run {
    /// Standard output, which must be UTF-8.
    pub fn out(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    /// Standard error, which must be UTF-8.
    pub fn err(&self) -> String {
        String::from_utf8(self.stderr.clone()).expect("stderr is UTF-8")
    }
}

/// Runs the binary with `args`, feeding `stdin` from another thread (so a large input cannot
/// dead-lock against a full output pipe).
pub fn run(args: &[&str], stdin: &[u8]) -> Run {
    run_in(None, args, stdin)
}

/// As [`run`], in the directory `dir`.
pub fn run_in(dir: Option<&Path>, args: &[&str], stdin: &[u8]) -> Run {
    let mut cmd = juzhu();
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run { code: out.status.code(), stdout: out.stdout, stderr: out.stderr }
}

/// The shared acceptance material (`../shared`, or `JUZHU_SHARED`).
pub fn shared() -> PathBuf {
    std::env::var_os("JUZHU_SHARED").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared"))
}

/// Every shared acceptance case under `cases/` and its subfolders, as (path relative to
/// `cases/`, JSON), in path order.
pub fn shared_cases() -> Vec<(String, Value)> {
    let root = shared().join("cases");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                let text = std::fs::read_to_string(&p).unwrap();
                let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                let name = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((name, v));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!out.is_empty(), "no shared cases under {}", root.display());
    out
}

/// Whether a case (by its path under `cases/`) lies in a pending folder.
pub fn is_pending(name: &str) -> bool {
    PENDING_FOLDERS.iter().any(|f| name.split('/').next() == Some(*f))
}

/// A fresh scratch directory for one test, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// A new empty directory named after the test.
    pub fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("juzhu-cli-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Writes a file in the directory; returns its path.
    pub fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
