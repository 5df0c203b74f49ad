"""`l10n check`: content checks from a case file, the gate, and the report formats."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import polib
import pytest

from l10n.checks import ALIGNMENT_CODES, CHECKS, CONSISTENCY_CODES, THRESHOLD_CODES, Context
from l10n.errors import GlossaryError

from .conftest import DATA, PO, ROOT, l10n

CASES = json.loads((DATA / "check_cases.json").read_text(encoding="utf-8"))
CONTEXT = Context({"習近平": "Xi Jinping"})


@pytest.mark.parametrize("case", CASES, ids=[f"{c['check']}-{n}" for n, c in enumerate(CASES)])
def test_content_check_cases(case):
    if case.get("xfail"):
        pytest.xfail(case["xfail"])
    found = sorted(
        code
        for code, check in CHECKS.items()
        if check.run(case["source"], case["translation"], CONTEXT)
    )
    assert found == case["expected"]
    if "messages" in case:  # one message per distinct number, with its count
        messages = CHECKS[case["check"]].run(case["source"], case["translation"], CONTEXT)
        assert messages == case["messages"]


def test_every_check_has_a_true_positive_and_a_true_negative():
    for code in CHECKS:
        relevant = [c for c in CASES if c["check"] == code]
        assert any(code in c["expected"] for c in relevant), code
        assert any(code not in c["expected"] for c in relevant), code


def test_the_committed_showcase_is_clean():
    """The repository's reviewed English catalog: no errors, no warnings, all reviewed."""
    catalog = polib.pofile(str(ROOT / PO))
    live = [e for e in catalog if not e.obsolete]
    assert live and all(e.msgstr and not e.fuzzy for e in live)
    result = l10n(
        "check",
        "--format",
        "json",
        "--fail-on",
        "warning",
        "--min-reviewed",
        "100",
        str(ROOT / "seeds" / "sichuan-police-conference-2020.txt"),
    )
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["summary"] == {"errors": 0, "warnings": 0}


def _machine_like(project):
    """A catalog with typical MT errors in three entries, the rest reviewed copies."""
    assert l10n("extract").exit_code == 0
    catalog = polib.pofile(str(project / PO))
    for entry in catalog:
        entry.msgstr = "Translated sentence about the conference."
    catalog[0].msgstr = "The 四川 police conference of 2021"  # Han left, 2020 → 2021
    catalog[1].msgstr = "Source: China.org.cn (time: 2020-03-25 18:08:57, editor: Liu Yinghong"
    catalog[2].msgstr = "the the the the meeting"
    catalog[2].flags.append("fuzzy")
    catalog.save()
    return catalog


def test_exit_codes_and_json_structure(project):
    _machine_like(project)
    result = l10n("check", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) == {"version", "sources", "catalogs", "summary", "findings"}
    assert report["version"] == 1
    finding = report["findings"][0]
    assert set(finding) == {"code", "severity", "path", "message", "line", "segment"}
    codes = {f["code"] for f in report["findings"]}
    assert {"han-left", "numbers", "brackets", "repetition"} <= codes
    han = next(f for f in report["findings"] if f["code"] == "han-left")
    assert han["path"] == PO.as_posix() and han["line"] > 0 and len(han["segment"]) == 8


def test_select_ignore_and_fail_on(project):
    _machine_like(project)
    only = json.loads(l10n("check", "--format", "json", "--select", "brackets").stdout)
    assert {f["code"] for f in only["findings"]} == {"brackets"}
    rest = json.loads(l10n("check", "--format", "json", "--ignore", "numbers,han-left").stdout)
    assert not {"numbers", "han-left"} & {f["code"] for f in rest["findings"]}
    warnings_only = l10n("check", "--select", "length-ratio,numbers-extra")
    assert warnings_only.exit_code == 0
    assert (
        l10n("check", "--select", "length-ratio,numbers-extra", "--fail-on", "warning").exit_code
        == 1
    )
    bad = l10n("check", "--select", "no-such-check")
    assert bad.exit_code == 2 and "unknown check code" in bad.stderr


def test_thresholds(project):
    _machine_like(project)
    base = ["check", "--format", "json", "--select", "min-reviewed,max-fuzzy"]
    assert l10n(*base, "--min-reviewed", "90", "--max-fuzzy", "1").exit_code == 0
    failing = l10n(*base, "--min-reviewed", "99", "--max-fuzzy", "0")
    assert failing.exit_code == 1
    assert {f["code"] for f in json.loads(failing.stdout)["findings"]} == {
        "min-reviewed",
        "max-fuzzy",
    }


@pytest.mark.parametrize(
    "mark",
    [
        ("comment", "l10n-ignore: numbers, numbers-extra"),
        ("flags", ["l10n-ignore:numbers", "l10n-ignore:numbers-extra"]),  # the older form
    ],
)
def test_an_ignore_mark_silences_a_check_and_survives_extraction(project, mark):
    _machine_like(project)
    catalog = polib.pofile(str(project / PO))
    if mark[0] == "comment":
        catalog[0].tcomment = f"A note of the translator's.\n{mark[1]}"
    else:
        catalog[0].flags += mark[1]
    catalog.save()
    assert l10n("extract").exit_code == 0
    written = (project / PO).read_text("utf-8")
    assert "# l10n-ignore: numbers, numbers-extra\n" in written
    assert "l10n-ignore:numbers" not in written
    if mark[0] == "comment":
        assert "# A note of the translator's.\n" in written
    report = json.loads(l10n("check", "--format", "json").stdout)
    first_line = polib.pofile(str(project / PO))[0].linenum
    numbers = [f for f in report["findings"] if f["code"].startswith("numbers")]
    assert all(f["line"] != first_line for f in numbers)
    assert any(f["code"] == "han-left" and f["line"] == first_line for f in report["findings"])


def test_junit_report(project):
    _machine_like(project)
    result = l10n("check", "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "locales/sichuan-police-conference-2020.pot",
        PO.as_posix(),
    ]
    total = failures = 0
    for suite in suites:
        cases = suite.findall("testcase")
        failed = [c for c in cases if c.find("failure") is not None]
        codes = len(ALIGNMENT_CODES) + len(CHECKS) + len(CONSISTENCY_CODES) + len(THRESHOLD_CODES)
        assert int(suite.get("tests")) == len(cases) == codes
        assert int(suite.get("failures")) == len(failed)
        assert {c.get("name") for c in cases} >= set(CHECKS)
        total += len(cases)
        failures += len(failed)
    assert int(root.get("tests")) == total and int(root.get("failures")) == failures
    report = json.loads(l10n("check", "--format", "json").stdout)
    errors = {(f["path"], f["code"]) for f in report["findings"] if f["severity"] == "error"}
    assert failures == len(errors) and len(errors) < len(
        {(f["path"], f["code"]) for f in report["findings"]}
    )  # warnings are there too, and are no failures
    assert root.get("timestamp") and float(root.get("time")) > 0
    assert all(s.get("timestamp") and float(s.get("time")) >= 0 for s in suites)


def test_junit_with_only_warnings_reports_no_failure(project):
    _machine_like(project)
    warnings = ("--select", "numbers-extra,length-ratio,inconsistent")
    report = json.loads(l10n("check", "--format", "json", *warnings).stdout)
    assert report["findings"] and report["summary"]["errors"] == 0
    result = l10n("check", "--format", "junit", *warnings)
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout)
    assert root.get("failures") == "0" and root.find(".//failure") is None
    out = "\n".join(e.text for e in root.iter("system-out"))
    assert all(f["message"] in out for f in report["findings"])
    strict = l10n("check", "--format", "junit", *warnings, "--fail-on", "warning")
    assert strict.exit_code == 1
    failed = ET.fromstring(strict.stdout)
    assert int(failed.get("failures")) == len({(f["path"], f["code"]) for f in report["findings"]})
    assert failed.find(".//system-out") is None


def test_github_annotations(project):
    _machine_like(project)
    lines = l10n("check", "--format", "github").stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert annotations and all(
        line.startswith(("::error file=", "::warning file=")) for line in annotations
    )
    assert any(
        f"file={PO.as_posix()},line=" in line and "title=l10n han-left::" in line
        for line in annotations
    )


def test_catalog_language_mismatch(project):
    assert l10n("extract").exit_code == 0
    text = (project / PO).read_text("utf-8").replace('"Language: en\\n"', '"Language: fr\\n"')
    (project / PO).write_text(text, encoding="utf-8")
    report = json.loads(l10n("check", "--format", "json").stdout)
    assert [f["code"] for f in report["findings"]] == ["catalog-language"]


def test_missing_template_for_a_source(project):
    (project / "seeds" / "another.txt").write_text("另一篇\n\n內容。\n", encoding="utf-8")
    result = l10n("check", "--format", "json")
    assert result.exit_code == 1
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert {"template-missing", "catalog-missing"} <= codes


GLOSSARIES = [
    ("習近平\tXi Jinping\n# a comment\n\n公安部\t Ministry of Public Security \n", None),
    ("習近平\tXi Jinping\n習近平\tXi Jinping\n", None),  # the same rendering twice is fine
    ("習近平 Xi Jinping\n", "glossary.tsv:1: expected a term, a tab, then its agreed rendering"),
    ("習近平\t\n", "glossary.tsv:1: expected a term, a tab, then its agreed rendering"),
    ("\tXi Jinping\n", "glossary.tsv:1: expected a term, a tab, then its agreed rendering"),
    (
        "習近平\tXi Jinping\n公安部\tMPS\n習近平\tXi\n",
        "glossary.tsv:3: 習近平 is rendered as 'Xi' here but as 'Xi Jinping' at glossary.tsv:1",
    ),
]


@pytest.mark.parametrize("text, error", GLOSSARIES)
def test_glossary_lines_are_read_or_refused_with_their_line(text, error):
    from l10n.checks import read_glossary

    if error is None:
        glossary = read_glossary(text, "glossary.tsv")
        assert glossary["習近平"] == "Xi Jinping"
        assert all(k == k.strip() and v == v.strip() and v for k, v in glossary.items())
    else:
        with pytest.raises(GlossaryError) as raised:
            read_glossary(text, "glossary.tsv")
        assert str(raised.value).startswith(error)


@pytest.mark.parametrize(
    "data, words",
    [
        (b"\xff\xfe\x00bad", "locales/glossary.tsv: not UTF-8 (byte 0)"),
        ("習近平 Xi Jinping\n".encode(), "locales/glossary.tsv:1: expected a term, a tab"),
    ],
)
def test_a_bad_glossary_stops_check_with_one_line(project, data, words):
    assert l10n("extract").exit_code == 0
    (project / "locales" / "glossary.tsv").write_bytes(data)
    result = l10n("check")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"l10n: error: {words}")
    assert result.stderr.count("\n") == 1


def test_a_glossary_with_a_bom_and_crlf_is_read(project):
    assert l10n("extract").exit_code == 0
    po = project / PO
    catalog = polib.pofile(str(po))
    entry = next(e for e in catalog if "習近平" in e.msgid)
    entry.msgstr = "The general secretary gave instructions."
    catalog.save()
    (project / "locales" / "glossary.tsv").write_bytes("\ufeff習近平\tXi Jinping\r\n".encode())
    result = l10n("check", "--select", "glossary", "--format", "json")
    assert result.exit_code == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [f["code"] for f in findings] == ["glossary"]
    assert "Xi Jinping" in findings[0]["message"]


@pytest.mark.parametrize("name", ["tbx2.tbx", "tbx3.tbx"])
def test_tbx_termbases_give_each_chinese_term_its_first_english_term(name):
    from l10n.checks import read_tbx

    glossary = read_tbx((DATA / "glossaries" / name).read_bytes(), name)
    assert glossary["習近平"] == "Xi Jinping"
    assert glossary["公安部"] == "Ministry of Public Security"  # whitespace folded, first term
    assert "只有中文" not in glossary  # no English term: nothing to check
    if name == "tbx2.tbx":
        assert glossary["习近平"] == "Xi Jinping"  # every Chinese variant of the entry


@pytest.mark.parametrize(
    "text, error",
    [
        ("<martif><text><body><termEntry>", "bad.tbx:1: not valid TBX"),
        (
            '<tbx><conceptEntry id="a"><langSec xml:lang="zh"><term>公安部</term></langSec>'
            '<langSec xml:lang="en"><term>MPS</term></langSec></conceptEntry>'
            '<conceptEntry id="b"><langSec xml:lang="zh"><term>公安部</term></langSec>'
            '<langSec xml:lang="en"><term>Ministry</term></langSec></conceptEntry></tbx>',
            "bad.tbx: entry b: 公安部 is rendered as 'Ministry' here "
            "but as 'MPS' at bad.tbx: entry a",
        ),
    ],
)
def test_a_bad_tbx_is_one_error_that_says_where(text, error):
    from l10n.checks import read_tbx

    with pytest.raises(GlossaryError) as raised:
        read_tbx(text, "bad.tbx")
    assert str(raised.value).startswith(error)


def test_check_uses_a_tbx_beside_the_tsv_and_refuses_a_conflict(project):
    assert l10n("extract").exit_code == 0
    catalog = polib.pofile(str(project / PO))
    entry = next(e for e in catalog if "公安部" in e.msgid)
    entry.msgstr = "The ministry made plans."
    catalog.save()
    locales = project / "locales"
    (locales / "glossary.tbx").write_bytes((DATA / "glossaries" / "tbx3.tbx").read_bytes())
    result = l10n("check", "--select", "glossary", "--format", "json")
    assert result.exit_code == 1, result.stderr
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    assert "glossary: '公安部' should be translated as 'Ministry of Public Security'" in messages

    (locales / "glossary.tsv").write_text("公安部\tMPS\n", encoding="utf-8")
    result = l10n("check")
    assert result.exit_code == 2
    assert result.stderr == (
        "l10n: error: locales/glossary.tbx: 公安部 is rendered as 'Ministry of Public Security' "
        "here but as 'MPS' at locales/glossary.tsv\n"
    )
