from flask_login import UserMixin

from crew import login_manager


class User(UserMixin):
    def __init__(self, id, name, email):
        self.id = id
        self.name = name
        self.email = email


USERS = {
    1: User(1, "Ada", "ada@example.com"),
    2: User(2, "Grace", "grace@example.com"),
}


@login_manager.user_loader
def load_user(user_id):
    return USERS.get(int(user_id))
