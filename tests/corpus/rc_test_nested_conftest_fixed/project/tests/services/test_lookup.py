from app.billing import acting_user, find_customer


def test_unknown_email_is_not_found(app):
    with app.app_context():
        assert find_customer("nobody@example.com") is None


def test_changes_are_attributed_to_system(app):
    with app.app_context():
        assert acting_user() == "system"
