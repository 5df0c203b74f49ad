"""Argos Translate packages on disk: list, validate, install (atomically), remove.

Same directory layout and format as argospm and LibreTranslate: one folder per
package under the packages directory, holding `metadata.json`, a CTranslate2
`model/` and a tokenizer (`sentencepiece.model` or `bpe.model`). Installation
validates the archive before extracting anything, extracts it to a temporary
folder beside the target, checks there that the model and the tokenizer load,
then renames it into place: a package that fails never replaces one installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ...errors import PackageError

MAX_UNCOMPRESSED = 2 * 1024**3  # an Argos model is ~70–400 MB; refuse absurd archives
# Uncompressed / compressed: for each member over 1 MiB, and for the whole archive on disk.
MAX_RATIO = 200
TOKENIZERS = ("sentencepiece.model", "bpe.model")
# A language tag, as Argos codes are (`zh`, `zt`, `en`, `pb`, `pt_BR`, `zh-Hant`): never a path.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def packages_dir() -> Path:
    """Where packages are installed, as argospm and LibreTranslate find them: the
    ARGOS_PACKAGES_DIR environment variable, else that key of argostranslate's settings
    file (`argos-translate/settings.json` under XDG_CONFIG_HOME or ~/.config), else
    `argos-translate/packages` under XDG_DATA_HOME or ~/.local/share."""
    configured = os.environ.get("ARGOS_PACKAGES_DIR") or _from_settings_file()
    if configured:
        return Path(configured).expanduser()
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "argos-translate" / "packages"


def argos_settings_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "argos-translate" / "settings.json"


def _from_settings_file() -> str:
    """The package folder argostranslate's settings file names ("" when it names none)."""
    path = argos_settings_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as err:
        raise PackageError(f"{path}: cannot read argostranslate's settings: {err}") from err
    try:
        values = json.loads(text)
    except json.JSONDecodeError as err:
        raise PackageError(f"{path}: not valid JSON ({err}); fix or remove it") from err
    if not isinstance(values, dict):
        raise PackageError(f"{path}: argostranslate's settings must be a JSON object")
    folder = values.get("ARGOS_PACKAGES_DIR") or values.get("ARGOS_PACKAGE_DIR") or ""
    if not isinstance(folder, str):
        raise PackageError(f"{path}: ARGOS_PACKAGES_DIR must be a string, not {folder!r}")
    return folder


@dataclass(frozen=True)
class Package:
    path: Path
    from_code: str
    to_code: str
    version: str
    target_prefix: str
    tokenizer: Path

    @property
    def name(self) -> str:
        """The argospm name, e.g. `translate-zh_en`."""
        return f"translate-{self.from_code}_{self.to_code}"

    @property
    def model(self) -> Path:
        return self.path / "model"

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())


def read_package(folder: Path) -> Package:
    """The package in an installed folder; PackageError when it is not one."""
    metadata_path = folder / "metadata.json"
    try:
        metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise PackageError(f"{folder}: no metadata.json") from err
    except (ValueError, UnicodeDecodeError) as err:
        raise PackageError(f"{metadata_path}: not valid JSON: {err}") from err
    return _package_from(folder, metadata, label=str(folder))


def _package_from(folder: Path, metadata: object, label: str) -> Package:
    if not isinstance(metadata, dict):
        raise PackageError(f"{label}: metadata.json is not a JSON object")
    codes = [metadata.get("from_code"), metadata.get("to_code")]
    if not all(isinstance(code, str) and code for code in codes):
        raise PackageError(f"{label}: metadata.json lacks from_code/to_code")
    for key, code in zip(("from_code", "to_code"), codes, strict=True):
        if not LANGUAGE_TAG.fullmatch(code):
            raise PackageError(
                f"{label}: metadata.json {key} {code!r} is not a language tag (such as zh or en)"
            )
    tokenizer = next(
        (folder / n for n in TOKENIZERS if (folder / n).is_file()), folder / TOKENIZERS[0]
    )
    return Package(
        path=folder,
        from_code=codes[0],
        to_code=codes[1],
        version=str(metadata.get("package_version", "")),
        target_prefix=str(metadata.get("target_prefix", "") or ""),
        tokenizer=tokenizer,
    )


def _check_folder(packages_dir: Path) -> None:
    if packages_dir.exists() and not packages_dir.is_dir():
        raise PackageError(f"the packages folder {packages_dir} is a file (ARGOS_PACKAGES_DIR)")


def _candidates(packages_dir: Path) -> list[Path]:
    """Folders of `packages_dir` that claim to be packages (they hold a metadata.json)."""
    _check_folder(packages_dir)
    if not packages_dir.is_dir():
        return []
    return [
        folder
        for folder in sorted(packages_dir.iterdir())
        if folder.is_dir()
        and not folder.name.startswith(".")
        and (folder / "metadata.json").exists()
    ]


def scan(packages_dir: Path) -> tuple[list[Package], list[str]]:
    """(installed packages sorted by name, why each other folder that claims to be a
    package, by holding a metadata.json, cannot be read)."""
    found, unreadable = [], []
    for folder in _candidates(packages_dir):
        try:
            found.append(read_package(folder))
        except PackageError as err:
            unreadable.append(str(err))
    return found, unreadable


def installed(packages_dir: Path) -> list[Package]:
    """Installed translation packages, sorted by name; folders that are not packages are skipped."""
    return scan(packages_dir)[0]


def find(packages_dir: Path, name: str) -> Package:
    """An installed package by argospm name (`translate-zh_en`), pair (`zh-en`) or folder name."""
    wanted = name.strip()
    for package in installed(packages_dir):
        pair = f"{package.from_code}-{package.to_code}"
        if wanted in (
            package.name,
            package.path.name,
            pair,
            f"{package.from_code}_{package.to_code}",
        ):
            return package
    raise PackageError(f"no installed package named {name!r} (see `l10n models list`)")


def _check_members(archive: zipfile.ZipFile, label: str, archive_size: int) -> str:
    """The archive's single top-level folder, after checking every member is safe and that
    all of them together expand to at most MAX_UNCOMPRESSED and MAX_RATIO × `archive_size`."""
    tops = set()
    total = 0
    ratio_limit = MAX_RATIO * max(archive_size, 1)
    for info in archive.infolist():
        path = PurePosixPath(info.filename)
        if info.filename.startswith(("/", "\\")) or ".." in path.parts or ":" in info.filename:
            raise PackageError(f"{label}: member {info.filename!r} would escape the package folder")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackageError(f"{label}: member {info.filename!r} is a symbolic link")
        total += info.file_size
        if total > MAX_UNCOMPRESSED:
            raise PackageError(f"{label}: uncompressed size exceeds {MAX_UNCOMPRESSED >> 30} GiB")
        if total > ratio_limit:
            raise PackageError(
                f"{label}: its members expand to more than {MAX_RATIO} times the archive's size "
                f"({archive_size:,} bytes); refused as a zip bomb"
            )
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError(f"{label}: member {info.filename!r} has an absurd compression ratio")
        tops.add(path.parts[0])
    if len(tops) != 1:
        raise PackageError(f"{label}: expected one top-level folder, found {len(tops)}")
    top = tops.pop()
    if top.startswith("."):
        raise PackageError(
            f"{label}: the top-level folder {top!r} starts with '.', so it would be hidden"
        )
    names = set(archive.namelist())
    if f"{top}/metadata.json" not in names:
        raise PackageError(f"{label}: no {top}/metadata.json")
    if f"{top}/model/model.bin" not in names:
        raise PackageError(f"{label}: no CTranslate2 model ({top}/model/model.bin)")
    if not any(f"{top}/{tokenizer}" in names for tokenizer in TOKENIZERS):
        raise PackageError(f"{label}: no tokenizer ({' or '.join(TOKENIZERS)})")
    return top


def install_file(archive_path: Path, packages_dir: Path) -> Package:
    """Validate an `.argosmodel` archive and install it; an existing copy is replaced."""
    label = archive_path.name
    _check_folder(packages_dir)
    if archive_path.is_dir():
        raise PackageError(f"{archive_path} is a directory, not an .argosmodel file")
    if not archive_path.is_file():
        raise PackageError(f"{archive_path}: no such file")
    if not zipfile.is_zipfile(archive_path):
        raise PackageError(f"{label} is not an Argos package (not a zip archive)")
    try:
        with zipfile.ZipFile(archive_path) as archive:
            top = _check_members(archive, label, archive_path.stat().st_size)
            try:
                metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as err:
                raise PackageError(f"{label}: metadata.json is not valid JSON") from err
            _package_from(Path(top), metadata, label)
            packages_dir.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".install-", dir=packages_dir))
            try:
                archive.extractall(staging)
                _check_loads(staging / top, label)
                _move_into_place(staging / top, packages_dir / top)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as err:
        raise PackageError(f"{label}: damaged zip archive: {err}") from err
    return read_package(packages_dir / top)


def _first_line(err: Exception, folder: Path) -> str:
    """The error's first line, naming files by their place in the package rather than in the
    staging folder, which is gone by the time it is read."""
    text = str(err).strip().replace(str(folder), folder.name)
    return text.splitlines()[0] if text else type(err).__name__


def _check_loads(folder: Path, label: str) -> None:
    """Load the extracted package's CTranslate2 model and SentencePiece tokenizer once, as
    the engine does; PackageError when either does not load."""
    import ctranslate2
    import sentencepiece

    try:
        translator = ctranslate2.Translator(str(folder / "model"), device="cpu")
    except Exception as err:  # any failure to load is a broken model, whatever its kind
        raise PackageError(
            f"{label}: the CTranslate2 model does not load: {_first_line(err, folder)}"
        ) from err
    del translator
    tokenizer = folder / TOKENIZERS[0]
    if not tokenizer.is_file():
        return  # a `bpe.model` is not SentencePiece
    try:
        sentencepiece.SentencePieceProcessor(model_file=str(tokenizer))
    except Exception as err:
        raise PackageError(
            f"{label}: the SentencePiece tokenizer does not load: {_first_line(err, folder)}"
        ) from err


def _move_into_place(new: Path, target: Path) -> None:
    if not target.exists():
        new.rename(target)
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    target.rename(old)
    try:
        new.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def remove(packages_dir: Path, name: str) -> Package:
    package = find(packages_dir, name)
    doomed = package.path.with_name(f".{package.path.name}.removing")
    package.path.rename(doomed)
    shutil.rmtree(doomed)
    return package
