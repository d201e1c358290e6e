"""Pull-request checks, behind ``invoke check-pr`` and ``invoke codeowners``.

- `changes`: what a branch changed since its base, read from git;
- `data_tree`: the pull request merged into its base, written as data (never run) beside
  the base's schemas;
- `ownership`: who may change what, from the base branch's registries; protected paths;
  the author's name;
- `summary`: the Markdown review summary a CI posts as a comment;
- `check_pr`: every problem of one pull request; `codeowners`: the CODEOWNERS file from
  the registry.
"""
