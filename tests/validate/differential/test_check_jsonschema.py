"""`invoke validate` and check-jsonschema agree on which project files the schema accepts.

A corpus of the sample projects and their mutations (mutations.py) is judged twice: by
this package's loader and schema check (cross-record rules such as references or
personal data are left out: check-jsonschema has no way to know them), and by the
`check-jsonschema` command, run offline as a subprocess on the same files. Every place
where the two verdicts differ on purpose is listed, with its reason, in
intended-differences.yaml; any other difference fails the test, and so does a listed
difference that no longer differs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from showcase.load.yamlfile import load_yaml
from showcase.paths import repository_root
from showcase.problems import has_errors
from showcase.validate.schema_check import SchemaChecker
from tests.validate.differential.mutations import MUTATIONS

HERE = Path(__file__).parent
SCHEMA = repository_root() / "schemas" / "project.schema.json"
BASES = sorted((repository_root() / "projects").glob("*/*.yaml"))
PER_MUTATION = 3
"""How many sample files each mutation is applied to (every file for "original")."""
DIFFERENCES: dict[str, str] = yaml.safe_load((HERE / "intended-differences.yaml").read_text())


def _corpus(folder: Path) -> dict[Path, str]:
    """Write every applicable mutation of the sample files; file → mutation name."""
    corpus = {}
    for mutation in MUTATIONS:
        applied = 0
        for base in BASES:
            written = mutation.apply(base.read_text(encoding="utf-8"))
            if written is None:
                continue
            file = folder / f"{mutation.name}--{base.parent.name}--{base.name}"
            file.write_bytes(written)
            corpus[file] = mutation.name
            applied += 1
            if applied == PER_MUTATION and mutation.name != "original":
                break
    return corpus


def _ours(file: Path, checker: SchemaChecker) -> bool:
    document, problems = load_yaml(file, file.name)
    if document is None or has_errors(problems):
        return False
    return not has_errors(checker.check(document))


JUDGE_CRASHES = {"amount-thousands-digits"}
"""Mutations on which check-jsonschema itself dies with a traceback (ruamel.yaml hits
Python's 4300-digit limit for int()). Each of their files is judged in a process of its
own, and a crash counts as a refusal."""


def _theirs(files: list[Path], crashing: list[Path]) -> dict[Path, bool]:
    verdicts = _run_check_jsonschema(files)
    for file in crashing:
        verdicts.update(_run_check_jsonschema([file], may_crash=True))
    return verdicts


def _run_check_jsonschema(files: list[Path], may_crash: bool = False) -> dict[Path, bool]:
    """check-jsonschema's verdict per file, with any network access made to fail."""
    unreachable = "http://127.0.0.1:9"
    environment = {**os.environ, "HTTP_PROXY": unreachable, "HTTPS_PROXY": unreachable}
    environment.pop("NO_PROXY", None)
    command = [sys.executable, "-m", "check_jsonschema", "--no-cache", "-o", "json"]
    completed = subprocess.run(
        [*command, "--schemafile", str(SCHEMA), *map(str, files)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )
    if may_crash and "Traceback" in completed.stderr:
        return dict.fromkeys(files, False)
    assert completed.returncode in (0, 1), completed.stderr
    report = json.loads(completed.stdout)
    refused = {Path(e["filename"]) for e in report["errors"] + report["parse_errors"]}
    return {file: file not in refused for file in files}


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, bool, bool]]]:
    folder = tmp_path_factory.mktemp("differential")
    corpus = _corpus(folder)
    theirs = _theirs(
        sorted(file for file, name in corpus.items() if name not in JUDGE_CRASHES),
        sorted(file for file, name in corpus.items() if name in JUDGE_CRASHES),
    )
    checker = SchemaChecker.from_file(SCHEMA)
    by_mutation: dict[str, list[tuple[str, bool, bool]]] = {}
    for file, name in corpus.items():
        by_mutation.setdefault(name, []).append((file.name, _ours(file, checker), theirs[file]))
    return by_mutation


def test_every_mutation_applies_and_every_listed_difference_exists() -> None:
    names = [mutation.name for mutation in MUTATIONS]
    assert len(names) == len(set(names))
    assert set(DIFFERENCES) <= set(names)
    assert all(isinstance(reason, str) and len(reason) > 40 for reason in DIFFERENCES.values())


@pytest.mark.parametrize("mutation", [m.name for m in MUTATIONS])
def test_verdicts_agree_except_where_listed(
    mutation: str, verdicts: dict[str, list[tuple[str, bool, bool]]]
) -> None:
    results = verdicts.get(mutation)
    assert results, f"{mutation} applies to no sample project"
    for file, ours, theirs in results:
        if mutation in DIFFERENCES:
            assert (ours, theirs) == (False, True), (file, DIFFERENCES[mutation])
        else:
            assert ours == theirs, (file, "ours" if ours else "check-jsonschema", "accepts")


def test_the_sample_projects_are_accepted_by_both(
    verdicts: dict[str, list[tuple[str, bool, bool]]],
) -> None:
    assert len(verdicts["original"]) == len(BASES) >= 10
    assert all(ours and theirs for _, ours, theirs in verdicts["original"])
