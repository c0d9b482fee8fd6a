from flask import Flask, jsonify
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///:memory:"
db = SQLAlchemy(app)


class Todo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False)
    done = db.Column(db.Boolean, default=False)


db.create_all()


@app.route("/todos")
def list_todos():
    todos = Todo.query.order_by(Todo.id).all()
    return jsonify([{"id": t.id, "title": t.title, "done": t.done} for t in todos])


@app.route("/todos/<title>", methods=["POST"])
def add_todo(title):
    db.session.add(Todo(title=title))
    db.session.commit()
    return {"ok": True}, 201


if __name__ == "__main__":
    app.run(debug=True)
