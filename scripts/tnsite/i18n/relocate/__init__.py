"""`tnsite move` and `tnsite delete`: a page renamed, moved or removed in every language at once,
with everything that points at it updated.

A page is the same path in every language folder, and many things name that path: links in the
pages of every language, the navigation in mkdocs.yml, data records (`page:`), the translations'
`translation.source`, `i18n/pending.yml` and the audit's page types. Done by hand, a move leaves
some of them behind and the editor meets them one broken build at a time. Here every edit is
planned first; when one of them cannot be made, nothing is changed and the editor is told what
to do; otherwise the edits are applied together and each is listed with its file and line.
"""

from tnsite.i18n.relocate.delete import plan_delete
from tnsite.i18n.relocate.move import plan_move
from tnsite.i18n.relocate.plan import Note, Plan, Refused, apply_plan

__all__ = ["Note", "Plan", "Refused", "apply_plan", "plan_delete", "plan_move"]
