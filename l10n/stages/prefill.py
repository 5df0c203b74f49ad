"""Filling extracted catalogs from the providers, a bounded batch of catalogs at a time.

`l10n run` extracts every source (staged, not yet in place), then offers the empty
entries to the providers here: only catalogs with empty entries are read, `BATCH` at a
time, and a catalog whose bytes and providers are as they were when it was last offered
is not offered again (its entries stay empty: the memory and the engines had nothing
for them then and have nothing new now).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from ..catalog import dump_catalog, read_catalog
from ..catalog.header import ensure_language, source_language_of
from ..catalog.status import pending
from ..errors import CatalogError, NoModelError
from ..files import decode_utf8, discard, stage
from ..fingerprints import digest_bytes, fingerprint
from ..parallel import batched
from ..project import CatalogPlan, OnDisk, Written, catalog_path, discover, lock, relative
from ..settings import Settings
from ..state import MISSING, State, load_state
from .extract import Extracted, StagedFile, commit, discard_all
from .translate import (
    Outcome,
    Providers,
    TranslateOptions,
    effective,
    translate_plans,
    untranslated,
)

BATCH = 64  # catalogs read and filled at a time: memory does not grow with the corpus


def translate_key(extracted: Extracted, file: StagedFile) -> str:
    return f"translate {extracted.source.name} {file.language}"


class Prefill:
    """The translation step of a run over extracted sources, and what it recorded."""

    def __init__(self, settings: Settings, options: TranslateOptions, state: State) -> None:
        self.settings = effective(settings, options)
        self.options = options
        self.state = state
        self.providers = Providers()
        self.base = state.base(self.settings)
        self._chains: dict[str, str] = {}
        self.records: list[tuple[str, str, dict]] = []  # (key, catalog digest, notes)

    def chain(self, language: str, source_language: str) -> str:
        """The state of the providers into `language` for catalogs of `source_language`."""
        key = f"{source_language}→{language}"
        if key not in self._chains:
            for_source = replace(self.settings, source_language=source_language)
            self._chains[key] = digest_bytes(self.providers.state(for_source, language).encode())
        return self._chains[key]

    def _current(self, extracted: Extracted, file: StagedFile) -> tuple[str, list] | None:
        """(its source language, short digests of the texts left empty) when the catalog,
        as it is now, was offered to the providers as they are now; None when it was not."""
        step = self.state.step(translate_key(extracted, file))
        if step is None or step.inputs != fingerprint(self.base, file.digest):
            return None
        source = str(step.notes.get("source", ""))
        if step.notes.get("providers") != self.chain(file.language, source):
            return None
        return source, str(step.notes.get("left", "")).split()

    def run(
        self, extracted: list[Extracted]
    ) -> tuple[list[Outcome], list[NoModelError], list[Extracted]]:
        """Fill the empty entries of the extracted catalogs: (what each provider did, the
        languages left without a model, the sources with their files as now staged)."""
        wanted: list[tuple[int, int]] = []
        left: dict[tuple[str, str], set[str]] = {}  # texts still empty, by short digest
        for i, item in enumerate(extracted):
            for j, file in enumerate(item.files):
                if not (file.language and file.pending):
                    continue
                current = self._current(item, file)
                if current is not None:
                    left.setdefault((file.language, current[0]), set()).update(current[1])
                else:
                    wanted.append((i, j))
        outcomes: list[Outcome] = []
        items = list(extracted)
        try:
            for batch in batched(wanted, BATCH):
                plans = [self._plan(items[i], items[i].files[j]) for i, j in batch]
                outcomes += translate_plans(plans, self.settings, self.options, self.providers)[0]
                for (i, j), plan in zip(batch, plans, strict=True):
                    items[i], source, empty = self._restaged(items[i], j, plan)
                    left.setdefault((plan.language, source), set()).update(empty)
        except BaseException:
            discard_all(items)
            raise
        counts = {pair: len(found) for pair, found in left.items()}
        return merge(outcomes), self._missing(counts), items

    def _missing(self, left: dict[tuple[str, str], int]) -> list[NoModelError]:
        """For each language left with empty entries, why: a provider without a model (one
        message per language, the first source language's)."""
        missing: dict[str, NoModelError] = {}
        counts: dict[str, int] = {}
        for (language, source), count in left.items():
            counts[language] = counts.get(language, 0) + count
            for_source = replace(self.settings, source_language=source)
            for name in self.settings.providers if count and language not in missing else ():
                try:
                    self.providers.get(name, for_source, language)
                except NoModelError as err:
                    missing[language] = err
                    break
        return [untranslated(err, counts[language], language) for language, err in missing.items()]

    def _plan(self, extracted: Extracted, file: StagedFile) -> CatalogPlan:
        label = relative(file.path, self.settings.root)
        data = file.current.read_bytes()
        catalog = read_catalog(decode_utf8(data, label, CatalogError, bom=True), label)
        ensure_language(catalog.metadata, file.language)
        return CatalogPlan(catalog, OnDisk(file.language, file.path, None, data))

    def _restaged(
        self, extracted: Extracted, index: int, plan: CatalogPlan
    ) -> tuple[Extracted, str, list[str]]:
        """The source with the filled catalog staged; the catalog's source language and the
        short digests of the texts it still has empty."""
        file = extracted.files[index]
        data = dump_catalog(plan.catalog).encode("utf-8")
        counted = file.counted(plan.catalog)
        source = source_language_of(plan.catalog.metadata, self.settings.source_language)
        empty = sorted({digest_bytes(e.msgid.encode("utf-8"))[:8] for e in pending(plan.catalog)})
        notes = {
            "pending": counted.pending,
            "left": " ".join(empty),
            "source": source,
            "providers": self.chain(file.language, source),
        }
        digest = digest_bytes(data)
        self.records.append((translate_key(extracted, file), digest, notes))
        if data == plan.was.data:
            return extracted, source, empty
        file = counted
        temporary = stage(file.path, data)
        if file.temporary is not None:
            discard([(file.temporary, file.path)])
        was = file.was if not extracted.fresh else digest_bytes(plan.was.data or b"")
        files = list(extracted.files)
        files[index] = file._replace(temporary=temporary, was=was, digest=digest)
        if extracted.fresh:  # its other files are checked and recorded again as they are
            files = [f if k == index else f._replace(was=f.digest) for k, f in enumerate(files)]
        return replace(extracted, files=tuple(files), fresh=False), source, empty

    def record(self) -> None:
        """Record each catalog offered, once the catalogs are in place; a translation memory
        among the providers reads the catalogs written now, in this run rather than the
        next (its generation moves only if their reviewed pairs changed)."""
        for key, digest, notes in self.records:
            self.state.record(key, fingerprint(self.base, digest), None, notes)
        if self.records and "tm" in self.settings.providers:
            from ..tm.database import open_store
            from ..tm.index import index_path, update

            with open_store(index_path(self.settings)) as store:
                update(store, self.settings)


def merge(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """One outcome per language and provider, summed over the batches."""
    merged: dict[tuple[str, str], Outcome] = {}
    for o in outcomes:
        key = (o.language, o.provenance)
        if key not in merged:
            merged[key] = o
            continue
        m = merged[key]
        provided = (
            None
            if m.provided is None and o.provided is None
            else (
                (m.segments if m.provided is None else m.provided)
                + (o.segments if o.provided is None else o.provided)
            )
        )
        merged[key] = replace(
            m,
            segments=m.segments + o.segments,
            characters=m.characters + o.characters,
            filled=m.filled + o.filled,
            cut_short=m.cut_short + o.cut_short,
            provided=provided,
        )
    return list(merged.values())


def translate_catalogs(
    settings: Settings, options: TranslateOptions
) -> tuple[list[Outcome], list[NoModelError], list[Written]]:
    """`l10n translate` over the catalogs on disk, a batch at a time; a catalog offered as it
    is to the providers as they are is skipped. Catalogs must exist already."""
    state = load_state(settings.root, force=options.force)
    sources = discover(settings, options.files)
    if options.shard is not None:
        sources = [source for source in sources if options.shard.takes(source.name)]
    with lock(settings):
        items = []
        for source in sources:
            files = []
            for language in settings.languages:
                path = catalog_path(source, settings, language)
                digest = state.digest(path)
                if digest == MISSING:
                    raise CatalogError(
                        f"{relative(path, settings.root)}: no catalog; run `l10n extract` first"
                    )
                # pending unknown until it is read: 1 asks for it to be read unless current
                files.append(StagedFile(os.fspath(path), None, digest, digest, language, pending=1))
            items.append(Extracted(source, 0, tuple(files), "", fresh=True))
        prefill = Prefill(settings, options, state)
        outcomes, missing, items = prefill.run(items)
        written = commit(items, settings, state, record=False)
        prefill.record()
    state.save()
    return outcomes, missing, written if any(o.filled for o in outcomes) else []
