"""What tells that a file changed without reading it, as git's index does: its stamp (size,
modification time, change time), and the digest of its bytes taken with that stamp.

A digest is trusted at a stamp only when it was taken long enough after the file's last
change for any later write to show in its times: `RACY_NS` after it, or `COARSE_RACY_NS`
for a time in whole seconds, as file systems that keep no finer times give.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from .fingerprints import digest_bytes

RACY_NS = 500_000_000
COARSE_RACY_NS = 2_000_000_000  # FAT keeps times to 2 s; ext3, HFS+ and some NFS to 1 s


Stamp = tuple[int, int, int]  # (size, modification time, change time), times in ns


def stamp_of(stat: os.stat_result) -> Stamp:
    """What tells that a file's content changed without reading it: its size, its
    modification time, and the change time of its inode (`touch -r`, `cp -p`, `rsync -a` and
    `tar x` give a file an old modification time, never an old change time)."""
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def hash_file(path: Path | str) -> str:
    """`digest_bytes` of a file's content, read in chunks."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def read_stamped(path: Path | str) -> tuple[bytes | None, list | None]:
    """A file's bytes (None: there is no such file) and its stamp for `State.adopt`. The
    stamp's size and time are taken before the bytes are read, so that a write meanwhile
    shows as a change next time; a worker process reads and stamps, the parent adopts."""
    try:
        with open(path, "rb") as handle:
            before = os.fstat(handle.fileno())
            seen = time.time_ns()
            data = handle.read()
    except FileNotFoundError:
        return None, None
    return data, [*stamp_of(before), seen, digest_bytes(data)]


def settles_at(changed_ns: int) -> int:
    """The first moment at which a file last changed at `changed_ns` can be hashed for good:
    any later write shows in its times. `RACY_NS` after the change, or `COARSE_RACY_NS` when
    the time is in whole seconds (a file system that keeps no finer times)."""
    window = COARSE_RACY_NS if changed_ns % 1_000_000_000 == 0 else RACY_NS
    return changed_ns + window + 1


def settled(changed_ns: int, hashed_ns: int) -> bool:
    """Whether a file last changed at `changed_ns` was hashed at `hashed_ns` for good."""
    return hashed_ns >= settles_at(changed_ns)


def last_change(record: list) -> int:
    """When a file last changed, by its record's stamp: the later of its two times."""
    return max(record[1], record[2])


def as_recorded(known: list | None, stamp: Stamp) -> bool:
    """Whether a file's record, [size, modification time, change time, hashed at, digest],
    holds its digest at this stamp, hashed long enough after its last change (`settled`,
    written out: a corpus run asks this of every file; a record of another shape holds
    none)."""
    try:
        if (
            known is None
            or len(known) != 5
            or known[0] != stamp[0]
            or known[1] != stamp[1]
            or known[2] != stamp[2]
            or not isinstance(known[4], str)
        ):
            return False
        return known[3] >= settles_at(known[1] if known[1] > known[2] else known[2])
    except (TypeError, IndexError, KeyError):
        return False
