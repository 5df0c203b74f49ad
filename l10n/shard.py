"""`--shard K/N`: one of N copies of a command, each taking a disjoint set of articles.

An article belongs to the shard its name (its path in the project) hashes to, so that
the N shards together take every article exactly once, and adding or removing an
article moves no other article to another shard.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .errors import SettingsError


@dataclass(frozen=True)
class Shard:
    number: int  # 1 to count
    count: int

    def takes(self, name: str) -> bool:
        """Whether the article of this name (its path in the project) is in this shard."""
        digest = hashlib.sha256(name.replace("\\", "/").encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.number - 1


def parse_shard(text: str) -> Shard:
    """`K/N` (1 ≤ K ≤ N) → Shard; SettingsError for anything else."""
    found = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not found or not 1 <= int(found[1]) <= int(found[2]):
        raise SettingsError(f"--shard {text!r}: give K/N with 1 ≤ K ≤ N, such as 1/4")
    return Shard(int(found[1]), int(found[2]))
