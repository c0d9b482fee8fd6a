from flask import current_app


class BaseWriter:
    def title(self):
        return current_app.config["EXPORT_TITLE"]

    def extension(self):
        return current_app.config.get("EXPORT_EXTENSION", "txt")


class CsvWriter(BaseWriter):
    def title(self):
        return super().title() + ".csv"


class JsonWriter(BaseWriter):
    def extension(self):
        return "." + super(JsonWriter, self).extension()
