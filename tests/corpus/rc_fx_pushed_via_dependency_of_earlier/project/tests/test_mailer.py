from orders.mailer import send_confirmation
from orders.models import Order


def test_order_is_stored(sample_order):
    assert Order.query.filter_by(reference="A-100").one().total_cents == 2599


def test_confirmation_goes_to_customer(sample_order, mail_outbox):
    send_confirmation(sample_order)
    assert mail_outbox[0]["to"] == "ada@example.com"


def test_confirmation_names_the_order(mail_outbox, sample_order):
    send_confirmation(sample_order)
    assert "A-100" in mail_outbox[0]["body"]
