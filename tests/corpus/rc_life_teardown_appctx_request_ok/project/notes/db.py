from flask import g, has_request_context, request

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


def close_connection(exc):
    conn = g.pop("db_conn", None)
    if conn is not None:
        conn.close()
        where = request.path if has_request_context() else "<no request>"
        QUERY_LOG.append((where, conn.queries))
