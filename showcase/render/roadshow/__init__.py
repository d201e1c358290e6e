"""Roadshow outputs: site pages, calendars, print version, score sheets and frab JSON.

They live under `showcase.render` so that importing any of them first initialises the
render package, which `showcase.render.tree` needs (it includes these files in the site).
"""
