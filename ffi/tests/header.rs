//! `include/juzhu.h` is exactly what the pinned cbindgen (`ffi/Cargo.toml`) generates from
//! `ffi/src` with `ffi/cbindgen.toml`. After changing the C interface, regenerate it with
//! `make header` (`JUZHU_BLESS=1 cargo test -p juzhu-ffi --test header`), review and commit.

use std::path::Path;

#[test]
fn the_checked_in_header_is_cbindgens_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("ffi/cbindgen.toml reads");
    let bindings = cbindgen::Builder::new()
        .with_crate(dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header from ffi/src");
    let mut generated = Vec::new();
    bindings.write(&mut generated);
    let generated = String::from_utf8(generated).expect("the header is UTF-8");
    let path = dir.join("../include/juzhu.h");
    if std::env::var_os("JUZHU_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("include/juzhu.h is writable");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).expect("include/juzhu.h is present");
    if checked_in != generated {
        let line = checked_in
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| checked_in.lines().count().min(generated.lines().count()) + 1, |i| i + 1);
        panic!(
            "include/juzhu.h differs from cbindgen's output from line {line} \
             (checked in: {:?}; generated: {:?}): run `make header`, review and commit",
            checked_in.lines().nth(line - 1).unwrap_or("<end>"),
            generated.lines().nth(line - 1).unwrap_or("<end>")
        );
    }
}
