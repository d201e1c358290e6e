"""Assessment of colleges and nurseries (评估考核): figures, scores, ranks, 先进单位.

Pure computation over the checked model and the plan (`showcase.assessment_plan`): the
site's pages and ``invoke report`` both read `assess`, so they cannot disagree.
"""

from showcase.assessment.scoring import Assessment, assess

__all__ = ["Assessment", "assess"]
