from datetime import date

from flask_babel import format_date
from flask_babel import lazy_gettext as _l

CONFERENCE_DAY = date(2025, 9, 18)


class ConferenceBanner:
    title = _l("FlaskConf is coming")
    date_label = format_date(CONFERENCE_DAY, format="long")

    def as_dict(self):
        return {"title": str(self.title), "date": self.date_label}
