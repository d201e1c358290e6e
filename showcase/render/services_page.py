"""One-stop services (一站式服务): every service from ``content/services.yaml``, grouped by
the six categories the policy names, each with what it offers and how to ask for it."""

from __future__ import annotations

from showcase.model import SERVICE_CATEGORIES, Model, Service
from showcase.render.html_blocks import anchor, bullet_list, facts, page, rich_block, section
from showcase.render.paths import PAGES_STYLESHEET
from showcase.render.text import attribute, rich


def render_services_page(model: Model) -> str:
    """The services page: one section per category, in the policy's order."""
    by_category: dict[str, list[Service]] = {category: [] for category in SERVICE_CATEGORIES}
    for service in model.services.values():
        by_category[service.category].append(service)
    meta = {
        "title": "一站式服务",
        "description": "法律援助、知识产权保护、业务培训、政策咨询、项目推介、融资投资",
    }
    jump = " · ".join(
        f'<a href="#service-{category}">{label}</a>'
        for category, label in SERVICE_CATEGORIES.items()
        if by_category[category]
    )
    body = [
        "<h1>一站式服务</h1>",
        "<p>众创空间联合校内部门和合作机构，为入驻学院创业苗圃、学校众创空间的学生团队"
        "提供以下服务。除特别说明外，服务均免费。</p>",
        f'<p class="sc-jump">{jump}</p>' if jump else "",
        *(
            _category(category, label, by_category[category])
            for category, label in SERVICE_CATEGORIES.items()
        ),
        "" if model.services else "<p>暂无服务信息。</p>",
    ]
    return page(meta, body, "sc-services", styles=(PAGES_STYLESHEET,))


def _category(category: str, label: str, services: list[Service]) -> str:
    if not services:
        return ""
    cards = "".join(_service(s) for s in services)
    return section(
        label,
        cards,
        searchable=True,
        css_class="sc-service-group",
        element_id=f"service-{category}",
    )


def _service(service: Service) -> str:
    link = anchor(service.link, "服务说明与申请入口", external=True) if service.link else ""
    return (
        f'<article class="sc-service" id="{attribute(service.id)}">'
        f"<h3>{attribute(service.name)}</h3>"
        + facts([("提供单位", attribute(service.provider)), ("地点", attribute(service.office))])
        + "<h4>服务内容</h4>"
        + bullet_list(attribute(offer) for offer in service.offers)
        + "<h4>如何申请</h4>"
        + rich_block(rich(service.how_to_apply, top=5))
        + (f"<p>{link}</p>" if link else "")
        + "</article>"
    )
