"""The Argos engine: an installed Argos package run directly with CTranslate2.

All pending segments go to one `translate_batch` call (CTranslate2 sorts and
splits them into batches), tokenized with the package's SentencePiece model
and decoded here, with the package's target prefix applied and removed.
Outputs that reach `max_decoding_length` are decoded once more, each with room
for `length_factor` tokens per source token, so that a long sentence is not cut;
whatever still reaches its limit is reported as such. (Going on from the cut
output instead, as a target prefix, was measured: CTranslate2 decodes a prefix
step by step, at the cost of decoding it, so nothing is saved, and beam search
would then differ from a search with room from the start.) `timings` keeps the
seconds of each phase of the last call, for benchmarks.
"""

from __future__ import annotations

import math
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from ...errors import NoModelError, PackageError, SettingsError
from ...parallel import usable_cores
from ...script import convert, is_simplified, is_traditional
from .. import Progress, Translation
from . import ArgosSettings
from .packages import Package, installed

# CTranslate2 reads at most 1,024 source tokens (its max_input_length; longer sources are
# cut); no output needs more than 3 tokens per source token.
MAX_INPUT = 1024
MAX_ROOM = 3 * MAX_INPUT


@dataclass(frozen=True)
class Placement:
    """Where CTranslate2 runs the model: a device, its numbers, a compute type, workers."""

    device: str
    device_index: tuple[int, ...]
    compute_type: str
    workers: int  # translators on each device (inter_threads)

    @property
    def note(self) -> str:
        """How the placement shows in the provenance: nothing for the CPU."""
        return "" if self.device == "cpu" else f", {self.device}"


def place(mt: ArgosSettings, cuda_devices: int) -> Placement:
    """Where to run with these settings, on a machine where CTranslate2 finds `cuda_devices`
    CUDA devices (`ctranslate2.get_cuda_device_count()`); SettingsError when `cuda` is asked
    for and cannot be had."""
    where = "[tool.l10n.mt.argos]"
    if mt.device == "cpu" or (mt.device == "auto" and cuda_devices == 0):
        return Placement("cpu", (0,), mt.compute_type, mt.workers or usable_cores())
    if cuda_devices == 0:
        raise SettingsError(
            f'{where} device = "cuda", but CTranslate2 finds no CUDA GPU here; '
            'use device = "auto" (the CPU when there is no GPU) or "cpu"'
        )
    missing = [i for i in mt.device_index if i >= cuda_devices]
    if missing:
        raise SettingsError(
            f"{where} device-index {missing[0]}: there are {cuda_devices} CUDA GPU(s) here, "
            f"numbered 0 to {cuda_devices - 1}"
        )
    return Placement("cuda", mt.device_index, mt.cuda_compute_type, mt.workers or 1)


def choose_package(
    packages_dir: Path, source_language: str, target: str, opencc: str
) -> tuple[Package, str | None]:
    """The package to use and the OpenCC config to apply to its input (None: as is)."""
    language = source_language.lower()
    by_pair = {(p.from_code, p.to_code): p for p in installed(packages_dir)}
    if is_traditional(language):
        if ("zt", target) in by_pair:
            return by_pair[("zt", target)], None
        if ("zh", target) in by_pair:
            return by_pair[("zh", target)], opencc
        wanted = f"zh→{target} (or zt→{target})"
    elif is_simplified(language):
        if ("zh", target) in by_pair:
            return by_pair[("zh", target)], None
        wanted = f"zh→{target}"
    else:
        code = language.split("-")[0]
        if (code, target) in by_pair:
            return by_pair[(code, target)], None
        wanted = f"{code}→{target}"
    code = wanted.split("→")[0]
    raise NoModelError(
        f"no {wanted} Argos package is installed in {packages_dir}; install one with "
        f"`l10n models install translate-{code}_{target}` (online) or "
        f"`l10n models install FILE.argosmodel`"
    )


class ArgosEngine:
    def __init__(self, package: Package, mt: ArgosSettings, conversion: str | None) -> None:
        import ctranslate2

        self.package = package
        self.mt = mt
        self.conversion = conversion
        self.placement = place(mt, ctranslate2.get_cuda_device_count())
        settings = f"beam {mt.beam_size}, {self.placement.compute_type}{self.placement.note}"
        if conversion:
            settings += f", opencc {conversion}"
        self.provenance = f"argos {package.name} {package.version} ({settings})"
        self.limits = "[tool.l10n.mt.argos] max-decoding-length, length-factor"
        self._translator = None
        self._tokenizer = None
        self.timings: dict[str, float] = {}  # phase → seconds, of the last translate()

    @contextmanager
    def _phase(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start

    @property
    def on_gpu(self) -> bool:
        return self.placement.device == "cuda"

    def portable(self, cpus: int) -> ArgosEngine:
        """A fresh copy, not yet loaded, running `cpus` batches at once (for a Ray actor)."""
        return ArgosEngine(self.package, replace(self.mt, workers=cpus), self.conversion)

    def _fail(self, err: Exception) -> PackageError:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        return PackageError(
            f"cannot load package {self.package.name} from {self.package.path}: {reason}"
        )

    def tokenizer(self):
        """The package's SentencePiece model, loaded once."""
        if self._tokenizer is None:
            import sentencepiece

            try:
                self._tokenizer = sentencepiece.SentencePieceProcessor(
                    model_file=str(self.package.tokenizer)
                )
            except (RuntimeError, ValueError, OSError) as err:
                raise self._fail(err) from err
        return self._tokenizer

    def translator(self):
        """The package's CTranslate2 model, loaded once where `placement` says."""
        if self._translator is None:
            import ctranslate2

            try:
                self._translator = ctranslate2.Translator(
                    str(self.package.model),
                    device=self.placement.device,
                    device_index=list(self.placement.device_index),
                    compute_type=self.placement.compute_type,
                    inter_threads=self.placement.workers,
                    intra_threads=self.mt.threads,
                )
            except (RuntimeError, ValueError, OSError) as err:
                raise self._fail(err) from err
        return self._translator

    def tokenize(self, texts: list[str]) -> list[list[str]]:
        tokenizer = self.tokenizer()
        if self.conversion:
            texts = [convert(text, self.conversion) for text in texts]
        return [tokenizer.encode(text, out_type=str) for text in texts]

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[Translation]:
        self.timings = {}
        if not texts:
            return []
        with self._phase("load"):
            self.translator()
        with self._phase("tokenize"):
            tokens = self.tokenize(texts)
        cap = self.mt.max_decoding_length
        limits = [cap] * len(texts)
        with self._phase("decode"):
            hypotheses = self.decode(tokens, limits, progress)
        again = [
            i
            for i, hypothesis in enumerate(hypotheses)
            if len(hypothesis) >= cap and self.room(tokens[i]) > cap
        ]
        if again:
            rooms = [self.room(tokens[i]) for i in again]
            with self._phase("decode cut outputs again"):
                redone = self.decode(
                    [tokens[i] for i in again], rooms, progress, "translating cut outputs again"
                )
            for i, hypothesis, room in zip(again, redone, rooms, strict=True):
                hypotheses[i], limits[i] = hypothesis, room
        with self._phase("detokenize"):
            return [
                Translation(
                    self._detokenize(hypothesis),
                    limit if len(hypothesis) >= limit else None,
                    MAX_INPUT if len(source) > MAX_INPUT else None,
                )
                for hypothesis, limit, source in zip(hypotheses, limits, tokens, strict=True)
            ]

    def _detokenize(self, hypothesis: list[str]) -> str:
        prefix = self.package.target_prefix
        if prefix and hypothesis[:1] == [prefix]:
            hypothesis = hypothesis[1:]
        return self.tokenizer().decode_pieces(hypothesis).strip()

    def room(self, source: list[str]) -> int:
        """The output length a source of these tokens may need."""
        return min(math.ceil(self.mt.length_factor * len(source)), MAX_ROOM)

    def decode(
        self,
        tokens: list[list[str]],
        limits: list[int],
        progress: Progress | None = None,
        stage: str = "translating",
    ) -> list[list[str]]:
        """The best hypothesis of each source, at most its limit in tokens (a target prefix,
        kept on, counts). One asynchronous `translate_batch` call per distinct limit, all
        queued before any is awaited, so that the workers share them."""
        prefix = self.package.target_prefix
        max_batch_size, batch_type = self.mt.batching
        by_limit: dict[int, list[int]] = {}
        for i, limit in enumerate(limits):
            by_limit.setdefault(limit, []).append(i)
        pending = []
        for limit, indices in by_limit.items():
            results = self.translator().translate_batch(
                [tokens[i] for i in indices],
                target_prefix=[[prefix]] * len(indices) if prefix else None,
                max_batch_size=max_batch_size,
                batch_type=batch_type,
                beam_size=self.mt.beam_size,
                max_decoding_length=limit,
                replace_unknowns=True,
                asynchronous=True,
            )
            pending.extend(zip(indices, results, strict=True))
        hypotheses: list[list[str]] = [[] for _ in tokens]
        for done, (i, result) in enumerate(pending, start=1):
            while progress and not result.done():
                time.sleep(0.05)
            hypotheses[i] = result.result().hypotheses[0]
            if progress:
                progress(done, len(tokens), stage)
        return hypotheses
