//! Gives the shared library its SONAME, `libjuzhu.so.<major>`: the major of the workspace
//! version is the ABI major (README, "C"), and programs record the SONAME, not the file name, so
//! an incompatible libjuzhu can be installed beside them without breaking them. `make install`
//! installs `libjuzhu.so.<version>` with the links `libjuzhu.so.<major>` and `libjuzhu.so`.
//!
//! Only for ELF platforms; elsewhere the library is linked as cargo makes it.

const ELF_OSES: &[&str] = &["linux", "android", "freebsd", "netbsd", "openbsd", "dragonfly", "solaris", "illumos"];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("set by cargo");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if ELF_OSES.contains(&os.as_str()) {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libjuzhu.so.{major}");
    }
}
