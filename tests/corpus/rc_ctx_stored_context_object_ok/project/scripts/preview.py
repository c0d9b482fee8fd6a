"""Print the heading the ledger page would show: python scripts/preview.py"""

from ledger import create_app
from ledger.books import preview_heading

app = create_app()
ctx = app.test_request_context("/entries?day=2024-05-31")


def main():
    with ctx:
        print(preview_heading())


if __name__ == "__main__":
    main()
