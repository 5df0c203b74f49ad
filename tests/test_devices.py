"""Where the Argos engine runs: `device`, `device-index` and the GPU compute type.

This machine may have no CUDA GPU: the placement rules are checked against a
given GPU count, and the real CTranslate2 decides what `auto` and `cuda` do here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.errors import SettingsError
from l10n.mt.argos import ArgosSettings
from l10n.mt.argos.engine import place, usable_cores
from l10n.settings import from_table

from .conftest import l10n
from .test_mt import _set_mt, live_entries


def argos(**table) -> ArgosSettings:
    return from_table({"mt": {"argos": table}}, Path(".")).mt.settings_of("argos")


def test_auto_is_the_cpu_without_a_gpu_and_the_gpus_with_them():
    assert place(argos(), 0).device == "cpu"
    assert place(argos(), 0).compute_type == "int8"
    assert place(argos(), 0).workers == usable_cores()
    on_gpus = place(argos(**{"device-index": [0, 1]}), 2)
    assert (on_gpus.device, on_gpus.device_index) == ("cuda", (0, 1))
    assert on_gpus.compute_type == "int8_float16"
    assert on_gpus.workers == 1
    half = place(argos(device="cuda", **{"cuda-compute-type": "float16", "workers": 2}), 1)
    assert (half.compute_type, half.workers, half.note) == ("float16", 2, ", cuda")
    assert place(argos(device="cpu"), 4).device == "cpu"


def test_cuda_without_a_gpu_or_a_missing_gpu_is_one_clear_error():
    with pytest.raises(SettingsError, match='device = "cuda", but CTranslate2 finds no CUDA GPU'):
        place(argos(device="cuda"), 0)
    with pytest.raises(SettingsError, match="device-index 2: there are 2 CUDA GPU"):
        place(argos(device="cuda", **{"device-index": [1, 2]}), 2)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"device": "gpu"}, "device must be auto or cpu or cuda"),
        ({"device-index": []}, "device-index must be a GPU number or a list"),
        ({"device-index": [0, 0]}, "device-index must be a GPU number or a list"),
        ({"device-index": [-1]}, "device-index must be a GPU number or a list"),
        ({"device-index": "0"}, "device-index must be a GPU number or a list"),
        ({"cuda-compute-type": "int4"}, "cuda-compute-type must be int8_float16 or"),
    ],
)
def test_bad_device_settings_are_refused(table, message):
    with pytest.raises(SettingsError, match=message):
        argos(**table)


def test_one_gpu_number_is_a_list_of_one():
    assert argos(**{"device-index": 1}).device_index == (1,)


def test_translate_on_this_machine_follows_what_ctranslate2_finds(project, packages, package_file):
    import ctranslate2

    assert l10n("models", "install", str(package_file)).exit_code == 0
    assert l10n("extract").exit_code == 0
    _set_mt(project, 'compute-type = "int8"', 'compute-type = "int8"\ndevice = "cuda"')
    result = l10n("translate")
    if ctranslate2.get_cuda_device_count() == 0:
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert 'device = "cuda", but CTranslate2 finds no CUDA GPU here' in result.stderr
        assert not any(e.msgstr for e in live_entries(project))
        _set_mt(project, 'device = "cuda"', 'device = "auto"')
        result = l10n("translate")
    assert result.exit_code == 0, result.stderr
    assert all(e.msgstr for e in live_entries(project))
