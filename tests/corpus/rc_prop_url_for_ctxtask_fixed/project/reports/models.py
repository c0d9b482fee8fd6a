from dataclasses import dataclass

from flask import url_for


@dataclass
class Report:
    id: int
    title: str
    owner_email: str
    ready: bool = False

    @property
    def download_url(self):
        return url_for("reports.download", report_id=self.id, _external=True)
