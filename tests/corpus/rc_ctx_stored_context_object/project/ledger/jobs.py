import threading

from ledger.books import close_day, export_filename


class NightlyClose:
    """Closes the day's entries; keeps its own application context for the run."""

    def __init__(self, app):
        self.app = app
        self.ctx = app.app_context()

    def run(self):
        closed = close_day()
        print(f"closed {closed} entries")
        return closed


class ExportWorker(threading.Thread):
    """Writes the export in the background; the context is created up front and pushed in run()."""

    def __init__(self, app, day):
        super().__init__(daemon=True)
        self.day = day
        self.ctx = app.app_context()

    def run(self):
        print("writing", export_filename(self.day))
