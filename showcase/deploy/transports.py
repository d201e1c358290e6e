"""The transport for a target's kind."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from showcase.deploy.folder import FolderTransport
from showcase.deploy.object_storage import ObjectStorageTransport
from showcase.deploy.release_root import Transport
from showcase.deploy.ssh import SshTransport
from showcase.deploy.targets import Target


def transport_for(target: Target) -> AbstractContextManager[Transport]:
    """The transport, to use in a ``with`` block (which releases the root's lock and
    closes SSH's shared connection). Raises `DeployError` when the tools the kind needs
    are missing."""
    if target.kind == "ssh":
        return SshTransport(target)
    if target.kind == "object-storage":
        return nullcontext(ObjectStorageTransport(target))
    return FolderTransport(Path(target.path))
