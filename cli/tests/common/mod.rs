//! Helpers shared by the command line's tests: they run the built binary
//! (`CARGO_BIN_EXE_juzhu`), never `cargo`.
#![allow(dead_code)]

#[path = "../../../tests/support/corpus.rs"]
pub mod corpus;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The binary under test.
pub fn juzhu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_juzhu"))
}

#[allow(unused_imports)]
pub use corpus::{is_pending, repo, shared, shared_cases};

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
