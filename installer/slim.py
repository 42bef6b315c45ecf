"""Slimmer stand-ins for two libraries the wheels ship whole, for the Linux bundle.

- **ICU's data** (`libicudata.so.NN`, 32 MB). Qt links ICU for collation and a few
  conversions. The library is one array, ICU's "common data": a table of contents and
  some 3,900 items, mostly the data of 900 locales. `icu_data` keeps the items of the
  root, French and English locales, every item that belongs to no locale (Unicode
  properties, normalisation, time zones, plural rules…) and the single-byte converters,
  and leaves out the other locales, the CJK and South-East Asian word dictionaries, the
  transliterators and the multi-byte converters: 5 MB. A locale that is not kept falls
  back to root, as ICU does for any locale it does not know.
- **OpenCV's OpenBLAS** (38 MB, and 3 MB of Fortran runtime). The OpenCV wheel carries
  an OpenBLAS of its own for the 19 BLAS and LAPACK routines its matrix functions call,
  while NumPy carries another, newer one. `blas_forwarder` builds a small library that
  takes the place of OpenCV's (same file name, same soname), exports those 19 routines
  and forwards each to NumPy's OpenBLAS, which counts in 64-bit integers: integers and
  pivot arrays are widened on the way in and narrowed on the way out.

Both are built with the C compiler (`gcc`); without one, or when a wheel's layout is not
the one expected, the originals stay and the bundle is only larger. Nothing here runs in
Régie itself.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORWARDER_SOURCE = HERE / "blas_forward.c"

# ----------------------------------------------------------------------------- ELF


@dataclass(frozen=True)
class Symbol:
    name: str
    value: int
    size: int
    defined: bool


def _elf_header(data: bytes) -> None:
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")


def _file_offset(data: bytes, address: int) -> int:
    """Where in the file the loaded address `address` lies (its PT_LOAD segment)."""
    (phoff,) = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        kind, _f, offset, vaddr, _p, filesz, _m, _a = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize)
        if kind == 1 and vaddr <= address < vaddr + filesz:
            return int(offset + address - vaddr)
    raise ValueError(f"address {address:#x} is in no loaded segment")


def dynamic_symbols(data: bytes) -> list[Symbol]:
    """The dynamic symbol table (.dynsym) of an ELF shared library."""
    _elf_header(data)
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
                for i in range(shnum)]
    out: list[Symbol] = []
    for _name, kind, _fl, _addr, offset, size, link, _info, _al, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link]
        str_off = strings[4]
        for j in range(size // entsize):
            st_name, _st_info, _other, shndx, value, sym_size = struct.unpack_from(
                "<IBBHQQ", data, offset + j * entsize)
            end = data.index(b"\0", str_off + st_name)
            name = data[str_off + st_name:end].decode("ascii", "replace")
            if name:
                out.append(Symbol(name, value, sym_size, shndx != 0))
    return out


def _needed_and_soname(path: Path) -> tuple[list[str], str | None]:
    done = subprocess.run(["readelf", "-dW", str(path)], capture_output=True, text=True,
                          check=True)
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", done.stdout)
    soname = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", done.stdout)
    return needed, soname.group(1) if soname else None


def _compiler() -> str | None:
    return shutil.which("gcc") or shutil.which("cc")


# ----------------------------------------------------------------------------- ICU

ICU_KEPT_LOCALES = re.compile(r"(root|res_index|fr|en|fr_\w+|en_\w+)\.res")
# An item named after a locale: a language code, then optional script, region, variant.
LOCALE_ITEM = re.compile(r"[a-z]{2,3}(_\w*)?\.res")
SMALL_CONVERTER = 16_384  # bytes: single-byte tables (Latin-1 variants, Windows code pages)


def keep_icu_item(name: str, size: int) -> bool:
    """Whether Régie's bundle keeps the ICU data item `name` (e.g. "icudt73l/coll/fr.res")."""
    parts = name.split("/")
    leaf, folders = parts[-1], parts[1:-1]
    if folders[:1] == ["translit"] or leaf.endswith(".dict"):
        return False
    if leaf.endswith(".cnv"):
        return size < SMALL_CONVERTER
    if LOCALE_ITEM.fullmatch(leaf):
        return bool(ICU_KEPT_LOCALES.fullmatch(leaf))
    return True


@dataclass(frozen=True)
class CommonData:
    """ICU common data: a header, then a table of contents of named items."""

    header: bytes
    items: list[tuple[str, bytes]]

    @classmethod
    def parse(cls, blob: bytes) -> CommonData:
        header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
        if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
            raise ValueError("not ICU common data (CmnD)")
        toc = header_size
        (count,) = struct.unpack_from("<I", blob, toc)
        entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
        offsets = [data for _n, data in entries] + [len(blob) - toc]
        items = []
        for i, (name_off, data_off) in enumerate(entries):
            name = blob[toc + name_off:blob.index(b"\0", toc + name_off)].decode("ascii")
            items.append((name, blob[toc + data_off:toc + offsets[i + 1]]))
        return cls(blob[:header_size], items)

    def pack(self) -> bytes:
        """The same layout ICU's packager writes: names after the table, items 16-aligned
        (the items keep the order they came in, which is ICU's binary-search order)."""
        count = len(self.items)
        names = b"".join(name.encode("ascii") + b"\0" for name, _d in self.items)
        table_end = 4 + 8 * count
        data_start = -(-(table_end + len(names)) // 16) * 16
        entries, chunks, name_off, data_off = [], [], table_end, data_start
        for name, item in self.items:
            entries.append(struct.pack("<II", name_off, data_off))
            name_off += len(name) + 1
            padded = item + b"\0" * (-len(item) % 16)
            chunks.append(padded)
            data_off += len(padded)
        toc = struct.pack("<I", count) + b"".join(entries) + names
        toc += b"\0" * (data_start - len(toc))
        return self.header + toc + b"".join(chunks)

    def filtered(self, keep: Callable[[str, int], bool]) -> CommonData:
        return CommonData(self.header, [(n, d) for n, d in self.items if keep(n, len(d))])


def icu_data_symbol(library: Path) -> str:
    match = re.fullmatch(r"libicudata\.so\.(\d+)", library.name)
    if not match:
        raise ValueError(f"{library.name} is not ICU's data library")
    return f"icudt{match.group(1)}_dat"


def read_icu_data(library: Path) -> bytes:
    """The common data array a libicudata library exports."""
    data = library.read_bytes()
    wanted = icu_data_symbol(library)
    for sym in dynamic_symbols(data):
        if sym.name == wanted and sym.defined:
            start = _file_offset(data, sym.value)
            return data[start:start + sym.size]
    raise ValueError(f"{library.name} exports no {wanted}")


def _run_compiler(args: list[str], log: Callable[[str], None]) -> bool:
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        log("slim: the C compiler failed: " + done.stderr.strip()[-800:])
    return done.returncode == 0


def icu_data(library: Path, out: Path, log: Callable[[str], None] = print,
             keep: Callable[[str, int], bool] = keep_icu_item) -> bool:
    """Write to `out` a libicudata like `library`, holding only the items `keep` keeps.
    False (and `out` not written) when it cannot be built here."""
    compiler = _compiler()
    if compiler is None:
        log("slim: no C compiler (gcc): ICU's data is kept whole")
        return False
    symbol = icu_data_symbol(library)
    _needed, soname = _needed_and_soname(library)
    slim = CommonData.parse(read_icu_data(library)).filtered(keep).pack()
    with tempfile.TemporaryDirectory() as tmp:
        blob = Path(tmp, "data.bin")
        blob.write_bytes(slim)
        asm = Path(tmp, "data.s")
        asm.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n"
            f"{symbol}:\n\t.incbin \"{blob}\"\n\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        built = Path(tmp, library.name)
        args = [compiler, "-shared", "-nostdlib", "-o", str(built), str(asm)]
        if soname:
            args.insert(2, f"-Wl,-soname,{soname}")
        if not _run_compiler(args, log):
            return False
        if read_icu_data(built) != slim:
            log("slim: the rebuilt ICU data does not read back: ICU's data is kept whole")
            return False
        shutil.copyfile(built, out)
    return True


# ----------------------------------------------------------------------------- BLAS

# The routines OpenCV calls, as blas_forward.c defines them.
FORWARDED = (
    "cblas_sgemm", "cblas_dgemm", "cblas_cgemm", "cblas_zgemm",
    "sgesv_", "dgesv_", "sgetrf_", "dgetrf_", "sposv_", "dposv_", "spotrf_", "dpotrf_",
    "sgels_", "dgels_", "sgeqrf_", "dgeqrf_", "sgesdd_", "dgesdd_", "dgeev_",
)
# NumPy's OpenBLAS (scipy-openblas64): 64-bit integers, names as `scipy_` + name + `64_`.
NUMPY_BLAS = re.compile(r"libscipy_openblas64_.*\.so")


def _undefined(path: Path) -> set[str]:
    return {s.name for s in dynamic_symbols(path.read_bytes()) if not s.defined}


def _defined(path: Path) -> set[str]:
    return {s.name for s in dynamic_symbols(path.read_bytes()) if s.defined}


def numpy_name(routine: str) -> str:
    """The name NumPy's OpenBLAS gives a routine: cblas_dgemm → scipy_cblas_dgemm64_,
    dgesv_ → scipy_dgesv_64_."""
    return f"scipy_{routine}64_"


def blas_forwarder(openblas: Path, users: Iterable[Path], numpy_blas: Path, out: Path,
                   log: Callable[[str], None] = print) -> bool:
    """Write to `out` a library standing for `openblas` (same soname) that forwards to
    `numpy_blas`, linked to find it through a path relative to `out`'s folder. False
    when it cannot stand in: no compiler, a user needing a routine it does not forward,
    NumPy's OpenBLAS lacking one."""
    compiler = _compiler()
    if compiler is None:
        log("slim: no C compiler (gcc): OpenCV keeps its own OpenBLAS")
        return False
    provided = _defined(openblas)
    wanted = set().union(*(_undefined(u) & provided for u in users))
    missing = wanted - set(FORWARDED)
    if missing:
        log(f"slim: OpenCV calls {sorted(missing)}, which are not forwarded: kept whole")
        return False
    targets = _defined(numpy_blas)
    absent = [numpy_name(r) for r in FORWARDED if numpy_name(r) not in targets]
    if absent:
        log(f"slim: NumPy's OpenBLAS has no {absent}: OpenCV keeps its own OpenBLAS")
        return False
    _needed, soname = _needed_and_soname(openblas)
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp, openblas.name)
        args = [compiler, "-shared", "-fPIC", "-O2", "-fvisibility=hidden", "-o", str(built),
                str(FORWARDER_SOURCE),
                f"-Wl,-soname,{soname or openblas.name}",
                f"-L{numpy_blas.parent}", f"-l:{numpy_blas.name}",
                f"-Wl,-rpath-link,{numpy_blas.parent}",
                # Found from its own folder (a sibling of NumPy's) or through the
                # bundle's top-level links to both.
                f"-Wl,-rpath,$ORIGIN/../{numpy_blas.parent.name}:$ORIGIN/{numpy_blas.parent.name}"]
        if not _run_compiler(args, log):
            return False
        exported = _defined(built)
        if not set(FORWARDED) <= exported:
            log(f"slim: the forwarder lacks {sorted(set(FORWARDED) - exported)}: kept whole")
            return False
        shutil.copyfile(built, out)
        shutil.copymode(openblas, out)
    return True


# ----------------------------------------------------------------------------- bundle


def _size(paths: Iterable[Path]) -> int:
    return sum(p.stat().st_size for p in paths if p.is_file() and not p.is_symlink())


def _links_to(folder: Path, target: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_symlink() and p.resolve() == target.resolve()]


def _drop_unneeded(internal: Path, candidates: Iterable[Path],
                   log: Callable[[str], None]) -> None:
    """Remove the candidates no other library of the bundle names (and their links),
    then, in turn, the libraries beside them that only those named."""
    needs: dict[Path, list[str]] = {}
    for lib in internal.rglob("*.so*"):
        if lib.is_file() and not lib.is_symlink():
            try:
                needs[lib] = _needed_and_soname(lib)[0]
            except subprocess.CalledProcessError:
                needs[lib] = []
    todo = list(candidates)
    while todo:
        path = todo.pop()
        if path not in needs or any(path.name in named for lib, named in needs.items()
                                    if lib != path):
            continue
        for link in _links_to(internal, path):
            link.unlink()
        todo += [path.parent / name for name in needs.pop(path)]
        path.unlink()
        log(f"slim: {path.name} left out, nothing needs it any more")


def slim_bundle(internal: Path, log: Callable[[str], None] = print) -> int:
    """Apply both stand-ins to a built bundle's `_internal` folder; bytes saved."""
    before = _size(internal.rglob("*"))
    for icu in internal.glob("PySide6/Qt/lib/libicudata.so.*"):
        if icu.is_symlink():
            continue
        with tempfile.TemporaryDirectory() as tmp:
            slim = Path(tmp, icu.name)
            if icu_data(icu, slim, log):
                shutil.copymode(icu, slim)
                shutil.move(str(slim), icu)
    for openblas in internal.glob("opencv_python_headless.libs/libopenblas*.so*"):
        numpy_blas = [p for p in internal.glob("numpy.libs/*") if NUMPY_BLAS.fullmatch(p.name)]
        users = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()
                 and openblas.name in _needed_and_soname(p)[0]]
        if len(numpy_blas) != 1 or not users:
            log("slim: OpenCV's OpenBLAS kept (no NumPy OpenBLAS, or nothing uses it)")
            continue
        runtime = _needed_and_soname(openblas)[0]
        with tempfile.TemporaryDirectory() as tmp:
            stand_in = Path(tmp, openblas.name)
            if not blas_forwarder(openblas, users, numpy_blas[0], stand_in, log):
                continue
            shutil.move(str(stand_in), openblas)
        # Its Fortran runtime (and what only that needs) goes once nothing names it.
        _drop_unneeded(internal, [openblas.parent / name for name in runtime], log)
    return before - _size(internal.rglob("*"))
