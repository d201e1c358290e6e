"""Render stage: pure functions from the checked model to a generated docs tree.

`showcase.render.tree.render_docs` takes one `showcase.render.inputs.RenderInputs`
(the model and everything else a page depends on: the project schema, the site's static
files, the build stamp, the publication date, hand-written pages, git dates, the CJK
font, all gathered by the command) and returns a `DocsTree`: Markdown pages with front
matter, static files, images to publish and the navigation. No file, no clock, no
environment variable, no network, no engine is read here, so the same inputs give the
same bytes; `showcase.engine` writes the tree out and builds the site from it.

One module per page kind (a new page renderer is a module here, called from `tree`);
`paths` says where every page lives; `text` is the only way data becomes page text;
`roadshow` holds the agenda outputs. This file imports nothing, so importing
`showcase.render.paths` (as the engine's plugin does) costs no more than that module.
"""
