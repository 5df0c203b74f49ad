"""`l10n translate`: fill the empty entries of the catalogs from the providers, in order.

Catalogs are grouped by target language; each distinct source text of a
language is offered once per run, across all documents, to the first provider,
and what it leaves to the next (`[tool.l10n] providers`). Filled entries are
fuzzy with their provenance; reviewed entries are never touched. A language
with no model is reported, and the others are translated and written.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import polib

from ..catalog.header import ensure_language, header_date, mark_revised, source_language_of
from ..catalog.provenance import fill
from ..catalog.status import pending
from ..errors import NoModelError
from ..mt import Progress
from ..project import (
    CatalogPlan,
    Written,
    catalogs,
    discover,
    lock,
    relative,
    write_catalogs,
)
from ..providers import asks_an_engine, make_provider
from ..providers.chain import Providers
from ..settings import Settings
from ..shard import Shard
from ..tm.index import neighbour_keys
from . import StageOptions


@dataclass(frozen=True)
class TranslateOptions(StageOptions):
    retranslate_machine: bool = False  # also redo unreviewed machine output
    dry_run: bool = False  # only say what would be sent
    draft: bool = False  # the engine's faster, rougher settings
    accept_context: bool = False  # context matches of the translation memory count as reviewed
    ray: str = ""  # a Ray cluster's address (or "auto") to run the engine on; "": here
    shard: Shard | None = None  # only the articles of this shard
    progress: Progress | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Workload:
    language: str
    source_language: str  # as the catalogs' headers give it (with `zh`, detected per source)
    texts: tuple[str, ...]  # distinct source texts, in first-seen order
    entries: tuple[polib.POEntry, ...]
    contexts: dict[str, frozenset[str]] = field(default_factory=dict)  # text → neighbours' keys


@dataclass(frozen=True)
class Outcome:
    language: str
    segments: int  # distinct texts offered to the provider
    characters: int
    filled: int  # catalog entries filled
    provenance: str  # what filled them
    cut_short: int = 0  # distinct texts whose translation hit a length limit
    limits: str = ""  # the settings that bound the length of the provider's output
    provided: int | None = None  # distinct texts the provider filled (None: all offered)

    def line(self) -> str:
        """What the provider did, as the commands report it."""
        provided = self.segments if self.provided is None else self.provided
        of = "" if provided == self.segments else f" of {self.segments}"
        return (
            f"{self.language}: translated {provided}{of} segments ({self.filled} entries) "
            f"with {self.provenance}"
        )

    @property
    def warning(self) -> str:
        if not self.cut_short:
            return ""
        return (
            f"{self.language}: {self.cut_short} machine translation(s) hit a length limit "
            "and may miss part of their source; their catalog comments say which"
            + (f" ({self.limits})" if self.limits else "")
        )


@dataclass(frozen=True)
class TranslateResult:
    root: Path
    dry_run: bool
    outcomes: tuple[Outcome, ...]
    written: tuple[Written, ...]
    missing_models: tuple[str, ...]  # one message per language that no installed model serves

    @property
    def exit_code(self) -> int:
        """A missing model's, when a language was left without one; else 0."""
        return NoModelError.exit_code if self.missing_models else 0

    def lines(self) -> list[str]:
        """What the command prints on stdout."""
        lines = []
        for o in self.outcomes:
            if self.dry_run and o.provenance:
                lines.append(
                    f"{o.language}: {o.provenance} would fill {o.segments} segments, "
                    f"{o.characters} characters"
                )
            elif self.dry_run:
                lines.append(
                    f"{o.language}: would send {o.segments} segments, {o.characters} characters"
                )
            else:
                lines.append(o.line())
        if not self.missing_models and all(o.segments == 0 for o in self.outcomes):
            lines.append("nothing to translate: every entry has a translation")
        for item in self.written:
            state = "written" if item.changed else "unchanged"
            lines.append(f"{relative(item.path, self.root)}: {state}")
        return lines

    @property
    def warnings(self) -> list[str]:
        return [o.warning for o in self.outcomes if o.warning]


def workloads(
    catalogs: Sequence[tuple[str, str, polib.POFile]], *, retranslate_machine: bool = False
) -> list[Workload]:
    """What each language would send to its providers, from (language, source language,
    catalog) triples: one workload per target and source language."""
    grouped: dict[tuple[str, str], list[polib.POEntry]] = {}
    contexts: dict[tuple[str, str], dict[str, set[str]]] = {}
    for language, source_language, catalog in catalogs:
        entries = pending(catalog, retranslate_machine=retranslate_machine)
        grouped.setdefault((language, source_language), []).extend(entries)
        places = contexts.setdefault((language, source_language), {})
        wanted = {e.msgid for e in entries}
        for text, context in neighbour_keys(catalog).items():
            if text in wanted:
                places.setdefault(text, set()).add(context)
    return [
        Workload(
            language,
            source,
            tuple(dict.fromkeys(e.msgid for e in entries)),
            tuple(entries),
            {text: frozenset(keys) for text, keys in contexts[(language, source)].items()},
        )
        for (language, source), entries in grouped.items()
    ]


def _run_chain(
    work: Workload, settings: Settings, progress: Progress | None, providers: Providers
) -> tuple[list[Outcome], NoModelError | None]:
    """Ask each provider in turn for what the ones before it left: (what each did, why the
    language is left partly untranslated when a provider that had no model for it was
    needed: none after it filled what was left)."""
    outcomes: list[Outcome] = []
    remaining = list(work.texts)
    unserved: NoModelError | None = None  # raised by a provider that was needed
    for name in settings.providers:
        if not remaining:
            break
        try:
            provider = providers.get(name, settings, work.language)
        except NoModelError as err:
            unserved = unserved or err
            continue
        suggestions = providers.suggest(
            name, settings, work.language, remaining, progress, work.contexts
        )
        provided = {
            text: (s.text, s.provenance, s.accepted) for text, s in suggestions.items() if s.text
        }
        filled = fill(work.entries, provided)
        characters = sum(len(text) for text in remaining)
        cut_short = sum(1 for s in suggestions.values() if s.incomplete)
        outcomes.append(
            Outcome(
                work.language,
                len(remaining),
                characters,
                filled,
                provider.description,
                cut_short,
                provider.limits,
                len(provided),
            )
        )
        remaining = [text for text in remaining if text not in provided]
    if unserved is None or not remaining:
        return outcomes, None
    return outcomes, untranslated(unserved, len(remaining), work.language)


def untranslated(reason: NoModelError, count: int, language: str) -> NoModelError:
    """Why `count` distinct texts of `language` are left empty, as the commands report it."""
    left = f"{count} segment{'s' if count != 1 else ''}"
    return NoModelError(f"{reason}; {left} of {language} left untranslated")


def _dry_run(work: Workload, settings: Settings) -> list[Outcome]:
    """What each provider would fill, asking those that need no engine (a translation
    memory); the first that asks an engine is shown what would be sent to it."""
    outcomes = []
    remaining = list(work.texts)
    for_source = replace(settings, source_language=work.source_language)
    engine = False
    for name in settings.providers:
        if not remaining:
            break
        if asks_an_engine(name):
            engine = True
            break
        provider = make_provider(name, for_source, work.language)
        suggestions = provider.suggest(remaining, None, work.contexts)
        filled = [text for text, s in suggestions.items() if s.text]
        characters = sum(len(text) for text in filled)
        outcomes.append(Outcome(work.language, len(filled), characters, 0, provider.description))
        remaining = [text for text in remaining if text not in filled]
    if not engine and outcomes:
        return outcomes
    characters = sum(len(text) for text in remaining)
    return [*outcomes, Outcome(work.language, len(remaining), characters, 0, "")]


def _filled_state(catalog: polib.POFile) -> list[tuple[str, str, tuple[str, ...]]]:
    """What filling changes in a catalog's entries, to tell which catalogs it changed."""
    return [(e.msgstr, e.tcomment, tuple(e.flags)) for e in catalog]


def effective(settings: Settings, options: TranslateOptions) -> Settings:
    """The settings as the options change them (draft mode, accepted context matches)."""
    if options.draft:
        settings = replace(settings, mt=replace(settings.mt, draft=True))
    if options.accept_context:
        settings = replace(settings, tm_accept_context=True)
    if options.ray:
        settings = replace(settings, mt=replace(settings.mt, ray=options.ray))
    return settings


def translate_plans(
    plans: Sequence[CatalogPlan],
    settings: Settings,
    options: TranslateOptions,
    providers: Providers | None = None,
) -> tuple[list[Outcome], list[NoModelError]]:
    """Fill the planned catalogs in memory: (what each provider did, the languages no
    installed model translates). Catalogs that got translations are marked revised."""
    settings = effective(settings, options)
    providers = providers or Providers()
    triples = [
        (p.language, source_language_of(p.catalog.metadata, settings.source_language), p.catalog)
        for p in plans
    ]
    works = workloads(triples, retranslate_machine=options.retranslate_machine)
    if options.dry_run:
        return [o for w in works for o in _dry_run(w, settings)], []
    before = [_filled_state(p.catalog) for p in plans]
    outcomes, missing = [], []
    for work in works:
        if not work.texts:
            continue
        for_source = replace(settings, source_language=work.source_language)
        done, error = _run_chain(work, for_source, options.progress, providers)
        outcomes.extend(done)
        if error is not None:
            missing.append(error)
    if any(o.filled for o in outcomes):
        for plan, count in zip(plans, before, strict=True):
            if _filled_state(plan.catalog) != count:
                mark_revised(plan.catalog.metadata, header_date(options.now))
    return outcomes, missing


def translate(settings: Settings, options: TranslateOptions) -> TranslateResult:
    """Fill the empty entries of the sources' catalogs; catalogs must exist already. Catalogs
    offered before, unchanged, to the same providers are skipped (not with --force, and not
    in a dry run or when machine output is redone: those read every catalog)."""
    if not (options.dry_run or options.retranslate_machine):
        from .prefill import translate_catalogs

        outcomes, missing, written = translate_catalogs(settings, options)
        return TranslateResult(
            settings.root,
            False,
            tuple(outcomes),
            tuple(written),
            tuple(str(err) for err in missing),
        )
    sources = discover(settings, options.files)
    if options.shard is not None:
        sources = [source for source in sources if options.shard.takes(source.name)]
    with lock(settings):
        plans = []
        for on_disk in catalogs(sources, settings, required=True):
            catalog = copy.deepcopy(on_disk.catalog)
            ensure_language(catalog.metadata, on_disk.language)
            plans.append(CatalogPlan(catalog, on_disk))
        outcomes, missing = translate_plans(plans, settings, options)
        written = []
        if not options.dry_run and any(o.filled for o in outcomes):
            written = write_catalogs(plans, settings.root)
    return TranslateResult(
        settings.root,
        options.dry_run,
        tuple(outcomes),
        tuple(written),
        tuple(str(err) for err in missing),
    )
