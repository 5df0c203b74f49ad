"""Shared by the edition tests: a project of three articles in several review states, the
external tools (epubcheck, LibreOffice, poppler) and where screenshots go."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polib
import pytest

from .conftest import DATA, ROOT, l10n_ok

ARTICLES = sorted((DATA / "editions").glob("*.txt"))
SCREENSHOTS = ROOT / "dist" / "screenshots"
MACHINE = "l10n: machine translation: argos translate-zh_en 1.9 (beam 4)"
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")


def require(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is required: scripts/system-deps installs it (as root)")
    return found


def epubcheck_command(path: Path) -> list[str]:
    """Debian's `epubcheck` is a jar run through binfmt_misc, which containers often lack:
    run it with java."""
    if EPUBCHECK_JAR.is_file() and shutil.which("java"):
        return ["java", "-jar", str(EPUBCHECK_JAR), str(path)]
    return [require("epubcheck"), str(path)]


@contextmanager
def reviewed_project(folder: Path) -> Iterator[Path]:
    """The repository's project (its seed and reviewed catalog) with the edition articles
    added, extracted and partly reviewed, in `folder`, as the working folder."""
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copytree(ROOT / "locales", folder / "locales")
    for article in ARTICLES:
        shutil.copy(article, folder / "seeds" / article.name)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        l10n_ok("extract")
        review_some(folder)
        yield folder


def review_some(project: Path) -> None:
    """The two small articles' catalogs: every third entry reviewed, the next machine output
    with its provenance line, the rest untranslated (the seed's catalog stays reviewed)."""
    for article in ARTICLES:
        catalog = polib.pofile(str(project / "locales/en/LC_MESSAGES" / f"{article.stem}.po"))
        for n, entry in enumerate(catalog):
            if n % 3 == 2:
                continue
            entry.msgstr = f"English {n} of {article.stem} & <i>more</i>."
            if n % 3 == 1:
                entry.flags.append("fuzzy")
                entry.tcomment = MACHINE
        catalog.save()


def english_sentences(po: Path) -> list[str]:
    return [entry.msgstr for entry in polib.pofile(str(po)) if entry.msgstr]


def normalised(text: str) -> str:
    """Text as pdftotext gives it, for comparison: NFKC (ligatures), one space for any run
    of white space, no hyphen left at a line's end."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip()


def pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(
        [require("pdftotext"), *args, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def first_page_png(pdf: Path, name: str, dpi: int = 70) -> Path:
    """Page 1 of a PDF as a PNG in dist/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    stem = SCREENSHOTS / name
    subprocess.run(
        [
            *(require("pdftoppm"), "-r", str(dpi), "-png", "-f", "1", "-l", "1", "-singlefile"),
            *(str(pdf), str(stem)),
        ],
        check=True,
    )
    return stem.with_suffix(".png")


def bottom_gaps(pdf: Path, footer_pt: float) -> list[float]:
    """Per page but the last, the blank space (points) between its lowest line of text and
    the bottom margin, which starts `footer_pt` above the page's bottom edge."""
    layout = pdftotext(pdf, "-bbox-layout")
    gaps = []
    pages = re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', layout, re.S)
    for height, content in pages[:-1]:
        limit = float(height) - footer_pt
        bottoms = [float(y) for y in re.findall(r'<line [^>]*yMax="([\d.]+)"', content)]
        body = [y for y in bottoms if y <= limit]
        gaps.append(limit - max(body))
    return gaps


_LINE = re.compile(
    r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</line>', re.S
)
_WORD = re.compile(r"<word [^>]*>(.*?)</word>")


def right_column(pdf: Path, margins_pt: tuple[float, float]) -> str:
    """The text of the right-hand column of every page, in reading order, between the top
    and bottom margins (`margins_pt`): the translation of a side-by-side edition."""
    from html import unescape

    layout = pdftotext(pdf, "-bbox-layout")
    top, bottom = margins_pt
    out = []
    for width, height, content in re.findall(
        r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', layout, re.S
    ):
        lines = [
            (float(y), float(x), " ".join(unescape(w) for w in _WORD.findall(words)))
            for x, y, words in _LINE.findall(content)
            if float(x) > float(width) / 2 and top < float(y) < float(height) - bottom
        ]
        out += [text for _, _, text in sorted(lines)]
    joined = "".join(t if not n or out[n - 1].endswith("-") else f" {t}" for n, t in enumerate(out))
    return normalised(joined)  # a line ending in a hyphen (visa-|free) goes on without space
