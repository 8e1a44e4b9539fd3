//! Reading input files (or standard input) and writing encoded output. All the command's output
//! goes through here: a closed pipe on stdout ends the output quietly instead of panicking as
//! `println!` would.

use crate::encoding::Encoding;
use crate::Fatal;
use std::fs::File;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::path::Path;

/// Whether `path` names standard input (`-`).
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How an input is named in messages.
fn name(path: &Path) -> String {
    if is_stdin(path) {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// How an input is named in Chinese messages.
fn name_zh(path: &Path) -> String {
    if is_stdin(path) {
        "标准输入".to_owned()
    } else {
        format!("文件 {}", path.display())
    }
}

/// What went wrong with a file, in Chinese (the system's own words after it, for the rest).
fn io_zh(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => "文件不存在".to_owned(),
        ErrorKind::PermissionDenied => "没有读写权限".to_owned(),
        ErrorKind::IsADirectory => "这是目录，不是文件".to_owned(),
        _ => format!("系统报告：{e}"),
    }
}

/// A file that cannot be read, in English and Chinese.
fn unreadable(path: &Path, e: &std::io::Error) -> Fatal {
    Fatal::new(format!("reading {}: {e}", name(path)), format!("无法读取{}：{}", name_zh(path), io_zh(e)))
}

/// Reads all of a file, or of standard input for `-`.
pub fn read_all(path: &Path) -> Result<Vec<u8>, Fatal> {
    let mut buf = Vec::new();
    let read = if is_stdin(path) {
        std::io::stdin().lock().read_to_end(&mut buf).map(drop)
    } else {
        File::open(path).and_then(|mut f| f.read_to_end(&mut buf)).map(drop)
    };
    read.map_err(|e| unreadable(path, &e))?;
    Ok(buf)
}

/// Lines of a file or of standard input, read as they arrive (nothing waits for the end).
pub struct Lines {
    reader: Box<dyn BufRead>,
    name: String,
    name_zh: String,
    buf: Vec<u8>,
}

impl Lines {
    /// Opens a file, or standard input for `-`.
    pub fn open(path: &Path) -> Result<Lines, Fatal> {
        let reader: Box<dyn BufRead> = if is_stdin(path) {
            Box::new(std::io::stdin().lock())
        } else {
            let file = File::open(path).map_err(|e| unreadable(path, &e))?;
            Box::new(BufReader::new(file))
        };
        Ok(Lines { reader, name: name(path), name_zh: name_zh(path), buf: Vec::new() })
    }

    /// The next line's bytes without its line ending, or `None` at the end. A newline byte never
    /// occurs inside a UTF-8 or GB18030 character, so splitting bytes is safe in both.
    pub fn next_line(&mut self) -> Result<Option<&[u8]>, Fatal> {
        self.buf.clear();
        let n = self.reader.read_until(b'\n', &mut self.buf).map_err(|e| {
            Fatal::new(format!("reading {}: {e}", self.name), format!("读取{}时出错：{}", self.name_zh, io_zh(&e)))
        })?;
        if n == 0 {
            return Ok(None);
        }
        let line = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
        Ok(Some(line.strip_suffix(b"\r").unwrap_or(line)))
    }
}

/// Standard output in the chosen encoding.
pub struct Out {
    stdout: std::io::StdoutLock<'static>,
    encoding: Encoding,
    closed: bool,
}

impl Out {
    /// Standard output, encoding with `encoding`.
    pub fn stdout(encoding: Encoding) -> Out {
        Out { stdout: std::io::stdout().lock(), encoding, closed: false }
    }

    /// Writes `text` and flushes it. Returns `false` once the reader has gone away (a broken
    /// pipe), after which nothing more is written; other write errors are fatal.
    pub fn write(&mut self, text: &str) -> Result<bool, Fatal> {
        if self.closed {
            return Ok(false);
        }
        let written = self.stdout.write_all(&self.encoding.encode(text)).and_then(|()| self.stdout.flush());
        match written {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(false)
            }
            Err(e) => Err(Fatal::new(format!("writing the output: {e}"), format!("无法写出结果：{}", io_zh(&e)))),
        }
    }

    /// Writes `text` and a newline (see [`Out::write`]).
    pub fn line(&mut self, text: &str) -> Result<bool, Fatal> {
        let mut s = String::with_capacity(text.len() + 1);
        s.push_str(text);
        s.push('\n');
        self.write(&s)
    }
}

/// Writes `text` to standard error in `encoding`; there is nowhere to report a failure. Every
/// message of the command passes here, so identity numbers in what the command itself quotes (a
/// file name, a bad argument) are masked like those the library quotes (RULES.md §8).
pub fn to_stderr(encoding: Encoding, text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(&encoding.encode(&juzhu::privacy::mask_text(text))).and_then(|()| err.flush());
}
