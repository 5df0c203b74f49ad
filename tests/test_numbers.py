"""The numbers checks on sentence pairs: correct translations pass, injected errors are found."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from l10n.checks import CHECKS, Context
from l10n.checks.mentions import mentions
from l10n.checks.numbers import compare, extra_messages, missing_messages
from l10n.checks.numerals import chinese_value, scaled
from l10n.checks.quantities import quantities

from .conftest import DATA

PAIRS = json.loads((DATA / "number_pairs.json").read_text(encoding="utf-8"))
CODES = ("numbers", "numbers-extra")
SCRIPTS = {"tw": "zh-TW", "hk": "zh-HK", "mo": "zh-MO", "cn": "zh-CN"}


def findings(pair: dict) -> dict[str, list[str]]:
    context = Context({}, SCRIPTS[pair["region"]])
    found = {code: CHECKS[code].run(pair["source"], pair["translation"], context) for code in CODES}
    return {code: messages for code, messages in found.items() if messages}


def _ids(kind: str) -> list[str]:
    return [f"{kind}-{n}-{pair['region']}" for n, pair in enumerate(PAIRS[kind])]


def _known_gap(pair: dict) -> None:
    if "xfail" in pair:
        pytest.xfail(pair["xfail"])


@pytest.mark.parametrize("pair", PAIRS["pass"], ids=_ids("pass"))
def test_a_correct_translation_has_no_numbers_finding(pair):
    found = findings(pair)
    if found:
        _known_gap(pair)
    assert found == {}
    assert "xfail" not in pair, "a known gap that no longer fails: drop its xfail"


@pytest.mark.parametrize("pair", PAIRS["fail"], ids=_ids("fail"))
def test_an_injected_error_is_found_and_explained(pair):
    found = findings(pair)
    ok = sorted(found) == sorted(pair["expected"]) and any(
        pair["message"] in message for messages in found.values() for message in messages
    )
    if not ok:
        _known_gap(pair)
    assert sorted(found) == sorted(pair["expected"])
    assert any(pair["message"] in m for messages in found.values() for m in messages), found
    assert "xfail" not in pair, "a known gap that no longer fails: drop its xfail"


def test_the_pairs_cover_regions_and_kinds_of_error():
    assert len(PAIRS["pass"]) + len(PAIRS["fail"]) >= 150
    assert {p["region"] for p in PAIRS["pass"]} == set(SCRIPTS)
    kinds = {p["error"] for p in PAIRS["fail"]}
    assert {"dropped", "changed", "scale", "roc", "extra", "second"} <= kinds


def test_a_bare_roc_year_needs_traditional_script():
    """114年 is 2025 in a Taiwan source; with no script given, the segment's own is used."""
    source, translation = "114年營收創新高。", "Revenue hit a record in 2025."
    assert compare(source, translation, "zh-TW").missing == ()
    assert compare(source, translation).missing == ()  # detected: 營收 is Traditional
    assert [q.label for q in compare(source, translation, "zh-CN").missing] == ["114"]
    assert compare("民國114年營收創新高。", translation, "zh-CN").missing == ()


def test_a_number_stated_twice_must_be_written_twice():
    comparison = compare("2019年和2019年", "in 2019 and that year")
    assert [q.label for q in comparison.missing] == ["2019"]
    assert compare("2019年和2019年", "in 2019 and in 2019").missing == ()


@pytest.mark.parametrize(
    ("run", "number"),
    [
        ("三十五萬", 350000),
        ("二〇二五", 2025),
        ("一百零五", 105),
        ("三點五億", 350000000),
        ("一億二千萬", 120000000),
        ("兩千", 2000),
        ("十九", 19),
        ("廿五", 25),
        ("三萬億", 3 * 10**12),
    ],
)
def test_chinese_numerals(run, number):
    assert chinese_value(run) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("HK$106.3 billion", Decimal("106300000000")),
        ("an hour and a half", Decimal("1.5")),
        ("one and a half million", Decimal(1500000)),
        ("three thousand two hundred and five", Decimal(3205)),
        ("twenty-fifth", Decimal(25)),
        ("half a million", Decimal(500000)),
        ("two dozen", Decimal(24)),
        ("US$3m", Decimal(3000000)),
        ("3 p.m.", Decimal(15)),
    ],
)
def test_english_numbers_read_as_values(text, number):
    (mention,) = mentions(text)
    assert number in mention.readings


@pytest.mark.parametrize(
    ("source", "meaning", "expected"),
    [
        ("1,063億元", "106.3 billion", ("106.3 billion", "106,300,000,000")),
        ("3.5萬人", "35,000", ("35 thousand", "35,000")),
        ("民國114年", "2025", ("2025", "ROC 114")),
        ("近3成", "30%", ("30%", "3 in 10")),
        ("8.6‰", "8.6 per thousand", ("8.6 per thousand", "0.86%")),
        ("15時", "15:00", ("15:00", "3 p.m.")),
    ],
)
def test_a_source_number_in_the_readers_terms(source, meaning, expected):
    (quantity,) = quantities(source, "zh-TW")
    assert (quantity.meaning, quantity.expected) == (meaning, expected)


def test_scaled_values():
    assert scaled(Decimal("106300000000")) == "106.3 billion"
    assert scaled(Decimal(35000)) == "35 thousand"
    assert scaled(Decimal(512)) == "512"


@pytest.mark.parametrize(
    ("source", "label", "meaning"),
    [
        ("三名男子", "三名", "3"),
        ("第十四屆", "第十四屆", "14th"),
        ("凌晨兩時", "凌晨兩時", "2 a.m."),
        ("晚上八時", "晚上八時", "8 p.m."),
        ("兩成半", "兩成半", "25%"),
        ("1成半", "1成半", "15%"),
        ("三分之一", "三分之一", "1/3"),
        ("翻一番", "翻一番", "2 times"),
        ("半數", "半數", "half"),
        ("民國一一三年", "民國一一三年", "2024"),
        ("一百一十三年度", "一百一十三年", "2024"),
        ("1,287宗", "1,287", "1,287"),
    ],
)
def test_a_number_in_characters_is_required_in_the_readers_terms(source, label, meaning):
    (quantity,) = [q for q in quantities(source, "zh-TW") if q.required]
    assert (quantity.label, quantity.meaning) == (label, meaning)


def test_half_past_an_hour_is_required_beside_the_hour():
    found = [(q.label, q.meaning) for q in quantities("晚上八時半", "zh-HK") if q.required]
    assert found == [("晚上八時", "8 p.m."), ("八時半", "half past")]


@pytest.mark.parametrize(
    ("source", "translation", "extra"),
    [
        ("警方拘捕一名男子。", "Police arrested a man and two women.", ["two"]),
        ("警方拘捕三名男子。", "Police arrested three men.", []),
        ("雙方同意各讓一步。", "The two sides agreed to meet each other halfway.", []),
        ("收入增加了三分之一。", "Income rose by a third.", []),
        ("他是首位獲獎者。", "He is the first winner, one of the Big Four.", []),
        ("獲發澳門元500元。", "They receive MOP5,000.", ["5,000"]),
        ("G20峰會", "the G20 summit", []),
    ],
)
def test_number_words_and_currency_codes_can_be_extra(source, translation, extra):
    assert [m.text for m in compare(source, translation, "zh-HK").extra] == extra


def test_messages_name_a_time_and_the_occurrence():
    comparison = compare("颱風信號將於下午三時改發。", "The signal will change at 3 a.m.", "zh-HK")
    assert extra_messages(comparison) == [
        "time 3 a.m. is in the translation but not in the source (the source has 下午三時 = 3 p.m.)"
    ]
    comparison = compare("有1人於8月1日受傷。", "One person was injured in August.", "zh-HK")
    assert missing_messages(comparison) == [
        "number 1 is in the source 2 times, in the translation once (in 1人 and 8月1日 = August 1)"
    ]


def test_currency_codes_read_as_amounts():
    (mention,) = mentions("RMB10m")
    assert Decimal(10_000_000) in mention.readings and not mention.name
    assert mentions("G20")[0].name


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("open round-the-clock", Decimal(24)),
        ("held every other year", Decimal(2)),
        ("a year-long project", Decimal(1)),
        ("sales doubling", Decimal(2)),
        ("a quarter of residents", Decimal("0.25")),
    ],
)
def test_phrases_read_as_numbers(text, number):
    assert any(number in mention.readings for mention in mentions(text))


@pytest.mark.parametrize(
    ("source", "translation", "missing"),
    [
        ("減息0.25厘。", "Rates were cut by 25 basis points.", []),
        ("每支上調8角。", "It rises by 80 cents a stick.", []),
        ("產量達700億斤。", "Output reached 35 million tonnes.", []),
        ("113年底人口減少。", "The population fell by the end of 113.", ["113年"]),
        ("113年底人口減少。", "The population fell by the end of ROC year 113.", []),
        ("該校已有120年歷史。", "The school is 120 years old.", []),
        ("上一期持平。", "Unchanged from the previous period.", []),
        ("每兩年舉辦一次。", "It is held every other year.", []),
    ],
)
def test_units_and_words_a_translation_absorbs(source, translation, missing):
    assert [q.label for q in compare(source, translation, "zh-TW").missing] == missing


def test_messages_name_a_month_a_share_and_an_roc_year():
    comparison = compare("今年1至10月產量增長。", "Output rose from January to November.", "zh-CN")
    assert extra_messages(comparison) == [
        "month November is in the translation but not in the source (the source has 10月 = October)"
    ]
    comparison = compare("三分之一的省份", "a quarter of the provinces", "zh-CN")
    assert missing_messages(comparison) == [
        "三分之一 = 1/3: expected 1/3 or 33.3% in the translation"
    ]
    comparison = compare("民國113年", "in 113", "zh-TW")
    assert missing_messages(comparison) == [
        "民國113年 = 2024: expected 2024 or ROC 113 in the translation"
    ]
