"""What the replica dialogs work with, as plain data: the governor's view
(replicas, decisions waiting, who may be given a replica) and the core calls
the dialogs run as operations on the vault thread, each taking the vault
first. Tests give their own calls."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from console.audit.current import now
from console.sync import decisions, exchange, home, replica, tables


@dataclass(frozen=True)
class ReplicasView:
    replicas: tuple = ()          # home.ReplicaInfo, newest first
    decisions: tuple = ()         # decisions.Decision
    users: tuple[str, ...] = ()   # deputies and viewers who may be given a replica


def load(vault) -> ReplicasView:
    """The governor's view of the replicas (vault thread)."""
    state = now(vault)
    people = tuple(sorted(n for n, m in state.active().items() if m.role != "governor"))
    return ReplicasView(tuple(home.replicas(vault)), tuple(decisions.pending(vault)), people)


def replica_status(vault):
    """This vault's replica status, or None when it is not a replica."""
    if not tables.is_replica(vault):
        return None
    return replica.status(vault)


@dataclass(frozen=True)
class ReplicaActions:
    load: Callable[..., ReplicasView] = load                               # (vault)
    create: Callable = home.create                        # (vault, user, out, on_progress)
    update: Callable = home.update                        # (vault, user, out, on_progress)
    receive: Callable = exchange.receive                  # (vault, path, on_progress)
    send: Callable = exchange.send                        # (vault, out, user, on_progress)
    decide: Callable = decisions.decide                   # (vault, decision id, accept)
    status: Callable = field(default=replica_status)      # (vault)
