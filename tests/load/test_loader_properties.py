"""Property tests: whatever bytes a contributor commits, the loader answers with problems.

Documents are the sample project files mutated at random (characters inserted, lines
deleted, duplicated or re-indented, bytes flipped) plus arbitrary bytes. For each: loading
never raises, the schema check of whatever loaded never raises, and every problem names
the file and, unless it concerns the file as a whole, a line and column inside it.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.load.yamlfile import load_yaml_bytes
from showcase.paths import repository_root
from showcase.validate.schema_check import SchemaChecker

BOUNDED = settings(max_examples=400, deadline=None, database=None)
SAMPLES = [
    path.read_text(encoding="utf-8")
    for path in sorted((repository_root() / "projects").glob("*/*.yaml"))[:12]
]
CHECKER = SchemaChecker.from_file(repository_root() / "schemas" / "project.schema.json")
WHOLE_FILE_RULES = {"load.empty", "load.encoding", "load.control-character", "load.too-large"}
"""Rules that may stand at line 0 (the whole file); load.control-character only for the
summary line after ten exact positions."""
PIECES = st.sampled_from(
    [
        *":-?#&*!|>'\"%@`{}[],\\\t\n ",
        "\r\n",
        "- ",
        ": ",
        "  ",
        "---\n",
        "...\n",
        "<<: ",
        "&a ",
        "*a",
        "!!int ",
        "!foo ",
        "%YAML 1.1\n",
        "yes",
        "1_000",
        ".nan",
        "1e400",
        "9" * 40,
        '"\\u202e"',
        '"\\e"',
        "\u202e",
        "\x00",
        "\x85",
        "\u2028",
        "\ufeff",
        "&#x202E;",
        "中文",
    ]
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    text = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(1, 6))):
        lines = text.split("\n")
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "indent", "cut"]))
        at = draw(st.integers(0, len(lines) - 1))
        if action == "insert":
            line = lines[at]
            column = draw(st.integers(0, len(line)))
            lines[at] = line[:column] + draw(PIECES) + line[column:]
        elif action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "indent":
            lines[at] = draw(st.sampled_from([" ", "   ", "\t", ""])) + lines[at].lstrip()
        else:
            lines = lines[:at]
        text = "\n".join(lines)
    raw = text.encode("utf-8")
    if draw(st.booleans()) and raw:
        flip = draw(st.integers(0, len(raw) - 1))
        raw = raw[:flip] + bytes([raw[flip] ^ draw(st.integers(1, 255))]) + raw[flip + 1 :]
    return raw


def _check(raw: bytes) -> None:
    document, problems = load_yaml_bytes(raw, "projects/x/y.yaml")
    if document is not None:
        problems = problems + CHECKER.check(document)
    line_count = raw.count(b"\n") + 1
    for problem in problems:
        assert problem.path == "projects/x/y.yaml" and problem.rule and problem.message
        if problem.line == 0:
            assert problem.rule in WHOLE_FILE_RULES, problem
        else:
            assert 1 <= problem.line <= line_count and problem.column >= 1, problem
        assert "\n" not in problem.text()
    if document is None:
        assert problems, "an unusable file always says why"


@BOUNDED
@given(raw=mutated_documents())
def test_a_mutated_project_file_never_raises_and_every_problem_has_a_place(raw: bytes) -> None:
    _check(raw)


@BOUNDED
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    _check(raw)


@BOUNDED
@given(text=st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    _check(text.encode("utf-8", errors="surrogatepass"))


def test_the_samples_are_real_project_files() -> None:
    assert len(SAMPLES) == 12 and all(
        sample.startswith("# yaml-language-server") for sample in SAMPLES
    )
    assert Path(repository_root() / "projects").is_dir()
