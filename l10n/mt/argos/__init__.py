"""The `argos` engine: Argos Translate packages run directly with CTranslate2.

Its settings are `[tool.l10n.mt.argos]`; its packages live where argospm and
LibreTranslate keep them (`packages.packages_dir`). The engine itself is in
`engine`, package management in `packages` and `index`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from ...errors import SettingsError

if TYPE_CHECKING:
    from ...settings import Settings
    from .engine import ArgosEngine

BATCH_TYPES = ("examples", "tokens")
COMPUTE_TYPES = ("int8", "int8_float32", "int16", "float32", "auto", "default")
CUDA_COMPUTE_TYPES = (
    "int8_float16",
    "float16",
    "int8_bfloat16",
    "bfloat16",
    "int8",
    "int8_float32",
    "float32",
    "auto",
    "default",
)
DEVICES = ("auto", "cpu", "cuda")


@dataclass(frozen=True)
class ArgosSettings:
    beam_size: int = 4
    workers: int = 0  # batches translated in parallel; 0: one per usable core
    threads: int = 1  # threads per worker
    compute_type: str = "int8"
    # Batches for beam search, and for greedy search (beam 1, draft), which gains from
    # larger batches of sources of like length (counted in padded tokens).
    max_batch_size: int = 4
    batch_type: str = "examples"
    draft_max_batch_size: int = 1024
    draft_batch_type: str = "tokens"
    max_decoding_length: int = 256  # tokens per output in the batched pass
    # Outputs that reach max_decoding_length are decoded again, each with room for
    # this many tokens per source token (long sentences need more than the cap).
    length_factor: float = 3.0
    # "auto": the GPUs CTranslate2 finds (CUDA), else the CPU; "cpu"; "cuda" (an error
    # where there is none). On GPUs: one model per listed device, workers on each,
    # cuda-compute-type instead of compute-type.
    device: str = "auto"
    device_index: tuple[int, ...] = (0,)
    cuda_compute_type: str = "int8_float16"

    @property
    def batching(self) -> tuple[int, str]:
        """CTranslate2's (max_batch_size, batch_type) for this beam size."""
        if self.beam_size == 1:
            return self.draft_max_batch_size, self.draft_batch_type
        return self.max_batch_size, self.batch_type


def read_settings(table: Mapping[str, Any], where: str) -> ArgosSettings:
    """ArgosSettings from a TOML table; `where` names the table in errors."""
    defaults = ArgosSettings()
    known = {f.name for f in fields(ArgosSettings)}
    values = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise SettingsError(f"{where} unknown setting {key!r}")
        default = getattr(defaults, name)
        if name == "device_index":
            values[name] = _device_index(value, f"{where} {key}")
            continue
        if isinstance(default, float) and type(value) is int:
            value = float(value)
        if type(value) is not type(default):
            raise SettingsError(f"{where} {key} must be of type {type(default).__name__}")
        values[name] = value
    argos = ArgosSettings(**values)
    problems = [
        f"{key} must be {rule}"
        for key, ok, rule in (
            ("beam-size", argos.beam_size >= 1, "at least 1"),
            ("max-batch-size", argos.max_batch_size >= 1, "at least 1"),
            ("draft-max-batch-size", argos.draft_max_batch_size >= 1, "at least 1"),
            ("max-decoding-length", argos.max_decoding_length >= 1, "at least 1"),
            ("length-factor", argos.length_factor >= 1, "at least 1"),
            ("workers", argos.workers >= 0, "0 (one per core) or more"),
            ("threads", argos.threads >= 0, "0 or more"),
            ("batch-type", argos.batch_type in BATCH_TYPES, "examples or tokens"),
            ("draft-batch-type", argos.draft_batch_type in BATCH_TYPES, "examples or tokens"),
            ("compute-type", argos.compute_type in COMPUTE_TYPES, " or ".join(COMPUTE_TYPES)),
            (
                "cuda-compute-type",
                argos.cuda_compute_type in CUDA_COMPUTE_TYPES,
                " or ".join(CUDA_COMPUTE_TYPES),
            ),
            ("device", argos.device in DEVICES, " or ".join(DEVICES)),
        )
        if not ok
    ]
    if problems:
        raise SettingsError(f"{where} {problems[0]}")
    return argos


def _device_index(value: Any, where: str) -> tuple[int, ...]:
    """`device-index`: one GPU number, or a list of them."""
    numbers = [value] if type(value) is int else value
    if (
        not isinstance(numbers, list)
        or not numbers
        or any(type(n) is not int or n < 0 for n in numbers)
        or len(set(numbers)) != len(numbers)
    ):
        raise SettingsError(f"{where} must be a GPU number or a list of distinct ones (0, 1, …)")
    return tuple(numbers)


def make_engine(settings: Settings, target: str) -> ArgosEngine:
    """The engine for `target` with the installed package that fits the source language;
    NoModelError when none does. Draft mode is beam search of width 1."""
    from .engine import ArgosEngine, choose_package
    from .packages import packages_dir

    argos: ArgosSettings = settings.mt.settings_of("argos")
    if settings.mt.draft:
        argos = replace(argos, beam_size=1)
    package, conversion = choose_package(
        packages_dir(), settings.source_language, target, settings.opencc_config
    )
    return ArgosEngine(package, argos, conversion)
