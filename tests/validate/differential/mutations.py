"""Mutations of the sample project files for the differential test against check-jsonschema.

Each mutation turns a project file's text into a variant that probes one class of input:
YAML 1.1 spellings, trailing line breaks in patterned fields, numbers as text, wrong
types, extra keys, invisible characters, and so on. A mutation returns None when the file
has nothing it can change, so each one is applied only where it means something.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Mutation:
    name: str
    apply: Callable[[str], bytes | None]


def _sub(pattern: str, replacement: str) -> Callable[[str], bytes | None]:
    """Replace the first match of `pattern` (multi-line mode); None when there is none."""

    def apply(text: str) -> bytes | None:
        changed, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        return changed.encode("utf-8") if count else None

    return apply


def _as_json(text: str) -> bytes:
    """The same data in flow style (JSON is YAML 1.2): formatting must not matter."""
    return json.dumps(yaml.safe_load(text), ensure_ascii=False).encode("utf-8")


AMOUNT = r"^(    amount_cny: ).*$"
PUBLIC = r"^(    public: )false$"
NAME = r"^name: .*$"
TEAM_NAME = r"^(  - name: )(.*)$"

MUTATIONS = [
    Mutation("original", lambda text: text.encode("utf-8")),
    Mutation("bom-and-crlf", lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode()),
    Mutation("flow-style-json", _as_json),
    # YAML 1.1 booleans are text in YAML 1.2; only true/false (any case form) are booleans.
    *(
        Mutation(f"public-{word}", _sub(PUBLIC, rf"\g<1>{word}"))
        for word in ("yes", "no", "on", "off", "y", "n", "Yes", "True", "TRUE", "FALSE", "'false'")
    ),
    Mutation("keyword-on", _sub(r"^(keywords:\n  - ).*$", r"\g<1>on")),
    Mutation("name-yes", _sub(NAME, "name: yes")),
    Mutation("name-true", _sub(NAME, "name: true")),
    Mutation("name-null", _sub(NAME, "name: ~")),
    Mutation("name-empty", _sub(NAME, "name:")),
    Mutation("name-number", _sub(NAME, "name: 12345")),
    Mutation("name-date", _sub(NAME, "name: 2024-09-01")),
    Mutation("name-sexagesimal", _sub(NAME, "name: 1:20")),
    Mutation("name-octal", _sub(NAME, "name: 0o17")),
    # Numbers written as text, in other bases, or beyond any sane bound.
    Mutation("amount-as-text", _sub(AMOUNT, r'\g<1>"3000000"')),
    Mutation("amount-with-unit", _sub(AMOUNT, r"\g<1>300万")),
    Mutation("amount-octal", _sub(AMOUNT, r"\g<1>0o17")),
    Mutation("amount-hex", _sub(AMOUNT, r"\g<1>0x1F")),
    Mutation("amount-leading-zero", _sub(AMOUNT, r"\g<1>017")),
    Mutation("amount-sexagesimal", _sub(AMOUNT, r"\g<1>1:20")),
    Mutation("amount-exponent", _sub(AMOUNT, r"\g<1>3e6")),
    Mutation("amount-dot-exponent", _sub(AMOUNT, r"\g<1>.5e3")),
    Mutation("amount-negative-hex", _sub(AMOUNT, r"\g<1>-0x1F")),
    Mutation("amount-infinity", _sub(AMOUNT, r"\g<1>.inf")),
    Mutation("amount-overflow", _sub(AMOUNT, r"\g<1>1e400")),
    Mutation("amount-huge-integer", _sub(AMOUNT, r"\g<1>9007199254740993")),
    Mutation("amount-thousands-digits", _sub(AMOUNT, r"\g<1>" + "9" * 5000)),
    Mutation("amount-null", _sub(AMOUNT, r"\g<1>~")),
    Mutation("amount-str-tag", _sub(AMOUNT, r"\g<1>!!str 5")),
    Mutation("amount-underscore", _sub(AMOUNT, r"\g<1>1_000")),
    Mutation("amount-binary", _sub(AMOUNT, r"\g<1>0b101")),
    Mutation("amount-signed-hex", _sub(AMOUNT, r"\g<1>+0x1F")),
    Mutation("amount-nan", _sub(AMOUNT, r"\g<1>.nan")),
    Mutation("amount-underflow", _sub(AMOUNT, r"\g<1>1e-400")),
    Mutation("amount-int-tag", _sub(AMOUNT, r'\g<1>!!int "5"')),
    # Trailing line breaks and other characters patterns must refuse (ECMAScript `$`).
    Mutation("id-trailing-newline", _sub(r"^id: (.*)$", r'id: "\g<1>\\n"')),
    Mutation("started-trailing-newline", _sub(r"^started: (.*)$", r'started: "\g<1>\\n"')),
    Mutation("started-block-scalar", _sub(r"^started: (.*)$", r"started: |\n  \g<1>")),
    Mutation("started-full-width-digits", _sub(r"^started: (.*)$", "started: ２０２１-03")),
    Mutation("field-trailing-newline", _sub(r"^(fields:\n  - )(.*)$", r'\g<1>"\g<2>\\n"')),
    Mutation("website-trailing-newline", _sub(r"^(  website: )(.*)$", r'\g<1>"\g<2>\\n"')),
    Mutation("website-zero-width-no-break", _sub(r"^(  website: )(.*)$", r'\g<1>"\g<2>\\ufeffx"')),
    Mutation("email-trailing-newline", _sub(r"^(contact_email: )(.*)$", r'\g<1>"\g<2>\\n"')),
    Mutation("summary-folded", _sub(r"^summary: (.*)$", r"summary: >\n  \g<1>")),
    Mutation(
        "summary-two-paragraphs", _sub(r"^summary: (.*)$", r"summary: |\n  \g<1>\n\n  又一段")
    ),
    # Structure: wrong types, unknown and missing keys, duplicate keys, several documents.
    Mutation("keywords-not-a-list", _sub(r"^keywords:\n(  - .*\n)+", "keywords: 柔性传感\n")),
    Mutation("started-as-number", _sub(r"^started: .*$", "started: 202103")),
    Mutation("extra-key", lambda t: (t + "extra: 1\n").encode("utf-8")),
    Mutation("extra-key-in-member", _sub(r"^(    role: .*)$", r"\g<1>\n    age: 20")),
    Mutation("chinese-key", lambda t: (t + "备注: 无\n").encode("utf-8")),
    Mutation("missing-name", _sub(NAME + "\n", "")),
    Mutation("duplicate-key", lambda t: (t + "name: 重复的名称\n").encode("utf-8")),
    Mutation("second-document", lambda t: (t + "---\nid: x\n").encode("utf-8")),
    Mutation("empty-file", lambda t: b""),
    Mutation("comments-only", lambda t: b"# nothing here\n"),
    Mutation("tab-indentation", _sub(r"^  - name: ", "\t- name: ")),
    Mutation("gbk-encoding", lambda t: t.encode("gbk", errors="replace")),
    Mutation("raw-bell-in-name", _sub(TEAM_NAME, "\\g<1>\\g<2>\x07")),
    Mutation("raw-delete-in-name", _sub(TEAM_NAME, "\\g<1>\\g<2>\x7f")),
    Mutation("raw-c1-in-name", _sub(TEAM_NAME, "\\g<1>\\g<2>\x9b")),
    Mutation("lone-carriage-return-in-value", _sub(r"^(summary: .{5})", "\\g<1>\r")),
    # Intended differences: see intended-differences.yaml.
    Mutation(
        "anchor-and-alias",
        _sub(r"^(  - name: )(.*)\n(    role: )(.*)$", r"\g<1>&who \g<2>\n\g<3>*who"),
    ),
    Mutation("merge-key", _sub(r"^(  - )name: (.*)$", r"\g<1><<: {name: \g<2>}")),
    Mutation(
        "yaml-1-1-directive",
        lambda t: ("%YAML 1.1\n---\n" + t.replace("    public: false", "    public: no")).encode(
            "utf-8"
        ),
    ),
    Mutation("utf-16", lambda t: t.encode("utf-16")),
    Mutation("oversized-comment", lambda t: (t + ("# " + "填充" * 40 + "\n") * 800).encode()),
    Mutation("bidi-override-in-name", _sub(TEAM_NAME, "\\g<1>\\g<2>\u202e")),
    Mutation("bidi-isolate-in-comment", lambda t: (t + "# 注释\u2066\n").encode("utf-8")),
    Mutation("escaped-escape-in-name", _sub(TEAM_NAME, '\\g<1>"\\g<2>\\\\e"')),
    Mutation("escaped-bidi-in-name", _sub(TEAM_NAME, '\\g<1>"\\g<2>\\\\u202e"')),
    Mutation("raw-next-line-in-name", _sub(TEAM_NAME, "\\g<1>\\g<2>\x85x")),
    Mutation("raw-line-separator-in-name", _sub(TEAM_NAME, "\\g<1>\\g<2>\u2028x")),
    Mutation("carriage-return-before-line-end", _sub(r"^(summary: .*)$", "\\g<1>\r\r")),
    Mutation("html-reference-bidi", _sub(r"^(description: \|\n  )", "\\g<1>&#x202E;")),
    Mutation("newline-in-name", _sub(TEAM_NAME, '\\g<1>"\\g<2>\\\\n乙"')),
    Mutation("tab-in-name", _sub(TEAM_NAME, '\\g<1>"\\g<2>\\\\t乙"')),
    Mutation(
        "two-paragraph-title", _sub(r"^(    title: )(.*)$", "\\g<1>|\n      \\g<2>\n\n      又一段")
    ),
]
