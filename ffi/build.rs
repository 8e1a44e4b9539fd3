//! Gives the shared library its SONAME, `libjuzhu.so.<abi>`: the ABI version is the major of the
//! workspace version, and before 1.0 the major and the minor (`libjuzhu.so.0.2` for every 0.2.z),
//! because a 0.x minor may change the C ABI as it may the Rust API (0.2 grew two structs). Programs
//! record the SONAME, not the file name, so a library of another ABI is never loaded into them and
//! can be installed beside them. `make install` installs `libjuzhu.so.<version>` with the links
//! `libjuzhu.so.<abi>` and `libjuzhu.so`; the Makefile computes `<abi>` the same way.
//!
//! Only for ELF platforms; elsewhere the library is linked as cargo makes it.

const ELF_OSES: &[&str] = &["linux", "android", "freebsd", "netbsd", "openbsd", "dragonfly", "solaris", "illumos"];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("set by cargo");
    let minor = std::env::var("CARGO_PKG_VERSION_MINOR").expect("set by cargo");
    let abi = if major == "0" { format!("0.{minor}") } else { major };
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if ELF_OSES.contains(&os.as_str()) {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libjuzhu.so.{abi}");
    }
}
