"""Segmentation: text → Document (structure blocks, then Chinese sentence segments)."""

from .rules import Rules, SentenceRules, StructureRules
from .sentences import split_line
from .structure import parse

__all__ = ["Rules", "SentenceRules", "StructureRules", "parse", "split_line"]
