"""OpenCC conversion by configuration name."""

from __future__ import annotations

import pytest

from l10n.errors import ConversionError
from l10n.script import CONFIGS, convert, normalise_config


@pytest.mark.parametrize("name", ["t2s", "T2S", "t2s.json", " t2s "])
def test_config_names_are_normalised(name):
    assert normalise_config(name) == "t2s"


def test_traditional_to_simplified():
    assert convert("會議強調,全省公安機關堅決貫徹落實。") == "会议强调,全省公安机关坚决贯彻落实。"


def test_simplified_to_taiwan_phrases():
    assert convert("软件", "s2twp") == "軟體"


def test_every_named_config_loads():
    for name in CONFIGS:
        assert convert("中文", name)


def test_unknown_config_is_an_error():
    with pytest.raises(ConversionError, match="unknown OpenCC config 'x2y'"):
        normalise_config("x2y")
