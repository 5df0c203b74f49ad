"""Filling extracted catalogs from the providers, a bounded batch of catalogs at a time.

`l10n run` extracts every source (staged, not yet in place), then offers the empty
entries to the providers here: only catalogs with empty entries are read, `BATCH` at a
time, and a catalog whose bytes and providers are as they were when it was last offered
is not offered again (its entries stay empty: the memory and the engines had nothing
for them then and have nothing new now).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..catalog import dump_catalog, read_catalog
from ..catalog.header import ensure_language
from ..catalog.status import pending
from ..errors import CatalogError, NoModelError
from ..files import decode_utf8, discard, stage
from ..parallel import batched
from ..project import CatalogPlan, OnDisk, relative
from ..settings import Settings
from ..state import State, digest_bytes, fingerprint, settings_fingerprint, tool_fingerprint
from .extract import Extracted, StagedFile, discard_all
from .translate import Outcome, Providers, TranslateOptions, effective, translate_plans

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
        self.base = fingerprint(tool_fingerprint(), settings_fingerprint(self.settings))
        self._chains: dict[str, str] = {}
        self.records: list[tuple[str, str, dict]] = []  # (key, catalog digest, notes)

    def chain(self, language: str) -> str:
        if language not in self._chains:
            self._chains[language] = self.providers.state(self.settings, language)
        return self._chains[language]

    def _current(self, extracted: Extracted, file: StagedFile) -> bool:
        """Whether the catalog was offered as it is now to the providers as they are now."""
        step = self.state.step(translate_key(extracted, file))
        return (
            step is not None
            and step.inputs == fingerprint(self.base, file.digest)
            and step.notes.get("providers") == self.chain(file.language)
        )

    def run(
        self, extracted: list[Extracted]
    ) -> tuple[list[Outcome], list[NoModelError], list[Extracted]]:
        """Fill the empty entries of the extracted catalogs: (what each provider did, the
        languages left without a model, the sources with their files as now staged)."""
        wanted, left = [], {}
        for i, item in enumerate(extracted):
            for j, file in enumerate(item.files):
                if not (file.language and file.pending):
                    continue
                if self._current(item, file):
                    left[file.language] = left.get(file.language, 0) + file.pending
                else:
                    wanted.append((i, j))
        outcomes: list[Outcome] = []
        texts: dict[str, set[str]] = {}
        items = list(extracted)
        try:
            for batch in batched(wanted, BATCH):
                plans = [self._plan(items[i], items[i].files[j]) for i, j in batch]
                outcomes += translate_plans(plans, self.settings, self.options, self.providers)[0]
                for (i, j), plan in zip(batch, plans, strict=True):
                    items[i] = self._restaged(items[i], j, plan)
                    texts.setdefault(plan.language, set()).update(
                        e.msgid for e in pending(plan.catalog)
                    )
        except BaseException:
            discard_all(items)
            raise
        for language, found in texts.items():
            left[language] = left.get(language, 0) + len(found)
        return merge(outcomes), self._missing(left), items

    def _missing(self, left: dict[str, int]) -> list[NoModelError]:
        """For each language left with empty entries, why: a provider without a model."""
        missing = []
        for language, count in left.items():
            for name in self.settings.providers if count else ():
                try:
                    self.providers.get(name, self.settings, language)
                except NoModelError as err:
                    segments = f"{count} segment{'s' if count != 1 else ''}"
                    missing.append(
                        NoModelError(f"{err}; {segments} of {language} left untranslated")
                    )
                    break
        return missing

    def _plan(self, extracted: Extracted, file: StagedFile) -> CatalogPlan:
        label = relative(file.path, self.settings.root)
        data = file.current.read_bytes()
        catalog = read_catalog(decode_utf8(data, label, CatalogError, bom=True), label)
        ensure_language(catalog.metadata, file.language)
        return CatalogPlan(catalog, OnDisk(file.language, file.path, None, data))

    def _restaged(self, extracted: Extracted, index: int, plan: CatalogPlan) -> Extracted:
        file = extracted.files[index]
        data = dump_catalog(plan.catalog).encode("utf-8")
        counted = file.counted(plan.catalog)
        notes = {"pending": counted.pending, "providers": self.chain(file.language)}
        digest = digest_bytes(data)
        self.records.append((translate_key(extracted, file), digest, notes))
        if data == plan.was.data:
            return extracted
        file = counted
        temporary = stage(file.path, data)
        if file.temporary is not None:
            discard([(file.temporary, file.path)])
        was = file.was if not extracted.fresh else digest_bytes(plan.was.data or b"")
        files = list(extracted.files)
        files[index] = replace(file, temporary=temporary, was=was, digest=digest)
        if extracted.fresh:  # its other files are checked and recorded again as they are
            files = [f if k == index else replace(f, was=f.digest) for k, f in enumerate(files)]
        return replace(extracted, files=tuple(files), fresh=False)

    def record(self) -> None:
        """Record each catalog offered, once the catalogs are in place."""
        for key, digest, notes in self.records:
            self.state.record(key, fingerprint(self.base, digest), None, notes)


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
