from flask import stream_with_context

from app.models import User


@stream_with_context
def iter_user_rows():
    yield "id,email,is_admin\n"
    for user in User.query.order_by(User.id).yield_per(100):
        yield f"{user.id},{user.email},{int(user.is_admin)}\n"
