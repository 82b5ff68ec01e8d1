"""Replicas in the desktop console: the governor's replicas view (File ›
Replicas…), a replica's Send changes… and Receive…, and the replica banner."""

from .actions import ReplicaActions, ReplicasView
from .replica_banner import ReplicaBanner
from .replicas_dialog import ReplicasDialog
from .wiring import ReplicaWatch, install

__all__ = ["ReplicaActions", "ReplicaBanner", "ReplicaWatch", "ReplicasDialog", "ReplicasView",
           "install"]
