"""Which rule ids the code can emit, and which rule ids the data-driven cases produce.

`rules_in_code` reads showcase/**/*.py with `ast` and takes a string only where it stands
for a rule: the `rule=` keyword of any call; the argument in a parameter named ``rule`` of
a function or dataclass defined in showcase/ (``report(path, rule, …)``,
``Issue(path, rule, …)``, ``file_problem(path, rule, …)``…); a value assigned to a name
``rule`` (``rule, hint = "schema.min-length", …``); the first item of a
``(rule, message, hint)`` triple (a module alias ``X = tuple[str, str, str]`` documented as
``(rule, …)``) returned or passed where such a triple is expected; and the default of
``.get("x-rule", …)``. Names are followed to module-level string constants
(``PHONE = "personal.phone"``). The schemas' ``x-rule`` annotations are rules too.
A plain string such as ``"logo.png"`` is never taken for a rule.

`rules_in_cases` reads the expected.txt of every data-driven case folder
(tests/validate/cases, tests/forms/cases, tests/review/cases, tests/funding/cases): each
line starts with the ``[rule.id]`` it must produce.

``python -m tests.rule_coverage`` prints the figure (rules with a case / rules in code)
and the rules without one.
"""

from __future__ import annotations

import ast
import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "showcase"
SCHEMAS = ROOT / "schemas"
CASE_FOLDERS = tuple(
    Path(__file__).parent / part
    for part in ("validate/cases", "forms/cases", "review/cases", "funding/cases")
)

RULE_ID = re.compile(r"[a-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+")
EXPECTED_LINE = re.compile(r"\[([^\]\s]+)\] ")


@functools.cache
def rules_in_code() -> frozenset[str]:
    """Every rule id a Problem (or a scheduler Issue) in showcase/ or a schema can carry."""
    sources = [path.read_text(encoding="utf-8") for path in _sources()]
    found = rules_in_sources(sources) | set(_schema_rules())
    malformed = {rule for rule in found if not RULE_ID.fullmatch(rule)}
    assert not malformed, f"rule ids not shaped like namespace.name: {sorted(malformed)}"
    return frozenset(found)


def rules_in_sources(sources: list[str]) -> set[str]:
    """The rule ids written in these Python modules (read together, as one package)."""
    modules = [ast.parse(source) for source in sources]
    index = _Index(modules)
    found: set[str] = set()
    for tree in modules:
        triples = _triple_aliases(tree)
        for node in ast.walk(tree):
            for expression in index.rule_expressions(tree, node, triples):
                found |= index.strings(expression)
    return found


def rules_not_read() -> list[str]:
    """``path:line: expression`` of every rule the collector cannot read as strings.

    A rule passed on (a variable ``rule``, an attribute ``finding.rule``, a call of a
    function named ``…_rule`` whose returns are read, ``None`` for no rule) is read where it
    was written; anything else (an f-string, a concatenation, a subscript, another call)
    would hide a rule id from the coverage figure, so it must be written as a constant."""
    sources = list(_sources())
    modules = [ast.parse(path.read_text(encoding="utf-8")) for path in sources]
    index = _Index(modules)
    unread = []
    for path, tree in zip(sources, modules, strict=True):
        triples = _triple_aliases(tree)
        for node in ast.walk(tree):
            for expression in index.rule_expressions(tree, node, triples):
                if not index.strings(expression) and not _passed_on(expression):
                    shown = f"{path.relative_to(ROOT).as_posix()}:{expression.lineno}"
                    unread.append(f"{shown}: {ast.unparse(expression)}")
    return sorted(set(unread))


def _passed_on(expression: ast.expr) -> bool:
    if isinstance(expression, ast.Name | ast.Attribute):
        return True
    if isinstance(expression, ast.Constant):
        return expression.value is None
    if isinstance(expression, ast.Call):
        function = expression.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        return name == "get" or name == "rule" or name.endswith("_rule")
    return False


def rules_in_cases() -> dict[str, list[str]]:
    """Rule id → the case folders (``validate/cases/phone-number``…) whose expected.txt
    names it."""
    cases: dict[str, list[str]] = {}
    for folder in CASE_FOLDERS:
        for expected in sorted(folder.glob("*/expected.txt")):
            name = expected.parent.relative_to(Path(__file__).parent).as_posix()
            for line in expected.read_text(encoding="utf-8").splitlines():
                if match := EXPECTED_LINE.match(line):
                    cases.setdefault(match.group(1), []).append(name)
    return cases


def _sources() -> Iterator[Path]:
    return (path for path in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in path.parts)


def _schema_rules() -> Iterator[str]:
    def walk(value: object) -> Iterator[str]:
        if isinstance(value, dict):
            if isinstance(value.get("x-rule"), str):
                yield value["x-rule"]
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    for path in sorted(SCHEMAS.glob("*.json")):
        yield from walk(json.loads(path.read_text(encoding="utf-8")))


def _triple_aliases(tree: ast.Module) -> set[str]:
    """Module aliases ``X = tuple[str, str, str]`` whose docstring begins ``(rule,``."""
    aliases = set()
    for statement, following in zip(tree.body, tree.body[1:], strict=False):
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and ast.unparse(statement.value).startswith("tuple[")
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and str(following.value.value).startswith("(rule,")
        ):
            aliases.add(statement.targets[0].id)
    return aliases


def _names_in(annotation: ast.expr | None) -> set[str]:
    if annotation is None:
        return set()
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        annotation = ast.parse(annotation.value, mode="eval").body
    return {node.id for node in ast.walk(annotation) if isinstance(node, ast.Name)}


class _Signatures:
    """Where the callables defined in some modules take a rule: by parameter name ``rule``,
    or by an annotation naming a ``(rule, …)`` triple alias."""

    def __init__(self, *modules: ast.Module) -> None:
        self.rule_positions: dict[str, set[int]] = {}
        self.annotated_positions: dict[str, set[tuple[int, frozenset[str]]]] = {}
        self.aliases: dict[str, str] = {}
        for tree in modules:
            for node in ast.walk(tree):
                for name, parameters in self._signatures(node):
                    for position, (parameter, annotation) in enumerate(parameters):
                        if parameter == "rule":
                            self.rule_positions.setdefault(name, set()).add(position)
                        if names := frozenset(_names_in(annotation)):
                            self.annotated_positions.setdefault(name, set()).add((position, names))

    def aliased(self, tree: ast.Module) -> None:
        """Let ``from m import f as g`` make ``g`` take a rule where ``f`` does."""
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.asname:
                        self.aliases[alias.asname] = alias.name

    def defines(self, name: str) -> bool:
        return name in self.rule_positions or name in self.annotated_positions

    @staticmethod
    def _signatures(node: ast.AST) -> Iterator[tuple[str, list[tuple[str, ast.expr | None]]]]:
        """(callable name, [(parameter, annotation)…]) for functions and dataclasses."""
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = [*node.args.posonlyargs, *node.args.args]
            if arguments and arguments[0].arg in {"self", "cls"}:
                arguments = arguments[1:]
            yield node.name, [(argument.arg, argument.annotation) for argument in arguments]
        elif isinstance(node, ast.ClassDef):
            fields = [
                (statement.target.id, statement.annotation)
                for statement in node.body
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
            ]
            if fields:
                yield node.name, fields


class _Index:
    """What the whole package defines: callables taking a rule, and string constants."""

    def __init__(self, modules: list[ast.Module]) -> None:
        self.signatures = {id(tree): _Signatures(tree) for tree in modules}
        for tree in modules:
            self.signatures[id(tree)].aliased(tree)
        self.everywhere = _Signatures(*modules)
        self.constants: dict[str, set[str]] = {}
        for tree in modules:
            for statement in tree.body:
                if (
                    isinstance(statement, ast.Assign)
                    and isinstance(statement.value, ast.Constant)
                    and isinstance(statement.value.value, str)
                ):
                    for target in statement.targets:
                        if isinstance(target, ast.Name):
                            self.constants.setdefault(target.id, set()).add(statement.value.value)

    def rule_expressions(
        self, tree: ast.Module, node: ast.AST, triples: set[str]
    ) -> Iterator[ast.expr]:
        """The sub-expressions of `node`, a node of the module `tree`, that stand for a rule."""
        if isinstance(node, ast.Call):
            yield from self._call(self.signatures[id(tree)], node, triples)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                yield from _assigned_to_rule(target, node.value)
        elif isinstance(node, ast.For) and isinstance(node.iter, ast.Tuple | ast.List):
            for value in node.iter.elts:
                yield from _assigned_to_rule(node.target, value)
        elif isinstance(node, ast.FunctionDef):
            returned = [
                statement.value
                for statement in ast.walk(node)
                if isinstance(statement, ast.Return) and statement.value is not None
            ]
            if node.name == "rule" or node.name.endswith("_rule"):
                yield from returned
            if _names_in(node.returns) & triples:
                for value in returned:
                    yield from _first_of_triple(value)

    def _call(self, local: _Signatures, call: ast.Call, triples: set[str]) -> Iterator[ast.expr]:
        """A call's rule arguments; the callee is looked up in its own module first (two
        modules may each have a private ``_problem``), then in the whole package."""
        for keyword in call.keywords:
            if keyword.arg == "rule":
                yield keyword.value
        function = call.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        name = local.aliases.get(name, name)
        signatures = local if local.defines(name) else self.everywhere
        for position in signatures.rule_positions.get(name, ()):
            if position < len(call.args):
                yield call.args[position]
        for position, annotation in signatures.annotated_positions.get(name, ()):
            if annotation & triples and position < len(call.args):
                yield from _first_of_triple(call.args[position])
        if (
            name == "get"
            and len(call.args) == 2
            and isinstance(call.args[0], ast.Constant)
            and call.args[0].value == "x-rule"
        ):
            yield call.args[1]

    def strings(self, expression: ast.expr) -> set[str]:
        """The string values `expression` can take: constants, named constants, both arms
        of a conditional."""
        if isinstance(expression, ast.Constant) and isinstance(expression.value, str):
            return {expression.value}
        if isinstance(expression, ast.Name):
            return self.constants.get(expression.id, set())
        if isinstance(expression, ast.IfExp):
            return self.strings(expression.body) | self.strings(expression.orelse)
        if isinstance(expression, ast.BoolOp):
            return set().union(*(self.strings(value) for value in expression.values))
        return set()


def _assigned_to_rule(target: ast.expr, value: ast.expr) -> Iterator[ast.expr]:
    if isinstance(target, ast.Name) and target.id == "rule":
        yield value
    elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
        for inner_target, inner_value in zip(target.elts, value.elts, strict=False):
            yield from _assigned_to_rule(inner_target, inner_value)


def _first_of_triple(expression: ast.expr) -> Iterator[ast.expr]:
    if isinstance(expression, ast.Tuple) and expression.elts:
        yield expression.elts[0]


def main() -> None:
    code = rules_in_code()
    cases = rules_in_cases()
    covered = code & set(cases)
    print(f"rule coverage: {len(covered)}/{len(code)} rules in code have a data-driven case")
    for rule in sorted(code - covered):
        print(f"  no case: {rule}")
    for rule in sorted(set(cases) - code):
        print(f"  case names a rule the code cannot emit: {rule}")


if __name__ == "__main__":
    main()
