"""Publishing a built site: releases, an atomic switch, rollback and a smoke test.

A target keeps every upload as ``<root>/releases/<UTC time>-<commit>/`` and serves
``<root>/current``, a symlink that is replaced in one rename once a release is complete,
so the live site is always a whole release (`releases`). Transports: a local folder
(`folder`), a server over rsync and SSH (`ssh`), object storage through rclone
(`object_storage`). `precompress` writes the ``.gz``/``.br`` files a web server sends as
they are; `smoke` fetches the live site after a switch.

Example::

    target = target_from_spec("/srv/showcase", ROOT)
    with transport_for(target) as transport:
        publish(transport, Path("site"), release_name(commit), target.keep,
                check_live(target.url, site_name))
"""

from showcase.deploy.errors import DeployError
from showcase.deploy.releases import publish, release_name, roll_back
from showcase.deploy.targets import Target, target_from_data, target_from_spec
from showcase.deploy.transports import transport_for

__all__ = [
    "DeployError",
    "Target",
    "publish",
    "release_name",
    "roll_back",
    "target_from_data",
    "target_from_spec",
    "transport_for",
]
