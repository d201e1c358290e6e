"""Typing a project into the 提交项目 form the way a person would, one widget at a time."""

from __future__ import annotations

from typing import Any


def fill(page: Any, data: dict[str, Any]) -> None:
    """Type `data` into the form the way a person would, one widget at a time."""
    for key, value in data.items():
        if isinstance(value, dict):
            for sub, text in value.items():
                page.fill(f"[data-path='{key}.{sub}'] input", text)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for index, item in enumerate(value):
                _ensure_rows(page, key, index)
                for sub, entry in item.items():
                    set_widget(page, f"[data-path='{key}.{index}.{sub}']", entry)
        elif isinstance(value, list) and page.locator(f"[data-path='{key}'] .sc-choices").count():
            for choice in value:
                page.check(f"[data-path='{key}'] input[value='{choice}']")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                _ensure_rows(page, key, index)
                page.fill(f"[data-path='{key}.{index}'] input", item)
        else:
            set_widget(page, f"[data-path='{key}']", value)


def _ensure_rows(page: Any, key: str, index: int) -> None:
    if not page.locator(f"[data-path='{key}.{index}']").count():
        page.click(f"[data-path='{key}'] > div > .sc-repeat__add")


def set_widget(page: Any, selector: str, value: Any) -> None:
    """Choose, tick or type `value` in the widget of the field at `selector`."""
    control = page.locator(
        f"{selector} > select, {selector} > input, {selector} > textarea,"
        f" {selector} > .sc-field__check > input"
    )
    tag = control.evaluate("node => node.tagName + (node.type || '')")
    if tag == "SELECTselect-one":
        control.select_option(value)
    elif tag == "INPUTcheckbox":
        control.set_checked(bool(value))
    else:
        control.fill(str(value))
