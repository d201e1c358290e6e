"""Engine stage: turns a generated docs tree into the built site.

Everything that knows about MkDocs lives here (`mkdocs_site`), so the data model and the
renderers stay engine-neutral. `cli` holds the `invoke build` / `invoke serve` entry points;
`preview` the local web server and the file watcher behind `invoke serve`.
"""

from showcase.engine.mkdocs_site import BuildFailed, build_site

__all__ = ["BuildFailed", "build_site"]
