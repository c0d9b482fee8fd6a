import threading

from exports.writers import CsvWriter, JsonWriter


def write_csv():
    writer = CsvWriter()
    return writer.title()


def write_json():
    writer = JsonWriter()
    return writer.extension()


def start_export():
    threading.Thread(target=write_csv).start()
    threading.Thread(target=write_json).start()
