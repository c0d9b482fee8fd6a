from flask import g, request

NOTES = ["buy milk", "call bob", "renew passport"]
QUERY_LOG = []


class Connection:
    def __init__(self):
        self.queries = 0

    def fetch_all(self):
        self.queries += 1
        return list(NOTES)

    def close(self):
        pass


def get_connection():
    if "db_conn" not in g:
        g.db_conn = Connection()
    return g.db_conn


def log_request_queries(exc):
    # teardown_request: runs while the request context is still pushed
    conn = g.get("db_conn")
    QUERY_LOG.append((request.path, conn.queries if conn else 0))


def close_connection(exc):
    conn = g.pop("db_conn", None)
    if conn is not None:
        conn.close()
