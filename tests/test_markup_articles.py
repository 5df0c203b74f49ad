"""Markdown and HTML articles end to end (tests/data/markup): the extracted segments, the
round trip, the translated document in its own format, and the `placeholders` check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

from l10n.document import render
from l10n.readers import html, markdown

from .conftest import DATA, l10n, l10n_ok

MARKUP = DATA / "markup"
ARTICLES = ["article.md", "article.html"]
TRANSLATIONS = json.loads((MARKUP / "translations.json").read_text("utf-8"))
READ = {".md": markdown.parse, ".html": html.parse}


def _document(name: str):
    path = MARKUP / name
    return READ[path.suffix](path.read_text("utf-8"), name)


@pytest.mark.parametrize("name", ARTICLES)
def test_the_article_round_trips(name):
    document = _document(name)
    assert render(document) == (MARKUP / name).read_text("utf-8")


@pytest.mark.parametrize("name", ARTICLES)
def test_the_extracted_segments(name):
    document = _document(name)
    found = [[str(block.kind), segment.text] for block, segment in document.segments()]
    expected = json.loads((MARKUP / f"{name}.segments.json").read_text("utf-8"))
    assert found == expected


def _project_with_translations(
    project: Path, name: str, replace: dict[str, str] | None = None
) -> Path:
    replace = replace or {}
    shutil.copy(MARKUP / name, project / "seeds" / name)
    l10n_ok("extract", f"seeds/{name}")
    po_path = project / "locales" / "en" / "LC_MESSAGES" / f"{Path(name).stem}.po"
    catalog = polib.pofile(str(po_path))
    for entry in catalog:
        entry.msgstr = replace.get(entry.msgid, TRANSLATIONS[entry.msgid])
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.save(str(po_path))
    return po_path


@pytest.mark.parametrize("name", ARTICLES)
def test_the_translated_document(project, name):
    _project_with_translations(project, name)
    stem, suffix = name.rsplit(".", 1)
    l10n_ok("build", f"seeds/{name}", "--format", "source")
    written = (project / "dist" / f"{stem}.en.{suffix}").read_text("utf-8")
    assert written == (MARKUP / f"{stem}.en.{suffix}").read_text("utf-8")


@pytest.mark.parametrize("name", ARTICLES)
def test_the_placeholders_check_passes_kept_tags(project, name):
    _project_with_translations(project, name)
    result = l10n("check", f"seeds/{name}", "--select", "placeholders", "--format", "json")
    assert result.exit_code == 0, result.stdout


BROKEN = {
    # tag missing
    "論壇由<1>成都市政府</1>主辦，吸引了上千名與會者。": "The forum drew a thousand people.",
    # renumbered
    "數位政府與<1>資料開放</1>。": "Digital government and <2>open data</2>.",
    # unbalanced (crossed with text order)
    "<1>其中外國嘉賓</1>超過兩百人。": "</1>Foreign guests<1> numbered two hundred.",
    # a void tag added twice
    "會議網址是<1/>！": "The address is <1/> <1/>!",
}


@pytest.mark.parametrize("name", ["article.md"])
def test_the_placeholders_check_names_each_broken_tag(project, name):
    _project_with_translations(project, name, BROKEN)
    result = l10n("check", f"seeds/{name}", "--select", "placeholders", "--format", "json")
    assert result.exit_code == 1
    report = result.stdout
    assert "placeholder <1> of the source is missing" in report
    assert "placeholder <2> is not in the source" in report
    assert "</1> closes what is not open there" in report
    assert "placeholder <1/> is not in the source" in report
    # a broken translation is not used: the source segment stays, its markup intact
    l10n_ok("build", f"seeds/{name}", "--format", "source")
    written = (project / "dist" / "article.en.md").read_text("utf-8")
    assert "論壇由[成都市政府](https://www.chengdu.gov.cn/" in written
    assert "數位政府與*資料開放*。" in written


def test_a_text_source_untranslated_is_written_back_as_it_is(project):
    from .conftest import SEED, SEED_NAME

    l10n_ok("extract")
    l10n_ok("build", "--format", "source")
    assert (project / "dist" / f"{SEED_NAME}.en.txt").read_bytes() == SEED.read_bytes()


def test_two_formats_writing_one_file_is_a_usage_error(project):
    shutil.copy(MARKUP / "article.md", project / "seeds" / "article.md")
    l10n_ok("extract", "seeds/article.md")
    result = l10n("build", "seeds/article.md", "--format", "md,source")
    assert result.exit_code == 2
    assert "two formats would both write dist/article.en.md" in result.stderr


def test_bilingual_editions_keep_the_inline_formatting(project):
    _project_with_translations(project, "article.html")
    l10n_ok("build", "seeds/article.html", "--format", "html,md,txt")
    page = (project / "dist" / "article.en.html").read_text("utf-8")
    assert "<strong>主辦方表示，今年的規模創下新高。</strong>" in page
    assert (
        "<strong>The organisers said this year&#x27;s forum was the largest yet.</strong>" in page
    )
    link = '<a href="https://www.chengdu.gov.cn/" rel="noopener noreferrer nofollow">'
    assert f"論壇由{link}成都市政府</a>主辦" in page
    assert f"hosted by {link}the Chengdu government</a>" in page
    assert "<code>OpenCC</code>" in page and "&lt;1" not in page
    for name in ("article.en.md", "article.en.txt"):
        text = (project / "dist" / name).read_text("utf-8")
        assert "<1" not in text and "</1>" not in text
        assert "OpenCC" in text and "天府通" in text
    edition = (project / "dist" / "article.en.md").read_text("utf-8")
    assert "**主辦方表示，今年的規模創下新高。**" in edition  # Markdown's own markup
    assert "**The organisers said this year's forum was the largest yet.**" in edition
    assert "論壇由[成都市政府](https://www.chengdu.gov.cn/)主辦" in edition
    assert "hosted by [the Chengdu government](https://www.chengdu.gov.cn/)" in edition
    assert "`OpenCC`" in edition
    text = (project / "dist" / "article.en.txt").read_text("utf-8")
    assert "**" not in text and "](http" not in text  # the text edition: the words alone
