from flask_mail import Message

from blog.extensions import mail
from blog.models import User


def notify_followers(post_id):
    followers = User.query.all()
    for follower in followers:
        msg = Message(f"New post #{post_id}", recipients=[follower.email])
        mail.send(msg)
