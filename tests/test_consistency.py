"""`inconsistent`: one source text reviewed with different translations in the catalogs that
`l10n check` reads. The cases (tests/data/consistency/cases.json) are built as real catalogs
through the CLI: articles written into seeds/, `l10n extract`, then translations, statuses and
flags set with polib; some rewrite an article and extract again."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest

from l10n.catalog.status import EntryStatus, status
from l10n.checks import CONSISTENCY_CODES, Severity, check_consistency, known_codes

from .conftest import DATA, PO, POT, ROOT, l10n, l10n_ok

CASES = json.loads((DATA / "consistency" / "cases.json").read_text(encoding="utf-8"))
PROVENANCE = {
    EntryStatus.MACHINE: "machine translation: argos translate-zh_en 0.1",
    EntryStatus.TM: "tm: exact 100% (tm/archive.tmx:1)",
}


def _po(name: str, language: str) -> Path:
    return Path("locales") / language / "LC_MESSAGES" / f"{name}.po"


def _entries(project: Path, place: list[str], source: str) -> list[polib.POEntry]:
    catalog = polib.pofile(str(project / _po(*place)))
    found = [e for e in catalog if e.msgid == source]
    assert found, f"{source!r} is not in {_po(*place)}"
    return found


def _set(entry: polib.POEntry, spec: dict) -> None:
    """Give an entry the translation, status and flags the case asks for."""
    wanted = EntryStatus(spec["status"])
    entry.msgstr = spec["translation"]
    entry.flags = [f for f in entry.flags if f != "fuzzy"] + spec.get("flags", [])
    if wanted.needs_review:
        entry.flags.append("fuzzy")
    if wanted in PROVENANCE:
        entry.comment = f"{entry.comment}\n{PROVENANCE[wanted]}"


def build(project: Path, case: dict) -> None:
    """The case's project: its languages and articles, extracted, its entries set."""
    if "languages" in case:
        pyproject = project / "pyproject.toml"
        text = pyproject.read_text("utf-8")
        assert 'languages = ["en"]' in text
        listed = ", ".join(f'"{language}"' for language in case["languages"])
        text = text.replace('languages = ["en"]', f"languages = [{listed}]")
        pyproject.write_text(text, encoding="utf-8")
    if case.get("seed_catalog"):  # the committed, reviewed catalog of the seed article
        for path in (POT, PO):
            (project / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / path, project / path)
    for name, text in case["articles"].items():
        (project / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
    l10n_ok("extract")
    for spec in case["entries"]:
        path = project / _po(*spec["catalog"])
        catalog = polib.pofile(str(path))
        entry = next(e for e in catalog if e.msgid == spec["source"])
        if spec.get("append"):  # the same source text again, as a second entry
            entry = polib.POEntry(
                msgid=entry.msgid, occurrences=entry.occurrences, comment=entry.comment
            )
            catalog.append(entry)
        _set(entry, spec)
        assert status(entry) is EntryStatus(spec["status"]), spec
        catalog.save()
    if "rewrite" in case:
        for name, text in case["rewrite"].items():
            (project / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
        l10n_ok("extract")
    for spec in case.get("expect_status", []):
        catalog = polib.pofile(str(project / _po(*spec["catalog"])))
        entry = next(e for e in catalog if e.msgid == spec["source"])
        assert status(entry) is EntryStatus(spec["status"]), spec


KEYS = ("code", "severity", "path", "line", "message")


def _findings(*options: str) -> tuple[int, list[dict]]:
    result = l10n("check", "--format", "json", *options)
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)["findings"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_consistency_cases(project, case):
    build(project, case)
    exit_code, findings = _findings("--select", "inconsistent")
    expected = []
    for spec in case["expected"]:
        here = _entries(project, spec["catalog"], spec["source"])[spec.get("nth", 0)]
        there = _entries(project, spec["other"], spec["source"])[0]
        other = f"{_po(*spec['other']).as_posix()}:{there.linenum}"
        expected.append(
            {
                "code": "inconsistent",
                "severity": "warning",
                "path": _po(*spec["catalog"]).as_posix(),
                "line": here.linenum,
                "message": spec["message"].format(other=other),
            }
        )
    assert [{k: f[k] for k in KEYS} for f in findings] == expected
    assert all(len(f["segment"]) == 8 for f in findings)  # the entry's segment id
    assert exit_code == 0  # a warning: the default gate fails on errors only


def test_every_kind_of_case_is_covered():
    """True positives and true negatives, both for the flag and for languages."""
    assert any(c["expected"] for c in CASES) and any(not c["expected"] for c in CASES)
    flagged = [c for c in CASES if any(e.get("flags") for e in c["entries"])]
    assert any(c["expected"] for c in flagged) and any(not c["expected"] for c in flagged)
    assert any(len(c.get("languages", ())) > 1 for c in CASES)


def _case(name: str) -> dict:
    return next(c for c in CASES if c["id"] == name)


TWO_ARTICLES = "two-articles-review-the-same-sentence-differently"


def test_exit_code_fails_on_warning_only_when_asked(project):
    build(project, _case(TWO_ARTICLES))
    exit_code, findings = _findings()  # every check: this one is the only finding
    assert exit_code == 0 and [f["code"] for f in findings] == ["inconsistent"]
    assert l10n("check").exit_code == 0
    assert l10n("check", "--fail-on", "warning").exit_code == 1
    assert l10n("check", "--fail-on", "warning", "--ignore", "inconsistent").exit_code == 0
    assert l10n("check", "--fail-on", "warning", "--select", "numbers,glossary").exit_code == 0
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    pyproject.write_text(text + '\n[tool.l10n.check]\nfail-on = "warning"\n', encoding="utf-8")
    assert l10n("check").exit_code == 1  # the policy in the settings, too


def test_json_report_carries_code_severity_path_and_line(project):
    build(project, _case(TWO_ARTICLES))
    result = l10n("check", "--format", "json", "--fail-on", "warning")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["summary"] == {"errors": 0, "warnings": 1}
    (finding,) = report["findings"]
    entry = _entries(project, ["second", "en"], "會議在成都召開。")[0]
    first = _entries(project, ["first", "en"], "會議在成都召開。")[0]
    assert finding == {
        "code": "inconsistent",
        "severity": "warning",
        "path": "locales/en/LC_MESSAGES/second.po",
        "line": entry.linenum,
        "segment": finding["segment"],
        "message": 'reviewed as "The conference took place in Chengdu." here but as '
        f'"The meeting was held in Chengdu." in locales/en/LC_MESSAGES/first.po:{first.linenum}',
    }
    assert finding["segment"] in entry.comment  # `#. paragraph <id>`
    assert _findings("--ignore", "inconsistent") == (0, [])


def test_junit_and_github_reports(project):
    build(project, _case(TWO_ARTICLES))
    root = ET.fromstring(l10n("check", "--format", "junit").stdout)
    strict = ET.fromstring(l10n("check", "--format", "junit", "--fail-on", "warning").stdout)
    suites = zip(root.findall("testsuite"), strict.findall("testsuite"), strict=True)
    for suite, failing_suite in suites:
        names = [c.get("name") for c in suite.findall("testcase")]
        assert names == list(known_codes()) and "inconsistent" in names
        case = next(c for c in suite.findall("testcase") if c.get("name") == "inconsistent")
        failing = next(
            c for c in failing_suite.findall("testcase") if c.get("name") == "inconsistent"
        )
        reported = suite.get("name") == "locales/en/LC_MESSAGES/second.po"
        assert case.find("failure") is None  # a warning: listed, not failed
        assert (case.find("system-out") is not None) == reported
        assert (failing.find("failure") is not None) == reported
    selected = ET.fromstring(l10n("check", "--format", "junit", "--select", "inconsistent").stdout)
    assert {c.get("name") for c in selected.iter("testcase")} == {"inconsistent"}
    ignored = ET.fromstring(l10n("check", "--format", "junit", "--ignore", "inconsistent").stdout)
    assert "inconsistent" not in {c.get("name") for c in ignored.iter("testcase")}
    lines = l10n("check", "--format", "github").stdout.splitlines()
    line = _entries(project, ["second", "en"], "會議在成都召開。")[0].linenum
    assert any(
        a.startswith(f"::warning file=locales/en/LC_MESSAGES/second.po,line={line},")
        and "title=l10n inconsistent::reviewed as " in a
        for a in lines
    )


def test_only_the_catalogs_of_the_sources_checked_are_compared(project):
    build(project, _case(TWO_ARTICLES))
    assert _findings("seeds/second.txt")[1] == []
    assert len(_findings("seeds/first.txt", "seeds/second.txt")[1]) == 1


def test_the_code_is_known_to_the_gate(project):
    assert CONSISTENCY_CODES == ("inconsistent",)
    assert "inconsistent" in known_codes()
    l10n_ok("extract")
    assert l10n("check", "--select", "inconsistent").exit_code == 0
    assert l10n("check", "--ignore", "inconsistent,numbers").exit_code == 0
    bad = l10n("check", "--select", "inconsistency")
    assert bad.exit_code == 2 and "unknown check code(s): inconsistency" in bad.stderr


def test_the_committed_seed_catalog_is_consistent_with_itself():
    catalog = polib.pofile(str(ROOT / PO))
    assert check_consistency([(PO.as_posix(), "en", catalog)]) == []
    twice = check_consistency([(PO.as_posix(), "en", catalog), ("copy.po", "en", catalog)])
    assert twice == []


# The pure function, over catalogs built in memory: what the CLI cases cannot reach.


def _catalog(*entries: polib.POEntry) -> polib.POFile:
    catalog = polib.POFile()
    for line, entry in enumerate(entries, start=1):
        entry.linenum = 10 * line
        catalog.append(entry)
    return catalog


def test_a_context_keeps_two_meanings_apart():
    """gettext's msgctxt: the same text in two contexts may be translated two ways."""
    a = _catalog(polib.POEntry(msgid="會議", msgstr="Meeting", msgctxt="title"))
    b = _catalog(
        polib.POEntry(msgid="會議", msgstr="the meeting", msgctxt="body"),
        polib.POEntry(msgid="會議", msgstr="The meeting", msgctxt="title"),
    )
    findings = check_consistency([("a.po", "en", a), ("b.po", "en", b)])
    assert [(f.path, f.line, f.severity) for f in findings] == [("b.po", 20, Severity.WARNING)]
    assert findings[0].message == 'reviewed as "The meeting" here but as "Meeting" in a.po:10'


def test_a_message_never_carries_invisible_characters():
    a = _catalog(polib.POEntry(msgid="會議", msgstr="The meeting"))
    b = _catalog(polib.POEntry(msgid="會議", msgstr='The \u202emeeting\u202c "quoted"\n\\'))
    (finding,) = check_consistency([("a.po", "en", a), ("b.po", "en", b)])
    assert "\u202e" not in finding.message and "\n" not in finding.message
    assert finding.message.startswith(
        'reviewed as "The \\u202emeeting\\u202c \\"quoted\\"\\n\\\\" here but as "The meeting"'
    )


def test_whitespace_only_translations_take_no_part():
    a = _catalog(polib.POEntry(msgid="會議", msgstr="   "))
    b = _catalog(polib.POEntry(msgid="會議", msgstr="The meeting"))
    assert check_consistency([("a.po", "en", a), ("b.po", "en", b)]) == []
