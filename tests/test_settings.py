"""Settings from `[tool.l10n]`: valid tables load, each bad value is one clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from l10n.errors import SettingsError
from l10n.settings import Settings, from_table

from .conftest import l10n

CASES = json.loads((Path(__file__).parent / "data" / "settings_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[json.dumps(c["table"]) for c in CASES])
def test_settings_table(case):
    if case.get("ok"):
        assert isinstance(from_table(case["table"], Path(".")), Settings)
    else:
        with pytest.raises(SettingsError) as caught:
            from_table(case["table"], Path("."))
        assert case["error"] in str(caught.value)


def test_whole_numbers_are_accepted_where_a_fraction_is_expected():
    settings = from_table({"mt": {"argos": {"length-factor": 2}}}, Path("."))
    assert settings.mt.settings_of("argos").length_factor == 2.0


def test_a_bad_pattern_is_one_line_and_exit_2(project):
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace("[tool.l10n]\n", "[tool.l10n]\nbyline = '('\n", 1)
    pyproject.write_text(text, encoding="utf-8")
    result = l10n("run")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("l10n: error: [tool.l10n] byline: '(' is not a regular")
    assert not (project / "locales").exists()


def test_engine_settings_in_the_old_place_still_work_with_a_notice():
    old = from_table({"mt": {"beam-size": 2, "length-factor": 2}}, Path("."))
    new = from_table({"mt": {"argos": {"beam-size": 2, "length-factor": 2}}}, Path("."))
    assert old.mt.settings_of("argos") == new.mt.settings_of("argos")
    assert new.notices == ()
    assert old.notices == (
        "[tool.l10n.mt] beam-size, length-factor: these settings now go in "
        "[tool.l10n.mt.argos]; the old place still works but is deprecated",
    )


def test_a_deprecation_is_one_warning_line_and_the_command_runs(project):
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    assert "\n[tool.l10n.mt.argos]\n" in text
    pyproject.write_text(text.replace("\n[tool.l10n.mt.argos]\n", "\n"), encoding="utf-8")
    result = l10n("extract")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("l10n: warning: [tool.l10n.mt] beam-size, workers,")
    assert "deprecated" in result.stderr
