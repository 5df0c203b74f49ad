"""Reading sources: UTF-8 only, with a clear word for legacy encodings and binaries."""

from __future__ import annotations

import pytest

from l10n.errors import InputError
from l10n.files import atomic_write, decode_source

from .conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8").replace("\xa0", " ")


def test_utf8_with_bom_is_kept():
    assert decode_source("\ufeff標題\n".encode(), "a.txt") == "\ufeff標題\n"


@pytest.mark.parametrize("codec, name", [("gbk", "GBK"), ("big5", "Big5")])
def test_legacy_chinese_encodings_are_named(codec, name):
    with pytest.raises(InputError) as caught:
        decode_source(SEED_TEXT.encode(codec, errors="replace"), "a.txt")
    message = str(caught.value)
    assert message.startswith("a.txt is not UTF-8")
    assert name in message
    assert "\ufffd" not in message and "\n" not in message


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "is empty"),
        (b" \n\t\n", "is empty"),
        ("\ufeff\u3000\n".encode(), "is empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
    ],
)
def test_empty_and_binary_files(data, words):
    with pytest.raises(InputError, match=words):
        decode_source(data, "a.txt")


def test_atomic_write_replaces_whole_file(tmp_path):
    path = tmp_path / "sub" / "out.txt"
    atomic_write(path, "old")
    atomic_write(path, "new\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert [p.name for p in path.parent.iterdir()] == ["out.txt"]
