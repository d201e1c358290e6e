"""Load stage: the repository's files read safely, every value with where it was written.

The ground floor of the pipeline: it knows files and YAML, not what a project is.

- `files`: list and read files without following a symlink; the one text decoder;
- `yamlfile`: safe YAML with the line and column of every key and value (`scalars` reads
  plain scalars as YAML 1.2 does; `characters` refuses invisible characters; `syntax`
  rewords libyaml's errors in Chinese; `source_text` places a character inside a value
  and finds the comments);
- `front_matter`: Markdown files with a YAML header (stories, hand-written pages);
- `schemas`: a JSON Schema file as data.

It returns documents and `showcase.problems.Problem` values and never raises for bad
input; `showcase.validate` decides what the values mean.
"""
