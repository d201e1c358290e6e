"""The confidential side of a call for applications: reviewers, score sheets, results.

`assignment` gives every application n reviewers without a conflict, with balanced loads;
`packets` and `sheets` write what a reviewer takes home (an A4 print version and an XLSX
score sheet); `returned` reads the returned sheets back, refusing anything edited;
`scoring` combines the scores as the call says, ranks and allocates the budget; `results`
writes the confidential report and the draft decisions; `follow_up` proposes the level
change of an accepted intake and lists overdue checkpoints; `panel` turns a call of the
checked model into what these take. Nothing here is published: every
output goes under ``build/`` (git-ignored), never into the site.
"""
