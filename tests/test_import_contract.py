"""The import contract (``[tool.importlinter]`` in pyproject.toml) holds, and catches a break.

import-linter checks the layers and cycles of the `showcase` package. `tasks.py` is a
single module, which import-linter cannot take as a root, so its one rule is checked here:
it imports `showcase.commands` and nothing else of the package.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from showcase.paths import repository_root

ROOT = repository_root()
LINT_IMPORTS = (
    "import sys; from importlinter.cli import lint_imports_command; "
    "sys.exit(lint_imports_command())"
)


CONTRACTS = ("layers", "acyclic")


def lint_imports(root: Path, contract: str) -> subprocess.CompletedProcess[str]:
    """One contract of import-linter in a new process, on `root`'s package and pyproject.toml."""
    return subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache", "--no-logo", "--contract", contract],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("contract", CONTRACTS)
def test_the_import_contract_holds(contract: str) -> None:
    done = lint_imports(ROOT, contract)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "broken"),
    [
        # a stage importing a command, and importing a stage above it (both also close a loop)
        ("showcase/render/paths.py", "import showcase.commands.build", {"layers", "acyclic"}),
        ("showcase/validate/dates.py", "from showcase.render import text", {"layers", "acyclic"}),
        ("showcase/model.py", "import showcase.roadshow.scheduler", {"layers", "acyclic"}),
        # a stage importing its independent neighbour in the same layer
        ("showcase/engine/pdf.py", "import showcase.review.changes", {"layers"}),
        ("showcase/problems.py", "from showcase import jsontext", {"layers"}),
        # two modules of one package importing each other
        ("showcase/load/files.py", "import showcase.load.yamlfile", {"acyclic"}),
    ],
)
def test_a_bad_import_breaks_the_contract_it_breaks(
    tmp_path: Path, module: str, bad_import: str, broken: set[str]
) -> None:
    """A copy of the package with one import added fails exactly the contracts it breaks."""
    shutil.copytree(ROOT / "showcase", tmp_path / "showcase")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    edited = tmp_path / module
    edited.write_text(edited.read_text(encoding="utf-8") + f"\n{bad_import}\n", encoding="utf-8")
    failed = {contract for contract in CONTRACTS if lint_imports(tmp_path, contract).returncode}
    assert failed == broken


FIRST_PARTY = ("showcase", "tests", "benchmarks")


def test_tasks_import_only_the_commands() -> None:
    tree = ast.parse((ROOT / "tasks.py").read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    ours = {name for name in imported if name.split(".")[0] in FIRST_PARTY}
    outside_the_commands = {
        name
        for name in ours
        if name != "showcase.commands" and not name.startswith("showcase.commands.")
    }
    assert ours and not outside_the_commands
