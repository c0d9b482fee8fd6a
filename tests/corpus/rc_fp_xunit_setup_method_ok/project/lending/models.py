from lending import db


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), nullable=False)


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False)


class Loan(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    book_id = db.Column(db.ForeignKey("book.id"), nullable=False)
    member_id = db.Column(db.ForeignKey("member.id"), nullable=False)
    due = db.Column(db.Date, nullable=False)
    returned = db.Column(db.Boolean, default=False, nullable=False)
