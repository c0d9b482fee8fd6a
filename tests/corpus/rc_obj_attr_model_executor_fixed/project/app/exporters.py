import csv
import io

from app.models import User


class CsvExporter:
    columns = ()

    def export(self):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.columns)
        with self.app.app_context():
            rows = self.model.query.all()
        for row in rows:
            writer.writerow([getattr(row, c) for c in self.columns])
        return buffer.getvalue()


class UserExporter(CsvExporter):
    columns = ("id", "email", "name")

    def __init__(self, app):
        self.app = app
        self.model = User
