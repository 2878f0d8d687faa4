"""Language analysis: sentences, asks, organisations, themes, positions. Knows nothing about files or screens."""
from .asks import extract_asks
from .organisations import Registry, register_document
from .records import Ask, Organisation

__all__ = ["Ask", "Organisation", "Registry", "analyse", "extract_asks", "register_document"]


def analyse(doc, registry: Registry) -> list[Ask]:
    """All analysis stages for one document (its organisations registered first); the path every caller takes."""
    register_document(registry, doc)
    return extract_asks(doc, registry)
