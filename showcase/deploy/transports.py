"""The transport for a target's kind."""

from __future__ import annotations

from pathlib import Path

from showcase.deploy.folder import FolderTransport
from showcase.deploy.object_storage import ObjectStorageTransport
from showcase.deploy.release_root import Transport
from showcase.deploy.ssh import SshTransport
from showcase.deploy.targets import Target


def transport_for(target: Target) -> Transport:
    """Raises `DeployError` when the tools the kind needs are missing."""
    if target.kind == "ssh":
        return SshTransport(target)
    if target.kind == "object-storage":
        return ObjectStorageTransport(target)
    return FolderTransport(Path(target.path))
