"""Pull-request checks: `invoke check-pr` and `invoke codeowners`.

- `changes`: what a branch changed since its base, read from git;
- `ownership`: who may change what, from the base branch's registries;
- `summary`: the Markdown review summary a CI posts as a comment;
- `check_pr`: the command itself; `codeowners`: the CODEOWNERS file from the registry.
"""
