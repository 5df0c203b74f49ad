"""JSON edition: the aligned segments with ids, kinds, statuses and both texts, for other tools.

Structure (version 1): {"version", "name", "source_language", "target_language",
"counts": {status: n}, "blocks": [{"kind", "segments": [{"id", "source", "target",
"status"}]}]}; `target` is "" when untranslated.
"""

import json

from ..edition import Edition

VERSION = 1


class JsonRenderer:
    extension = "json"

    def render(self, edition: Edition) -> str:
        document = {
            "version": VERSION,
            "name": edition.name,
            "source_language": edition.source_language,
            "target_language": edition.target_language,
            "counts": {str(status): n for status, n in edition.counts().items()},
            "blocks": [
                {
                    "kind": str(block.kind),
                    "segments": [
                        {
                            "id": p.id,
                            "source": p.source,
                            "target": p.target,
                            "status": str(p.status),
                        }
                        for p in block.pairs
                    ],
                }
                for block in edition.blocks
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def make_renderer(options) -> JsonRenderer:
    """The renderer for the build's options (`stages.build.BuildOptions`)."""
    return JsonRenderer()
