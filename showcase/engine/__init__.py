"""Engine stage: the outside programs that turn rendered output into the finished files.

Everything that knows about MkDocs lives here (`mkdocs_site`), so the data model and the
renderers stay engine-neutral; `preview` is the local web server and the file watcher
behind ``invoke serve``; `pdf` prints the agendas' HTML to PDF with headless Chromium.
"""

from showcase.engine.mkdocs_site import BuildFailed, build_site
from showcase.engine.site_driver import DriveStats

__all__ = ["BuildFailed", "DriveStats", "build_site"]
