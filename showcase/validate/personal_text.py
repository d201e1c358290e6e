"""Personal data in one piece of text, however it is spelt: the rules and their engine.

Every door that looks for personal data uses this module: the validator (decoded YAML
values, comments, story bodies), `check-pr` (added lines of any text file) and the
submission form, whose small engine in ``render/assets/submit.js`` receives the same
patterns, tables, labels and messages from `browser_rules`.

Text is folded first (`showcase.validate.text_folding`: NFKC, every space, dash, dot and
zero-width character, digits of every script and Chinese numerals, percent-escapes), as written and as HTML
shows it (entities decoded, comments and tags dropped); both views are searched, so a number hidden inside a
comment and one split by a comment are both found, at the characters the author wrote.

On the folded text:

* ``personal.phone``: a run of digits with separators between them whose whole groups
  spell ``1[3-9]`` + 9 digits, optionally after 86 or 0086: a mainland mobile number.
  Spaces (any number: HTML collapses them) and up to four `_JOINERS` join the parts of
  one number, in any grouping but an amount's (``13 800 000 000``). Commas, 、, colons,
  semicolons and pipes also part the numbers of a list or table, so groups across them
  count only in the shapes numbers are written in (``138、1234、5678``, ``| 138 | 1234 |
  5678 |``), and not as round amounts (``150、2000、3000``): `_spells`;
* ``personal.id-card``: whole groups spelling 17 digits and a digit or X, with a real
  birth date and the GB 11643 check digit; or any number after an ID label (身份证号…);
* ``personal.student-id``: a number of 6+ digits right after a student or exam label
  (学号, 學號, 准考证号, student id…), also after a short qualifier (学号（本科）, 学号为),
  or the value of a field named by such a label;
* ``personal.wechat``: a WeChat id (a letter, then 5–19 letters, digits, ``_`` or ``-``)
  after a WeChat label (微信, 微信号, v信, vx, wx号, wechat…); after a colon, 号 or 是 any
  id, after only a space or nothing one with a digit, ``_`` or ``-`` (so "微信 account"
  is prose). Official accounts and groups (微信公众号, 微信群) are not people;
* ``personal.qq``: a QQ number (5–11 digits, not starting with 0) after a QQ label (QQ,
  QQ号, 扣扣, 企鹅号); QQ groups and mailboxes (QQ群, QQ邮箱) are left to the other rules;
* ``personal.email``: an address at a personal mailbox provider
  (``personal_email_domains`` in content/site.yaml), also with @ spelt ``[at]``, `` at ``,
  ``#``, 艾特 or 圈a, a dot spelt ``[dot]``, `` dot `` or 点, or percent-escaped.

Example::

    rules = PersonalDataRules(datetime.date.today(), ("qq.com",))
    find_personal_data("电话：１３８－１２３４－５６７８", rules)
    # [Finding(rule="personal.phone", start=3, end=16, shown="138****5678")]
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from typing import Any

from showcase.validate.text_folding import NUMERALS, browser_tables, fold, fold_text, has_markup

PHONE = "personal.phone"
ID_CARD = "personal.id-card"
STUDENT_ID = "personal.student-id"
EMAIL = "personal.email"
WECHAT = "personal.wechat"
QQ = "personal.qq"
CONTACT_FIELD = ("x-personal-data", "institutional-contact")
"""The schema annotation of a field where an office phone or mailbox is allowed."""
CONTACT_ALLOWED = frozenset({PHONE, EMAIL, WECHAT, QQ})
"""The rules a field marked `CONTACT_FIELD` skips (an office's phone, mailbox or official
account); numbers skip them too (amounts, not phones)."""

_JOINERS = r"\n\-.()+/\\_*~`"
"""Besides spaces, what joins the parts of one number: line breaks, dashes, dots, brackets,
plus signs, slashes and Markdown emphasis."""
_TIGHT = rf"[\s{_JOINERS}]"
_SEPARATOR = rf"""[\s{_JOINERS},、:;|丨│┃"'“”‘’\[\]{{}}<>【】「」『』〔〕《》〈〉]"""
"""Those and what also parts the numbers of a list, a table or an amount: commas, colons,
pipes and table borders, quotes and brackets."""
_QUALIFIER = (
    r"[(\[【「『〔<{][^()\[\]【】「」『』〔〕<>{}\n]{1,16}[)\]】」』〕>}]"
    r"|是|为|為|码|碼|分别|分別|依次|如下|本科生|本科|研究生|硕士|碩士|博士|专科|專科|no|num|number"
)
"""What may stand between a label and its number besides punctuation: 学号（本科）, 学号为."""
_PATTERNS = {
    "run": rf"[0-9](?:{_SEPARATOR}*[0-9]){{10,}}(?:{_SEPARATOR}*[Xx](?![A-Za-z]))?",
    "group": r"[0-9]+|[Xx]",
    "tightGap": rf"[^\S\n]*(?:[{_JOINERS}][^\S\n]*){{0,4}}",
    "phone": r"^(?:0086|86)?1[3-9][0-9]{9}$",
    "phoneShape": r"^(?:11|3-8|7-4|3-4-4)$",
    "amountShape": r"^[1-3](?:-3)+(?:-[12])?$",
    "idCard": r"^[0-9]{17}[0-9Xx]$",
    "idShape": r"^(?:18|6-12|17-1|6-8-4|6-4-4-4|3-3-4-4-4)$",
    "number": rf"[A-Za-z]{{0,2}}[0-9](?:{_TIGHT}{{0,2}}[0-9]){{5,19}}[Xx]?(?![0-9])",
    "gap": (
        r"""\s*(?:(?:[:=#\-|,.、;/()\[\]【】「」『』《》<>→"'“”‘’*_~`]|"""
        rf"{_QUALIFIER})\s*){{0,8}}"
    ),
    "at": r"(?:\s*(?:@|艾特|圈\s*a)\s*|\s*[\[(<{【]\s*at\s*[\])>}】]\s*|\s+at\s+|#)",
    "dot": r"(?:\s*(?:\.|点|點|[\[(<{【]\s*dot\s*[\])>}】])\s*|\s+dot\s+)",
    "wechat": (
        r"(?:(?<![a-z])(?:wechat|weixin|vx|wx)(?![a-z])|[微威薇徽v]\s*信)"
        r"(?!\s*(?:公众|公眾|群|小程序|支付|视频号|視頻號|服务号|服務號|订阅号|訂閱號))"
        r"(?:(?:\s*(?:号码|號碼|号|號|账号|帳號|帐号|id)(?:\s*(?:[:=\-]|是|为|為))?"
        r"|\s*(?:[:=\-]|是|为|為))\s*([a-z][a-z0-9_-]{5,19})"
        r"|\s*([a-z](?=[a-z0-9_-]*[0-9_-])[a-z0-9_-]{5,19}))(?![a-z0-9_-])"
    ),
    "qq": (
        r"(?:(?<![a-z])q\s*q|扣\s*扣|企\s*[鹅鵝]\s*[号號]|(?<![a-z])q\s*[号號])"
        r"(?!\s*(?:群|邮箱|郵箱|空间|空間|\.com))"
        r"(?:\s*(?:号码|號碼|号|號|账号|帳號|帐号))?(?:\s*(?:[:=|/\-]|是|为|為))?"
        r"\s*([1-9](?:[ \-]?[0-9]){4,10})(?![0-9])"
    ),
}
_ID_LABEL_WORDS = (
    "身份证号码 身份證號碼 公民身份号码 公民身份號碼 身份证号 身份證號 身份证 身份證 证件号码 證件號碼"
    " 证件号 證件號 id_card_number id_card_no id_card identity_card identity_number national_id"
    " citizen_id"
)
_STUDENT_LABEL_WORDS = (
    "学生证号 學生證號 学生证 學生證 学生编号 學生編號 全国学籍号 全國學籍號 学籍号 學籍號 学籍编号"
    " 學籍編號 学号 學號 准考证号 准考證號 准考证 准考證 考生编号 考生編號 考生号 考生號 考籍号 考籍號"
    " 高考报名号 高考報名號 报名序号 報名序號 报名号 報名號 一卡通号 一卡通號 校园卡号 校園卡號"
    " student_id student_no student_number stu_id stu_no matriculation_number matric_no"
    " enrollment_number enrolment_number admission_ticket_number examinee_number exam_number"
    " candidate_number xuehao"
)
"""Labels in simplified and traditional characters and English (``_`` stands for a space)."""
_ID_LABELS = tuple(_ID_LABEL_WORDS.split())
_LABEL_CHARACTERS = "号號证證dnu"
"""Every label holds one of these (`may_hold` needs a label for a number under 11 digits)."""
_STUDENT_LABELS = tuple(_STUDENT_LABEL_WORDS.split())
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"

_WHY = "网站和数据仓库都是公开的，依照《个人信息保护法》，未经本人同意不得公开个人信息"
MESSAGES = {
    PHONE: (
        f"发现手机号「{{shown}}」：{_WHY}，手机号公开后会招来骚扰和诈骗。",
        "删除号码；对外联系统一通过学院或项目的联系邮箱（学校邮箱）。",
    ),
    ID_CARD: (
        f"发现身份证号「{{shown}}」：身份证号属于敏感个人信息，{_WHY}，泄露后无法收回。",
        "删除身份证号；展示网站不需要它，报名材料请走学院的内部渠道。",
    ),
    STUDENT_ID: (
        f"发现学号或考生号「{{shown}}」：它能对应到具体学生，{_WHY}。",
        "删除这个编号；成员只写姓名、角色、专业和年级。",
    ),
    WECHAT: (
        f"发现微信号「{{shown}}」：微信号能直接加到本人，{_WHY}。",
        "删除微信号；对外联系统一通过学院或项目的联系邮箱（学校邮箱）。",
    ),
    QQ: (
        f"发现 QQ 号「{{shown}}」：QQ 号能直接联系到本人，{_WHY}。",
        "删除 QQ 号；对外联系统一通过学院或项目的联系邮箱（学校邮箱）。",
    ),
    EMAIL: (
        f"发现个人邮箱「{{shown}}」：个人邮箱能直接联系到本人，{_WHY}。",
        "删除个人邮箱；对外联系统一用 项目的联系邮箱（学校邮箱）或学院的公开联系方式。",
    ),
}
"""Message and fix hint of each rule; ``{shown}`` is the masked finding."""


@dataclass(frozen=True)
class Finding:
    rule: str
    start: int
    """Index of the first character in the original text."""
    end: int
    shown: str
    """The finding masked: enough to find it in the file, not enough to publish it."""


def _label_pattern(labels: tuple[str, ...]) -> str:
    """Labels as one alternation; spaces, dots and underscores may sit between their parts."""

    def one(label: str) -> str:
        if label.isascii():
            return r"[\s_.\-]*".join(label.split("_"))
        return r"\s*".join(fold_text(label))

    return "|".join(one(label) for label in sorted(labels, key=len, reverse=True))


def personal_email_pattern(domains: tuple[str, ...], any_domain: bool = False) -> str:
    """The pattern of an address at one of `domains` (any domain with `any_domain`); ""
    when no domain is listed. Shared by the validator and the form's engine."""
    dot, at = _PATTERNS["dot"], _PATTERNS["at"]
    if any_domain:
        domain = rf"[A-Za-z0-9-]+(?:{dot}[A-Za-z0-9-]+)+"
    elif domains:
        listed = sorted(domains, key=len, reverse=True)
        domain = rf"(?:[A-Za-z0-9-]+{dot})*?(?:{'|'.join(dot.join(d.split('.')) for d in listed)})"
    else:
        return ""
    return rf"([A-Za-z0-9][A-Za-z0-9._%+\-]{{0,63}}){at}({domain})(?![A-Za-z0-9\-]|\.[A-Za-z0-9])"


@dataclass(frozen=True)
class PersonalDataRules:
    """The day (birth dates are not in the future) and the personal mailbox domains."""

    today: datetime.date
    email_domains: tuple[str, ...] = ()
    any_email: bool = False
    """Every e-mail address counts (masking output, where the site's list is unknown)."""

    @classmethod
    def for_site(cls, site: Any, today: datetime.date) -> PersonalDataRules:
        """The rules for a repository whose content/site.yaml holds `site` (any shape)."""
        domains = site.get("personal_email_domains") if isinstance(site, dict) else None
        if not isinstance(domains, list):
            return cls(today)
        return cls(today, tuple(d.lower() for d in domains if isinstance(d, str) and d))

    @functools.cached_property
    def email_pattern(self) -> str:
        """The pattern of a personal address ("" when no domain is listed)."""
        return personal_email_pattern(self.email_domains, any_domain=self.any_email)

    @functools.cached_property
    def _email(self) -> re.Pattern[str] | None:
        return re.compile(self.email_pattern, re.IGNORECASE) if self.email_pattern else None

    def find_folded(self, folded: str, allowed: frozenset[str] = frozenset()) -> list[Finding]:
        """Findings in already folded text, positions in that text; `allowed` rules skipped."""
        found: list[Finding] = []
        for run in _RUN.finditer(folded):
            found += self._numbers_in_run(folded, run, allowed)
        for match in _LABELLED.finditer(folded):
            rule = ID_CARD if match.group(1) else STUDENT_ID
            found.append(_labelled(match, 3, rule))
        for rule, pattern in ((WECHAT, _WECHAT), (QQ, _QQ)):
            if rule not in allowed:
                for match in pattern.finditer(folded):
                    found.append(_labelled(match, 1 if match.group(1) is not None else 2, rule))
        if self._email is not None and EMAIL not in allowed:
            for match in self._email.finditer(folded):
                local, domain = match.group(1), _DOT.sub(".", match.group(2)).lower()
                found.append(Finding(EMAIL, match.start(), match.end(), f"{local[0]}***@{domain}"))
        return found

    def _numbers_in_run(
        self, folded: str, run: re.Match[str], allowed: frozenset[str]
    ) -> list[Finding]:
        """Phones and ID numbers made of whole digit groups of one run; the longest reading
        wins, if its groups `_spells` it."""
        groups = list(_GROUP.finditer(folded, run.start(), run.end()))
        found: list[Finding] = []
        first = 0
        while first < len(groups):
            digits, longest, written, parts, tight = "", None, [""], [""], True
            for last in range(first, len(groups)):
                gap = folded[groups[last - 1].end() : groups[last].start()] if last > first else ""
                if gap:
                    written.append("")
                    tight = tight and _TIGHT_GAP.fullmatch(gap) is not None
                    if not gap.isspace():
                        parts.append("")
                written[-1] += groups[last].group()
                parts[-1] += groups[last].group()
                digits += groups[last].group()
                if len(digits) > 18:
                    break
                rule = self._number_rule(digits)
                if rule and _spells(rule, written, parts, tight):
                    longest = (rule, last, digits)
            if longest and longest[0] not in allowed:
                rule, last, digits = longest
                start, end = groups[first].start(), groups[last].end()
                if rule == PHONE and folded[start - 1 : start] == "+":
                    start -= 1  # +86: the finding starts at the plus sign
                found.append(Finding(rule, start, end, mask(rule, digits)))
                first = last
            first += 1
        return found

    def _number_rule(self, digits: str) -> str | None:
        if _PHONE_DIGITS.match(digits):
            return PHONE
        if _ID_DIGITS.match(digits) and resident_id_is_valid(digits, self.today):
            return ID_CARD
        return None


def find_personal_data(
    text: str, rules: PersonalDataRules, allowed: frozenset[str] = frozenset()
) -> list[Finding]:
    """Every finding in `text`, positions in `text`, in order; `allowed` rules skipped."""
    return find_in_both_views(text, rules, allowed) if may_hold(text) else []


def find_in_both_views(
    text: str, rules: PersonalDataRules, allowed: frozenset[str] = frozenset()
) -> list[Finding]:
    """`find_personal_data` without the quick check (`may_hold`)."""
    views = [fold(text), *([fold(text, rendered=True)] if has_markup(text) else [])]
    written = [
        Finding(f.rule, *view.span(f.start, f.end), f.shown)
        for view in views
        for f in rules.find_folded(view.text, allowed)
    ]
    kept: list[Finding] = []
    for finding in sorted(written, key=lambda f: (f.start, f.start - f.end)):
        if not kept or finding.start >= kept[-1].end:
            kept.append(finding)  # overlapping ones are the same data seen another way
    return kept


@functools.lru_cache(maxsize=1024)
def key_label(key: str) -> str | None:
    """The rule of a field whose name is a label (``学号``, ``student_id``), else None."""
    match = _KEY_LABEL.fullmatch(fold_text(key))
    if not match:
        return None
    return ID_CARD if match.group(1) else STUDENT_ID


def labelled_number(text: str, rule: str) -> Finding | None:
    """The number a labelled field's value starts with (``No. 2021…`` counts)."""
    folded = fold(text)
    number = _KEY_VALUE.match(folded.text)
    if not number:
        return None
    return Finding(rule, *folded.span(*number.span(1)), mask(rule, number.group(1)))


def mask_text(text: str, rules: PersonalDataRules) -> str:
    """`text` with every finding replaced by its masked form."""
    for finding in reversed(find_personal_data(text, rules)):
        text = text[: finding.start] + finding.shown + text[finding.end :]
    return text


def mask(rule: str, found: str) -> str:
    """A phone keeps 3 + 4 digits, an ID 4 + 4, another number at most 3 + 3, a WeChat id
    its first and last character."""
    if rule == WECHAT:
        return found[0] + "*" * (len(found) - 2) + found[-1]
    digits = "".join(c for c in found if c.isalnum())
    if rule == PHONE:
        digits = digits[-11:]  # without the 86 / 0086 prefix
        return f"{digits[:3]}****{digits[-4:]}"
    keep = 4 if rule == ID_CARD and len(digits) >= 15 else 3 if len(digits) >= 10 else 1
    return digits[:keep] + "*" * (len(digits) - 2 * keep) + digits[-keep:]


def resident_id_is_valid(number: str, today: datetime.date) -> bool:
    """GB 11643: a real birth date, not in the future, and the mod-11 check digit."""
    try:
        born = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born > today:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number, _ID_WEIGHTS, strict=False))
    return _ID_CHECK_CHARS[total % 11] == number[17].upper()


def browser_rules(email_domains: tuple[str, ...] = ()) -> dict[str, Any]:
    """Everything the form's engine needs to apply these rules: no second copy in JS."""
    return {
        **browser_tables(),
        "patterns": _PATTERNS
        | {
            "labelled": _LABELLED.pattern,
            "keyLabel": _KEY_LABEL.pattern,
            "keyValue": _KEY_VALUE.pattern,
        },
        "email": personal_email_pattern(email_domains),
        "contactField": list(CONTACT_FIELD),
        "contactAllowed": sorted(CONTACT_ALLOWED),
        "idWeights": list(_ID_WEIGHTS),
        "idCheckChars": _ID_CHECK_CHARS,
        "rules": {
            "phone": PHONE,
            "idCard": ID_CARD,
            "student": STUDENT_ID,
            "email": EMAIL,
            "wechat": WECHAT,
            "qq": QQ,
        },
        "messages": {rule: list(texts) for rule, texts in MESSAGES.items()},
    }


def _spells(rule: str, written: list[str], parts: list[str], tight: bool) -> bool:
    """Whether digit groups spell the number their digits are. `written` are the groups as
    the separators part them, `parts` with those parted only by spaces joined. Groups
    `tight` together do in any grouping but an amount's; others (a list's numbers?) in a
    phone's or ID number's shapes, a phone not as round amounts."""
    if tight:
        return rule == ID_CARD or _AMOUNT_SHAPE.match(_shape(written)) is None
    if rule == ID_CARD:
        return _ID_SHAPE.match(_shape(parts)) is not None
    prefix = len("".join(parts)) - 11  # 86 or 0086
    while prefix:
        cut = min(prefix, len(parts[0]))
        parts = [parts[0][cut:], *parts[1:]] if cut < len(parts[0]) else parts[1:]
        prefix -= cut
    round_amounts = len(parts) > 1 and all(part.endswith("00") for part in parts[1:])
    return _PHONE_SHAPE.match(_shape(parts)) is not None and not round_amounts


def _shape(parts: list[str]) -> str:
    return "-".join(str(len(part)) for part in parts)


def _widths(characters: str) -> str:
    """`characters` in both cases, and the full-width forms of the ASCII ones."""
    both = characters + characters.upper()
    return both + "".join(chr(ord(c) + 0xFEE0) for c in both if c.isascii())


def _labelled(match: re.Match[str], group: int, rule: str) -> Finding:
    number = match.group(group)
    return Finding(rule, match.start(group), match.end(group), mask(rule, number))


def may_hold(text: str) -> bool:
    """Whether `text` may hold a finding at all. Called for every value of every file, so
    it reads the raw text, and only when every character is a common one (ASCII, CJK,
    Chinese punctuation, full-width forms) whose folding the patterns below spell out; any
    other character sends the text to the full scan.

    A finding needs a character that folds into @ or #, or @ spelt otherwise (a bracketed
    or spaced "at", 艾特, 圈a, ``%40``); or 11 digits (an entity's ``&`` counts as one); or
    6 and a character every label has (号, 證, d…).
    """
    if not _COMMON.fullmatch(text):
        return True
    digits = _DIGITS.match(text)
    if digits and (digits.group(1) or _LABEL_HINT.search(text)):
        return True
    return bool(_SIGNS.search(text) or _NUMERAL_HINT.search(text) or _MESSENGER_HINT.search(text))


_LABELS = f"({_label_pattern(_ID_LABELS)})|({_label_pattern(_STUDENT_LABELS)})"
_RUN = re.compile(_PATTERNS["run"])
_GROUP = re.compile(_PATTERNS["group"])
_TIGHT_GAP = re.compile(_PATTERNS["tightGap"])
_PHONE_SHAPE = re.compile(_PATTERNS["phoneShape"])
_ID_SHAPE = re.compile(_PATTERNS["idShape"])
_AMOUNT_SHAPE = re.compile(_PATTERNS["amountShape"])
_PHONE_DIGITS = re.compile(_PATTERNS["phone"])
_ID_DIGITS = re.compile(_PATTERNS["idCard"])
_DOT = re.compile(_PATTERNS["dot"], re.IGNORECASE)
_WECHAT = re.compile(_PATTERNS["wechat"], re.IGNORECASE)
_QQ = re.compile(_PATTERNS["qq"], re.IGNORECASE)
_LABELLED = re.compile(rf"(?:{_LABELS}){_PATTERNS['gap']}({_PATTERNS['number']})", re.IGNORECASE)
_KEY_LABEL = re.compile(rf"(?:{_LABELS})", re.IGNORECASE)
_KEY_VALUE = re.compile(rf"{_PATTERNS['gap']}({_PATTERNS['number']})", re.IGNORECASE)
_COMMON = re.compile(
    r"[\t\n\r\x20-\x7e\u00b7\u00d7\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
    r"\u3000-\u3003\u3008-\u3011\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*"
)
_DIGIT = "[0-9０-９&]"
_DIGITS = re.compile(rf"(?:[^0-9０-９&]*+{_DIGIT}){{6}}((?:[^0-9０-９&]*+{_DIGIT}){{5}})?")
_SIGNS = re.compile(
    r"[@#&＠＃%艾圈\[(<{［（＜｛【\s]"
    r"(?:(?<=[@#&＠＃圈])|(?<=%)(?:40|23)|(?<=艾)特"
    r"|(?<=[\[(<{［（＜｛【])\s*[aAａＡ]\s*[tTｔＴ]|(?<=\s)[aAａＡ][tTｔＴ]\s)"
)
"""@ and its spellings; one character class first, so that `re` skips to where one may
start in its fast loop."""
_LABEL_HINT = re.compile(f"[{_widths(_LABEL_CHARACTERS)}]")
_NUMERAL = f"[{''.join(NUMERALS)}]"
_NEAR = r"[\s\-－—.·]*"
_NUMERAL_HINT = re.compile(
    rf"{_NUMERAL}(?:{_NEAR}{_NUMERAL}){{2}}|[0-9０-９]{_NEAR}{_NUMERAL}|{_NUMERAL}{_NEAR}[0-9０-９]"
)
"""Three numerals in a row, or a numeral beside a digit: a number read out (一三八…)."""
_MESSENGER_HINT = re.compile(
    rf"[微威薇徽{_widths('v')}]\s*信|扣\s*扣|企\s*[鹅鵝]"
    rf"|[{_widths('q')}]\s*[{_widths('q')}号號]|[{_widths('wv')}][{_widths('x')}]"
    rf"|[{_widths('w')}][{_widths('e')}][{_widths('ci')}]"
)
"""A WeChat or QQ label as written, any width or case (wx, vx, wec…: wechat, wei…: weixin;
not a bare "we", which English prose is full of)."""
