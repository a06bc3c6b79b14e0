"""Which projects a report covers (the shared filters) and which groups a project belongs to (SPEC §5.6)."""


from typing import NamedTuple

from ..core import records as r

GROUPINGS = ("level", "category", "location", "unit", "leader")


class Filters(NamedTuple):
    """Shared filters: a project passes when it matches every filter given (any of its values)."""

    level: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    unit: tuple[str, ...] = ()
    leader: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()

    def admits(self, p: r.Project, cards: tuple[r.Responsibility, ...]) -> bool:
        return ((not self.level or p.level in self.level)
                and (not self.category or p.category in self.category)
                and (not self.location or p.location in self.location)
                and (not self.unit or any(c.unit in self.unit for c in cards))
                and (not self.leader or any(c.leader in self.leader for c in cards))
                and (not self.tag or any(t in self.tag for t in p.tags)))

    def active(self) -> list[tuple[str, tuple[str, ...]]]:
        """(filter, values) of the filters given, in a fixed order."""
        return [(k, v) for k, v in self._asdict().items() if v]


class UnknownValue(NamedTuple):
    """A filter value that no project (or card) of the ledger has."""

    filter: str
    value: str
    known: tuple[str, ...]  # the values the ledger has, for "did you mean"


def known_values(ledger, name: str) -> tuple[str, ...]:
    """The values a filter can take in this ledger (every project of any year, every card)."""
    if name == "level":
        return r.LEVELS
    if name in ("unit", "leader"):
        return tuple(sorted({getattr(c, name) for c in ledger.responsibilities}))
    if name == "tag":
        return tuple(sorted({t for p in ledger.project_facts for t in p.tags}))
    return tuple(sorted({v for p in ledger.project_facts if (v := getattr(p, name)) is not None}))


def unknown_values(ledger, filters: Filters) -> list[UnknownValue]:
    """Filter values no project has: a filter that matches nothing is a typo far more often than a question."""
    out = []
    for name, values in filters.active():
        known = known_values(ledger, name)
        out += [UnknownValue(name, v, known) for v in values if v not in known]
    return out


def group_keys(by: str, p: r.Project, cards: tuple[r.Responsibility, ...]) -> list[str | None]:
    """The groups of one project under a grouping (SPEC §5.6); None: the project has no value."""
    if by == "unit":
        return list(dict.fromkeys(c.unit for c in cards)) or [None]
    if by == "leader":
        return list(dict.fromkeys(c.leader for c in cards)) or [None]
    return [getattr(p, by)]
