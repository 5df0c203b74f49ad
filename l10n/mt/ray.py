"""Machine translation over a Ray cluster: `l10n translate --ray ADDRESS` (or `auto`).

The engine is made here as for a local run (the package is chosen, a missing model is
reported, the provenance is the same); only its `translate` runs elsewhere. The pending
texts become a Ray Data dataset and go through `map_batches` to a pool of actors, each
holding one copy of the engine, that is one CTranslate2 translator, loaded once. The
translations come back to this process, which alone writes the catalogs, under the lock.

An engine that can run on Ray provides `portable(cpus)`: a copy of itself, not yet
loaded, for an actor with that many cores (see `Portable`). The actors import `l10n`
and read the model package where this process found it: on a cluster of several
machines, both must be installed there at the same paths (a shared folder, or the same
image). Ray, an optional extra (`pip install 'l10n[ray]'`), is imported only here.
"""

from __future__ import annotations

import logging
import math
import warnings
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ..errors import L10nError, SettingsError
from . import Engine, Progress, Translation

if TYPE_CHECKING:
    import pandas

BLOCKS_PER_ACTOR = 4  # batches per actor, so that a slow actor does not hold up the rest


class RayError(L10nError):
    """Ray is missing, the cluster cannot be reached, or translating on it failed."""


@runtime_checkable
class Portable(Protocol):
    on_gpu: bool  # whether it runs on GPUs: then one actor per GPU of the cluster

    def portable(self, cpus: int) -> Engine:
        """A fresh copy of the engine, not yet loaded, for an actor with `cpus` cores."""
        ...


def _ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise SettingsError("--ray needs Ray, an optional extra: pip install 'l10n[ray]'") from None
    return ray


class Translate:
    """One actor of the pool: one engine, loaded at the first batch, kept for the next."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __call__(self, batch: pandas.DataFrame) -> pandas.DataFrame:
        outputs = self.engine.translate(list(batch["text"]))
        batch = batch[["index"]].copy()
        batch["text"] = [o.text for o in outputs]
        # -1 for None: a column of ints, whatever the batch
        batch["limit"] = [-1 if o.limit is None else o.limit for o in outputs]
        batch["source_limit"] = [-1 if o.source_limit is None else o.source_limit for o in outputs]
        return batch


class RayEngine:
    """An engine whose `translate` runs on the actors of a Ray cluster."""

    def __init__(self, engine: Engine, address: str) -> None:
        if not isinstance(engine, Portable):
            raise SettingsError(f"--ray: the engine {engine.provenance!r} cannot run on Ray")
        self.local = engine
        self.address = address
        self.provenance = engine.provenance
        self.limits = engine.limits

    def _connect(self):
        ray = _ray()
        if not ray.is_initialized():
            _answers(self.address)
            try:
                ray.init(
                    address=self.address,
                    logging_level=logging.ERROR,
                    log_to_driver=False,
                    configure_logging=True,
                )
            except (ConnectionError, ValueError, RuntimeError) as err:
                reason = str(err).strip().splitlines()[0] if str(err).strip() else ""
                raise RayError(
                    f"--ray {self.address}: cannot connect to a Ray cluster"
                    + (f" ({reason})" if reason else "")
                ) from None
        for name in ("ray", "ray.data"):  # their notices, one per run, are not for our users
            logging.getLogger(name).setLevel(logging.ERROR)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        return ray

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[Translation]:
        if not texts:
            return []
        ray = self._connect()
        engine = self.local
        assert isinstance(engine, Portable)
        gpus = engine.on_gpu
        actors = min(int(ray.cluster_resources().get("GPU" if gpus else "CPU", 0)), len(texts))
        if actors < 1:
            raise RayError(f"--ray {self.address}: the cluster has no {'GPU' if gpus else 'CPU'}")
        blocks = min(len(texts), actors * BLOCKS_PER_ACTOR)
        rows = [{"index": i, "text": text} for i, text in enumerate(texts)]
        dataset = ray.data.from_items(rows, override_num_blocks=blocks)
        with warnings.catch_warnings():
            # max_restarts goes through Ray's generic actor options, now deprecated; without
            # it, Ray prints a notice about restarting actors on every run
            warnings.simplefilter("ignore", DeprecationWarning)
            translated = dataset.map_batches(
                Translate,
                fn_constructor_args=(engine.portable(1),),
                batch_size=math.ceil(len(texts) / blocks),
                batch_format="pandas",
                compute=ray.data.ActorPoolStrategy(min_size=actors, max_size=actors),
                num_cpus=0 if gpus else 1,
                num_gpus=1 if gpus else 0,
                max_restarts=0,  # an actor that fails fails the run, saying why
            )
        outputs: list[Translation | None] = [None] * len(texts)
        done = 0
        try:
            for batch in translated.iter_batches(batch_format="pandas", batch_size=None):
                for row in batch.itertuples(index=False):
                    outputs[row.index] = Translation(
                        row.text,
                        None if row.limit < 0 else int(row.limit),
                        None if row.source_limit < 0 else int(row.source_limit),
                    )
                done += len(batch)
                if progress:
                    progress(done, len(texts), f"translating on Ray ({actors} actors)")
        except ray.exceptions.RayError as err:
            raise RayError(f"--ray {self.address}: translating failed: {_cause(err)}") from None
        missing = [i for i, output in enumerate(outputs) if output is None]
        if missing:
            raise RayError(f"--ray {self.address}: {len(missing)} segments came back untranslated")
        return outputs  # type: ignore[return-value]


def _answers(address: str) -> None:
    """RayError unless something listens at a `HOST:PORT` address (`ray://HOST:PORT` too):
    Ray itself would retry for a minute, printing warnings. `auto` is Ray's to find."""
    import socket

    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        if address != "auto":
            raise RayError(f"--ray {address}: give a cluster's HOST:PORT, or auto")
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()
    except OSError as err:
        raise RayError(
            f"--ray {address}: cannot connect to a Ray cluster ({err.strerror or err})"
        ) from None


def _cause(err: Any) -> str:
    """The first line of what went wrong on an actor, without Ray's traceback."""
    cause = getattr(err, "cause", None) or err
    lines = [line for line in str(cause).splitlines() if line.strip()]
    return lines[-1].strip() if lines else type(cause).__name__
