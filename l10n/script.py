"""Chinese script conversion with OpenCC: the only module that imports it."""

from __future__ import annotations

from functools import lru_cache

from .errors import ConversionError

CONFIGS = (
    "t2s",
    "tw2s",
    "tw2sp",
    "hk2s",
    "hk2sp",
    "s2t",
    "s2tw",
    "s2twp",
    "s2hk",
    "s2hkp",
    "t2tw",
    "t2hk",
    "tw2t",
    "hk2t",
    "t2jp",
    "jp2t",
)


TRADITIONAL_TAGS = frozenset({"zh-hant", "zh-tw", "zh-hk", "zh-mo", "zt"})
SIMPLIFIED_TAGS = frozenset({"zh", "zh-hans", "zh-cn", "zh-sg"})


def is_traditional(language: str) -> bool:
    """Whether a language tag (zh-Hant, zh-TW, zt, …) names Traditional Chinese."""
    return language.lower() in TRADITIONAL_TAGS


def is_simplified(language: str) -> bool:
    return language.lower() in SIMPLIFIED_TAGS


def normalise_config(name: str) -> str:
    """`t2s`, `T2S` and `t2s.json` all name the same configuration."""
    stem = name.strip().lower().removesuffix(".json")
    if stem not in CONFIGS:
        raise ConversionError(
            f"unknown OpenCC config {name!r}; choose one of: {', '.join(CONFIGS)}"
        )
    return stem


@lru_cache(maxsize=8)
def _converter(config: str):
    import opencc

    try:
        return opencc.OpenCC(f"{config}.json")
    except Exception as err:  # the binding raises plain exceptions
        raise ConversionError(f"cannot load OpenCC config {config!r}: {err}") from err


def convert(text: str, config: str = "t2s") -> str:
    """`text` converted with the named OpenCC configuration."""
    return _converter(normalise_config(config)).convert(text)


def detect_script(text: str) -> str:
    """`zh-Hant` or `zh-Hans`: whichever script the text's script-specific characters
    belong to (those OpenCC changes going one way but not the other). A text with none
    either way is taken as Simplified."""
    to_simplified = convert(text, "t2s")
    to_traditional = convert(text, "s2t")
    traditional = sum(a != b for a, b in zip(text, to_simplified, strict=False))
    simplified = sum(a != b for a, b in zip(text, to_traditional, strict=False))
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def names_either_script(language: str) -> bool:
    """Whether a language tag says only "Chinese" (`zh`), leaving the script to each text."""
    return language.lower() == "zh"
