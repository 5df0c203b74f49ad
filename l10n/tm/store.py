"""The translation memory's SQLite index: units, an FTS5 trigram index over their keys,
and the digest of each file they came from. Opened with `open_store`; no other
module speaks SQL."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import TMError
from .keys import key, numbers_masked

SCHEMA_VERSION = "4"  # bump when the tables or the keys change: the index is rebuilt
_COLUMNS = "source, target, source_language, target_language, file, line, context, key"
POSTINGS_BUDGET = 10_000  # trigram postings a fuzzy lookup reads (at least a trigram a part)
PARTS = 4  # stretches of the query, each with its share of the budget

_SCHEMA = """
create table if not exists meta(name text primary key, value text not null);
create table if not exists files(path text primary key, digest text not null);
create table if not exists units(
    id integer primary key,
    file text not null,
    line integer not null,
    source text not null,
    target text not null,
    source_language text not null,
    target_language text not null,
    key text not null,
    masked text not null,
    context text not null
);
create index if not exists units_key on units(key, target_language);
create index if not exists units_masked on units(masked, target_language);
create index if not exists units_file on units(file);
create virtual table if not exists grams using fts5(key, tokenize='trigram');
create table if not exists gram_counts(term text primary key, doc integer not null)
    without rowid;
"""


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


def trigrams(normalised: str) -> dict[str, None]:
    """The distinct trigrams of a key, in order (as FTS5's trigram tokenizer indexes it)."""
    return dict.fromkeys(normalised[i : i + 3] for i in range(len(normalised) - 2))


class Store:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection

    def digests(self) -> dict[str, str]:
        return dict(self.db.execute("select path, digest from files"))

    def replace_file(self, path: str, digest: str, units: Iterable[Unit]) -> None:
        """The units of one file, in place of what it gave before."""
        self.forget_file(path)
        grams: Counter[str] = Counter()
        for unit in units:
            normalised = key(unit.source)
            grams.update(trigrams(normalised).keys())
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
                "insert into grams(rowid, key) values (?, ?)", (cursor.lastrowid, normalised)
            )
        self._count(grams, 1)
        self.db.execute("insert or replace into files(path, digest) values (?, ?)", (path, digest))

    def _count(self, grams: Counter[str], sign: int) -> None:
        """Keep each trigram's number of units (how rare it is) up to date."""
        self.db.executemany(
            "insert into gram_counts(term, doc) values (?, ?)"
            " on conflict(term) do update set doc = doc + excluded.doc",
            ((gram, sign * n) for gram, n in grams.items()),
        )

    def forget_file(self, path: str) -> None:
        grams: Counter[str] = Counter()
        for (normalised,) in self.db.execute("select key from units where file = ?", (path,)):
            grams.update(trigrams(normalised).keys())
        self._count(grams, -1)
        self.db.execute(
            "delete from grams where rowid in (select id from units where file = ?)", (path,)
        )
        self.db.execute("delete from units where file = ?", (path,))
        self.db.execute("delete from files where path = ?", (path,))

    def _units(self, where: str, args: tuple, limit: int = -1) -> list[Unit]:
        rows = self.db.execute(
            f"select {_COLUMNS} from units where {where} order by file, line limit ?",
            (*args, limit),
        )
        return [Unit(*row) for row in rows]

    def with_key(self, normalised: str, language: str) -> list[Unit]:
        return self._units("key = ? and target_language = ?", (normalised, language))

    def with_masked(self, masked: str, language: str, limit: int = 200) -> list[Unit]:
        """Units whose keys differ only in numbers (a formulaic line can have thousands)."""
        return self._units("masked = ? and target_language = ?", (masked, language), limit)

    def sharing_grams(self, normalised: str, language: str, limit: int) -> list[Unit]:
        """Units whose keys share the most of the query's informative trigrams.

        The query is cut into PARTS stretches, and in each its trigrams are taken rarest
        first (by their unit counts) until their units add up to its share of
        POSTINGS_BUDGET: a lookup reads a bounded number of postings however large the
        memory, common trigrams (公安機 in a police newsroom) say little about which
        sentence is meant, and a sentence reworded in one clause is still found through
        the others. Units are ranked by how many of those trigrams they share."""
        grams = list(trigrams(normalised))
        if not grams:
            return []
        marks = ",".join("?" * len(grams))
        counts = dict(
            self.db.execute(f"select term, doc from gram_counts where term in ({marks})", grams)
        )
        known = [gram for gram in grams if gram in counts]
        chosen = []
        for part in range(PARTS):
            stretch = known[part * len(known) // PARTS : (part + 1) * len(known) // PARTS]
            budget = POSTINGS_BUDGET // PARTS
            for taken, gram in enumerate(sorted(stretch, key=counts.__getitem__)):
                if counts[gram] > (budget if taken else POSTINGS_BUDGET):
                    break
                chosen.append(gram)
                budget -= counts[gram]
        if not chosen:
            return []
        each = " union all ".join(["select rowid from grams where grams match ?"] * len(chosen))
        best = [
            rowid
            for (rowid,) in self.db.execute(
                f"select rowid from ({each}) group by rowid order by count(*) desc limit ?",
                (*('"' + gram.replace('"', '""') + '"' for gram in chosen), limit),
            )
        ]
        if not best:
            return []
        rows = self.db.execute(
            f"select id, {_COLUMNS} from units where id in ({','.join('?' * len(best))})"
            " and target_language = ?",
            (*best, language),
        )
        by_id = {row[0]: Unit(*row[1:]) for row in rows}
        return [by_id[rowid] for rowid in best if rowid in by_id]

    def all_units(self) -> Iterator[Unit]:
        yield from self._units("1", ())

    def count(self) -> dict[str, int]:
        """Units per target language."""
        return dict(
            self.db.execute("select target_language, count(*) from units group by 1 order by 1")
        )


@contextmanager
def open_store(path: Path) -> Iterator[Store]:
    """The index at `path`, created (or rebuilt, for another schema) as needed; changes are
    committed when the block ends without an error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        connection = sqlite3.connect(path)
    except sqlite3.Error as err:
        raise TMError(f"{path}: cannot open the translation memory: {err}") from err
    try:
        version = _version(connection)
        if version != SCHEMA_VERSION:
            _drop(connection)
        connection.executescript(_SCHEMA)
        connection.execute(
            "insert or replace into meta(name, value) values ('schema', ?)", (SCHEMA_VERSION,)
        )
        store = Store(connection)
        yield store
        connection.commit()
    except sqlite3.DatabaseError as err:
        raise TMError(
            f"{path}: the translation memory is damaged ({err}); delete it, and it is rebuilt"
        ) from err
    finally:
        connection.close()


def _version(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("select value from meta where name = 'schema'").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def _drop(connection: sqlite3.Connection) -> None:
    for table in ("grams", "gram_counts", "units", "files", "meta"):
        connection.execute(f"drop table if exists {table}")
