"""What to click on the forge, for a secretary who has never used Git: one table per forge.

The 提交项目 page shows the steps of the site's forge under its result, and the guide
(content/pages/submit-guide.md) repeats every forge's steps word for word; both are
tested against these tables (tests/render/test_submit_secretary.py), so the text has one
owner. The steps avoid repository paths and field keys: the form shows the file's place
itself.
"""

from __future__ import annotations

import html

BRANCH = (
    "分支是仓库里的一份改动草稿：改动先放在分支里，维护人审核通过后才并入网站的正式内容，"
    "所以不要直接提交到主分支（main 或 master）。"
)
"""分支 in one plain sentence, the one time the steps need the word."""

COMMIT_MESSAGES = {"new": "新增项目：{name}", "edit": "修改项目：{name}"}
"""The commit message the result suggests (the form fills in the project's name)."""

FILE_STEPS: dict[str, tuple[str, ...]] = {
    "github": (
        "登录 GitHub：没有账号先点“Sign up”注册。登录后回到本页，再点一次本页的“在代码托管平台上新建此文件”（修改已有项目时按钮叫“在代码托管平台上编辑此文件”）。",
        "核对页面上方的文件名，应和结果里的“文件位置”相同，不要改动；内容已经填好。"
        "修改已有项目时，先在编辑框里全选原来的内容，再粘贴刚才复制的内容替换。",
        "点右上角绿色的“Commit changes…”按钮，在弹出窗口的“Commit message”一栏填上面建议的提交说明。",
        "选“Create a new branch for this commit and start a pull request”（新建分支并发起合并请求），"
        "不要选“Commit directly to the main branch”。" + BRANCH,
        "点“Propose changes”。页面提示你没有写权限时也一样点它：平台会自动把仓库复制一份到你的账号下。",
        "在接下来的页面点“Create pull request”，标题保持默认，再点一次“Create pull request”。看到合并请求的页面就完成了。",
    ),
    "gitlab": (
        "登录 GitLab（学校的代码托管平台通常用统一身份认证登录）。登录后回到本页，再点一次本页的“在代码托管平台上新建此文件”（修改已有项目时按钮叫“在代码托管平台上编辑此文件”）。",
        "核对页面上方的文件名，应和结果里的“文件位置”相同，不要改动；内容已经填好。"
        "修改已有项目时，先在编辑框里全选原来的内容，再粘贴刚才复制的内容替换。",
        "点页面下方的“提交更改”（Commit changes），在弹出窗口的“提交信息”（Commit message）一栏填上面建议的提交说明。",
        "选“提交到新分支”（Commit to a new branch），并勾选“为这些更改创建合并请求”（Create a merge request）。"
        + BRANCH,
        "点“提交更改”。在“新建合并请求”页面标题保持默认，点“创建合并请求”（Create merge request）。看到合并请求的页面就完成了。",
    ),
    "gitee": (
        "登录 Gitee：没有账号先注册。登录后回到本页，先点“复制内容”，再点一次本页的“在代码托管平台上新建此文件”（修改已有项目时按钮叫“在代码托管平台上编辑此文件”）。",
        "在“文件名”一栏填结果里“文件位置”最后一个斜杠后面的文件名；在编辑框里粘贴刚才复制的内容。"
        "修改已有项目时，先在编辑框里全选原来的内容，再粘贴替换。",
        "在页面下方的“提交信息”一栏填上面建议的提交说明。",
        "选“创建新分支并发起 Pull Request”（合并请求），不要直接提交到主分支。"
        + BRANCH
        + "页面提示你没有写权限时，按提示点“Fork”：平台会把仓库复制一份到你的账号下。",
        "点“提交”，在接下来的页面点“创建 Pull Request”，标题保持默认。看到 Pull Request 的页面就完成了。",
    ),
    "gitea": (
        "登录 Gitea。登录后回到本页，再点一次本页的“在代码托管平台上新建此文件”（修改已有项目时按钮叫“在代码托管平台上编辑此文件”）。",
        "核对页面上方的文件名，应和结果里的“文件位置”相同，不要改动；内容已经填好。"
        "修改已有项目时，先在编辑框里全选原来的内容，再粘贴刚才复制的内容替换。",
        "在页面下方的“提交信息”（Commit message）一栏填上面建议的提交说明。",
        "选“为此提交创建一个新的分支并发起合并请求”，不要选“直接提交至主分支”。" + BRANCH,
        "点“提交变更”（Commit changes），在“新建合并请求”页面标题保持默认，点“创建合并请求”。看到合并请求的页面就完成了。",
    ),
}
"""After "在代码托管平台上新建此文件": log in, check, commit message, a branch and a merge
request instead of the default branch, per forge."""

LOGO_STEPS = {
    "github": "GitHub：在合并请求页面顶部点你的分支名（例如 patch-1），依次进入 projects 文件夹和以学院编号命名的文件夹，"
    "点“Add file”→“Upload files”。这个页面不能新建文件夹，所以先在电脑上新建一个以项目编号命名的"
    "文件夹，把图片放进去，再把整个文件夹拖进上传区域；最后选“Commit directly to the 分支名 branch”并提交。",
    "gitlab": "GitLab：在合并请求页面点源分支名，依次进入 projects 文件夹和以学院编号命名的文件夹，点“+”→“新建目录”"
    "（New directory），名称填项目编号，目标分支保持为你的分支；进入新建的文件夹，点“+”→“上传文件”"
    "（Upload file），选中图片，提交到同一分支。",
    "gitee": "Gitee：在 Pull Request 页面点源分支名，依次进入 projects 文件夹和以学院编号命名的文件夹，点“新建文件夹”，"
    "名称填项目编号，提交到同一分支；进入新建的文件夹，点“上传文件”，选中图片，提交到同一分支。",
    "gitea": "Gitea：在合并请求页面点源分支名，依次进入 projects 文件夹和以学院编号命名的文件夹，点“添加文件”→“上传文件”"
    "（Add File → Upload File）；在页面上方的路径末尾输入“项目编号/”，把图片拖进上传区域，提交到同一分支。",
}
"""How an image reaches a project's folder on each forge: shown by the form for the site's
forge, and word for word in the guide's section on logos (tests/render/test_submit_secretary.py)."""


def file_steps_markdown(forge: str) -> str:
    """The forge's steps as the guide writes them: a numbered Markdown list."""
    return "".join(f"{number}. {step}\n" for number, step in enumerate(FILE_STEPS[forge], 1))


def file_steps_html(forge: str) -> str:
    """The forge's steps as the form shows them under its result."""
    items = "".join(f"<li>{html.escape(step)}</li>" for step in FILE_STEPS[forge])
    return f'<ol class="sc-submit__forge-steps">{items}</ol>'
