import pytest

from lending import create_app, db
from lending.models import Book, Member


class LibraryTestCase:
    """Base for the test classes: a fresh app, database and app context for every test method."""

    config = {"TESTING": True}

    def setup_method(self, method):
        self.app = create_app(self.config)
        self.client = self.app.test_client()
        self.ctx = self.app.app_context()
        self.ctx.push()
        db.create_all()

    def teardown_method(self, method):
        db.session.remove()
        db.drop_all()
        self.ctx.pop()

    @pytest.fixture
    def f_members(self):
        self.ana = Member(name="Ana")
        self.bo = Member(name="Bo")
        db.session.add_all([self.ana, self.bo])
        db.session.commit()

    @pytest.fixture
    def f_books(self, f_members):
        self.dune = Book(title="Dune")
        self.emma = Book(title="Emma")
        db.session.add_all([self.dune, self.emma])
        db.session.commit()
