import threading

from flask import Flask, jsonify, request
from flask_mail import Mail, Message

app = Flask(__name__)
app.config.update(
    MAIL_SERVER="smtp.example.com",
    MAIL_DEFAULT_SENDER="support@example.com",
    MAIL_SUPPRESS_SEND=True,
)
mail = Mail(app)


def send_reset_email(address, token):
    with app.app_context():
        msg = Message("Reset your password", recipients=[address], body=f"Your reset code: {token}")
        mail.send(msg)


@app.post("/password/forgot")
def forgot_password():
    address = request.form["email"]
    token = "123456"  # (token generation elided)
    threading.Thread(target=send_reset_email, args=(address, token)).start()
    return jsonify(sent=True)
