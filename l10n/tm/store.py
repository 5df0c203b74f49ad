"""The translation memory's SQLite index: units, trigram postings over their keys, the
keys' character signatures, and the digest of each file they came from. Opened with
`tm.database.open_store`, which creates its tables; no other module speaks SQL.

Postings (`tm.postings`: a unit id and its key's length) are kept as packed arrays, one
row per trigram and write batch: a batch appends rows and never rewrites old ones, a
trigram's rows are merged once there are many, and the units of a forgotten file leave
stale ids behind that lookups skip, until enough have gathered that the postings are
rebuilt from the units. Signatures (`tm.signatures`) are kept in blocks of consecutive
unit ids, rewritten as units are added or forgotten (a forgotten unit's is zeroed), and
read whole by the first fuzzy lookup of a store.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .keys import key, numbers_masked

if TYPE_CHECKING:
    import numpy as np

# The postings and signatures are numpy arrays, and their modules are imported by the
# methods that read or write them: a run that finds every file of the memory as it was
# opens the store only to compare their stamps, and need not load numpy.

_COLUMNS = "source, target, source_language, target_language, file, line, context, key"
PENDING_LIMIT = 4_000_000  # postings held in memory before they are written
COMPACT_MIN = 10_000  # units written in a session before the file is rewritten in order
MAX_CHUNKS = 16  # rows of one trigram before they are merged into one


@dataclass(frozen=True)
class Unit:
    """One reviewed pair, and where it is written down (file and line, or TMX unit)."""

    source: str
    target: str
    source_language: str
    target_language: str
    file: str
    line: int = 0  # the catalog line, or the TMX unit's number
    context: str = ""  # the key of its neighbours in its document (`keys.context_key`)
    key: str = ""  # its match key, as the index holds it ("" before it is indexed)

    @property
    def origin(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class Store:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection
        self._pending: defaultdict[str, array] = defaultdict(lambda: array("Q"))
        self._pending_size = 0
        self._signed: dict[int, bytes] = {}  # signatures not yet written, by unit id
        self._signatures: np.ndarray | None = None  # all of them, as lookups read them
        self._written = 0  # units written in this session

    def digests(self) -> dict[str, str]:
        return dict(self.db.execute("select path, digest from files"))

    def stamps(self) -> dict[str, tuple[str, int, int, int, int]]:
        """Each file's (digest, size, modification time, change time, time it was read),
        times in nanoseconds."""
        rows = self.db.execute("select path, digest, size, mtime_ns, ctime_ns, seen_ns from files")
        return {path: (digest, *stamp) for path, digest, *stamp in rows}

    def stamp(self, path: str, size: int, mtime_ns: int, ctime_ns: int, seen_ns: int) -> None:
        """Note that a file read again is unchanged, as of `seen_ns`."""
        self.db.execute(
            "update files set size = ?, mtime_ns = ?, ctime_ns = ?, seen_ns = ? where path = ?",
            (size, mtime_ns, ctime_ns, seen_ns, path),
        )

    def generation(self) -> int:
        """A number that changes whenever the units change (not their lines or files); an
        index made anew starts it again, and is told apart by its `identity`."""
        return self._meta("generation")

    def identity(self) -> str:
        """A name drawn when the index was made (`database.open_store`), no other index's."""
        return self._text("identity")

    def settings(self) -> str:
        """The settings the units were read with (`index.shaping`): "" before any were."""
        return self._text("settings")

    def read_with(self, settings: str) -> None:
        """Note that every file's units are now those read with `settings`."""
        self._set_meta("settings", settings)

    def _units_changed(self, path: str, units: str) -> None:
        row = self.db.execute("select units from files where path = ?", (path,)).fetchone()
        if (row[0] if row else _NO_UNITS) != units:
            self._set_meta("generation", self._meta("generation") + 1)

    # --- writing ----------------------------------------------------------------------

    def replace_file(
        self,
        path: str,
        digest: str,
        units: Iterable[Unit],
        stamp: tuple[int, int, int, int] = (-1, -1, -1, -1),
    ) -> None:
        """The units of one file, in place of what it gave before; `stamp` is the file's
        (size, modification time, change time, time it was read)."""
        from .postings import trigrams

        units = list(units)
        self._written += len(units)
        contents = _units_digest(units)
        self._units_changed(path, contents)
        self._forget(path)
        grams: Counter[str] = Counter()
        for unit in units:
            normalised = key(unit.source)
            distinct = trigrams(normalised)
            grams.update(distinct.keys())
            cursor = self.db.execute(
                "insert into units(file, line, source, target, source_language, target_language,"
                " key, masked, context) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    path,
                    unit.line,
                    unit.source,
                    unit.target,
                    unit.source_language,
                    unit.target_language,
                    normalised,
                    numbers_masked(normalised),
                    unit.context,
                ),
            )
            self.db.execute(
                "insert into keys(id, target_language, key) values (?, ?, ?)",
                (cursor.lastrowid, unit.target_language, normalised),
            )
            self._post(cursor.lastrowid, normalised, distinct)
        self._count(grams, 1)
        self.db.execute(
            "insert or replace into files(path, digest, size, mtime_ns, ctime_ns, seen_ns, units)"
            " values (?, ?, ?, ?, ?, ?, ?)",
            (path, digest, *stamp, contents),
        )

    def _post(self, unit_id: int, normalised: str, grams: Iterable[str]) -> None:
        from .postings import posting
        from .signatures import signature

        self._signed[unit_id] = signature(normalised)
        value = posting(unit_id, len(normalised))
        for gram in grams:
            self._pending[gram].append(value)
            self._pending_size += 1
        if self._pending_size >= PENDING_LIMIT:
            self.flush()

    def flush(self) -> None:
        """Write the postings held in memory: one new row per trigram, its rows merged
        once there are MAX_CHUNKS of them; and the signatures, into their blocks."""
        if not (self._pending or self._signed):
            return
        import numpy as np

        self._sign()
        for gram, ids in self._pending.items():
            chunks = self.db.execute(
                "select count(*), coalesce(max(chunk) + 1, 0) from postings where gram = ?",
                (gram,),
            ).fetchone()
            if chunks[0] + 1 >= MAX_CHUNKS:
                merged = np.concatenate([*self._read(gram), np.frombuffer(ids, "=u8")])
                self.db.execute("delete from postings where gram = ?", (gram,))
                self._write(gram, 0, merged)
            else:
                self._write(gram, chunks[1], np.frombuffer(ids, "=u8"))
        self._pending.clear()
        self._pending_size = 0

    def _sign(self) -> None:
        import numpy as np

        from .signatures import BLOCK, SIGNATURE, empty_block

        blocks: defaultdict[int, list[int]] = defaultdict(list)
        for unit_id in self._signed:
            blocks[unit_id // BLOCK].append(unit_id)
        for block, ids in blocks.items():
            row = self.db.execute("select bits from signatures where block = ?", (block,))
            found = row.fetchone()
            bits = np.frombuffer(found[0], SIGNATURE).copy() if found else empty_block()
            signed = b"".join(self._signed[unit_id] for unit_id in ids)
            bits[np.array(ids) % BLOCK] = np.frombuffer(signed, SIGNATURE)
            self.db.execute(
                "insert or replace into signatures(block, bits) values (?, ?)",
                (block, bits.tobytes()),
            )
        if self._signed:
            self._signed.clear()
            self._signatures = None

    def _write(self, gram: str, chunk: int, ids: np.ndarray) -> None:
        from .postings import POSTING

        self.db.execute(
            "insert into postings(gram, chunk, ids) values (?, ?, ?)",
            (gram, chunk, ids.astype(POSTING).tobytes()),
        )

    def _read(self, gram: str) -> list[np.ndarray]:
        import numpy as np

        from .postings import POSTING

        rows = self.db.execute("select ids from postings where gram = ?", (gram,))
        return [np.frombuffer(blob, POSTING) for (blob,) in rows]

    def _count(self, grams: Counter[str], sign: int) -> None:
        """Keep each trigram's number of units (how rare it is) up to date."""
        self.db.executemany(
            "insert into gram_counts(term, doc) values (?, ?)"
            " on conflict(term) do update set doc = doc + excluded.doc",
            ((gram, sign * n) for gram, n in grams.items()),
        )

    def forget_file(self, path: str) -> None:
        """Forget a file that is gone, and its units."""
        self._units_changed(path, _NO_UNITS)
        self._forget(path)

    def _forget(self, path: str) -> None:
        from .postings import trigrams
        from .signatures import WORDS

        grams: Counter[str] = Counter()
        forgotten = 0
        rows = self.db.execute("select id, key from units where file = ?", (path,))
        for unit_id, normalised in rows:
            grams.update(trigrams(normalised).keys())
            self._signed[unit_id] = bytes(8 * WORDS)  # no character in common: never close
            forgotten += 1
        self._count(grams, -1)
        self.db.execute(
            "delete from keys where id in (select id from units where file = ?)", (path,)
        )
        self.db.execute("delete from units where file = ?", (path,))
        self.db.execute("delete from files where path = ?", (path,))
        if forgotten:
            self._set_meta("stale", self._meta("stale") + forgotten)

    def _meta(self, name: str) -> int:
        row = self.db.execute("select value from meta where name = ?", (name,)).fetchone()
        return int(row[0]) if row else 0

    def _text(self, name: str) -> str:
        row = self.db.execute("select value from meta where name = ?", (name,)).fetchone()
        return row[0] if row else ""

    def _set_meta(self, name: str, value: int | str) -> None:
        self.db.execute("insert or replace into meta(name, value) values (?, ?)", (name, value))

    def close(self) -> None:
        """Write what is pending; rebuild the postings once a quarter of their ids are stale."""
        self.flush()
        stale = self._meta("stale")
        if stale > 1000 and stale * 4 > self.db.execute("select count(*) from units").fetchone()[0]:
            self.rebuild_postings()

    def compacts(self) -> bool:
        """Whether the file is worth rewriting in order once committed (VACUUM): after a
        session that wrote at least COMPACT_MIN units and a quarter of them all, as a first
        build does, each table's pages lie scattered among the others', and lookups,
        which read a hundred keys here and a few postings there, touch many more pages."""
        if self._written < COMPACT_MIN:
            return False
        return self._written * 4 >= self.db.execute("select count(*) from units").fetchone()[0]

    def rebuild_postings(self) -> None:
        """The postings and signatures anew from the units (no stale ids left)."""
        from .postings import trigrams

        self.db.execute("delete from postings")
        self.db.execute("delete from signatures")
        self._signed.clear()
        for unit_id, normalised in self.db.execute("select id, key from units").fetchall():
            self._post(unit_id, normalised, trigrams(normalised))
        self.flush()
        self._set_meta("stale", 0)

    # --- reading ----------------------------------------------------------------------

    def _units(self, where: str, args: tuple, limit: int = -1) -> list[Unit]:
        rows = self.db.execute(
            f"select {_COLUMNS} from units where {where} order by file, line limit ?",
            (*args, limit),
        )
        return [Unit(*row) for row in rows]

    def with_key(self, normalised: str, language: str) -> list[Unit]:
        return self._units("key = ? and target_language = ?", (normalised, language))

    def with_masked(self, masked: str, language: str, limit: int = 200) -> list[int]:
        """Ids of units whose keys differ only in numbers, the earliest first: a formulaic
        line can have thousands, and `limit` of them are read from the index alone."""
        rows = self.db.execute(
            "select id from units where masked = ? and target_language = ? order by id limit ?",
            (masked, language, limit),
        )
        return [unit_id for (unit_id,) in rows]

    def keys(self, ids: Iterable[int], language: str) -> dict[int, str]:
        """The keys of the units `ids` into `language`, in the order of `ids`."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        found = dict(
            self.db.execute(
                f"select id, key from keys where id in ({','.join('?' * len(wanted))})"
                " and target_language = ?",
                (*wanted, language),
            )
        )
        return {unit_id: found[unit_id] for unit_id in wanted if unit_id in found}

    def units(self, ids: Iterable[int]) -> dict[int, Unit]:
        wanted = list(ids)
        rows = self.db.execute(
            f"select id, {_COLUMNS} from units where id in ({','.join('?' * len(wanted))})",
            wanted,
        )
        return {row[0]: Unit(*row[1:]) for row in rows}

    def sharing_grams(self, normalised: str, limit: int, threshold: int = 0) -> list[int]:
        """Ids of the units (into any language: `keys` tells) that share the most of the
        query's informative trigrams, the closest first.

        The query is cut into PARTS stretches, and in each its trigrams are taken rarest
        first (by their unit counts) until their units add up to its share of
        POSTINGS_BUDGET: a lookup reads a bounded number of postings however large the
        memory, common trigrams (公安機 in a police newsroom) say little about which
        sentence is meant, and a sentence reworded in one clause is still found through
        the others. Units whose key length rules out a similarity of `threshold` are
        left out, and the rest ranked by the share of those trigrams they hold, scaled
        by how close their length is (`postings.ranked`). Of the SHORTLIST ranked first,
        the `limit` whose characters are closest to the query's (`signatures.closest`):
        a few trigrams cannot tell apart the many units that hold them all."""
        import numpy as np

        from .postings import POSTING, counted, informative, ranked, trigrams
        from .signatures import SHORTLIST, WORDS, closest, signature

        if self._pending or self._signed:
            self.flush()
        grams = list(trigrams(normalised))
        if not grams:
            return []
        marks = ",".join("?" * len(grams))
        counts = dict(
            self.db.execute(f"select term, doc from gram_counts where term in ({marks})", grams)
        )
        chosen = informative(grams, counts)
        if not chosen:
            return []
        rows = self.db.execute(
            f"select ids from postings where gram in ({','.join('?' * len(chosen))})", chosen
        )
        postings = [np.frombuffer(blob, POSTING) for (blob,) in rows]
        if not postings:
            return []
        found, shared = counted(np.concatenate(postings))
        best = ranked(found, shared, len(normalised), len(chosen), threshold, max(limit, SHORTLIST))
        if len(best) <= limit:
            return best
        table = self._signature_table()
        ids = np.array(best)
        signatures = np.zeros((len(ids), WORDS), np.uint64)
        inside = ids < len(table)
        signatures[inside] = table[ids[inside]]
        return [best[i] for i in closest(signatures, signature(normalised), limit)]

    def _signature_table(self) -> np.ndarray:
        """Every unit's signature, by id, read once (16 MB a million units)."""
        import numpy as np

        from .signatures import BLOCK, SIGNATURE

        if self._signatures is None:
            rows = self.db.execute("select block, bits from signatures").fetchall()
            table = np.zeros((max((b for b, _ in rows), default=-1) + 1) * BLOCK, SIGNATURE)
            for block, bits in rows:
                table[block * BLOCK : (block + 1) * BLOCK] = np.frombuffer(bits, SIGNATURE)
            self._signatures = table
        return self._signatures

    def all_units(self) -> Iterator[Unit]:
        yield from self._units("1", ())

    def count(self) -> dict[str, int]:
        """Units per target language."""
        return dict(
            self.db.execute("select target_language, count(*) from units group by 1 order by 1")
        )


def _units_digest(units: Sequence[Unit]) -> str:
    """What the units of a file say, without where they are: a file whose units only moved
    to other lines leaves the memory's answers as they were."""
    digest = hashlib.blake2b(digest_size=16)
    for unit in units:
        fields = (unit.source, unit.target, unit.source_language, unit.target_language)
        digest.update(json.dumps([*fields, unit.context], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


_NO_UNITS = _units_digest([])
