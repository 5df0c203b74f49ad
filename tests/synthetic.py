"""A real Argos package with random weights, built offline.

A CTranslate2 Transformer written through `ctranslate2.specs` with seeded
random weights, a SentencePiece model trained on given text (with `<unk>`,
`<s>`, `</s>`), `metadata.json`, zipped as `.argosmodel`. Its translations are
nonsense, but installing, loading, tokenizing, batching and decoding are real:
for tests, benchmarks and checking an installation without network access.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Shape:
    encoder_layers: int = 2
    decoder_layers: int = 2
    d_model: int = 64
    heads: int = 4
    ffn: int = 128
    vocab_size: int = 800


TINY = Shape()
# The shape of the Argos zh→en package (OPUS-MT, Transformer-base, shared vocabulary).
TRANSFORMER_BASE = Shape(6, 6, 512, 8, 2048, 65001)


def train_tokenizer(text: str, vocab_size: int) -> bytes:
    import sentencepiece

    model = io.BytesIO()
    lines = [line for line in re.split(r"[\n。！？]", text) if line.strip()]
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        minloglevel=2,
    )
    return model.getvalue()


def _shape_of(name: str, shape: Shape, vocab: int) -> tuple[int, ...]:
    d, f = shape.d_model, shape.ffn
    if (
        name.endswith("embeddings/weight")
        or "embeddings_" in name
        or name.endswith("projection/weight")
    ):
        return (vocab, d)
    if name.endswith(("gamma", "beta")):
        return (d,)
    if "/ffn/linear_0/" in name:
        return (f, d)
    if "/ffn/linear_1/" in name:
        return (d, f)
    if "/self_attention/linear_0/" in name:
        return (3 * d, d)
    if "/attention/linear_1/" in name and "self_attention" not in name:
        return (2 * d, d)
    return (d, d)


def _set(spec, name: str, value) -> None:
    target = spec
    parts = name.split("/")
    for part in parts[:-1]:
        if hasattr(target, part):
            target = getattr(target, part)
        else:
            base, index = part.rsplit("_", 1)
            target = getattr(target, base)[int(index)]
    setattr(target, parts[-1], value)


def write_model(
    folder: Path, vocabulary: list[str], shape: Shape, seed: int, end_bias: float = 0.0
) -> None:
    import numpy as np
    from ctranslate2.specs import transformer_spec

    spec = transformer_spec.TransformerSpec.from_config(
        (shape.encoder_layers, shape.decoder_layers), shape.heads
    )
    rng = np.random.default_rng(seed)
    for name, value in sorted(spec.variables().items()):
        if value is None:
            dims = _shape_of(name, shape, len(vocabulary))
            if name.endswith("gamma"):
                array = np.ones(dims, dtype=np.float32)
            elif name.endswith("beta"):
                array = np.zeros(dims, dtype=np.float32)
            else:
                array = rng.normal(0, 0.02 * 4, dims).astype(np.float32)
            _set(spec, name, array)
    if end_bias:  # make `</s>` likelier, so that some outputs end before any length limit
        bias = np.zeros(len(vocabulary), dtype=np.float32)
        bias[vocabulary.index("</s>")] = end_bias
        spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    folder.mkdir(parents=True, exist_ok=True)
    spec.save(str(folder))


def build_package(
    out: Path,
    training_text: str,
    *,
    from_code: str = "zh",
    to_code: str = "en",
    version: str = "0.1",
    shape: Shape = TINY,
    seed: int = 7,
    vocabulary_size: int | None = None,
    end_bias: float = 0.0,
) -> Path:
    """Write `out` (an .argosmodel zip) and return it."""
    import sentencepiece

    top = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    distinct = len(set(training_text) - set(" \n\r\t"))
    sp_model = train_tokenizer(training_text, max(min(shape.vocab_size, 8000), distinct + 64))
    processor = sentencepiece.SentencePieceProcessor(model_proto=sp_model)
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    wanted = vocabulary_size or len(vocabulary)
    vocabulary += [f"<extra_{i}>" for i in range(max(0, wanted - len(vocabulary)))]
    metadata = {
        "package_version": version,
        "argos_version": "1.0",
        "from_code": from_code,
        "from_name": "Chinese",
        "to_code": to_code,
        "to_name": "English",
        "type": "translate",
    }
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(tmp) / "model"
        write_model(model_dir, vocabulary, shape, seed, end_bias)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{top}/metadata.json", json.dumps(metadata, indent=2))
            archive.writestr(f"{top}/sentencepiece.model", sp_model)
            archive.writestr(f"{top}/README.md", "Random weights: output is nonsense.\n")
            for path in sorted(model_dir.iterdir()):
                archive.write(path, f"{top}/model/{path.name}")
    return out
