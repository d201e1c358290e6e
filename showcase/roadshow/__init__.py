"""Roadshow scheduling (项目路演): from a roadshow file to a conflict-free agenda.

Scheduling is part of validation (`showcase.validate.roadshow_rules` calls `scheduler`), so
this package sits below the validator: `selection` picks the projects a roadshow invites,
`grid` lays out the slots and breaks of a room on a day, `scheduler` places every pitch and
judge.
The records they work on are `showcase.roadshows`; the outputs built from an agenda are
`showcase.render.roadshow`; ``invoke agenda`` is `showcase.commands.agenda`.
"""
