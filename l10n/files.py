"""File edges: reading source articles safely and writing files atomically."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError, L10nError, LockedError

# What `atomic_write` names its temporary files: ".<name>.<8 random characters>.tmp".
_TEMPORARY_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")  # control characters but \t \n \v \f \r
_LEGACY_ENCODINGS = (("GBK", "gbk"), ("Big5", "big5"))
_CHINESE_PUNCTUATION = "，。、：；「」“”！？（）"


def decode_source(data: bytes, label: str, *, empty_ok: bool = False) -> str:
    """The text of a source article, or an InputError saying why it is not one. With
    `empty_ok` (a filter such as script conversion), blank input is returned as it is."""
    if not data.strip():
        if empty_ok:
            return data.decode("ascii")  # bytes.strip() left nothing: ASCII whitespace only
        raise InputError(f"{label} is empty: nothing to segment")
    if b"\x00" in data:
        raise InputError(f"{label} is a binary file, not a UTF-8 text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        guess = guess_legacy_encoding(data)
        if guess:
            raise InputError(
                f"{label} is not UTF-8: it looks like {guess}; convert it first "
                f"(iconv -f {guess} -t UTF-8)"
            ) from err
        raise InputError(f"{label} is not UTF-8 text (invalid byte at offset {err.start})") from err
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise InputError(f"{label} is a binary file, not a UTF-8 text article")
    if not text.strip("\ufeff \t\r\n\u3000\xa0") and not empty_ok:
        raise InputError(f"{label} is empty: nothing to segment")
    return text


def guess_legacy_encoding(data: bytes) -> str | None:
    """GBK or Big5 when the bytes decode cleanly as Chinese text in one of them."""
    scores = []
    for name, codec in _LEGACY_ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text):
            continue
        punctuation = sum(text.count(p) for p in _CHINESE_PUNCTUATION)
        scores.append((punctuation, name))
    if not scores:
        return None
    scores.sort(reverse=True)
    return scores[0][1]


def require_file(path: Path | str, label: str) -> None:
    """An InputError unless `path` is an existing file (not a directory)."""
    try:
        found = os.stat(path)
    except (FileNotFoundError, NotADirectoryError) as err:
        if os.path.islink(path):
            raise InputError(f"{label} is a symbolic link that leads nowhere") from err
        raise InputError(f"{label}: no such file") from err
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(f"{label} is a symbolic link that leads nowhere (a loop)") from err
        raise InputError(f"{label}: cannot read: {err.strerror}") from err
    if stat.S_ISDIR(found.st_mode):
        raise InputError(f"{label} is a directory, not a file")


def read_input(path: Path, label: str | None = None) -> bytes:
    """The bytes of a file the user named (a source article): InputError when it is missing,
    a directory or unreadable."""
    label = label or str(path)
    require_file(path, label)
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"{label}: cannot read: {err.strerror}") from err


def read_source(path: Path, label: str | None = None, *, empty_ok: bool = False) -> str:
    """The text of a UTF-8 source file (see `decode_source`)."""
    label = label or str(path)
    return decode_source(read_input(path, label), label, empty_ok=empty_ok)


def read_optional(path: Path, label: str, error: type[L10nError]) -> bytes | None:
    """The bytes of a project file such as a catalog or glossary; None when it does not
    exist. A file that cannot be read is `error`, saying which."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise error(f"{label}: cannot read: {err.strerror}") from err


def decode_utf8(data: bytes, label: str, error: type[L10nError], *, bom: bool = False) -> str:
    """UTF-8 text with its line ends made `\\n` (as text mode reads them); with `bom`, a
    leading byte-order mark is dropped. Other bytes are `error`, saying where."""
    try:
        text = data.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as err:
        raise error(f"{label}: not UTF-8 (byte {err.start})") from err
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _staged(path: Path, content: str | bytes, durable: bool = True) -> Path:
    """A complete temporary copy of `content` beside `path`, ready to rename; synced to the
    disk first when `durable`."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def atomic_write(path: Path, content: str | bytes, *, durable: bool = True) -> None:
    """Write `content` (text as UTF-8) so that `path` holds either its old or its new content."""
    atomic_write_all([(path, content)], durable=durable)


def atomic_write_all(files: Sequence[tuple[Path, str | bytes]], *, durable: bool = True) -> None:
    """Write several files as a unit: every temporary copy is complete (a full disk, say,
    stops the command here, with no file changed) before the first is renamed into place.
    Files that only save time (a cache) need not be `durable` (see `stage`)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, content in files:
            staged.append((stage(path, content, durable=durable), path))
    except BaseException:
        discard(staged)
        raise
    replace_staged(staged, durable=durable)


def stage(path: Path, content: str | bytes, *, durable: bool = True) -> Path:
    """A complete temporary copy of `content` beside `path`, for `replace_staged`. Files
    that hold people's work are `durable` (synced before they replace the old ones); build
    outputs, which a build makes again, need not be."""
    return _staged(path, content, durable)


def replace_staged(
    staged: Sequence[tuple[Path, Path | str]], *, durable: bool = True
) -> dict[Path | str, int]:
    """Rename each staged temporary (temporary, path) into place, then sync their folders
    when the files are `durable` (see `stage`); what is not renamed when this fails is
    removed. Returns each path's inode as renamed there: a file another process puts in
    its place afterwards has another (`State.note`)."""
    staged = list(staged)
    inodes: dict[Path | str, int] = {}
    try:
        for tmp, path in staged:
            inodes[path] = os.stat(tmp).st_ino
            os.replace(tmp, path)
    finally:
        discard(staged[len(inodes) :])
    if durable:
        for folder in dict.fromkeys(os.path.dirname(os.fspath(path)) for _, path in staged):
            _sync_directory(folder)
    return inodes


def discard(staged: Sequence[tuple[Path, Path | str]]) -> None:
    """Remove staged temporaries that will not be renamed."""
    for tmp, _ in staged:
        tmp.unlink(missing_ok=True)


def _sync_directory(directory: Path | str) -> None:
    """Make a rename in `directory` survive a power cut (where the platform allows it)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temporaries(directory: Path) -> list[Path]:
    """Delete the temporary files a killed `atomic_write` left under `directory`.

    Called while holding the lock every catalog writer takes, so no other catalog writer
    is at work: every such file there is a killed writer's, whatever its age."""
    removed = []
    for candidate in directory.rglob(".*.tmp"):
        if not _TEMPORARY_NAME.match(candidate.name):
            continue
        try:
            if candidate.is_file():
                candidate.unlink()
                removed.append(candidate)
        except FileNotFoundError:
            continue
    return removed


@contextmanager
def exclusive(lock_path: Path, timeout: float = 30.0) -> Iterator[None]:
    """Hold an exclusive lock on `lock_path` (waiting up to `timeout` seconds) while writing."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+b") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockedError(
                        f"another l10n process is writing the catalogs ({lock_path} is locked); "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
