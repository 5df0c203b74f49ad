"""The segmentation rules as data: punctuation classes, speech verbs, structure patterns.

`SentenceRules` follows docs/segmentation.md (R1–R9); `StructureRules` says which lines
are titles, meta lines, list items, bylines, breadcrumbs and page furniture. Both
are frozen values; the structure patterns can be overridden from `[tool.l10n]`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Paired marks (R5): quotations, titles and brackets.
PAIRS = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "《": "》",
    "〈": "〉",
    "（": "）",
    "(": ")",
    "【": "】",
    "〔": "〕",
    "[": "]",
}
QUOTE_OPENERS = frozenset('“‘「『"')
TITLE_OPENERS = frozenset("《〈")
STRAIGHT_QUOTE = '"'


@dataclass(frozen=True)
class SentenceRules:
    """Sentence-final marks and abbreviations (R2), closing marks (R4), clause marks (R5, R6),
    speech verbs and the attribution length (R6)."""

    final_marks: frozenset[str] = frozenset("。！？!?")
    ascii_final_marks: frozenset[str] = frozenset("!?")
    closing_marks: frozenset[str] = frozenset("”’」』）)】〕》〉\"'")
    clause_marks: frozenset[str] = frozenset("，、；：,;:")
    speech_verbs: tuple[str, ...] = (
        "说",
        "說",
        "道",
        "问",
        "問",
        "答",
        "回答",
        "表示",
        "称",
        "稱",
        "指出",
        "强调",
        "強調",
        "喊",
        "叫",
        "补充",
        "補充",
        "写道",
        "寫道",
        "坦言",
        "回应",
        "回應",
        "反问",
        "反問",
        "追问",
        "追問",
    )
    attribution_max_chars: int = 12
    abbreviations: frozenset[str] = frozenset(
        "mr mrs ms dr prof sr jr st no nos vol vols vs etc inc ltd co corp fig figs eq approx "
        "dept est jan feb mar apr jun jul aug sep sept oct nov dec pp op cf al".split()
    )


@dataclass(frozen=True)
class StructureRules:
    """Line patterns (regular expressions, matched against the trimmed line)."""

    boilerplate: tuple[str, ...] = ()
    breadcrumb: str = r"^[^。！？!?>›»＞]{1,24}(?:\s*[>›»＞]\s*[^。！？!?>›»＞]{1,24})+$"
    meta: str = (
        r"^(?:來源|来源|時間|时间|編輯|编辑|責任編輯|责任编辑|作者|記者|记者|"
        r"發布時間|发布时间|發佈時間|日期|出處|出处|稿源)\s*[:：]"
    )
    list_item: str = r"^(?:——|[●•▪■◆◇○])"
    byline: str = r"^[(（](?:記者|记者)?\s*[\u3400-\u9fff·・]{2,6}[)）]$"
    title_max_chars: int = 80


@dataclass(frozen=True)
class Rules:
    sentence: SentenceRules = field(default_factory=SentenceRules)
    structure: StructureRules = field(default_factory=StructureRules)
