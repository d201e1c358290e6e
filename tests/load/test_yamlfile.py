"""The loader keeps positions, keeps dates as text and refuses what it must refuse."""

from __future__ import annotations

from pathlib import Path

from showcase.load.yamlfile import MAX_FILE_BYTES, load_yaml, load_yaml_bytes

SOURCE = """\
# a comment line
id: smart-yarn
started: 2024-09
date: 2024-09-01
public: false
legacy: yes
amount: 500000
team:
  - name: 王小明
    role: 负责人
  - name: "李四"
    tags: [a, b]
"""


def test_values_keep_their_line_and_column() -> None:
    document, problems = load_yaml_bytes(SOURCE.encode(), "p.yaml")
    assert problems == []
    assert document is not None
    assert document.position(("id",)) == (2, 5)
    assert document.position(("team", 0, "name")) == (9, 11)
    assert document.position(("team", 1, "name")) == (11, 11)
    assert document.position(("team", 1, "tags", 1)) == (12, 15)


def test_keys_keep_their_position_and_list_items_fall_back_to_the_value() -> None:
    document, _ = load_yaml_bytes(SOURCE.encode(), "p.yaml")
    assert document is not None
    assert document.key_position(("team", 1, "name")) == (11, 5)
    assert document.key_position(("team", 0)) == (9, 5)


def test_an_absent_value_points_at_its_nearest_ancestor() -> None:
    document, _ = load_yaml_bytes(SOURCE.encode(), "p.yaml")
    assert document is not None
    assert document.position(("team", 0, "major")) == (9, 5)


def test_dates_stay_strings_and_scalars_resolve_like_yaml_1_2() -> None:
    document, _ = load_yaml_bytes(SOURCE.encode(), "p.yaml")
    assert document is not None
    data = document.data
    assert data["started"] == "2024-09"
    assert data["date"] == "2024-09-01"
    assert data["public"] is False
    assert data["legacy"] == "yes"
    assert data["amount"] == 500000
    assert data["team"][1]["name"] == "李四"


def test_bom_and_crlf_are_accepted_with_the_same_positions() -> None:
    raw = b"\xef\xbb\xbf" + SOURCE.replace("\n", "\r\n").encode()
    document, problems = load_yaml_bytes(raw, "p.yaml")
    assert problems == []
    assert document is not None
    assert document.data["team"][0]["name"] == "王小明"
    assert document.position(("team", 0, "name")) == (9, 11)


def test_document_keeps_the_text_for_comment_scans() -> None:
    document, _ = load_yaml_bytes(b"\xef\xbb\xbfa: 1 # note\n", "p.yaml")
    assert document is not None
    assert document.text == "a: 1 # note\n"


def test_duplicate_keys_are_reported_at_the_second_key() -> None:
    _, problems = load_yaml_bytes(b"a: 1\nb: 2\na: 3\n", "p.yaml")
    assert [(p.rule, p.line, p.column) for p in problems] == [("load.duplicate-key", 3, 1)]
    assert "第 1 行" in problems[0].message


def test_anchors_aliases_and_custom_tags_are_refused() -> None:
    for source, rule in (
        (b"a: &x 1\nb: *x\n", "load.anchor"),
        (b"a: !!python/object:os.system 1\n", "load.tag"),
        (b"a: 1\n---\nb: 2\n", "load.multiple-documents"),
    ):
        document, problems = load_yaml_bytes(source, "p.yaml")
        assert document is None
        assert [p.rule for p in problems] == [rule]


def test_tab_indentation_gets_a_chinese_message_at_the_tab() -> None:
    document, problems = load_yaml_bytes(b"a:\n  b: 1\n\tc: 2\n", "p.yaml")
    assert document is None
    assert (problems[0].line, problems[0].column) == (3, 1)
    assert "Tab" in problems[0].message


def test_syntax_error_messages_are_chinese() -> None:
    _, problems = load_yaml_bytes("name: 甲: 乙\n".encode(), "p.yaml")
    assert problems[0].rule == "load.syntax"
    assert (problems[0].line, problems[0].column) == (1, 8)
    assert "while" not in problems[0].message


def test_non_utf8_empty_and_oversized_files_are_refused(tmp_path: Path) -> None:
    _, problems = load_yaml_bytes("名称: 项目\n".encode("gbk"), "p.yaml")
    assert problems[0].rule == "load.encoding"
    _, problems = load_yaml_bytes(b"# only a comment\n\n", "p.yaml")
    assert problems[0].rule == "load.empty"
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    document, problems = load_yaml(big, "big.yaml")
    assert document is None
    assert problems[0].rule == "load.too-large"


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    document, problems = load_yaml(tmp_path / "nope.yaml", "nope.yaml")
    assert document is None
    assert problems[0].rule == "load.unreadable"
