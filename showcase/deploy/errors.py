"""The one failure a deploy reports: a Chinese sentence, never a traceback."""

from __future__ import annotations

import errno


class DeployError(Exception):
    """Why a deploy step failed and what to do, in Chinese (`message`)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_CAUSES = {
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EROFS: "文件系统是只读的",
    errno.ENOTDIR: "路径中有一段是文件而不是文件夹",
    errno.ENOENT: "文件或文件夹不存在",
}


def explain_os_error(error: OSError) -> str:
    """`error` in Chinese: the cause when it is a common one, and the path it concerns."""
    cause = _CAUSES.get(error.errno or 0, error.strerror or str(error))
    where = f"（{error.filename}）" if error.filename else ""
    return f"{cause}{where}"
