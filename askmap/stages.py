"""Wall time per pipeline stage (read, parse, extract, positions, store, embed, theme), for the
benchmark and for anyone asking where an ingest spends its time."""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

STAGES = ("read", "parse", "extract", "positions", "store", "embed", "theme")


@dataclass
class StageTimes:
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - t0)

    def merge(self, other: StageTimes) -> None:
        for k, v in other.seconds.items():
            self.add(k, v)
