"""Glossaries: agreed renderings of source terms, read from TSV or TBX text.

Both readers take the file's text (TBX also as bytes, which XML decodes by its own
declaration) and a label for messages, and return {source term: agreed rendering}.
A line or entry that cannot be read, or a term given two renderings, is a
GlossaryError that says where.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator

from ..errors import GlossaryError

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_glossary(text: str, label: str = "glossary") -> dict[str, str]:
    """`source<TAB>target` lines; blank lines and `#` comments ignored."""
    pairs = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        term, tab, wanted = line.partition("\t")
        term, wanted = term.strip(), wanted.strip()
        if not (tab and term and wanted):
            raise GlossaryError(
                f"{label}:{number}: expected a term, a tab, then its agreed rendering"
            )
        pairs.append((term, wanted, f"{label}:{number}"))
    return _merge(pairs)


def read_tbx(
    text: str | bytes, label: str = "glossary", source: str = "zh", target: str = "en"
) -> dict[str, str]:
    """Concept entries of a TBX termbase (TBX 2 `termEntry`/`langSet` or TBX 3
    `conceptEntry`/`langSec`): every `source` term of an entry maps to the entry's first
    `target` term. Languages match on their primary subtag (zh-Hant is zh)."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as err:
        line, _ = err.position
        raise GlossaryError(f"{label}:{line}: not valid TBX: {_reason(err)}") from err
    pairs = []
    for number, entry in enumerate(_elements(root.iter(), "termEntry", "conceptEntry"), start=1):
        by_language: dict[str, list[str]] = {}
        for section in _elements(entry, "langSet", "langSec"):
            language = section.get(_XML_LANG, "").split("-")[0].lower()
            terms = [" ".join((t.text or "").split()) for t in _elements(section.iter(), "term")]
            by_language.setdefault(language, []).extend(t for t in terms if t)
        wanted = by_language.get(target, [])
        where = f"{label}: entry {entry.get('id') or number}"
        pairs.extend((term, wanted[0], where) for term in by_language.get(source, []) if wanted)
    return _merge(pairs)


def merge(glossaries: Iterable[dict[str, str]], labels: Iterable[str]) -> dict[str, str]:
    """One glossary from several files; a term rendered two ways is an error."""
    return _merge(
        [
            (term, wanted, label)
            for glossary, label in zip(glossaries, labels, strict=True)
            for term, wanted in glossary.items()
        ]
    )


def _merge(pairs: list[tuple[str, str, str]]) -> dict[str, str]:
    """{term: rendering} from (term, rendering, where) in order; the same term with another
    rendering is a GlossaryError naming both places."""
    glossary: dict[str, str] = {}
    origin: dict[str, str] = {}
    for term, wanted, where in pairs:
        if glossary.setdefault(term, wanted) != wanted:
            raise GlossaryError(
                f"{where}: {term} is rendered as {wanted!r} here but as {glossary[term]!r} "
                f"at {origin[term]}"
            )
        origin.setdefault(term, where)
    return glossary


def _elements(elements: Iterable[ET.Element], *names: str) -> Iterator[ET.Element]:
    """The elements whose local name (namespace aside) is one of `names`."""
    return (e for e in elements if isinstance(e.tag, str) and e.tag.rsplit("}", 1)[-1] in names)


def _reason(err: ET.ParseError) -> str:
    return str(err).split(":")[0]
