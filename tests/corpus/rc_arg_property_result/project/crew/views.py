from flask import request
from flask.views import MethodView
from flask_login import current_user, login_required, login_user

from crew.invites import send_invite
from crew.models import USERS


class AuthedView(MethodView):
    decorators = [login_required]

    @property
    def current_user(self):
        return current_user._get_current_object()


class InviteView(AuthedView):
    def post(self):
        subject = send_invite(self.current_user, request.form["email"])
        return {"sent": subject}, 201


class LoginView(MethodView):
    def post(self):
        login_user(USERS[int(request.form["user_id"])])
        return {"status": "ok"}


def register_views(app):
    app.add_url_rule("/login", view_func=LoginView.as_view("login"))
    app.add_url_rule("/invites", view_func=InviteView.as_view("invites"))
