from flask import current_app, request

LOG_LINES = [
    {"ts": "2024-05-01T10:00:00", "level": "INFO", "message": "worker started"},
    {"ts": "2024-05-01T10:00:03", "level": "ERROR", "message": "payment gateway timeout"},
    {"ts": "2024-05-01T10:00:09", "level": "INFO", "message": "payment retried"},
]


def iter_matching_lines():
    needle = request.args.get("q", "").lower()
    for line in LOG_LINES:
        if needle in line["message"].lower():
            yield f"{line['ts']} {line['level']} {line['message']}\n"


def iter_csv_rows():
    columns = current_app.config["EXPORT_COLUMNS"]
    yield ",".join(columns) + "\n"
    for line in LOG_LINES:
        yield ",".join(line[c] for c in columns) + "\n"
