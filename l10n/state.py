"""Incremental runs: what each stage last made of each article, and whether that still holds.

The state is one JSON file, `.l10n/state.json`. It holds the digest of every file a
stage read or wrote (with the stamp it had when it was hashed, so an untouched file is
not read again), and one record per step (`extract NAME`,
`build NAME LANG`, ...): a fingerprint of the step's inputs and the digest of each
output it wrote. A step is skipped only when its inputs' fingerprint is the recorded
one and every output still has its recorded digest; a missing file, a changed byte,
other settings or another version of the tool mean the step is done again. Deleting
`.l10n/` only costs time: every step is redone, with the same outputs.

A file is hashed again only when its stamp (`l10n.stamps`: size, modification and change
times) differs from the one it was hashed with, or when it was hashed too soon after its
last change for a later write to show in its times.

A run that changed a few records appends them to a journal, `.l10n/state.log`, instead
of writing the whole state again; the journal names the state it follows (by its `id`),
and is folded into a new state once it reaches a quarter of the state's size. A journal
that names another state, or a line cut short, is ignored from there on: what it held is
only done again.
"""

from __future__ import annotations

import gc
import json
import os
import secrets
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import NamedTuple

from .files import atomic_write
from .fingerprints import fingerprint, settings_fingerprint, tool_fingerprint
from .stamps import (
    Stamp,
    as_recorded,
    hash_file,
    last_change,
    settles_at,
    stamp_of,
)

STATE = Path(".l10n") / "state.json"
JOURNAL = Path(".l10n") / "state.log"
JOURNAL_SHARE = 4  # the journal is folded into the state at a quarter of the state's size
FORMAT = 3  # bump when the file's layout changes: an older state is ignored
SETTLE_WAIT_FROM = 1000  # files left racy by a run, from which saving waits to hash them
MISSING = "-"  # the digest of a file that does not exist
UNREADABLE = "!"  # nor one that cannot be read: the step that reads it says why


class Step(NamedTuple):
    """What a step recorded: its inputs' fingerprint, its outputs' digests (by path relative
    to the project root) and what it noted for later (counts, say)."""

    inputs: str
    outputs: Mapping[str, str]
    notes: Mapping[str, object]


class State:
    """The state of one project, read at the start of a command and saved at its end."""

    def __init__(
        self,
        root: Path,
        data: Mapping | None = None,
        *,
        trusted: bool = True,
        saved: tuple[int, int] | None = None,
    ) -> None:
        """`data` as read (a state and its journal applied); `saved`: the sizes in bytes of
        the state file and of a journal that follows it (None: write a new state)."""
        data = data if data and data.get("format") == FORMAT else {}
        self.root = root
        self._top = os.fspath(root).rstrip(os.sep) + os.sep
        self.trusted = trusted  # False (--force): no step is fresh, every step is recorded anew
        self._files: dict[str, list] = dict(data.get("files", {}))
        self._steps: dict[str, dict] = dict(data.get("steps", {}))
        self._id = str(data.get("id", ""))
        self._saved = saved if self._id else None
        self._dirty_files: set[str] = set()
        self._dirty_steps: set[str] = set()
        self._checked: dict[str, str] = {}  # files already checked in this run: label → digest
        self._tool: str | None = None  # tool_fingerprint(), once asked for

    @property
    def _changed(self) -> bool:
        return bool(self._dirty_files or self._dirty_steps)

    # --- files ---------------------------------------------------------------------------

    def _label(self, path: Path | str) -> str:
        text = os.fspath(path)
        if text.startswith(self._top):
            return text[len(self._top) :].replace(os.sep, "/")
        return text

    def path_of(self, label: str) -> str:
        """The file a label names (relative to the project root, or an absolute path)."""
        return label if os.path.isabs(label) else self._top + label

    def digest(self, path: Path | str, stamp: Stamp | None = None) -> str:
        """The digest of a file's bytes (MISSING when there is none), hashed again only
        when its size or times differ from when it was last hashed, or that was racy.
        `stamp`: its `stamp_of`, taken in this run before anything read it."""
        return self.digest_of(self._label(path), stamp)

    def digest_of(self, label: str, stamp: Stamp | None = None) -> str:
        """`digest` of a file named by its label."""
        found = self._checked.get(label)
        if found is None:
            self._checked[label] = found = self._digest(self.path_of(label), label, stamp)
        return found

    def base(self, settings: object, *options: object) -> str:
        """The fingerprint every step of a command shares: the version of l10n (its
        modules listed once per state), the settings and the options named."""
        if self._tool is None:
            self._tool = tool_fingerprint()
        return fingerprint(self._tool, settings_fingerprint(settings), *options)

    def _digest(self, path: Path | str, label: str, stamp: Stamp | None) -> str:
        known = self._files.get(label)
        if stamp is not None and as_recorded(known, stamp):
            return known[-1]
        # no stamp, or one that differs from the record: the file is stamped again right
        # before it is read, so that the stamp recorded with its digest is no older than that
        try:
            stat = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            return MISSING
        stamp = stamp_of(stat)
        if as_recorded(known, stamp):
            return known[-1]
        seen = time.time_ns()
        try:
            value = hash_file(path)
        except OSError:
            return UNREADABLE
        self._files[label] = [*stamp, seen, value]
        self._dirty_files.add(label)
        return value

    def adopt(self, path: Path | str, stamp: list | None) -> None:
        """Take a file's stamp from `read_stamped` (None: it did not exist) as its digest
        in this run."""
        label = self._label(path)
        if stamp is None:
            self._checked[label] = MISSING
            return
        self._files[label] = list(stamp)
        self._dirty_files.add(label)
        self._checked[label] = stamp[-1]

    def note(self, path: Path | str, value: str, inode: int | None = None) -> None:
        """Note the digest of a file just written or read whole (without reading it again).
        `inode`: that of the file as written, before it was renamed into place; a file that
        another process put there since is not taken for ours (the next run hashes it)."""
        label = self._label(path)
        self._checked.pop(label, None)
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            stat = None
        if stat is None or (inode is not None and stat.st_ino != inode):
            if self._files.pop(label, None) is not None:
                self._dirty_files.add(label)
            return
        self._files[label] = [*stamp_of(stat), time.time_ns(), value]
        self._dirty_files.add(label)

    # --- steps ---------------------------------------------------------------------------

    def step(self, key: str) -> Step | None:
        """The recorded step (None: none, or one of another shape than this version's)."""
        found = self._steps.get(key)
        if found is None or not self.trusted or not isinstance(found, dict):
            return None
        inputs, outputs = found.get("inputs"), found.get("outputs", {})
        notes = found.get("notes", {})
        if not (isinstance(inputs, str) and isinstance(outputs, dict) and isinstance(notes, dict)):
            return None
        return Step(inputs, outputs, notes)

    def recorded(self, key: str) -> bool:
        """Whether there is a record of the step to compare (not so under --force)."""
        return self.trusted and key in self._steps

    def fresh(self, key: str, inputs: str) -> Step | None:
        """The recorded step when its inputs are `inputs` and its outputs are untouched."""
        found = self.step(key)
        if found is None or found.inputs != inputs:
            return None
        for label, value in found.outputs.items():
            if not isinstance(label, str) or self.digest_of(label) != value:
                return None
        return found

    def record(
        self,
        key: str,
        inputs: str,
        outputs: Mapping[Path, str] | None = None,
        notes: Mapping[str, object] | None = None,
    ) -> None:
        """Record a step just done: its inputs' fingerprint, and the digest of each output."""
        self._steps[key] = {
            "inputs": inputs,
            "outputs": {self._label(p): value for p, value in (outputs or {}).items()},
            "notes": dict(notes or {}),
        }
        self._dirty_steps.add(key)

    def forget(self, key: str) -> None:
        if self._steps.pop(key, None) is not None:
            self._dirty_steps.add(key)

    # --- the file ------------------------------------------------------------------------

    def save(self) -> None:
        """Write what changed: a line of the journal, or a new state (atomically). A state
        that cannot be written only costs the next run its time."""
        if not self._changed:
            return
        self._settle()
        changes = {
            "files": {label: self._files.get(label) for label in sorted(self._dirty_files)},
            "steps": {key: self._steps.get(key) for key in sorted(self._dirty_steps)},
        }
        line = (json.dumps(changes, separators=(",", ":")) + "\n").encode("ascii")
        try:
            if self._saved and self._saved[1] + len(line) <= self._saved[0] // JOURNAL_SHARE:
                self._append(line)
            else:
                self._write_all()
        except OSError:
            return
        self._dirty_files.clear()
        self._dirty_steps.clear()

    def _settle(self) -> None:
        """Hash again the files stamped in this run too soon after their last change,
        once that much time has passed (unchanged since, as their stamps say), so that the
        next run need not read what this one wrote. A run that wrote many (a corpus from
        scratch renames thousands of editions in its last second) waits for the last of
        them, at most `COARSE_RACY_NS`: less than the next run would spend hashing them."""
        racy = []
        for label in self._dirty_files:
            record = self._files.get(label)
            if record is not None and record[-2] < (when := settles_at(last_change(record))):
                racy.append((when, label))
        if len(racy) < SETTLE_WAIT_FROM:
            now = time.time_ns()
            racy = [(when, label) for when, label in racy if when <= now]
        for when, label in sorted(racy):
            pause = when - time.time_ns()
            if pause > 0:
                time.sleep(pause / 1e9)
            self._digest(self.path_of(label), label, None)  # its bytes as they are now

    def _append(self, line: bytes) -> None:
        assert self._saved is not None
        state, journal = self._saved
        head = b"" if journal else _journal_head(self._id)
        with open(self.root / JOURNAL, "ab") as handle:
            handle.write(head + line)
        self._saved = (state, journal + len(head) + len(line))

    def _write_all(self) -> None:
        self._id = secrets.token_hex(8)
        data = {"format": FORMAT, "id": self._id, "files": self._files, "steps": self._steps}
        text = json.dumps(data, separators=(",", ":")).encode("ascii")  # names not UTF-8 too
        atomic_write(self.root / STATE, text, durable=False)  # lost, it only costs time
        (self.root / JOURNAL).unlink(missing_ok=True)
        self._saved = (len(text), 0)


def _of_this_shape(data: object) -> bool:
    """Whether a state as read is one of this version's layout (its records are checked
    one by one where they are used)."""
    return (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and isinstance(data.get("files", {}), dict)
        and isinstance(data.get("steps", {}), dict)
        and isinstance(data.get("id", ""), str)
    )


def _journal_head(state_id: str) -> bytes:
    return json.dumps({"follows": state_id}).encode() + b"\n"


def _apply_journal(data: dict, journal: bytes) -> int | None:
    """Apply the journal's changes to `data`, a state as read; the journal's size in bytes,
    or None when it does not follow this state (then it is to be replaced)."""
    lines = journal.splitlines(keepends=True)
    if not lines or lines[0] != _journal_head(str(data.get("id", ""))):
        return None
    files, steps = data.setdefault("files", {}), data.setdefault("steps", {})
    for line in lines[1:]:
        try:
            change = json.loads(line) if line.endswith(b"\n") else None
        except ValueError:
            change = None
        if not isinstance(change, dict):
            return None  # cut short: what follows is not to be trusted, nor appended to
        tables = [(change.get("files") or {}, files), (change.get("steps") or {}, steps)]
        if not all(isinstance(changes, dict) for changes, _ in tables):
            return None  # of another shape: what follows is not to be trusted either
        for changes, target in tables:
            for key, value in changes.items():
                if value is None:
                    target.pop(key, None)
                else:
                    target[key] = value
    return len(journal)


def _untracked(read: Callable[[bytes], object], raw: bytes) -> object:
    """`read(raw)` with the cycle collector held off, and what it made set aside from later
    collections (`gc.freeze`): a state of a large corpus is hundreds of thousands of small
    containers that live as long as the command and hold no cycles, and collecting them
    again and again costs a no-change run a fifth of its time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        value = read(raw)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return value


def load_state(root: Path, *, force: bool = False) -> State:
    """The project's state; an unreadable or foreign one is an empty state, never an error."""
    try:
        raw = (root / STATE).read_bytes()
        data = _untracked(json.loads, raw)
    except (OSError, ValueError):
        return State(root, None, trusted=not force)
    if not _of_this_shape(data):
        return State(root, None, trusted=not force)
    try:
        journal = (root / JOURNAL).read_bytes()
    except OSError:
        journal = b""
    size = _apply_journal(data, journal) if journal else 0
    saved = None if size is None else (len(raw), size)
    return State(root, data, trusted=not force, saved=saved)
