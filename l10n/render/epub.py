"""EPUB 3 edition: one XHTML chapter per article, a navigation document, a stylesheet.

Written with the standard library's zipfile: `mimetype` first and stored, every other file
compressed, fixed timestamps so that the same edition gives the same bytes. Every block
carries `lang` and `xml:lang`; the package names the target language first, then the
source's (`dc:language`). The side-by-side layout is paired blocks that sit in two columns
on a wide reader and one above the other on a narrow one; the stylesheet names CJK fonts
and embeds none. A collection is one book of several chapters.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Sequence
from datetime import datetime
from html import escape

from ..edition import Edition
from .css import EPUB as STYLE
from .html import Flavour, article, legend, title_of

_EPOCH = (1980, 1, 1, 0, 0, 0)

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""


def _lang(tag: str) -> str:
    tag = escape(tag)
    return f'lang="{tag}" xml:lang="{tag}"'


def _xhtml(lang: str, title: tuple[str, str], body: str) -> str:
    text, title_lang = title
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'{_lang(lang)}>\n<head>\n<meta charset="utf-8"/>\n'
        f"<title {_lang(title_lang)}>{escape(text)}</title>\n"
        '<link rel="stylesheet" type="text/css" href="style.css"/>\n'
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _nav(lang: str, title: tuple[str, str], entries: Sequence[tuple[str, str, str]]) -> str:
    items = "\n".join(
        f'<li><a href="{href}"><span {_lang(tag)}>{escape(text)}</span></a></li>'
        for href, text, tag in entries
    )
    body = (
        f'<nav epub:type="toc" id="toc">\n<h1 {_lang("en")}>Contents</h1>\n'
        f"<ol>\n{items}\n</ol>\n</nav>"
    )
    return _xhtml(lang, title, body)


def _package(
    identifier: str,
    title: tuple[str, str],
    languages: Sequence[str],
    modified: datetime,
    chapters: int,
) -> str:
    text, title_lang = title
    language_lines = "\n".join(f"<dc:language>{escape(tag)}</dc:language>" for tag in languages)
    manifest = "\n".join(
        f'<item id="c{n}" href="c{n}.xhtml" media-type="application/xhtml+xml"/>'
        for n in range(1, chapters + 1)
    )
    spine = "\n".join(f'<itemref idref="c{n}"/>' for n in range(1, chapters + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" '
        f'xml:lang="{escape(languages[0])}">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<dc:identifier id="id">{identifier}</dc:identifier>\n'
        f'<dc:title xml:lang="{escape(title_lang)}">{escape(text)}</dc:title>\n'
        f"{language_lines}\n"
        '<meta property="dcterms:modified">'
        f"{modified.strftime('%Y-%m-%dT%H:%M:%SZ')}</meta>\n"
        "</metadata>\n<manifest>\n"
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>\n'
        '<item id="css" href="style.css" media-type="text/css"/>\n'
        f"{manifest}\n</manifest>\n<spine>\n{spine}\n</spine>\n</package>\n"
    )


def _zip(files: Sequence[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype", _EPOCH), "application/epub+zip")
        for name, text in files:
            info = zipfile.ZipInfo(name, _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            book.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


class EpubRenderer:
    extension = "epub"
    by_layout = True

    def __init__(self, layout: str, modified: datetime) -> None:
        self.layout = layout
        self.modified = modified

    def _book(self, name: str, title: tuple[str, str], editions: Sequence[Edition]) -> bytes:
        first = editions[0]
        languages = [first.target_language]
        if self.layout != "translation-only":
            languages += sorted({e.source_language for e in editions} - set(languages))
        files = [("META-INF/container.xml", CONTAINER), ("EPUB/style.css", STYLE)]
        entries = []
        level = 1 if len(editions) == 1 else 2
        for n, edition in enumerate(editions, 1):
            flavour = Flavour(xhtml=True, focusable=False, level=level)
            chapter_title = title_of(edition, self.layout)
            body = f"{legend(edition, flavour)}\n<section>\n"
            if level == 2 and n == 1:
                body = f"<h1 {_lang(title[1])}>{escape(title[0])}</h1>\n{body}"
            body += f"{article(edition, self.layout, flavour)}\n</section>"
            files.append((f"EPUB/c{n}.xhtml", _xhtml(edition.target_language, chapter_title, body)))
            entries.append((f"c{n}.xhtml", *chapter_title))
        files.append(("EPUB/nav.xhtml", _nav(first.target_language, title, entries)))
        key = f"l10n:{name}:{first.target_language}:{self.layout}"
        identifier = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"
        package = _package(identifier, title, languages, self.modified, len(editions))
        return _zip([*files, ("EPUB/package.opf", package)])

    def render(self, edition: Edition) -> bytes:
        return self._book(edition.name, title_of(edition, self.layout), [edition])

    def render_collection(self, name: str, editions: Sequence[Edition]) -> bytes:
        """One book of several articles, titled `name`, a chapter each."""
        return self._book(name, (name, editions[0].target_language), editions)


def make_renderer(options) -> EpubRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return EpubRenderer(options.layout, options.now)
