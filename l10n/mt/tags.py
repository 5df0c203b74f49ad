"""Placeholders around machine translation: the engine reads text without tags, and the
tags of the source (`<1>…</1>`, `<2/>`) are put back into what it writes.

An engine knows nothing of `<1>`: given one, it drops, repeats or translates it. So the
engine reads the plain text; the text inside each paired tag is sent too, on its own,
when it holds more than Latin letters and digits (`成都市政府` alone). In the whole
sentence's translation a pair then goes around, in order of preference:

- the whole translation, when the pair holds all the source's words (`<1>…。</1>`, or
  all but the closing punctuation);
- the source's own text inside it, when the translation carries it as it is (a name in
  Latin letters, a number);
- the translation of its own text, found as it is (ignoring case), as the closest part
  of the translation (rapidfuzz's alignment, at least `MIN_SCORE`), or as the longest
  run of its words found in a row (at least `MIN_WORDS` of its letters);
- otherwise the part of the translation at the same relative place as in the source.

Each is widened to whole words, kept inside its enclosing pair and clear of the pairs
placed before it at the same depth, so the pairs nest as in the source. A void tag goes
at the same relative place within its enclosing pair, at a word boundary; at the start
or end of the sentence it stays there. Every tag of the source is in the result once,
balanced, so the result passes the `placeholders` check whatever the engine wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..placeholders import PLACEHOLDER, nesting_problem
from . import Progress, Translation

MIN_SCORE = 80
MIN_WORDS = 0.4
_WORDS = re.compile(r"[A-Za-z0-9\u00c0-\u024f'’-]+")
_NOT_LATIN = re.compile(r"[^\x00-\x7f\u00a0-\u024f]")
_ENDS = " \t\u00a0\u3000.,;:!?。，、；：！？…\"'”’)）」』"


@dataclass
class _Pair:
    number: int
    start: int  # in the plain text
    end: int
    children: list[_Pair] = field(default_factory=list)
    voids: list[tuple[int, int]] = field(default_factory=list)  # (number, plain offset)


@dataclass
class Tagged:
    """A source text as the engine reads it, with where its tags were."""

    text: str
    plain: str
    root: _Pair

    def pairs(self):
        stack = list(reversed(self.root.children))
        while stack:
            pair = stack.pop()
            yield pair
            stack.extend(reversed(pair.children))

    def inner(self) -> list[str]:
        """The texts inside pairs that the engine is also to translate on their own."""
        found = []
        for pair in self.pairs():
            text = self.plain[pair.start : pair.end].strip(_ENDS)
            if _NOT_LATIN.search(text) and not _whole(self.plain, self.root, pair):
                found.append(text)
        return found


def parse(text: str) -> Tagged | None:
    """The plain text and tags of a source, or None when it has no tags or they do not nest."""
    if not PLACEHOLDER.search(text) or nesting_problem(text) is not None:
        return None
    root = _Pair(0, 0, 0)
    stack = [root]
    plain: list[str] = []
    length, position = 0, 0
    for match in PLACEHOLDER.finditer(text):
        piece = text[position : match.start()]
        plain.append(piece)
        length += len(piece)
        position = match.end()
        closing, number, void = match.groups()
        if void:
            stack[-1].voids.append((int(number), length))
        elif closing:
            stack.pop().end = length
        else:
            pair = _Pair(int(number), length, length)
            stack[-1].children.append(pair)
            stack.append(pair)
    plain.append(text[position:])
    root.end = length + len(plain[-1])
    return Tagged(text, "".join(plain), root)


def _whole(plain: str, parent: _Pair, pair: _Pair) -> bool:
    """Whether a pair holds all the words of its parent (punctuation may stay outside)."""
    return not (plain[parent.start : pair.start] + plain[pair.end : parent.end]).strip(_ENDS)


def _word(ch: str) -> bool:
    return ch.isalnum() and not _NOT_LATIN.match(ch)


class _Placer:
    def __init__(self, tagged: Tagged, output: str, inner: dict[str, str]) -> None:
        self.tagged, self.out, self.inner = tagged, output, inner
        self.events: list[tuple[int, int, int, str]] = []  # (offset, order, depth, tag)

    def _widen(self, a: int, b: int, region: tuple[int, int]) -> tuple[int, int]:
        out = self.out
        while a > region[0] and _word(out[a - 1]) and a < len(out) and _word(out[a]):
            a -= 1
        while b < region[1] and b > 0 and _word(out[b - 1]) and _word(out[b]):
            b += 1
        while a < b and out[a].isspace():
            a += 1
        while b > a and out[b - 1].isspace():
            b -= 1
        return a, b

    def _proportional(self, parent: _Pair, offset: int, region: tuple[int, int]) -> int:
        size = max(parent.end - parent.start, 1)
        at = region[0] + round((offset - parent.start) / size * (region[1] - region[0]))
        while region[0] < at < region[1] and _word(self.out[at - 1]) and _word(self.out[at]):
            at += 1  # not inside a word
        return at

    def _find(self, pair: _Pair, parent: _Pair, region: tuple[int, int], taken) -> tuple[int, int]:
        plain, out = self.tagged.plain, self.out
        if _whole(plain, parent, pair):
            a, b = region
            if plain[parent.start : pair.start].strip():
                while a < b and out[a] in _ENDS:
                    a += 1
            if plain[pair.end : parent.end].strip():
                while b > a and out[b - 1] in _ENDS:
                    b -= 1
            span = self._widen(a, b, region)
            if self._free(span, taken):
                return span
        own = plain[pair.start : pair.end].strip(_ENDS)
        lowered = out.lower()
        for wanted in (own, self.inner.get(own, "").strip(_ENDS)):
            if not wanted:
                continue
            at = lowered.find(wanted.lower(), region[0], region[1])
            while at >= 0:
                span = self._widen(at, at + len(wanted), region)
                if self._free(span, taken):
                    return span
                at = lowered.find(wanted.lower(), at + 1, region[1])
        translated = self.inner.get(own, "").strip(_ENDS)
        window = lowered[region[0] : region[1]]
        if translated and len(translated) <= len(window):
            from rapidfuzz import fuzz

            found = fuzz.partial_ratio_alignment(translated.lower(), window)
            if found is not None and found.score >= MIN_SCORE:
                span = region[0] + found.dest_start, region[0] + found.dest_end
                span = self._widen(*span, region)
                if self._free(span, taken):
                    return span
        if translated:
            span = self._words(translated, region)
            if span is not None and self._free(span, taken):
                return span
        a = self._proportional(parent, pair.start, region)
        b = max(self._proportional(parent, pair.end, region), a)
        a, b = self._widen(a, b, region)
        for s, e in sorted(taken):  # clear of the pairs placed already
            if s < b and a < e:
                a, b = (e, max(b, e)) if a >= s else (a, s)
        return a, max(a, b)

    def _words(self, translated: str, region: tuple[int, int]) -> tuple[int, int] | None:
        """The longest run of the translated words found one after another in the region,
        when it holds at least `MIN_WORDS` of their letters."""
        wanted = [w.lower() for w in _WORDS.findall(translated)]
        words = list(_WORDS.finditer(self.out, region[0], region[1]))
        best, where = 0, None
        for i in range(len(words)):
            for j in range(len(wanted)):
                n = 0
                while (
                    i + n < len(words)
                    and j + n < len(wanted)
                    and words[i + n].group().lower() == wanted[j + n]
                ):
                    n += 1
                letters = sum(len(w) for w in wanted[j : j + n])
                if n and letters > best:
                    best, where = letters, (words[i].start(), words[i + n - 1].end())
        total = sum(len(w) for w in wanted)
        return where if where is not None and best >= MIN_WORDS * total else None

    @staticmethod
    def _free(span: tuple[int, int], taken) -> bool:
        return span[1] > span[0] and all(span[1] <= s or e <= span[0] for s, e in taken)

    def place(self, parent: _Pair, region: tuple[int, int], depth: int) -> None:
        taken: list[tuple[int, int]] = []
        for number, offset in parent.voids:
            if not self.tagged.plain[parent.start : offset].strip():
                at = region[0]
            elif not self.tagged.plain[offset : parent.end].strip():
                at = region[1]
            else:
                at = self._proportional(parent, offset, region)
            out = self.out
            space = region[0] < at < len(out) and out[at] == " " and not out[at - 1].isspace()
            self.events.append((at, 1, depth, f" <{number}/>" if space else f"<{number}/>"))
        for pair in parent.children:
            a, b = self._find(pair, parent, region, taken)
            taken.append((a, b))
            if a == b:
                self.events.append((a, 2, depth, f"<{pair.number}></{pair.number}>"))
            else:
                self.events.append((a, 2, depth, f"<{pair.number}>"))
                self.events.append((b, 0, -depth, f"</{pair.number}>"))
            self.place(pair, (a, b), depth + 1)

    def result(self) -> str:
        out, position = [], 0
        for at, _, _, tag in sorted(self.events, key=lambda e: e[:3]):
            out.append(self.out[position:at])
            out.append(tag)
            position = at
        out.append(self.out[position:])
        return "".join(out)


def restore(tagged: Tagged, output: str, inner: dict[str, str]) -> str:
    """The engine's output for `tagged.plain` with the source's tags put back; `inner` maps
    the texts of `tagged.inner()` to the engine's output for each."""
    text = PLACEHOLDER.sub("", output)  # an engine's own `<1>` is none of ours
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    placer = _Placer(tagged, stripped, inner)
    placer.place(tagged.root, (0, len(stripped)), 0)
    return text[:lead] + placer.result() + text[lead + len(stripped) :]


def translate_tagged(engine, texts: list[str], progress: Progress | None) -> list[Translation]:
    """`engine.translate(texts)`, the engine reading each text without its tags."""
    tagged = [parse(text) for text in texts]
    if not any(tagged):
        return engine.translate(texts, progress)
    batch: dict[str, int] = {}
    for text, parsed in zip(texts, tagged, strict=True):
        plain = parsed.plain if parsed else text
        if plain.strip():
            batch.setdefault(plain, len(batch))
    for parsed in tagged:
        for inner in parsed.inner() if parsed else ():
            batch.setdefault(inner, len(batch))
    outputs = engine.translate(list(batch), progress) if batch else []
    results = []
    for text, parsed in zip(texts, tagged, strict=True):
        if parsed is None:
            results.append(outputs[batch[text]])
        elif not parsed.plain.strip():
            results.append(Translation(text))  # tags only: nothing to translate
        else:
            output = outputs[batch[parsed.plain]]
            inner = {t: outputs[batch[t]].text for t in parsed.inner()}
            results.append(replace(output, text=restore(parsed, output.text, inner)))
    return results
