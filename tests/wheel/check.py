"""Checks of the Python distributions `make wheel` and `make sdist` build (run by `make test-wheel`).

    check.py wheel   WHEEL --glibc 2.28   the tag, the files, a stripped extension, the glibc floor
    check.py sdist   SDIST                the Rust and Python sources needed to build are inside
    check.py install WHEEL --python PY... a fresh virtual environment per interpreter, no Rust
                                          toolchain on PATH: pip installs the wheel, juzhu imports
                                          and assesses a case
    check.py build-sdist SDIST --python PY  pip builds a wheel from the sdist (needs Rust; slow),
                                          which is then installed and tried as above

Uses only the standard library, `readelf` (binutils) and, when installed, `auditwheel`.
"""

from __future__ import annotations

import argparse
import email.parser
import importlib.util
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from typing import NoReturn

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASE = ROOT / "examples" / "cases" / "floating-worker.json"
#: Libraries a manylinux wheel may link against without bundling them (PEP 600 / auditwheel).
SYSTEM_LIBS = {
    "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1",
    "libgcc_s.so.1", "libstdc++.so.6", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
}
#: Executables whose directories must not be on PATH when the wheel is installed.
RUST_TOOLS = ("cargo", "rustc", "rustup")


def fail(message: str) -> NoReturn:
    sys.exit(f"check.py: {message}")


def version_key(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def readelf(*args: str) -> str:
    return subprocess.run(["readelf", "-W", *args], check=True, capture_output=True, text=True).stdout


# ------------------------------------------------------------------------------------- wheel
def check_wheel(wheel: pathlib.Path, glibc: str) -> None:
    name = wheel.name
    m = re.fullmatch(r"juzhu-([^-]+)-cp39-abi3-manylinux_(\d+)_(\d+)_(\w+)\.whl", name)
    if not m:
        fail(f"{name}: not a cp39-abi3-manylinux wheel of juzhu")
    version, tag_glibc = m.group(1), f"{m.group(2)}.{m.group(3)}"
    if tag_glibc != glibc:
        fail(f"{name}: tagged manylinux for glibc {tag_glibc}, expected {glibc}")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        dist = f"juzhu-{version}.dist-info"
        wheel_meta = email.parser.Parser().parsestr(zf.read(f"{dist}/WHEEL").decode())
        meta = email.parser.Parser().parsestr(zf.read(f"{dist}/METADATA").decode())
        for needed in ("juzhu/__init__.py", "juzhu/_batch.py", "juzhu/_juzhu.pyi", "juzhu/py.typed"):
            if needed not in names:
                fail(f"{name}: {needed} is missing")
        exts = [n for n in names if n.startswith("juzhu/") and n.endswith(".so")]
        if exts != ["juzhu/_juzhu.abi3.so"]:
            fail(f"{name}: expected exactly juzhu/_juzhu.abi3.so, found {exts}")
        stray = [n for n in names if not (n.startswith("juzhu/") or n.startswith(dist + "/"))]
        if stray:
            fail(f"{name}: files outside the package: {stray}")
        with tempfile.TemporaryDirectory() as tmp:
            ext = pathlib.Path(zf.extract(exts[0], tmp))
            size = ext.stat().st_size
            sections = readelf("-S", str(ext))
            dynamic = readelf("-d", str(ext))
            versions = readelf("-V", str(ext))
    tags = wheel_meta.get_all("Tag") or []
    expected_tag = f"cp39-abi3-manylinux_{glibc.replace('.', '_')}_{m.group(4)}"
    if tags != [expected_tag]:
        fail(f"{name}: WHEEL says Tag {tags}, expected {expected_tag}")
    if meta["Requires-Python"] != ">=3.9":
        fail(f"{name}: Requires-Python is {meta['Requires-Python']!r}")
    if not any(r.startswith("numpy") for r in meta.get_all("Requires-Dist") or []):
        fail(f"{name}: numpy is not a dependency")

    # Stripped: no DWARF, no static symbol table.
    debug = sorted(set(re.findall(r"\s(\.debug_\w+|\.symtab)\s", sections)))
    if debug:
        fail(f"{name}: the extension is not stripped (sections {', '.join(debug)})")
    # Links only against the system libraries every manylinux host has.
    needed_libs = re.findall(r"\(NEEDED\).*\[(.+?)\]", dynamic)
    extra = [lib for lib in needed_libs if lib not in SYSTEM_LIBS]
    if extra:
        fail(f"{name}: the extension needs libraries a manylinux host need not have: {extra}")
    # No symbol version newer than the floor.
    glibc_versions = sorted(set(re.findall(r"GLIBC_(\d+(?:\.\d+)+)", versions)), key=version_key)
    if not glibc_versions:
        fail(f"{name}: no GLIBC symbol versions found (readelf -V output changed?)")
    newest = glibc_versions[-1]
    if version_key(newest) > version_key(glibc):
        too_new = [v for v in glibc_versions if version_key(v) > version_key(glibc)]
        fail(f"{name}: the extension needs GLIBC {', '.join(too_new)}, newer than the {glibc} floor")
    print(f"wheel {name}: {wheel.stat().st_size} bytes, extension {size} bytes (stripped), "
          f"needs {', '.join(needed_libs)}; newest glibc symbol version {newest} <= {glibc}")

    # auditwheel, the reference implementation of the manylinux policies, when installed.
    if importlib.util.find_spec("auditwheel") is None:
        print("auditwheel not installed: policy check skipped")
        return
    shown = subprocess.run([sys.executable, "-m", "auditwheel", "show", str(wheel)],
                           capture_output=True, text=True)
    text = " ".join(shown.stdout.split())
    found = re.search(r'consistent with the following platform tag: "manylinux_(\d+)_(\d+)_\w+"', text)
    if shown.returncode != 0 or not found:
        fail(f"{name}: auditwheel show did not name a manylinux tag:\n{shown.stdout}{shown.stderr}")
    policy = f"{found.group(1)}.{found.group(2)}"
    if version_key(policy) > version_key(glibc):
        fail(f"{name}: auditwheel says the wheel needs manylinux_{policy}, newer than {glibc}")
    print(f"auditwheel: consistent with manylinux_{found.group(1)}_{found.group(2)}")


# ------------------------------------------------------------------------------------- sdist
def check_sdist(sdist: pathlib.Path) -> None:
    m = re.fullmatch(r"(juzhu-[^-]+)\.tar\.gz", sdist.name)
    if not m:
        fail(f"{sdist.name}: not an sdist of juzhu")
    top = m.group(1)
    with tarfile.open(sdist) as tf:
        names = {n[len(top) + 1:] for n in tf.getnames() if n.startswith(top + "/")}
        members = {n: tf.extractfile(top + "/" + n) for n in names if n.endswith(".rs")}
        sources = {n: f.read().decode() for n, f in members.items() if f is not None}
    # Everything cargo and maturin read: manifests, lock file, the Python package, and every
    # tracked Rust source of the two crates the extension is built from.
    required = {"pyproject.toml", "PKG-INFO", "Cargo.toml", "Cargo.lock", "core/Cargo.toml",
                "python/Cargo.toml", "juzhu/__init__.py", "juzhu/_batch.py", "juzhu/_juzhu.pyi",
                "juzhu/py.typed"}
    tracked = subprocess.run(["git", "ls-files", "core/src", "python/src"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
    required.update(p for p in tracked if p.endswith(".rs"))
    missing = sorted(required - names)
    if missing:
        fail(f"{sdist.name}: missing {', '.join(missing)}")
    # Files the sources pull in at compile time must be inside the sdist too.
    for path, text in sources.items():
        for target in re.findall(r'include_(?:str|bytes)!\(\s*"([^"]+)"', text):
            resolved = os.path.normpath(os.path.join(os.path.dirname(path), target))
            if resolved.startswith("..") or resolved not in names:
                fail(f"{sdist.name}: {path} includes {target}, which is not in the sdist")
    rust = sum(1 for n in names if n.endswith(".rs"))
    print(f"sdist {sdist.name}: {sdist.stat().st_size} bytes, {len(names)} files, {rust} Rust sources, "
          f"core/ and python/ crates complete")


# ----------------------------------------------------------------------- fresh environments
def interpreter(python: str) -> str:
    """The real interpreter behind ``python`` (resolving shims such as pyenv's)."""
    out = subprocess.run([python, "-c", "import sys; print(sys.executable)"], check=True,
                         capture_output=True, text=True)
    return out.stdout.strip()


def pinned_numpy() -> list[str]:
    """The numpy of tests/requirements.txt, so that pip reuses what `make venv` fetched — on the
    Pythons that numpy supports (numpy 2.1 and later need 3.10; older ones get what pip picks)."""
    for line in (ROOT / "tests" / "requirements.txt").read_text().splitlines():
        if re.match(r"numpy==", line.strip()):
            return [f'{line.strip()}; python_version >= "3.10"']
    return []


def no_rust_env() -> dict[str, str]:
    """The current environment without any Rust toolchain: PATH loses every directory holding
    cargo, rustc or rustup (or named after them), and the toolchain variables are dropped."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CARGO", "RUSTUP", "RUSTC", "RUSTFLAGS", "MATURIN"))}
    kept = []
    for entry in os.environ.get("PATH", "").split(os.pathsep):
        if not entry or re.search(r"cargo|rustup", entry):
            continue
        if any(os.access(os.path.join(entry, tool), os.X_OK) for tool in RUST_TOOLS):
            continue
        kept.append(entry)
    env["PATH"] = os.pathsep.join(kept)
    for tool in RUST_TOOLS:
        if shutil.which(tool, path=env["PATH"]):
            fail(f"{tool} is still on the sanitised PATH {env['PATH']}")
    return env


SMOKE = r"""
import datetime, json, pathlib, sys
import juzhu

where = pathlib.Path(juzhu.__file__).resolve()
if not where.is_relative_to(pathlib.Path(sys.prefix).resolve()):
    sys.exit(f"juzhu was imported from {where}, not from the fresh environment {sys.prefix}")
case = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
a = juzhu.assess(case)
assert a.registration.deadline == datetime.date(2024, 10, 8), a.registration.deadline
assert a.permit.status == "required", a.permit.status
try:
    juzhu.assess({"as_of": "2024-10-02", "person": {"category": "nomad"}})
except juzhu.CaseError as e:
    assert e.field == "person.category", e.field
else:
    sys.exit("an unknown category was accepted")
print(f"juzhu {juzhu.__version__} from {where.parent}: registration deadline "
      f"{a.registration.deadline}, permit {a.permit.status}")
"""


def install_and_try(wheel: pathlib.Path, python: str, env: dict[str, str], tmp: pathlib.Path) -> None:
    venv = tmp / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True, env=env)
    vpy = str(venv / "bin" / "python")
    # Binary packages only: nothing may be compiled on the way (numpy comes from pip's cache,
    # the local wheel directory or PyPI).
    subprocess.run([vpy, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "--only-binary=:all:", str(wheel), *pinned_numpy()], check=True, env=env, cwd=tmp)
    subprocess.run([vpy, "-c", SMOKE, str(CASE)], check=True, env=env, cwd=tmp)


def install(wheel: pathlib.Path, pythons: list[str]) -> None:
    env = no_rust_env()
    for python in pythons:
        real = interpreter(python)
        with tempfile.TemporaryDirectory(prefix="juzhu-wheel-") as tmp:
            install_and_try(wheel.resolve(), real, env, pathlib.Path(tmp))
        print(f"installed {wheel.name} into a fresh environment of {real} with no Rust toolchain on PATH")


def build_sdist(sdist: pathlib.Path, python: str, target_dir: pathlib.Path) -> None:
    real = interpreter(python)
    with tempfile.TemporaryDirectory(prefix="juzhu-sdist-") as tmp_:
        tmp = pathlib.Path(tmp_)
        subprocess.run([real, "-m", "venv", str(tmp / "build")], check=True)
        env = dict(os.environ, CARGO_TARGET_DIR=str(target_dir))
        subprocess.run([str(tmp / "build" / "bin" / "python"), "-m", "pip", "wheel", "-q",
                        "--disable-pip-version-check", "--no-deps", "-w", str(tmp / "out"),
                        str(sdist.resolve())], check=True, env=env)
        (built,) = (tmp / "out").glob("juzhu-*.whl")
        print(f"built {built.name} ({built.stat().st_size} bytes) from {sdist.name}")
        install_and_try(built, real, no_rust_env(), tmp)
    print(f"{sdist.name} builds a wheel that installs and works")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("wheel")
    p.add_argument("wheel", type=pathlib.Path)
    p.add_argument("--glibc", default="2.28")
    p = sub.add_parser("sdist")
    p.add_argument("sdist", type=pathlib.Path)
    p = sub.add_parser("install")
    p.add_argument("wheel", type=pathlib.Path)
    p.add_argument("--python", nargs="+", default=["python3"])
    p = sub.add_parser("build-sdist")
    p.add_argument("sdist", type=pathlib.Path)
    p.add_argument("--python", default="python3")
    p.add_argument("--target-dir", type=pathlib.Path, default=ROOT / "target" / "sdist")
    args = parser.parse_args()
    for attr in ("wheel", "sdist"):
        path = getattr(args, attr, None)
        if path is not None and not path.is_file():
            fail(f"{path} does not exist (run `make wheel` / `make sdist`)")
    if args.command == "wheel":
        check_wheel(args.wheel, args.glibc)
    elif args.command == "sdist":
        check_sdist(args.sdist)
    elif args.command == "install":
        install(args.wheel, args.python)
    else:
        build_sdist(args.sdist, args.python, args.target_dir)


if __name__ == "__main__":
    main()
