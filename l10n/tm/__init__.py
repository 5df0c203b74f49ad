"""The translation memory: every reviewed sentence of the project, found again for new ones.

An index, not a store of truth: the committed reviewed catalogs and the TMX files
named in `[tool.l10n] tm` are the truth; `.l10n/tm.sqlite` is rebuilt from them,
incrementally (`index`). Lookups (`match`) find candidates through trigram
postings (`postings`) and character signatures (`signatures`) of script-normalised
keys (`keys`) and score them by character edit distance. The `tm` provider
(`l10n.providers.tm`) fills empty entries from it.
"""
