from app.billing import acting_user, find_customer


def test_unknown_email_is_not_found(app):
    assert find_customer("nobody@example.com") is None


def test_changes_are_attributed_to_system(app):
    assert acting_user() == "system"
