"""Opening the translation memory's SQLite index: its tables, and a rebuild when they are
of another version, with an identity of its own (a random name: the generation of units
starts again in a rebuilt index). The queries are `tm.store`'s; these two modules alone
speak SQL."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import TMError
from .store import Store

SCHEMA_VERSION = "9"  # bump when the tables, the keys or the meta rows change: rebuilt
MAP_BYTES = 1 << 31  # read through a memory map: random reads of keys without system calls

SCHEMA = """
create table if not exists meta(name text primary key, value text not null);
create table if not exists files(
    path text primary key,
    digest text not null,
    size integer not null default -1,
    mtime_ns integer not null default -1,
    ctime_ns integer not null default -1,
    seen_ns integer not null default -1,
    units text not null default ''
);
create table if not exists units(
    id integer primary key autoincrement,
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
create table if not exists keys(id integer primary key, target_language text not null, key text)
    strict;
create table if not exists postings(
    gram text not null, chunk integer not null, ids blob not null, primary key (gram, chunk)
) without rowid;
create table if not exists gram_counts(term text primary key, doc integer not null)
    without rowid;
create table if not exists signatures(block integer primary key, bits blob not null);
"""


@contextmanager
def open_store(path: Path) -> Iterator[Store]:
    """The index at `path`, created (or rebuilt, for another schema) as needed; changes are
    committed when the block ends without an error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        connection = sqlite3.connect(path)
        connection.execute(f"pragma mmap_size = {MAP_BYTES}")
    except sqlite3.Error as err:
        raise TMError(f"{path}: cannot open the translation memory: {err}") from err
    try:
        if _version(connection) != SCHEMA_VERSION:  # else opening writes nothing
            _drop(connection)
            connection.executescript(SCHEMA)
            connection.executemany(
                "insert or replace into meta(name, value) values (?, ?)",
                [("schema", SCHEMA_VERSION), ("identity", secrets.token_hex(8))],
            )
        store = Store(connection)
        yield store
        store.close()
        connection.commit()
        if store.compacts():
            with suppress(sqlite3.OperationalError):  # no room for the copy: fine as it is
                connection.execute("vacuum")
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
    tables = ("grams", "postings", "gram_counts", "signatures", "keys", "units", "files", "meta")
    for table in tables:
        connection.execute(f"drop table if exists {table}")
