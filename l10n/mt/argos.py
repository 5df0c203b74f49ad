"""The `argos` engine: an installed Argos package run directly with CTranslate2.

All pending segments go to one `translate_batch` call (CTranslate2 sorts and
splits them into batches), tokenized with the package's SentencePiece model
and decoded here, with the package's target prefix applied and removed.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from ..script import convert, is_simplified, is_traditional
from . import MTSettings, NoModelError, Progress
from .packages import Package, PackageError, installed


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
    def __init__(self, package: Package, mt: MTSettings, conversion: str | None) -> None:
        self.package = package
        self.mt = mt
        self.conversion = conversion
        settings = f"beam {mt.beam_size}, {mt.compute_type}"
        if conversion:
            settings += f", opencc {conversion}"
        self.provenance = f"argos {package.name} {package.version} ({settings})"
        self._translator = None
        self._tokenizer = None

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
        """The package's CTranslate2 model, loaded once with the configured threads."""
        if self._translator is None:
            import ctranslate2

            try:
                self._translator = ctranslate2.Translator(
                    str(self.package.model),
                    device="cpu",
                    compute_type=self.mt.compute_type,
                    inter_threads=self.mt.workers or os.cpu_count() or 1,
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

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        if not texts:
            return []
        tokenizer = self.tokenizer()
        tokens = self.tokenize(texts)
        translator = self.translator()
        prefix = self.package.target_prefix
        results = translator.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            max_batch_size=self.mt.max_batch_size,
            batch_type=self.mt.batch_type,
            beam_size=self.mt.beam_size,
            max_decoding_length=self.mt.max_decoding_length,
            replace_unknowns=True,
            asynchronous=True,
        )
        outputs = []
        for done, result in enumerate(results, start=1):
            while progress and not result.done():
                time.sleep(0.05)
            hypothesis = result.result().hypotheses[0]
            if prefix and hypothesis[:1] == [prefix]:
                hypothesis = hypothesis[1:]
            outputs.append(tokenizer.decode_pieces(hypothesis).strip())
            if progress:
                progress(done, len(texts))
        return outputs
