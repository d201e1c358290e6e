"""User-facing commands: one module per `invoke` task, wiring the stages together.

A command is the only code that talks to the person at the terminal: it gathers what the
stages need from outside (files, git, fonts, the clock, environment variables), calls the
stages, prints what happened in Chinese and returns the exit code. The stages below it
(`load` → `validate` → `render` → `engine`, and `review`, `forms`, `images`, `synth`)
return data and problems and print nothing; none of them imports this package (the import
contract in ``pyproject.toml`` holds it).

- `build`, `serve`: the site (``invoke build [--drafts]``, ``invoke serve``);
- `validate`, `check_pr`, `from_issue`, `new`, `strip_images`: what contributors and
  their CI run;
- `agenda`, `publicity`: the roadshow agendas and the publicity office's articles;
- `generated` (``invoke issue-form``, ``invoke codeowners``), `synth`, `screenshots`,
  `lint`, `test`, `bench`, `ci`: what maintainers run;
- `manifest`: the site manifest of the tests (``invoke manifest``);
- `common`: the steps several commands share, written once (validate and refuse to go
  on, the ``--format`` check, the project schema, the publication date);
- `gather`: everything render needs, read from outside into one frozen `RenderInputs`.

Validation reads the repository's files itself (`showcase.validate.validate_repository`
takes a `Layout`); render reads nothing, so a command gathers its inputs with `gather`.

A new command is a new module here exposing one function ``name(root, …) -> int``
returning the exit code (0 done, 1 the data has errors, 2 the command could not run:
bad options, unreadable input); results go to stdout, refusals and failures to stderr,
in Chinese. Add a task in ``tasks.py`` that parses the arguments and calls it, a row
in the README's task table, and a line above.
"""
